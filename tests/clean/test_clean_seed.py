"""The seed scrape cleans to exactly the 38 paragraphs and kinds of `seed/gold.json`."""

from __future__ import annotations

import json
import re
import unicodedata
from pathlib import Path

import pytest

from eventwire.clean import clean_steps
from eventwire.knowledge import load_knowledge
from eventwire.model import Article
from eventwire.pipeline import Pipeline
from eventwire.read import read_inputs
from eventwire.settings import Settings


def norm(s: str) -> str:
    """Compare as `tools/score_seed.py` does: case, quotes, apostrophes and spacing aside."""
    s = unicodedata.normalize("NFKC", s or "").lower()
    s = re.sub(r"[\u2018\u2019\u201a\u201b'`\u00b4]", "", s)
    s = re.sub(r"[\u201c\u201d\u201e\u201f\"\u00ab\u00bb]", '"', s)
    return re.sub(r"\s+", " ", s).strip()


@pytest.fixture(scope="module")
def gold(shared_dir: Path) -> dict:
    return json.loads((shared_dir / "seed" / "gold.json").read_text(encoding="utf-8"))["cleaning"]


@pytest.fixture(scope="module")
def lines(shared_dir: Path) -> list[str]:
    text = (shared_dir / "seed" / "article.txt").read_text(encoding="utf-8")
    return [ln.strip() for ln in text.splitlines() if ln.strip()]


@pytest.fixture(scope="module")
def cleaned(shared_dir: Path) -> Article:
    [outcome] = read_inputs([str(shared_dir / "seed" / "article.txt")], Settings(), published="2022-03-23")
    return Pipeline(clean_steps(Settings(), load_knowledge())).run(outcome.item)


def texts(a: Article) -> list[str]:
    return [norm(a.text[p.start : p.end]) for p in a.paragraphs]


def test_raw_lines_count(gold: dict, lines: list[str]) -> None:
    assert len(lines) == gold["raw_nonempty_lines"]


def test_exactly_the_kept_paragraphs(cleaned: Article, gold: dict, lines: list[str]) -> None:
    assert len(cleaned.paragraphs) == gold["kept_paragraphs"]
    keep = [group[-1] for group in gold["duplicate_groups"]] + gold["body_raw_lines"]
    for raw in keep:
        assert texts(cleaned).count(norm(lines[raw])) == 1, lines[raw]
    for raw in gold["truncated_lines"]:
        assert norm(lines[raw]) not in texts(cleaned), lines[raw]


def test_title(cleaned: Article, gold: dict, lines: list[str]) -> None:
    assert norm(cleaned.title) == norm(lines[gold["title_raw_line"]])
    assert cleaned.paragraphs[0].kind == "title"
    assert [p.kind for p in cleaned.paragraphs].count("title") == 1


@pytest.mark.parametrize(
    ("key", "allowed"),
    [
        ("caption_raw_lines", {"caption"}),
        ("body_raw_lines", {"body"}),
        ("caption_or_body_raw_lines", {"caption", "body"}),
    ],
)
def test_kinds(cleaned: Article, gold: dict, lines: list[str], key: str, allowed: set[str]) -> None:
    found = texts(cleaned)
    for raw in gold[key]:
        kind = cleaned.paragraphs[found.index(norm(lines[raw]))].kind
        assert kind in allowed, (raw, kind, lines[raw])


def test_every_raw_line_is_accounted_for(cleaned: Article, gold: dict) -> None:
    owner = {raw: p.index for p in cleaned.paragraphs for raw in p.raw_lines}
    assert sorted(owner) == list(range(gold["raw_nonempty_lines"]))
    for group in gold["duplicate_groups"]:
        assert len({owner[raw] for raw in group}) == 1, group


def test_drop_records(cleaned: Article, gold: dict) -> None:
    dropped = {d.raw_line: d for d in cleaned.dropped}
    grouped = {raw for group in gold["duplicate_groups"] for raw in group}
    assert len(dropped) == len(gold["duplicate_groups"]) and set(dropped) <= grouped
    for raw in gold["truncated_lines"]:
        assert dropped[raw].reason == "truncated-duplicate"
    owner = {raw: p.index for p in cleaned.paragraphs for raw in p.raw_lines}
    for d in cleaned.dropped:
        # duplicate_of is the raw line of the version kept, which stands in the same paragraph
        assert d.reason in {"duplicate", "near-duplicate", "truncated-duplicate"}
        assert d.duplicate_of not in dropped and owner[d.duplicate_of] == owner[d.raw_line]


def test_offsets(cleaned: Article) -> None:
    cleaned.check()
    assert cleaned.text == "\n\n".join(cleaned.text[p.start : p.end] for p in cleaned.paragraphs)

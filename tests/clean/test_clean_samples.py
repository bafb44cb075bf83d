"""The shipped samples, each with its own scraping problems, clean as a careful reader would."""

from __future__ import annotations

from pathlib import Path

import pytest

from eventwire.clean import clean_steps
from eventwire.knowledge import load_knowledge
from eventwire.model import Article
from eventwire.pipeline import Pipeline
from eventwire.read import read_inputs
from eventwire.settings import Settings

SAMPLES = Path(__file__).resolve().parents[2] / "samples"


@pytest.fixture(scope="module")
def articles() -> dict[str, Article]:
    pipeline = Pipeline(clean_steps(Settings(), load_knowledge()))
    out = {}
    for outcome in read_inputs([str(SAMPLES)], Settings(), published="2000-01-01"):
        assert outcome.ok, outcome.error
        a = pipeline.run(outcome.item)
        out[Path(a.source.path).stem + (f"#{a.source.id}" if a.source.id else "")] = a
    return out


def kinds(a: Article) -> list[str]:
    return [p.kind for p in a.paragraphs]


def paragraph(a: Article, start: str) -> tuple[str, str]:
    [hit] = [
        (p.kind, a.text[p.start : p.end]) for p in a.paragraphs if a.text[p.start : p.end].startswith(start)
    ]
    return hit


def test_every_sample_cleans(articles: dict[str, Article]) -> None:
    assert len(articles) >= 8
    for a in articles.values():
        a.check()
        assert a.title and kinds(a)[0] == "title" and "body" in kinds(a)
        assert "\r" not in a.text and "\u00a0" not in a.text and "â€" not in a.text


def test_lagos_repeats_in_another_order_boilerplate_and_a_credit(articles: dict[str, Article]) -> None:
    a = articles["lagos-protest-2024-08-01"]
    assert a.published == "2000-01-01"  # a text file carries no date: the default applies
    assert [(d.raw_line, d.reason, d.duplicate_of) for d in a.dropped] == [
        (2, "boilerplate", None),
        (6, "boilerplate", None),
        (8, "duplicate", 3),
        (10, "duplicate", 1),
        (12, "boilerplate", None),
    ]
    assert paragraph(a, "Protesters run from tear gas")[0] == "caption"
    assert "hundreds of protesters" in a.text and "37 people detained" in a.text  # NBSP made plain


def test_sindh_cp1252_and_a_cut_title_with_no_full_version(articles: dict[str, Article]) -> None:
    a = articles["sindh-floods-2022-08-26"]
    assert a.title.endswith("swamp villages near the")
    assert [f.kind for f in a.flags] == ["truncated-title"]
    assert "“We lost everything in one night – the house" in a.text and "Pakistan’s" in a.text
    assert paragraph(a, "Residents wade through")[0] == "caption"


def test_hong_kong_page_metadata_and_figcaptions(articles: dict[str, Article]) -> None:
    a = articles["hong-kong-arrests-2021-01-06"]
    assert a.title == "Hong Kong police arrest 53 activists over unofficial primary election"
    assert a.published == "2021-01-06"
    assert a.source.url == "https://harbourpost.example/news/2021/01/06/hong-kong-arrests-primary"
    assert kinds(a).count("caption") == 2
    for junk in ("Subscribe", "cookies", "dataLayer", "Privacy", "Related"):
        assert junk not in a.text


def test_somalia_mojibake_credit_and_boilerplate(articles: dict[str, Article]) -> None:
    a = articles["somalia-airstrike-2023-11-14"]
    assert a.title == "US airstrike kills 12 al-Shabaab fighters near Jilib, Somali army says"
    assert a.published == "2023-11-14"
    assert "southern Somalia’s Middle Jubba" in a.text and "a “collective self-defence” strike" in a.text
    assert paragraph(a, "Somali soldiers patrol a road outside Kismayo")[0] == "caption"
    assert "Advertisement" not in a.text and "Sign up" not in a.text and "Share on" not in a.text


def test_wire_records(articles: dict[str, Article]) -> None:
    sudan = articles["wire-2023#wire-2023-0520-sudan"]
    kenya = articles["wire-2023#wire-2023-0402-kenya"]
    dhaka = articles["wire-2023#3"]
    assert (sudan.published, kenya.published, dhaka.published) == ("2023-05-20", "2023-04-02", "2000-01-01")
    assert [d.reason for d in sudan.dropped] == ["boilerplate", "boilerplate"]
    assert kinds(kenya)[-1] == "caption" and kenya.source.url is None
    assert sudan.source.url == "https://wire.example/2023/05/20/sudan-ceasefire"
    assert kinds(dhaka) == ["title", "body", "body", "body", "caption"]

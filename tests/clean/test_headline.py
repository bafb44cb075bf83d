"""The headline: the reader's title or the first line, recovered when cut, flagged when it cannot be."""

from __future__ import annotations

import pytest

from eventwire.clean import clean_steps
from eventwire.clean.headline import looks_truncated, strip_site
from eventwire.knowledge import load_knowledge
from eventwire.model import Article, RawArticle, Source
from eventwire.pipeline import Pipeline
from eventwire.settings import Settings

FULL = "Hong Kong police arrest 53 activists over unofficial primary election"
LEAD = "Hong Kong police arrested 53 pro-democracy activists in dawn raids on Wednesday, officials said."
SECOND = "About 1,000 officers took part in the operation, which targeted 72 addresses across the city."


def clean(text: str, title: str | None = None) -> Article:
    return Pipeline(clean_steps(Settings(), load_knowledge())).run(
        RawArticle(text=text, source=Source(path="t.txt"), title=title)
    )


def paragraphs(a: Article) -> list[tuple[str, str, list[int]]]:
    return [(p.kind, a.text[p.start : p.end], p.raw_lines) for p in a.paragraphs]


def test_first_line_is_the_title() -> None:
    a = clean(f"{FULL}\n\n{LEAD}\n\n{SECOND}")
    assert a.title == FULL
    assert paragraphs(a)[0] == ("title", FULL, [0])
    assert a.flags == []


def test_cut_headline_before_its_full_version_is_recovered() -> None:
    a = clean(f"Hong Kong police arrest 53 activists over\n\n{FULL}\n\n{LEAD}\n\n{SECOND}")
    assert a.title == FULL
    assert paragraphs(a)[0] == ("title", FULL, [0, 1])
    assert [(d.raw_line, d.reason, d.duplicate_of) for d in a.dropped] == [(0, "truncated-duplicate", 1)]
    assert a.flags == []


def test_cut_headline_with_no_full_version_is_kept_and_flagged() -> None:
    cut = "Hong Kong police arrest 53 activists over unofficial primary election in the"
    a = clean(f"{cut}\n\n{LEAD}\n\n{SECOND}")
    assert a.title == cut
    [flag] = a.flags
    assert flag.kind == "truncated-title"
    assert [(e.start, e.end, e.text) for e in flag.evidence] == [(0, len(cut), cut)]
    a.check()


def test_metadata_title_with_site_name_matches_the_first_line() -> None:
    a = clean(f"{FULL}\n\n{LEAD}\n\n{SECOND}", title=f"{FULL} | The Harbour Post")
    assert a.title == FULL
    assert len(a.paragraphs) == 3


def test_metadata_title_completes_a_cut_first_line() -> None:
    a = clean(f"Hong Kong police arrest 53 activists\n\n{LEAD}\n\n{SECOND}", title=f"{FULL} - Harbour Post")
    assert a.title == FULL
    assert paragraphs(a)[0] == ("title", FULL, [0])


def test_full_first_line_wins_over_a_cut_metadata_title() -> None:
    a = clean(f"{FULL}\n\n{LEAD}\n\n{SECOND}", title="Hong Kong police arrest 53 activists over…")
    assert a.title == FULL and a.flags == []


def test_metadata_title_absent_from_the_text_is_put_first() -> None:
    a = clean(f"{LEAD}\n\n{SECOND}", title=f"{FULL} | The Harbour Post")
    assert a.title == FULL
    assert paragraphs(a)[0] == ("title", FULL, [])
    assert a.text.startswith(FULL + "\n\n" + LEAD)


def test_a_short_metadata_title_does_not_swallow_a_body_paragraph() -> None:
    a = clean(f"{LEAD}\n\n{SECOND}", title="Hong Kong")
    assert a.title == "Hong Kong"
    assert [k for k, _, _ in paragraphs(a)] == ["title", "body", "body"]


def test_no_title_when_the_text_starts_with_body() -> None:
    a = clean(f"{LEAD}\n\n{SECOND}")
    assert a.title is None
    assert [p.kind for p in a.paragraphs] == ["body", "body"]


def test_a_body_sentence_with_a_stray_line_is_no_headline_before_or_after_cleaning() -> None:
    a = clean(f"{LEAD}\nAdvertisement\n\n{SECOND}")
    assert a.title is None
    again = clean(a.text)  # the two raw lines are one line now
    assert again.title is None
    assert [p[:2] for p in paragraphs(again)] == [p[:2] for p in paragraphs(a)]


def test_initials_do_not_end_a_headline_sentence() -> None:
    title = "U.S. Senate passes a bill to fund flood relief in Texas"
    assert clean(f"{title}\n\n{LEAD}\n\n{SECOND}").title == title


@pytest.mark.parametrize(
    ("title", "cut"),
    [
        ("Floods kill 30 in Sindh as rains swamp the", True),
        ("Floods kill 30 in Sindh as rains swamp villages…", True),
        ("Floods kill 30 in Sindh as rains swamp villages...", True),
        ("Floods kill 30 in Sindh as rains swamp villages", False),
        ("Putin’s spokesman resigns “in protest against the invasion”", False),
    ],
)
def test_looks_truncated(title: str, cut: bool) -> None:
    assert looks_truncated(title, load_knowledge().language.clean.headline_dangling_words) is cut


@pytest.mark.parametrize(
    ("title", "bare"),
    [
        ("Police arrest 53 activists | The Harbour Post", "Police arrest 53 activists"),
        ("US airstrike kills 12 near Jilib - Horn Daily News", "US airstrike kills 12 near Jilib"),
        ("Floods in Sindh – what we know so far", "Floods in Sindh – what we know so far"),
        ("Kyiv | BBC", "Kyiv | BBC"),
    ],
)
def test_strip_site(title: str, bare: str) -> None:
    assert strip_site(title, Settings().headline_min_chars) == bare


def test_a_caption_above_the_headline_is_passed_over() -> None:
    a = clean(f"Flooded fields near Sukkur. Photo: AFP\n\n{FULL}\n\n{LEAD}\n\n{SECOND}")
    assert a.title == FULL
    assert [(p.kind, p.raw_lines) for p in a.paragraphs][:2] == [("title", [1]), ("caption", [0])]


def test_a_headline_the_scrape_wrapped_over_two_lines_is_a_headline_before_and_after_cleaning() -> None:
    a = clean(f"Floods kill 30 in Sindh as rains\nswamp villages across the province\n\n{LEAD}\n\n{SECOND}")
    assert a.title == "Floods kill 30 in Sindh as rains swamp villages across the province"
    assert clean(a.text).title == a.title

"""A line a page really repeats is kept; a scraper's copy is dropped."""

from __future__ import annotations

from eventwire.clean import clean_steps
from eventwire.knowledge import load_knowledge
from eventwire.model import Article, RawArticle, Source
from eventwire.pipeline import Pipeline
from eventwire.settings import Settings

TITLE = "Thousands march against maternity unit closure"
CHANT = '"Keep our unit open," the marchers chanted as they passed the hospital gates.'
BODY = [
    "Several thousand people marched through Dunmore on Saturday against the closure of the maternity unit.",
    "The health board says the unit delivers too few babies to stay safe and mothers will be sent elsewhere.",
    "At the rally outside the town hall, a midwife who has worked at the unit for twenty years spoke.",
    "The board will make its final decision in July, after a public meeting in the town hall.",
]


def clean(paragraphs: list[str], fmt: str, captions: list[str] | None = None, **kw: object) -> Article:
    raw = RawArticle(
        text="\n\n".join([TITLE, *paragraphs]), source=Source(path="p", format=fmt), captions=captions or []
    )
    return Pipeline(clean_steps(Settings(**kw), load_knowledge())).run(raw)


def texts(article: Article) -> list[str]:
    return [article.text[p.start : p.end] for p in article.paragraphs]


PAGE = [BODY[0], CHANT, BODY[1], BODY[2], CHANT, BODY[3]]


def test_a_pages_own_repeat_far_from_its_first_is_kept() -> None:
    a = clean(PAGE, "html")
    assert texts(a)[1:] == PAGE and not a.dropped
    assert [p.kind for p in a.paragraphs].count("body") == 6
    a.check()


def test_the_gap_is_a_setting() -> None:
    a = clean(PAGE, "html", page_repeat_min_blocks=4)
    assert texts(a)[1:] == [BODY[0], CHANT, BODY[1], BODY[2], BODY[3]]


def test_a_copy_beside_its_first_is_dropped_even_in_a_page() -> None:
    a = clean([BODY[0], CHANT, CHANT, BODY[1]], "html")
    assert texts(a)[1:] == [BODY[0], CHANT, BODY[1]] and [d.reason for d in a.dropped] == ["duplicate"]


def test_a_text_scrapes_far_copy_is_dropped() -> None:
    a = clean(PAGE, "text")
    assert texts(a)[1:] == [BODY[0], CHANT, BODY[1], BODY[2], BODY[3]]
    assert [(d.raw_line, d.reason, d.duplicate_of) for d in a.dropped] == [(5, "duplicate", 2)]


def test_a_readers_caption_printed_in_the_body_is_still_one_caption() -> None:
    caption = "Marchers pass the hospital gates in Dunmore on Saturday."
    a = clean([BODY[0], caption, BODY[1], BODY[2], BODY[3]], "html", captions=[caption])
    assert texts(a).count(caption) == 1
    [kind] = [p.kind for p in a.paragraphs if a.text[p.start : p.end] == caption]
    assert kind == "caption"

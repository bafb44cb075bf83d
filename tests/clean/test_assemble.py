"""Assembling the article: text layout, paragraph spans, drop records, nothing left."""

from __future__ import annotations

import pytest

from eventwire.clean import clean_steps
from eventwire.errors import EventwireError
from eventwire.knowledge import load_knowledge
from eventwire.model import RawArticle, Source
from eventwire.pipeline import Pipeline
from eventwire.settings import Settings

RAW = (
    "Drone strike kills 11 near Jilib\r\n\r\n"
    "A drone strike killed 11 fighters near Jilib on Monday, the army said.\r\n\r\nAdvertisement\r\n\r\n"
    "Residents said\u00a0three herders were wounded, a claim the army denied.\r\n\r\n"
    "A drone strike killed 11 fighters near Jilib on Monday, the army said.\r\n"
)


def run(text: str, **kw):
    return Pipeline(clean_steps(Settings(), load_knowledge())).run(
        RawArticle(text=text, source=Source(path="j.txt"), **kw)
    )


def test_text_is_the_kept_paragraphs_joined_by_blank_lines() -> None:
    a = run(RAW, published="2023-11-14")
    assert a.text == (
        "Drone strike kills 11 near Jilib\n\n"
        "A drone strike killed 11 fighters near Jilib on Monday, the army said.\n\n"
        "Residents said three herders were wounded, a claim the army denied."
    )
    assert [(p.index, p.kind, p.raw_lines) for p in a.paragraphs] == [
        (0, "title", [0]),
        (1, "body", [1, 4]),
        (2, "body", [3]),
    ]
    for p in a.paragraphs:
        assert a.text[p.start : p.end].strip() == a.text[p.start : p.end] != ""
    assert [(d.raw_line, d.reason, d.duplicate_of) for d in a.dropped] == [
        (2, "boilerplate", None),
        (4, "duplicate", 1),
    ]
    assert (a.source.path, a.published, a.language, a.title) == (
        "j.txt",
        "2023-11-14",
        "en",
        "Drone strike kills 11 near Jilib",
    )
    assert a.id.startswith("sha256:")
    a.check()


def test_same_article_same_id_whatever_the_scrape() -> None:
    assert run(RAW).id == run(RAW.replace("\r\n", "\n").replace("Advertisement", "Share this article")).id


def test_nothing_left_after_cleaning() -> None:
    with pytest.raises(EventwireError) as info:
        run("Advertisement\n\nRead more: other news\n\nShare this article")
    assert info.value.code == "EW201" and info.value.where == "j.txt"

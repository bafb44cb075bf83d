"""Tables: one `table` paragraph a table, never a caption, headline or boilerplate; copies still dropped."""

from __future__ import annotations

from eventwire.clean import clean_steps
from eventwire.clean.blocks import Split
from eventwire.knowledge import load_knowledge
from eventwire.model import Article, RawArticle, Source
from eventwire.pipeline import Pipeline
from eventwire.settings import Settings

TITLE = "Displacement doubles in northern districts"
LEAD = "The number of people displaced in the north has more than doubled in a month, the agency said."
TABLE = (
    "| District | March | April |\n|---|---|---|\n| Kerrow | 4,100 | 9,800 |\n| Ashfield | 2,750 | 6,300 |"
)
ROWS = "| District | March | April |\n| Kerrow | 4,100 | 9,800 |\n| Ashfield | 2,750 | 6,300 |"
LAST = "It appealed for 12 million dollars to provide food and shelter until the end of the year."


def clean(text: str, fmt: str = "html", title: str | None = None) -> Article:
    raw = RawArticle(text=text, source=Source(path="t.html", format=fmt), title=title)
    return Pipeline(clean_steps(Settings(), load_knowledge())).run(raw)


def paragraphs(article: Article) -> list[tuple[str, str]]:
    return [(p.kind, article.text[p.start : p.end]) for p in article.paragraphs]


def test_a_table_is_one_paragraph_of_its_rows_without_the_header_rule() -> None:
    a = clean("\n\n".join([TITLE, LEAD, TABLE, LAST]))
    assert paragraphs(a) == [("title", TITLE), ("body", LEAD), ("table", ROWS), ("body", LAST)]
    assert a.paragraphs[2].raw_lines == [2, 3, 4, 5]  # the rule's raw line belongs to its table
    a.check()


def test_table_rows_inside_text_without_blank_lines() -> None:
    blocks = (
        Split(Settings(), load_knowledge())
        .process(RawArticle(text="\n".join([TITLE, LEAD, TABLE, LAST]), source=Source(path="t.txt")))
        .blocks
    )
    assert [(b.kind, b.text) for b in blocks] == [(None, TITLE), (None, LEAD), ("table", ROWS), (None, LAST)]


def test_a_table_is_never_a_caption_headline_or_boilerplate() -> None:
    credit = "| Photo: AFP | Advertisement |\n| Share this article | Read more: floods |"
    a = clean("\n\n".join([credit, LEAD, LAST]), fmt="text")
    assert paragraphs(a)[0] == ("table", credit)  # not taken for the headline, nor dropped
    assert not a.dropped


def test_a_copy_of_a_table_is_dropped() -> None:
    a = clean("\n\n".join([TITLE, LEAD, TABLE, LAST, TABLE]), fmt="text")
    assert [k for k, _ in paragraphs(a)] == ["title", "body", "table", "body"]
    assert [(d.raw_line, d.reason) for d in a.dropped] == [(7, "duplicate")]


def test_a_table_too_long_for_a_story_is_dropped_with_its_reason() -> None:
    dump = "\n".join(f"| Row {i} | {i * 7} |" for i in range(2000))
    a = clean("\n\n".join([TITLE, LEAD, dump, LAST]))
    assert [k for k, _ in paragraphs(a)] == ["title", "body", "body"]
    assert [(d.raw_line, d.reason, d.duplicate_of) for d in a.dropped] == [(2, "long-table", None)]
    raw = RawArticle(text="\n\n".join([TITLE, LEAD, dump, LAST]), source=Source(path="t.html", format="html"))
    kept = Pipeline(clean_steps(Settings(table_max_chars=100_000), load_knowledge())).run(raw)
    assert [k for k, _ in paragraphs(kept)] == ["title", "body", "table", "body"]  # the limit is a setting

"""Properties of the clean stage and the whole pipeline on generated text: the offset invariant holds,
paragraphs tile the text, and dedup is idempotent.

Texts are built from realistic news fragments (headlines, datelines, captions, boilerplate, repeats and
truncated copies) mixed with arbitrary Unicode; they pass through `tidy`, as every reader's text does.
"""

from __future__ import annotations

from typing import Any

import pytest
from hypothesis import HealthCheck, example, given, settings
from hypothesis import strategies as st

from eventwire.clean import clean_steps
from eventwire.errors import EventwireError
from eventwire.knowledge import load_knowledge
from eventwire.model import Article, RawArticle, Source
from eventwire.pipeline import Pipeline
from eventwire.read.decode import tidy
from eventwire.settings import Settings

FRAGMENTS = [
    "Police in Lagos fired tear gas at protesters on Thursday, witnesses said.",
    "KYIV, March 23 (Reuters) - Russian forces shelled Kharkiv overnight, killing at least 5 people.",
    "Hong Kong police arrested 53 activists in dawn raids on Wednesday.",
    "A drone strike killed 12 fighters near Jilib on Monday, the army said.",
    "“We lost everything,” said a farmer who sheltered on a raised road near Dadu.",
    "Poland expelled 45 Russian diplomats suspected of spying, the interior minister said.",
    "Residents wade through a flooded street in Dadu. Photo: AFP",
    "Advertisement",
    "Read more: Pakistan appeals for aid",
    "Updated: 23 March 2022 10:15 GMT",
    "Sudan's army and the RSF agreed to a seven-day ceasefire in Jeddah, mediators said late on Saturday.",
]
SEPARATORS = ["\n\n", "\n", " ", "\r\n\r\n", "\n\n\n", "\t"]

junk = st.text(
    alphabet=st.characters(blacklist_categories=["Cs"]),  # any code point a decoder can produce
    max_size=30,
)
piece = st.one_of(
    st.sampled_from(FRAGMENTS),
    st.sampled_from(FRAGMENTS).map(lambda t: t[: max(len(t) // 2, 10)]),  # a truncated copy
    st.sampled_from(FRAGMENTS).map(str.upper),
    junk,
)
texts = st.lists(st.tuples(piece, st.sampled_from(SEPARATORS)), min_size=1, max_size=12).map(
    lambda parts: "".join(p + sep for p, sep in parts)
)
ACCEPTED = {"EW102", "EW108", "EW201", "EW301"}
"""Codes a generated text may be refused with: empty, not an article, nothing left, not English."""

CLEAN = Pipeline(clean_steps(Settings(), load_knowledge()))


def _raw(text: str, title: str | None = None) -> RawArticle:
    return RawArticle(
        text=tidy(text), source=Source(path="generated.txt"), title=title, published="2024-08-01"
    )


def _clean(text: str, title: str | None = None) -> Article | None:
    try:
        return CLEAN.run(_raw(text, title))
    except EventwireError as exc:
        assert exc.code in ACCEPTED, exc.message
        return None


def _spans(node: Any) -> list[dict[str, Any]]:
    if isinstance(node, dict):
        here = [node] if {"start", "end", "text"} <= node.keys() and isinstance(node["start"], int) else []
        return here + [s for v in node.values() for s in _spans(v)]
    if isinstance(node, list):
        return [s for v in node for s in _spans(v)]
    return []


def _paragraphs(article: Article) -> list[str]:
    return [article.text[p.start : p.end] for p in article.paragraphs]


def assert_invariant(article: Article) -> None:
    """Every span in the document form points at its own text; paragraphs tile the text with blank lines."""
    article.check()
    doc = article.to_dict()
    for span in _spans(doc):
        assert doc["text"][span["start"] : span["end"]] == span["text"], span
    assert article.text == "\n\n".join(_paragraphs(article))
    assert all(p.start < p.end for p in article.paragraphs)
    assert [p.index for p in article.paragraphs] == list(range(len(article.paragraphs)))


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(texts, st.one_of(st.none(), st.sampled_from(FRAGMENTS), junk))
def test_clean_keeps_the_offset_invariant(text: str, title: str | None) -> None:
    article = _clean(text, title)
    if article is not None:
        assert_invariant(article)


@settings(max_examples=100, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(texts)
@example(  # a cut line and a boilerplate line, once joined as a wrapped paragraph
    "Residents wade through a flooded street in Dadu. Photo: AFP\n\nPolice in Lagos fired tear gas at pr\n"
    "Advertisement\n\nPolice in Lagos fired tear gas at protesters on Thursday, witnesses said.\n\n"
)
@example(  # two cut lines joined as one paragraph: a headline once cleaned, so a headline before too
    "Residents wade through a flooded street in Dadu. Photo: AFP\n\nPolice in Lagos fired tear gas at pr\n"
    "Hong Kong police arrested 53 acti\n\nPolice in Lagos fired tear gas at protesters on Thursday.\n\n"
)
@example(  # a line printed twice, whole, once joined to its copy as a wrapped paragraph
    "Residents wade through a flooded street in Dadu. Photo: AFP\n\nPolice in Lagos fired tear gas at pr\n"
    "Police in Lagos fired tear gas at pr\n\nPolice in Lagos fired tear gas at protesters on Thursday.\n\n"
)
def test_dedup_is_idempotent(text: str) -> None:
    """Cleaning the cleaned text again keeps the same paragraphs and drops nothing more as a repeat."""
    first = _clean(text)
    if first is None:
        return
    again = _clean(first.text, first.title)
    assert again is not None
    assert _paragraphs(again) == _paragraphs(first)
    assert not [d for d in again.dropped if d.reason != "boilerplate"]


@pytest.fixture(scope="module")
def full() -> Pipeline:
    """The whole article pipeline (spaCy and the gazetteer load once for the module)."""
    from eventwire.stages import article_pipeline

    pipeline = article_pipeline(Settings(), load_knowledge())
    pipeline.setup()
    return pipeline


@settings(
    max_examples=25,
    deadline=None,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.function_scoped_fixture],
)
@given(texts)
def test_full_pipeline_keeps_the_offset_invariant(full: Pipeline, text: str) -> None:
    """Entities, places, times, quantities, events and flags all point into the text they name."""
    try:
        article = full.run(_raw(text))
    except EventwireError as exc:
        assert exc.code in ACCEPTED, exc.message
        return
    assert_invariant(article)

"""Find the headline: the reader's title or the first line, recovered when the scrape cut it."""

from __future__ import annotations

import re

from eventwire.clean.blocks import Block, Draft
from eventwire.clean.kinds import caption_score, signals
from eventwire.clean.normalize import fold, repair, strip_cut
from eventwire.model import Flag
from eventwire.pipeline import ArticleStep

MAX_HEADLINE_CHARS = 300
STRONG_CAPTION = 1.0
"""A caption score this high (a caption's own words, or the reader's figcaption) rules a headline out."""
_PIPE_SUFFIX = re.compile(r"\s+[|\u00bb:]{1,2}\s+[^|]{2,60}$")
_DASH_SUFFIX = re.compile(r"\s+[\u2013\u2014-]\s+((?:[A-Z0-9][\w.&'\u2019-]*\s?){1,5})$")
"""A dash suffix is a site's name only when it is a few capitalized words ("Horn Daily News", "BBC")."""
_CUT_MARK = re.compile(r"(\.\.\.|\u2026)\s*$")


def dangling_words() -> frozenset[str]:
    """Words a headline cannot end with (articles, prepositions, auxiliaries), from `signals.json`."""
    return frozenset(signals()["headline_dangling_words"])


def looks_truncated(title: str) -> bool:
    """True when a headline ends with an ellipsis or a word that cannot end a sentence."""
    words = fold(title).rstrip(" ,;:").split()
    return bool(_CUT_MARK.search(title)) or (bool(words) and words[-1] in dangling_words())


_SENTENCE_INSIDE = re.compile(r"[^\W\d_]{2}[.!?][\"'\u201d\u2019]?\s+\S")
"""A sentence ending before more text ("…said. Advertisement"), not an initial ("U.S. Senate")."""


def looks_like_headline(block: Block) -> bool:
    """A short single line of one sentence that does not end like a sentence of body text.

    Judged on the text, not only on the raw lines, so that cleaning the cleaned text finds the same
    headline: a paragraph joined from lines is one line once cleaned.
    """
    text = block.text.rstrip("\"'\u201d\u2019 ")
    return (
        len(block.text) <= MAX_HEADLINE_CHARS
        and len(block.raw_lines) <= 1
        and not text.endswith(".")
        and not _SENTENCE_INSIDE.search(text)
    )


def strip_site(title: str) -> str:
    """A page title without the site's name appended to it ("… | The Harbour Post", "… - BBC News")."""
    bare = _PIPE_SUFFIX.sub("", title)
    if bare == title:
        bare = _DASH_SUFFIX.sub("", title)
    return bare if len(bare) >= 10 else title


class Headline(ArticleStep):
    """Choose the title block (the reader's title, or the first kept block), mark it and recover it."""

    name = "headline"
    needs = frozenset({"kinds"})
    adds = frozenset({"title"})

    def process(self, draft: Draft) -> Draft:
        kept = draft.kept()
        meta = repair(draft.raw.title.strip()) if draft.raw.title else None
        index = _match_meta(draft, kept, meta) if meta else None
        if index is None and meta:
            bare = strip_site(meta)
            draft.blocks.insert(0, Block(text=bare, raw_lines=[], key=fold(bare), hint="title"))
            _shift(draft)
            index = 0
        if index is None and len(kept) > 1:
            index = _first_line_title(draft, kept)
        if index is None:
            return draft
        block = draft.blocks[index]
        block.kind = "title"
        draft.title = index
        if looks_truncated(block.text):
            flag = Flag(
                kind="truncated-title", message="the headline looks cut off and no full version was found"
            )
            draft.flags.append((flag, index))
        return draft


def _first_line_title(draft: Draft, kept: list[int]) -> int | None:
    """The first kept block, passing over plain captions (a photo credit printed above the headline)."""
    for i in kept[:-1]:
        block = draft.blocks[i]
        if caption_score(block) < STRONG_CAPTION:
            return i if looks_like_headline(block) else None
    return None


def _match_meta(draft: Draft, kept: list[int], meta: str) -> int | None:
    """The kept block among the first few that is the metadata title; the fuller of the two wins.

    A block equal to the title (with or without the site's name) is the title. A headline-like block
    that starts with the title is its full version (the metadata was cut). A block that the title
    starts with is a cut version: it takes the title's text.
    """
    bare = strip_site(meta)
    titles = [bare, meta] if bare != meta else [meta]
    for i in kept[:3]:
        block = draft.blocks[i]
        for title in titles:
            key = fold(title)
            short = strip_cut(key)
            if block.key == key or (
                len(short) >= 10 and looks_like_headline(block) and block.key.startswith(short)
            ):
                return i
        cut = strip_cut(block.key)
        for title in titles:
            key = fold(title)
            if len(cut) >= 10 and len(cut) < len(key) and key.startswith(cut):
                block.text, block.key = title, key
                return i
    return None


def _shift(draft: Draft) -> None:
    """Keep duplicate links pointing at the same blocks after a block was inserted at 0."""
    for b in draft.blocks[1:]:
        if b.duplicate_of is not None:
            b.duplicate_of += 1

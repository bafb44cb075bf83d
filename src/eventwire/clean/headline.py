"""Find the headline: the reader's title or the first line, recovered when the scrape cut it."""

from __future__ import annotations

import re

from eventwire.clean.blocks import Block, Draft
from eventwire.clean.normalize import fold, repair, strip_cut
from eventwire.model import Flag
from eventwire.pipeline import Step

MAX_HEADLINE_CHARS = 300
_SITE_SUFFIX = re.compile(r"\s+[|\u2013\u2014-]\s+[^|\u2013\u2014-]{2,60}$")
_DANGLING = {
    "a",
    "an",
    "the",
    "of",
    "in",
    "on",
    "at",
    "to",
    "for",
    "and",
    "or",
    "but",
    "with",
    "by",
    "from",
    "as",
    "after",
    "before",
    "into",
    "over",
    "its",
    "his",
    "her",
    "their",
    "is",
    "are",
    "was",
    "were",
}
_CUT_MARK = re.compile(r"(\.\.\.|\u2026)\s*$")


def looks_truncated(title: str) -> bool:
    """True when a headline ends with an ellipsis or a word that cannot end a sentence."""
    words = fold(title).rstrip(" ,;:").split()
    return bool(_CUT_MARK.search(title)) or (bool(words) and words[-1] in _DANGLING)


def looks_like_headline(block: Block) -> bool:
    """A short single line that does not end like a sentence of body text."""
    text = block.text.rstrip("\"'\u201d\u2019 ")
    return len(block.text) <= MAX_HEADLINE_CHARS and len(block.raw_lines) <= 1 and not text.endswith(".")


class Headline(Step):
    """Choose the title block (the reader's title, or the first kept block), mark it and recover it."""

    name = "headline"
    needs = frozenset({"kinds"})
    adds = frozenset({"title"})

    def process(self, draft: Draft) -> Draft:
        kept = draft.kept()
        meta = repair(draft.raw.title.strip()) if draft.raw.title else None
        index = self._match_meta(draft, kept, meta) if meta else None
        if index is None and meta:
            draft.blocks.insert(0, Block(text=meta, raw_lines=[], key=fold(meta), hint="title"))
            _shift(draft)
            index = 0
        if index is None and kept and len(kept) > 1 and looks_like_headline(draft.blocks[kept[0]]):
            index = kept[0]
        if index is None:
            return draft
        block = draft.blocks[index]
        block.kind = "title"
        draft.title = index
        if looks_truncated(block.text):
            draft.flags.append(
                (
                    Flag(
                        kind="truncated-title",
                        message="the headline looks cut off and no full version was found",
                    ),
                    index,
                )
            )
        return draft

    @staticmethod
    def _match_meta(draft: Draft, kept: list[int], meta: str) -> int | None:
        """The kept block among the first few that is the metadata title, fuller version winning."""
        keys = [fold(meta)]
        bare = _SITE_SUFFIX.sub("", meta)
        if bare != meta:
            keys.append(fold(bare))
        for i in kept[:3]:
            block = draft.blocks[i]
            for key in keys:
                short = strip_cut(key)
                if block.key == key or block.key.startswith(short):
                    return i
                if key.startswith(strip_cut(block.key)) and len(block.key) >= 10:
                    text = bare if key != keys[0] else meta
                    block.text, block.key = text, key
                    return i
        return None


def _shift(draft: Draft) -> None:
    """Keep duplicate links pointing at the same blocks after a block was inserted at 0."""
    for b in draft.blocks[1:]:
        if b.duplicate_of is not None:
            b.duplicate_of += 1

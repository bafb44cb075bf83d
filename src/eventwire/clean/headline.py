"""Find the headline: the reader's title or the first line, recovered when the scrape cut it."""

from __future__ import annotations

import re

from eventwire.clean.blocks import ArticleBlocks, Block
from eventwire.clean.kinds import Captions
from eventwire.clean.normalize import fold, repair, strip_cut
from eventwire.knowledge import Knowledge
from eventwire.model import Flag
from eventwire.pipeline import ArticleStep
from eventwire.settings import Settings

_PIPE_SUFFIX = re.compile(r"\s+[|\u00bb:]{1,2}\s+[^|]{2,60}$")
_DASH_SUFFIX = re.compile(r"\s+[\u2013\u2014-]\s+((?:[A-Z0-9][\w.&'\u2019-]*\s?){1,5})$")
"""A dash suffix is a site's name only when it is a few capitalized words ("Horn Daily News", "BBC")."""
_CUT_MARK = re.compile(r"(\.\.\.|\u2026)\s*$")


def looks_truncated(title: str, dangling: frozenset[str]) -> bool:
    """True when a headline ends with an ellipsis or a word that cannot end a sentence (in `dangling`)."""
    words = fold(title).rstrip(" ,;:").split()
    return bool(_CUT_MARK.search(title)) or (bool(words) and words[-1] in dangling)


_SENTENCE_INSIDE = re.compile(r"[^\W\d_]{2}[.!?][\"'\u201d\u2019]?\s+\S")
"""A sentence ending before more text ("…said. Advertisement"), not an initial ("U.S. Senate")."""


def looks_like_headline(block: Block, max_chars: int) -> bool:
    """One sentence, at most `max_chars` long, that does not end like body text.

    Judged on the text alone, not on the raw lines it was joined from, so that cleaning the cleaned text
    finds the same headline: a paragraph joined from lines is one line once cleaned (a headline the
    scrape wrapped over two lines is a headline).
    """
    text = block.text.rstrip("\"'\u201d\u2019 ")
    return len(block.text) <= max_chars and not text.endswith(".") and not _SENTENCE_INSIDE.search(text)


def strip_site(title: str, min_chars: int) -> str:
    """A page title without the site's name appended to it ("… | The Harbour Post", "… - BBC News"),
    unless less than `min_chars` would be left."""
    bare = _PIPE_SUFFIX.sub("", title)
    if bare == title:
        bare = _DASH_SUFFIX.sub("", title)
    return bare if len(bare) >= min_chars else title


class Headline(ArticleStep):
    """Choose the title block (the reader's title, or the first kept block), mark it and recover it; weigh
    the lead after it."""

    name = "headline"
    needs = frozenset({"kinds"})
    adds = frozenset({"title"})

    def __init__(self, settings: Settings, knowledge: Knowledge) -> None:
        super().__init__(settings, knowledge)
        self.captions = Captions(knowledge.language.clean, settings)

    def process(self, doc: ArticleBlocks) -> ArticleBlocks:
        kept = doc.kept()
        meta = repair(doc.raw.title.strip()) if doc.raw.title else None
        index = self._match_meta(doc, kept, meta) if meta else None
        if index is None and meta:
            bare = strip_site(meta, self.settings.headline_min_chars)
            doc.blocks.insert(0, Block(text=bare, raw_lines=[], key=fold(bare), hint="title"))
            _shift(doc)
            index = 0
        if index is None and len(kept) > 1:
            index = self._first_line_title(doc, kept)
        if index is not None:
            self._mark(doc, index)
        self._lead(doc)
        return doc

    def _mark(self, doc: ArticleBlocks, index: int) -> None:
        block = doc.blocks[index]
        block.kind = "title"
        doc.title = index
        if looks_truncated(block.text, self.knowledge.language.clean.headline_dangling_words):
            flag = Flag(
                kind="truncated-title", message="the headline looks cut off and no full version was found"
            )
            doc.flags.append((flag, index))

    def _lead(self, doc: ArticleBlocks) -> None:
        """The lead (the first kept block after the title) scores `caption_weight_lead` more as a caption:
        a one-sentence lead that opens on a scene ("Protesters gather outside parliament …") is body."""
        after = [i for i in doc.kept() if doc.title is None or i > doc.title]
        if not after or doc.blocks[after[0]].kind != "caption":
            return
        lead = doc.blocks[after[0]]
        if self.captions.score(lead) + self.settings.caption_weight_lead < self.settings.caption_threshold:
            lead.kind = "body"

    def _first_line_title(self, doc: ArticleBlocks, kept: list[int]) -> int | None:
        """The first kept block, passing over plain captions (a photo credit printed above the headline)."""
        for i in kept[:-1]:
            block = doc.blocks[i]
            if block.kind == "table":
                return None
            if self.captions.score(block) < self.settings.headline_caption_veto:
                return i if looks_like_headline(block, self.settings.headline_max_chars) else None
        return None

    def _match_meta(self, doc: ArticleBlocks, kept: list[int], meta: str) -> int | None:
        """The kept block among the first few that is the metadata title; the fuller of the two wins.

        A block equal to the title (with or without the site's name) is the title. A headline-like block
        that starts with the title is its full version (the metadata was cut). A block that the title
        starts with is a cut version: it takes the title's text.
        """
        s = self.settings
        bare = strip_site(meta, s.headline_min_chars)
        titles = [bare, meta] if bare != meta else [meta]
        for i in kept[: s.headline_meta_blocks]:
            block = doc.blocks[i]
            if block.kind == "table":
                continue
            for title in titles:
                key = fold(title)
                short = strip_cut(key)
                if block.key == key or (
                    len(short) >= s.headline_min_chars
                    and looks_like_headline(block, s.headline_max_chars)
                    and block.key.startswith(short)
                ):
                    return i
            cut = strip_cut(block.key)
            for title in titles:
                key = fold(title)
                if len(cut) >= s.headline_min_chars and len(cut) < len(key) and key.startswith(cut):
                    block.text, block.key = title, key
                    return i
        return None


def _shift(doc: ArticleBlocks) -> None:
    """Keep duplicate links pointing at the same blocks after a block was inserted at 0."""
    for b in doc.blocks[1:]:
        if b.duplicate_of is not None:
            b.duplicate_of += 1

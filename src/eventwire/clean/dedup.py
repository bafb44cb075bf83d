"""Drop repeated paragraphs: exact copies, near copies, and truncated prefixes of a fuller paragraph.

Paraphrases that merely share words are kept: a caption retelling a body paragraph is a distinct
paragraph, merged later at the event level. A page read from its markup (HTML) prints each element once,
so an exact copy a few paragraphs after its first (a chant, a refrain) is the page's own and is kept; a
copy next to it (a caption printed twice) is still dropped. A text scrape's copies are all dropped.
"""

from __future__ import annotations

from rapidfuzz import process
from rapidfuzz.distance import Indel

from eventwire.clean.blocks import ArticleBlocks, Block, kept_copy
from eventwire.clean.normalize import strip_cut
from eventwire.model import MARKUP_FORMATS
from eventwire.pipeline import ArticleStep


class Dedup(ArticleStep):
    """Mark each block that copies another with the reason, and keep the fullest version."""

    name = "dedup"
    needs = frozenset({"blocks"})
    adds = frozenset({"dedup"})

    def process(self, doc: ArticleBlocks) -> ArticleBlocks:
        blocks = doc.blocks
        markup = doc.raw.source.format in MARKUP_FORMATS
        self._exact(blocks, self.settings.page_repeat_min_blocks if markup else None)
        self._truncated(blocks)
        self._near(blocks)
        return doc

    def _exact(self, blocks: list[Block], kept_gap: int | None) -> None:
        """Drop exact copies; with `kept_gap`, a copy at least that many blocks after the last kept one
        (a reader's caption aside) is kept."""
        last: dict[str, int] = {}
        for i, b in enumerate(blocks):
            j = last.get(b.key)
            if j is not None and not _page_repeat(blocks, j, i, kept_gap):
                _drop(blocks, i, j, "duplicate")
            else:
                last[b.key] = i

    def _truncated(self, blocks: list[Block]) -> None:
        """A key that is a prefix of another sorts right before it: compare sorted neighbours only."""
        live = [(strip_cut(b.key), i) for i, b in enumerate(blocks) if b.drop is None]
        live.sort()
        for (short, i), (_, j) in zip(live, live[1:], strict=False):
            longer = blocks[j].key
            if (
                len(short) >= self.settings.truncated_min_chars
                and len(short) < len(longer)
                and longer.startswith(short)
            ):
                _drop(blocks, i, kept_copy(blocks, j), "truncated-duplicate")

    def _near(self, blocks: list[Block]) -> None:
        cutoff = self.settings.near_duplicate_ratio
        live = [i for i, b in enumerate(blocks) if b.drop is None]
        shortest = self.settings.truncated_min_chars
        for n, i in enumerate(live):
            a = blocks[i].key
            if blocks[i].drop is not None or len(a) < shortest:
                continue
            window = live[n + 1 : n + 1 + self.settings.near_duplicate_window]
            # Scored in C over the whole window; the matches are then taken in order, as a loop would.
            matches = process.extract(
                a,
                [blocks[j].key for j in window],
                scorer=Indel.normalized_similarity,
                score_cutoff=cutoff,
                limit=None,
            )
            for j in sorted(window[m[2]] for m in matches):
                b = blocks[j].key
                if blocks[j].drop is not None or len(b) < shortest or b == a:  # a kept exact repeat
                    continue
                keep, lose = (i, j) if len(a) >= len(b) else (j, i)
                _drop(blocks, lose, keep, "near-duplicate")
                if lose == i:
                    break


def _page_repeat(blocks: list[Block], first: int, copy: int, kept_gap: int | None) -> bool:
    """Whether the copy is the page's own repeat: `kept_gap` blocks on or more, neither a caption."""
    far = kept_gap is not None and copy - first >= kept_gap
    return far and not blocks[first].hint and not blocks[copy].hint


def _drop(blocks: list[Block], lose: int, keep: int, reason: str) -> None:
    blocks[lose].drop = reason
    blocks[lose].duplicate_of = keep
    blocks[keep].repeats += 1 + blocks[lose].repeats
    blocks[keep].adjacent_repeat |= abs(lose - keep) == 1 or blocks[lose].adjacent_repeat
    blocks[keep].hint = blocks[keep].hint or blocks[lose].hint  # a figcaption also printed in the body

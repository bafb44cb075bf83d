"""The working state of the clean stage: raw text split into blocks (candidate paragraphs)."""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from eventwire.clean.normalize import fold, repair, strip_cut
from eventwire.errors import EventwireError
from eventwire.model import TABLE_ROW, TABLE_RULE, Flag, RawArticle
from eventwire.pipeline import ArticleStep
from eventwire.settings import Settings


@dataclass
class Block:
    """A candidate paragraph: its text, the raw (non-empty) lines it came from, and the verdicts on it."""

    text: str
    raw_lines: list[int]
    key: str = ""
    kind: str | None = None
    """"table" from the split (a table's rows), then "caption", "body" or "title" by the later steps."""
    hint: str | None = None
    """What the reader knew: "caption" for an HTML figcaption, "title" for the metadata headline."""
    repeats: int = 0
    """How many other blocks were dropped as copies of this one."""
    adjacent_repeat: bool = False
    """True when a copy of this block stood right next to it in the scrape (a caption printed twice)."""
    drop: str | None = None
    duplicate_of: int | None = None
    """Index (in `ArticleBlocks.blocks`) of the block this one copies."""


@dataclass
class ArticleBlocks:
    """An article being cleaned: the raw article, its blocks with the verdicts on them, the title."""

    raw: RawArticle
    blocks: list[Block] = field(default_factory=list)
    title: int | None = None
    """Index of the title block, once known."""
    flags: list[tuple[Flag, int]] = field(default_factory=list)
    """Flags raised while cleaning, with the block whose text is their evidence."""

    def kept(self) -> list[int]:
        """Indexes of the blocks not dropped, in order."""
        return [i for i, b in enumerate(self.blocks) if b.drop is None]


class Split(ArticleStep):
    """Split raw text into blocks: blank-line separated blocks, or one block a line when there are none.

    A blank-line separated group of lines is one paragraph only when it reads as hard-wrapped prose
    (lines of like width, the last no wider); otherwise each line is its own block, so a headline
    printed right above the first paragraph stays a headline, and a line printed twice, once cut short,
    stays apart for the dedup step to drop. Hard-wrapped text without blank lines
    is unwrapped: a line well short of the wrap width ends a paragraph. Raw line numbers count the
    non-empty lines of the raw text from 0. A run of table rows ("| Kerrow | 4,100 |") is one `table`
    block, a row a line, whatever the lines around it. Captions a reader found apart from the body follow.
    """

    name = "split"
    needs = frozenset({"raw"})
    adds = frozenset({"blocks"})

    def process(self, raw: RawArticle) -> ArticleBlocks:
        groups: list[list[tuple[int, str]]] = [[]]
        n = 0
        for line in raw.text.split("\n"):
            if not line.strip():
                groups.append([])
                continue
            groups[-1].append((n, line.strip()))
            n += 1
        groups = [g for g in groups if g]
        single = len(groups) == 1
        prose = [text for g in groups for _, text in g if not TABLE_ROW.match(text)]
        width = wrap_width(prose, self.settings) if single else None
        boilerplate = self.knowledge.language.clean.boilerplate_patterns
        blocks: list[Block] = []
        for group in groups:
            for is_table, run in _runs(group):
                if is_table:
                    blocks.append(_table(run))
                elif width:
                    blocks += _unwrap(run, width, self.settings.wrap_line_end_share)
                elif single:
                    blocks += [_block([line]) for line in run]
                else:
                    blocks += _group(run, self.settings, boilerplate)
        for caption in raw.captions:
            blocks.append(Block(text=repair(caption.strip()), raw_lines=[n], hint="caption"))
            n += 1
        if not blocks:
            raise EventwireError("EW102", "no text", raw.source.path)
        for b in blocks:
            b.key = fold(b.text)
        return ArticleBlocks(raw=raw, blocks=blocks)


def kept_copy(blocks: list[Block], i: int) -> int:
    """The block finally kept for block `i`: itself, or the end of its chain of copies."""
    while blocks[i].duplicate_of is not None:
        i = blocks[i].duplicate_of
    return i


def looks_wrapped(lines: list[str], settings: Settings) -> bool:
    """True when lines read as one hard-wrapped paragraph: like widths, the last line no wider."""
    if len(lines) < 2:
        return True
    widths = [len(s) for s in lines[:-1]]
    width = max(widths)
    return (
        width <= settings.wrap_max_width
        and min(widths) >= width * settings.wrap_min_line_share
        and len(lines[-1]) <= width + settings.wrap_last_line_slack
    )


def wrap_width(lines: list[str], settings: Settings) -> int | None:
    """The width text without blank lines was hard-wrapped at, or None when it was not wrapped.

    Wrapped text has most lines close to one width of at most `settings.wrap_max_width`; text with one
    paragraph a line has lines of every length, most of them longer.
    """
    if len(lines) < settings.wrap_min_lines:
        return None
    widths = sorted(len(s) for s in lines)
    width = widths[int(settings.wrap_width_quantile * (len(widths) - 1))]
    near = sum(w >= settings.wrap_near_share * width for w in widths)
    fits = settings.wrap_min_width <= width <= settings.wrap_max_width
    return width if fits and near >= len(widths) / 2 else None


def _unwrap(lines: list[tuple[int, str]], width: int, line_end_share: float) -> list[Block]:
    blocks: list[Block] = []
    current: list[tuple[int, str]] = []
    for line in lines:
        current.append(line)
        if len(line[1]) < line_end_share * width:  # a short line ends its paragraph (or is a headline)
            blocks.append(_block(current))
            current = []
    return blocks + ([_block(current)] if current else [])


def holds_cut_copy(lines: list[str], min_chars: int) -> bool:
    """True when a line of at least `min_chars` is the start of another line of the group (or the same
    line): a line scraped twice, whole or once cut short.

    Sorted, a line that another starts with comes right before one that starts with it, so comparing
    neighbours finds every such pair.
    """
    keys = sorted(strip_cut(fold(line)) for line in lines)
    return any(
        len(short) >= min_chars and longer.startswith(short)
        for short, longer in zip(keys, keys[1:], strict=False)
    )


def _group(
    lines: list[tuple[int, str]], settings: Settings, boilerplate: tuple[re.Pattern[str], ...]
) -> list[Block]:
    """One block of a group's lines when they read as one wrapped paragraph, else a block a line: lines
    of unlike widths, a line and its copy, or a boilerplate line ("Advertisement") are never one."""
    texts = [text for _, text in lines]
    if (
        looks_wrapped(texts, settings)
        and not holds_cut_copy(texts, settings.truncated_min_chars)
        and not any(p.search(text) for text in texts for p in boilerplate)
    ):
        return [_block(lines)]
    return [_block([line]) for line in lines]


def _runs(lines: list[tuple[int, str]]) -> list[tuple[bool, list[tuple[int, str]]]]:
    """The group's lines in runs of table rows (True) and of other lines (False), in order."""
    runs: list[tuple[bool, list[tuple[int, str]]]] = []
    for line in lines:
        is_row = bool(TABLE_ROW.match(line[1]))
        if runs and runs[-1][0] == is_row:
            runs[-1][1].append(line)
        else:
            runs.append((is_row, [line]))
    return runs


def _table(lines: list[tuple[int, str]]) -> Block:
    """One `table` block: its rows a line each, without the rule under the header ("|---|---|")."""
    rows = [text for _, text in lines if not TABLE_RULE.match(text)]
    if not rows:
        return _block(lines)
    return Block(text=repair("\n".join(rows)), raw_lines=[i for i, _ in lines], kind="table")


def _block(lines: list[tuple[int, str]]) -> Block:
    return Block(text=repair(" ".join(text for _, text in lines)), raw_lines=[i for i, _ in lines])

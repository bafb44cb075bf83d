"""Join the kept blocks into the article text, title first, with paragraph spans and drop records."""

from __future__ import annotations

from eventwire.clean.blocks import ArticleBlocks, kept_copy
from eventwire.errors import EventwireError
from eventwire.model import Article, Dropped, Paragraph, RawArticle
from eventwire.pipeline import ArticleStep

SEPARATOR = "\n\n"


class Assemble(ArticleStep):
    """Turn an article's cleaned blocks into an `Article`: the kept paragraphs joined by blank lines."""

    name = "assemble"
    needs = frozenset({"kinds", "title"})
    adds = frozenset({"text"})

    def process(self, doc: ArticleBlocks) -> Article:
        blocks = doc.blocks
        order = doc.kept()
        if doc.title is not None:
            order = [doc.title] + [i for i in order if i != doc.title]
        if not order:
            raise EventwireError("EW201", where=doc.raw.source.path)
        copies: dict[int, list[int]] = {}
        dropped: list[Dropped] = []
        for i, b in enumerate(blocks):
            if b.drop is None or not b.raw_lines:
                continue
            keep = kept_copy(blocks, i) if b.duplicate_of is not None else None
            reason = b.drop
            if keep is not None and blocks[keep].drop is not None:
                reason, keep = blocks[keep].drop, None  # a copy of boilerplate is boilerplate
            if keep is not None:
                copies.setdefault(keep, []).extend(b.raw_lines)
            first = blocks[keep].raw_lines[0] if keep is not None and blocks[keep].raw_lines else None
            dropped.append(Dropped(raw_line=b.raw_lines[0], reason=reason, duplicate_of=first))
        paragraphs: list[Paragraph] = []
        parts: list[str] = []
        pos = 0
        where: dict[int, int] = {}
        for n, i in enumerate(order):
            b = blocks[i]
            where[i] = n
            parts.append(b.text)
            raw_lines = sorted(b.raw_lines + copies.get(i, []))
            paragraphs.append(
                Paragraph(
                    index=n, kind=b.kind or "body", start=pos, end=pos + len(b.text), raw_lines=raw_lines
                )
            )
            pos += len(b.text) + len(SEPARATOR)
        raw: RawArticle = doc.raw
        article = Article(
            text=SEPARATOR.join(parts),
            source=raw.source,
            title=blocks[doc.title].text if doc.title is not None else None,
            published=raw.published,
            language=raw.language or "en",
            paragraphs=paragraphs,
            dropped=sorted(dropped, key=lambda d: d.raw_line),
        )
        for flag, i in doc.flags:
            p = paragraphs[where[i]]
            flag.evidence.append(article.span(p.start, p.end))
            article.flags.append(flag)
        return article

"""Plain-text articles: a file, or standard input with `-`."""

from __future__ import annotations

from eventwire.model import RawArticle, Source
from eventwire.read.decode import decode


def read_text(data: bytes, path: str, published: str | None = None) -> RawArticle:
    """One article from plain text bytes."""
    return RawArticle(text=decode(data, path), source=Source(path=path, format="text"), published=published)

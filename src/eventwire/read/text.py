"""Plain-text articles: a file, or standard input with `-`."""

from __future__ import annotations

from eventwire.model import RawArticle, Source
from eventwire.read.decode import decode
from eventwire.read.prose import require_prose
from eventwire.settings import Settings


def read_text(data: bytes, path: str, settings: Settings, published: str | None = None) -> RawArticle:
    """One article from plain text bytes.

    Raises:
        EventwireError: EW102-EW104 for bytes that are not text, EW108 for text that is not an article.
    """
    text = require_prose(decode(data, settings, path), settings, path)
    return RawArticle(text=text, source=Source(path=path, format="text"), published=published)

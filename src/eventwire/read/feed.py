"""RSS and Atom feeds: every entry with content (or a summary) is an article."""

from __future__ import annotations

import re
import time
from collections.abc import Iterator

import feedparser
import lxml.html
from lxml.etree import ParserError

from eventwire.errors import EventwireError
from eventwire.model import RawArticle, Source
from eventwire.pipeline import Outcome
from eventwire.read.decode import tidy
from eventwire.read.files import read_bytes
from eventwire.settings import Settings

_BLOCKS = "//p | //li | //h1 | //h2 | //h3 | //blockquote | //figcaption"


def read_feed(path: str, settings: Settings, published: str | None = None) -> Iterator[Outcome]:
    """One outcome per feed entry; an entry's own date wins over `published`."""
    try:
        parsed = feedparser.parse(read_bytes(path, settings))
    except EventwireError as exc:
        yield Outcome(error=exc, where=path)
        return
    if not parsed.entries:
        reason = f"not a feed: {parsed.bozo_exception}" if parsed.bozo else "a feed with no entries"
        yield Outcome(error=EventwireError("EW106", reason, path), where=path)
        return
    for n, entry in enumerate(parsed.entries, 1):
        where = f"{path}#{entry.get('id') or n}"
        try:
            yield Outcome(item=entry_article(entry, path, published), where=where)
        except EventwireError as exc:
            exc.where = exc.where or where
            yield Outcome(error=exc, where=where)


def entry_article(entry: dict, path: str, published: str | None = None) -> RawArticle:
    """One article from a feedparser entry.

    Raises:
        EventwireError: EW108 for an entry with neither content nor summary.
    """
    html = (entry.get("content") or [{}])[0].get("value") or entry.get("summary") or ""
    text = fragment_text(html)
    if not text.strip():
        raise EventwireError("EW108", "entry has no text")
    day = None
    for key in ("published_parsed", "updated_parsed"):
        if entry.get(key):
            day = time.strftime("%Y-%m-%d", entry[key])
            break
    source = Source(path=path, id=entry.get("id"), url=entry.get("link"), format="rss")
    title = (entry.get("title") or "").strip() or None
    return RawArticle(text=text, source=source, title=title, published=day or published)


def fragment_text(html: str) -> str:
    """The text of an HTML fragment, one paragraph per block element, blank lines between."""
    if "<" not in html:
        return tidy(html)
    try:
        root = lxml.html.fromstring(f"<div>{html}</div>")
    except (ParserError, ValueError):
        return ""
    for bad in root.xpath("//script | //style"):
        bad.drop_tree()
    blocks = [re.sub(r"\s+", " ", el.text_content()).strip() for el in root.xpath(_BLOCKS)]
    blocks = [b for b in blocks if b]
    return tidy("\n\n".join(blocks) if blocks else re.sub(r"\s+", " ", root.text_content()).strip())

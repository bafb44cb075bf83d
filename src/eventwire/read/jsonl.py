"""JSON Lines: one article a line, `{"id", "text" | "html", "title", "url", "published"}`."""

from __future__ import annotations

import json
from collections.abc import Iterable, Iterator

from eventwire.errors import EventwireError
from eventwire.model import RawArticle, Source
from eventwire.pipeline import Outcome
from eventwire.read.decode import tidy
from eventwire.read.html import html_article


def read_jsonl(
    lines: Iterable[str], path: str, published: str | None = None, max_chars: int | None = None
) -> Iterator[Outcome]:
    """One outcome per non-blank line: the article, or a coded error for that line alone.

    Lines longer than `max_chars` are refused (EW105) without being parsed.
    """
    for n, line in enumerate(lines, 1):
        if not line.strip():
            continue
        where = f"{path}:{n}"
        try:
            if max_chars is not None and len(line) > max_chars:
                raise EventwireError("EW105", f"record over {max_chars} characters", where)
            yield Outcome(item=record_article(line, path, n, published), where=where)
        except EventwireError as exc:
            exc.where = exc.where or where
            yield Outcome(error=exc, where=where)


def record_article(line: str, path: str, n: int, published: str | None = None) -> RawArticle:
    """One article from one JSON line; its own `published` wins over the default.

    Raises:
        EventwireError: EW107 for a line that is not a JSON object with `text` or `html`.
    """
    where = f"{path}:{n}"
    try:
        rec = json.loads(line)
    except json.JSONDecodeError as exc:
        raise EventwireError("EW107", f"not JSON: {exc.msg} at column {exc.colno}", where) from None
    if not isinstance(rec, dict):
        raise EventwireError("EW107", "a line must hold a JSON object", where)
    text, html = rec.get("text"), rec.get("html")
    if not isinstance(text, str) and not isinstance(html, str):
        raise EventwireError("EW107", 'needs a "text" or "html" string', where)
    rid = rec.get("id")
    source = Source(path=path, id=None if rid is None else str(rid), url=_str(rec.get("url")), format="jsonl")
    day = _str(rec.get("published")) or published
    day = day[:10] if day else None
    if isinstance(text, str):
        if not text.strip():
            raise EventwireError("EW102", "empty text", where)
        return RawArticle(text=tidy(text), source=source, title=_str(rec.get("title")), published=day)
    raw = html_article(html, source, day)
    raw.title = _str(rec.get("title")) or raw.title
    return raw


def _str(value: object) -> str | None:
    return value.strip() or None if isinstance(value, str) else None

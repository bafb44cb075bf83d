"""JSON Lines: one article a line, `{"id", "text" | "html", "title", "url", "published"}`."""

from __future__ import annotations

import datetime as dt
import json
from collections.abc import Iterable, Iterator
from email.utils import parsedate_to_datetime

from eventwire.errors import EventwireError
from eventwire.model import RawArticle, Source
from eventwire.pipeline import Outcome
from eventwire.read.decode import tidy
from eventwire.read.html import html_article
from eventwire.read.prose import require_prose
from eventwire.settings import Settings


def read_jsonl(
    lines: Iterable[bytes | str], path: str, settings: Settings, published: str | None = None
) -> Iterator[Outcome]:
    """One outcome per non-blank line: the article, or a coded error for that line alone.

    Args:
        lines: the file's lines, as bytes (decoded here as UTF-8, a leading BOM allowed) or text.
        path: the file's name, for sources and error messages (`path:line`).
        settings: the largest record accepted (`max_input_bytes`, EW105 above it) and what prose is.
        published: the publication date of records that carry none.
    """
    records = 0
    for n, line in enumerate(lines, 1):
        where = f"{path}:{n}"
        try:
            text = _line_text(line, n, where, settings.max_input_bytes)
            if not text.strip():
                continue
            records += 1
            yield Outcome(item=record_article(text, path, n, settings, published), where=where)
        except EventwireError as exc:
            records += 1
            exc.where = where
            yield Outcome(error=exc, where=where)
    if not records:
        yield Outcome(error=EventwireError("EW102", "no records", path), where=path)


def _line_text(line: bytes | str, n: int, where: str, max_bytes: int) -> str:
    size = len(line) if isinstance(line, bytes) else len(line.encode("utf-8", "surrogatepass"))
    if size > max_bytes:
        raise EventwireError("EW105", f"record of {size} bytes, limit {max_bytes}", where)
    if isinstance(line, str):
        return line.lstrip("\ufeff") if n == 1 else line
    try:
        return line.decode("utf-8-sig" if n == 1 else "utf-8")
    except UnicodeDecodeError as exc:
        reason = f"JSON Lines must be UTF-8: {exc.reason} at byte {exc.start}"
        raise EventwireError("EW104", reason, where) from None


def record_article(
    line: str, path: str, n: int, settings: Settings, published: str | None = None
) -> RawArticle:
    """One article from one JSON line; its own `published` wins over the default.

    Raises:
        EventwireError: EW107 for a line that is not a JSON object with `text` or `html`, EW102 for an
            empty one, EW108 for one that holds no article.
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
    own = _day(rec.get("published"), where)
    day = own or published
    if isinstance(text, str):
        if not text.strip():
            raise EventwireError("EW102", "empty text", where)
        body = require_prose(tidy(text), settings, where)
        return RawArticle(text=body, source=source, title=_str(rec.get("title")), published=day)
    if not html.strip():
        raise EventwireError("EW102", "empty html", where)
    raw = html_article(html, source, settings, day)
    raw.title = _str(rec.get("title")) or raw.title
    raw.published = day if own else raw.published
    return raw


def _day(value: object, where: str) -> str | None:
    """A record's publication day as YYYY-MM-DD, from ISO 8601 or an RFC 2822 date (as feeds write them).

    Raises:
        EventwireError: EW107 for a value that is not a date.
    """
    if value is not None and not isinstance(value, str):
        raise EventwireError("EW107", f'"published" must be a string, not {value!r:.40}', where)
    text = _str(value)
    if text is None:
        return None
    try:
        return dt.date.fromisoformat(text[:10]).isoformat()
    except ValueError:
        pass
    try:
        return parsedate_to_datetime(text).date().isoformat()
    except (TypeError, ValueError):
        raise EventwireError("EW107", f'"published" is not a date: {text!r:.40}', where) from None


def _str(value: object) -> str | None:
    return value.strip() or None if isinstance(value, str) else None

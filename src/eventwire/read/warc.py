"""Web archives (WARC, plain or gzipped): every HTML response record is an article."""

from __future__ import annotations

from collections.abc import Iterator
from typing import BinaryIO

from warcio.archiveiterator import ArchiveIterator
from warcio.exceptions import ArchiveLoadFailed
from warcio.recordloader import ArcWarcRecord
from warcio.statusandheaders import StatusAndHeadersParserException

from eventwire.errors import EventwireError
from eventwire.model import Source
from eventwire.pipeline import Outcome
from eventwire.read.decode import decode
from eventwire.read.html import html_article
from eventwire.settings import Settings

_HTML_TYPES = ("text/html", "application/xhtml+xml")


def read_warc(path: str, settings: Settings, published: str | None = None) -> Iterator[Outcome]:
    """One outcome per HTML response record; other records are passed over.

    The page's own date metadata wins; then `published`; then the capture date (WARC-Date).
    A record over the size limit is reported and the rest go on; an archive cut short is reported after
    the records read before the cut.
    """
    try:
        with open(path, "rb") as f:
            archive = ArchiveIterator(f)
            record = None
            for record in _records(archive):
                if record.rec_type != "response" or not record.http_headers:
                    continue
                ctype = (record.http_headers.get_header("Content-Type") or "").lower()
                if not ctype.startswith(_HTML_TYPES):
                    continue
                rid = record.rec_headers.get_header("WARC-Record-ID")
                url = record.rec_headers.get_header("WARC-Target-URI")
                where = f"{path}#{rid}"
                body = record.content_stream().read(settings.max_input_bytes + 1)
                if len(body) <= settings.max_input_bytes and record.raw_stream.limit > 0:
                    raise EOFError("the archive ends inside a record")
                try:
                    if len(body) > settings.max_input_bytes:
                        raise EventwireError("EW105", f"record over {settings.max_input_bytes} bytes", where)
                    captured = (record.rec_headers.get_header("WARC-Date") or "")[:10] or None
                    source = Source(path=path, id=rid, url=url, format="warc")
                    text = decode(body, settings, where)
                    article = html_article(text, source, settings, published or captured)
                    yield Outcome(item=article, where=where)
                except EventwireError as exc:
                    exc.where = exc.where or where
                    yield Outcome(error=exc, where=where)
            if _cut_short(f, archive, record):
                raise EOFError("the archive ends inside a record")
    except (ArchiveLoadFailed, EOFError, OSError, ValueError) as exc:
        yield Outcome(error=EventwireError("EW106", f"broken or truncated WARC: {exc}", path), where=path)


def _records(archive: ArchiveIterator) -> Iterator[ArcWarcRecord]:
    """The archive's records; a header warcio cannot parse (it fails on a cut one) becomes an EOFError."""
    while True:
        try:
            record = next(archive)
        except StopIteration:
            return
        except (AttributeError, StatusAndHeadersParserException) as exc:
            raise EOFError(f"a record header is cut short or malformed ({type(exc).__name__})") from None
        yield record


def _cut_short(f: BinaryIO, archive: ArchiveIterator, last: ArcWarcRecord | None) -> bool:
    """Whether the archive ended inside a record: the last record short of its length, or bytes after
    the last whole record (a gzip member cut short, which warcio passes over in silence)."""
    if last is not None and last.raw_stream.limit > 0:
        return True
    f.seek(archive.offset)
    return bool(f.read(65536).strip())

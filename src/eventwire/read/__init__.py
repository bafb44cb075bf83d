"""Readers: every input format becomes a stream of `Outcome`s holding `RawArticle`s or coded errors.

`read_inputs` expands paths (files, directories, globs, `-` for standard input), picks a reader by the
file's ending (or by sniffing when the ending says nothing) and never stops at a bad input: the error
is yielded in its place and the stream goes on.
"""

from __future__ import annotations

import glob
import logging
import os
import sys
from collections.abc import Callable, Iterable, Iterator
from pathlib import Path

from eventwire.errors import EventwireError
from eventwire.pipeline import Outcome
from eventwire.read.feed import read_feed
from eventwire.read.files import open_lines, read_bytes
from eventwire.read.html import read_html
from eventwire.read.jsonl import read_jsonl
from eventwire.read.text import read_text
from eventwire.read.warc import read_warc
from eventwire.settings import Settings

log = logging.getLogger(__name__)

# A reader takes (path, settings, published) and yields outcomes.
Reader = Callable[[str, Settings, "str | None"], Iterator[Outcome]]


def _whole_file(parse: Callable[[bytes, str, Settings, str | None], object]) -> Reader:
    def reader(path: str, settings: Settings, published: str | None) -> Iterator[Outcome]:
        try:
            yield Outcome(item=parse(read_bytes(path, settings), path, settings, published), where=path)
        except EventwireError as exc:
            yield Outcome(error=exc, where=path)

    return reader


def _jsonl_file(path: str, settings: Settings, published: str | None) -> Iterator[Outcome]:
    try:
        with open_lines(path) as handle:
            yield from read_jsonl(handle, path, settings, published)
    except EventwireError as exc:
        yield Outcome(error=exc, where=path)
    except (EOFError, OSError) as exc:
        yield Outcome(error=EventwireError("EW104", f"truncated or corrupt file: {exc}", path), where=path)


READERS: dict[str, Reader] = {
    ".txt": _whole_file(read_text),
    ".text": _whole_file(read_text),
    ".md": _whole_file(read_text),
    ".html": _whole_file(read_html),
    ".htm": _whole_file(read_html),
    ".xhtml": _whole_file(read_html),
    ".jsonl": _jsonl_file,
    ".ndjson": _jsonl_file,
    ".jsonl.gz": _jsonl_file,
    ".ndjson.gz": _jsonl_file,
    ".warc": read_warc,
    ".warc.gz": read_warc,
    ".rss": read_feed,
    ".atom": read_feed,
}


def reader_for(path: str) -> Reader | None:
    """The reader registered for the longest matching ending of `path` (".warc.gz" before ".gz")."""
    name = path.lower()
    for ending in sorted(READERS, key=len, reverse=True):
        if name.endswith(ending):
            return READERS[ending]
    return None


def sniff_reader(path: str) -> Reader:
    """For a file with an unknown ending: a feed, HTML when it starts like markup, else plain text."""
    with open(path, "rb") as f:
        head = f.read(2048).lstrip().lower()
    if head.startswith(b"<?xml") and (b"<rss" in head or b"<feed" in head or b"<rdf" in head):
        return READERS[".rss"]
    if head.startswith((b"<!doctype html", b"<html")) or b"<body" in head:
        return READERS[".html"]
    return READERS[".txt"]


def expand(paths: Iterable[str]) -> Iterator[str]:
    """Files named by paths, directories (recursively, sorted, known endings only) and globs."""
    for p in paths:
        if p == "-":
            yield p
        elif os.path.isdir(p):
            found = [str(f) for f in sorted(Path(p).rglob("*")) if f.is_file() and reader_for(str(f))]
            yield from found or [p]  # an empty directory is reported, not passed over
        elif not os.path.exists(p) and glob.has_magic(p):
            matches = sorted(glob.glob(p, recursive=True))
            yield from (m for m in matches if os.path.isfile(m)) if matches else [p]
        else:
            yield p


def read_inputs(paths: Iterable[str], settings: Settings, published: str | None = None) -> Iterator[Outcome]:
    """Every article in `paths`, in order, each as an `Outcome` (article or coded error), within the
    size limits of `settings`."""
    for path in expand(paths):
        if path == "-":
            yield from _stdin(settings, published)
            continue
        if not os.path.exists(path):
            yield Outcome(error=EventwireError("EW101", where=path), where=path)
            continue
        if os.path.isdir(path):
            error = EventwireError("EW101", "no article files in this directory", path)
            yield Outcome(error=error, where=path)
            continue
        try:
            reader = reader_for(path) or sniff_reader(path)
            yield from reader(path, settings, published)
        except OSError as exc:
            yield Outcome(error=EventwireError("EW109", exc.strerror or str(exc), path), where=path)
        except Exception as exc:  # noqa: BLE001 - a reader's bug sets this input aside, not the batch
            log.info("reading %s failed", path, exc_info=True)
            yield Outcome(error=EventwireError("EW999", f"{type(exc).__name__}: {exc}", path), where=path)


def _stdin(settings: Settings, published: str | None) -> Iterator[Outcome]:
    """Standard input: an HTML page when it starts like one, plain text otherwise."""
    data = sys.stdin.buffer.read(settings.max_input_bytes + 1)
    try:
        if len(data) > settings.max_input_bytes:
            raise EventwireError("EW105", f"over {settings.max_input_bytes} bytes", "<stdin>")
        head = data[:2048].lstrip(b"\xef\xbb\xbf \t\r\n").lower()
        parse = read_html if head.startswith((b"<!doctype html", b"<html")) or b"<body" in head else read_text
        yield Outcome(item=parse(data, "<stdin>", settings, published), where="<stdin>")
    except EventwireError as exc:
        yield Outcome(error=exc, where="<stdin>")

"""Opening input files within the size limit, plain or gzipped."""

from __future__ import annotations

import gzip
import os
from typing import IO

from eventwire.errors import EventwireError
from eventwire.settings import Settings


def read_bytes(path: str, settings: Settings) -> bytes:
    """A whole file, refused above `settings.max_input_bytes`.

    Raises:
        EventwireError: EW105 over the limit, EW109 when the file cannot be read.
    """
    try:
        size = os.path.getsize(path)
        if size > settings.max_input_bytes:
            raise EventwireError("EW105", f"{size} bytes, limit {settings.max_input_bytes}", path)
        with open(path, "rb") as f:
            return f.read()
    except OSError as exc:
        raise EventwireError("EW109", exc.strerror or str(exc), path) from None


def open_lines(path: str) -> IO[bytes]:
    """A binary handle over a line-per-record file, gunzipped when the name ends in `.gz`.

    Lines stay bytes so that each record is decoded on its own (an undecodable line is reported,
    not silently patched); a truncated gzip raises EOFError while reading, which the caller reports.

    Raises:
        EventwireError: EW109 when the file cannot be opened.
    """
    try:
        if path.lower().endswith(".gz"):
            return gzip.open(path, "rb")
        return open(path, "rb")  # noqa: SIM115 - caller closes
    except OSError as exc:
        raise EventwireError("EW109", exc.strerror or str(exc), path) from None

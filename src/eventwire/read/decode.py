"""Bytes to clean text: encoding detection, binary rejection, line endings, control characters."""

from __future__ import annotations

import codecs
import re

import ftfy
from charset_normalizer import from_bytes

from eventwire.errors import EventwireError
from eventwire.settings import Settings

_BOMS = (
    (codecs.BOM_UTF8, "utf-8-sig"),
    (codecs.BOM_UTF32_LE, "utf-32"),
    (codecs.BOM_UTF32_BE, "utf-32"),
    (codecs.BOM_UTF16_LE, "utf-16"),
    (codecs.BOM_UTF16_BE, "utf-16"),
)
# C0/C1 controls except tab and newline, zero-width and bidi controls, the BOM and the replacement char.
_STRAY = re.compile(
    "[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f\u200b-\u200f\u202a-\u202e\u2060-\u2069\ufeff\ufffd]"
)
_SPACES = re.compile("[\u00a0\u2000-\u200a\u202f\u205f\u3000]")


def decode(data: bytes, settings: Settings, where: str | None = None) -> str:
    """Decode bytes as text: BOM first, then strict UTF-8, then a Western single-byte code, then detection.

    Mostly-ASCII bytes (`settings.western_max_non_ascii_share`) that are not UTF-8 are read as cp1252
    (Latin-1 for the few bytes cp1252 leaves undefined): a detector guesses too freely between cp1250 and
    cp1252 on a handful of curly quotes.
    Mostly non-ASCII bytes (Cyrillic, Greek, CJK legacy codes) go to the detector.

    Raises:
        EventwireError: EW102 when empty (or only invisible characters), EW103 when the bytes are binary,
            EW104 when no encoding fits.
    """
    text = tidy(_decoded(data, settings, where)) if data.strip() else ""
    if not text.strip():
        raise EventwireError("EW102", where=where)
    return text


def _decoded(data: bytes, settings: Settings, where: str | None) -> str:
    for bom, enc in _BOMS:
        if data.startswith(bom):
            try:
                return data.decode(enc)
            except UnicodeDecodeError as exc:
                raise EventwireError("EW104", f"bad {enc}: {exc.reason}", where) from None
    if looks_binary(data, settings):
        raise EventwireError("EW103", where=where)
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError:
        pass
    if non_ascii_share(data, settings.western_sample_bytes) <= settings.western_max_non_ascii_share:
        try:
            return data.decode("cp1252")
        except UnicodeDecodeError:
            return data.decode("latin-1")
    best = from_bytes(data[: settings.detect_sample_bytes]).best()
    if best is not None and best.encoding:
        try:
            return data.decode(best.encoding)
        except (UnicodeDecodeError, LookupError):
            pass
    raise EventwireError("EW104", "no text encoding fits these bytes", where)


def non_ascii_share(data: bytes, sample_bytes: int) -> float:
    """The share of bytes at or above 0x80 in the first `sample_bytes`."""
    head = data[:sample_bytes]
    return sum(b >= 0x80 for b in head) / max(len(head), 1)


def looks_binary(data: bytes, settings: Settings) -> bool:
    """True for content that is not text: NUL bytes or many control bytes in the first bytes."""
    head = data[: settings.binary_sample_bytes]
    if b"\x00" in head:
        return True
    controls = sum(1 for b in head if b < 32 and b not in (9, 10, 12, 13))
    return controls > len(head) * settings.binary_max_control_share


def tidy(text: str) -> str:
    """Repair mojibake, unify line endings, turn odd spaces into spaces and drop stray control characters.

    Mojibake is repaired first: a curly quote garbled into "â€\x9d" needs its C1 control to be read back.
    HTML entities are left alone (an HTML page is parsed later) and the writer's quotes are kept.
    """
    if not text.isascii() or "\x1b" in text:  # ASCII text holds no mojibake: skip ftfy's per-line pass
        text = ftfy.fix_text(text, unescape_html=False, uncurl_quotes=False, fix_character_width=False)
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    text = _SPACES.sub(" ", text)
    return _STRAY.sub("", text)

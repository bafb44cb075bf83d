"""Text repair for the kept text, and a folded form used only for comparing paragraphs."""

from __future__ import annotations

import re
import unicodedata

import ftfy

_APOSTROPHES = re.compile("['`\u00b4\u2018\u2019\u201a\u201b\u02bc\u2032]")
_QUOTES = re.compile('["\u00ab\u00bb\u201c\u201d\u201e\u201f\u2033]')
_DASHES = re.compile("[\u2010-\u2015\u2212]")
_SPACE = re.compile(r"\s+")
_SPACE_BEFORE_PUNCT = re.compile(r"\s+([,.;:!?)\]])")
_ODD_SPACES = re.compile("[\u00a0\u2000-\u200a\u202f\u205f\u3000]")
_TRAILING_CUT = re.compile(r"(\s*(\.\.\.|\u2026|[-\u2013\u2014]))+\s*$")


def repair(text: str) -> str:
    """Fix mojibake and broken Unicode, and make odd spaces plain, keeping the writer's quotes and dashes."""
    fixed = ftfy.fix_text(text, uncurl_quotes=False, fix_latin_ligatures=True, normalization="NFC")
    return _ODD_SPACES.sub(" ", fixed)


def fold(text: str) -> str:
    """The comparison key of a repaired paragraph: case, quotes, apostrophes, dashes and spacing folded.

    "Putins" and "Putin’s" fold alike; so do a straight-quoted line and its curly-quoted twin.
    """
    s = unicodedata.normalize("NFKC", text).casefold()
    s = _APOSTROPHES.sub("", s)
    s = _QUOTES.sub("", s)
    s = _DASHES.sub("-", s)
    s = _SPACE.sub(" ", s)
    return _SPACE_BEFORE_PUNCT.sub(r"\1", s).strip()


def strip_cut(key: str) -> str:
    """A folded key without the ellipsis or dash a scraper leaves where it cut a line."""
    return _TRAILING_CUT.sub("", key)

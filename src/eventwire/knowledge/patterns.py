"""One compiled pattern for a data file's list of words (each a regular expression)."""

from __future__ import annotations

import re


def any_of(words: list[str], end: str = r"\b") -> re.Pattern[str]:
    """Any of the words, case-insensitively, from a word boundary to `end` (by default another one)."""
    return re.compile(r"\b(?:" + "|".join(words) + ")" + end, re.IGNORECASE)

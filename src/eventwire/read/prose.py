"""Is there an article at all: a line of prose, not only markup, numbers or a menu."""

from __future__ import annotations

import re

from eventwire.errors import EventwireError

MIN_PROSE_WORDS = 6
"""An article has at least one line holding this many words (a headline does; a menu or a table does not)."""
_WORD = re.compile(r"[^\W\d_]{2,}")
_UNSPACED = re.compile(r"[^\W\d_]{20,}")
"""A long run of letters: prose in a script written without spaces (Chinese, Japanese, Thai)."""


def has_prose(text: str) -> bool:
    """True when some line of `text` holds `MIN_PROSE_WORDS` words, or a long run of unspaced script."""
    return any(
        len(_WORD.findall(line)) >= MIN_PROSE_WORDS or _UNSPACED.search(line) for line in text.splitlines()
    )


def require_prose(text: str, where: str | None = None) -> str:
    """`text` itself when it holds prose.

    Raises:
        EventwireError: EW108 when it does not.
    """
    if not has_prose(text):
        raise EventwireError("EW108", "not an article: no line of prose found", where)
    return text

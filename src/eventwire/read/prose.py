"""Is there an article at all: a line of prose, not only markup, numbers or a menu."""

from __future__ import annotations

import re

from eventwire.errors import EventwireError
from eventwire.settings import Settings

_WORD = re.compile(r"[^\W\d_]{2,}")


def has_prose(text: str, settings: Settings) -> bool:
    """True when some line of `text` holds `settings.prose_min_words` words, or a long run of letters
    without spaces (prose in a script written without them)."""
    unspaced = re.compile(rf"[^\W\d_]{{{settings.prose_min_unspaced_letters},}}")
    return any(
        len(_WORD.findall(line)) >= settings.prose_min_words or unspaced.search(line)
        for line in text.splitlines()
    )


def require_prose(text: str, settings: Settings, where: str | None = None) -> str:
    """`text` itself when it holds prose.

    Raises:
        EventwireError: EW108 when it does not.
    """
    if not has_prose(text, settings):
        raise EventwireError("EW108", "not an article: no line of prose found", where)
    return text

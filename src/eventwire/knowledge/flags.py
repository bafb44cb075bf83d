"""Flag words: what a careful reader would question, in the words that signal it."""

from __future__ import annotations

from dataclasses import dataclass

from eventwire.knowledge.pack import PackFiles


@dataclass(frozen=True)
class FlagWords:
    """Flag words: what a careful reader would question, in the words that signal it."""

    @classmethod
    def load(cls, files: PackFiles) -> FlagWords:
        """Read the section from a language pack's files."""
        return cls()

"""Place words: demonyms (one table), division words, abbreviations, words never places."""

from __future__ import annotations

from dataclasses import dataclass

from eventwire.knowledge.pack import PackFiles


@dataclass(frozen=True)
class PlaceWords:
    """Place words: demonyms (one table), division words, abbreviations, words never places."""

    @classmethod
    def load(cls, files: PackFiles) -> PlaceWords:
        """Read the section from a language pack's files."""
        return cls()

"""Entity words: titles, honorifics, organisation heads, news agencies, roles' cue words."""

from __future__ import annotations

from dataclasses import dataclass

from eventwire.knowledge.pack import PackFiles


@dataclass(frozen=True)
class EntityWords:
    """Entity words: titles, honorifics, organisation heads, news agencies, roles' cue words."""

    @classmethod
    def load(cls, files: PackFiles) -> EntityWords:
        """Read the section from a language pack's files."""
        return cls()

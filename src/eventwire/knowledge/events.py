"""The event lexicon: trigger senses and the cue words of status, participants, place, date and claims."""

from __future__ import annotations

from dataclasses import dataclass

from eventwire.knowledge.pack import PackFiles


@dataclass(frozen=True)
class EventWords:
    """The event lexicon: trigger senses and the cue words of status, participants, place, date and claims."""

    @classmethod
    def load(cls, files: PackFiles) -> EventWords:
        """Read the section from a language pack's files."""
        return cls()

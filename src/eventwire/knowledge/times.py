"""Time words: month and weekday names, relative cues, holidays, the patterns' cue words."""

from __future__ import annotations

from dataclasses import dataclass

from eventwire.knowledge.pack import PackFiles


@dataclass(frozen=True)
class TimeWords:
    """Time words: month and weekday names, relative cues, holidays, the patterns' cue words."""

    @classmethod
    def load(cls, files: PackFiles) -> TimeWords:
        """Read the section from a language pack's files."""
        return cls()

"""The ACLED typology (event and sub-event types) and the rules that map PLOVER events to it."""

from __future__ import annotations

from dataclasses import dataclass

from eventwire.knowledge.pack import PackFiles


@dataclass(frozen=True)
class Acled:
    """The ACLED typology (event and sub-event types) and the rules that map PLOVER events to it."""

    @classmethod
    def load(cls, files: PackFiles) -> Acled:
        """Read the section from a language pack's files."""
        return cls()

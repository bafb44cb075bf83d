"""Where a language pack's files live: `eventwire.knowledge.<code>`, one folder per language.

Each section of a pack (clean, entities, places, offices, times, quantities, events, flags, merging) is
a typed, frozen object in its own module of `eventwire.knowledge`, built by its `load(pack)` from the
files of this folder. A second language fills the same sections from a folder of its own with the same
file names.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from eventwire.knowledge.files import read_json, read_rows, read_words


@dataclass(frozen=True)
class PackFiles:
    """The data files of one language pack."""

    code: str
    """ISO 639-1 code of the language ("en")."""

    @property
    def package(self) -> str:
        return f"eventwire.knowledge.{self.code}"

    def json(self, name: str) -> Any:
        """A JSON file of the pack."""
        return read_json(self.package, name)

    def rows(self, name: str) -> list[list[str]]:
        """A tab-separated file of the pack, as rows (comments and blank lines left out)."""
        return read_rows(self.package, name)

    def words(self, name: str) -> list[str]:
        """A one-word-a-line file of the pack (comments and blank lines left out)."""
        return read_words(self.package, name)

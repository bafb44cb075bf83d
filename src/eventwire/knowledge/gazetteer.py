"""The gazetteer's side tables: where GeoNames places each country, regions, the user's own entries."""

from __future__ import annotations

from dataclasses import dataclass

from eventwire.knowledge.pack import PackFiles


@dataclass(frozen=True)
class GazetteerTables:
    """The gazetteer's side tables: where GeoNames places each country, regions, the user's own entries."""

    @classmethod
    def load(cls, files: PackFiles) -> GazetteerTables:
        """Read the section from a language pack's files."""
        return cls()

"""Offices and seats of government, in one table: who holds what, and what stands for whom."""

from __future__ import annotations

from dataclasses import dataclass

from eventwire.knowledge.pack import PackFiles


@dataclass(frozen=True)
class OfficeWords:
    """Offices and seats of government, in one table: who holds what, and what stands for whom."""

    @classmethod
    def load(cls, files: PackFiles) -> OfficeWords:
        """Read the section from a language pack's files."""
        return cls()

"""Quantity words: number words, vague amounts, the nouns counted, qualifiers."""

from __future__ import annotations

from dataclasses import dataclass

from eventwire.knowledge.pack import PackFiles


@dataclass(frozen=True)
class QuantityWords:
    """Quantity words: number words, vague amounts, the nouns counted, qualifiers."""

    @classmethod
    def load(cls, files: PackFiles) -> QuantityWords:
        """Read the section from a language pack's files."""
        return cls()

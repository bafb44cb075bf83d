"""Merging words: what tells that two mentions within one article are one event."""

from __future__ import annotations

import re
from dataclasses import dataclass

from eventwire.knowledge.pack import PackFiles


@dataclass(frozen=True)
class MergeWords:
    """Merging words: what tells that two mentions within one article are one event."""

    leading_article: re.Pattern[str]
    """An article and the spaces after it at the start of a lower-cased text ("the ", "a ")."""
    definite: frozenset[str]
    """Lower-cased determiners with which a noun points back to an event told before ("the arrests")."""

    @classmethod
    def load(cls, files: PackFiles) -> MergeWords:
        """Read the section from a language pack's `merging.json`."""
        raw = files.json("merging.json")
        return cls(
            leading_article=re.compile(r"^(" + "|".join(raw["articles"]) + r")\s+"),
            definite=frozenset(raw["definite"]),
        )

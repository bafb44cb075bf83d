"""Merging words: what tells that two mentions within one article are one event."""

from __future__ import annotations

import re
from dataclasses import dataclass

from eventwire.knowledge.pack import PackFiles
from eventwire.knowledge.patterns import any_of


@dataclass(frozen=True)
class MergeWords:
    """Merging words: what tells that two mentions within one article are one event."""

    definite: frozenset[str]
    """Lower-cased determiners with which a noun points back to an event told before ("the arrests")."""
    another: re.Pattern[str]
    """Words saying a mention is of another occurrence ("another bomb", "a similar attack")."""
    mode_pairs: dict[str, frozenset[str]]
    """A general mode → the more specific modes of its type that may tell the same occurrence
    ("explosives" → "suicide-attack")."""
    riot_nouns: frozenset[str]
    """A killing with no actor told in one of them ("killed in the unrest") is a riot's toll."""
    riot_prepositions: frozenset[str]
    """The prepositions that put a killing in a riot ("in", "during")."""
    care_verbs: frozenset[str]
    """Verbs that take people to care or treat them, with a care noun ("taken to hospital")."""
    care_alone: frozenset[str]
    """Verbs that say people are in care with no more words ("hospitalised")."""
    care_nouns: frozenset[str]
    """Where people are cared for and what for ("hospital", "injuries")."""
    occurrence_types: frozenset[str]
    """PLOVER types of occurrences (ASSAULT, PROTEST…): an article tells of few, so mentions that nothing
    sets apart are one event without a further tie; statements are many and need one."""

    @classmethod
    def load(cls, files: PackFiles) -> MergeWords:
        """Read the section from a language pack's `merging.json`."""
        raw = files.json("merging.json")
        return cls(
            definite=frozenset(raw["definite"]),
            occurrence_types=frozenset(raw["occurrence_types"]),
            riot_nouns=frozenset(raw["riot_nouns"]),
            riot_prepositions=frozenset(raw["riot_prepositions"]),
            care_verbs=frozenset(raw["care_verbs"]),
            care_alone=frozenset(raw["care_alone"]),
            care_nouns=frozenset(raw["care_nouns"]),
            mode_pairs={
                general: frozenset(s for g, s in raw["mode_pairs"] if g == general)
                for general, _ in raw["mode_pairs"]
            },
            another=any_of(raw["another"]),
        )

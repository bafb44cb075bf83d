"""Flag words: what a careful reader would question, in the words that signal it."""

from __future__ import annotations

import re
from dataclasses import dataclass

from eventwire.knowledge.pack import PackFiles
from eventwire.knowledge.patterns import any_of
from eventwire.knowledge.times import TimeWords


@dataclass(frozen=True)
class TollWords:
    """How a text says that a number counts one kind of toll (the dead, the injured, the arrested)."""

    units: frozenset[str]
    """Counted nouns (Quantity.unit lemmas) that are this kind of casualty by themselves ("death")."""
    after: re.Pattern[str]
    """A word following the number ("12 people were killed")."""
    before: re.Pattern[str]
    """A wording the number ends ("the toll rose to 12"), matched at the end of the text before it."""


@dataclass(frozen=True)
class FlagWords:
    """Flag words: what a careful reader would question, in the words that signal it."""

    weekdays: tuple[str, ...]
    """The weekday names by number, Monday 0 (as `datetime.date.weekday` counts)."""
    weekday: re.Pattern[str]
    """A weekday name, as group 1."""
    weekday_before: re.Pattern[str]
    """A weekday name (group 1) at the end of a text, before commas and spaces ("Monday, ")."""
    tolls: dict[str, TollWords]
    """Toll kind ("dead", "injured", "arrested") → its words, in the order the kinds are tried."""
    update: re.Pattern[str]
    """A word saying a toll was updated ("rose", "revised"): differing figures then do not clash."""
    another: re.Pattern[str]
    """A word that tells a second event of the same kind from a retelling of the first."""

    @classmethod
    def load(cls, files: PackFiles, times: TimeWords) -> FlagWords:
        """Read the section from a language pack's `flags.json`; the weekday names are the times
        section's."""
        raw = files.json("flags.json")
        names = tuple(sorted(times.weekdays, key=times.weekdays.get))
        weekday = r"\b(" + "|".join(names) + r")\b"
        return cls(
            weekdays=names,
            weekday=re.compile(weekday, re.IGNORECASE),
            weekday_before=re.compile(weekday + r"[\s,]*$", re.IGNORECASE),
            tolls={
                kind: TollWords(frozenset(w["units"]), any_of(w["after"]), any_of(w["before"], r"\s*$"))
                for kind, w in raw["tolls"].items()
            },
            update=any_of(raw["update"]),
            another=any_of(raw["another"]),
        )

    def weekday_number(self, name: str) -> int:
        """The number (Monday 0) of a weekday name, in any case."""
        return [n.lower() for n in self.weekdays].index(name.lower())

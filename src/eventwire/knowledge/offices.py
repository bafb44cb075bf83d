"""Offices and seats of government: who holds what, and what stands for whom."""

from __future__ import annotations

import re
from dataclasses import dataclass

from eventwire.knowledge.pack import PackFiles


@dataclass(frozen=True)
class Seat:
    """A seat of government ("Kremlin"): its city, the institution it stands for and its country."""

    name: str
    geonameid: int
    """GeoNames id of the city it lies in."""
    institution: str
    country: str


@dataclass(frozen=True)
class OfficeWords:
    """Offices and seats of government: who holds what, and what stands for whom."""

    titles: dict[str, str]
    """A title in lower case → the office it names ("spokeswoman" → "spokesperson")."""
    title_keys: tuple[str, ...]
    """The titles, longest first (the order they are looked for in a role)."""
    heads: dict[str, str]
    """An office that heads an institution → that institution ("president" → "presidency")."""
    institutions: dict[str, str]
    """Words that name an institution of the country in context ("presidential" → "presidency")."""
    countries: dict[str, str]
    """Short forms of countries the demonym table lacks ("u.s." → "US")."""
    seats: dict[str, Seat]
    """Case-folded seat of government → the seat (`seats.tsv`)."""
    articles: tuple[str, ...]
    """Articles dropped from an owner phrase ("the"); the first also opens a seat's name ("the Kremlin")."""
    owner_tail: re.Pattern[str]
    """The owner after a title, after one of the pack's `owner_prepositions` ("spokesman for the Kremlin",
    "President of Nigeria")."""
    possessive: str
    """A regex of the possessive ending ("'s", "’", …), as data."""
    possessive_end: re.Pattern[str]
    """A possessive ending a word ("Putin's" → "Putin")."""
    possessive_s: re.Pattern[str]
    """A possessive 's before the next word ("Putin's spokesman")."""

    @classmethod
    def load(cls, files: PackFiles) -> OfficeWords:
        """Read the section from a language pack's files."""
        raw = files.json("offices.json")
        seats = {r[0].casefold(): Seat(r[0], int(r[1]), r[2], r[3]) for r in files.rows("seats.tsv")}
        return cls(
            titles=dict(raw["titles"]),
            title_keys=tuple(sorted(raw["titles"], key=len, reverse=True)),
            heads=dict(raw["heads"]),
            institutions=dict(raw["institutions"]),
            countries=dict(raw["countries"]),
            seats=seats,
            articles=tuple(raw["articles"]),
            owner_tail=re.compile(
                rf"(?:{'|'.join(raw['owner_prepositions'])})\s+(?:{raw['articles'][0]}\s+)?(.+)$",
                re.IGNORECASE,
            ),
            possessive=raw["possessive"],
            possessive_end=re.compile(rf"\s*{raw['possessive']}$"),
            possessive_s=re.compile(rf"{raw['possessive_s']} "),
        )

    def seat(self, name: str) -> Seat | None:
        """The seat of government a name stands for ("the Kremlin", "White House"), ignoring case."""
        return self.seats.get(name.casefold().removeprefix(f"{self.articles[0]} ").strip())

"""Offices that one person holds at a time, read from people's roles, and two people named to one of them.

A role reading ("Putin's spokesman", "Kremlin spokesman", "Russian President") becomes an `Office`: the
office a title names (`spokesperson`), the institution it belongs to (`presidency`) and the country.
The owner is read from the role's possessor or modifiers: a seat of power ("Kremlin"), a country or
demonym ("Russian"), a person who heads an institution in the same article ("Putin's", when the article
calls Putin Russia's president; else that person's own staff), or an organisation or place named in the
article ("Kyiv mayor").
Titles, seats and the words of owner phrases are the language pack's (`knowledge.language.offices`; countries
also by the demonyms of `knowledge.language.places`). Roles marked former ("the then Chancellor") hold no
office.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Any

from rapidfuzz import fuzz

from eventwire.knowledge.offices import OfficeWords
from eventwire.knowledge.places import PlaceWords
from eventwire.model import Article, Entity, Span
from eventwire.settings import Settings


@dataclass(frozen=True)
class _Words:
    """The offices section, with the countries its owner phrases may name: its short forms, then the
    demonyms and country names of the places section ("russian", "russia" → RU)."""

    offices: OfficeWords
    countries: dict[str, str]

    @classmethod
    def of(cls, offices: OfficeWords, places: PlaceWords) -> _Words:
        countries = dict(offices.countries)
        for dem in places.demonyms.values():
            if dem.country_code:
                countries.setdefault(dem.word.lower(), dem.country_code)
                countries.setdefault((dem.country or "").lower(), dem.country_code)
        return cls(offices, countries)


@dataclass(frozen=True)
class Office:
    """An office: what the title names, the institution it belongs to and the country (when known)."""

    title: str
    institution: str
    country: str | None

    def same_as(self, other: Office) -> bool:
        """Whether both name the same office (an unknown country matches any)."""
        return (
            self.title == other.title
            and self.institution == other.institution
            and (self.country is None or other.country is None or self.country == other.country)
        )

    def describe(self) -> str:
        """A reader's name for the office: "spokesperson of the presidency (RU)", "mayor of Kyiv"."""
        where = f" ({self.country})" if self.country else ""
        kind, _, name = self.institution.rpartition(":")
        return f"{self.title} of {name if kind else 'the ' + name}{where}"


@dataclass
class Holding:
    """A person named to an office, with the role as written and the span that says so."""

    entity: Entity
    office: Office
    role: str
    evidence: Span


def split_title(role: str, offices: OfficeWords) -> tuple[str, str] | None:
    """The title a role names and its owner words: "Putin's spokesman" → ("spokesperson", "Putin's")."""
    low = role.lower()
    for key in offices.title_keys:
        m = re.search(rf"(?<![\w-]){re.escape(key)}(?![\w-])", low)
        if not m:
            continue
        before, after = role[: m.start()].strip(), role[m.end() :].strip()
        tail = offices.owner_tail.match(after)
        owner = " ".join(p for p in (before, tail.group(1) if tail else "") if p)
        return offices.titles[key], owner
    return None


def _owner_words(owner: str, offices: OfficeWords) -> list[str]:
    """The owner phrase in pieces, longest first: the whole, then word pairs, then words."""
    words = [offices.possessive_end.sub("", w) for w in offices.possessive_s.sub(" ", owner).split()]
    words = [w for w in words if w and w.lower() not in offices.articles]
    pieces = [" ".join(words)] + [" ".join(words[i : i + 2]) for i in range(len(words) - 1)] + words
    return [p for p in dict.fromkeys(pieces) if p]


def _person_named(article: Article, name: str) -> Entity | None:
    last = name.split()[-1].casefold()
    for e in article.entities:
        if e.type == "PERSON" and e.name.split() and e.name.split()[-1].casefold() == last:
            return e
    return None


def _headed(person: Entity, article: Article, words: _Words) -> tuple[str, str | None] | None:
    """The institution (and country) a person heads, read from their own roles."""
    heads = words.offices.heads
    for reading in person.attributes.get("role_evidence", []):
        if reading.get("former"):
            continue
        split = split_title(reading["role"], words.offices)
        if split and split[0] in heads:
            country = _resolve(split[1], article, words, follow_people=False)[1]
            return heads[split[0]], country
    return None


def _resolve(
    owner: str, article: Article, words: _Words, follow_people: bool = True
) -> tuple[str | None, str | None]:
    """The institution and country an owner phrase stands for; either may stay None."""
    offices = words.offices
    institution: str | None = None
    country: str | None = None
    named = {e.name.casefold(): e for e in article.entities if e.type in ("ORG", "GPE", "LOC")}
    for piece in _owner_words(owner, offices):
        low = piece.casefold()
        seat = offices.seats.get(low)
        if seat:
            institution = institution or seat.institution
            country = country or seat.country
        elif low in offices.institutions:
            institution = institution or offices.institutions[low]
        elif low in words.countries:
            country = country or words.countries[low]
        elif follow_people and piece[:1].isupper() and (person := _person_named(article, piece)):
            head, where = _headed(person, article, words) or (f"person:{person.name}", None)
            institution = institution or head
            country = country or where
        elif low in named:
            institution = institution or f"{named[low].type.lower()}:{named[low].name}"
    return institution, country


def _role_start(article: Article, reading: dict[str, Any], offices: OfficeWords) -> int:
    """Where a role reading starts, its possessor included ("Putin's" in "Putin's spokesman")."""
    start, of = reading["start"], reading.get("of")
    if of:
        lead = max(0, start - len(of) - 4)
        m = re.search(re.escape(of) + rf"\s*{offices.possessive}\s*$", article.text[lead:start])
        if m:
            return lead + m.start()
    return start


def _evidence(article: Article, person: Entity, start: int, end: int, gap: int) -> Span:
    """The role span, widened to the person's nearest mention when it is at most `gap` characters away."""
    near = [
        m
        for m in person.mentions
        if (0 <= start - m.end <= gap or 0 <= m.start - end <= gap)
        and "\n" not in article.text[min(m.end, end) : max(m.start, start)]
    ]
    if near:
        m = min(near, key=lambda m: min(abs(start - m.end), abs(m.start - end)))
        start, end = min(start, m.start), max(end, m.end)
    return article.span(start, end)


def holdings(article: Article, offices: OfficeWords, places: PlaceWords, settings: Settings) -> list[Holding]:
    """Every current, owned office a person in the article is said to hold."""
    words = _Words.of(offices, places)
    gap = settings.office_evidence_gap_chars
    out: list[Holding] = []
    for person in article.entities:
        if person.type != "PERSON":
            continue
        for reading in person.attributes.get("role_evidence", []):
            split = split_title(reading["role"], offices)
            if reading.get("former") or split is None:
                continue
            title, owner = split
            if reading.get("of"):
                owner = f"{reading['of']} {owner}".strip()
            institution, country = _resolve(owner, article, words)
            if institution is None and country is not None:
                institution = offices.heads.get(title)
            if institution is None:
                continue
            start, end = _role_start(article, reading, offices), reading["end"]
            office = Office(title, institution, country)
            evidence = _evidence(article, person, start, end, gap)
            out.append(Holding(person, office, article.text[start:end], evidence))
    return out


def _same_person(a: Entity, b: Entity, ratio: int) -> bool:
    """Whether two entities may be one person: same id, or surnames alike (Zelensky, Zelenskyy)."""
    last_a, last_b = a.name.split()[-1].casefold(), b.name.split()[-1].casefold()
    return a.id == b.id or fuzz.ratio(last_a, last_b) >= ratio


def clashes(
    article: Article, offices: OfficeWords, places: PlaceWords, settings: Settings
) -> list[tuple[Holding, Holding]]:
    """Pairs of different people said to hold the same one-holder office, one pair per people and office.

    Args:
        article: the article, its entities and their role readings found.
        offices: titles, seats and the words of owner phrases.
        places: the demonyms, which name countries in owner phrases ("Russian President").
        settings: `office_same_surname_ratio`, `office_evidence_gap_chars`.
    """
    found = holdings(article, offices, places, settings)
    pairs: list[tuple[Holding, Holding]] = []
    seen: set[tuple[str, str, str]] = set()
    for i, a in enumerate(found):
        for b in found[i + 1 :]:
            if _same_person(a.entity, b.entity, settings.office_same_surname_ratio) or not a.office.same_as(
                b.office
            ):
                continue
            key = (*sorted((a.entity.id, b.entity.id)), a.office.title)
            if key not in seen:
                seen.add(key)
                pairs.append((a, b))
    return pairs

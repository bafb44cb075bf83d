"""The package's small place tables: abbreviations, demonyms and division words (data files in `data/`)."""

from __future__ import annotations

import json
from functools import cache
from importlib import resources

from eventwire.places.build import data_rows


@cache
def abbreviations() -> dict[str, tuple[str, str]]:
    """Surface (case-sensitive) → (kind, code): 'U.S.' → ('country', 'US'), 'Calif.' → ('admin1', 'US.CA')."""
    return {r[0]: (r[1], r[2]) for r in data_rows("abbreviations.tsv")}


@cache
def _demonyms() -> dict[str, str]:
    out: dict[str, str] = {}
    for r in data_rows("demonyms.tsv"):
        code = r[1] if len(r) > 1 else ""
        out[r[0].casefold()] = code
        out[(r[0] + ("es" if r[0].endswith(("sh", "ch")) else "s")).casefold()] = code
    return out


def is_demonym(word: str) -> bool:
    """Whether a word names a people or nationality ('Russian', 'Ukrainians', 'Polish'), not a place."""
    return word.casefold() in _demonyms()


def demonym_place(word: str) -> str | None:
    """What a demonym points to: a country code ('Russians' → 'RU'), a division code ('Texan' → 'US.TX'),
    a region name ('European' → 'Europe'), or None."""
    return _demonyms().get(word.casefold()) or None


def demonym_country(word: str) -> str | None:
    """The ISO alpha-2 country a demonym belongs to ('Russians' → 'RU'), or None."""
    target = demonym_place(word)
    return target[:2] if target and target[:2].isupper() and target[:2].isalpha() else None


@cache
def _admin_words() -> dict[str, int]:
    d = json.loads(
        resources.files("eventwire.places").joinpath("data", "admin_words.json").read_text("utf-8")
    )
    return {**{w: 2 for w in d["admin2"]}, **{w: 1 for w in d["admin1"]}}


def admin_level(word: str) -> int | None:
    """1 for a first-level division word ('Oblast', 'State'), 2 for 'County', 'Raion'…, else None."""
    return _admin_words().get(word.casefold())


@cache
def not_places() -> frozenset[str]:
    """Capitalized words never taken alone as a place ('March', 'President', 'Police'), case-folded."""
    text = resources.files("eventwire.places").joinpath("data", "not_places.txt").read_text("utf-8")
    return frozenset(w.casefold() for w in text.splitlines() if w and not w.startswith("#"))


@cache
def seats() -> dict[str, int]:
    """Seats of government that stand for a government ('kremlin' → Moscow's GeoNames id), case-folded."""
    return {r[0].casefold(): int(r[1]) for r in data_rows("seats.tsv")}

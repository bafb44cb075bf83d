"""A user's own gazetteer: a TSV file of entries added to the built gazetteer or replacing its entries.

Columns, tab-separated, one entry a line (`#` opens a comment line): name, latitude, longitude, country
(ISO alpha-2), feature (city, admin1, admin2, country or region), then optionally the first-level division's
name, the population, the GeoNames id and alternate names separated by `|`. An entry with the GeoNames id
of a built entry replaces it (its point, name, population…); any other is added. Its names are indexed
like the built ones, so it competes with the namesakes by the same ranking (give a local place its
population to make it win).
"""

from __future__ import annotations

import csv
from dataclasses import dataclass
from pathlib import Path

from eventwire.errors import EventwireError
from eventwire.places.build import FEATURES


@dataclass(frozen=True)
class UserEntry:
    """One row of a user's gazetteer."""

    name: str
    lat: float
    lon: float
    country: str
    feature: str
    admin1: str | None = None
    population: int = 0
    geonameid: int | None = None
    alternates: tuple[str, ...] = ()


def read_user_gazetteer(path: Path) -> list[UserEntry]:
    """The entries of a user's gazetteer file.

    Raises:
        EventwireError: EW101 when the file is missing, EW107 for a line that is not an entry.
    """
    if not path.is_file():
        raise EventwireError("EW101", "user gazetteer not found", str(path))
    out = []
    with path.open(encoding="utf-8", newline="") as f:
        for n, row in enumerate(csv.reader(f, delimiter="\t", quoting=csv.QUOTE_NONE), start=1):
            if not row or not row[0].strip() or row[0].startswith("#"):
                continue
            out.append(_entry(row, n, path))
    return out


def _entry(row: list[str], n: int, path: Path) -> UserEntry:
    cells = [c.strip() for c in row] + [""] * (9 - len(row))
    name, lat, lon, country, feature, admin1, population, geonameid, alternates = cells[:9]
    try:
        if feature not in FEATURES or not name:
            raise ValueError(f"feature {feature!r} is none of {', '.join(FEATURES)}")
        return UserEntry(
            name=name,
            lat=float(lat),
            lon=float(lon),
            country=country.upper(),
            feature=feature,
            admin1=admin1 or None,
            population=int(population or 0),
            geonameid=int(geonameid) if geonameid else None,
            alternates=tuple(a for a in alternates.split("|") if a),
        )
    except ValueError as exc:
        raise EventwireError("EW107", f"user gazetteer line {n}: {exc}", str(path)) from None

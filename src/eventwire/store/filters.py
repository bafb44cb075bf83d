"""The event filter both the CLI and the API build, and its translation to SQL.

Every field is optional; the fields that are set must all hold (AND). The same filter selects
events (one per article) and merged events (one per real-world occurrence).
"""

from __future__ import annotations

import datetime as dt
import math
from collections.abc import Callable
from dataclasses import dataclass
from functools import cache
from typing import Any

from eventwire.errors import EventwireError
from eventwire.knowledge import plover as ontology
from eventwire.knowledge.files import read_json
from eventwire.model import DENY, STATUSES
from eventwire.store import codes
from eventwire.store.merge_across import EARTH_KM

SQL_INT = 2**63 - 1
"""The largest whole number SQLite holds: offsets, ids and counts beyond it are bad values, not overflows."""

_PAD = 1e-6
"""Degrees added around a `near` bounding box (about 0.1 m), against rounding."""


@dataclass(frozen=True)
class EventFilter:
    """Which events to return.

    Attributes:
        type: PLOVER event type, or several separated by commas ("ASSAULT,COERCE"); case-insensitive.
        place: the place's name or its first-level division's name, whole (case-insensitive).
        country: ISO 3166-1 alpha-2 code of the place's country.
        admin1: ISO 3166-2 (`UA-63`) or GeoNames (`UA.07`) code of the place's first-level division.
        near: (lat, lon, km): events placed within km of the point.
        since: ISO day; events whose date may fall on or after it.
        until: ISO day; events whose date may fall on or before it.
        actor: part of the actor's or the recipient's name or text, case-insensitive.
        q: words that must all occur in the event's evidence (full-text search).
        acled_type: ACLED event type, or several separated by commas ("Battles,Protests").
        status: the statuses to keep, separated by commas ("occurred,ongoing"); others are hidden.
        min_dead: events with at least this many dead.
        min_confidence: events whose confidence is at least this (0 to 1).
        disputed: only events with a claim that someone denies.
    """

    type: str | None = None
    place: str | None = None
    country: str | None = None
    admin1: str | None = None
    near: tuple[float, float, float] | None = None
    since: str | None = None
    until: str | None = None
    actor: str | None = None
    q: str | None = None
    acled_type: str | None = None
    status: str | None = None
    min_dead: int | None = None
    min_confidence: float | None = None
    disputed: bool = False

    @staticmethod
    def parse_near(value: str) -> tuple[float, float, float]:
        """Read `LAT,LON,KM` into a `near` tuple.

        Raises:
            ValueError: when the value is not three numbers or they are out of range.
        """
        parts = [p.strip() for p in value.split(",")]
        if len(parts) != 3:
            raise ValueError(f"expected LAT,LON,KM, got {value!r}")
        lat, lon, km = (float(p) for p in parts)
        if not (-90 <= lat <= 90 and -180 <= lon <= 180 and km >= 0):
            raise ValueError(f"out of range: {value!r}")
        return lat, lon, km

    def checked(self) -> EventFilter:
        """The filter with its type names and codes checked and written the way the store keeps them.

        Raises:
            EventwireError: EW701 naming the field, when a type or a code is unknown.
        """
        values = dict(vars(self))
        for name, check in CHECKS.items():
            if values[name] is not None and values[name] != "":
                try:
                    values[name] = check(values[name])
                except ValueError as exc:
                    raise EventwireError("EW701", f"{name}: {exc}") from None
        if values["since"] and values["until"] and values["since"] > values["until"]:
            raise EventwireError("EW701", f"since {values['since']} is after until {values['until']}")
        return EventFilter(**values)


def day(value: str) -> str:
    """An ISO day, YYYY-MM-DD.

    Raises:
        ValueError: when the value is not one.
    """
    try:
        return dt.date.fromisoformat(value).isoformat()
    except ValueError:
        raise ValueError(f"not a date in YYYY-MM-DD form: {value!r}") from None


def event_types(value: str) -> str:
    """PLOVER types separated by commas, upper case.

    Raises:
        ValueError: naming the types PLOVER does not have.
    """
    types = [t for t in (t.strip().upper() for t in value.split(",")) if t]
    unknown = [t for t in types if t not in set(ontology.types())]
    if unknown:
        raise ValueError(f"not a PLOVER event type: {', '.join(unknown)}")
    return ",".join(types)


def _listed(value: str, known: list[str], what: str, fold: Callable[[str], str]) -> str:
    """Names separated by commas, each written as `known` writes it (matched after `fold`)."""
    by_key = {fold(k): k for k in known}
    names = [n for n in (n.strip() for n in value.split(",")) if n]
    unknown = [n for n in names if fold(n) not in by_key]
    if unknown:
        raise ValueError(f"not {what}: {', '.join(unknown)} (known: {', '.join(known)})")
    return ",".join(by_key[fold(n)] for n in names)


def acled_types(value: str) -> str:
    """ACLED event types separated by commas, as ACLED writes them (case aside).

    Raises:
        ValueError: naming the types ACLED does not have.
    """
    return _listed(value, acled_typology(), "an ACLED event type", str.casefold)


@cache
def acled_typology() -> list[str]:
    """ACLED's event types, in ACLED's order."""
    return list(read_json("eventwire.knowledge", "acled.json")["typology"])


def statuses(value: str) -> str:
    """Event statuses separated by commas, lower case.

    Raises:
        ValueError: naming the values that are no status.
    """
    return _listed(value, list(STATUSES), "an event status", str.casefold)


def _number(value: str | float, read: Callable[[str], Any], kind: str, low: float, high: float) -> Any:
    """A number read from text by `read` (int or float), within `low` and `high`."""
    try:
        number = read(str(value).strip())
    except ValueError:
        raise ValueError(f"not {kind}: {value!r}") from None
    if not low <= number <= high:
        raise ValueError(f"out of range ({low} to {high}): {value!r}")
    return number


def at_least_zero(value: str | int) -> int:
    """A whole number, 0 or more.

    Raises:
        ValueError: when the value is not one.
    """
    return _number(value, int, "a whole number", 0, SQL_INT)


def share(value: str | float) -> float:
    """A number from 0 to 1.

    Raises:
        ValueError: when the value is not one.
    """
    return _number(value, float, "a number", 0, 1)


def division_code(value: str) -> str:
    """A first-level division's code, upper case, once it is known to name one.

    Raises:
        ValueError: when no division has the code.
    """
    codes.division(value)
    return value.strip().upper()


CHECKS: dict[str, Callable[[Any], Any]] = {
    "type": event_types,
    "country": codes.country,
    "admin1": division_code,
    "since": day,
    "until": day,
    "acled_type": acled_types,
    "status": statuses,
    "min_dead": at_least_zero,
    "min_confidence": share,
}
"""The filter fields `EventFilter.checked` checks, with the check of each."""


def fts_query(text: str) -> str:
    """User words as an FTS5 query that requires each word, whatever punctuation they hold."""
    return " ".join('"' + word.replace('"', '""') + '"' for word in text.split())


def near_places(lat: float, lon: float, km: float) -> tuple[str, list[Any]]:
    """A query of the ids of the places within `km` of the point, and its parameters.

    A bounding box on the indexed `lat`, `lon` columns picks the candidates; the exact great-circle
    distance (`km`, as merging measures it) decides. The box holds every point within `km`: latitudes
    within the angular radius, and longitudes within asin(sin r / cos lat) of the point's, split in two
    ranges across the antimeridian and left open when the circle reaches a pole. It is padded by
    `_PAD` degrees so that rounding never leaves out a point the exact distance keeps.
    """
    r = km / EARTH_KM
    dlat = math.degrees(r) + _PAD
    clauses, params = ["lat BETWEEN ? AND ?"], [lat - dlat, lat + dlat]
    if lat - dlat > -90 and lat + dlat < 90:
        dlon = math.degrees(math.asin(math.sin(r) / math.cos(math.radians(lat)))) + _PAD
        west, east = lon - dlon, lon + dlon
        if west < -180:
            clauses.append("(lon >= ? OR lon <= ?)")
            params += [west + 360, east]
        elif east > 180:
            clauses.append("(lon >= ? OR lon <= ?)")
            params += [west, east - 360]
        else:
            clauses.append("lon BETWEEN ? AND ?")
            params += [west, east]
    clauses.append("km(lat, lon, ?, ?) <= ?")
    params += [lat, lon, km]
    return f"SELECT rid FROM places WHERE {' AND '.join(clauses)}", params


def where(f: EventFilter, merged: bool) -> tuple[str, list[Any]]:
    """The WHERE clause (without the keyword; "1" when empty) and its parameters.

    The query it goes into names the event table `x` (events or merged_events); place conditions are
    subqueries on `places`, so choosing a page and counting need no join.
    """
    clauses: list[str] = []
    params: list[Any] = []
    if f.type:
        types = [t.strip().upper() for t in f.type.split(",") if t.strip()]
        clauses.append(f"x.type IN ({','.join('?' * len(types))})")
        params += types
    # Place conditions are checked row by row: a name or a code usually matches many places, so a page
    # fills early.
    if f.place:
        clauses.append(
            "EXISTS (SELECT 1 FROM places p WHERE p.rid = x.place"
            " AND (p.name = ? COLLATE NOCASE OR p.admin1 = ? COLLATE NOCASE))"
        )
        params += [f.place.strip(), f.place.strip()]
    if f.country:
        clauses.append("EXISTS (SELECT 1 FROM places p WHERE p.rid = x.place AND p.country_code = ?)")
        params.append(f.country.strip().upper())
    if f.admin1:
        clauses.append(
            "EXISTS (SELECT 1 FROM places p WHERE p.rid = x.place AND p.country_code = ? AND p.admin1 = ?)"
        )
        params += codes.division(f.admin1)
    if f.near:
        sql, near = near_places(*f.near)
        clauses.append(f"x.place IN ({sql})")
        params += near
    if f.since:
        clauses.append("x.day_end >= ?")
        params.append(f.since)
    if f.until:
        clauses.append("x.day_start <= ?")
        params.append(f.until)
    if f.actor:
        clauses.append(
            "(x.actor_name LIKE ? OR x.actor_text LIKE ?"
            " OR x.recipient_name LIKE ? OR x.recipient_text LIKE ?)"
        )
        params += [f"%{f.actor}%"] * 4
    for column, value in (("x.acled_event_type", f.acled_type), ("x.status", f.status)):
        if value:
            names = value.split(",")
            clauses.append(f"{column} IN ({','.join('?' * len(names))})")
            params += names
    if f.min_dead is not None:
        clauses.append("x.dead >= ?")
        params.append(f.min_dead)
    if f.min_confidence is not None:
        clauses.append("x.confidence >= ?")
        params.append(f.min_confidence)
    if f.disputed:
        denied = f"SELECT event FROM claims WHERE stance = '{DENY}'"
        if merged:
            denied = f"SELECT merged FROM events WHERE rid IN ({denied})"
        clauses.append(f"x.rid IN ({denied})")
    if f.q and f.q.strip():
        hits = (
            "SELECT e.event FROM evidence e"
            " WHERE e.rid IN (SELECT rowid FROM evidence_fts WHERE evidence_fts MATCH ?)"
        )
        if merged:
            hits = f"SELECT merged FROM events WHERE rid IN ({hits})"
        clauses.append(f"x.rid IN ({hits})")
        params.append(fts_query(f.q))
    return " AND ".join(clauses) or "1", params

"""Merging across articles: events that describe the same real-world occurrence become one merged event.

The rule. An event joins a merged event when it is compatible with *every* event already in it
(complete link, so that chains of near-matches never grow into one blob); when several merged events
qualify it joins the one with the most sources; when none does it starts its own. Two events are
compatible when all of these hold:

1. **Type**: the same PLOVER event type.
2. **Status**: the same kind of reality: `occurred` and `ongoing` match each other; `expected` matches
   only `expected`, `historical` only `historical`.
3. **Actors**: actor matches actor and recipient matches recipient. Only canonical names count (the
   `name` of a participant linked to an entity): free descriptions such as "the city" or "at least four
   people" vary from report to report, so a side without a name matches anything. Two names match when,
   lower-cased and stripped of punctuation and a leading "the", one's words are all among the other's
   ("the Kremlin" and "Kremlin", "Wagner" and "Wagner Group"; not "Russia" and "Russian"). For the
   symmetric types CONSULT, AGREE and COOPERATE, actor and recipient may also be swapped.
4. **Place**, judged at the coarser of the two places' precisions:
   - two different country codes never match;
   - an unplaced event (a headline, say) matches a placed one within its article, or across articles
     when both name their actor; two unplaced events match;
   - city (or any finer feature): within `merge_city_km` (`Settings`, default 30 km), or the same name
     when coordinates are missing;
   - first-level division (admin1 or region): the same division name (a city counts as lying in its
     admin1); when either division is unnamed, within `merge_admin1_km` (default 200 km);
   - country: the same country code (the same name when codes are missing).
5. **Date**: the two dates, read as ranges of days at their precision (a day, an ISO week, a month, a
   year, a decade), overlap; two single days may also lie up to `merge_date_slack_days` apart (default
   1 day: reports of "last night" straddle midnight and time zones). An event without a date is taken
   to lie in the `merge_undated_days` (default 3) days up to its article's publication; without
   either, it matches only other such events.

A merged event keeps every member event and so every evidence span; its summary is recomputed from
its members whenever one joins: the most frequent mode, actor and recipient, the most precise place,
the narrowest date, the largest casualty figures (they are lower bounds), the union of contexts, the
number of distinct source articles, and a confidence of 1 - ∏(1 - c) over articles (each article
counted once, at its most confident member), since independent reports corroborate each other.
"""

from __future__ import annotations

import json
import math
import re
import sqlite3
from collections import Counter
from dataclasses import dataclass
from itertools import groupby

from eventwire.settings import Settings
from eventwire.store.dates import shift

SYMMETRIC = frozenset({"CONSULT", "AGREE", "COOPERATE"})
"""Event types whose actor and recipient play the same part, so either order describes one event."""

_PRECISION = {"country": 2, "admin1": 1, "region": 1}
"""How coarse a place feature is; anything not listed (city, other) counts as city-level, 0."""

_STATUS = {"occurred": "real", "ongoing": "real", "expected": "expected", "historical": "historical"}

_WORD = re.compile(r"\w+")

EARTH_KM = 6371.0
"""The Earth's mean radius, in kilometres."""


@dataclass(frozen=True)
class Where:
    """The place facts merging compares."""

    name: str
    lat: float | None
    lon: float | None
    country_code: str | None
    admin1: str | None
    feature: str

    @property
    def precision(self) -> int:
        return _PRECISION.get(self.feature, 0)


@dataclass(frozen=True)
class Occurrence:
    """What merging compares of one event: names as word sets (`words`), dates as day ranges, and the
    store's id of the event's article."""

    type: str
    status: str
    actor: frozenset[str] | None
    recipient: frozenset[str] | None
    place: Where | None
    days: tuple[str, str] | None
    article: int = 0


def km(lat1: float, lon1: float, lat2: float, lon2: float) -> float:
    """Great-circle distance between two points, in kilometres (haversine, Earth radius `EARTH_KM`)."""
    p1, p2 = math.radians(lat1), math.radians(lat2)
    dp, dl = p2 - p1, math.radians(lon2 - lon1)
    h = math.sin(dp / 2) ** 2 + math.cos(p1) * math.cos(p2) * math.sin(dl / 2) ** 2
    return 2 * EARTH_KM * math.asin(min(1.0, math.sqrt(h)))


def words(name: str | None) -> frozenset[str] | None:
    """A name as the set of its lower-case words, without a leading "the"; None when it has none."""
    tokens = _WORD.findall((name or "").casefold())
    if tokens and tokens[0] == "the":
        tokens = tokens[1:]
    return frozenset(tokens) or None


def same_occurrence(a: Occurrence, b: Occurrence, settings: Settings) -> bool:
    """Whether two events describe the same occurrence under the module's rule."""
    if a.type != b.type or _STATUS.get(a.status, a.status) != _STATUS.get(b.status, b.status):
        return False
    straight = _party(a.actor, b.actor) and _party(a.recipient, b.recipient)
    swapped = a.type in SYMMETRIC and _party(a.actor, b.recipient) and _party(a.recipient, b.actor)
    if a.place is None or b.place is None:
        both_named = a.actor is not None and b.actor is not None
        placed = (a.place is None and b.place is None) or a.article == b.article or both_named
    else:
        placed = _places(a.place, b.place, settings)
    return (straight or swapped) and placed and _dates(a.days, b.days, settings)


def _party(a: frozenset[str] | None, b: frozenset[str] | None) -> bool:
    return a is None or b is None or a <= b or b <= a


def _places(a: Where, b: Where, settings: Settings) -> bool:
    if a.country_code and b.country_code and a.country_code != b.country_code:
        return False
    coords = None not in (a.lat, a.lon, b.lat, b.lon)
    distance = km(a.lat, a.lon, b.lat, b.lon) if coords else math.inf  # type: ignore[arg-type]
    precision = max(a.precision, b.precision)
    if precision == 0:
        return distance <= settings.merge_city_km if coords else a.name.casefold() == b.name.casefold()
    if precision == 1:
        da, db = _division(a), _division(b)
        return da == db if da and db else distance <= settings.merge_admin1_km
    if a.country_code and b.country_code:
        return True
    return a.name.casefold() == b.name.casefold()


def _division(w: Where) -> str | None:
    name = w.admin1 or (w.name if w.feature == "admin1" else None)
    return name.casefold() if name else None


def _dates(a: tuple[str, str] | None, b: tuple[str, str] | None, settings: Settings) -> bool:
    if a is None or b is None:
        return a is None and b is None
    slack = settings.merge_date_slack_days if a[0] == a[1] and b[0] == b[1] else 0
    return shift(a[0], -slack) <= b[1] and b[0] <= shift(a[1], slack)


_EVENT = """
SELECT e.rid, e.type, e.status, e.actor_name, e.recipient_name,
       e.day_start, e.day_end, p.name, p.lat, p.lon, p.country_code, p.admin1, p.feature, e.article
FROM events e LEFT JOIN places p ON p.rid = e.place
"""


def _occurrence(row: sqlite3.Row) -> Occurrence:
    place = Where(*row[7:13]) if row[7] is not None else None
    return Occurrence(
        type=row[1],
        status=row[2],
        actor=words(row[3]),
        recipient=words(row[4]),
        place=place,
        days=(row[5], row[6]) if row[5] else None,
        article=row[13],
    )


def assign(conn: sqlite3.Connection, event: int, settings: Settings) -> int:
    """Put a stored event into its merged event (found or created) and refresh that summary.

    Args:
        conn: a connection inside the writing transaction.
        event: the event's rid.
        settings: the merge thresholds.

    Returns:
        The merged event's rid.
    """
    me = _occurrence(conn.execute(_EVENT + "WHERE e.rid = ?", (event,)).fetchone())
    # Candidates: same type, overlapping days, and no member in another country (the merged event's
    # place is one of its members'); the rule itself is then checked against every member.
    code = me.place.country_code if me.place else None
    sql = _EVENT.replace("FROM events e", ", m.rid FROM merged_events m JOIN events e ON e.merged = m.rid")
    sql += """LEFT JOIN places mp ON mp.rid = m.place
              WHERE m.type = ? AND (? IS NULL OR mp.country_code IS NULL OR mp.country_code = ?) AND """
    if me.days:
        slack = settings.merge_date_slack_days
        sql += "m.day_start <= ? AND m.day_end >= ?"
        params = (me.type, code, code, shift(me.days[1], slack), shift(me.days[0], -slack))
    else:
        sql += "m.day_start IS NULL"
        params = (me.type, code, code)
    rows = conn.execute(sql + " ORDER BY m.sources DESC, m.rid", params).fetchall()
    for candidate, members in groupby(rows, key=lambda r: r[-1]):
        if all(same_occurrence(me, _occurrence(m), settings) for m in members):
            merged = candidate
            break
    else:
        merged = conn.execute(
            "INSERT INTO merged_events (type, context, status, confidence, sources, members)"
            " VALUES (?, '[]', ?, 0, 0, 0)",
            (me.type, me.status),
        ).lastrowid
    conn.execute("UPDATE events SET merged = ? WHERE rid = ?", (merged, event))
    refresh(conn, merged)
    return merged


def refresh(conn: sqlite3.Connection, merged: int) -> None:
    """Recompute a merged event's summary from its members (see the module docstring)."""
    rows = conn.execute(
        """SELECT e.*, p.feature AS p_feature, a.id AS a_id FROM events e
           JOIN articles a ON a.rid = e.article LEFT JOIN places p ON p.rid = e.place
           WHERE e.merged = ? ORDER BY e.rid""",
        (merged,),
    ).fetchall()

    def common(*columns: str) -> tuple:
        seen = Counter(tuple(r[c] for c in columns) for r in rows if any(r[c] is not None for c in columns))
        return seen.most_common(1)[0][0] if seen else (None,) * len(columns)

    placed = [r for r in rows if r["place"] is not None]
    place = (
        min(placed, key=lambda r: (_PRECISION.get(r["p_feature"], 0), r["rid"]))["place"] if placed else None
    )
    dated = [r for r in rows if r["day_start"]]
    when = (
        min(dated, key=lambda r: (r["day_end"] > r["day_start"], r["day_end"], r["day_start"]))
        if dated
        else None
    )
    best: dict[str, float] = {}
    for r in rows:
        best[r["a_id"]] = max(best.get(r["a_id"], 0.0), r["confidence"])
    context = sorted({c for r in rows for c in json.loads(r["context"])})
    conn.execute(
        """UPDATE merged_events SET mode = ?, context = ?, actor_name = ?, actor_text = ?, recipient_name = ?,
           recipient_text = ?, place = ?, date = ?, date_precision = ?, date_end = ?,
           day_start = ?, day_end = ?,
           status = ?, dead = ?, injured = ?, arrested = ?, count = ?, acled_event_type = ?,
           acled_sub_event_type = ?, acled_coding = ?, confidence = ?, sources = ?, members = ?
           WHERE rid = ?""",
        (
            common("mode")[0],
            json.dumps(context),
            *common("actor_name", "actor_text"),
            *common("recipient_name", "recipient_text"),
            place,
            *((when["date"], when["date_precision"], when["date_end"]) if when else (None, None, None)),
            min((r["day_start"] for r in dated), default=None),
            max((r["day_end"] for r in dated), default=None),
            common("status")[0],
            *(
                max((r[k] for r in rows if r[k] is not None), default=None)
                for k in ("dead", "injured", "arrested", "count")
            ),
            *common("acled_event_type", "acled_sub_event_type", "acled_coding"),
            1.0 - math.prod(1.0 - c for c in best.values()),
            len(best),
            len(rows),
            merged,
        ),
    )

"""Merging across articles: events that describe the same real-world occurrence become one merged event.

The rule. An event joins a merged event when it is compatible with *every* event already in it
(complete link, so that chains of near-matches never grow into one blob) and tied to *at least one* of
them; when several merged events qualify it joins the one with the most sources; when none does it
starts its own. Two events are compatible when all of 1 to 5 hold, and tied when 6 does:

1. **Type**: the same PLOVER event type.
2. **Status**: the same kind of reality: `occurred` and `ongoing` match each other; `expected` matches
   only `expected`, `historical` only `historical`.
3. **Actors**: actor matches actor and recipient matches recipient. Only canonical names count (the
   `name` of a participant linked to an entity): free descriptions such as "the city" or "at least four
   people" vary from report to report, so a side without a name matches anything. Two names match when,
   lower-cased and stripped of punctuation and a leading "the", one's words are all among the other's
   ("the Kremlin" and "Kremlin", "Wagner" and "Wagner Group"; not "Russia" and "Russian"). For the
   symmetric types CONSULT, AGREE and COOPERATE, actor and recipient may also be swapped.
4. **Place**: two placed events have compatible places, judged at the coarser of the two precisions:
   - two different country codes never match;
   - city (or any finer feature): within `merge_city_km` (`Settings`, default 30 km), or the same name
     when coordinates are missing;
   - first-level division (admin1 or region): the same division name (a city counts as lying in its
     admin1); when either division is unnamed, within `merge_admin1_km` (default 200 km);
   - country: the same country code (the same name when codes are missing).
   An unplaced event (a headline, say, or a report that names no town) passes this test.
5. **Time**: the two events' day ranges overlap. A dated event's range is its date read at its precision
   (a day, an ISO week, a month, a year, a decade); two single days may also lie up to
   `merge_date_slack_days` apart (default 1 day: reports of "last night" straddle midnight and time
   zones). An event told as having happened (`occurred`, `ongoing`) began by its article's publication,
   so its range ends there at the latest (a month-precise "May" in a report of 3 May is 1 to 3 May). An
   undated event's range is the `merge_undated_days` (default 3) days up to its article's publication; an
   event with neither has no range, and matches only another such event of its own article.
6. **Tie**: the two events are of one article (its article already ties an event to the others), or they
   share a place or a date. A shared place is two places, both present, compatible under 4 at a
   precision finer than a country (a city or a first-level division: a country is too wide to tell two
   bombings apart); a shared date is, unless the two are placed (one only in a country) and one names no
   actor (then they may be two towns' events of one day), two dates of the events themselves (not
   publication windows), each spanning at most `merge_shared_date_days` days (default 7: a day or an ISO
   week, not a month), overlapping under 5, and not both the publication days of reports of what has
   just happened (an event's `date_source` "publication": the extractor dates such a report to its
   publication day, `events.when.report_day`, so two such dates say no more than two publication
   windows; nor two days an article's story gave its undated events, "story"). So a wire's car bomb
   "in Diyarbakir on Thursday" and a paper's unplaced "Thursday's
   bombing" of the next day are one occurrence, and the paper's unplaced, undated mentions of it join
   them through its dated one; two unplaced accusations, undated or each dated to its own publication
   day, never are.

A merged event keeps every member event and so every evidence span; its summary is recomputed from
its members whenever one joins: the most frequent mode, actor and recipient, the most precise place,
the narrowest of the members' own dates, the largest casualty figures (they are lower bounds), the
union of contexts, the number of distinct source articles, and a confidence of 1 - ∏(1 - c) over
articles (each article counted once, at its most confident member), since independent reports
corroborate each other.
"""

from __future__ import annotations

import datetime as dt
import json
import math
import re
import sqlite3
from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass
from functools import lru_cache
from itertools import groupby

from eventwire.settings import Settings
from eventwire.store.dates import day_range, shift

SYMMETRIC = frozenset({"CONSULT", "AGREE", "COOPERATE"})
"""Event types whose actor and recipient play the same part, so either order describes one event."""

_PRECISION = {"country": 2, "admin1": 1, "region": 1}
"""How coarse a place feature is; anything not listed (city, other) counts as city-level, 0."""

_COUNTRY = _PRECISION["country"]

_STATUS = {"occurred": "real", "ongoing": "real", "expected": "expected", "historical": "historical"}

_WORD = re.compile(r"\w+")

_day_range = lru_cache(maxsize=4096)(day_range)
"""`day_range`, remembered: merging reads the same few dates for every candidate member."""

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
    """What merging compares of one event: names as word sets (`words`), dates as day ranges, the
    store's id of the event's article, how many days the event's own date spans (`span`: None when it
    has none and its range is its article's publication window), and whether that date is the
    publication day of a report of what has just happened (`reported`: its `date_source`)."""

    type: str
    status: str
    actor: frozenset[str] | None
    recipient: frozenset[str] | None
    place: Where | None
    days: tuple[str, str] | None
    article: int = 0
    span: int | None = 1
    reported: bool = False


INFERRED_DATES = frozenset({"publication", "story"})
"""`date_source`s the extractor inferred rather than read: two of them tie no events by date (rule 6)."""


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
    """Whether two events describe the same occurrence: compatible and tied, under the module's rule."""
    return compatible(a, b, settings) and tied(a, b, settings)


def compatible(a: Occurrence, b: Occurrence, settings: Settings) -> bool:
    """Whether nothing tells two events apart: rules 1 to 5 of the module's docstring."""
    if a.type != b.type or _STATUS.get(a.status, a.status) != _STATUS.get(b.status, b.status):
        return False
    straight = _party(a.actor, b.actor) and _party(a.recipient, b.recipient)
    swapped = a.type in SYMMETRIC and _party(a.actor, b.recipient) and _party(a.recipient, b.actor)
    placed = a.place is None or b.place is None or _places(a.place, b.place, settings)
    timeless = a.days is None and b.days is None and a.article == b.article
    timed = a.days is not None and b.days is not None and _dates(a.days, b.days, settings)
    return (straight or swapped) and placed and (timeless or timed)


def tied(a: Occurrence, b: Occurrence, settings: Settings) -> bool:
    """Whether two compatible events are tied: one article, a shared place or a shared date (rule 6)."""
    if a.article == b.article:
        return True
    if a.place is not None and b.place is not None and max(a.place.precision, b.place.precision) < _COUNTRY:
        return True
    if a.place is not None and b.place is not None and (a.actor is None or b.actor is None):
        return False  # one placed only in a country, by no named party: any town's event of that day
    return _exact(a, settings) and _exact(b, settings) and not (a.reported and b.reported)


def joins(me: Occurrence, members: Iterable[Occurrence], settings: Settings) -> bool:
    """Whether an event joins a merged event of these members: compatible with all, tied to one."""
    tie = False
    for member in members:
        if not compatible(me, member, settings):
            return False
        tie = tie or tied(me, member, settings)
    return tie


def _exact(o: Occurrence, settings: Settings) -> bool:
    """Whether an event's own date is narrow enough to be shared evidence."""
    return o.days is not None and o.span is not None and o.span <= settings.merge_shared_date_days


def _span(days: tuple[str, str] | None) -> int | None:
    if days is None:
        return None
    return (dt.date.fromisoformat(days[1]) - dt.date.fromisoformat(days[0])).days + 1


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


def _dates(a: tuple[str, str], b: tuple[str, str], settings: Settings) -> bool:
    slack = settings.merge_date_slack_days if a[0] == a[1] and b[0] == b[1] else 0
    return shift(a[0], -slack) <= b[1] and b[0] <= shift(a[1], slack)


_EVENT = """
SELECT e.rid, e.type, e.status, e.actor_name, e.recipient_name,
       e.day_start, e.day_end, p.name, p.lat, p.lon, p.country_code, p.admin1, p.feature, e.article,
       e.date, e.date_end, ea.published, e.date_source
FROM events e JOIN articles ea ON ea.rid = e.article LEFT JOIN places p ON p.rid = e.place
"""


def _occurrence(row: sqlite3.Row) -> Occurrence:
    place = Where(*row[7:13]) if row[7] is not None else None
    return Occurrence(
        type=row[1],
        status=row[2],
        actor=words(row[3]),
        recipient=words(row[4]),
        place=place,
        days=_by_publication((row[5], row[6]), row[2], row[16]) if row[5] else None,
        article=row[13],
        span=_span(_day_range(row[14], row[15])),
        reported=row[17] in INFERRED_DATES,
    )


def _by_publication(days: tuple[str, str], status: str, published: str | None) -> tuple[str, str]:
    """An event's days cut at its article's publication when it is told as having happened (rule 5)."""
    end = _day_range(published)
    if end is None or _STATUS.get(status) != "real" or not days[0] <= end[1] < days[1]:
        return days
    return days[0], end[1]


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
    for candidate, group in groupby(rows, key=lambda r: r[-1]):
        if joins(me, (_occurrence(m) for m in group), settings):
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
    own = [r for r in dated if r["date"]]  # not a publication window
    when = (
        min(own, key=lambda r: (r["day_end"] > r["day_start"], r["day_end"], r["day_start"])) if own else None
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

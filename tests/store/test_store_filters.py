"""Event filters against brute force: the store's SQL (indexes, bounding box, counts, pages) selects
exactly the events a Python filter over every event selects, in the same order."""

from __future__ import annotations

import math
import random
import sqlite3
from collections.abc import Iterator
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from eventwire.errors import EventwireError
from eventwire.settings import Settings
from eventwire.store import EventFilter, Store
from eventwire.store.filters import near_places
from eventwire.store.merge_across import km
from store.scattered import FILTERS, matches, merged_days, scattered_articles


@pytest.fixture(scope="module")
def store(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Store]:
    with Store.open(tmp_path_factory.mktemp("scattered") / "ew.db", Settings()) as s:
        for article in scattered_articles():
            s.ingest(article)
        yield s


def ids(events: list[dict]) -> list[int]:
    return [e["id"] for e in events]


@pytest.mark.parametrize("f", FILTERS, ids=str)
def test_events_are_the_brute_force_selection_in_order_and_pages(store: Store, f: EventFilter) -> None:
    expected = ids([e for e in store.events(limit=10_000) if matches(e, f)])
    assert ids(store.events(f, limit=10_000)) == expected
    assert store.count_events(f) == len(expected)
    pages = [store.events(f, limit=7, offset=offset) for offset in range(0, len(expected) + 7, 7)]
    assert ids([e for page in pages for e in page]) == expected


@pytest.mark.parametrize("f", FILTERS, ids=str)
def test_merged_events_are_the_brute_force_selection(store: Store, f: EventFilter) -> None:
    events = {e["id"]: e for e in store.events(limit=10_000)}
    merged = store.merged_events(limit=10_000)
    expected = ids([m for m in merged if matches(m, f, merged_days(m, events))])
    assert ids(store.merged_events(f, limit=10_000)) == expected
    assert store.count_events(f, merged=True) == len(expected)
    pages = [store.merged_events(f, limit=5, offset=offset) for offset in range(0, len(expected) + 5, 5)]
    assert ids([m for page in pages for m in page]) == expected


def test_the_filters_select_some_events_and_not_all(store: Store) -> None:
    total = store.count_events()
    counts = {str(f): store.count_events(f) for f in FILTERS}
    assert total > 80
    assert 0 < counts[str(EventFilter(near=(-17.5, 179.9, 250)))] < total  # across the antimeridian
    assert 0 < counts[str(EventFilter(near=(89.0, -120.0, 500)))] < total  # around the pole
    assert counts[str(EventFilter(near=(0.0, 0.0, 20_100)))] == len(
        [e for e in store.events(limit=10_000) if e["place"] and e["place"]["lat"] is not None]
    )
    empty = {str(f) for f in NONE_MATCH}
    assert all(counts[f] == 0 for f in empty)
    assert all(0 < n < total for f, n in counts.items() if f not in empty)


NONE_MATCH = [
    EventFilter(place="UA"),  # "Juba" holds the letters, and UA is a country code: neither is a name
    EventFilter(admin1="US-NY", country="UA"),
    EventFilter(near=(0.0, 0.0, 10)),
    EventFilter(near=(49.98, 36.25, 0)),
]
"""The filters of `FILTERS` that select nothing from the scattered store."""


def test_place_is_a_whole_name_and_codes_are_exact(store: Store) -> None:
    juba = store.count_events(EventFilter(place="juba"))
    assert juba > 0 and store.count_events(EventFilter(place="jub")) == 0
    kharkiv = store.count_events(EventFilter(admin1="UA-63"))
    assert kharkiv > 0 and store.count_events(EventFilter(admin1="UA.07")) == kharkiv
    assert store.count_events(EventFilter(place="Kharkiv Oblast")) == kharkiv  # the division's name


@pytest.mark.parametrize(
    ("f", "message"),
    [
        (EventFilter(type="assault,BOGUS"), "type: not a PLOVER event type: BOGUS"),
        (EventFilter(country="UKR"), "country: no country with the ISO code 'UKR'"),
        (EventFilter(country="ZZ"), "country: no country with the ISO code 'ZZ'"),
        (EventFilter(admin1="UA-6"), "admin1: no first-level division with the ISO 3166-2 or GeoNames code"),
        (EventFilter(admin1="UA.07.6312"), "admin1: no first-level division"),  # a second-level code
    ],
)
def test_checked_rejects_unknown_types_and_codes(f: EventFilter, message: str) -> None:
    with pytest.raises(EventwireError) as caught:
        f.checked()
    assert caught.value.code == "EW701" and caught.value.reason.startswith(message)


def test_checked_writes_codes_as_stored() -> None:
    f = EventFilter(type=" protest, assault", country="ua", admin1="ua-63").checked()
    assert (f.type, f.country, f.admin1) == ("PROTEST,ASSAULT", "UA", "UA-63")


def _points(n: int) -> list[tuple[float, float]]:
    """Points uniform on the sphere, and crowds at the poles and along the antimeridian."""
    rng = random.Random(11)
    points = [(math.degrees(math.asin(rng.uniform(-1, 1))), rng.uniform(-180, 180)) for _ in range(n)]
    points += [(rng.uniform(80, 90) * rng.choice((-1, 1)), rng.uniform(-180, 180)) for _ in range(n // 5)]
    points += [(rng.uniform(-70, 70), rng.choice((-1, 1)) * rng.uniform(175, 180)) for _ in range(n // 5)]
    return points + [(90.0, 0.0), (-90.0, 45.0), (0.0, 180.0), (0.0, -180.0)]


@pytest.fixture(scope="module")
def globe() -> sqlite3.Connection:
    """An in-memory `places` table of scattered points, with the lat/lon index, and `km`."""
    conn = sqlite3.connect(":memory:", check_same_thread=False)
    conn.create_function("km", 4, km, deterministic=True)
    conn.execute("CREATE TABLE places (rid INTEGER PRIMARY KEY, lat REAL, lon REAL)")
    conn.execute("CREATE INDEX places_lat_lon ON places (lat, lon)")
    conn.executemany("INSERT INTO places (lat, lon) VALUES (?, ?)", _points(3000))
    return conn


@settings(max_examples=300, deadline=None)
@given(
    lat=st.floats(-90, 90),
    lon=st.floats(-180, 180),
    radius=st.one_of(st.floats(0, 3000), st.floats(3000, 21_000)),
)
def test_the_bounding_box_never_drops_a_place_within_the_distance(
    globe: sqlite3.Connection, lat: float, lon: float, radius: float
) -> None:
    sql, params = near_places(lat, lon, radius)
    found = {r for (r,) in globe.execute(sql, params)}
    rows = globe.execute("SELECT rid, lat, lon FROM places").fetchall()
    assert found == {rid for rid, a, b in rows if km(a, b, lat, lon) <= radius}


def test_the_near_query_uses_the_index(tmp_path: Path) -> None:
    with Store.open(tmp_path / "ew.db", Settings()) as s:
        sql, params = near_places(40.7, -74.0, 300)
        plan = " ".join(r[3] for r in s.conn.execute(f"EXPLAIN QUERY PLAN {sql}", params))
    assert "USING COVERING INDEX places_lat_lon" in plan

"""ACLED-style CSV export: ACLED's columns and precision codes."""

from __future__ import annotations

import csv
import io

import pytest

from eventwire.export import stored_events
from eventwire.export.acled import COLUMNS, acled_row, write_acled
from eventwire.store import Store


def test_csv_has_acled_columns_and_one_row_per_merged_event(store: Store) -> None:
    out = io.StringIO()
    assert write_acled(stored_events(store), out) == 3
    rows = list(csv.DictReader(io.StringIO(out.getvalue())))
    named = "event_date event_type sub_event_type actor1 actor2 admin1 location latitude longitude"
    named += " geo_precision time_precision fatalities source notes"
    assert set(named.split()) <= set(COLUMNS)
    assert list(rows[0]) == COLUMNS
    by_place = {r["location"]: r for r in rows}
    kharkiv = by_place["Kharkiv"]
    assert kharkiv["event_date"] == "2022-03-22" and kharkiv["time_precision"] == "1"
    assert kharkiv["event_type"] == "Explosions/Remote violence"
    assert kharkiv["actor1"] == "Russia" and kharkiv["actor2"] == "civilians"
    assert kharkiv["country"] == "Ukraine" and kharkiv["admin1"] == "Kharkivska Oblast"
    assert kharkiv["geo_precision"] == "1" and kharkiv["fatalities"] == "4"
    assert kharkiv["source"].count("https://") == 2
    assert "Russian artillery struck" in kharkiv["notes"]
    assert (
        by_place["Mariupol"]["time_precision"] == "2" and by_place["Mariupol"]["event_date"] == "2022-03-21"
    )
    assert by_place["Lviv"]["event_type"] == "Protests" and by_place["Lviv"]["fatalities"] == "0"


@pytest.mark.parametrize(
    ("feature", "geo"),
    [("city", 1), ("other", 2), ("admin1", 3), ("region", 3), ("country", 3)],
)
def test_geo_precision_codes(store: Store, feature: str, geo: int) -> None:
    [event] = store.events(limit=1)
    event["place"]["feature"] = feature
    assert acled_row(event)["geo_precision"] == geo


@pytest.mark.parametrize(
    ("date", "precision", "time"),
    [
        ("2022-03-22", "day", 1),
        ("2022-W12", "week", 2),
        ("2022-03", "month", 3),
        ("2022", "year", 3),
        (None, None, 3),
    ],
)
def test_time_precision_codes(store: Store, date: str | None, precision: str | None, time: int) -> None:
    [event] = store.events(limit=1)
    event.update(date=date, date_precision=precision, date_end=None)
    row = acled_row(event)
    assert row["time_precision"] == time
    assert row["event_date"] == ("2022-03-23" if date is None else row["event_date"])

"""ACLED-style CSV: one row per event with ACLED's column names and precision codes.

Columns: event_id_cnty, event_date, time_precision, event_type, sub_event_type, actor1, actor2, country,
admin1, location, latitude, longitude, geo_precision, fatalities, source, notes.

- `event_date` is the first day of the event's date (ACLED's YYYY-MM-DD); undated events take their
  source's publication day.
- `time_precision` (ACLED's codes): 1 the exact day is known; 2 a span of up to a week (an ISO week, a
  few days) is known; 3 only the month, or something coarser (also for undated events).
- `geo_precision` (ACLED's codes): 1 the town itself; 2 a place within or near a town or region (a
  district, a landmark); 3 only a larger region (a province or a country) is known.
- `fatalities` is the reported death toll, 0 when none was reported (a lower bound when qualified).
- `source` lists the reporting articles (URL, else title) separated by "; "; `notes` joins the evidence.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable
from typing import IO, Any

from eventwire.export.common import country, days, evidence_text, export_id, first_day, party, source_labels
from eventwire.export.flat import write_rows

COLUMNS = [
    "event_id_cnty", "event_date", "time_precision", "event_type", "sub_event_type", "actor1", "actor2",
    "country", "admin1", "location", "latitude", "longitude", "geo_precision", "fatalities",
    "source", "notes",
]  # fmt: skip
GEO_PRECISION = {"city": 1, "other": 2, "admin1": 3, "region": 3, "country": 3}


def acled_row(event: dict[str, Any]) -> dict[str, Any]:
    """One event as an ACLED-style row (column → value)."""
    span = days(event)
    place = event["place"] or {}
    acled = event["acled"] or {}
    feature = place.get("feature")
    return {
        "event_id_cnty": export_id(event),
        "event_date": first_day(event) or "",
        "time_precision": _time_precision(span),
        "event_type": acled.get("event_type", ""),
        "sub_event_type": acled.get("sub_event_type", ""),
        "actor1": party(event, "actor"),
        "actor2": party(event, "recipient"),
        "country": country(place.get("country_code"))[1],
        "admin1": place.get("admin1") or (place["name"] if feature in ("admin1", "region") else ""),
        "location": place.get("name", ""),
        "latitude": place.get("lat", ""),
        "longitude": place.get("lon", ""),
        "geo_precision": GEO_PRECISION.get(feature, "") if place else "",
        "fatalities": event["size"]["dead"] or 0,
        "source": "; ".join(source_labels(event)),
        "notes": " ".join(evidence_text(event)),
    }


def write_acled(events: Iterable[dict[str, Any]], out: IO[str]) -> int:
    """Write events as ACLED-style CSV with a header row; return how many rows were written."""
    return write_rows(events, COLUMNS, acled_row, out)


def _time_precision(span: tuple[str, str] | None) -> int:
    if span is None:
        return 3
    width = (dt.date.fromisoformat(span[1]) - dt.date.fromisoformat(span[0])).days
    return 1 if width == 0 else 2 if width < 7 else 3

"""Flat rows of events, one value per column, for tables and CSV (`eventwire events --format csv|table`)."""

from __future__ import annotations

import csv
from collections.abc import Callable, Iterable
from typing import IO, Any

from eventwire.export.common import evidence_text, party

COLUMNS = [
    "id", "date", "date_precision", "date_end", "type", "mode", "context", "status", "actor", "recipient",
    "place", "admin1", "country_code", "feature", "lat", "lon", "dead", "injured", "arrested", "count",
    "sources", "confidence", "evidence",
]  # fmt: skip


def flat_row(event: dict[str, Any]) -> dict[str, Any]:
    """One event as column → scalar (lists joined with "; " or " | ")."""
    place = event["place"] or {}
    return {
        "id": event["id"],
        "date": event["date"],
        "date_precision": event["date_precision"],
        "date_end": event["date_end"],
        "type": event["type"],
        "mode": event["mode"],
        "context": "; ".join(event["context"]),
        "status": event["status"],
        "actor": party(event, "actor"),
        "recipient": party(event, "recipient"),
        "place": place.get("name"),
        "admin1": place.get("admin1"),
        "country_code": place.get("country_code"),
        "feature": place.get("feature"),
        "lat": place.get("lat"),
        "lon": place.get("lon"),
        **event["size"],
        "sources": len(event["sources"]),
        "confidence": round(event["confidence"], 3),
        "evidence": " | ".join(evidence_text(event)),
    }


def write_csv(events: Iterable[dict[str, Any]], out: IO[str]) -> int:
    """Write events as CSV with a header row; return how many rows were written."""
    return write_rows(events, COLUMNS, flat_row, out)


def write_rows(
    events: Iterable[dict[str, Any]],
    columns: list[str],
    row: Callable[[dict[str, Any]], dict[str, Any]],
    out: IO[str],
) -> int:
    """Write one CSV row per event, made by `row`, under a header of `columns`; return the row count."""
    writer = csv.DictWriter(out, columns, lineterminator="\n")
    writer.writeheader()
    n = 0
    for event in events:
        writer.writerow(row(event))
        n += 1
    return n

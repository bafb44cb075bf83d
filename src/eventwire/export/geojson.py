"""GeoJSON: a FeatureCollection with one Point feature per event that has coordinates (others are left out).

A feature's properties are the event's flat row (see `export.flat`) less its coordinates, so that GIS
tools read them as plain columns. The collection streams: features are written as they come.
"""

from __future__ import annotations

import json
from collections.abc import Iterable
from typing import IO, Any

from eventwire.export.flat import flat_row


def feature(event: dict[str, Any]) -> dict[str, Any] | None:
    """One event as a GeoJSON Point feature, or None when it has no coordinates."""
    place = event["place"]
    if not place or place["lat"] is None or place["lon"] is None:
        return None
    properties = {k: v for k, v in flat_row(event).items() if k not in ("lat", "lon")}
    return {
        "type": "Feature",
        "id": event["id"],
        "geometry": {"type": "Point", "coordinates": [place["lon"], place["lat"]]},
        "properties": properties,
    }


def write_geojson(events: Iterable[dict[str, Any]], out: IO[str]) -> int:
    """Write a FeatureCollection of the placed events; return how many features were written."""
    out.write('{"type": "FeatureCollection", "features": [')
    n = 0
    for event in events:
        f = feature(event)
        if f is not None:
            out.write(("," if n else "") + "\n" + json.dumps(f, ensure_ascii=False))
            n += 1
    out.write("\n]}\n")
    return n

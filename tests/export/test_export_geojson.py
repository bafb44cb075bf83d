"""GeoJSON export: a FeatureCollection of placed events with flat properties."""

from __future__ import annotations

import io
import json

from eventwire.export import stored_events
from eventwire.export.geojson import feature, write_geojson
from eventwire.store import Store


def test_feature_collection_of_placed_events(store: Store) -> None:
    out = io.StringIO()
    assert write_geojson(stored_events(store), out) == 3
    collection = json.loads(out.getvalue())
    assert collection["type"] == "FeatureCollection"
    points = {f["properties"]["place"]: f for f in collection["features"]}
    lviv = points["Lviv"]
    assert lviv["geometry"] == {"type": "Point", "coordinates": [24.02324, 49.83826]}
    assert lviv["properties"]["type"] == "PROTEST" and lviv["properties"]["count"] == 300
    assert "lat" not in lviv["properties"]
    assert points["Kharkiv"]["properties"]["sources"] == 2


def test_unplaced_events_are_left_out(store: Store) -> None:
    [event] = store.events(limit=1)
    event["place"]["lat"] = None
    assert feature(event) is None
    event["place"] = None
    assert feature(event) is None
    out = io.StringIO()
    assert write_geojson([event], out) == 0
    assert json.loads(out.getvalue()) == {"type": "FeatureCollection", "features": []}

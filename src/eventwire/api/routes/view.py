"""The view the dashboard shows, in figures and as files: `GET /summary` and `GET /export`.

Both take the event filters of `/events`; `merged=true` reads merged events (as `/merged-events` lists
them) instead of each article's own.
"""

from __future__ import annotations

import io
from typing import Annotated, Any, Literal

from fastapi import APIRouter, Query, Response

from eventwire.api.params import FilterQuery, Reader
from eventwire.export import stored_events
from eventwire.export.acled import write_acled
from eventwire.export.geojson import write_geojson
from eventwire.export.plover import write_plover

router = APIRouter(tags=["view"])

Merged = Annotated[bool, Query(description="merged events (one per occurrence) instead of each article's")]

FORMATS = {
    "acled": (write_acled, "text/csv; charset=utf-8", "acled.csv"),
    "geojson": (write_geojson, "application/geo+json", "geojson"),
    "plover": (write_plover, "application/x-ndjson; charset=utf-8", "plover.jsonl"),
}
"""Export format → its writer, media type and file name ending."""


@router.get("/summary")
def summary(store: Reader, filters: FilterQuery, merged: Merged = False) -> dict[str, Any]:
    """The matching events in four figures: `events`, `fatalities` (their dead), `countries` and
    `sources` (the articles reporting them)."""
    return store.summary(filters, merged)


@router.get("/export")
def export(
    store: Reader,
    filters: FilterQuery,
    format: Annotated[
        Literal["acled", "geojson", "plover"],
        Query(description="acled (ACLED's CSV columns), geojson, or plover (PLOVER JSON Lines)"),
    ],
    merged: Merged = False,
) -> Response:
    """Every matching event as a file to download: ACLED CSV, GeoJSON or PLOVER JSON Lines."""
    write, media, ending = FORMATS[format]
    out = io.StringIO()
    write(stored_events(store, filters, merged), out)
    name = f"eventwire-{'merged-' if merged else ''}events.{ending}"
    return Response(
        out.getvalue(), media_type=media, headers={"Content-Disposition": f'attachment; filename="{name}"'}
    )

"""Exports of stored events: PLOVER JSON Lines, ACLED-style CSV, GeoJSON, and flat rows for tables.

Every exporter takes event dicts as the store's queries return them (per-article events or merged
events: they share their keys) and writes to a text stream.
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

from eventwire.store import EventFilter, Store

PAGE = 500
"""Events fetched from the store at a time while exporting."""


def stored_events(
    store: Store, filters: EventFilter | None = None, merged: bool = True
) -> Iterator[dict[str, Any]]:
    """Every matching event in the store, page by page (merged events unless `merged` is False)."""
    fetch = store.merged_events if merged else store.events
    offset = 0
    while page := fetch(filters, PAGE, offset):
        yield from page
        offset += len(page)

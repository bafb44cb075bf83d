"""GET /events and /merged-events filters against brute force over HTTP: every filter selects what a
Python filter over the unfiltered list selects, in order, with the right `total` and `next` on each page."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

import httpx
import pytest

from api.livestore import seed_store, serving
from eventwire.api import create_app
from eventwire.settings import Settings
from eventwire.store import EventFilter
from store.scattered import FILTERS, matches, merged_days, scattered_articles


@pytest.fixture(scope="module")
def scattered(tmp_path_factory: pytest.TempPathFactory) -> Iterator[httpx.Client]:
    db = seed_store(tmp_path_factory.mktemp("scattered") / "ew.db", scattered_articles())
    with serving(create_app(db, Settings())) as url, httpx.Client(base_url=url, timeout=30) as client:
        yield client


def params(f: EventFilter) -> dict[str, str]:
    """The query parameters of a filter."""
    out = {k: v for k, v in vars(f).items() if v is not None and k != "near"}
    if f.near:
        out["near"] = ",".join(str(v) for v in f.near)
    return out


def pages(client: httpx.Client, path: str, query: dict[str, str], limit: int) -> list[dict[str, Any]]:
    """Every page of a list, following `next`; each page's envelope is checked on the way."""
    items, offset, total = [], 0, None
    while offset is not None:
        page = client.get(path, params={**query, "limit": limit, "offset": offset}).json()
        assert page["limit"] == limit and page["offset"] == offset
        assert total is None or page["total"] == total
        total = page["total"]
        items += page["items"]
        offset = page["next"]
        assert offset is None or offset == page["offset"] + limit < total
    assert len(items) == total
    return items


@pytest.mark.parametrize("f", FILTERS, ids=str)
def test_events_are_the_brute_force_selection(scattered: httpx.Client, f: EventFilter) -> None:
    everything = scattered.get("/events", params={"limit": 1000}).json()["items"]
    expected = [e["id"] for e in everything if matches(e, f)]
    assert [e["id"] for e in pages(scattered, "/events", params(f), 6)] == expected


@pytest.mark.parametrize("f", FILTERS, ids=str)
def test_merged_events_are_the_brute_force_selection(scattered: httpx.Client, f: EventFilter) -> None:
    events = {e["id"]: e for e in scattered.get("/events", params={"limit": 1000}).json()["items"]}
    merged = scattered.get("/merged-events", params={"limit": 1000}).json()["items"]
    expected = [m["id"] for m in merged if matches(m, f, merged_days(m, events))]
    assert [m["id"] for m in pages(scattered, "/merged-events", params(f), 4)] == expected


def test_an_empty_selection_has_a_zero_total(scattered: httpx.Client) -> None:
    page = scattered.get("/events", params={"near": "0,0,10"}).json()
    assert page == {"items": [], "limit": 50, "offset": 0, "total": 0, "next": None}

"""GET /events and /merged-events over HTTP: the CLI's filters, pages with totals, 404s, bad parameters."""

from __future__ import annotations

import httpx
import pytest


def test_events_page_has_total_and_next(client: httpx.Client) -> None:
    first = client.get("/events").json()
    assert first["total"] == 4
    assert first["limit"] == 2 and first["offset"] == 0 and first["next"] == 2
    assert len(first["items"]) == 2
    last = client.get("/events", params={"offset": 2, "limit": 5}).json()
    assert last["next"] is None and len(last["items"]) == 2
    ids = {e["id"] for e in first["items"]} | {e["id"] for e in last["items"]}
    assert len(ids) == 4


def test_event_carries_place_evidence_claims_and_source(client: httpx.Client) -> None:
    page = client.get("/events", params={"type": "SANCTION"}).json()
    assert page["total"] == 1
    ev = page["items"][0]
    assert ev["mode"] == "expel" and ev["place"]["name"] == "Warsaw"
    assert ev["evidence"][0]["text"].startswith("Poland expelled 45 Russian diplomats")
    assert ev["sources"][0]["title"] == "Poland expels 45 Russian diplomats"
    assert client.get(f"/events/{ev['id']}").json() == ev


@pytest.mark.parametrize(
    ("params", "expected"),
    [
        ({"type": "assault"}, 2),
        ({"type": "ASSAULT,SANCTION"}, 3),
        ({"place": "kharkiv"}, 2),
        ({"place": "PL"}, 0),  # a place's name, not a country code
        ({"place": "ua"}, 0),
        ({"country": "pl"}, 1),
        ({"country": "UA"}, 3),
        ({"admin1": "UA-63"}, 2),
        ({"admin1": "ua.07", "country": "UA"}, 2),
        ({"admin1": "UA-63", "country": "PL"}, 0),
        ({"near": "50.0,36.2,20"}, 2),
        ({"near": "52.2,21.0,200"}, 1),
        ({"near": "52.2,21.0,1200"}, 4),
        ({"since": "2022-03-23"}, 1),
        ({"until": "2022-03-21"}, 1),
        ({"since": "2022-03-22", "until": "2022-03-22"}, 2),
        ({"actor": "russia"}, 2),
        ({"q": "market shelled"}, 2),
        ({"type": "ASSAULT", "q": "Tuesday"}, 1),
    ],
)
def test_event_filters(client: httpx.Client, params: dict[str, str], expected: int) -> None:
    page = client.get("/events", params={**params, "limit": 50}).json()
    assert page["total"] == expected == len(page["items"])


def test_merged_events_group_the_two_shelling_reports(client: httpx.Client) -> None:
    page = client.get("/merged-events", params={"type": "ASSAULT"}).json()
    assert page["total"] == 1
    merged = page["items"][0]
    assert merged["source_count"] == 2 and len(merged["events"]) == 2
    assert {s["title"] for s in merged["sources"]} == {
        "Shelling hits Kharkiv market",
        "Market in Kharkiv shelled",
    }
    assert len(merged["evidence"]) == 2
    assert client.get(f"/merged-events/{merged['id']}").json() == merged
    assert client.get("/merged-events", params={"limit": 50}).json()["total"] == 3


@pytest.mark.parametrize("path", ["/events/999999", "/merged-events/999999"])
def test_unknown_event_is_404(client: httpx.Client, path: str) -> None:
    response = client.get(path)
    assert response.status_code == 404
    assert response.json()["error"]["code"] == "EW702"


@pytest.mark.parametrize(
    ("params", "needle"),
    [
        ({"near": "50,36"}, "near"),
        ({"near": "95,36,10"}, "near"),
        ({"since": "yesterday"}, "since"),
        ({"until": "2022-02-30"}, "until"),
        ({"since": "2022-03-25", "until": "2022-03-20"}, "after"),
        ({"limit": "0"}, "limit"),
        ({"limit": "101"}, "cap"),
        ({"limit": "ten"}, "limit"),
        ({"offset": "-1"}, "offset"),
        ({"type": "ASSAULT,SHELLING"}, "SHELLING"),
        ({"country": "Ukraine"}, "country: no country with the ISO code 'Ukraine'"),
        ({"admin1": "UA-99"}, "admin1: no first-level division"),
        ({"offset": "99999999999999999999"}, "offset"),
        ({"offset": str(2**63)}, "offset"),
        ({"limit": "99999999999999999999"}, "limit"),
        ({"contry": "UA"}, "unknown parameter 'contry'"),
        ({"country": "UA", "order": "date", "page": "2"}, "unknown parameters 'order', 'page'"),
        ({"sort": "size"}, "sort: not a sort key"),
        ({"status": "expected,planned"}, "status: not an event status: planned"),
        ({"min_dead": "-1"}, "min_dead: out of range"),
        ({"min_confidence": "high"}, "min_confidence: not a number"),
        ({"acled_type": "Wars"}, "acled_type: not an ACLED event type: Wars"),
    ],
)
def test_bad_parameters_are_400_with_a_coded_json_error(
    client: httpx.Client, params: dict, needle: str
) -> None:
    for path in ("/events", "/merged-events"):
        response = client.get(path, params=params)
        assert response.status_code == 400, response.text
        error = response.json()["error"]
        assert error["code"] == "EW701" and needle in error["message"]


@pytest.mark.parametrize(
    "path", ["/events/abc", "/events/99999999999999999999", "/merged-events/99999999999999999999"]
)
def test_event_id_must_be_a_number_sqlite_holds(client: httpx.Client, path: str) -> None:
    response = client.get(path)
    assert response.status_code == 400
    assert response.json()["error"]["code"] == "EW701"


def test_the_last_offset_sqlite_holds_is_an_empty_page(client: httpx.Client) -> None:
    page = client.get("/events", params={"offset": str(2**63 - 1)}).json()
    assert page["items"] == [] and page["total"] == 4 and page["next"] is None

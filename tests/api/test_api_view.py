"""GET /summary, /export, /actors and /divisions, and the `sort` of event lists, over the seeded store."""

from __future__ import annotations

import csv
import io
import json

import httpx


def test_summary_counts_the_view(client: httpx.Client) -> None:
    assert client.get("/summary").json() == {"events": 4, "fatalities": 10, "countries": 2, "sources": 4}
    merged = client.get("/summary", params={"merged": "true", "type": "ASSAULT"}).json()
    assert merged == {"events": 1, "fatalities": 5, "countries": 1, "sources": 2}
    assert client.get("/summary", params={"country": "PL"}).json()["sources"] == 1
    assert client.get("/summary", params={"status": "nope"}).status_code == 400


def test_export_takes_the_filters(client: httpx.Client) -> None:
    response = client.get("/export", params={"format": "geojson", "country": "UA"})
    assert response.headers["content-type"] == "application/geo+json"
    assert 'filename="eventwire-events.geojson"' in response.headers["content-disposition"]
    names = {f["properties"]["place"] for f in response.json()["features"]}
    assert names == {"Kharkiv", "Lviv"}
    lines = client.get("/export", params={"format": "plover", "merged": "true"}).text.splitlines()
    assert sorted(json.loads(line)["event"] for line in lines) == [["ASSAULT"], ["PROTEST"], ["SANCTION"]]
    rows = list(csv.DictReader(io.StringIO(client.get("/export", params={"format": "acled"}).text)))
    assert all(r["event_id_cnty"] and r["event_date"] for r in rows)
    bad = client.get("/export", params={"format": "xls"})
    assert bad.status_code == 400 and bad.json()["error"]["code"] == "EW701"


def test_actors_are_the_normalized_names(client: httpx.Client) -> None:
    page = client.get("/actors", params={"limit": 10}).json()
    assert page["total"] == 2
    # Russia acts in the shelling and is the recipient of the expulsion; the protest's actor has no name.
    assert page["items"] == [{"name": "Russia", "events": 2}, {"name": "Poland", "events": 1}]


def test_events_sort_by_a_column(client: httpx.Client) -> None:
    def ids(sort: str) -> list[tuple[str, object]]:
        items = client.get("/events", params={"sort": sort, "limit": 10}).json()["items"]
        return [(e["place"]["name"], e["size"]["dead"]) for e in items]

    assert ids("place") == [("Kharkiv", 5), ("Kharkiv", 5), ("Lviv", None), ("Warsaw", None)]
    assert ids("-place")[0] == ("Warsaw", None)
    assert [d for _, d in ids("-dead")] == [5, 5, None, None]


def test_a_division_code_names_its_division(client: httpx.Client) -> None:
    found = client.get("/divisions/ua.07").json()
    assert found == {"code": "UA.07", "country": "UA", "name": "Kharkiv Oblast"}
    assert client.get("/divisions/UA-63").json()["name"] == "Kharkiv Oblast"
    missing = client.get("/divisions/XX-99")
    assert missing.status_code == 404 and missing.json()["error"]["code"] == "EW702"

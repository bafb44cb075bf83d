"""Places, entities, flags, search and stats over HTTP."""

from __future__ import annotations

import httpx


def test_places_count_articles_and_events(client: httpx.Client) -> None:
    page = client.get("/places", params={"limit": 10}).json()
    kharkiv = next(p for p in page["items"] if p["name"] == "Kharkiv")
    assert kharkiv == {
        **kharkiv,
        "lat": 49.98,
        "lon": 36.25,
        "country_code": "UA",
        "articles": 2,
        "events": 2,
    }
    assert page["items"][0]["name"] == "Kharkiv" and page["next"] is None and page["total"] == 3


def test_places_pages_have_totals(client: httpx.Client) -> None:
    first = client.get("/places", params={"limit": 2}).json()
    assert len(first["items"]) == 2 and first["next"] == 2 and first["total"] == 3
    rest = client.get("/places", params={"limit": 2, "offset": 2}).json()
    assert rest["next"] is None
    names = [p["name"] for p in first["items"] + rest["items"]]
    assert sorted(names) == ["Kharkiv", "Lviv", "Warsaw"]


def test_entities(client: httpx.Client) -> None:
    page = client.get("/entities", params={"limit": 50}).json()
    assert {"name": "Poland", "type": "GPE", "articles": 1, "mentions": 1} in page["items"]
    assert page["total"] == len(page["items"]) > 1
    first = client.get("/entities", params={"limit": 1}).json()
    assert first["total"] == page["total"] and first["next"] == 1


def test_flags_with_kind_filter(client: httpx.Client) -> None:
    page = client.get("/flags", params={"limit": 50}).json()
    everything = page["items"]
    assert {f["kind"] for f in everything} == {"contradiction", "unresolved-place"}
    assert page["total"] == len(everything)
    contradictions = client.get("/flags", params={"kind": "contradiction"}).json()
    only = contradictions["items"]
    assert contradictions["total"] == 1
    assert len(only) == 1 and only[0]["title"] == "Shelling hits Kharkiv market"
    assert only[0]["evidence"][0]["text"] == "Moscow denied"


def test_search_finds_articles_and_evidence(client: httpx.Client) -> None:
    found = client.get("/search", params={"q": "diplomats"}).json()
    assert found["q"] == "diplomats"
    assert [a["title"] for a in found["articles"]] == ["Poland expels 45 Russian diplomats"]
    assert found["evidence"][0]["text"].startswith("Poland expelled")


def test_search_needs_words(client: httpx.Client) -> None:
    for params in ({}, {"q": ""}, {"q": "   "}, {"q": "x", "limit": "1000"}):
        response = client.get("/search", params=params)
        assert response.status_code == 400, params
        assert response.json()["error"]["code"] == "EW701"


def test_stats(client: httpx.Client) -> None:
    stats = client.get("/stats").json()
    assert stats["schema"] == "eventwire.document/1" and stats["ingest"] is False
    assert stats["counts"]["articles"] == 4 and stats["counts"]["merged_events"] == 3


def test_openapi_lists_every_route(client: httpx.Client) -> None:
    paths = client.get("/openapi.json").json()["paths"]
    for path in (
        "/articles",
        "/articles/{article_id}",
        "/events",
        "/events/{event_id}",
        "/merged-events",
        "/merged-events/{merged_id}",
        "/places",
        "/entities",
        "/search",
        "/flags",
        "/stats",
    ):
        assert path in paths
    assert "post" in paths["/articles"]
    assert client.get("/docs").status_code == 200

"""The store's read queries: event filters, pagination, merged events, articles, search, places, flags."""

from __future__ import annotations

import json
from collections.abc import Iterator
from pathlib import Path

import pytest

from eventwire.model import Article
from eventwire.settings import Settings
from eventwire.store import EventFilter, Store

REPORTS = Path(__file__).with_name("reports.jsonl")


@pytest.fixture
def store(tmp_path: Path) -> Iterator[Store]:
    with Store.open(tmp_path / "ew.db", Settings()) as s:
        for line in REPORTS.read_text(encoding="utf-8").splitlines():
            s.ingest(Article.from_dict(json.loads(line)))
        yield s


def places_of(events: list[dict]) -> list[str]:
    return sorted(e["place"]["name"] for e in events)


@pytest.mark.parametrize(
    ("f", "expected"),
    [
        (EventFilter(), ["Kharkiv", "Kharkiv", "Lviv", "Mariupol"]),
        (EventFilter(type="protest"), ["Lviv"]),
        (EventFilter(type="PROTEST,ASSAULT"), ["Kharkiv", "Kharkiv", "Lviv", "Mariupol"]),
        (EventFilter(place="kharkiv"), ["Kharkiv", "Kharkiv"]),
        (EventFilter(place="Donetsk"), []),  # a part of "Donetsk Oblast" is not the division's name
        (EventFilter(place="donetsk oblast"), ["Mariupol"]),
        (EventFilter(place="ua"), []),
        (EventFilter(country="ua"), ["Kharkiv", "Kharkiv", "Lviv", "Mariupol"]),
        (EventFilter(country="PL"), []),
        (EventFilter(admin1="UA-46"), ["Lviv"]),
        (EventFilter(admin1="UA.15", country="UA"), ["Lviv"]),
        (EventFilter(near=(49.99, 36.23, 10)), ["Kharkiv", "Kharkiv"]),
        (EventFilter(near=(49.84, 24.03, 1)), ["Lviv"]),
        (EventFilter(near=(0, 0, 100)), []),
        (EventFilter(since="2022-03-23"), ["Mariupol"]),  # a week-precise date may mean a later day
        (EventFilter(until="2022-03-21"), ["Mariupol"]),
        (EventFilter(since="2022-03-22", until="2022-03-22"), ["Kharkiv", "Kharkiv", "Lviv", "Mariupol"]),
        (EventFilter(actor="russia"), ["Kharkiv", "Kharkiv", "Mariupol"]),
        (EventFilter(actor="civilians"), ["Kharkiv"]),
        (EventFilter(q="artillery apartment"), ["Kharkiv"]),
        (EventFilter(q="shelled"), ["Kharkiv", "Mariupol"]),
        (EventFilter(q='U.S. "quoted'), []),
        (EventFilter(type="ASSAULT", near=(49.99, 36.23, 10), q="shelled"), ["Kharkiv"]),
    ],
)
def test_event_filters(store: Store, f: EventFilter, expected: list[str]) -> None:
    assert places_of(store.events(f)) == expected
    assert store.count_events(f) == len(expected)


def test_merged_events_are_filtered_by_any_member_evidence(store: Store) -> None:
    assert places_of(store.merged_events(EventFilter(q="artillery"))) == ["Kharkiv"]
    assert places_of(store.merged_events(EventFilter(actor="civilians"))) == ["Kharkiv"]
    assert store.count_events(EventFilter(type="ASSAULT"), merged=True) == 2
    merged = store.merged_events(EventFilter(type="ASSAULT"))
    assert [(m["place"]["name"], m["source_count"]) for m in merged] == [("Mariupol", 1), ("Kharkiv", 2)]
    assert store.merged_event(merged[0]["id"]) == merged[0]
    assert store.merged_event(999) is None


def test_pagination_is_stable(store: Store) -> None:
    everything = store.events(limit=100)
    pages = [store.events(limit=1, offset=i) for i in range(5)]
    assert [p[0]["id"] for p in pages if p] == [e["id"] for e in everything]
    assert pages[4] == []


def test_an_event_carries_its_evidence_claims_source_and_merged_event(store: Store) -> None:
    [event] = store.events(EventFilter(actor="civilians"))
    assert event["local_id"] == "ev1" and event["merged"] is not None
    assert event["actor"] == {"text": "Russian forces", "name": "Russia", "entity": "e1"}
    assert event["claims"] == [{"speaker": "the regional governor", "stance": "assert"}]
    [source] = event["sources"]
    assert (
        source["url"] == "https://example.org/wire/kharkiv-shelling" and source["published"] == "2022-03-23"
    )
    doc = store.article(event["article"])
    for v in event["evidence"]:
        assert doc["text"][v["start"] : v["end"]] == v["text"]
    assert store.event(event["id"]) == event
    assert store.event(999) is None


def test_articles_list_and_search(store: Store) -> None:
    listed = store.articles()
    assert len(listed) == store.count_articles() == 3
    assert {a["events"] for a in listed} == {1, 2}
    assert sum(a["flags"] for a in listed) == 1
    [hit] = store.articles(q="protesters")
    assert hit["title"].startswith("Protesters rally") and "[" in hit["snippet"]
    assert store.articles(q="nothing-like-this") == []


def test_search_finds_articles_and_evidence(store: Store) -> None:
    found = store.search("Kharkiv")
    assert len(found["articles"]) == 2
    assert {e["article"] for e in found["evidence"]} == {a["id"] for a in found["articles"]}
    assert all(e["merged"] is not None for e in found["evidence"])
    assert store.search('(") OR *') == {"articles": [], "evidence": []}


def test_places_entities_flags(store: Store) -> None:
    places = {p["name"]: p for p in store.places()}
    assert places["Kharkiv"]["articles"] == 2 and places["Kharkiv"]["events"] == 2
    assert places["Lviv"]["lat"] == pytest.approx(49.83826)
    entities = {(e["name"], e["type"]): e for e in store.entities()}
    assert entities[("Russia", "GPE")]["articles"] == 3
    assert entities[("Russia", "GPE")]["mentions"] == 3
    [flag] = store.flags()
    assert flag["kind"] == "contradiction" and flag["evidence"][0]["text"] == "At least four people"
    assert store.flags(kind="unresolved-date") == []


def test_parse_near() -> None:
    assert EventFilter.parse_near("49.99, 36.23,25") == (49.99, 36.23, 25.0)
    for bad in ("49.99,36.23", "a,b,c", "91,0,1", "0,0,-1"):
        with pytest.raises(ValueError):
            EventFilter.parse_near(bad)

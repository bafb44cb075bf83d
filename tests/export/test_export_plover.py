"""PLOVER JSON Lines export of merged and per-article events."""

from __future__ import annotations

import io
import json

from eventwire.export import stored_events
from eventwire.export.plover import plover_record, write_plover
from eventwire.store import EventFilter, Store


def test_merged_events_as_plover_records(store: Store) -> None:
    out = io.StringIO()
    assert write_plover(stored_events(store), out) == 3
    records = [json.loads(line) for line in out.getvalue().splitlines()]
    assert len({r["id"] for r in records}) == 3
    kharkiv = next(r for r in records if r["event_loc"]["resolved_place"] == "Kharkiv")
    assert kharkiv["id"].startswith("merged-")
    assert (
        kharkiv["event"] == ["ASSAULT"]
        and kharkiv["mode"] == ["heavy-weapons"]
        and kharkiv["context"] == ["military"]
    )
    assert kharkiv["date"] == "2022-03-22" and kharkiv["enddate"] is None
    assert kharkiv["actor"] == [{"entity_text": "Russian forces", "identifier_text": "Russia"}]
    assert kharkiv["quad_code"] == 4
    assert kharkiv["event_loc"] | {"lat": None, "lon": None} == {
        "extracted_place": "Kharkiv",
        "resolved_place": "Kharkiv",
        "geonameid": 706483,
        "lat": None,
        "lon": None,
        "province": "Kharkivska Oblast",
        "country": "Ukraine",
        "country_code": "UKR",
        "feature_class": "P",
        "resolution": 4,
    }
    assert kharkiv["size"] == {"dead": 4, "injured": None, "arrested": None}
    assert kharkiv["source_count"] == 2 and len(kharkiv["event_text"]) == 2
    assert kharkiv["cite_info"]["url"].startswith("https://")
    assert kharkiv["has_event"] is True and kharkiv["coder"].startswith("eventwire ")


def test_a_week_date_becomes_its_first_day_and_an_end_date(store: Store) -> None:
    [mariupol] = store.events(EventFilter(place="Mariupol"))
    record = plover_record(mariupol)
    assert (record["date"], record["enddate"], record["date_precision"]) == (
        "2022-03-21",
        "2022-03-27",
        "week",
    )
    assert record["id"] == f"{mariupol['article']}/ev2"
    assert record["text_info"] == {
        "sequence": 1,
        "start": mariupol["evidence"][0]["start"],
        "end": mariupol["evidence"][0]["end"],
    }
    assert record["recipient"] == []


def test_per_article_export_lists_every_event(store: Store) -> None:
    out = io.StringIO()
    assert write_plover(stored_events(store, merged=False), out) == 4


def test_an_undated_event_takes_its_publication_day(store: Store) -> None:
    [event] = store.events(EventFilter(place="Lviv"))
    event.update(date=None, date_precision=None)
    record = plover_record(event)
    assert (record["date"], record["enddate"], record["date_precision"]) == ("2022-03-23", None, None)

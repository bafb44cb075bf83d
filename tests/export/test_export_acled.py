"""ACLED CSV export: ACLED's documented columns, its codes, and only the events ACLED codes."""

from __future__ import annotations

import csv
import io
import json
from pathlib import Path

import pytest

from eventwire.events.acled import AcledView
from eventwire.events.parties import Parties
from eventwire.export import stored_events
from eventwire.export.acled import LeftOut, acled_row, columns, write_acled
from eventwire.knowledge import load_knowledge
from eventwire.model import Article
from eventwire.settings import Settings
from eventwire.store import Store

REPORTS = Path(__file__).resolve().parents[1] / "store" / "reports.jsonl"
ACLED_COLUMNS = [
    "event_id_cnty", "event_date", "year", "time_precision", "disorder_type", "event_type", "sub_event_type",
    "actor1", "assoc_actor_1", "inter1", "actor2", "assoc_actor_2", "inter2", "interaction",
    "civilian_targeting", "iso", "region", "country", "admin1", "admin2", "admin3", "location", "latitude",
    "longitude", "geo_precision", "source", "source_scale", "notes", "fatalities", "tags", "timestamp",
]  # fmt: skip
"""ACLED's documented columns (ACLED Codebook, 2023 column changes), in ACLED's order."""


@pytest.fixture
def coded(tmp_path: Path):
    """A store of the reports of tests/store, each given its ACLED coding by the pipeline's steps."""
    settings, knowledge = Settings(), load_knowledge()
    with Store.open(tmp_path / "coded.db", settings) as s:
        for line in REPORTS.read_text(encoding="utf-8").splitlines():
            article = Parties(settings, knowledge).process(Article.from_dict(json.loads(line)))
            s.ingest(AcledView(settings, knowledge).process(article))
        yield s


def _rows(store: Store) -> dict[str, dict[str, str]]:
    out = io.StringIO()
    n = write_acled(stored_events(store), out)
    rows = list(csv.DictReader(io.StringIO(out.getvalue())))
    assert len(rows) == n
    assert list(rows[0]) == ACLED_COLUMNS
    return {r["location"]: r for r in rows}


def test_the_columns_are_acleds() -> None:
    assert columns() == ACLED_COLUMNS


def test_rows_carry_acleds_codes(coded: Store) -> None:
    rows = _rows(coded)
    kharkiv = rows["Kharkiv"]
    assert (
        kharkiv["event_date"] == "2022-03-22"
        and kharkiv["year"] == "2022"
        and kharkiv["time_precision"] == "1"
    )
    assert kharkiv["disorder_type"] == "Political violence"
    assert kharkiv["sub_event_type"] == "Shelling/artillery/missile attack"
    assert (kharkiv["actor1"], kharkiv["inter1"]) == ("Military Forces of Russia", "8")
    assert (kharkiv["actor2"], kharkiv["inter2"], kharkiv["interaction"]) == (
        "Civilians (Ukraine)",
        "7",
        "78",
    )
    assert kharkiv["civilian_targeting"] == "Civilian targeting"
    assert (kharkiv["iso"], kharkiv["region"], kharkiv["country"]) == ("804", "Europe", "Ukraine")
    assert kharkiv["geo_precision"] == "1" and kharkiv["fatalities"] == "4"
    assert kharkiv["source"] == "example.org; example.com"
    assert kharkiv["notes"].startswith("On 22 March 2022, ") and kharkiv["notes"].endswith(".")
    assert int(kharkiv["timestamp"]) > 0
    lviv = rows["Lviv"]
    assert (lviv["actor1"], lviv["inter1"], lviv["interaction"]) == ("Protesters (Ukraine)", "6", "60")
    assert lviv["tags"] == "crowd size=300" and lviv["disorder_type"] == "Demonstrations"


def test_a_week_is_coded_at_its_middle_day(coded: Store) -> None:
    mariupol = _rows(coded)["Mariupol"]
    assert (mariupol["event_date"], mariupol["time_precision"]) == ("2022-03-24", "2")
    assert mariupol["notes"].startswith("In the week of 24 March 2022, ")


def test_what_acled_cannot_code_stays_out(coded: Store) -> None:
    [event] = coded.events(limit=1)
    cases = [
        {"acled": None},
        {"date": "2022", "date_precision": "year", "date_end": None},
        {"place": None},
        {"date": None, "date_precision": None, "date_end": None, "sources": []},
        {"acled": {**event["acled"], "actor1": None}},
    ]
    for change in cases:
        with pytest.raises(LeftOut):
            acled_row({**event, **change})


def test_an_undated_event_takes_its_reports_day(coded: Store) -> None:
    [event] = coded.events(limit=1)
    row = acled_row({**event, "date": None, "date_precision": None, "date_end": None})
    assert (row["event_date"], row["time_precision"]) == ("2022-03-23", 3)
    assert row["notes"].startswith("On or before 23 March 2022, ")


@pytest.mark.parametrize(
    ("feature", "geo"), [("city", 1), ("other", 2), ("admin2", 2), ("admin1", 3), ("country", 3)]
)
def test_geo_precision_by_the_kind_of_place(coded: Store, feature: str, geo: int) -> None:
    [event] = coded.events(limit=1)
    acled = {k: v for k, v in event["acled"].items() if k != "geo_precision"}
    row = acled_row({**event, "acled": acled, "place": {**event["place"], "feature": feature}})
    assert row["geo_precision"] == geo


def test_the_publisher_not_the_title(coded: Store) -> None:
    [event] = coded.events(limit=1)
    sources = [{**event["sources"][0], "url": "https://www.reuters.com/world/x", "title": "A headline"}]
    row = acled_row({**event, "sources": sources})
    assert (row["source"], row["source_scale"]) == ("Reuters", "International")

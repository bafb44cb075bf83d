"""`eventwire events`, driven through the installed console script on a store of three reports."""

from __future__ import annotations

import csv
import io
import json
import subprocess
import sys
from pathlib import Path

import pytest

from eventwire.cli import main
from eventwire.model import Article
from eventwire.settings import Settings
from eventwire.store import Store

EVENTWIRE = str(Path(sys.executable).with_name("eventwire"))
REPORTS = Path(__file__).resolve().parents[1] / "store" / "reports.jsonl"


@pytest.fixture(scope="module")
def db(tmp_path_factory: pytest.TempPathFactory) -> str:
    path = tmp_path_factory.mktemp("events") / "ew.db"
    with Store.open(path, Settings()) as store:
        for line in REPORTS.read_text(encoding="utf-8").splitlines():
            store.ingest(Article.from_dict(json.loads(line)))
    return str(path)


def eventwire(*args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run([EVENTWIRE, *args], capture_output=True, text=True, timeout=120)


def test_json_lists_merged_events_or_each_articles_events(db: str) -> None:
    merged = eventwire("events", "--db", db, "--format", "json")
    assert merged.returncode == 0, merged.stderr
    events = [json.loads(line) for line in merged.stdout.splitlines()]
    assert sorted(e["source_count"] for e in events) == [1, 1, 2]
    per_article = eventwire("events", "--db", db, "--format", "json", "--per-article", "--limit", "3")
    assert len(per_article.stdout.splitlines()) == 3


def test_filters_combine(db: str, capsys: pytest.CaptureFixture[str]) -> None:
    status = main(
        ["events", "--db", db, "--format", "csv", "--type", "assault", "--near", "49.99,36.23,25",
         "--since", "2022-03-22", "--until", "2022-03-22", "--actor", "russia", "--q", "shelled"]
    )  # fmt: skip
    assert status == 0
    [row] = list(csv.DictReader(io.StringIO(capsys.readouterr().out)))
    assert row["place"] == "Kharkiv" and row["sources"] == "2" and row["dead"] == "4"
    assert main(["events", "--db", db, "--format", "csv", "--place", "Odesa"]) == 0
    lines = capsys.readouterr().out.splitlines()
    assert lines[0].startswith("id,date,") and len(lines) == 1


def test_table_and_geojson(db: str) -> None:
    table = eventwire("events", "--db", db, "--type", "PROTEST")
    assert table.returncode == 0, table.stderr
    assert "PROTEST/demo" in table.stdout and "Lviv" in table.stdout and "1 merged events" in table.stdout
    geo = json.loads(eventwire("events", "--db", db, "--format", "geojson").stdout)
    assert geo["type"] == "FeatureCollection" and len(geo["features"]) == 3


def test_usage_and_store_errors(tmp_path: Path, db: str, capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit) as usage:
        main(["events", "--db", db, "--near", "49.99,36.23"])
    assert usage.value.code == 2 and "LAT,LON,KM" in capsys.readouterr().err
    missing = eventwire("events", "--db", str(tmp_path / "absent.db"))
    assert missing.returncode == 1 and "EW501" in missing.stderr
    assert not (tmp_path / "absent.db").exists()


def test_country_and_division_codes(db: str, capsys: pytest.CaptureFixture[str]) -> None:
    def places(*options: str) -> list[str]:
        assert main(["events", "--db", db, "--format", "csv", "--per-article", *options]) == 0
        return sorted(row["place"] for row in csv.DictReader(io.StringIO(capsys.readouterr().out)))

    assert places("--country", "ua") == ["Kharkiv", "Kharkiv", "Lviv", "Mariupol"]
    assert places("--admin1", "UA-46") == places("--country", "UA", "--admin1", "ua.15") == ["Lviv"]
    assert places("--admin1", "UA-14") == ["Mariupol"]
    assert places("--place", "UA") == places("--country", "PL") == []


@pytest.mark.parametrize(
    ("option", "message"),
    [
        (["--type", "BOGUS"], "argument --type: EW701 type: not a PLOVER event type: BOGUS"),
        (["--type", "assault,Shelling"], "EW701 type: not a PLOVER event type: SHELLING"),
        (["--country", "Ukraine"], "--country: EW701 country: no country with the ISO code 'Ukraine'"),
        (["--admin1", "UA-99"], "argument --admin1: EW701 admin1: no first-level division"),
        (["--since", "yesterday"], "--since: EW701 since: not a date in YYYY-MM-DD form: 'yesterday'"),
        (["--near", "95,36,10"], "argument --near: EW701 near: out of range"),
        (["--since", "2022-03-25", "--until", "2022-03-20"], "EW701 since 2022-03-25 is after until"),
        (["--status", "expected,planned"], "--status: EW701 status: not an event status: planned"),
        (["--min-dead", "-1"], "--min-dead: EW701 min_dead: out of range"),
        (["--min-confidence", "high"], "--min-confidence: EW701 min_confidence: not a number"),
        (["--acled-type", "Wars"], "--acled-type: EW701 acled_type: not an ACLED event type: Wars"),
    ],
)
def test_bad_filter_values_are_the_apis_ew701(db: str, option: list[str], message: str) -> None:
    for command in ("events", "export"):
        extra = ["--format", "acled"] if command == "export" else []
        done = eventwire(command, "--db", db, *extra, *option)
        assert done.returncode == 2 and done.stdout == ""
        assert message in done.stderr

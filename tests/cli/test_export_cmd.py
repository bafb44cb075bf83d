"""`eventwire export`, driven through the installed console script on a store of three reports."""

from __future__ import annotations

import csv
import io
import json
import subprocess
import sys
from pathlib import Path

import pytest

from eventwire.cli import main
from eventwire.events.acled import AcledView
from eventwire.events.parties import Parties
from eventwire.knowledge import load_knowledge
from eventwire.model import Article
from eventwire.settings import Settings
from eventwire.store import Store

EVENTWIRE = str(Path(sys.executable).with_name("eventwire"))
REPORTS = Path(__file__).resolve().parents[1] / "store" / "reports.jsonl"


@pytest.fixture(scope="module")
def db(tmp_path_factory: pytest.TempPathFactory) -> str:
    path = tmp_path_factory.mktemp("export") / "ew.db"
    settings, knowledge = Settings(), load_knowledge()
    with Store.open(path, settings) as store:
        for line in REPORTS.read_text(encoding="utf-8").splitlines():
            article = Parties(settings, knowledge).process(Article.from_dict(json.loads(line)))
            store.ingest(AcledView(settings, knowledge).process(article))  # the ACLED coding, as extracted
    return str(path)


def eventwire(*args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run([EVENTWIRE, *args], capture_output=True, text=True, timeout=120)


def test_plover_to_a_file(db: str, tmp_path: Path) -> None:
    out = tmp_path / "events.jsonl"
    done = eventwire("export", "--db", db, "--format", "plover", "--out", str(out))
    assert done.returncode == 0, done.stderr
    assert "3 events written" in done.stderr
    records = [json.loads(line) for line in out.read_text(encoding="utf-8").splitlines()]
    assert {r["event"][0] for r in records} == {"ASSAULT", "PROTEST"}
    assert not (tmp_path / "events.jsonl.partial").exists()


def test_acled_to_stdout_with_filters(db: str, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["export", "--db", db, "--format", "acled", "--type", "ASSAULT", "--per-article"]) == 0
    rows = list(csv.DictReader(io.StringIO(capsys.readouterr().out)))
    assert sorted(r["location"] for r in rows) == ["Kharkiv", "Kharkiv", "Mariupol"]
    assert all(r["event_type"] == "Explosions/Remote violence" for r in rows)


def test_geojson(db: str, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["export", "--db", db, "--format", "geojson", "--place", "Lviv"]) == 0
    [lviv] = json.loads(capsys.readouterr().out)["features"]
    assert lviv["geometry"]["coordinates"] == [24.02324, 49.83826]


def test_format_is_required(db: str) -> None:
    with pytest.raises(SystemExit) as usage:
        main(["export", "--db", db])
    assert usage.value.code == 2

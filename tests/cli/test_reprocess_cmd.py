"""`eventwire reprocess`, driven through the installed console script on a real SQLite file."""

from __future__ import annotations

import json
import sqlite3
from pathlib import Path

import pytest
from test_run import FIRST, SECOND, eventwire

from eventwire.settings import Settings
from eventwire.store import Store


@pytest.fixture
def inputs(tmp_path: Path) -> list[str]:
    (tmp_path / "first.txt").write_text(FIRST, encoding="utf-8")
    (tmp_path / "second.txt").write_text(SECOND, encoding="utf-8")
    return [str(tmp_path / "first.txt"), str(tmp_path / "second.txt")]


def findings(db: Path) -> tuple[dict[str, int], list[dict]]:
    """The store's row counts and every article's events, less the store's own ids and times."""
    with Store.open(db, Settings(), readonly=True) as store:
        events = [
            {k: v for k, v in e.items() if k not in ("id", "merged")}
            | {"sources": [{k: v for k, v in s.items() if k != "ingested_at"} for s in e["sources"]]}
            for e in store.events(limit=1000)
        ]
        return store.counts(), sorted(events, key=json.dumps)


def test_run_with_a_new_date_names_the_command_that_dates_the_stored_article(
    tmp_path: Path, inputs: list[str]
) -> None:
    db = tmp_path / "ew.db"
    assert eventwire("run", inputs[0], "--db", str(db)).returncode == 0
    with Store.open(db, Settings(), readonly=True) as store:
        assert all(e["date"] is None for e in store.events(limit=100))

    again = eventwire("run", inputs[0], "--db", str(db), "--published", "2022-03-23")
    assert again.returncode == 0, again.stderr
    hint = next(line for line in again.stderr.splitlines() if "eventwire reprocess" in line)
    assert "with no publication date" in hint
    command = hint.split(": eventwire ", 1)[1].split()
    assert command[:3] == ["reprocess", "--db", str(db)] and command[-2:] == ["--published", "2022-03-23"]

    done = eventwire(*command)
    assert done.returncode == 0, done.stderr
    assert "1 articles re-extracted: 1 replaced" in done.stdout
    with Store.open(db, Settings(), readonly=True) as store:
        assert store.count_articles() == 1
        [article] = store.articles()
        assert article["published"] == "2022-03-23"
        assert [e["date"] for e in store.events(limit=100) if e["date"]] == ["2022-03-22"]
    rerun = eventwire("run", inputs[0], "--db", str(db), "--published", "2022-03-23")
    assert rerun.returncode == 0 and "eventwire reprocess" not in rerun.stderr


def test_reprocessing_a_whole_store_gives_the_same_findings_and_merges_again(
    tmp_path: Path, inputs: list[str]
) -> None:
    db = tmp_path / "ew.db"
    assert eventwire("run", *inputs, "--db", str(db), "--published", "2022-03-23").returncode == 0
    before = findings(db)
    done = eventwire("reprocess", "--db", str(db))
    assert done.returncode == 0, done.stderr
    assert "2 articles re-extracted: 2 replaced, 0 found to repeat another stored article" in done.stdout
    assert findings(db) == before
    with Store.open(db, Settings(), readonly=True) as store:
        assert any(m["source_count"] == 2 for m in store.merged_events(limit=100))
        assert store.search("shelled")["evidence"]
        unmerged = store.conn.execute("SELECT count(*) FROM events WHERE merged IS NULL").fetchone()[0]
        assert unmerged == 0


def test_a_store_of_an_older_extractor_says_so_until_it_is_reprocessed(
    tmp_path: Path, inputs: list[str]
) -> None:
    db = tmp_path / "ew.db"
    assert eventwire("run", *inputs, "--db", str(db), "--published", "2022-03-23").returncode == 0
    assert "reprocess" not in eventwire("events", "--db", str(db)).stderr
    with sqlite3.connect(db) as conn:
        conn.execute("UPDATE articles SET extractor = 'eventwire.events.extract/0' WHERE rid = 1")
    conn.close()
    for command in (("events", "--db", str(db)), ("run", inputs[0], "--db", str(db))):
        said = eventwire(*command)
        assert said.returncode == 0, said.stderr
        assert "1 of 2 stored articles were extracted by another extractor" in said.stderr
        assert f"eventwire reprocess --db {db} --stale" in said.stderr

    done = eventwire("reprocess", "--db", str(db), "--stale")
    assert done.returncode == 0, done.stderr
    assert "1 articles re-extracted: 1 replaced" in done.stdout
    assert "reprocess" not in eventwire("events", "--db", str(db)).stderr


def test_a_store_that_kept_no_raw_articles_is_reprocessed_from_the_cleaned_ones(
    tmp_path: Path, inputs: list[str]
) -> None:
    db = tmp_path / "ew.db"
    assert eventwire("run", *inputs, "--db", str(db), "--published", "2022-03-23").returncode == 0
    before = findings(db)
    with sqlite3.connect(db) as conn:
        conn.execute("DELETE FROM raw_articles")
        conn.execute("UPDATE articles SET extractor = NULL")
    conn.close()
    done = eventwire("reprocess", "--db", str(db), "--source", "first.txt", "--since", "2022-03-01")
    assert done.returncode == 0, done.stderr
    assert "1 articles re-extracted: 1 replaced" in done.stdout
    assert findings(db)[1] == before[1]


def test_one_broken_article_is_reported_and_set_aside(tmp_path: Path, inputs: list[str]) -> None:
    db = tmp_path / "ew.db"
    assert eventwire("run", *inputs, "--db", str(db), "--published", "2022-03-23").returncode == 0
    before = findings(db)
    with sqlite3.connect(db) as conn:
        conn.execute("UPDATE raw_articles SET text = '   ' WHERE article = 1")
        broken = conn.execute("SELECT id FROM articles WHERE rid = 1").fetchone()[0]
    conn.close()
    done = eventwire("reprocess", "--db", str(db))
    assert done.returncode == 1
    assert "Traceback" not in done.stderr
    assert (
        "2 articles re-extracted: 1 replaced, 0 found to repeat another stored article (removed), 1 failed"
        in (done.stdout)
    )
    [line] = [line for line in done.stderr.splitlines() if line.startswith("eventwire: EW")]
    assert line.split()[2] == f"{broken}:"
    quarantine = Path(f"{db}.quarantine.jsonl")
    [record] = [json.loads(r) for r in quarantine.read_text(encoding="utf-8").splitlines()]
    assert record["where"] == broken
    assert findings(db) == before


def test_bad_requests_are_coded_errors(tmp_path: Path, inputs: list[str]) -> None:
    missing = eventwire("reprocess", "--db", str(tmp_path / "none.db"))
    assert missing.returncode == 1 and "EW501" in missing.stderr and "Traceback" not in missing.stderr
    assert not (tmp_path / "none.db").exists()
    db = tmp_path / "ew.db"
    assert eventwire("run", inputs[0], "--db", str(db)).returncode == 0
    nothing = eventwire("reprocess", "--db", str(db), "--id", "sha256:0000")
    assert nothing.returncode == 1 and "EW504" in nothing.stderr and "Traceback" not in nothing.stderr
    assert eventwire("reprocess", "--db", str(db), "--since", "March").returncode == 2

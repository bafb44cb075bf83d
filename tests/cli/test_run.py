"""`eventwire run`, driven through the installed console script."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

from eventwire.settings import Settings
from eventwire.store import Store

EVENTWIRE = str(Path(sys.executable).with_name("eventwire"))
FIRST = (
    "Russian forces shell Kharkiv\n\n"
    "Russian forces shelled the city of Kharkiv on Tuesday, killing three civilians, "
    "the regional governor said.\n"
)
SECOND = (
    "Kharkiv hit by Russian artillery\n\n"
    "Russian artillery struck residential buildings in Kharkiv on Tuesday, killing at least four people, "
    "emergency services said.\n"
)


def eventwire(*args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run([EVENTWIRE, *args], capture_output=True, text=True, timeout=240)


def test_run_stores_reports_skips_duplicates_and_quarantines_failures(tmp_path: Path) -> None:
    (tmp_path / "first.txt").write_text(FIRST, encoding="utf-8")
    (tmp_path / "second.txt").write_text(SECOND, encoding="utf-8")
    (tmp_path / "empty.txt").write_text("", encoding="utf-8")
    lines = [json.dumps({"id": "r1", "text": FIRST}), '{"id": "r2", "text": ']
    (tmp_path / "feed.jsonl").write_text("\n".join(lines) + "\n", encoding="utf-8")
    db = tmp_path / "events.db"
    names = ("first.txt", "second.txt", "empty.txt", "feed.jsonl", "missing.txt")
    inputs = [str(tmp_path / n) for n in names]

    done = eventwire("run", *inputs, "--db", str(db), "--published", "2022-03-23")
    assert done.returncode == 1, done.stderr
    assert "6 articles read: 2 stored, 1 skipped as duplicates, 3 failed" in done.stdout
    reported = [line for line in done.stderr.splitlines() if line.startswith("eventwire: EW")]
    assert [line.split()[1] for line in reported] == ["EW102", "EW107", "EW101"]
    quarantine = tmp_path / "events.db.quarantine.jsonl"
    records = [json.loads(line) for line in quarantine.read_text(encoding="utf-8").splitlines()]
    assert [r["code"] for r in records] == ["EW102", "EW107", "EW101"]
    assert records[2]["where"].endswith("missing.txt") and all(r["at"] for r in records)

    with Store.open(db, Settings(), readonly=True) as store:
        counts = store.counts()
        assert counts["articles"] == 2
        assert any(m["source_count"] == 2 for m in store.merged_events(limit=1000))

    again = eventwire("run", *inputs[:2], "--db", str(db), "--published", "2022-03-23")
    assert again.returncode == 0, again.stderr
    assert "2 articles read: 0 stored, 2 skipped as duplicates, 0 failed" in again.stdout
    with Store.open(db, Settings(), readonly=True) as store:
        assert store.counts() == counts
    assert len(quarantine.read_text(encoding="utf-8").splitlines()) == 3


def test_run_needs_a_database(tmp_path: Path) -> None:
    done = eventwire("run", str(tmp_path))
    assert done.returncode == 2 and "--db" in done.stderr


def test_two_runs_started_together_on_one_new_store_both_succeed(tmp_path: Path) -> None:
    (tmp_path / "first.txt").write_text(FIRST, encoding="utf-8")
    (tmp_path / "second.txt").write_text(SECOND, encoding="utf-8")
    db = tmp_path / "new.db"
    runs = [
        subprocess.Popen(
            [EVENTWIRE, "run", str(tmp_path / name), "--db", str(db), "--published", "2022-03-23"],
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
            text=True,
        )
        for name in ("first.txt", "second.txt")
    ]
    for run in runs:
        out, err = run.communicate(timeout=240)
        assert run.returncode == 0, err
        assert "1 articles read: 1 stored" in out
    with Store.open(db, Settings(), readonly=True) as store:
        assert store.count_articles() == 2
        assert any(m["source_count"] == 2 for m in store.merged_events(limit=1000))

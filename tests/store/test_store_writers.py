"""Two writers at once on one SQLite file, in real processes: a new store is created once, both ingest."""

from __future__ import annotations

import json
import multiprocessing
from pathlib import Path

from eventwire.model import Article
from eventwire.settings import Settings
from eventwire.store import Store
from eventwire.store.db import SCHEMA_VERSION

REPORTS = Path(__file__).with_name("reports.jsonl")
WRITERS = 4


def _write(db: str, line: str, start: multiprocessing.synchronize.Barrier) -> None:
    """Wait for every writer, then open the store and ingest one article (the process's exit code says)."""
    start.wait()
    with Store.open(db, Settings()) as store:
        store.ingest(Article.from_dict(json.loads(line)))


def _race(db: Path, lines: list[str]) -> list[int | None]:
    """Start one process per line together; their exit codes."""
    context = multiprocessing.get_context("spawn")
    start = context.Barrier(len(lines))
    procs = [context.Process(target=_write, args=(str(db), line, start)) for line in lines]
    for p in procs:
        p.start()
    for p in procs:
        p.join(120)
    return [p.exitcode for p in procs]


def test_writers_opening_one_new_store_together_create_it_once(tmp_path: Path) -> None:
    lines = REPORTS.read_text(encoding="utf-8").splitlines()
    db = tmp_path / "new.db"
    assert _race(db, [lines[n % len(lines)] for n in range(WRITERS)]) == [0] * WRITERS
    with Store.open(db, Settings(), readonly=True) as store:
        versions = [r[0] for r in store.conn.execute("SELECT version FROM schema_version")]
        assert versions == [SCHEMA_VERSION]
        assert store.count_articles() == len({json.loads(line)["id"] for line in lines[:WRITERS]})


def test_writers_ingesting_into_one_store_together_each_store_once(tmp_path: Path) -> None:
    lines = REPORTS.read_text(encoding="utf-8").splitlines()
    db = tmp_path / "old.db"
    Store.open(db, Settings()).close()
    assert _race(db, lines + lines) == [0] * 2 * len(lines)
    with Store.open(db, Settings(), readonly=True) as store:
        assert store.count_articles() == len(lines)
        with Store.open(tmp_path / "one.db", Settings()) as alone:
            for line in lines:
                alone.ingest(Article.from_dict(json.loads(line)))
            assert store.counts() == alone.counts()

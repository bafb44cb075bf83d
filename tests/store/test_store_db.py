"""The SQLite store: creation, WAL and versioning, idempotent ingest, round trips, readers beside a writer."""

from __future__ import annotations

import json
import sqlite3
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

import pytest

from eventwire.errors import EventwireError
from eventwire.model import Article, Event, Source
from eventwire.settings import Settings
from eventwire.store import Store
from eventwire.store.db import SCHEMA_VERSION

REPORTS = Path(__file__).with_name("reports.jsonl")


def reports() -> list[Article]:
    return [Article.from_dict(json.loads(line)) for line in REPORTS.read_text(encoding="utf-8").splitlines()]


def test_open_creates_a_versioned_wal_store(tmp_path: Path) -> None:
    with Store.open(tmp_path / "ew.db", Settings()) as store:
        assert store.version() == SCHEMA_VERSION
        assert store.conn.execute("PRAGMA journal_mode").fetchone()[0] == "wal"
        assert store.conn.execute("PRAGMA foreign_keys").fetchone()[0] == 1
        assert set(store.counts().values()) == {0}
    with Store.open(tmp_path / "ew.db", Settings()) as again:
        versions = again.conn.execute("SELECT version FROM schema_version")
        assert [tuple(r) for r in versions] == [(SCHEMA_VERSION,)]


def test_ingest_is_idempotent_by_article_id(tmp_path: Path) -> None:
    with Store.open(tmp_path / "ew.db", Settings()) as store:
        assert [store.ingest(a) for a in reports()] == [True, True, True]
        first = store.counts()
        assert [store.ingest(a) for a in reports()] == [False, False, False]
        assert store.counts() == first
    assert first["articles"] == 3 and first["events"] == 4 and first["evidence"] == 4 and first["claims"] == 3
    with Store.open(tmp_path / "ew.db", Settings()) as reopened:
        assert all(not reopened.ingest(a) for a in reports())
        assert reopened.counts() == first


def test_article_round_trips_the_document(tmp_path: Path) -> None:
    docs = [json.loads(line) for line in REPORTS.read_text(encoding="utf-8").splitlines()]
    with Store.open(tmp_path / "ew.db", Settings()) as store:
        for doc in docs:
            store.ingest(Article.from_dict(doc))
        for doc in docs:
            assert store.has_article(doc["id"])
            assert store.article(doc["id"]) == doc
        assert store.article("sha256:nothing") is None
        assert not store.has_article("sha256:nothing")


def test_a_failed_write_keeps_nothing_of_the_article(tmp_path: Path) -> None:
    bad = reports()[0]
    bad.events.append(Event(id="ev2", type="ASSAULT", status=None))  # type: ignore[arg-type]
    with Store.open(tmp_path / "ew.db", Settings()) as store:
        with pytest.raises(EventwireError) as caught:
            store.ingest(bad)
        assert caught.value.code == "EW501"
        assert set(store.counts().values()) == {0}
        assert store.ingest(reports()[0])


def test_readers_read_while_the_writer_holds_the_store(tmp_path: Path) -> None:
    db = tmp_path / "ew.db"
    articles = reports()
    with Store.open(db, Settings()) as writer:
        writer.ingest(articles[0])
        with Store.open(db, Settings(), readonly=True) as reader:
            assert reader.count_articles() == 1
            writer.ingest(articles[1])
            assert reader.count_articles() == 2
            with pytest.raises(EventwireError) as caught:
                reader.ingest(articles[2])
            assert caught.value.code == "EW501"


def test_a_newer_schema_is_refused(tmp_path: Path) -> None:
    db = tmp_path / "ew.db"
    Store.open(db, Settings()).close()
    with sqlite3.connect(db) as conn:
        conn.execute("INSERT INTO schema_version VALUES (?, 'later')", (SCHEMA_VERSION + 1,))
    with pytest.raises(EventwireError) as caught:
        Store.open(db, Settings())
    assert caught.value.code == "EW502"


def test_a_foreign_database_is_refused(tmp_path: Path) -> None:
    db = tmp_path / "other.db"
    with sqlite3.connect(db) as conn:
        conn.execute("CREATE TABLE things (x)")
    for readonly in (False, True):
        with pytest.raises(EventwireError) as caught:
            Store.open(db, Settings(), readonly=readonly)
        assert caught.value.code == "EW501"


def test_a_missing_file_cannot_be_read(tmp_path: Path) -> None:
    with pytest.raises(EventwireError) as caught:
        Store.open(tmp_path / "absent.db", Settings(), readonly=True)
    assert caught.value.code == "EW501"
    assert not (tmp_path / "absent.db").exists()


def test_a_store_may_be_handed_to_another_thread(tmp_path: Path) -> None:
    articles = reports()
    writer = Store.open(tmp_path / "ew.db", Settings())
    reader = Store.open(tmp_path / "ew.db", Settings(), readonly=True)
    with writer, reader, ThreadPoolExecutor(max_workers=1) as pool:
        assert pool.submit(writer.ingest, articles[0]).result()
        assert pool.submit(reader.count_articles).result() == 1


def shape(conn: sqlite3.Connection) -> dict[str, object]:
    """The schema's structure whatever its SQL text: each table's columns and indexes, and the triggers."""
    out: dict[str, object] = {}
    for kind, name in conn.execute("SELECT type, name FROM sqlite_master WHERE type IN ('table', 'trigger')"):
        if kind == "trigger":
            out[name] = "trigger"
            continue
        indexes = {}
        for _, index, unique, origin, partial in conn.execute(f"PRAGMA index_list('{name}')"):
            keys = [tuple(c) for c in conn.execute(f"PRAGMA index_xinfo('{index}')")]
            indexes[index] = (unique, origin, partial, keys)
        columns = [tuple(c) for c in conn.execute(f"PRAGMA table_xinfo('{name}')")]
        out[name] = (columns, indexes)
    return out


def test_a_migrated_store_has_the_schema_of_a_new_one(tmp_path: Path, version_1_store) -> None:
    version_1_store(tmp_path / "old.db")
    with pytest.raises(EventwireError) as caught:
        Store.open(tmp_path / "old.db", Settings(), readonly=True)
    assert caught.value.code == "EW501" and "needs migrating" in caught.value.message
    with (
        Store.open(tmp_path / "old.db", Settings()) as old,
        Store.open(tmp_path / "new.db", Settings()) as new,
    ):
        assert old.version() == new.version() == SCHEMA_VERSION
        assert shape(old.conn) == shape(new.conn)
        assert [old.ingest(a) for a in reports()] == [True, True, True]


def test_migrating_keeps_the_run_inputs_an_earlier_run_created(tmp_path: Path, version_1_store) -> None:
    db = tmp_path / "old.db"
    version_1_store(db)
    with sqlite3.connect(db) as conn:  # as run/resume.py made the table before it was in the schema
        conn.execute(
            "CREATE TABLE run_inputs (input TEXT PRIMARY KEY, signature TEXT NOT NULL,"
            " article TEXT NOT NULL, at TEXT NOT NULL)"
        )
        conn.execute("INSERT INTO run_inputs VALUES ('a.txt', '1:2', 'sha256:1', 'then')")
    conn.close()
    with Store.open(db, Settings()) as store:
        assert store.version() == SCHEMA_VERSION
        rows = store.conn.execute("SELECT input, article FROM run_inputs")
        assert [tuple(r) for r in rows] == [("a.txt", "sha256:1")]


def test_the_run_ledger_is_written_and_read_through_the_store(tmp_path: Path) -> None:
    with Store.open(tmp_path / "s.db", Settings()) as store:
        stored = Article(text="Floods hit Sukkur.", source=Source(path="a.txt"))
        assert store.ingest(stored)
        assert store.input_signature("a.txt") is None
        store.record_inputs([("a.txt", "18:1", stored.id, "now")], [("d1", stored.id), ("d2", "sha256:lost")])
        assert store.input_signature("a.txt") == "18:1"
        assert store.digest_article("d1") == stored.id
        assert store.digest_article("d2") is None  # recorded, but its article is not stored
        store.record_inputs([], [])


def test_the_busy_timeout_is_the_callers_setting(tmp_path: Path) -> None:
    with Store.open(tmp_path / "ew.db", Settings(store_busy_timeout_ms=1234)) as store:
        assert store.conn.execute("PRAGMA busy_timeout").fetchone()[0] == 1234

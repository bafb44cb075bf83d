"""Resumable runs and crash safety: a run killed with SIGKILL mid-batch, rerun, loses and doubles nothing."""

from __future__ import annotations

import json
import os
import signal
import sqlite3
import subprocess
import sys
import time
from pathlib import Path

from eventwire.model import Article, RawArticle, Source
from eventwire.pipeline import Outcome
from eventwire.run.resume import Ledger, read_digest
from eventwire.settings import Settings
from eventwire.store import Store

EVENTWIRE = str(Path(sys.executable).with_name("eventwire"))
TOWNS = ["Kharkiv", "Sukkur", "Lagos", "Mogadishu", "Khartoum", "Nairobi", "Kabul", "Gaza", "Aleppo", "Goma"]
DEEDS = [
    "Police arrested {n} protesters in {town} on Tuesday after clashes near the governor's office.",
    "Heavy rains flooded parts of {town} on Monday, killing {n} people, officials said.",
    "Gunmen attacked a market in {town} on Friday, wounding {n} people, witnesses said.",
    "The army shelled the outskirts of {town} overnight, destroying {n} homes, residents said.",
]


def article(i: int) -> str:
    town, deed = TOWNS[i % len(TOWNS)], DEEDS[i % len(DEEDS)]
    body = deed.format(n=i + 3, town=town)
    more = f"Local officials in {town} said {i + 10} families had left the area by Wednesday."
    return f"Report {i} from {town}\n\n{body}\n\n{more}\n"


def count(db: Path, table: str = "articles") -> int:
    """Rows of a table of the store (its articles by default), or -1 while it cannot be read yet."""
    try:
        conn = sqlite3.connect(f"{db.resolve().as_uri()}?mode=ro", uri=True, timeout=1)
        try:
            return conn.execute(f"SELECT count(*) FROM {table}").fetchone()[0]
        finally:
            conn.close()
    except sqlite3.Error:
        return -1


def test_a_run_killed_mid_batch_resumes_and_stores_each_article_once(tmp_path: Path, eventwire) -> None:
    corpus = tmp_path / "corpus"
    corpus.mkdir()
    total = 40
    for i in range(total):
        (corpus / f"a{i:02d}.txt").write_text(article(i), encoding="utf-8")
    db = tmp_path / "kill.db"
    args = ["--db", str(db), "--published", "2024-03-05"]
    command = [EVENTWIRE, "run", str(corpus), *args]
    env = {**os.environ, "EVENTWIRE_BATCH_SIZE": "2"}
    proc = subprocess.Popen(
        command, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, start_new_session=True
    )
    deadline = time.monotonic() + 180
    try:  # caught once the run ledger has finished some inputs (an article is stored just before)
        while not 0 < (seen := count(db, "run_inputs")) < total:
            assert proc.poll() is None and time.monotonic() < deadline, f"never caught mid-run ({seen})"
            time.sleep(0.02)
    finally:
        os.killpg(proc.pid, signal.SIGKILL)
        proc.wait()
    assert 0 < count(db) < total

    again = eventwire("run", str(corpus), *args)
    assert again.returncode == 0, again.stderr
    assert f"{total} articles read:" in again.stdout and "0 failed" in again.stdout
    assert "finished by an earlier run were skipped" in again.stderr

    conn = sqlite3.connect(db)
    try:
        assert conn.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
        paths = [r[0] for r in conn.execute("SELECT source_path FROM articles")]
        assert sorted(paths) == sorted(str(p) for p in corpus.iterdir())
        assert conn.execute("SELECT count(DISTINCT id) FROM articles").fetchone()[0] == total
        assert conn.execute("SELECT count(*) FROM run_inputs").fetchone()[0] == total
    finally:
        conn.close()

    last = eventwire("run", str(corpus), *args)
    assert f"{total} articles read: 0 stored, {total} skipped as duplicates" in last.stdout
    assert f"{total} inputs finished by an earlier run were skipped" in last.stderr


def _read(path: Path) -> Outcome:
    return Outcome(item=RawArticle(text="x", source=Source(path=str(path))), where=str(path))


def test_a_finished_input_is_skipped_only_while_its_file_is_unchanged(tmp_path: Path) -> None:
    path = tmp_path / "a.txt"
    path.write_text("Floods hit Sukkur.", encoding="utf-8")
    store = Store.open(tmp_path / "s.db", Settings())
    ledger = Ledger(store)
    assert not ledger.finished(_read(path))
    ledger.record([(str(path), str(path), "sha256:1", None)])
    assert ledger.finished(_read(path))
    path.write_text("Floods hit Sukkur again, on Tuesday.", encoding="utf-8")
    assert not Ledger(store).finished(_read(path))


def test_standard_input_is_never_recorded_nor_skipped(tmp_path: Path) -> None:
    store = Store.open(tmp_path / "s.db", Settings())
    ledger = Ledger(store)
    ledger.record([("<stdin>", "<stdin>", "sha256:1", None)])
    stdin = Outcome(item=RawArticle(text="x", source=Source(path="<stdin>")), where="<stdin>")
    assert not ledger.finished(stdin)
    assert store.conn.execute("SELECT count(*) FROM run_inputs").fetchone()[0] == 0


def test_an_article_read_before_is_a_duplicate_and_not_processed_again(tmp_path: Path, eventwire) -> None:
    record = {"title": "Floods hit Sukkur", "text": article(3), "published": "2024-03-05"}
    changed = {**record, "text": article(3).replace("Wednesday", "Thursday")}
    first = tmp_path / "monday.jsonl"
    lines = [json.dumps({"id": f"m{i}", **record}) for i in range(3)]
    first.write_text("\n".join(lines) + "\n", encoding="utf-8")
    db = tmp_path / "feeds.db"
    run = eventwire("run", str(first), "--db", str(db))
    assert run.returncode == 0, run.stderr
    assert "3 articles read: 1 stored, 2 skipped as duplicates, 0 failed" in run.stdout

    # The feed fetched again under a new name: the same raw article once more, and one changed by a word.
    second = tmp_path / "tuesday.jsonl"
    lines = [json.dumps({"id": "t1", **record}), json.dumps({"id": "t2", **changed})]
    second.write_text("\n".join(lines) + "\n", encoding="utf-8")
    again = eventwire("run", str(second), "--db", str(db))
    assert again.returncode == 0, again.stderr
    assert "2 articles read: 1 stored, 1 skipped as duplicates, 0 failed" in again.stdout
    assert "1 inputs repeating an article read before were not processed" in again.stderr
    assert "finished by an earlier run" not in again.stderr
    conn = sqlite3.connect(db)
    try:
        assert conn.execute("SELECT count(*) FROM articles").fetchone()[0] == 2
        assert conn.execute("SELECT count(*) FROM read_digests").fetchone()[0] == 2
        assert conn.execute("SELECT count(*) FROM run_inputs").fetchone()[0] == 5  # the repeat too
    finally:
        conn.close()


def test_a_raw_article_is_a_repeat_once_recorded_with_a_stored_article(tmp_path: Path) -> None:
    store = Store.open(tmp_path / "s.db", Settings())
    ledger = Ledger(store)
    raw = RawArticle(text="Floods hit Sukkur.", source=Source(path="a.txt"))
    assert ledger.repeated(raw) is None
    ledger.record([("a.txt", "a.txt", "sha256:not-stored", read_digest(raw))])
    assert ledger.repeated(raw) is None  # its article is not in the store (the input failed or was lost)
    stored = Article(text="Floods hit Sukkur.", source=Source(path="a.txt"))
    assert store.ingest(stored)
    ledger.record([("a.txt", "a.txt", stored.id, read_digest(raw))])
    assert ledger.repeated(RawArticle(text="Floods hit Sukkur.", source=Source(path="b.txt"))) == stored.id
    titled = RawArticle(text="Floods hit Sukkur.", source=Source(path="c.txt"), title="Floods")
    assert ledger.repeated(titled) is None

"""Fixtures for the run tests: the console script, a small corpus, a reference local run and store dumps."""

from __future__ import annotations

import json
import os
import shutil
import sqlite3
import subprocess
import sys
from collections.abc import Callable
from pathlib import Path

import pytest

from eventwire.store.db import TABLES

ROOT = Path(__file__).resolve().parents[2]
EVENTWIRE = str(Path(sys.executable).with_name("eventwire"))
BATCH = "2"
"""Articles per batch in these runs, so that a handful of inputs makes several batches."""

Run = Callable[..., subprocess.CompletedProcess]


def _eventwire(*args: str, env: dict[str, str] | None = None) -> subprocess.CompletedProcess[str]:
    full = {**os.environ, "EVENTWIRE_BATCH_SIZE": BATCH, **(env or {})}
    return subprocess.run([EVENTWIRE, *args], capture_output=True, text=True, timeout=240, env=full)


@pytest.fixture(scope="session")
def eventwire() -> Run:
    """Run the installed `eventwire` command (batches of two articles); returns the completed process."""
    return _eventwire


@pytest.fixture(scope="session")
def corpus(tmp_path_factory: pytest.TempPathFactory) -> list[str]:
    """The repository's samples plus a JSONL file with a bad line, and a missing file: the run's inputs."""
    folder = tmp_path_factory.mktemp("corpus")
    shutil.copytree(ROOT / "samples", folder / "samples")
    lines = [
        json.dumps({"id": "x1", "text": "Police arrest 12 protesters in Nairobi\n\n" + _BODY}),
        '{"id": "x2", "text": ',
        json.dumps({"id": "x3", "text": "Floods hit Sukkur\n\n" + _BODY.replace("Nairobi", "Sukkur")}),
    ]
    (folder / "extra.jsonl").write_text("\n".join(lines) + "\n", encoding="utf-8")
    return [str(folder / "samples"), str(folder / "extra.jsonl"), str(folder / "missing.txt")]


_BODY = (
    "Police arrested 12 protesters in Nairobi on Tuesday after clashes near parliament, "
    "the interior ministry said. At least three officers were injured."
)


@pytest.fixture(scope="session")
def local_run(
    tmp_path_factory: pytest.TempPathFactory, corpus: list[str]
) -> tuple[Path, subprocess.CompletedProcess]:
    """The corpus stored by a plain in-process run: (database, completed process)."""
    db = tmp_path_factory.mktemp("local") / "local.db"
    done = _eventwire("run", *corpus, "--db", str(db), "--published", "2023-05-20")
    assert done.returncode == 1, done.stderr
    return db, done


def dump(db: Path) -> dict[str, list[tuple]]:
    """Every row of every store table in rowid order, without the ingestion time."""
    conn = sqlite3.connect(db)
    try:
        out = {}
        for table in TABLES:
            cols = [r[1] for r in conn.execute(f"PRAGMA table_info({table})") if r[1] != "ingested_at"]
            names = ", ".join(f'"{c}"' for c in cols)
            out[table] = conn.execute(f"SELECT {names} FROM {table} ORDER BY rowid").fetchall()
        return out
    finally:
        conn.close()


@pytest.fixture(scope="session")
def store_dump() -> Callable[[Path], dict[str, list[tuple]]]:
    """A function: database path → its rows, table by table, for comparing two runs."""
    return dump


def quarantined(db: Path) -> list[tuple[str, str]]:
    """(code, where) of each line of a database's quarantine file."""
    path = Path(f"{db}.quarantine.jsonl")
    return [(r["code"], r["where"]) for r in map(json.loads, path.read_text(encoding="utf-8").splitlines())]


@pytest.fixture(scope="session")
def quarantine_of() -> Callable[[Path], list[tuple[str, str]]]:
    """A function: database path → (code, where) of its quarantined failures."""
    return quarantined

"""`eventwire migrate`, through the installed console script, on a store of the first schema."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

from eventwire.store.db import SCHEMA_VERSION

EVENTWIRE = str(Path(sys.executable).with_name("eventwire"))


def eventwire(*args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run([EVENTWIRE, *args], capture_output=True, text=True, timeout=120)


def test_a_reader_refuses_an_old_store_until_it_is_migrated(tmp_path: Path, version_1_store) -> None:
    db = tmp_path / "old.db"
    version_1_store(db)

    refused = eventwire("events", "--db", str(db))
    assert refused.returncode == 1 and "Traceback" not in refused.stderr
    assert f"store schema 1 needs migrating: run `eventwire migrate --db {db}`" in refused.stderr

    migrated = eventwire("migrate", "--db", str(db))
    assert migrated.returncode == 0, migrated.stderr
    assert migrated.stdout.strip() == f"{db}: schema {SCHEMA_VERSION}"
    assert eventwire("events", "--db", str(db)).returncode == 0
    assert eventwire("migrate", "--db", str(db)).returncode == 0  # twice changes nothing


def test_migrating_a_missing_file_is_an_error_and_creates_nothing(tmp_path: Path) -> None:
    missing = tmp_path / "missing.db"
    ran = eventwire("migrate", "--db", str(missing))
    assert ran.returncode == 1 and f"no such database: {missing}" in ran.stderr
    assert not missing.exists()

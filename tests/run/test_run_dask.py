"""`eventwire run --engine dask` on a real LocalCluster on 127.0.0.1, compared with the local run."""

from __future__ import annotations

import json
from collections.abc import Iterator
from pathlib import Path

import pytest

distributed = pytest.importorskip("distributed")


@pytest.fixture(scope="module")
def scheduler() -> Iterator[str]:
    """A LocalCluster (one worker thread, in this process) listening on 127.0.0.1."""
    with distributed.LocalCluster(
        n_workers=1,
        threads_per_worker=1,
        processes=False,
        protocol="tcp://",
        host="127.0.0.1",
        dashboard_address=None,
    ) as cluster:
        yield cluster.scheduler_address


def test_a_dask_run_stores_what_the_local_run_stores(
    tmp_path: Path, eventwire, local_run, corpus, scheduler, store_dump, quarantine_of
) -> None:
    local_db, local = local_run
    db, parts = tmp_path / "dask.db", tmp_path / "parts"
    args = ("--db", str(db), "--published", "2023-05-20", "--engine", "dask", "--scheduler", scheduler)
    done = eventwire("run", *corpus, *args, "--out", str(parts))
    assert done.returncode == 1, done.stderr
    assert done.stdout == local.stdout
    assert store_dump(db) == store_dump(local_db)
    assert sorted(quarantine_of(db)) == sorted(quarantine_of(local_db))

    names = sorted(p.name for p in parts.iterdir())
    assert names == [f"part-{i:06d}.jsonl" for i in range(len(names))] and len(names) > 2
    lines = [json.loads(line) for p in sorted(parts.iterdir()) for line in p.read_text().splitlines()]
    assert {line["schema"] for line in lines} == {"eventwire.document/1", "eventwire.failure/1"}

    loaded = tmp_path / "loaded.db"
    assert eventwire("load", str(parts), "--db", str(loaded)).stdout == local.stdout
    assert store_dump(loaded) == store_dump(local_db)
    twice = eventwire("load", str(parts), "--db", str(loaded))
    assert "12 articles read: 0 stored, 10 skipped as duplicates, 2 failed" in twice.stdout

    (parts / names[1]).unlink()
    again = eventwire("run", *corpus, *args, "--out", str(parts))
    assert f"{len(names)} parts in {parts}: 1 written" in again.stderr
    assert f"{len(names) - 1} kept from an earlier run" in again.stderr
    assert "0 stored, 10 skipped as duplicates" in again.stdout
    assert store_dump(db) == store_dump(local_db)


def test_without_a_scheduler_a_local_cluster_of_worker_processes_runs(
    tmp_path: Path, eventwire, corpus, store_dump
) -> None:
    extra = corpus[1]
    db = tmp_path / "own.db"
    done = eventwire("run", extra, "--db", str(db), "--engine", "dask", "--workers", "1")
    assert done.returncode == 1, done.stderr
    assert "3 articles read: 2 stored, 0 skipped as duplicates, 1 failed" in done.stdout
    assert (tmp_path / "own.db.parts" / "part-000000.jsonl").exists()
    assert len(store_dump(db)["articles"]) == 2

"""`eventwire run --workers N`: a process pool that leaves the store exactly as one process does."""

from __future__ import annotations

import os
from pathlib import Path

from eventwire.errors import EventwireError
from eventwire.model import RawArticle, Source
from eventwire.pipeline import Outcome
from eventwire.run.workers import WorkerPool, pack, unpack
from eventwire.settings import Settings


def test_two_workers_store_the_same_rows_as_one_process(
    tmp_path: Path, eventwire, local_run, store_dump, quarantine_of
) -> None:
    local_db, local = local_run
    db = tmp_path / "workers.db"
    args = ("--db", str(db), "--published", "2023-05-20", "--workers", "2")
    done = eventwire("run", *_inputs(local.args), *args)
    assert done.returncode == 1, done.stderr
    assert done.stdout == local.stdout
    assert "12 articles read: 10 stored, 0 skipped as duplicates, 2 failed" in done.stdout
    assert quarantine_of(db) == quarantine_of(local_db)
    assert [code for code, _ in quarantine_of(db)] == ["EW107", "EW101"]
    ours, theirs = store_dump(db), store_dump(local_db)
    assert ours["articles"] and ours["events"]
    assert ours == theirs


def test_batches_travel_with_their_coded_errors() -> None:
    raw = RawArticle(text="Floods hit Sukkur.", source=Source(path="a.txt"))
    error = EventwireError("EW107", "not JSON", "b.jsonl:2")
    back = unpack(pack([Outcome(item=raw, where="a.txt"), Outcome(error=error, where="b.jsonl:2")]))
    assert back[0].item == raw and back[0].where == "a.txt"
    assert back[1].error.to_dict() == error.to_dict() and back[1].item is None


class Dies:
    """An item whose unpickling ends the worker process that receives it."""

    def __reduce__(self) -> tuple:
        return (os._exit, (3,))


def test_a_worker_that_dies_sets_its_batch_aside_and_the_pool_starts_again() -> None:
    text = "Floods hit Sukkur\n\nHeavy rains flooded the town of Sukkur on Monday, killing three people."
    raw = RawArticle(text=text, source=Source(path="a.txt"), published="2022-08-26")
    batches = [[Outcome(item=Dies(), where="dies")], [Outcome(item=raw, where="a.txt")]]
    (_, died), (_, lived) = WorkerPool(Settings(), 1).map(batches)
    assert [o.error.code for o in died] == ["EW601"]
    assert lived[0].ok and lived[0].item.text.startswith("Floods hit Sukkur")


def test_workers_must_be_positive(eventwire, tmp_path: Path) -> None:
    done = eventwire("run", str(tmp_path), "--db", str(tmp_path / "x.db"), "--workers", "0")
    assert done.returncode == 2 and "at least 1" in done.stderr


def _inputs(args: list[str]) -> list[str]:
    """The input paths of a recorded `eventwire run` command line."""
    return args[2 : args.index("--db")]

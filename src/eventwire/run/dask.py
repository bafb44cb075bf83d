"""The Dask run: batches of read articles become partitions processed on a `dask.distributed` cluster.

The client reads the inputs (cheap) and cuts them into the same batches as a local run; each batch is
a partition that a worker runs through its pipeline (set up once per worker process) and writes as
`part-NNNNNN.jsonl` in the output folder: one line per input in input order, an
`eventwire.document/1` object or an `eventwire.failure/1` record (code, reason, where). A part is
written under a temporary name and renamed when complete, so a killed run leaves no partial part, and
a rerun with the same arguments skips the parts already there. `eventwire load` (`run.load`) then
merges the parts into a store, in part order, so the store ends as a local run's would.

With `scheduler` the cluster is an existing one (its workers need eventwire installed and the output
folder at the same path); without it a `LocalCluster` of worker processes on 127.0.0.1 is started.
"""

from __future__ import annotations

import json
import os
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from eventwire.read import expand
from eventwire.run.stream import read_batches
from eventwire.run.workers import Packed, pack, process_packed
from eventwire.settings import Settings

FAILURE_SCHEMA = "eventwire.failure/1"


@dataclass
class PartsSummary:
    """What the Dask stage did.

    Attributes:
        parts: partitions the inputs were cut into.
        written: parts written by this run.
        kept: parts an earlier run had written, left as they were.
        articles: articles in the parts written by this run.
        failed: failures in the parts written by this run.
    """

    parts: int = 0
    written: int = 0
    kept: int = 0
    articles: int = 0
    failed: int = 0


def part_path(out: Path, index: int) -> Path:
    """The file of partition `index` in the output folder."""
    return out / f"part-{index:06d}.jsonl"


def write_part(packed: Packed, settings: Settings, path: str) -> tuple[int, int]:
    """Process one partition and write it as JSON Lines (the task Dask workers run).

    Returns:
        (articles written, failures written).
    """
    articles = failed = 0
    tmp = f"{path}.tmp"
    with open(tmp, "w", encoding="utf-8") as out:
        for item, error, where in process_packed(packed, settings):
            if error is None:
                record = item.to_dict()
                articles += 1
            else:
                record = {"schema": FAILURE_SCHEMA, **error, "where": error["where"] or where}
                failed += 1
            out.write(json.dumps(record, ensure_ascii=False) + "\n")
    os.replace(tmp, path)
    return articles, failed


def run_dask(
    paths: list[str],
    settings: Settings,
    out: Path,
    scheduler: str | None = None,
    workers: int = 2,
    published: str | None = None,
    progress: Callable[[PartsSummary], None] | None = None,
) -> PartsSummary:
    """Process every input on a Dask cluster into part files in `out`.

    Args:
        paths: files, directories or globs.
        settings: the run's settings (shipped to the workers).
        out: the output folder, created when absent.
        scheduler: address of a running scheduler (`tcp://HOST:8786`); None starts a LocalCluster.
        workers: worker processes of the LocalCluster (ignored with a scheduler).
        published: the publication date for inputs that carry none.
        progress: called with the summary after each partition.

    Returns:
        The stage's summary; the parts are in `out`.
    """
    from dask.distributed import Client, LocalCluster, wait

    out.mkdir(parents=True, exist_ok=True)
    summary = PartsSummary()
    if scheduler:
        cluster = None
        client = Client(scheduler)
    else:
        cluster = LocalCluster(
            n_workers=workers,
            threads_per_worker=1,
            processes=True,
            host="127.0.0.1",
            dashboard_address=None,
        )
        client = Client(cluster)
    try:
        slots = settings.batches_per_worker * max(len(client.scheduler_info()["workers"]), 1)
        pending = set()

        def collect(done: set) -> None:
            for future in done:
                articles, failed = future.result()
                summary.written += 1
                summary.articles += articles
                summary.failed += failed
                if progress:
                    progress(summary)

        for index, batch in enumerate(read_batches(expand(paths), settings, published)):
            summary.parts += 1
            part = part_path(out, index)
            if part.exists():
                summary.kept += 1
                continue
            pending.add(client.submit(write_part, pack(batch), settings, str(part), pure=False))
            if len(pending) >= slots:
                finished = wait(pending, return_when="FIRST_COMPLETED")
                collect(finished.done)
                pending = finished.not_done
        collect(wait(pending).done)
    finally:
        client.close()
        if cluster is not None:
            cluster.close()
    return summary

"""The local run: read inputs, run the article pipeline, store each article; quarantine what fails.

`run_local` is the loop behind `eventwire run`. It never stops at a bad input: every failure is counted,
written as one JSON line to the quarantine file and the run goes on. Articles already in the store are
counted as duplicates and left untouched, so a rerun of the same inputs adds nothing.
"""

from __future__ import annotations

import datetime as dt
import json
import os
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import IO

from eventwire.cli.extract import extract
from eventwire.errors import EventwireError
from eventwire.model import Article
from eventwire.pipeline import Outcome
from eventwire.read import expand
from eventwire.settings import Settings
from eventwire.store import Store


@dataclass
class RunSummary:
    """What a run did, updated as it goes.

    Attributes:
        files: input files (after expanding directories and globs).
        files_done: input files fully processed so far.
        read: articles read, whether stored, duplicate or failed.
        stored: new articles written to the store.
        duplicates: articles whose id the store already held.
        failed: inputs set aside with a coded error.
        failures: each failure's `{"code", "reason", "where"}`.
    """

    files: int = 0
    files_done: int = 0
    read: int = 0
    stored: int = 0
    duplicates: int = 0
    failed: int = 0
    failures: list[dict[str, str | None]] = field(default_factory=list)


Progress = Callable[[RunSummary], None]


def quarantine_path(db: str | Path) -> Path:
    """The quarantine file of a database: `<db>.quarantine.jsonl`, beside it."""
    return Path(f"{db}.quarantine.jsonl")


def run_local(
    paths: list[str],
    settings: Settings,
    store: Store,
    published: str | None = None,
    quarantine: Path | None = None,
    progress: Progress | None = None,
) -> RunSummary:
    """Extract every input and store it, in this process.

    Args:
        paths: files, directories, globs, or "-" for standard input.
        settings: the run's settings.
        store: an open, writable store.
        published: the publication date for inputs that carry none.
        quarantine: where failures are appended as JSON lines (not written when nothing fails).
        progress: called with the summary after each article.

    Returns:
        The run's summary.
    """
    files = list(expand(paths))
    position = {path: i for i, path in enumerate(files)}
    summary = RunSummary(files=len(files))
    sink: IO[str] | None = None
    try:
        for outcome in extract(files, settings, published):
            summary.read += 1
            if outcome.ok:
                article: Article = outcome.item
                try:
                    if store.ingest(article):
                        summary.stored += 1
                    else:
                        summary.duplicates += 1
                except EventwireError as exc:
                    outcome = Outcome(error=exc, where=outcome.where)
            if not outcome.ok:
                summary.failed += 1
                record = outcome.error.to_dict()
                record["where"] = record["where"] or outcome.where
                summary.failures.append(record)
                if quarantine is not None:
                    sink = sink or open(quarantine, "a", encoding="utf-8")  # noqa: SIM115 - closed below
                    stamp = dt.datetime.now(dt.UTC).isoformat(timespec="seconds")
                    sink.write(json.dumps({**record, "at": stamp}, ensure_ascii=False) + "\n")
                    sink.flush()
            summary.files_done = max(summary.files_done, _file_index(outcome, position))
            if progress:
                progress(summary)
    finally:
        if sink:
            sink.close()
    summary.files_done = summary.files
    if progress:
        progress(summary)
    return summary


def _file_index(outcome: Outcome, position: dict[str, int]) -> int:
    """How many input files lie wholly before the one this outcome came from.

    Outcomes name their input as the path, `path#record id` or `path:line`.
    """
    where = outcome.item.source.path if outcome.ok else (outcome.error.where or outcome.where or "")
    for candidate in (where, where.rpartition("#")[0], where.rpartition(":")[0], os.path.normpath(where)):
        if candidate in position:
            return position[candidate]
    return 0

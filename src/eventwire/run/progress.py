"""A progress bar on stderr for runs and loads: files done, articles, rate, ETA; failures as they happen."""

from __future__ import annotations

import time
from collections.abc import Iterator
from contextlib import contextmanager

from rich.console import Console
from rich.progress import (
    BarColumn,
    MofNCompleteColumn,
    Progress,
    TextColumn,
    TimeElapsedColumn,
    TimeRemainingColumn,
)

from eventwire.run.write import Progress as ProgressCallback
from eventwire.run.write import RunSummary


@contextmanager
def progress_bar(description: str, unit: str = "files") -> Iterator[ProgressCallback]:
    """A transient rich progress bar on stderr; yields the callback a run calls with its summary.

    The bar counts `unit` (input files or part files) with an ETA from their pace; the status line
    counts articles and their rate. Each new failure is printed above the bar as one coded line.
    """
    columns = (
        TextColumn("[progress.description]{task.description}"),
        BarColumn(),
        MofNCompleteColumn(),
        TextColumn(f"{unit}  {{task.fields[status]}}"),
        TimeElapsedColumn(),
        TextColumn("ETA"),
        TimeRemainingColumn(),
    )
    with Progress(*columns, console=Console(stderr=True), transient=True) as bar:
        task = bar.add_task(description, total=None, status="")
        start = time.monotonic()
        reported = 0

        def show(s: RunSummary) -> None:
            nonlocal reported
            for failure in s.failures[reported:]:
                where = f"{failure['where']}: " if failure["where"] else ""
                bar.console.print(
                    f"eventwire: {failure['code']} {where}{failure['reason']}",
                    highlight=False,
                    markup=False,
                    soft_wrap=True,
                )
            reported = len(s.failures)
            rate = (s.read - s.resumed) / max(time.monotonic() - start, 1e-9)
            status = (
                f"{s.read} articles: {s.stored} stored, {s.duplicates} duplicate, {s.failed} failed"
                f"  {rate:.1f} articles/s"
            )
            bar.update(task, total=s.files, completed=s.files_done, status=status)

        yield show

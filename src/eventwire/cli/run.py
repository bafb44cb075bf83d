"""`eventwire run PATH… --db FILE`: extract every input and store it, with a progress bar and a summary.

Failures are reported one line each with their code and appended to `<db>.quarantine.jsonl`;
the exit status is 1 when any input failed.
"""

from __future__ import annotations

import argparse
import sys

from rich.console import Console
from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeElapsedColumn

from eventwire.cli import iso_day
from eventwire.run.local import RunSummary, quarantine_path, run_local
from eventwire.settings import Settings
from eventwire.store import Store


def register(sub: argparse._SubParsersAction) -> None:
    p = sub.add_parser("run", help="extract articles and store them in a database", description=__doc__)
    p.add_argument(
        "paths",
        nargs="+",
        metavar="PATH",
        help="text, HTML or JSONL files, directories, globs, or - for stdin",
    )
    p.add_argument("--db", required=True, metavar="FILE", help="the SQLite database (created when absent)")
    p.add_argument(
        "--published", type=iso_day, help="publication date (YYYY-MM-DD) for inputs that carry none"
    )
    p.set_defaults(handler=run)


def run(args: argparse.Namespace) -> int:
    settings = Settings.from_env()
    err = Console(stderr=True)
    quarantine = quarantine_path(args.db)
    with (
        Store.open(args.db, settings) as store,
        Progress(
            TextColumn("[progress.description]{task.description}"),
            BarColumn(),
            MofNCompleteColumn(),
            TextColumn("files  {task.fields[status]}"),
            TimeElapsedColumn(),
            console=err,
            transient=True,
        ) as bar,
    ):
        task = bar.add_task("extracting", total=None, status="")

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
            status = f"{s.read} articles: {s.stored} stored, {s.duplicates} duplicate, {s.failed} failed"
            bar.update(task, total=s.files, completed=s.files_done, status=status)

        summary = run_local(args.paths, settings, store, args.published, quarantine, show)
    print(
        f"{summary.read} articles read: {summary.stored} stored, {summary.duplicates} skipped as duplicates, "
        f"{summary.failed} failed"
    )
    if summary.failed:
        print(f"failures written to {quarantine}", file=sys.stderr)
    return 1 if summary.failed else 0

"""`eventwire run PATH… --db FILE`: extract every input and store it, with a progress bar and a summary.

`--workers N` runs the pipeline in N worker processes (the parent alone writes, in input order, so the
store ends the same as with one). `--engine dask` processes partitions on a dask.distributed cluster
(`--scheduler tcp://HOST:8786`, or a local cluster of N workers), writes them as part files to `--out`
(default `<db>.parts/`) and loads those into the store. A killed run rerun with the same arguments
skips the inputs it finished. Failures are reported one line each with their code and appended to
`<db>.quarantine.jsonl`; the exit status is 1 when any input failed.
"""

from __future__ import annotations

import argparse
import importlib.util
import logging
import sys
from pathlib import Path

from eventwire.cli import iso_day, positive
from eventwire.cli.reprocess import redated_notice, stale_notice
from eventwire.extractor import current_extractor
from eventwire.run.progress import progress_bar
from eventwire.run.write import RunOrigin, RunSummary, quarantine_path
from eventwire.settings import Settings
from eventwire.store import Store


def register(sub: argparse._SubParsersAction) -> None:
    p = sub.add_parser("run", help="extract articles and store them in a database", description=__doc__)
    p.add_argument(
        "paths",
        nargs="+",
        metavar="PATH",
        help="text, HTML, JSONL(.gz), WARC(.gz), RSS/Atom files, directories, globs, or - for stdin",
    )
    p.add_argument("--db", required=True, metavar="FILE", help="the SQLite database (created when absent)")
    p.add_argument(
        "--published", type=iso_day, help="publication date (YYYY-MM-DD) for inputs that carry none"
    )
    p.add_argument(
        "--workers", type=positive, default=1, metavar="N", help="worker processes (default 1: in-process)"
    )
    p.add_argument(
        "--engine", choices=["local", "dask"], default="local", help="local processes (default) or Dask"
    )
    p.add_argument(
        "--scheduler", metavar="ADDRESS", help="Dask scheduler (tcp://HOST:8786); default: a local cluster"
    )
    p.add_argument("--out", metavar="DIR", help="Dask part files folder (default: <db>.parts)")
    p.set_defaults(handler=run)


def run(args: argparse.Namespace) -> int:
    if args.engine != "dask" and (args.scheduler or args.out):
        print("eventwire run: --scheduler and --out need --engine dask", file=sys.stderr)
        return 2
    if args.engine == "dask" and importlib.util.find_spec("distributed") is None:
        print("eventwire run: --engine dask needs the dask extra: eventwire[dask]", file=sys.stderr)
        return 2
    settings = Settings.from_env()
    quarantine = quarantine_path(args.db)
    with Store.open(args.db, settings) as store:
        if args.engine == "dask":
            summary = _run_dask(args, settings, store, quarantine)
        else:
            from eventwire.run.local import run_local

            with progress_bar("extracting") as show:
                summary = run_local(
                    args.paths, settings, store, args.published, quarantine, show, workers=args.workers
                )
        redated_notice(summary, args.db)
        stale_notice(store)
    return report(summary, quarantine)


def _run_dask(args: argparse.Namespace, settings: Settings, store: Store, quarantine: Path) -> RunSummary:
    from eventwire.run.dask import run_dask
    from eventwire.run.load import load_parts

    if not args.verbose:
        logging.getLogger("distributed").setLevel(logging.WARNING)
    out = Path(args.out or f"{args.db}.parts")
    parts = run_dask(args.paths, settings, out, args.scheduler, args.workers, args.published)
    print(
        f"{parts.parts} parts in {out}: {parts.written} written ({parts.articles} articles, "
        f"{parts.failed} failures), {parts.kept} kept from an earlier run",
        file=sys.stderr,
    )
    origin = RunOrigin(current_extractor(settings), args.published)
    with progress_bar("loading", unit="parts") as show:
        return load_parts([str(out)], store, quarantine, show, origin)


def report(summary: RunSummary, quarantine: Path) -> int:
    """Print a run's or a load's summary line; the exit status (1 when anything failed)."""
    print(
        f"{summary.read} articles read: {summary.stored} stored, {summary.duplicates} skipped as duplicates, "
        f"{summary.failed} failed"
    )
    if summary.resumed:
        print(f"{summary.resumed} inputs finished by an earlier run were skipped", file=sys.stderr)
    if summary.repeated:
        repeated = f"{summary.repeated} inputs repeating an article read before were not processed"
        print(repeated, file=sys.stderr)
    if summary.failed:
        print(f"failures written to {quarantine}", file=sys.stderr)
    return 1 if summary.failed else 0

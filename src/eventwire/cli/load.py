"""`eventwire load DIR… --db FILE`: merge part files (JSON Lines of eventwire.document/1) into a store.

Reads the `part-*.jsonl` files `eventwire run --engine dask` writes (or any JSON Lines of documents, as
`eventwire extract` prints them), in name order; articles already stored are skipped as duplicates and
failure records go to `<db>.quarantine.jsonl`. The exit status is 1 when any record failed.
"""

from __future__ import annotations

import argparse

from eventwire.cli.run import report
from eventwire.run.load import load_parts
from eventwire.run.progress import progress_bar
from eventwire.run.write import quarantine_path
from eventwire.settings import Settings
from eventwire.store import Store


def register(sub: argparse._SubParsersAction) -> None:
    p = sub.add_parser("load", help="merge part files of documents into a database", description=__doc__)
    p.add_argument("paths", nargs="+", metavar="DIR", help="folders of part files, or JSON Lines files")
    p.add_argument("--db", required=True, metavar="FILE", help="the SQLite database (created when absent)")
    p.set_defaults(handler=run)


def run(args: argparse.Namespace) -> int:
    settings = Settings.from_env()
    quarantine = quarantine_path(args.db)
    with Store.open(args.db, settings) as store, progress_bar("loading", unit="parts") as show:
        summary = load_parts(args.paths, store, quarantine, show)
    return report(summary, quarantine)

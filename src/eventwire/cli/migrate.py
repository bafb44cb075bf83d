"""`eventwire migrate --db FILE`: bring a store's schema up to this eventwire's, in place.

The readers (`events`, `export`, `serve`) open a store read-only and refuse one of an older schema; `run`
and `load` migrate a store as they open it, and this command does only that. Each migration runs in its
own transaction, so an interrupted migration leaves the store at the last version it reached.
"""

from __future__ import annotations

import argparse
from pathlib import Path

from eventwire.errors import EventwireError
from eventwire.settings import Settings
from eventwire.store import Store


def register(sub: argparse._SubParsersAction) -> None:
    p = sub.add_parser("migrate", help="bring a database's schema up to date", description=__doc__)
    p.add_argument("--db", required=True, metavar="FILE", help="the SQLite database")
    p.set_defaults(handler=run)


def run(args: argparse.Namespace) -> int:
    if not Path(args.db).is_file():
        raise EventwireError("EW501", f"no such database: {args.db}", args.db)
    with Store.open(args.db, Settings.from_env()) as store:
        print(f"{args.db}: schema {store.version()}")
    return 0

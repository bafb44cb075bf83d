"""`eventwire export --db FILE --format plover|acled|geojson`: write stored events for other tools.

Merged events are exported (each real-world occurrence once, with every source) unless `--per-article`
asks for every article's own events; the event filters of `eventwire events` apply.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from eventwire.cli.events import add_filters, filters_from
from eventwire.export import stored_events
from eventwire.export.acled import write_acled
from eventwire.export.geojson import write_geojson
from eventwire.export.plover import write_plover
from eventwire.settings import Settings
from eventwire.store import Store

WRITERS = {"plover": write_plover, "acled": write_acled, "geojson": write_geojson}


def register(sub: argparse._SubParsersAction) -> None:
    p = sub.add_parser(
        "export", help="export stored events as PLOVER, ACLED CSV or GeoJSON", description=__doc__
    )
    p.add_argument("--db", required=True, metavar="FILE", help="the SQLite database")
    p.add_argument(
        "--format", choices=sorted(WRITERS), required=True, help="PLOVER JSONL, ACLED CSV or GeoJSON"
    )
    p.add_argument("--out", metavar="FILE", help="write here instead of standard output")
    add_filters(p)
    p.set_defaults(handler=run)


def run(args: argparse.Namespace) -> int:
    write = WRITERS[args.format]
    with Store.open(args.db, Settings.from_env(), readonly=True) as store:
        events = stored_events(store, filters_from(args), merged=not args.per_article)
        if args.out:
            partial = Path(f"{args.out}.partial")
            with open(partial, "w", encoding="utf-8", newline="") as out:
                n = write(events, out)
            partial.replace(args.out)
            print(f"{n} events written to {args.out}", file=sys.stderr)
        else:
            write(events, sys.stdout)
    return 0

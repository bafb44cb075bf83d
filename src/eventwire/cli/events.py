"""`eventwire events --db FILE`: list stored events, filtered, as a table, JSON Lines, CSV or GeoJSON.

Merged events (each real-world occurrence once, with its sources) are listed unless `--per-article`
asks for every article's own events.
"""

from __future__ import annotations

import argparse
import json
import sys
from collections.abc import Callable

from rich.console import Console
from rich.table import Table

from eventwire.cli.reprocess import stale_notice
from eventwire.export import stored_events
from eventwire.export.flat import flat_row, write_csv
from eventwire.export.geojson import write_geojson
from eventwire.settings import Settings
from eventwire.store import EventFilter, Store
from eventwire.store.filters import CHECKS


def register(sub: argparse._SubParsersAction) -> None:
    p = sub.add_parser("events", help="list stored events, filtered", description=__doc__)
    p.add_argument("--db", required=True, metavar="FILE", help="the SQLite database")
    add_filters(p)
    p.add_argument("--limit", type=int, default=100, help="at most this many events (default 100; 0: all)")
    p.add_argument(
        "--format", choices=["table", "json", "csv", "geojson"], default="table", help="output format"
    )
    p.set_defaults(handler=run)


def add_filters(p: argparse.ArgumentParser) -> None:
    """The event filter options, shared by `events` and `export`."""
    p.add_argument(
        "--type", type=_checked("type"), help="PLOVER event type(s), comma-separated, e.g. ASSAULT,COERCE"
    )
    p.add_argument("--place", help="a place's or its first-level division's name, whole")
    p.add_argument("--country", type=_checked("country"), help="ISO 3166-1 alpha-2 country code, e.g. UA")
    p.add_argument(
        "--admin1",
        type=_checked("admin1"),
        metavar="CODE",
        help="first-level division by ISO 3166-2 or GeoNames code, e.g. UA-63 or UA.07",
    )
    p.add_argument("--near", type=_near, metavar="LAT,LON,KM", help="events within KM of the point")
    p.add_argument("--since", type=_checked("since"), help="events on or after this day (YYYY-MM-DD)")
    p.add_argument("--until", type=_checked("until"), help="events on or before this day (YYYY-MM-DD)")
    p.add_argument("--actor", help="part of the actor's or recipient's name")
    p.add_argument("--q", metavar="TEXT", help="words that must all occur in the event's evidence")
    p.add_argument(
        "--acled-type",
        type=_checked("acled_type"),
        metavar="TYPE",
        help="ACLED event type(s), comma-separated",
    )
    p.add_argument(
        "--status",
        type=_checked("status"),
        help="the statuses to keep, comma-separated (occurred, ongoing, expected, historical)",
    )
    p.add_argument("--min-dead", type=_checked("min_dead"), metavar="N", help="events with at least N dead")
    p.add_argument(
        "--min-confidence",
        type=_checked("min_confidence"),
        metavar="X",
        help="events of confidence X (0-1) or more",
    )
    p.add_argument("--disputed", action="store_true", help="only events with a claim that someone denies")
    p.add_argument(
        "--per-article", action="store_true", help="each article's own events instead of merged events"
    )


def filters_from(args: argparse.Namespace) -> EventFilter:
    """The filter the options describe, checked as the API checks it.

    Raises:
        EventwireError: EW701 when `--since` is after `--until`.
    """
    return EventFilter(
        type=args.type,
        place=args.place,
        country=args.country,
        admin1=args.admin1,
        near=args.near,
        since=args.since,
        until=args.until,
        actor=args.actor,
        q=args.q,
        acled_type=args.acled_type,
        status=args.status,
        min_dead=args.min_dead,
        min_confidence=args.min_confidence,
        disputed=args.disputed,
    ).checked()


def _checked(field: str) -> Callable[[str], str]:
    """The argparse type of a filter option: the check the API makes, its EW701 message on failure."""

    def check(value: str) -> str:
        try:
            return CHECKS[field](value)
        except ValueError as exc:
            raise argparse.ArgumentTypeError(f"EW701 {field}: {exc}") from None

    check.__name__ = field
    return check


def _near(value: str) -> tuple[float, float, float]:
    try:
        return EventFilter.parse_near(value)
    except ValueError as exc:
        raise argparse.ArgumentTypeError(f"EW701 near: {exc}") from None


def run(args: argparse.Namespace) -> int:
    with Store.open(args.db, Settings.from_env(), readonly=True) as store:
        stale_notice(store)
        found = stored_events(store, filters_from(args), merged=not args.per_article)
        events = (e for i, e in enumerate(found) if not args.limit or i < args.limit)
        if args.format == "json":
            for event in events:
                sys.stdout.write(json.dumps(event, ensure_ascii=False) + "\n")
        elif args.format == "csv":
            write_csv(events, sys.stdout)
        elif args.format == "geojson":
            write_geojson(events, sys.stdout)
        else:
            _table(list(events), args.per_article)
    return 0


def _table(events: list[dict], per_article: bool) -> None:
    table = Table()
    for column in ("id", "date", "type", "sources", "dead"):
        table.add_column(
            column, no_wrap=True, justify="right" if column in ("id", "sources", "dead") else "left"
        )
    for column in ("actor → recipient", "place", "evidence"):
        table.add_column(column, overflow="fold", ratio=2 if column == "evidence" else 1)
    for event in events:
        row = flat_row(event)
        who = row["actor"] + (f" → {row['recipient']}" if row["recipient"] else "")
        kind = row["type"] + (f"/{row['mode']}" if row["mode"] else "")
        evidence = row["evidence"] if len(row["evidence"]) <= 100 else row["evidence"][:99] + "…"
        dead = "" if row["dead"] is None else str(row["dead"])
        table.add_row(
            str(row["id"]),
            row["date"] or "",
            kind,
            str(row["sources"]),
            dead,
            who,
            row["place"] or "",
            evidence,
        )
    console = Console()
    if not console.is_terminal:
        console.width = 160
    console.print(table)
    console.print(f"{len(events)} {'events' if per_article else 'merged events'}", style="dim")

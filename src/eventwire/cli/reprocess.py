"""`eventwire reprocess --db FILE [--published D] [filters]`: run the pipeline again on stored articles.

Each selected article is extracted again from the raw article the store kept (a store made before
eventwire kept raw articles gives the cleaned article instead), its findings (entities, places, times,
quantities, events, flags) replace the old ones, and every merged event is formed again. Use it after
upgrading eventwire (`run` and `events` say when a store was made by an older extractor) or to give
articles a publication date: `--published` dates the selected articles whose date did not come from
their input, and every article named with `--id`. An article that fails keeps what it had; it is
reported with its code and appended to `<db>.quarantine.jsonl`, and the exit status is 1.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from eventwire.cli import iso_day, positive
from eventwire.errors import EventwireError
from eventwire.extractor import current_extractor
from eventwire.run.progress import progress_bar
from eventwire.run.reprocess import reprocess
from eventwire.run.write import RunSummary, quarantine_path
from eventwire.settings import Settings
from eventwire.store import Store
from eventwire.store.reextract import ArticleFilter


def register(sub: argparse._SubParsersAction) -> None:
    p = sub.add_parser(
        "reprocess", help="extract stored articles again and replace their findings", description=__doc__
    )
    p.add_argument("--db", required=True, metavar="FILE", help="the SQLite database")
    p.add_argument(
        "--published", type=iso_day, help="publication date (YYYY-MM-DD) to give the articles (see above)"
    )
    p.add_argument(
        "--id", action="append", default=[], metavar="ID", help="an article id or its beginning (repeatable)"
    )
    p.add_argument(
        "--source", metavar="TEXT", help="part of the article's source path or URL, or its record id"
    )
    p.add_argument("--since", type=iso_day, help="articles published on or after this day (YYYY-MM-DD)")
    p.add_argument("--until", type=iso_day, help="articles published on or before this day (YYYY-MM-DD)")
    p.add_argument("--stale", action="store_true", help="only articles an older extractor made")
    p.add_argument(
        "--workers", type=positive, default=1, metavar="N", help="worker processes (default 1: in-process)"
    )
    p.set_defaults(handler=run)


def run(args: argparse.Namespace) -> int:
    if not Path(args.db).is_file():
        raise EventwireError("EW501", f"no such database: {args.db}", args.db)
    settings = Settings.from_env()
    filters = ArticleFilter(
        ids=tuple(args.id), source=args.source, since=args.since, until=args.until, stale=args.stale
    )
    quarantine = quarantine_path(args.db)
    with Store.open(args.db, settings) as store, progress_bar("re-extracting", unit="articles") as show:
        summary = reprocess(store, settings, filters, args.published, quarantine, show, args.workers)
    return report(summary, quarantine)


def report(summary: RunSummary, quarantine: Path) -> int:
    """Print the summary line; the exit status (1 when an article failed)."""
    print(
        f"{summary.read} articles re-extracted: {summary.stored} replaced, "
        f"{summary.duplicates} found to repeat another stored article (removed), "
        f"{summary.failed} failed (kept as they were)"
    )
    if summary.failed:
        print(f"failures written to {quarantine}", file=sys.stderr)
    return 1 if summary.failed else 0


def stale_notice(store: Store) -> None:
    """Say on stderr when stored articles were made by another extractor than this one, and what to do."""
    stale = store.stale(current_extractor(store.settings))
    if stale:
        print(
            f"eventwire: {stale} of {store.count_articles()} stored articles were extracted by another "
            f"extractor than this one ({current_extractor(store.settings)}); to extract them again: "
            f"eventwire reprocess --db {store.path} --stale",
            file=sys.stderr,
        )


def redated_notice(summary: RunSummary, db: str) -> None:
    """Say on stderr, for each input already stored with another publication date, how to re-extract it."""
    for r in summary.redated:
        stored = f"published {r['stored']}" if r["stored"] else "with no publication date"
        print(
            f"eventwire: {r['where']}: already stored as {r['article']} {stored}, so not extracted again; "
            f"to re-extract it published {r['read']}: "
            f"eventwire reprocess --db {db} --id {r['article']} --published {r['read']}",
            file=sys.stderr,
        )

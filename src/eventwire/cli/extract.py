"""`eventwire extract FILE…`: print each article as `eventwire.document/1` JSON, or a readable summary."""

from __future__ import annotations

import argparse
import json
import sys

from eventwire.cli import iso_day, report
from eventwire.model import Article
from eventwire.run.stream import extract
from eventwire.settings import Settings


def register(sub: argparse._SubParsersAction) -> None:
    p = sub.add_parser("extract", help="extract event data from articles and print it", description=__doc__)
    p.add_argument(
        "files",
        nargs="+",
        metavar="FILE",
        help="text, HTML or JSONL files, directories, globs, or - for stdin",
    )
    p.add_argument(
        "--published", type=iso_day, help="publication date (YYYY-MM-DD) for inputs that carry none"
    )
    p.add_argument(
        "--format", choices=["json", "text"], default="json", help="JSON (one object per line) or a summary"
    )
    p.add_argument("--max-bytes", type=int, help="largest input accepted, in bytes")
    p.set_defaults(handler=run)


def run(args: argparse.Namespace) -> int:
    settings = Settings.from_env().replace(max_input_bytes=args.max_bytes)
    failed = 0
    for outcome in extract(args.files, settings, args.published):
        if not outcome.ok:
            failed += 1
            report(outcome.error)
            continue
        article: Article = outcome.item
        if args.format == "json":
            sys.stdout.write(json.dumps(article.to_dict(), ensure_ascii=False) + "\n")
        else:
            sys.stdout.write(summary(article) + "\n")
        sys.stdout.flush()
    return 1 if failed else 0


_COUNTED = ("entities", "places", "times", "quantities", "events", "flags")


def summary(article: Article) -> str:
    """A readable summary of one article for people."""
    kinds = {k: sum(p.kind == k for p in article.paragraphs) for k in ("title", "body", "caption")}
    lines = [
        f"# {article.title or '(no title)'}",
        f"  source: {article.source.path or article.source.url}"
        f"  published: {article.published or 'unknown'}  id: {article.id[:19]}",
        f"  paragraphs: {len(article.paragraphs)} ({kinds['body']} body, {kinds['caption']} caption)"
        f"  dropped: {len(article.dropped)}",
        "  " + "  ".join(f"{key}: {len(getattr(article, key))}" for key in _COUNTED),
    ]
    places = {p.id: p.name for p in article.places}
    for ev in article.events:
        who = ev.actor.name or ev.actor.text if ev.actor else "?"
        whom = ev.recipient.name or ev.recipient.text if ev.recipient else ""
        where = places.get(ev.place or "", "")
        kind = f"{ev.type}/{ev.mode}" if ev.mode else ev.type
        lines.append(f"  - {kind} {who} -> {whom} @ {where} {ev.date or ''} [{ev.status}]")
    for fl in article.flags:
        lines.append(f"  ! {fl.kind}: {fl.message}")
    return "\n".join(lines)

"""The `eventwire` command. Each subcommand lives in its own module and registers itself here.

Exit status: 0 when every input was processed, 1 when some input was set aside with a coded error,
2 for a usage error (a bad option value, EW701 as the API names it).
"""

from __future__ import annotations

import argparse
import logging
import sys
from collections.abc import Callable
from importlib import import_module

from eventwire import __version__
from eventwire.errors import EventwireError
from eventwire.settings import SettingsError

COMMANDS = ["extract", "run", "reprocess", "load", "events", "export", "serve", "migrate", "settings"]
"""Modules under `eventwire.cli` that each define `register(subparsers)`, in help order."""


def build_parser() -> argparse.ArgumentParser:
    """The argument parser with every subcommand registered."""
    parser = argparse.ArgumentParser(prog="eventwire", description="Turn raw news into event data.")
    parser.add_argument("--version", action="version", version=f"eventwire {__version__}")
    parser.add_argument("-v", "--verbose", action="store_true", help="log progress details to stderr")
    sub = parser.add_subparsers(dest="command", required=True, metavar="COMMAND")
    for name in COMMANDS:
        import_module(f"eventwire.cli.{name}").register(sub)
    return parser


def main(argv: list[str] | None = None) -> int:
    """Entry point of the console script."""
    args = build_parser().parse_args(argv)
    level = logging.INFO if args.verbose else logging.WARNING
    logging.basicConfig(level=level, format="%(levelname)s %(name)s: %(message)s")
    handler: Callable[[argparse.Namespace], int] = args.handler
    try:
        return handler(args)
    except EventwireError as exc:
        print(f"eventwire: {exc.message}", file=sys.stderr)
        return 2 if exc.code == "EW701" else 1
    except SettingsError as exc:
        print(f"eventwire: {exc}", file=sys.stderr)
        return 2
    except KeyboardInterrupt:
        print("eventwire: interrupted", file=sys.stderr)
        return 130
    except BrokenPipeError:
        return 0


def report(exc: EventwireError) -> None:
    """Print one coded error as one line on stderr."""
    print(f"eventwire: {exc.message}", file=sys.stderr)


def iso_day(value: str) -> str:
    """argparse type for YYYY-MM-DD dates."""
    import datetime as dt

    try:
        return dt.date.fromisoformat(value).isoformat()
    except ValueError:
        raise argparse.ArgumentTypeError(f"not a date in YYYY-MM-DD form: {value!r}") from None


def positive(value: str) -> int:
    """argparse type for whole numbers of at least 1."""
    n = int(value)
    if n < 1:
        raise argparse.ArgumentTypeError("must be at least 1")
    return n

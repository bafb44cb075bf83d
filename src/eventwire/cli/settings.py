"""`eventwire settings`: every setting with its default, the value it has here, and what it does."""

from __future__ import annotations

import argparse
import dataclasses
import json
import sys

from eventwire.settings import Settings


def register(sub: argparse._SubParsersAction) -> None:
    p = sub.add_parser("settings", help="list every setting, its default and its value", description=__doc__)
    p.add_argument("--format", choices=["text", "json"], default="text", help="a readable list or JSON")
    p.set_defaults(handler=run)


def run(args: argparse.Namespace) -> int:
    current, docs = Settings.from_env(), Settings.documentation()
    rows = [
        {
            "name": f.name,
            "env": f"EVENTWIRE_{f.name.upper()}",
            "default": f.default,
            "value": "(set)" if f.name == "api_token" and current.api_token else getattr(current, f.name),
            "about": docs.get(f.name, ""),
        }
        for f in dataclasses.fields(Settings)
    ]
    if args.format == "json":
        sys.stdout.write(json.dumps(rows, ensure_ascii=False, indent=1) + "\n")
        return 0
    for row in rows:
        changed = "" if row["value"] == row["default"] else f" (default {row['default']!r})"
        sys.stdout.write(f"{row['name']} = {row['value']!r}{changed}\n    {row['about']}\n")
    return 0

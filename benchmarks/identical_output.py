"""Identical output: `eventwire extract --format json` on the seed, the samples and GeoWebNews's 200
articles, by this checkout and by an earlier commit, compared byte for byte.

Usage:
    .venv/bin/python benchmarks/identical_output.py --base REV [--allow FILE] [--gwn GWN.xml] [--keep DIR]

The earlier commit is checked out into a temporary git worktree and run with this checkout's interpreter
(its `src/` first on `PYTHONPATH`), on the same input files, so the two runs differ only in code. Exit
status 0 when every article's JSON is identical, or differs only at paths that `--allow` lists for it
(a TSV: input name, article label, JSON path, why; `identical_output_allowed.tsv` holds the differences
issue 12 explained); 1 otherwise, with one line per changed article and its differing paths. A refactor
that must not change behaviour runs this before it lands.
"""

from __future__ import annotations

import argparse
import json
import os
import subprocess
import sys
import tempfile
import xml.etree.ElementTree as ET
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
SHARED = ROOT.parent / "shared"


def write_inputs(gwn: Path, folder: Path) -> list[tuple[str, list[str]]]:
    """The three inputs as (name, extract arguments): the seed, the samples, GeoWebNews as JSON Lines."""
    corpus = folder / "gwn.jsonl"
    with open(corpus, "w", encoding="utf-8") as out:
        for i, article in enumerate(ET.parse(gwn).getroot().iter("article")):
            record = {"id": f"gwn{i}", "text": (article.findtext("text") or "").strip()}
            out.write(json.dumps({**record, "published": "2018-01-15"}, ensure_ascii=False) + "\n")
    return [
        ("seed", [str(SHARED / "seed" / "article.txt"), "--published", "2022-03-23"]),
        ("samples", [str(ROOT / "samples"), "--published", "2023-05-20"]),
        ("gwn", [str(corpus)]),
    ]


def extract(src: Path, args: list[str]) -> list[str]:
    """The JSON lines `eventwire extract` prints with the package in `src`."""
    env = {**os.environ, "PYTHONPATH": str(src)}
    code = "import sys; from eventwire.cli import main; sys.exit(main())"
    done = subprocess.run(
        [sys.executable, "-c", code, "extract", *args, "--format", "json"],
        env=env,
        capture_output=True,
        text=True,
        check=False,
    )
    return done.stdout.splitlines()


def differing_keys(a: object, b: object, path: str = "") -> list[str]:
    """The paths at which two JSON values differ, outermost first."""
    if isinstance(a, dict) and isinstance(b, dict):
        out = []
        for k in sorted(set(a) | set(b), key=str):
            out += differing_keys(a.get(k), b.get(k), f"{path}.{k}")
        return out
    if isinstance(a, list) and isinstance(b, list) and len(a) == len(b):
        out = []
        for i, (x, y) in enumerate(zip(a, b, strict=True)):
            out += differing_keys(x, y, f"{path}[{i}]")
        return out
    return [] if a == b else [path or "."]


def read_allowed(path: Path | None) -> dict[tuple[str, str], set[str]]:
    """(input, article label) → the JSON paths at which it may differ, from a TSV (`#` lines are notes)."""
    allowed: dict[tuple[str, str], set[str]] = {}
    if path is not None:
        for line in path.read_text(encoding="utf-8").splitlines():
            if line.strip() and not line.startswith("#"):
                name, label, where = line.split("\t")[:3]
                allowed.setdefault((name, label), set()).add(where)
    return allowed


def compare(
    name: str, before: list[str], after: list[str], allowed: dict[tuple[str, str], set[str]]
) -> tuple[int, int]:
    """Print each changed article of one input; how many changed at a path not allowed, and how many
    changed only where allowed."""
    changed = explained_count = 0
    if len(before) != len(after):
        print(f"{name}: {len(before)} articles before, {len(after)} after")
        return max(len(before), len(after)), 0
    for i, (b, a) in enumerate(zip(before, after, strict=True)):
        if a != b:
            old, new = json.loads(b), json.loads(a)
            label = str(new.get("source", {}).get("id") or new.get("source", {}).get("path") or i)
            paths = differing_keys(old, new)
            explained = set(paths) <= allowed.get((name, label), set())
            changed += not explained
            explained_count += explained
            print(f"{name}: {label}: {'allowed: ' if explained else ''}differs at {', '.join(paths[:6])}")
    return changed, explained_count


def main() -> int:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--base", required=True, help="the commit to compare with (a git revision)")
    parser.add_argument("--gwn", type=Path, default=SHARED / "data" / "geo" / "GWN.xml")
    parser.add_argument("--allow", type=Path, help="a TSV of the differences that are explained")
    parser.add_argument("--keep", type=Path, help="write both outputs into this folder")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        work, base = Path(tmp), Path(tmp) / "base"
        subprocess.run(
            ["git", "-C", str(ROOT), "worktree", "add", "--detach", str(base), args.base], check=True
        )
        try:
            changed, explained, total, allowed = 0, 0, 0, read_allowed(args.allow)
            for name, extract_args in write_inputs(args.gwn, work):
                before, after = extract(base / "src", extract_args), extract(ROOT / "src", extract_args)
                if args.keep:
                    args.keep.mkdir(parents=True, exist_ok=True)
                    (args.keep / f"{name}.before.jsonl").write_text("\n".join(before) + "\n", "utf-8")
                    (args.keep / f"{name}.after.jsonl").write_text("\n".join(after) + "\n", "utf-8")
                total += len(after)
                not_allowed, allowed_only = compare(name, before, after, allowed)
                changed, explained = changed + not_allowed, explained + allowed_only
        finally:
            subprocess.run(["git", "-C", str(ROOT), "worktree", "remove", "--force", str(base)], check=True)
    same = total - changed - explained
    print(f"{same} of {total} articles identical to {args.base}, {explained} differing only where allowed")
    return 1 if changed or not total else 0


if __name__ == "__main__":
    sys.exit(main())

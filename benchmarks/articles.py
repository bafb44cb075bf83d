"""Whole written articles with answer keys: event recall and precision, flags, by the shared scorer.

Usage:
    .venv/bin/python benchmarks/articles.py [--split dev|test|all] [--show] [--write] [NAME…]

Each `data/articles/NAME.txt` (a whole article in our own words, see `data/articles/README.md`) runs
through `eventwire extract` as a user would run it (`--published` from its key), and its output is
scored against `NAME.gold.json` by `../shared/tools/score_seed.py --gold` (the scorer the issue names):
events recall (required events found), events precision (events that match a required or optional
one) and flags. The keys were written blind, before anyone ran eventwire on the articles.

Articles are split by a hash of their name: about 3 in 10 are the test split, read only for final
figures; the rules are tuned on the dev split (settings as the CLI reads them, `EVENTWIRE_*` variables
included). `--show` prints each dev article's events and what the
scorer missed (it refuses the test split).
"""

from __future__ import annotations

import argparse
import hashlib
import json
import platform
import subprocess
import sys
import tempfile
from pathlib import Path

from throughput import SHARED, append_section, revision

from eventwire.run.stream import extract
from eventwire.settings import Settings

ROOT = Path(__file__).resolve().parents[1]
ARTICLES = ROOT / "data" / "articles"
SCORER = SHARED / "tools" / "score_seed.py"
TEST_SHARE = 3
"""Articles whose name hashes below this (mod 10) are the test split."""


def split_of(name: str) -> str:
    """ "test" or "dev", fixed by a hash of the article's name."""
    h = int.from_bytes(hashlib.blake2b(name.encode(), digest_size=8).digest(), "big")
    return "test" if h % 10 < TEST_SHARE else "dev"


def articles(split: str) -> list[Path]:
    """The article files of a split ("all" for every one)."""
    found = sorted(ARTICLES.glob("*.txt"))
    return [p for p in found if split in ("all", split_of(p.stem))]


def score(article: Path, out: Path) -> dict:
    """Extract one article and score it against its key; the scorer's JSON figures."""
    key = article.with_suffix(".gold.json")
    published = json.loads(key.read_text(encoding="utf-8")).get("published")
    (outcome,) = list(extract([str(article)], Settings.from_env(), published))
    if not outcome.ok:
        raise SystemExit(f"{article.name}: {outcome.error}")
    out.write_text(json.dumps(outcome.item.to_dict(), ensure_ascii=False), encoding="utf-8")
    done = subprocess.run(
        [sys.executable, str(SCORER), str(out), "--gold", str(key), "--json"], capture_output=True, text=True
    )
    if not done.stdout.startswith("{"):
        raise SystemExit(f"{article.name}: the scorer failed: {done.stderr.strip()[-300:]}")
    return json.JSONDecoder().raw_decode(done.stdout)[0]  # the JSON, then a summary line


def show(out: Path, figures: dict) -> None:
    """An article's events, one a line, and the key events the scorer did not find."""
    doc = json.loads(out.read_text(encoding="utf-8"))
    places = {p["id"]: p["name"] for p in doc["places"]}
    for e in doc["events"]:
        size = {k: v for k, v in e["size"].items() if v is not None}
        actor, recipient = (e.get(r) or {} for r in ("actor", "recipient"))
        print(
            f"  {e['id']} {e['type']}/{e.get('mode')} {actor.get('name') or actor.get('text')} -> "
            f"{recipient.get('name') or recipient.get('text')} @{places.get(e.get('place'))} {e.get('date')} "
            f"{e['status']} {size} | {' / '.join(x['text'][:70] for x in e['evidence'])}"
        )
    for f in doc["flags"]:
        print(f"  flag {f['kind']}: {f['message'][:120]}")
    print(
        f"  missing: {figures['events']['missing']}  flags missing: {figures.get('flags', {}).get('missing')}"
    )


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--split", choices=["dev", "test", "all"], default="dev")
    ap.add_argument("--show", action="store_true", help="print each article's events and misses (dev only)")
    ap.add_argument("--write", action="store_true", help="append the figures to BENCHMARKS.md")
    ap.add_argument("names", nargs="*", help="only the articles whose name contains one of these")
    args = ap.parse_args()
    if args.show and args.split != "dev":
        raise SystemExit("--show prints the dev split only: the test split is not looked at while tuning")
    rows, totals = [], {"recall": [], "precision": [], "flags": []}
    with tempfile.TemporaryDirectory() as tmp:
        chosen = [a for a in articles(args.split) if not args.names or any(n in a.stem for n in args.names)]
        for article in chosen:
            out = Path(tmp) / f"{article.stem}.json"
            result = score(article, out)
            figures = result["figures"]
            flags = figures.get("flags")
            rows.append(
                f"| {article.stem} | {split_of(article.stem)} | {figures['events_recall']:.2f} | "
                f"{figures['events_precision']:.2f} | {'' if flags is None else f'{flags:.2f}'} |"
            )
            totals["recall"].append(figures["events_recall"])
            totals["precision"].append(figures["events_precision"])
            if flags is not None:
                totals["flags"].append(flags)
            if args.show:
                print(rows[-1])
                show(out, result)
    mean = {k: sum(v) / len(v) if v else float("nan") for k, v in totals.items()}
    machine = platform.processor() or platform.machine()
    head = (
        f"### {args.split} split, {len(rows)} articles ({revision()}; {machine})"
        f"\n\n`.venv/bin/python benchmarks/articles.py --split {args.split}`: mean events recall "
        f"**{mean['recall']:.3f}**, precision **{mean['precision']:.3f}**, flags **{mean['flags']:.3f}** "
        f"(over the {len(totals['flags'])} articles whose key has flags)."
    )
    table = "\n".join(
        [head, "", "| article | split | recall | precision | flags |", "|---|---|---|---|---|", *rows]
    )
    print(table)
    if args.write:
        append_section(
            ROOT / "BENCHMARKS.md", "## Whole articles with answer keys (benchmarks/articles.py)", table
        )


if __name__ == "__main__":
    main()

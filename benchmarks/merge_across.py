"""Merging across articles: pairwise precision and recall on hand-written sets of articles.

Usage:
    .venv/bin/python benchmarks/merge_across.py [--base REV] [--write]

Each set in benchmarks/merge_pairs/ is two or three short articles of our own, in several outlets'
styles, and the occurrences they tell: "same" sets tell one occurrence by two or three outlets in
different words (one without the town, or with only the province, tolls differing, a day later);
"different" sets tell two similar occurrences (one type) days apart in one town, on one day in towns
100 km or more apart, or one actor doing two things. An occurrence gives its event types, a point and a
radius, its country, its days (or month) and the articles that tell it.

Each set's articles go as one JSON Lines file through `run_local` (what `eventwire run` does) into a
fresh store. Every stored event is then matched to an occurrence: one told by the event's article,
with the event's type among its types, the event's place (when it has one) within the radius, or a
country, a first-level division or a region in the occurrence's country, and its date (when it has
one) overlapping the occurrence's days, give or take a day. When several occurrences fit, the one
that the event's place and date both positively fit wins; a tie leaves the event unmatched. Pairs are
events of different articles of a set: a predicted pair lies in one merged event, a gold pair is
matched to one occurrence. Precision and recall are over pairs of matched events; pairs with an
unmatched event that were merged are counted apart (merges of events that no occurrence explains).

With `--base REV`, the same is measured with REV's package too (checked out into a temporary git
worktree, first on `PYTHONPATH`, with its own gazetteer cache), so that a change to the rule is compared
with what came before in one run. `--write` appends the figures to BENCHMARKS.md.
"""

from __future__ import annotations

import argparse
import json
import os
import platform
import sqlite3
import subprocess
import sys
import tempfile
from itertools import combinations
from pathlib import Path

from throughput import _env, append_section, revision

from eventwire.store.dates import day_range, shift
from eventwire.store.merge_across import km

ROOT = Path(__file__).resolve().parents[1]
SETS = Path(__file__).with_name("merge_pairs")
COARSE = {"country", "admin1", "region"}
"""Place features too wide for a radius: they fit an occurrence in their country."""
SLACK = 1
"""Days an event's date may lie outside its occurrence's and still be it (a date a day off is still that
bombing's; the different occurrences of a set lie six days or more, or 100 km or more, apart)."""


def load_sets(folder: Path = SETS) -> dict[str, dict]:
    """Every set in the folder, by file stem."""
    return {p.stem: json.loads(p.read_text(encoding="utf-8")) for p in sorted(folder.glob("*.json"))}


def measure(folder: Path) -> dict[str, list[dict]]:
    """Store each set's articles in a fresh store with this process's eventwire; its events, by set."""
    from eventwire.run.local import run_local
    from eventwire.settings import Settings
    from eventwire.store import Store

    settings = Settings.from_env()
    found: dict[str, list[dict]] = {}
    with tempfile.TemporaryDirectory() as tmp:
        for name, data in load_sets(folder).items():
            feed = Path(tmp) / f"{name}.jsonl"
            records = [
                {
                    "id": a["id"],
                    "title": a["title"],
                    "text": a["text"],
                    "published": a["published"],
                    "url": f"https://{a['source'].lower().replace(' ', '-')}.example/{name}/{a['id']}",
                }
                for a in data["articles"]
            ]
            feed.write_text("".join(json.dumps(r) + "\n" for r in records), encoding="utf-8")
            with Store.open(Path(tmp) / f"{name}.db", settings) as store:
                run_local([str(feed)], settings, store)
            found[name] = stored_events(Path(tmp) / f"{name}.db")
    return found


def stored_events(db: Path) -> list[dict]:
    """The events of a store as the scoring reads them (read from the SQLite file itself)."""
    conn = sqlite3.connect(db)
    conn.row_factory = sqlite3.Row
    rows = conn.execute(
        """SELECT e.rid, a.source_id AS article, e.type, e.date, e.date_end, e.merged,
                  p.name AS place, p.lat, p.lon, p.feature, p.country_code
           FROM events e JOIN articles a ON a.rid = e.article LEFT JOIN places p ON p.rid = e.place
           ORDER BY e.rid"""
    ).fetchall()
    conn.close()
    return [dict(r) for r in rows]


def fits(event: dict, occurrence: dict) -> tuple[bool, int]:
    """Whether an event may be an occurrence, and how many of its place and date positively fit it."""
    if event["article"] not in occurrence["in"] or event["type"] not in occurrence["types"]:
        return False, 0
    evidence = 0
    if event["place"] is not None:
        near = occurrence["place_near"]
        if event["feature"] in COARSE or event["lat"] is None:
            if event["country_code"] != occurrence["country"]:
                return False, 0
        elif km(event["lat"], event["lon"], near["lat"], near["lon"]) > near["km"]:
            return False, 0
        else:
            evidence += 1
    days = day_range(event["date"], event["date_end"])
    if days is not None:
        gold = [g for d in occurrence["dates"] if (g := day_range(d))]
        if not any(shift(g[0], -SLACK) <= days[1] and days[0] <= shift(g[1], SLACK) for g in gold):
            return False, 0
        evidence += 1
    return True, evidence


def match(event: dict, occurrences: list[dict]) -> str | None:
    """The id of the occurrence an event is (see the module docstring), or None."""
    scored = [(fit[1], o["id"]) for o in occurrences if (fit := fits(event, o))[0]]
    best = max((s for s, _ in scored), default=None)
    winners = [oid for s, oid in scored if s == best]
    return winners[0] if len(winners) == 1 else None


def score(sets: dict[str, dict], found: dict[str, list[dict]]) -> dict[str, dict[str, int]]:
    """Pair counts by set: gold, predicted, correct (of matched events) and merged with an unmatched one."""
    counts: dict[str, dict[str, int]] = {}
    for name, data in sets.items():
        events = found[name]
        gold = {e["rid"]: match(e, data["occurrences"]) for e in events}
        c = {"events": len(events), "matched": sum(g is not None for g in gold.values())}
        c |= {"gold": 0, "predicted": 0, "correct": 0, "unmatched_merged": 0}
        for a, b in combinations(events, 2):
            if a["article"] == b["article"]:
                continue
            merged = a["merged"] is not None and a["merged"] == b["merged"]
            if gold[a["rid"]] is None or gold[b["rid"]] is None:
                c["unmatched_merged"] += merged
                continue
            same = gold[a["rid"]] == gold[b["rid"]]
            c["gold"] += same
            c["predicted"] += merged
            c["correct"] += same and merged
        counts[name] = c
    return counts


def totals(sets: dict[str, dict], counts: dict[str, dict[str, int]], kind: str | None = None) -> dict:
    """Summed pair counts with precision and recall, over the sets of one kind (all when None)."""
    t = {k: 0 for k in ("events", "matched", "gold", "predicted", "correct", "unmatched_merged")}
    for name, c in counts.items():
        if kind is None or sets[name]["kind"] == kind:
            for k in t:
                t[k] += c[k]
    t["precision"] = t["correct"] / t["predicted"] if t["predicted"] else 1.0
    t["recall"] = t["correct"] / t["gold"] if t["gold"] else 1.0
    return t


def run_child(src: Path | None) -> dict[str, list[dict]]:
    """Run `--measure` in a child process with the package in `src` (this checkout's when None)."""
    out = subprocess.run(
        [sys.executable, __file__, "--measure"], env=_env(src), capture_output=True, text=True, check=False
    )
    if out.returncode != 0:
        raise SystemExit(f"measure failed with status {out.returncode}:\n{out.stderr[-2000:]}")
    return json.loads(out.stdout.strip().splitlines()[-1])


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--base", help="also measure at this git revision")
    parser.add_argument("--write", action="store_true", help="append the figures to BENCHMARKS.md")
    parser.add_argument("--measure", action="store_true", help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.measure:
        print(json.dumps(measure(SETS)))
        return
    sets = load_sets()
    versions: list[tuple[str, dict]] = []
    with tempfile.TemporaryDirectory() as tmp:
        base = Path(tmp) / "base"
        if args.base:
            subprocess.run(
                ["git", "-C", str(ROOT), "worktree", "add", "-q", "--detach", str(base), args.base],
                check=True,
            )
            try:
                versions.append((f"base {args.base}", score(sets, run_child(base / "src"))))
            finally:
                subprocess.run(
                    ["git", "-C", str(ROOT), "worktree", "remove", "--force", str(base)], check=True
                )
        versions.append(("this checkout", score(sets, run_child(None))))
    report(args, sets, versions)


def report(args: argparse.Namespace, sets: dict[str, dict], versions: list[tuple[str, dict]]) -> None:
    """Print the tables and, with --write, append them to BENCHMARKS.md."""
    lines = [
        "| version | sets | gold pairs | merged pairs | correct | precision | recall | "
        "merged with an unmatched event |",
        "|---|---|---|---|---|---|---|---|",
    ]
    for label, counts in versions:
        for kind in (None, "same", "different"):
            t = totals(sets, counts, kind)
            n = sum(kind is None or d["kind"] == kind for d in sets.values())
            lines.append(
                f"| {label} | {kind or 'all'} ({n}) | {t['gold']} | {t['predicted']} | {t['correct']} | "
                f"{t['precision']:.2f} | {t['recall']:.2f} | {t['unmatched_merged']} |"
            )
    header = " | ".join(f"{label}: gold / merged / correct / unmatched merged" for label, _ in versions)
    lines += ["", f"| set | kind | events (matched) | {header} |", "|---|---|---|" + "---|" * len(versions)]
    for name, data in sets.items():
        c0 = versions[-1][1][name]
        cells = " | ".join(
            " / ".join(str(c[name][k]) for k in ("gold", "predicted", "correct", "unmatched_merged"))
            for _, c in versions
        )
        lines.append(f"| {name} | {data['kind']} | {c0['events']} ({c0['matched']}) | {cells} |")
    articles = sum(len(d["articles"]) for d in sets.values())
    head = (
        f"Command: `python benchmarks/merge_across.py{f' --base {args.base}' if args.base else ''} --write`; "
        f"{revision()}; Python {platform.python_version()}, {os.cpu_count()} cores, "
        f"{platform.system()} {platform.machine()}; {len(sets)} sets, {articles} articles "
        "(benchmarks/merge_pairs/)."
    )
    table = "\n".join([head, "", *lines])
    print(table)
    if args.write:
        append_section(
            ROOT / "BENCHMARKS.md", "## Merging across articles (benchmarks/merge_across.py)", table
        )


if __name__ == "__main__":
    main()

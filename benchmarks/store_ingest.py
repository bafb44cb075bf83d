"""Store benchmark: ingest and merge throughput, query latency, and merging quality on synthetic reports.

Usage:
    .venv/bin/python benchmarks/store_ingest.py [--occurrences 1500] [--write]

A seeded generator invents real-world occurrences (type, actor, recipient, city, day) in one country
and has each reported by 1 to 4 articles, the way wires and papers re-report: coordinates jittered by
up to 3 km, the same day or the next, a week- or month-precise date now and then, the recipient
sometimes unnamed, the place sometimes missing (a headline). Distractors share type and actor but lie
in another city or four or more days away. Every article is stored through `Store.ingest`, which also
merges. Merging quality is pairwise against the generator's truth: precision (pairs merged that are one
occurrence), recall (pairs of one occurrence that were merged), and the share of occurrences that
came out as exactly one merged event. `--write` appends the figures to BENCHMARKS.md.
"""

from __future__ import annotations

import argparse
import datetime as dt
import io
import platform
import random
import subprocess
import tempfile
import time
from collections import defaultdict
from itertools import combinations
from pathlib import Path

from eventwire.export import stored_events
from eventwire.export.acled import write_acled
from eventwire.model import Article, Event, Evidence, Participant, Place, Size
from eventwire.settings import Settings
from eventwire.store import EventFilter, Store

ROOT = Path(__file__).resolve().parents[1]
CITIES = [
    ("Kharkiv", 49.98081, 36.25272, "Kharkiv Oblast"),
    ("Chuhuiv", 49.83535, 36.68570, "Kharkiv Oblast"),
    ("Izium", 49.20750, 37.26960, "Kharkiv Oblast"),
    ("Sumy", 50.91410, 34.80290, "Sumy Oblast"),
    ("Mariupol", 47.09514, 37.54131, "Donetsk Oblast"),
    ("Kramatorsk", 48.72305, 37.55629, "Donetsk Oblast"),
    ("Kyiv", 50.45466, 30.52380, "Kyiv City"),
    ("Irpin", 50.52175, 30.25055, "Kyiv Oblast"),
    ("Mykolaiv", 46.97503, 31.99458, "Mykolaiv Oblast"),
    ("Odesa", 46.48572, 30.74383, "Odesa Oblast"),
    ("Lviv", 49.83826, 24.02324, "Lviv Oblast"),
    ("Chernihiv", 51.50551, 31.28487, "Chernihiv Oblast"),
]
TYPES = ["ASSAULT", "COERCE", "PROTEST", "MOBILIZE", "ACCUSE"]
ACTORS = ["Russia", "Ukraine", "Wagner Group", "police", "protesters"]
RECIPIENTS = ["civilians", "Ukraine", "Russia", "journalists", None]


def occurrences(n: int, rng: random.Random) -> list[dict]:
    """Distinct occurrences: no two share type, actor, city and a day within three of each other."""
    made: list[dict] = []
    seen: set[tuple] = set()
    while len(made) < n:
        o = {
            "type": rng.choice(TYPES),
            "actor": rng.choice(ACTORS),
            "recipient": rng.choice(RECIPIENTS),
            "city": rng.choice(CITIES),
            "day": dt.date(2022, 3, 1) + dt.timedelta(days=rng.randrange(120)),
        }
        near = {(o["type"], o["actor"], o["city"][0], o["day"] + dt.timedelta(days=d)) for d in range(-3, 4)}
        if near & seen:
            continue
        seen.add((o["type"], o["actor"], o["city"][0], o["day"]))
        made.append(o)
    return made


def report(o: dict, truth: int, k: int, rng: random.Random) -> Article:
    """One article reporting occurrence `o`, with the noise of the module docstring."""
    name, lat, lon, admin1 = o["city"]
    day = o["day"] + dt.timedelta(days=rng.choice([0, 0, 0, 1]))
    text = f"Report {truth}.{k}: {o['actor']} and {o['type'].lower()} in {name} ({rng.random():.6f})."
    a = Article(text=text, title=text, published=(day + dt.timedelta(days=1)).isoformat())
    a.source.url = f"https://example.org/{truth}/{k}"
    placed = rng.random() > 0.1
    if placed:
        jitter = lambda: rng.uniform(-0.02, 0.02)  # noqa: E731 - about 2 km
        where = text.index(name)
        a.places = [
            Place(
                "p1",
                name,
                None,
                lat + jitter(),
                lon + jitter(),
                "UA",
                admin1,
                "city",
                [a.span(where, where + len(name))],
            )
        ]
    precision = rng.choices(["day", "week", "month"], [0.8, 0.15, 0.05])[0]
    date = {
        "day": day.isoformat(),
        "week": f"{day.isocalendar()[0]}-W{day.isocalendar()[1]:02d}",
        "month": day.strftime("%Y-%m"),
    }
    recipient = o["recipient"] if rng.random() > 0.3 else None
    a.events = [
        Event(
            id="ev1",
            type=o["type"],
            actor=Participant(o["actor"], "e1", o["actor"]),
            recipient=Participant(recipient, "e2", recipient) if recipient else None,
            place="p1" if placed else None,
            date=date[precision],
            date_precision=precision,
            size=Size(dead=rng.choice([None, 1, 2, 3])),
            evidence=[Evidence(0, len(text), text, 0)],
            confidence=0.6,
        )
    ]
    return a


def timed(fn, repeat: int = 20) -> float:
    """Median milliseconds of `fn()`."""
    times = []
    for _ in range(repeat):
        t = time.perf_counter()
        fn()
        times.append((time.perf_counter() - t) * 1000)
    return sorted(times)[len(times) // 2]


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--occurrences", type=int, default=1500, help="real-world occurrences to invent")
    ap.add_argument("--write", action="store_true", help="append the figures to BENCHMARKS.md")
    args = ap.parse_args()
    rng = random.Random(7)
    articles: list[tuple[int, Article]] = []
    for truth, o in enumerate(occurrences(args.occurrences, rng)):
        for k in range(rng.choice([1, 1, 2, 2, 3, 4])):
            articles.append((truth, report(o, truth, k, rng)))
    rng.shuffle(articles)
    truth_of = {a.id: t for t, a in articles}

    with tempfile.TemporaryDirectory() as tmp:
        db = Path(tmp) / "bench.db"
        with Store.open(db, Settings()) as store:
            start = time.perf_counter()
            for _, article in articles:
                store.ingest(article)
            ingest_s = time.perf_counter() - start
            again = time.perf_counter()
            duplicates = sum(not store.ingest(a) for _, a in articles[:500])
            reingest_ms = (time.perf_counter() - again) * 1000 / 500
            counts = store.counts()
            merged = list(stored_events(store))
            queries = {
                "events, first page of 100": lambda: store.events(EventFilter(), 100),
                "merged events, first page of 100": lambda: store.merged_events(EventFilter(), 100),
                "events near Kharkiv (25 km), ASSAULT": lambda: store.events(
                    EventFilter(type="ASSAULT", near=(49.98, 36.25, 25)), 100
                ),
                "merged events, one week": lambda: store.merged_events(
                    EventFilter(since="2022-04-04", until="2022-04-10"), 100
                ),
                "full-text search": lambda: store.search("Kharkiv protest"),
                "count of merged events, filtered": lambda: store.count_events(
                    EventFilter(actor="russia"), True
                ),
            }
            latency = {name: timed(fn) for name, fn in queries.items()}
            t = time.perf_counter()
            n_rows = write_acled(stored_events(store), io.StringIO())
            export_s = time.perf_counter() - t
        size_kb = db.stat().st_size / 1024

    groups = [[truth_of[s["article"]] for s in m["sources"]] for m in merged]
    merged_pairs = {
        frozenset(p) for m in merged for p in combinations(sorted({s["article"] for s in m["sources"]}), 2)
    }
    by_truth = defaultdict(list)
    for t, a in articles:
        by_truth[t].append(a.id)
    true_pairs = {frozenset(p) for ids in by_truth.values() for p in combinations(sorted(ids), 2)}
    precision = len(merged_pairs & true_pairs) / len(merged_pairs) if merged_pairs else 1.0
    recall = len(merged_pairs & true_pairs) / len(true_pairs) if true_pairs else 1.0
    exact = sum(1 for g in groups if len(set(g)) == 1 and len(g) == len(by_truth[g[0]]))
    commit = subprocess.run(
        ["git", "rev-parse", "--short", "HEAD"], capture_output=True, text=True, cwd=ROOT
    ).stdout.strip()
    lines = [
        "## Store: ingest, merging and queries (synthetic reports)",
        "",
        f"Command: `python benchmarks/store_ingest.py --occurrences {args.occurrences} --write`; "
        f"{dt.datetime.now(dt.UTC):%Y-%m-%d %H:%M} UTC; commit {commit}; Python {platform.python_version()}.",
        "",
        "| measure | value |",
        "|---|---|",
        f"| occurrences / articles / events | {args.occurrences} / {len(articles)} / {counts['events']} |",
        f"| merged events | {counts['merged_events']} |",
        f"| ingest with merging | {ingest_s:.1f} s ({len(articles) / ingest_s:.0f} articles per second) |",
        f"| re-ingest of a stored article (skipped) | {reingest_ms:.2f} ms ({duplicates}/500 skipped) |",
        f"| merging: pairwise precision | {precision:.3f} |",
        f"| merging: pairwise recall | {recall:.3f} |",
        f"| occurrences merged exactly (all their reports, nothing else) | {exact / args.occurrences:.3f} |",
        f"| database size | {size_kb / len(articles):.1f} KiB per article |",
        *(f"| query: {name} | {ms:.1f} ms |" for name, ms in latency.items()),
        f"| ACLED export of every merged event ({n_rows} rows) | {export_s:.2f} s |",
        "",
    ]
    print("\n".join(lines))
    if args.write:
        with (ROOT / "BENCHMARKS.md").open("a", encoding="utf-8") as f:
            f.write("\n" + "\n".join(lines))


if __name__ == "__main__":
    main()

"""The API requests one dashboard view makes, timed on a store, for one or more checkouts side by side.

Usage:
    .venv/bin/python benchmarks/dashboard_api.py --db FILE --src BEFORE/src --src AFTER/src [--repeat 15]

Each `--src` is imported in a child process of its own (`PYTHONPATH=SRC`), which builds the app over the
store (read-only) and sends each request below `--repeat` times in process (Starlette's TestClient: the
app and the store's time, no network), after one warm-up; the table gives the median in ms per request
and checkout ("—" where the checkout has no such route or parameter: an error status). The requests: what
the dashboard asks for a view (the table's page, the map's and timeline's events, the summary), the new
filters and sorts, and an export of a filtered view.
"""

from __future__ import annotations

import argparse
import json
import os
import statistics
import subprocess
import sys
import time

REQUESTS = [
    ("table page (50)", "/events?limit=50"),
    ("map and timeline (1000)", "/events?limit=1000"),
    ("summary", "/summary"),
    ("merged, table page", "/merged-events?limit=50"),
    ("country filter, page", "/events?country=US&limit=50"),
    ("sorted by dead", "/events?sort=-dead&limit=50"),
    ("sorted by place", "/events?sort=place&limit=50"),
    ("status and dead filters", "/events?status=occurred,ongoing&min_dead=1&limit=50"),
    ("disputed only", "/events?disputed=true&limit=50"),
    ("summary, country filter", "/summary?country=US"),
    ("actors (1000)", "/actors?limit=1000"),
    ("export GeoJSON, country filter", "/export?format=geojson&country=US"),
]


def child(db: str, repeat: int) -> None:
    """Time every request in this process's checkout; print {label: median ms or null} as JSON."""
    from fastapi.testclient import TestClient

    from eventwire.api import create_app

    client = TestClient(create_app(db))
    out: dict[str, float | None] = {}
    for label, url in REQUESTS:
        if client.get(url).status_code != 200:
            out[label] = None
            continue
        times = []
        for _ in range(repeat):
            start = time.perf_counter()
            client.get(url)
            times.append((time.perf_counter() - start) * 1000)
        out[label] = statistics.median(times)
    print(json.dumps(out))


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--db", required=True)
    ap.add_argument("--src", action="append", required=True, help="a checkout's src folder (repeatable)")
    ap.add_argument("--repeat", type=int, default=15)
    ap.add_argument("--child", action="store_true", help=argparse.SUPPRESS)
    args = ap.parse_args()
    if args.child:
        child(args.db, args.repeat)
        return
    results = []
    for src in args.src:
        env = {**os.environ, "PYTHONPATH": src}
        cmd = [sys.executable, __file__, "--db", args.db, "--src", src, "--repeat", str(args.repeat)]
        cmd.append("--child")
        done = subprocess.run(cmd, env=env, capture_output=True, text=True, check=True)
        results.append(json.loads(done.stdout.splitlines()[-1]))
    print("| request | " + " | ".join(f"{src} ms" for src in args.src) + " |")
    print("|---|" + "---|" * len(args.src))
    for label, url in REQUESTS:
        cells = ["—" if r[label] is None else f"{r[label]:.1f}" for r in results]
        print(f"| {label} (`{url}`) | " + " | ".join(cells) + " |")


if __name__ == "__main__":
    main()

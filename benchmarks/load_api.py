"""API load: `eventwire serve` over a store of 10,000 articles, under a bounded async load on 127.0.0.1.

Usage:
    .venv/bin/python benchmarks/load_api.py [--articles 10000] [--requests 2000] [--concurrency 16]
        [--db FILE] [--write]

The store: the repository's samples and GeoWebNews's 200 articles (../shared/data/geo/GWN.xml) go
through the real pipeline once; the documents that hold at least one event are the bases. Each base is
then ingested again and again, through `Store.ingest` (which also merges), as variations until the store
holds `--articles` articles: variation k appends one short paragraph naming it (so the text, and with it
the id, is new; every span of the base stays valid), and shifts the publication day and every day-precise
event date by 7·k days. Places and entities are the bases' own (hundreds of distinct places across the
GeoWebNews texts). Every stored article has events. An existing `--db` is reused, migrated first when its
schema is older than this eventwire's (the server opens it read-only, which does not migrate).

The load: `eventwire serve --db FILE` is started on a free port of 127.0.0.1; for each endpoint below, a
fixed number of requests (`--requests`) is sent by `--concurrency` concurrent httpx clients, after a
warm-up of 20 requests; the load stops by itself. Requests per second are over the wall time of that
endpoint's run; latency percentiles are per request; an error is any status other than 200 or a
transport failure, and must be zero. `--write` appends the figures to BENCHMARKS.md's "## API load",
after the earlier runs.
"""

from __future__ import annotations

import argparse
import asyncio
import datetime as dt
import json
import os
import platform
import re
import socket
import subprocess
import sys
import time
import xml.etree.ElementTree as ET
from dataclasses import dataclass
from pathlib import Path

import httpx

ROOT = Path(__file__).resolve().parents[1]
GWN = ROOT.parent / "shared" / "data" / "geo" / "GWN.xml"
EVENTWIRE = str(Path(sys.executable).with_name("eventwire"))

ENDPOINTS = [
    ("events, first page (50)", "/events"),
    ("events, page 20 of 100 rows", "/events?limit=100&offset=1900"),
    ("events, type filter", "/events?type=PROTEST,ASSAULT"),
    ("events, place and date filters", "/events?place=US&since=2018-03-01&until=2018-06-30"),
    ("events, near a point (300 km)", "/events?near=40.71,-74.0,300"),
    ("events, actor and words", "/events?actor=police&q=killed"),
    ("merged events", "/merged-events"),
    ("search, common word", "/search?q=police"),
    ("search, two words", "/search?q=fire%20killed"),
]


def base_articles(gwn: Path) -> list[dict]:
    """The samples and GeoWebNews's articles through the whole pipeline; the documents with events."""
    from eventwire.knowledge import load_knowledge
    from eventwire.model import RawArticle, Source
    from eventwire.read import read_inputs
    from eventwire.settings import Settings
    from eventwire.stages import article_pipeline

    raws = [o.item for o in read_inputs([str(ROOT / "samples")], Settings(), published="2023-05-20") if o.ok]
    for n, article in enumerate(ET.parse(gwn).getroot().iter("article")):
        text = (article.findtext("text") or "").strip()
        title = (article.findtext("title") or "").strip() or None
        day = (dt.date(2018, 1, 1) + dt.timedelta(days=n % 180)).isoformat()
        source = Source(path="GWN.xml", id=article.get("file"), url=article.findtext("link"), format="text")
        raws.append(RawArticle(text=text, source=source, title=title, published=day))
    pipeline = article_pipeline(Settings(), load_knowledge())
    docs = [o.item.to_dict() for o in pipeline.run_many(raws) if o.ok]
    return [d for d in docs if d["events"]]


def _shift(day: str | None, days: int) -> str | None:
    if day and re.fullmatch(r"\d{4}-\d{2}-\d{2}", day):
        return (dt.date.fromisoformat(day) + dt.timedelta(days=days)).isoformat()
    return day


def variation(doc: dict, k: int):  # noqa: ANN201 - an Article (imported late)
    """Variation k of a base document: a new closing paragraph (a new id) and dates 7·k days later."""
    from eventwire.model import Article, Paragraph, article_id

    article = Article.from_dict(doc)
    note = f"(Load-test copy {k} of this report.)"
    start = len(article.text) + 2
    article.text = f"{article.text}\n\n{note}"
    index = len(article.paragraphs)
    article.paragraphs.append(Paragraph(index, "body", start, start + len(note), []))
    article.id = article_id(article.text)
    article.source.id = f"{article.source.id or 'sample'}-copy{k}"
    article.published = _shift(article.published, 7 * k)
    for event in article.events:
        event.date = _shift(event.date, 7 * k)
        event.date_end = _shift(event.date_end, 7 * k)
    article.check()
    return article


def build_store(db: Path, articles: int, gwn: Path) -> dict:
    """Fill `db` with `articles` articles (see the module's docstring); figures of the build."""
    from eventwire.settings import Settings
    from eventwire.store import Store

    started = time.perf_counter()
    bases = base_articles(gwn)
    extracted = time.perf_counter() - started
    started = time.perf_counter()
    with Store.open(db, Settings()) as store:
        k = 0
        while store.count_articles() < articles:
            for doc in bases:
                if store.count_articles() >= articles:
                    break
                store.ingest(variation(doc, k))
            k += 1
        counts = store.count_articles(), store.count_events()
    return {
        "bases": len(bases),
        "extract_s": extracted,
        "ingest_s": time.perf_counter() - started,
        "articles": counts[0],
        "events": counts[1],
    }


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


@dataclass
class Result:
    """One endpoint's run under load."""

    name: str
    path: str
    requests: int
    errors: int
    seconds: float
    latencies_ms: list[float]

    @property
    def rate(self) -> float:
        return self.requests / self.seconds

    def percentile(self, p: float) -> float:
        ordered = sorted(self.latencies_ms)
        return ordered[min(len(ordered) - 1, round(p / 100 * (len(ordered) - 1)))]


async def hammer(base: str, name: str, path: str, requests: int, concurrency: int) -> Result:
    """Send `requests` GETs of `path` from `concurrency` workers; latencies and errors."""
    latencies: list[float] = []
    errors = 0
    queue = iter(range(requests))
    limits = httpx.Limits(max_connections=concurrency, max_keepalive_connections=concurrency)
    async with httpx.AsyncClient(base_url=base, timeout=60, limits=limits) as client:
        for _ in range(20):  # warm-up: caches, connections
            await client.get(path)

        async def worker() -> None:
            nonlocal errors
            for _ in queue:
                t = time.perf_counter()
                try:
                    r = await client.get(path)
                    ok = r.status_code == 200 and r.headers["content-type"].startswith("application/json")
                except httpx.HTTPError:
                    ok = False
                latencies.append((time.perf_counter() - t) * 1000)
                errors += not ok

        started = time.perf_counter()
        await asyncio.gather(*(worker() for _ in range(concurrency)))
        seconds = time.perf_counter() - started
    return Result(name, path, requests, errors, seconds, latencies)


def serve(db: Path) -> tuple[subprocess.Popen, str]:
    """`eventwire serve` over `db` on a free port of 127.0.0.1, once it answers."""
    port = _free_port()
    env = {k: v for k, v in os.environ.items() if k != "EVENTWIRE_API_TOKEN"}
    cmd = [EVENTWIRE, "serve", "--db", str(db), "--host", "127.0.0.1", "--port", str(port)]
    proc = subprocess.Popen(cmd, env=env, stderr=subprocess.DEVNULL)
    base = f"http://127.0.0.1:{port}"
    for _ in range(600):
        try:
            httpx.get(f"{base}/stats", timeout=1)
            return proc, base
        except httpx.TransportError:
            time.sleep(0.1)
    proc.terminate()
    raise SystemExit("eventwire serve did not start")


def table(results: list[Result]) -> str:
    lines = ["| endpoint | requests | errors | requests/s | p50 ms | p99 ms |", "|---|---|---|---|---|---|"]
    for r in results:
        lines.append(
            f"| {r.name} (`{r.path}`) | {r.requests} | {r.errors} | {r.rate:.0f} | "
            f"{r.percentile(50):.1f} | {r.percentile(99):.1f} |"
        )
    return "\n".join(lines)


def write_entry(text: str) -> None:
    """Append one run's entry to BENCHMARKS.md's "## API load" section (made when missing)."""
    path = ROOT / "BENCHMARKS.md"
    old = path.read_text("utf-8")
    section = re.search(r"## API load\n.*?(?=\n## |\Z)", old, re.S)
    if section:
        new = old[: section.end()].rstrip("\n") + "\n\n" + text.rstrip("\n") + "\n" + old[section.end() :]
    else:
        new = old.rstrip() + "\n\n## API load\n\n" + text
    path.write_text(new, "utf-8")


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--articles", type=int, default=10_000)
    ap.add_argument("--requests", type=int, default=2000, help="requests per endpoint")
    ap.add_argument("--concurrency", type=int, default=16)
    ap.add_argument("--db", type=Path, default=ROOT / "test-artifacts" / "load-api.db")
    ap.add_argument("--gwn", type=Path, default=GWN)
    ap.add_argument("--write", action="store_true", help="write the figures to BENCHMARKS.md")
    args = ap.parse_args()

    figures = Path(f"{args.db}.build.json")  # the build's figures, kept for runs that reuse the store
    built = json.loads(figures.read_text("utf-8")) if args.db.exists() and figures.exists() else None
    if not args.db.exists():
        args.db.parent.mkdir(parents=True, exist_ok=True)
        built = build_store(args.db, args.articles, args.gwn)
        figures.write_text(json.dumps(built), "utf-8")
        print(f"store built: {built}", file=sys.stderr)
    else:
        from eventwire.settings import Settings
        from eventwire.store import Store

        Store.open(args.db, Settings()).close()  # migrates an older store
    proc, base = serve(args.db)
    load_before = os.getloadavg()[0]
    try:
        stats = httpx.get(f"{base}/stats", timeout=30).json()
        results = []
        for name, path in ENDPOINTS:
            results.append(asyncio.run(hammer(base, name, path, args.requests, args.concurrency)))
            r = results[-1]
            print(
                f"{name}: {r.rate:.0f} req/s, p99 {r.percentile(99):.1f} ms, {r.errors} errors",
                file=sys.stderr,
            )
    finally:
        proc.terminate()
        proc.wait(10)
    load_after = os.getloadavg()[0]
    commit = subprocess.run(["git", "rev-parse", "--short", "HEAD"], capture_output=True, text=True, cwd=ROOT)
    cpu = next(
        (
            line.split(":", 1)[1].strip()
            for line in Path("/proc/cpuinfo").read_text().splitlines()
            if line.startswith("model name")
        ),
        platform.processor(),
    )
    now = dt.datetime.now(dt.UTC).strftime("%Y-%m-%d %H:%M UTC")
    build = (
        f"Store: {built['articles']} articles, {built['events']} events, from {built['bases']} bases "
        f"with events (pipeline {built['extract_s']:.0f} s, ingest with merging {built['ingest_s']:.0f} s)."
        if built
        else f"Store: {args.db.name}, reused."
    )
    entry = f"""### {now}, commit {commit.stdout.strip()}

Command: `.venv/bin/python benchmarks/load_api.py --articles {args.articles} --requests {args.requests} \
--concurrency {args.concurrency} --write`; {now}; commit {commit.stdout.strip()}; Python \
{platform.python_version()}; {os.cpu_count()} CPUs ({cpu}); server and client on the same machine \
(127.0.0.1), one uvicorn process as `eventwire serve` runs it; load average (1 min) {load_before:.1f} before \
the load, {load_after:.1f} after.

{build} Served: {stats["counts"]["articles"]} articles, {stats["counts"]["events"]} events. How the store is \
made, and how the load runs: see the docstring of `benchmarks/load_api.py`.

{table(results)}

Errors in all: {sum(r.errors for r in results)} of {sum(r.requests for r in results)} requests.
"""
    print(entry)
    if args.write:
        write_entry(entry)
    return 1 if any(r.errors for r in results) else 0


if __name__ == "__main__":
    sys.exit(main())

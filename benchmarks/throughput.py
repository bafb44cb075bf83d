"""Throughput: bare spaCy `nlp.pipe` against the whole pipeline (`eventwire run`) with 1 and 2 workers.

Usage:
    .venv/bin/python benchmarks/throughput.py --articles 500 [--gwn GWN.xml] [--base REV] [--write]

The corpus is the repository's samples and GeoWebNews's 200 articles, repeated to N articles and written
as one JSON Lines file. Each repeat ends with a paragraph of its own ("Copy 3."), so that every record is a
new article which the whole pipeline processes (a raw article read before is a duplicate that `eventwire
run` does not process again); `--identical` writes the repeats unchanged instead, to measure that skip.
Each measure runs in its own process, whose tree is sampled for memory:

- bare spaCy: `en_core_web_sm` (all components) loaded and run with `nlp.pipe` over the cleaned texts
  (the clean stage's output, paragraphs joined as the pipeline sees them), in one process;
- ours: `run_local` from the JSONL file into a fresh store, 1 worker (in-process) and 2 worker processes.

With `--base REV`, each `eventwire run` measure is taken twice, with REV's package (checked out into a
temporary git worktree, first on `PYTHONPATH`, with a gazetteer cache of its own) and with this checkout's,
one right after the other, so that a change is compared with what came before on the same machine in one
run. Each version's gazetteer cache is built before the measures, untimed.

Times include loading the model (and, for ours, reading, cleaning and storing). Tokens are the bare
run's token count, so tokens per second compare the same text. `--write` appends the figures to
BENCHMARKS.md under "## Throughput".
"""

from __future__ import annotations

import argparse
import json
import os
import platform
import subprocess
import sys
import tempfile
import threading
import time
import xml.etree.ElementTree as ET
from datetime import UTC, datetime
from pathlib import Path

import psutil

ROOT = Path(__file__).resolve().parents[1]
SHARED = ROOT.parent / "shared"


def corpus_records(gwn: Path) -> list[dict]:
    """The samples (through the readers) and GeoWebNews's articles as JSONL records."""
    from eventwire.read import read_inputs
    from eventwire.settings import Settings

    records = []
    for outcome in read_inputs([str(ROOT / "samples")], Settings(), published="2023-05-20"):
        raw = outcome.item
        records.append({"title": raw.title, "text": raw.text, "published": raw.published})
    for article in ET.parse(gwn).getroot().iter("article"):
        text = (article.findtext("text") or "").strip()
        title = (article.findtext("title") or "").strip() or None
        records.append({"title": title, "text": text, "published": "2018-01-15"})
    return records


def write_corpus(base: list[dict], n: int, path: Path, identical: bool = False) -> None:
    """N records, the `base` records repeated (each repeat marked as a copy unless `identical`), one JSON
    object a line."""
    with open(path, "w", encoding="utf-8") as out:
        for i in range(n):
            record, copy = dict(base[i % len(base)]), i // len(base)
            if copy and not identical:
                record["text"] = f"{record['text'].rstrip()}\n\nCopy {copy}.\n"
            out.write(json.dumps({"id": f"r{i}", **record}, ensure_ascii=False) + "\n")


def measure_bare(corpus: Path) -> dict:
    """Clean every record (untimed), then load spaCy and `nlp.pipe` the cleaned texts (timed)."""
    from eventwire.clean import clean_steps
    from eventwire.knowledge import load_knowledge
    from eventwire.language.nlp import MODEL
    from eventwire.pipeline import Pipeline
    from eventwire.read import read_inputs
    from eventwire.settings import Settings

    clean = Pipeline(clean_steps(Settings(), load_knowledge()))
    texts = [
        o.item.text
        for o in clean.run_many(o.item for o in read_inputs([str(corpus)], Settings()) if o.ok)
        if o.ok
    ]
    import importlib

    started = time.perf_counter()
    nlp = importlib.import_module(MODEL).load()
    tokens = sum(len(doc) for doc in nlp.pipe(texts, batch_size=64))
    return {"articles": len(texts), "tokens": tokens, "seconds": time.perf_counter() - started}


def measure_ours(corpus: Path, workers: int, db: Path) -> dict:
    """`run_local` over the corpus into a fresh store (timed from before the model loads)."""
    from eventwire.run.local import run_local
    from eventwire.settings import Settings
    from eventwire.store import Store

    settings = Settings.from_env()
    with Store.open(db, settings) as store:
        started = time.perf_counter()
        summary = run_local([str(corpus)], settings, store, workers=workers)
        seconds = time.perf_counter() - started
    return {"articles": summary.read, "failed": summary.failed, "seconds": seconds}


def _env(src: Path | None) -> dict[str, str] | None:
    """The environment of a measure with the package in `src`: it first on `PYTHONPATH`, and a gazetteer
    cache of its own beside it (a version keeps only its own cache, so two would rebuild each other's)."""
    if src is None:
        return None
    return {**os.environ, "PYTHONPATH": str(src), "EVENTWIRE_CACHE": str(src.parent / "cache")}


def warm_gazetteer(src: Path | None, folder: Path) -> None:
    """Build (or check) the gazetteer cache of the package in `src`, untimed, so no measure builds it:
    extract one short article with it."""
    article = folder / "warm.txt"
    article.write_text("Police in Lagos arrested six protesters on Monday.\n", encoding="utf-8")
    code = "import sys; from eventwire.cli import main; sys.exit(main())"
    subprocess.run(
        [sys.executable, "-c", code, "extract", str(article)],
        env=_env(src),
        check=True,
        stdout=subprocess.DEVNULL,
    )


def run_measure(args: list[str], src: Path | None = None) -> tuple[dict, list[float]]:
    """Run this script's `--measure` in a child process (with the package in `src` when given); its
    result and the peak RSS (MiB) of each process in its tree, sampled every 0.1 s."""
    proc = subprocess.Popen(
        [sys.executable, __file__, *args], stdout=subprocess.PIPE, text=True, env=_env(src)
    )
    peaks: dict[int, float] = {}
    done = threading.Event()

    def sample() -> None:
        root = psutil.Process(proc.pid)
        while not done.is_set():
            try:
                for p in [root, *root.children(recursive=True)]:
                    rss = p.memory_info().rss / 2**20
                    peaks[p.pid] = max(peaks.get(p.pid, 0.0), rss)
            except psutil.Error:
                pass
            time.sleep(0.1)

    sampler = threading.Thread(target=sample, daemon=True)
    sampler.start()
    out, _ = proc.communicate()
    done.set()
    sampler.join()
    if proc.returncode != 0:
        raise SystemExit(f"measure {args} failed with status {proc.returncode}")
    return json.loads(out.strip().splitlines()[-1]), sorted(peaks.values(), reverse=True)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--articles", type=int, default=500, help="corpus size N")
    parser.add_argument("--gwn", type=Path, default=SHARED / "data" / "geo" / "GWN.xml")
    parser.add_argument("--identical", action="store_true", help="repeat the corpus's records unchanged")
    parser.add_argument("--write", action="store_true", help="append the figures to BENCHMARKS.md")
    parser.add_argument("--base", help="also measure `eventwire run` at this git revision, interleaved")
    parser.add_argument("--measure", choices=["bare", "ours"], help=argparse.SUPPRESS)
    parser.add_argument("--corpus", type=Path, help=argparse.SUPPRESS)
    parser.add_argument("--workers", type=int, default=1, help=argparse.SUPPRESS)
    parser.add_argument("--db", type=Path, help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.measure == "bare":
        print(json.dumps(measure_bare(args.corpus)))
        return
    if args.measure == "ours":
        print(json.dumps(measure_ours(args.corpus, args.workers, args.db)))
        return

    with tempfile.TemporaryDirectory() as tmp:
        corpus = Path(tmp) / "corpus.jsonl"
        write_corpus(corpus_records(args.gwn), args.articles, corpus, args.identical)
        bare, bare_rss = run_measure(["--measure", "bare", "--corpus", str(corpus)])
        rows = [("bare spaCy nlp.pipe (en_core_web_sm, 1 process)", bare, bare_rss[:1])]
        base = Path(tmp) / "base"
        if args.base:
            subprocess.run(
                ["git", "-C", str(ROOT), "worktree", "add", "-q", "--detach", str(base), args.base]
            )
        try:
            for src in [base / "src"] if args.base else []:
                warm_gazetteer(src, Path(tmp))
            warm_gazetteer(None, Path(tmp))
            for workers in (1, 2):
                versions = [(f" (base {args.base})", base / "src")] if args.base else []
                for label, src in [*versions, ("", None)]:
                    db = Path(tmp) / f"w{workers}{'base' if src else ''}.db"
                    cmd = ["--measure", "ours", "--corpus", str(corpus), "--workers", str(workers)]
                    ours, rss = run_measure([*cmd, "--db", str(db)], src)
                    # With workers, the parent reads and writes; the workers are the largest processes.
                    per_worker = rss[:workers] if workers > 1 else rss[:1]
                    rows.append(
                        (f"eventwire run, {workers} worker{'s' * (workers > 1)}{label}", ours, per_worker)
                    )
        finally:
            if args.base:
                subprocess.run(["git", "-C", str(ROOT), "worktree", "remove", "--force", str(base)])
    report(args, bare, rows)


def report(args: argparse.Namespace, bare: dict, rows: list[tuple[str, dict, list[float]]]) -> None:
    """Print the table and, with --write, append it to BENCHMARKS.md."""
    base_rate = bare["articles"] / bare["seconds"]
    lines = [
        "| run | articles | seconds | articles/s | tokens/s | peak RSS per worker (MiB) | ours / bare |",
        "|---|---|---|---|---|---|---|",
    ]
    for name, m, rss in rows:
        rate = m["articles"] / m["seconds"]
        ratio = "1.00 (baseline)" if m is bare else f"{rate / base_rate:.2f}"
        lines.append(
            f"| {name} | {m['articles']} | {m['seconds']:.1f} | {rate:.2f} | "
            f"{bare['tokens'] / m['seconds']:,.0f} | {', '.join(f'{r:.0f}' for r in rss)} | {ratio} |"
        )
    machine = (
        f"{platform.python_version()}, {os.cpu_count()} cores, "
        f"{psutil.virtual_memory().total / 2**30:.0f} GiB, {platform.system()} {platform.machine()}"
    )
    head = (
        f"Command: `python benchmarks/throughput.py --articles {args.articles}"
        f"{' --identical' if args.identical else ''}{f' --base {args.base}' if args.base else ''} --write`; "
        f"{revision()}; "
        f"Python {machine}; {bare['tokens']:,} tokens."
    )
    publish(head, lines, args.write)


def revision() -> str:
    """The time now (UTC) and the checkout's commit, for the heading of a set of figures."""
    commit = subprocess.run(
        ["git", "rev-parse", "--short", "HEAD"], cwd=ROOT, capture_output=True, text=True
    ).stdout.strip()
    return f"{datetime.now(UTC):%Y-%m-%d %H:%M UTC}; commit {commit}"


def publish(head: str, lines: list[str], write: bool) -> None:
    """Print a heading and its table; with `write`, append them to BENCHMARKS.md under "## Throughput"."""
    table = "\n".join([head, "", *lines])
    print(table)
    if write:
        append_section(ROOT / "BENCHMARKS.md", "## Throughput (benchmarks/throughput.py)", table)


def append_section(path: Path, heading: str, block: str) -> None:
    """Add `block` at the end of the section under `heading` (made at the end of the file if absent)."""
    text = path.read_text(encoding="utf-8").rstrip("\n") + "\n"
    if heading not in text:
        text += f"\n{heading}\n"
    start = text.index(heading) + len(heading)
    following = text.find("\n## ", start)
    end = len(text) if following < 0 else following + 1
    text = text[:end].rstrip("\n") + "\n\n" + block + "\n" + ("\n" + text[end:] if text[end:] else "")
    path.write_text(text, encoding="utf-8")


if __name__ == "__main__":
    main()

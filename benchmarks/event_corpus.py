"""The event corpus's data card figures: records and distinct trigger lemmas per class, splits, variety,
and near-duplicates.

Usage:
    .venv/bin/python benchmarks/event_corpus.py [--threshold 85] [--list]

Near-duplicates: every pair of records is compared with rapidfuzz's `token_sort_ratio` (0-100) on
lowercased text; a pair at or over the threshold is a near-duplicate. The figures give the count of such
pairs in the corpus and across splits (train against dev and test), and each record's nearest
neighbour's score (median and 99th percentile).
"""

from __future__ import annotations

import argparse
import sys
from collections import Counter, defaultdict
from pathlib import Path

import numpy as np
from rapidfuzz import fuzz, process

from eventwire.eventtypes import corpus
from eventwire.eventtypes.features import parse
from eventwire.eventtypes.train import split_of
from eventwire.settings import Settings

ROOT = Path(__file__).resolve().parents[1]


def trigger_lemmas(records: list[corpus.Record]) -> dict[str, set[str]]:
    """Distinct trigger lemmas (the lemma of the trigger phrase's syntactic head) per class."""
    spans = [(r, e) for r in records for e in r.events]
    docs = parse([e.trigger.text for _, e in spans], Settings().parse_memo_entries)
    out: dict[str, set[str]] = defaultdict(set)
    for (_, e), doc in zip(spans, docs, strict=True):
        lemma = doc[:].root.lemma_.lower()
        out[e.plover].add(lemma)
        if e.acled and e.status in corpus.CODED_STATUSES:
            out[e.acled].add(lemma)
    return out


def near_duplicates(texts: list[str], threshold: float) -> tuple[list[tuple[int, int, float]], np.ndarray]:
    """Pairs (i < j) at or over the threshold, and each text's best score against any other."""
    lowered = [t.lower() for t in texts]
    scores = process.cdist(lowered, lowered, scorer=fuzz.token_sort_ratio, dtype=np.uint8, workers=2)
    np.fill_diagonal(scores, 0)
    i, j = np.nonzero(np.triu(scores >= threshold, 1))
    return [(int(a), int(b), float(scores[a, b])) for a, b in zip(i, j, strict=True)], scores.max(axis=1)


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--threshold", type=float, default=85.0)
    ap.add_argument("--list", action="store_true", help="print the near-duplicate pairs")
    a = ap.parse_args()
    records = corpus.read(corpus.files(ROOT / "data" / "events"))
    acled_counts, plover_counts = corpus.class_counts(records)
    lemmas = trigger_lemmas(records)
    print(f"{len(records)} records; splits {dict(Counter(split_of(r.id) for r in records))}")
    negatives = [r for r in records if r.acled_label == corpus.NONE]
    notes = Counter(r.note.split(":")[0] for r in negatives)
    print(
        f"negatives (no ACLED-coded event): {len(negatives)}; "
        f"no event at all: {sum(not r.events for r in records)}; notes {dict(notes)}"
    )
    countries = len({r.country for r in records if r.country})
    print(f"countries {countries}; genres {dict(Counter(r.genre for r in records))}")
    print(
        f"statuses {dict(Counter(e.status for r in records for e in r.events))}; "
        f"records with two or more events {sum(len(r.events) > 1 for r in records)}"
    )
    print("\n| class | records | distinct trigger lemmas |\n|---|---|---|")
    for sub in corpus.acled_sub_event_types():
        print(f"| ACLED {sub} | {acled_counts[sub]} | {len(lemmas[sub])} |")
    for t in sorted(plover_counts):
        if t != corpus.NONE:
            print(f"| PLOVER {t} | {plover_counts[t]} | {len(lemmas[t])} |")
    pairs, best = near_duplicates([r.text for r in records], a.threshold)
    cross = [(i, j, s) for i, j, s in pairs if split_of(records[i].id) != split_of(records[j].id)]
    print(
        f"\nnear-duplicate pairs (token_sort_ratio >= {a.threshold:.0f}): {len(pairs)}, "
        "of them across splits "
        f"{len(cross)}; nearest-neighbour score median {np.median(best):.0f}, 99th percentile "
        f"{np.percentile(best, 99):.0f}, max {best.max():.0f}"
    )
    if a.list:
        for i, j, s in pairs:
            print(f"{s:.0f}\t{records[i].id}\t{records[j].id}\n\t{records[i].text}\n\t{records[j].text}")
    return 0


if __name__ == "__main__":
    sys.exit(main())

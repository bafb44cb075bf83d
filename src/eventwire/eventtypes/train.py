"""Train the event-type model from the annotated corpus and write the shipped weights (`make train`).

    python -m eventwire.eventtypes.train [--corpus data/events] [--out src/eventwire/eventtypes/weights]
        [--dense none|tensor|minilm-int8|e5-small-q4] [--c C | --search]

Fixed splits (a hash of each record's id: 80% train, 10% dev, 10% test); the model is fit on train, its
regularization and calibration chosen on dev. The test split is not read here. Needs scikit-learn
(`pip install -e '.[train]'`).
"""

from __future__ import annotations

import argparse
import hashlib
import json
import sys
import time
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

import numpy as np
from scipy import sparse

from eventwire.eventtypes import corpus as corpus_files
from eventwire.eventtypes.corpus import NONE, Record
from eventwire.eventtypes.encoder import encoder
from eventwire.eventtypes.features import VERSION as FEATURES
from eventwire.eventtypes.features import Vocabulary, parse, sentence_features, tensor_mean
from eventwire.eventtypes.metrics import Scores, multi_label, single_label
from eventwire.eventtypes.model import ACLED, ARRAYS, CARD, PLOVER, EventTypeModel, weights_folder
from eventwire.knowledge import plover
from eventwire.settings import Settings

SEED = 13
SPLITS = (("train", 8), ("dev", 1), ("test", 1))
"""Split names and their share in tenths, in hash order."""
MIN_DF = 2
C = 128.0
"""Inverse regularization of the logistic regressions: the best on dev of `C_GRID` (`--search`)."""
C_GRID = (32.0, 64.0, 128.0)
THRESHOLDS = (0.1, 0.15, 0.2, 0.25, 0.3, 0.35, 0.4, 0.45, 0.5, 0.55, 0.6)
"""PLOVER decision thresholds tried for each type (`type_thresholds`; kept in the card)."""
FOLDS = 4
"""Folds of the training split whose out-of-fold predictions choose the PLOVER thresholds."""
TEMPERATURES = tuple(round(0.4 + 0.1 * i, 1) for i in range(27))


def split_of(record_id: str) -> str:
    """The record's fixed split, from a hash of its id."""
    tenth = int(hashlib.blake2b(record_id.encode(), digest_size=4).hexdigest(), 16) % 10
    for name, share in SPLITS:
        if tenth < share:
            return name
        tenth -= share
    raise AssertionError("splits cover ten tenths")


def splits(records: Sequence[Record]) -> dict[str, list[Record]]:
    """The records of each split."""
    out: dict[str, list[Record]] = {name: [] for name, _ in SPLITS}
    for r in records:
        out[split_of(r.id)].append(r)
    return out


@dataclass
class Inputs:
    """A split's model inputs: feature strings and dense vectors per record, and its labels."""

    features: list[list[str]]
    dense: np.ndarray
    plover: list[frozenset[str]]
    acled: list[str]


def inputs(records: Sequence[Record], dense: str | None, settings: Settings) -> Inputs:
    """Parse the records' texts as the pipeline does and read their features."""
    docs = parse([r.text for r in records], settings.parse_memo_entries)
    features = [sentence_features(d[:]) for d in docs]
    if dense is None:
        vectors = np.zeros((len(records), 0), dtype=np.float32)
    elif dense == "tensor":
        vectors = np.stack([tensor_mean(d[:]) for d in docs])
    else:
        vectors = encoder(dense).encode([r.text for r in records])
    return Inputs(features, vectors, [r.plover_labels for r in records], [r.acled_label for r in records])


def design(vocab: Vocabulary, data: Inputs, mean: np.ndarray, scale: np.ndarray) -> sparse.csr_matrix:
    """The matrix the regressions read: normalized binary features, then standardized dense columns."""
    rows, cols, vals = [], [], []
    for row, names in enumerate(data.features):
        found = vocab.columns(names)
        rows += [row] * len(found)
        cols += found
        vals += [1.0 / np.sqrt(len(found))] * len(found) if found else []
    x = sparse.csr_matrix((vals, (rows, cols)), shape=(len(data.features), len(vocab)), dtype=np.float32)
    if data.dense.shape[1] == 0:
        return x
    return sparse.hstack([x, sparse.csr_matrix((data.dense - mean) / scale)], format="csr")


def label_names(acled_types: Sequence[str]) -> dict[str, list[str]]:
    """The two heads' labels: PLOVER's 16 types; ACLED's 25 sub-event types and "none"."""
    return {PLOVER: list(plover.types()), ACLED: [*acled_types, NONE]}


def targets(data: Inputs, labels: dict[str, list[str]]) -> tuple[np.ndarray, np.ndarray]:
    """PLOVER: 0/1 per record and type; ACLED: the label's number per record."""
    y = np.array([[t in types for t in labels[PLOVER]] for types in data.plover], dtype=np.int8)
    return y.reshape(len(data.plover), len(labels[PLOVER])), np.array(
        [labels[ACLED].index(sub) for sub in data.acled], dtype=np.int64
    )


def fit_plover(x: sparse.csr_matrix, y: np.ndarray, c: float) -> tuple[np.ndarray, np.ndarray]:
    """One logistic regression per PLOVER type: weights (columns × types) and bias per type."""
    from sklearn.linear_model import LogisticRegression

    w = np.zeros((x.shape[1], y.shape[1]), dtype=np.float32)
    b = np.full(y.shape[1], -10.0, dtype=np.float32)
    for col in range(y.shape[1]):
        if y[:, col].sum() == 0:
            continue
        lr = LogisticRegression(C=c, solver="liblinear", random_state=SEED, max_iter=500)
        lr.fit(x, y[:, col])
        w[:, col], b[col] = lr.coef_[0], lr.intercept_[0]
    return w, b


def fit(
    x: sparse.csr_matrix, y: np.ndarray, classes: np.ndarray, n_classes: int, c: float
) -> tuple[np.ndarray, np.ndarray]:
    """PLOVER: one logistic regression per type; ACLED: one multinomial regression. Returns the weights
    (columns × labels, PLOVER labels then ACLED labels) and the bias per label."""
    from sklearn.linear_model import LogisticRegression

    w_plover, b_plover = fit_plover(x, y, c)
    w = np.zeros((x.shape[1], n_classes), dtype=np.float32)
    b = np.full(n_classes, -10.0, dtype=np.float32)
    lr = LogisticRegression(C=c, solver="lbfgs", random_state=SEED, max_iter=2000)
    lr.fit(x, classes)
    for row, label in enumerate(lr.classes_):
        w[:, label], b[label] = lr.coef_[row], lr.intercept_[row]
    return np.hstack([w_plover, w]), np.concatenate([b_plover, b])


def _f1(predicted: np.ndarray, gold: np.ndarray) -> float:
    tp = int((predicted & gold).sum())
    return 2 * tp / (2 * tp + int((predicted & ~gold).sum()) + int((~predicted & gold).sum())) if tp else 0.0


def type_thresholds(x: sparse.csr_matrix, y: np.ndarray, c: float, temperature: float) -> list[float]:
    """Each PLOVER type's threshold: the one of `THRESHOLDS` with the best F1 on out-of-fold predictions
    of the training split (`FOLDS` folds, in record order). Chosen on dev, per-type thresholds did not
    carry from one half of dev to the other (too few examples a type); out of fold, they did."""
    fold = np.arange(x.shape[0]) % FOLDS
    probs = np.zeros(y.shape, dtype=np.float32)
    for k in range(FOLDS):
        w, b = fit_plover(x[fold != k], y[fold != k], c)
        probs[fold == k] = 1.0 / (1.0 + np.exp(-(x[fold == k] @ w + b) / temperature))
    gold = y.astype(bool)
    return [max(THRESHOLDS, key=lambda t, j=j: _f1(probs[:, j] >= t, gold[:, j])) for j in range(y.shape[1])]


def decide(
    probs: dict[str, np.ndarray], labels: dict[str, list[str]], thresholds: Sequence[float]
) -> tuple[list[frozenset[str]], list[str]]:
    """PLOVER: every type at or over its threshold; ACLED: the most probable type."""
    types = [
        frozenset(t for t, p, at in zip(labels[PLOVER], row, thresholds, strict=True) if p >= at)
        for row in probs[PLOVER]
    ]
    subs = [labels[ACLED][int(row.argmax())] for row in probs[ACLED]]
    return types, subs


def score(model: EventTypeModel, data: Inputs) -> dict[str, Scores]:
    """Both heads' scores on a split, at the model's thresholds."""
    logits = model.scores(data.features, model.standardize(data.dense))
    thresholds = [model.plover_thresholds[t] for t in model.labels[PLOVER]]
    types, subs = decide(model.probabilities(logits), model.labels, thresholds)
    return {
        PLOVER: multi_label(data.plover, types, model.labels[PLOVER]),
        ACLED: single_label(data.acled, subs, model.labels[ACLED]),
    }


def _log_loss(probs: np.ndarray, y: np.ndarray) -> float:
    p = np.clip(probs, 1e-6, 1 - 1e-6)
    if y.ndim == 1:
        return float(-np.log(p[np.arange(len(y)), y]).mean())
    return float(-(y * np.log(p) + (1 - y) * np.log(1 - p)).mean())


def _temperature(model: EventTypeModel, logits: np.ndarray, head: str, y: np.ndarray) -> float:
    """The temperature of a head that minimizes the dev log-loss."""
    best, best_loss = 1.0, float("inf")
    for t in TEMPERATURES:
        loss = _log_loss(model.probabilities(logits, {**model.temperature, head: t})[head], y)
        if loss < best_loss:
            best, best_loss = t, loss
    return best


def build(
    train: Inputs, dev: Inputs, labels: dict[str, list[str]], dense: str | None, c: float, version: str
) -> EventTypeModel:
    """Fit on train, calibrate on dev, and return the model."""
    counts: dict[str, int] = {}
    for names in train.features:
        for f in names:
            counts[f] = counts.get(f, 0) + 1
    vocab = Vocabulary(sorted(f for f, n in counts.items() if n >= MIN_DF))
    if train.dense.shape[1]:
        mean = train.dense.mean(axis=0)
        scale = train.dense.std(axis=0) + 1e-6
    else:
        mean = scale = np.zeros(0, dtype=np.float32)
    x = design(vocab, train, mean, scale)
    y, classes = targets(train, labels)
    w, b = fit(x, y, classes, len(labels[ACLED]), c)
    n_sparse = len(vocab)
    arrays = {
        "sparse": w[:n_sparse].astype(np.float16),
        "dense": w[n_sparse:],
        "dense_mean": mean.astype(np.float32),
        "dense_scale": scale.astype(np.float32),
        "bias": b,
    }
    card = {
        "version": version,
        "labels": labels,
        "dense": dense,
        "features": vocab.names,
        "c": c,
        "temperature": {PLOVER: 1.0, ACLED: 1.0},
    }
    model = EventTypeModel(card, arrays)
    logits = model.scores(dev.features, model.standardize(dev.dense))
    y, classes = targets(dev, labels)
    card["temperature"] = {
        PLOVER: _temperature(model, logits, PLOVER, y),
        ACLED: _temperature(model, logits, ACLED, classes),
    }
    y = targets(train, labels)[0]
    found = type_thresholds(x, y, c, card["temperature"][PLOVER])
    card["plover_thresholds"] = dict(zip(labels[PLOVER], found, strict=True))
    return EventTypeModel(card, arrays)


def corpus_version(paths: Sequence[Path]) -> str:
    """A short hash of the corpus files' bytes."""
    h = hashlib.blake2b(digest_size=6)
    for p in paths:
        h.update(p.read_bytes())
    return h.hexdigest()


def write(model: EventTypeModel, out: Path, extra: dict) -> None:
    """Write the weights and the card."""
    out.mkdir(parents=True, exist_ok=True)
    np.savez_compressed(out / ARRAYS, **model.arrays)
    (out / CARD).write_text(
        json.dumps({**model.card, **extra}, ensure_ascii=False, indent=0) + "\n", encoding="utf-8"
    )


def main(argv: list[str]) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--corpus", type=Path, default=Path("data/events"))
    ap.add_argument("--out", type=Path, default=weights_folder())
    ap.add_argument("--dense", default="none", help="tensor, minilm-int8, e5-small-q4 or none")
    ap.add_argument("--c", type=float, default=C, help=f"inverse regularization (default {C})")
    ap.add_argument("--search", action="store_true", help=f"try C in {C_GRID} and keep the best on dev")
    args = ap.parse_args(argv)
    np.random.seed(SEED)
    settings = Settings.from_env()
    paths = corpus_files.files(args.corpus)
    records = corpus_files.read(paths)
    parts = splits(records)
    dense = None if args.dense == "none" else args.dense
    start = time.perf_counter()
    labels = label_names(corpus_files.acled_sub_event_types())
    train, dev = inputs(parts["train"], dense, settings), inputs(parts["dev"], dense, settings)
    version = f"event_types.{corpus_version(paths)}.{dense or 'sparse'}.{FEATURES}"
    grid = list(C_GRID) if args.search else [args.c]
    best: tuple[float, float, EventTypeModel] | None = None
    for c in grid:
        model = build(train, dev, labels, dense, c, version)
        s = score(model, dev)
        joint = (s[PLOVER].macro_f1 + s[ACLED].macro_f1) / 2
        print(
            f"C={c}: dev PLOVER macro-F1 {s[PLOVER].macro_f1:.3f}, ACLED macro-F1 {s[ACLED].macro_f1:.3f}, "
            f"weighted {s[ACLED].weighted_f1:.3f}",
            file=sys.stderr,
        )
        if best is None or joint > best[0]:
            best = (joint, c, model)
    assert best is not None
    _, c, model = best
    s = score(model, dev)
    extra = {
        "seed": SEED,
        "records": {name: len(rs) for name, rs in parts.items()},
        "dev": {
            head: {
                "accuracy": round(x.accuracy, 4),
                "macro_f1": round(x.macro_f1, 4),
                "weighted_f1": round(x.weighted_f1, 4),
            }
            for head, x in s.items()
        },
        "seconds": round(time.perf_counter() - start, 1),
    }
    write(model, args.out, extra)
    print(f"wrote {args.out} (C={c}): {json.dumps(extra['dev'])}")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))

"""Scores of event typing: single-label (one ACLED sub-event type or "none" per sentence) and multi-label
(the set of PLOVER types a sentence reports)."""

from __future__ import annotations

from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass


@dataclass(frozen=True)
class ClassScore:
    """Precision, recall, F1 and support (gold count) of one class."""

    label: str
    precision: float
    recall: float
    f1: float
    support: int


@dataclass(frozen=True)
class Scores:
    """Accuracy (exact match), macro- and support-weighted F1, per-class scores and top confusions."""

    accuracy: float
    macro_f1: float
    weighted_f1: float
    classes: list[ClassScore]
    confusions: list[tuple[str, str, int]]


def _f1(tp: int, fp: int, fn: int) -> tuple[float, float, float]:
    p = tp / (tp + fp) if tp + fp else 0.0
    r = tp / (tp + fn) if tp + fn else 0.0
    return p, r, (2 * p * r / (p + r) if p + r else 0.0)


def _summary(
    labels: Sequence[str], counts: dict[str, list[int]], exact: float, confusions: Counter
) -> Scores:
    classes = []
    for label in labels:
        tp, fp, fn = counts[label]
        p, r, f = _f1(tp, fp, fn)
        classes.append(ClassScore(label, p, r, f, tp + fn))
    scored = [c for c in classes if c.support or c.precision]
    support = sum(c.support for c in classes)
    return Scores(
        accuracy=exact,
        macro_f1=sum(c.f1 for c in scored) / len(scored) if scored else 0.0,
        weighted_f1=sum(c.f1 * c.support for c in classes) / support if support else 0.0,
        classes=classes,
        confusions=[(g, p, n) for (g, p), n in confusions.most_common(10)],
    )


def single_label(gold: Sequence[str], predicted: Sequence[str], labels: Sequence[str]) -> Scores:
    """One label per item ("none" is a label like the others)."""
    counts = {label: [0, 0, 0] for label in labels}
    confusions: Counter[tuple[str, str]] = Counter()
    for g, p in zip(gold, predicted, strict=True):
        if g == p:
            counts[g][0] += 1
            continue
        counts[p][1] += 1
        counts[g][2] += 1
        confusions[(g, p)] += 1
    exact = sum(g == p for g, p in zip(gold, predicted, strict=True)) / len(gold) if gold else 0.0
    return _summary(labels, counts, exact, confusions)


def multi_label(
    gold: Sequence[frozenset[str]], predicted: Sequence[frozenset[str]], labels: Sequence[str]
) -> Scores:
    """A set of labels per item (empty for none); accuracy is the share of items whose sets match."""
    counts = {label: [0, 0, 0] for label in labels}
    confusions: Counter[tuple[str, str]] = Counter()
    for g, p in zip(gold, predicted, strict=True):
        for label in labels:
            counts[label][0] += label in g and label in p
            counts[label][1] += label in p and label not in g
            counts[label][2] += label in g and label not in p
        for missed in g - p:
            for wrong in (p - g) or {"none"}:
                confusions[(missed, wrong)] += 1
        if not g and p:
            for wrong in p:
                confusions[("none", wrong)] += 1
    exact = sum(g == p for g, p in zip(gold, predicted, strict=True)) / len(gold) if gold else 0.0
    return _summary(labels, counts, exact, confusions)

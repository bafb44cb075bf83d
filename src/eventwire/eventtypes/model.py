"""The event-type model: per sentence, the probability of each PLOVER type and each ACLED sub-event type.

Two heads of one-vs-rest logistic regressions over the sentence's parse features (`features.py`) and,
optionally, a dense sentence vector (spaCy's token vectors averaged, or a sentence encoder). Weights
ship in the package (`weights/`), are built by `make train` from `data/events/`, and load once per
process. Probabilities are temperature-calibrated on the corpus's dev split.
"""

from __future__ import annotations

import json
from collections.abc import Sequence
from dataclasses import dataclass
from functools import cache
from importlib import resources
from pathlib import Path

import numpy as np
from spacy.tokens import Span

from eventwire.errors import EventwireError
from eventwire.eventtypes.encoder import encoder
from eventwire.eventtypes.features import Vocabulary, sentence_features, tensor_mean

WEIGHTS = "weights"
ARRAYS = "event_types.npz"
CARD = "event_types.json"
PLOVER, ACLED = "plover", "acled"


@dataclass(frozen=True)
class SentenceTypes:
    """What the model reads in one sentence: probability per PLOVER type and per ACLED sub-event type."""

    plover: dict[str, float]
    acled: dict[str, float]

    def best(self, head: str) -> tuple[str | None, float]:
        """The most probable label of a head and its probability (None when the head is empty)."""
        probs = self.plover if head == PLOVER else self.acled
        if not probs:
            return None, 0.0
        label = max(probs, key=probs.__getitem__)
        return label, probs[label]


class EventTypeModel:
    """Loaded weights and the arithmetic to apply them."""

    def __init__(self, card: dict, arrays: dict[str, np.ndarray]) -> None:
        self.card = card
        self.version: str = card["version"]
        self.labels: dict[str, list[str]] = card["labels"]
        self.dense: str | None = card["dense"]
        self.vocabulary = Vocabulary(card["features"])
        self.arrays = arrays
        """The weights as stored (what `make train` writes)."""
        self._sparse = arrays["sparse"].astype(np.float32)
        self._dense_w = arrays["dense"].astype(np.float32)
        self._mean, self._scale = arrays["dense_mean"], arrays["dense_scale"]
        self._bias = arrays["bias"].astype(np.float32)
        self.temperature = {head: float(t) for head, t in card["temperature"].items()}
        """Each head's calibration temperature (fit on the dev split)."""
        self.plover_thresholds: dict[str, float] = {
            t: float(card.get("plover_thresholds", {}).get(t, 0.5)) for t in self.labels[PLOVER]
        }
        """The probability at which each PLOVER type counts as reported (chosen out of fold in training)."""
        n = len(self.labels[PLOVER])
        self._heads = {PLOVER: slice(0, n), ACLED: slice(n, n + len(self.labels[ACLED]))}

    def reported(self, read: SentenceTypes) -> frozenset[str]:
        """The PLOVER types a sentence reports: those at or over their thresholds."""
        return frozenset(t for t, p in read.plover.items() if p >= self.plover_thresholds[t])

    def dense_vectors(self, sentences: Sequence[Span]) -> np.ndarray:
        """The dense part of each sentence's input, standardized as in training."""
        if self.dense is None:
            raw = np.zeros((len(sentences), 0), dtype=np.float32)
        elif self.dense == "tensor":
            raw = np.stack([tensor_mean(s) for s in sentences])
        else:
            raw = encoder(self.dense).encode([s.text for s in sentences])
        return self.standardize(raw)

    def standardize(self, raw: np.ndarray) -> np.ndarray:
        """Dense vectors centred and scaled as the training split's were."""
        return ((raw - self._mean) / self._scale).astype(np.float32)

    def scores(self, features: Sequence[Sequence[str]], dense: np.ndarray) -> np.ndarray:
        """Logits, one row per sentence, PLOVER labels then ACLED labels."""
        out = np.tile(self._bias, (len(features), 1))
        for row, names in enumerate(features):
            cols = self.vocabulary.columns(names)
            if cols:
                out[row] += self._sparse[cols].sum(axis=0) / np.sqrt(len(cols))
        if dense.shape[1]:
            out += dense @ self._dense_w
        return out

    def probabilities(
        self, logits: np.ndarray, temperature: dict[str, float] | None = None
    ) -> dict[str, np.ndarray]:
        """Calibrated probabilities per head (at the model's temperatures unless others are given)."""
        t = temperature or self.temperature
        plover_logits = logits[:, self._heads[PLOVER]] / t[PLOVER]
        acled_logits = logits[:, self._heads[ACLED]] / t[ACLED]
        acled_logits = np.exp(acled_logits - acled_logits.max(axis=1, keepdims=True))
        return {
            PLOVER: 1.0 / (1.0 + np.exp(-plover_logits)),
            ACLED: acled_logits / acled_logits.sum(axis=1, keepdims=True),
        }

    def predict(self, sentences: Sequence[Span]) -> list[SentenceTypes]:
        """What each sentence reports, as probabilities."""
        if not sentences:
            return []
        probs = self.probabilities(
            self.scores([sentence_features(s) for s in sentences], self.dense_vectors(sentences))
        )
        return [
            SentenceTypes(
                plover=dict(zip(self.labels[PLOVER], map(float, probs[PLOVER][i]), strict=True)),
                acled=dict(zip(self.labels[ACLED], map(float, probs[ACLED][i]), strict=True)),
            )
            for i in range(len(sentences))
        ]


def weights_folder() -> Path:
    """Where the shipped weights live (inside the package)."""
    return Path(str(resources.files(__package__).joinpath(WEIGHTS)))


def read_model(folder: Path) -> EventTypeModel:
    """The model whose weights are in `folder`.

    Raises:
        EventwireError: EW402 when the weights are missing or unreadable; the message names `make train`.
    """
    try:
        card = json.loads((folder / CARD).read_text(encoding="utf-8"))
        with np.load(folder / ARRAYS) as data:
            arrays = {k: data[k] for k in data.files}
        return EventTypeModel(card, arrays)
    except (OSError, ValueError, KeyError) as exc:
        reason = (
            f"the event-type model's weights in {folder} are missing or unreadable ({exc}): run `make train`"
        )
        raise EventwireError("EW402", reason) from None


@cache
def load_model() -> EventTypeModel:
    """The shipped model, loaded once per process."""
    return read_model(weights_folder())

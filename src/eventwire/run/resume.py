"""Resumable runs: the inputs a run has finished, kept in the store so that a rerun skips them.

An input is named by its reader's label: the file path, `path:line` for JSON Lines, `path#record id`
for WARC records and feed entries. It counts as finished once its article is in the store (new or a
duplicate); failures are not recorded, so a rerun tries them again. Each input is recorded with its
file's size and modification time, and skipped only while the file is unchanged. Standard input is
never skipped by its label.

The record is written after the article's own transaction: a run killed between the two leaves an
article stored but its input unrecorded, and the rerun finds that article by id and stores nothing.

Inputs are also known by their content: the digest of the raw article (text, title, date, language,
captions) is recorded with the article it gave. An input whose raw article gave an article the store holds
(recorded by this run or an earlier one) is a duplicate and is not cleaned or parsed again: a feed fetched
twice, overlapping archives, the same record under two names. Cleaning is deterministic, so it would have
given the same article id, which the store keeps once anyway. A repeat read while its first copy is still
in flight is processed (the store then keeps one), so a copy of an input that fails fails in its own name.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import json
import os
from typing import TYPE_CHECKING

from eventwire.model import RawArticle
from eventwire.pipeline import Outcome

if TYPE_CHECKING:
    from eventwire.store import Store


def read_digest(raw: RawArticle) -> str:
    """The sha256 of what cleaning reads from a raw article (its source is not part of it)."""
    fields = [raw.text, raw.title, raw.published, raw.language, raw.captions]
    return hashlib.sha256(json.dumps(fields, ensure_ascii=False).encode("utf-8")).hexdigest()


class Ledger:
    """The finished inputs of a store, in its `run_inputs` table (part of the store's schema).

    Args:
        store: a writable store (its queries are in `eventwire.store.ledger`).
    """

    def __init__(self, store: Store) -> None:
        self.store = store
        self._signatures: dict[str, str | None] = {}

    def signature(self, path: str | None) -> str | None:
        """`size:mtime_ns` of a file, or None for standard input and unreadable paths."""
        if not path or path == "<stdin>":
            return None
        if path not in self._signatures:
            try:
                st = os.stat(path)
                self._signatures[path] = f"{st.st_size}:{st.st_mtime_ns}"
            except OSError:
                self._signatures[path] = None
        return self._signatures[path]

    def finished(self, outcome: Outcome) -> bool:
        """Whether a read article's input was finished by an earlier run on the unchanged file."""
        signature = self.signature(outcome.item.source.path)
        if signature is None or outcome.where is None:
            return False
        return self.store.input_signature(outcome.where) == signature

    def repeated(self, raw: RawArticle) -> str | None:
        """The id of the stored article the same raw article gave (recorded by `record`), or None."""
        return self.store.digest_article(read_digest(raw))

    def record(self, finished: list[tuple[str | None, str | None, str, str | None]]) -> None:
        """Record inputs as finished, in one transaction.

        Args:
            finished: (input label, source path, article id, raw article digest) of each input whose
                article is stored.
        """
        now = dt.datetime.now(dt.UTC).isoformat(timespec="seconds")
        rows = [
            (label, sig, article, now)
            for label, path, article, _ in finished
            if label is not None and (sig := self.signature(path)) is not None
        ]
        digests = [(digest, article) for _, _, article, digest in finished if digest is not None]
        self.store.record_inputs(rows, digests)

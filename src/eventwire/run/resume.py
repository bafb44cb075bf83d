"""Resumable runs: the inputs a run has finished, kept in the store so that a rerun skips them.

An input is named by its reader's label: the file path, `path:line` for JSON Lines, `path#record id`
for WARC records and feed entries. It counts as finished once its article is in the store (new or a
duplicate); failures are not recorded, so a rerun tries them again. Each input is recorded with its
file's size and modification time, and skipped only while the file is unchanged. Standard input is
never skipped.

The record is written after the article's own transaction: a run killed between the two leaves an
article stored but its input unrecorded, and the rerun finds that article by id and stores nothing.
"""

from __future__ import annotations

import datetime as dt
import os
import sqlite3

from eventwire.pipeline import Outcome


class Ledger:
    """The finished inputs of a store, in its `run_inputs` table (part of the store's schema).

    Args:
        conn: the store's writable connection (autocommit mode, as `Store.open` makes it).
    """

    def __init__(self, conn: sqlite3.Connection) -> None:
        self.conn = conn
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
        query = "SELECT signature FROM run_inputs WHERE input = ?"
        row = self.conn.execute(query, (outcome.where,)).fetchone()
        return row is not None and row[0] == signature

    def record(self, finished: list[tuple[str | None, str | None, str]]) -> None:
        """Record inputs as finished, in one transaction.

        Args:
            finished: (input label, source path, article id) of each input whose article is stored.
        """
        now = dt.datetime.now(dt.UTC).isoformat(timespec="seconds")
        rows = [
            (label, sig, article, now)
            for label, path, article in finished
            if label is not None and (sig := self.signature(path)) is not None
        ]
        if rows:
            with self.conn:
                self.conn.execute("BEGIN IMMEDIATE")
                self.conn.executemany("INSERT OR REPLACE INTO run_inputs VALUES (?, ?, ?, ?)", rows)

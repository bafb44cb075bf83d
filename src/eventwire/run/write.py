"""The single writer of a run: store each article, record its input as finished, quarantine failures.

Executors (in-process, a process pool, Dask parts) only produce outcomes; the writer, in the parent
process, consumes them in input order, so the store's rows and ids do not depend on the executor.
"""

from __future__ import annotations

import datetime as dt
import json
import os
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from pathlib import Path
from typing import IO

from eventwire.errors import EventwireError
from eventwire.model import Article, RawArticle
from eventwire.pipeline import Outcome
from eventwire.run.resume import Ledger
from eventwire.store import Store
from eventwire.store.reextract import Origin


@dataclass
class RunSummary:
    """What a run did, updated as it goes.

    Attributes:
        files: input files (after expanding directories and globs).
        files_done: input files fully processed so far.
        read: articles read, whether stored, duplicate, finished earlier or failed.
        stored: new articles written to the store.
        duplicates: articles the store already held (including those finished by an earlier run).
        resumed: of the duplicates, inputs skipped unread because an earlier run finished them.
        repeated: of the duplicates, inputs skipped unprocessed because their raw article was read before.
        failed: inputs set aside with a coded error.
        failures: each failure's `{"code", "reason", "where"}`.
        redated: of the duplicates, inputs read with another publication date than their stored article
            has, each as `{"where", "article", "stored", "read"}` (the dates), to re-extract with that date.
    """

    files: int = 0
    files_done: int = 0
    read: int = 0
    stored: int = 0
    duplicates: int = 0
    resumed: int = 0
    repeated: int = 0
    failed: int = 0
    failures: list[dict[str, str | None]] = field(default_factory=list)
    redated: list[dict[str, str | None]] = field(default_factory=list)


Progress = Callable[[RunSummary], None]


@dataclass(frozen=True)
class RunOrigin:
    """How a run makes its articles: the extractor, and the `--published` date for inputs without one
    (a raw article with that date is taken not to carry its own)."""

    extractor: str
    published: str | None = None


def quarantine_path(db: str | Path) -> Path:
    """The quarantine file of a database: `<db>.quarantine.jsonl`, beside it."""
    return Path(f"{db}.quarantine.jsonl")


class Writer:
    """Writes outcomes to a store, in the order given; a context manager that closes the quarantine file.

    Args:
        store: an open, writable store.
        summary: the run's summary, updated as outcomes are written.
        quarantine: where failures are appended as JSON lines (not created when nothing fails).
        files: the run's input files in order, to count the files done.
        progress: called with the summary after each outcome.
        origin: how articles were made: the extractor and the run's `--published` (the raw article of
            each is given to `write`); None for documents made elsewhere (`eventwire load`).
    """

    def __init__(
        self,
        store: Store,
        summary: RunSummary,
        quarantine: Path | None = None,
        files: list[str] | None = None,
        progress: Progress | None = None,
        origin: RunOrigin | None = None,
    ) -> None:
        self.store = store
        self.origin = origin
        self.ledger = Ledger(store)
        self.summary = summary
        self.quarantine = quarantine
        self.position = {path: i for i, path in enumerate(files or [])}
        self.progress = progress
        self._sink: IO[str] | None = None

    def write(
        self,
        outcomes: Iterable[Outcome],
        labels: list[str | None] | None = None,
        digests: list[str | None] | None = None,
        raws: list[RawArticle | None] | None = None,
    ) -> None:
        """Store a batch of outcomes; `labels` name their inputs and `digests` are their raw articles'
        `read_digest`s, for the ledger (None: not recorded); `raws` are the raw articles, kept for
        `eventwire reprocess`."""
        finished: list[tuple[str | None, str | None, str, str | None]] = []
        for n, outcome in enumerate(outcomes):
            self.summary.read += 1
            if outcome.ok:
                article: Article = outcome.item
                try:
                    if self.store.ingest(article, self._origin(raws[n] if raws else None)):
                        self.summary.stored += 1
                    else:
                        self.summary.duplicates += 1
                        self.check_date(outcome.where, article.id, article.published)
                    if labels is not None:
                        digest = digests[n] if digests else None
                        finished.append((labels[n], article.source.path, article.id, digest))
                except EventwireError as exc:
                    outcome = Outcome(error=exc, where=outcome.where)
            if not outcome.ok:
                self.fail(outcome)
            self.summary.files_done = max(self.summary.files_done, self._file_index(outcome))
            if self.progress:
                self.progress(self.summary)
        self.ledger.record(finished)

    def check_date(self, where: str | None, article: str | None, read: str | None) -> None:
        """Note an input already stored as `article` when it was read with a publication date the stored
        article does not have."""
        if article is None or read is None or (stored := self.store.published(article)) == read:
            return
        self.summary.redated.append({"where": where, "article": article, "stored": stored, "read": read})

    def _origin(self, raw: RawArticle | None) -> Origin | None:
        if self.origin is None:
            return None
        fallback = self.origin.published
        own = raw is not None and raw.published is not None and raw.published != fallback
        return Origin(raw=raw, own_date=own, extractor=self.origin.extractor)

    def skipped(self, n: int) -> None:
        """Count inputs an earlier run finished (read, not processed)."""
        self.summary.read += n
        self.summary.duplicates += n
        self.summary.resumed += n

    def repeated(self, outcome: Outcome, article: str) -> None:
        """Count a read input whose raw article gave the stored `article` (not processed), and record it
        as finished."""
        self.summary.read += 1
        self.summary.duplicates += 1
        self.summary.repeated += 1
        self.ledger.record([(outcome.where, outcome.item.source.path, article, None)])

    def done(self) -> RunSummary:
        """Mark every file done and report it."""
        self.summary.files_done = self.summary.files
        if self.progress:
            self.progress(self.summary)
        return self.summary

    def fail(self, outcome: Outcome) -> None:
        """Count a failure and append it to the quarantine file."""
        assert outcome.error is not None
        self.summary.failed += 1
        record = outcome.error.to_dict()
        record["where"] = record["where"] or outcome.where
        self.summary.failures.append(record)
        if self.quarantine is not None:
            self._sink = self._sink or open(self.quarantine, "a", encoding="utf-8")  # noqa: SIM115
            stamp = dt.datetime.now(dt.UTC).isoformat(timespec="seconds")
            self._sink.write(json.dumps({**record, "at": stamp}, ensure_ascii=False) + "\n")
            self._sink.flush()

    def _file_index(self, outcome: Outcome) -> int:
        """How many input files lie wholly before the one this outcome came from.

        Outcomes name their input as the path, `path#record id` or `path:line`.
        """
        where = outcome.item.source.path if outcome.ok else (outcome.error.where or outcome.where or "")
        for candidate in (where, where.rpartition("#")[0], where.rpartition(":")[0], os.path.normpath(where)):
            if candidate in self.position:
                return self.position[candidate]
        return 0

    def __enter__(self) -> Writer:
        return self

    def __exit__(self, *exc: object) -> None:
        if self._sink:
            self._sink.close()

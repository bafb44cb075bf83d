"""The API's access to the store: a read-only connection per worker thread, one writer for ingest."""

from __future__ import annotations

import queue
import threading
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from eventwire.errors import EventwireError
from eventwire.model import Article, RawArticle
from eventwire.pipeline import Pipeline
from eventwire.settings import Settings
from eventwire.store import Store


class Database:
    """The store behind one app.

    Readers: `reading()` lends a request a read-only `Store` from a pool (opened on demand, kept for
    the next request), so requests read in parallel (WAL) while an ingest writes. Writer: `ingest()`
    runs the article pipeline and stores the result under one lock (SQLite has one writer); both are
    set up on the first ingest.
    """

    def __init__(self, path: str | Path, settings: Settings) -> None:
        self.path = Path(path)
        self.settings = settings
        self._idle: queue.SimpleQueue[Store] = queue.SimpleQueue()
        self._readers: list[Store] = []
        self._lock = threading.Lock()
        self._write_lock = threading.Lock()
        self._writer: Store | None = None
        self._pipeline: Pipeline | None = None

    def prepare(self) -> None:
        """Check the store before serving: with ingest enabled it is created or migrated as needed;
        read-only, it must exist and is only ever opened for reading.

        Raises:
            EventwireError: EW501 when the file is missing on a read-only API, is not a store, or needs
                migrating; EW502 when its schema is newer than this eventwire.
        """
        if self.settings.api_token:
            Store.open(self.path, self.settings).close()
            return
        if not self.path.exists():
            raise EventwireError(
                "EW501", "no such store (create it with `eventwire run … --db FILE`)", str(self.path)
            )
        Store.open(self.path, self.settings, readonly=True).close()

    @contextmanager
    def reading(self) -> Iterator[Store]:
        """Lend a read-only store for the length of one request."""
        try:
            store = self._idle.get_nowait()
        except queue.Empty:
            store = Store.open(self.path, self.settings, readonly=True)
            with self._lock:
                self._readers.append(store)
        try:
            yield store
        finally:
            self._idle.put(store)

    def ingest(self, raw: RawArticle) -> tuple[Article, bool]:
        """Run one read article through the pipeline and store it.

        Returns:
            The processed article and whether it was new (False when already stored).
        """
        with self._write_lock:
            if self._pipeline is None:
                # Imported here: the article pipeline loads spaCy, which a read-only API never needs.
                from eventwire.knowledge import load_knowledge
                from eventwire.stages import article_pipeline

                pipeline = article_pipeline(self.settings, load_knowledge())
                pipeline.setup()
                self._pipeline = pipeline
            if self._writer is None:
                self._writer = Store.open(self.path, self.settings)
            article = self._pipeline.run(raw)
            return article, self._writer.ingest(article)

    def close(self) -> None:
        """Close every connection opened."""
        with self._lock, self._write_lock:
            for store in self._readers:
                store.close()
            self._readers.clear()
            if self._writer is not None:
                self._writer.close()
                self._writer = None

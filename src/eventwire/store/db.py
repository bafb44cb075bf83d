"""The SQLite store: one writer, readers in parallel (WAL), idempotent ingest by article id, migrations.

Open one writing `Store` per database; any number of read-only stores (one per thread, e.g. in the
API's worker threads) may read while it writes. A store may move between threads but must be used by
one at a time (callers lock). Every query the CLI, the API and a run make is a method here (their SQL
in `queries` and `ledger`).
"""

from __future__ import annotations

import datetime as dt
import sqlite3
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from importlib import resources
from pathlib import Path
from typing import Any, TypeVar

from eventwire.errors import EventwireError
from eventwire.model import Article, RawArticle
from eventwire.settings import Settings
from eventwire.store import ledger, queries, reextract
from eventwire.store.filters import EventFilter
from eventwire.store.ingest import write_article
from eventwire.store.merge_across import assign, km
from eventwire.store.reextract import ArticleFilter, Origin
from eventwire.store.sorting import LATEST

SCHEMA = "schema.sql"
T = TypeVar("T")
LOCKED_RETRY_S = 0.05
"""How long to wait before asking SQLite again when it says the database is locked."""
"""The package file with the current schema, which a new store is made from."""

MIGRATIONS = (
    "migrations/0002_run_inputs.sql",
    "migrations/0003_event_filter_indexes.sql",
    "migrations/0004_read_digests.sql",
    "migrations/0005_raw_articles.sql",
    "migrations/0006_acled_coding.sql",
    "migrations/0007_date_source.sql",
    "migrations/0008_place_source.sql",
)
"""Package files that bring an existing store from version n - 1 to n, in order from version 2 (version
1 was the first schema.sql). A new version adds its file here and folds the change into schema.sql;
it never edits an earlier migration."""

SCHEMA_VERSION = len(MIGRATIONS) + 1


def statements(script: str) -> list[str]:
    """The SQL statements of a script, one by one (a trigger's body stays with its trigger), so that
    they run inside a transaction the caller holds (`executescript` would commit it)."""
    out: list[str] = []
    pending = ""
    for line in script.splitlines(keepends=True):
        pending += line
        if sqlite3.complete_statement(pending):
            out.append(pending.strip())
            pending = ""
    return out


TABLES = (
    "articles",
    "paragraphs",
    "entities",
    "places",
    "mentions",
    "times",
    "quantities",
    "events",
    "evidence",
    "claims",
    "flags",
    "merged_events",
)


def _when_unlocked(do: Callable[[], T], settings: Settings) -> T:
    """Run `do`, again while SQLite says the database is locked, up to `store_busy_timeout_ms`: switching
    a new file to WAL while another writer creates it fails at once, whatever the busy timeout."""
    deadline = time.monotonic() + settings.store_busy_timeout_ms / 1000
    while True:
        try:
            return do()
        except sqlite3.OperationalError as exc:
            if "locked" not in str(exc) or time.monotonic() > deadline:
                raise
            time.sleep(LOCKED_RETRY_S)


class Store:
    """An eventwire SQLite database.

    Use `Store.open(path, settings)`; a store is a context manager that closes its connection.
    """

    def __init__(self, conn: sqlite3.Connection, settings: Settings, path: str) -> None:
        self.conn = conn
        self.settings = settings
        self.path = path

    @classmethod
    def open(cls, path: str | Path, settings: Settings, readonly: bool = False) -> Store:
        """Open (creating and migrating when writable) the database at `path`.

        Args:
            path: the SQLite file.
            settings: the merge thresholds and undated-event window (the caller's, overrides and all).
            readonly: open a read-only connection, as API threads do; the file must exist.

        Raises:
            EventwireError: EW501 when the file cannot be opened or is not an eventwire store,
                EW502 when its schema is newer than this eventwire knows.
        """
        path = str(path)
        try:
            if readonly:
                conn = sqlite3.connect(
                    f"{Path(path).resolve().as_uri()}?mode=ro", uri=True, check_same_thread=False
                )
            else:
                conn = sqlite3.connect(path, isolation_level=None, check_same_thread=False)
            conn.row_factory = sqlite3.Row
            conn.execute(f"PRAGMA busy_timeout = {int(settings.store_busy_timeout_ms)}")
            conn.execute("PRAGMA foreign_keys = ON")
            conn.create_function("km", 4, km, deterministic=True)
            if not readonly:
                _when_unlocked(lambda: conn.execute("PRAGMA journal_mode = WAL"), settings)
                conn.execute("PRAGMA synchronous = NORMAL")
            store = cls(conn, settings, path)
            version = _when_unlocked(store.version, settings)
        except sqlite3.Error as exc:
            raise EventwireError("EW501", f"cannot open store: {exc}", path) from None
        if version > SCHEMA_VERSION:
            conn.close()
            raise EventwireError(
                "EW502", f"store schema {version}, this eventwire knows {SCHEMA_VERSION}", path
            )
        if version < SCHEMA_VERSION:
            if readonly:
                conn.close()
                reason = f"store schema {version} needs migrating: run `eventwire migrate --db {path}`"
                raise EventwireError("EW501", reason, path)
            store.migrate(version)
        return store

    def version(self) -> int:
        """The schema version of the database (0 for an empty file)."""
        exists = self.conn.execute("SELECT 1 FROM sqlite_master WHERE name = 'schema_version'").fetchone()
        if not exists:
            if self.conn.execute("SELECT count(*) FROM sqlite_master").fetchone()[0]:
                raise sqlite3.DatabaseError("not an eventwire store (no schema_version table)")
            return 0
        return self.conn.execute("SELECT coalesce(max(version), 0) FROM schema_version").fetchone()[0]

    def migrate(self, version: int) -> None:
        """Bring the store from `version` to `SCHEMA_VERSION`: an empty file (version 0) gets the
        current schema at once, an older store each migration after its version in turn, each in its
        own transaction.

        Each step takes the write lock first and reads the version again under it, so a second writer
        opening the same store meanwhile waits (up to `store_busy_timeout_ms`) and then finds the work
        done instead of doing it twice."""
        while version < SCHEMA_VERSION:
            version = self._step()

    def _step(self) -> int:
        """Under the write lock, apply what the store needs next (the whole schema to an empty file,
        else the next migration) and record its version, in one transaction; the version reached."""
        try:
            self.conn.execute("BEGIN IMMEDIATE")
            try:
                version = self.version()
                if version < SCHEMA_VERSION:
                    version = self._apply(version)
                self.conn.execute("COMMIT")
            except BaseException:
                self.conn.execute("ROLLBACK")
                raise
        except sqlite3.Error as exc:
            raise EventwireError("EW501", f"cannot migrate store: {exc}", self.path) from None
        return version

    def _apply(self, version: int) -> int:
        """Run the SQL file that follows `version`, inside the caller's transaction; the new version."""
        file, target = (SCHEMA, SCHEMA_VERSION) if version == 0 else (MIGRATIONS[version - 1], version + 1)
        script = resources.files("eventwire.store").joinpath(file).read_text(encoding="utf-8")
        try:
            for statement in statements(script):
                self.conn.execute(statement)
        except sqlite3.Error as exc:
            raise sqlite3.DatabaseError(f"migration {target} failed: {exc}") from None
        now = dt.datetime.now(dt.UTC).isoformat(timespec="seconds")
        self.conn.execute("INSERT INTO schema_version VALUES (?, ?)", (target, now))
        return target

    def close(self) -> None:
        """Close the connection."""
        self.conn.close()

    def __enter__(self) -> Store:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    # Writing

    def ingest(self, article: Article, origin: Origin | None = None) -> bool:
        """Store an article and merge its events; nothing happens when its id is already stored.

        Args:
            article: the article with its findings.
            origin: its raw article and extractor, kept for `eventwire reprocess` (None: unknown).

        Returns:
            True when the article was new and stored, False when it was already there.

        Raises:
            EventwireError: EW501 when the database refuses the write (nothing of the article is kept).
        """
        with self._writing(article.source.path or article.id):
            if self.has_article(article.id):
                return False
            self._write(article, origin)
        return True

    def replace(self, rid: int, article: Article, origin: Origin) -> bool:
        """Replace the stored article `rid` and its findings by a new extraction of it, in one transaction;
        its events are merged again into the merged events, and the run ledger follows a changed id.

        Returns:
            True when it was replaced, False when the new extraction is an article stored under another
            row (a newer cleaner made two articles one): the old one is then removed.

        Raises:
            EventwireError: EW501 when the database refuses the write (the article stays as it was).
        """
        with self._writing(article.id):
            old = self.conn.execute("SELECT id FROM articles WHERE rid = ?", (rid,)).fetchone()[0]
            other = self.conn.execute("SELECT rid FROM articles WHERE id = ?", (article.id,)).fetchone()
            reextract.remove(self.conn, rid)
            reextract.repoint(self.conn, old, article.id)
            if other is not None and other[0] != rid:
                return False
            self._write(article, origin, rid)
        return True

    def remerge(self) -> int:
        """Form every merged event again from all stored events, in one transaction; how many there are."""
        with self._writing(self.path):
            return reextract.remerge(self.conn, self.settings)

    def _write(self, article: Article, origin: Origin | None, rid: int | None = None) -> None:
        """Write an article, its raw article and its findings, and merge its events (in a transaction)."""
        extractor = reextract.extractor_of(article, origin)
        rid, events = write_article(self.conn, article, self.settings, extractor, rid)
        reextract.write_raw(self.conn, rid, origin or Origin())
        for event in events:
            assign(self.conn, event, self.settings)

    @contextmanager
    def _writing(self, where: str) -> Iterator[None]:
        """One write transaction under the store's lock; a database error becomes EW501 at `where`."""
        try:
            self.conn.execute("BEGIN IMMEDIATE")
            try:
                yield
                self.conn.execute("COMMIT")
            except BaseException:
                self.conn.execute("ROLLBACK")
                raise
        except sqlite3.Error as exc:
            raise EventwireError("EW501", f"cannot write to store: {exc}", where) from None

    def record_inputs(self, inputs: list[tuple[str, str, str, str]], digests: list[tuple[str, str]]) -> None:
        """Record a run's finished inputs and its raw articles' digests (see `ledger.record`)."""
        ledger.record(self.conn, inputs, digests)

    # Reading

    def select_articles(self, filters: ArticleFilter) -> list[tuple[int, str]]:
        """(rid, id) of the stored articles the filter selects, in the order they were stored."""
        return reextract.select(self.conn, filters)

    def stored_raw(self, rid: int) -> tuple[RawArticle, bool]:
        """The raw article a stored article was made from, and whether its date is the input's own
        (see `reextract.stored_raw`)."""
        return reextract.stored_raw(self.conn, rid)

    def stale(self, current: str) -> int:
        """How many stored articles another extractor than `current` made."""
        return reextract.stale(self.conn, current)

    def published(self, article_id: str) -> str | None:
        """The publication date a stored article has."""
        row = self.conn.execute("SELECT published FROM articles WHERE id = ?", (article_id,)).fetchone()
        return row[0] if row else None

    def input_article(self, label: str) -> str | None:
        """The id of the article a finished input gave, or None."""
        return ledger.input_article(self.conn, label)

    def input_signature(self, label: str) -> str | None:
        """The file signature a finished input was recorded with, or None."""
        return ledger.input_signature(self.conn, label)

    def digest_article(self, digest: str) -> str | None:
        """The id of the stored article a raw article's digest was recorded with, or None."""
        return ledger.digest_article(self.conn, digest)

    def has_article(self, article_id: str) -> bool:
        """Whether an article with this id is stored."""
        return self.conn.execute("SELECT 1 FROM articles WHERE id = ?", (article_id,)).fetchone() is not None

    def counts(self) -> dict[str, int]:
        """Rows in each table, by table name."""
        return {t: self.conn.execute(f"SELECT count(*) FROM {t}").fetchone()[0] for t in TABLES}

    def events(
        self, filters: EventFilter | None = None, limit: int = 100, offset: int = 0, sort: str = LATEST
    ) -> list[dict[str, Any]]:
        """Events as each article reported them, in `sort` order (by default latest dates first; see
        `sorting`); see `queries` for the dict's keys."""
        return queries.events(self.conn, filters or EventFilter(), limit, offset, sort)

    def event(self, event_id: int) -> dict[str, Any] | None:
        """One event by its id, or None."""
        return queries.event(self.conn, event_id)

    def merged_events(
        self, filters: EventFilter | None = None, limit: int = 100, offset: int = 0, sort: str = LATEST
    ) -> list[dict[str, Any]]:
        """Merged events (one per real-world occurrence, with all sources and evidence), in `sort` order
        (by default latest first)."""
        return queries.merged_events(self.conn, filters or EventFilter(), limit, offset, sort)

    def merged_event(self, merged_id: int) -> dict[str, Any] | None:
        """One merged event by its id, or None."""
        return queries.merged_event(self.conn, merged_id)

    def count_events(self, filters: EventFilter | None = None, merged: bool = False) -> int:
        """How many events (or merged events) match the filters, for pagination."""
        return queries.count_events(self.conn, filters or EventFilter(), merged)

    def summary(self, filters: EventFilter | None = None, merged: bool = False) -> dict[str, int]:
        """Events, fatalities, countries and sources of the matching events (or merged events)."""
        return queries.summary(self.conn, filters or EventFilter(), merged)

    def actors(self, limit: int = 1000, offset: int = 0) -> list[dict[str, Any]]:
        """Actors' and recipients' normalized names with their event counts, most events first."""
        return queries.actors(self.conn, limit, offset)

    def count_actors(self) -> int:
        """How many distinct names `actors` lists."""
        return queries.count_actors(self.conn)

    def article(self, article_id: str) -> dict[str, Any] | None:
        """The full `eventwire.document/1` dict of a stored article, or None."""
        return queries.article(self.conn, article_id)

    def articles(self, limit: int = 100, offset: int = 0, q: str | None = None) -> list[dict[str, Any]]:
        """Article summaries (id, title, published, source, event and flag counts), newest first or by `q`."""
        return queries.articles(self.conn, limit, offset, q)

    def count_articles(self, q: str | None = None) -> int:
        """How many articles are stored; with `q`, how many `articles(q=q)` lists."""
        return queries.count_articles(self.conn, q)

    def places(self, limit: int = 1000, offset: int = 0) -> list[dict[str, Any]]:
        """Distinct places with article and event counts, most events first."""
        return queries.places(self.conn, limit, offset)

    def count_places(self) -> int:
        """How many distinct places `places` lists."""
        return queries.count_places(self.conn)

    def entities(self, limit: int = 1000, offset: int = 0) -> list[dict[str, Any]]:
        """Distinct entities (name, type) with article and mention counts, most articles first."""
        return queries.entities(self.conn, limit, offset)

    def count_entities(self) -> int:
        """How many distinct entities `entities` lists."""
        return queries.count_entities(self.conn)

    def search(self, q: str, limit: int = 50) -> dict[str, list[dict[str, Any]]]:
        """Full-text search over articles and event evidence: `{"articles": […], "evidence": […]}`."""
        return queries.search(self.conn, q, limit)

    def flags(self, limit: int = 1000, offset: int = 0, kind: str | None = None) -> list[dict[str, Any]]:
        """Flags with their article, optionally only of one kind."""
        return queries.flags(self.conn, limit, offset, kind)

    def count_flags(self, kind: str | None = None) -> int:
        """How many flags `flags` lists, optionally only of one kind."""
        return queries.count_flags(self.conn, kind)

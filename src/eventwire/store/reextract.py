"""What re-extraction needs of the store: the raw article kept beside each stored article, the selection
of stored articles, and removing an article's findings while merged events stay consistent.

`eventwire.run.reprocess` runs the pipeline; `Store.replace` and `Store.remerge` write its results.
"""

from __future__ import annotations

import json
import sqlite3
from dataclasses import dataclass, field

from eventwire.errors import EventwireError
from eventwire.model import Article, RawArticle, Source
from eventwire.settings import Settings
from eventwire.store.merge_across import assign, refresh

_TEXT_KINDS = ("body", "table")
"""The paragraph kinds a raw article's text is rebuilt from, in order (its captions and title are apart)."""


@dataclass(frozen=True)
class Origin:
    """What a stored article was made from and by.

    Attributes:
        raw: the raw article the pipeline read (None when unknown, as for loaded documents).
        own_date: whether `raw.published` is the input's own date (False: none, or `--published`'s).
        extractor: the extractor that made the findings (None: the one its events name).
    """

    raw: RawArticle | None = None
    own_date: bool = True
    extractor: str | None = None


@dataclass(frozen=True)
class ArticleFilter:
    """Which stored articles to re-extract; the fields that are set must all hold.

    Attributes:
        ids: article ids, or their beginnings ("sha256:3f2a").
        source: part of the article's source path or URL, or its record id.
        since: ISO day; articles published on or after it.
        until: ISO day; articles published on or before it.
        stale: only articles whose findings another extractor than `current` made.
        current: the current extractor, for `stale`.
    """

    ids: tuple[str, ...] = field(default_factory=tuple)
    source: str | None = None
    since: str | None = None
    until: str | None = None
    stale: bool = False
    current: str | None = None


def select(conn: sqlite3.Connection, f: ArticleFilter) -> list[tuple[int, str]]:
    """(rid, id) of the stored articles the filter selects, in the order they were stored."""
    where, params = ["1"], []
    if f.ids:
        where.append("(" + " OR ".join("substr(id, 1, length(?)) = ?" for _ in f.ids) + ")")
        params += [part for i in f.ids for part in (i, i)]
    if f.source:
        where.append("(instr(source_path, ?) OR instr(source_url, ?) OR source_id = ?)")
        params += [f.source] * 3
    if f.since:
        where.append("published >= ?")
        params.append(f.since)
    if f.until:
        where.append("published <= ?")
        params.append(f.until)
    if f.stale:
        where.append("extractor IS NOT ?")
        params.append(f.current)
    sql = f"SELECT rid, id FROM articles WHERE {' AND '.join(where)} ORDER BY rid"
    return [(r[0], r[1]) for r in conn.execute(sql, params)]


def stale(conn: sqlite3.Connection, current: str) -> int:
    """How many stored articles another extractor than `current` made (or an unknown one)."""
    return conn.execute("SELECT count(*) FROM articles WHERE extractor IS NOT ?", (current,)).fetchone()[0]


def write_raw(conn: sqlite3.Connection, article: int, origin: Origin) -> None:
    """Keep the raw article of the stored article `article` (nothing when it is unknown)."""
    raw = origin.raw
    if raw is None:
        return
    conn.execute(
        "INSERT INTO raw_articles VALUES (?, ?, ?, ?, ?, ?, ?)",
        (
            article,
            raw.text,
            raw.title,
            raw.published,
            int(origin.own_date),
            raw.language,
            json.dumps(raw.captions),
        ),
    )


def stored_raw(conn: sqlite3.Connection, article: int) -> tuple[RawArticle, bool]:
    """The raw article a stored article was made from and whether its date is the input's own.

    A store made before raw articles were kept (or filled by `eventwire load`) has none; then one is
    rebuilt from the cleaned article: its body and table paragraphs as the text, its captions as captions, its
    title and date (taken as the input's own).

    Raises:
        EventwireError: EW503 when neither the raw article nor the stored document can be read.
    """
    row = conn.execute(
        "SELECT a.*, r.text AS raw_text, r.title AS raw_title, r.published AS raw_published, r.own_date,"
        " r.language AS raw_language, r.captions FROM articles a"
        " LEFT JOIN raw_articles r ON r.article = a.rid WHERE a.rid = ?",
        (article,),
    ).fetchone()
    source = Source(
        path=row["source_path"], id=row["source_id"], url=row["source_url"], format=row["source_format"]
    )
    try:
        if row["raw_text"] is not None:
            raw = RawArticle(
                text=row["raw_text"],
                source=source,
                title=row["raw_title"],
                published=row["raw_published"],
                language=row["raw_language"],
                captions=json.loads(row["captions"]),
            )
            return raw, bool(row["own_date"])
        paragraphs = json.loads(row["doc"])["paragraphs"]
        text = row["text"]
        body = [text[p["start"] : p["end"]] for p in paragraphs if p["kind"] in _TEXT_KINDS]
        captions = [text[p["start"] : p["end"]] for p in paragraphs if p["kind"] == "caption"]
    except (ValueError, KeyError, TypeError) as exc:
        raise EventwireError(
            "EW503", f"its stored raw article or document is unreadable: {exc}", row["id"]
        ) from None
    rebuilt = RawArticle(
        text="\n\n".join(body),
        source=source,
        title=row["title"],
        published=row["published"],
        language=row["language"],
        captions=captions,
    )
    return rebuilt, row["published"] is not None


def remove(conn: sqlite3.Connection, article: int) -> None:
    """Delete a stored article and everything found in it, inside the caller's transaction; the merged
    events it was part of are summarized again from their other members, or deleted with their last."""
    groups = [
        r[0]
        for r in conn.execute(
            "SELECT DISTINCT merged FROM events WHERE article = ? AND merged IS NOT NULL", (article,)
        )
    ]
    conn.execute(
        "UPDATE merged_events SET place = NULL WHERE place IN (SELECT rid FROM places WHERE article = ?)",
        (article,),
    )
    conn.execute("DELETE FROM articles WHERE rid = ?", (article,))
    for group in groups:
        if conn.execute("SELECT 1 FROM events WHERE merged = ?", (group,)).fetchone():
            refresh(conn, group)
        else:
            conn.execute("DELETE FROM merged_events WHERE rid = ?", (group,))


def repoint(conn: sqlite3.Connection, old: str, new: str) -> None:
    """Point the run ledger's inputs and digests that gave the article `old` at the article `new`."""
    if old != new:
        conn.execute("UPDATE run_inputs SET article = ? WHERE article = ?", (new, old))
        conn.execute("UPDATE read_digests SET article = ? WHERE article = ?", (new, old))


def remerge(conn: sqlite3.Connection, settings: Settings) -> int:
    """Form every merged event again from scratch, events taken in the order they were stored (as a fresh
    ingest would), inside the caller's transaction; how many merged events there are."""
    conn.execute("UPDATE events SET merged = NULL")
    conn.execute("DELETE FROM merged_events")
    for (event,) in conn.execute("SELECT rid FROM events ORDER BY article, rid").fetchall():
        assign(conn, event, settings)
    return conn.execute("SELECT count(*) FROM merged_events").fetchone()[0]


def extractor_of(article: Article, origin: Origin | None) -> str | None:
    """The extractor to record for an article: the origin's, else the one its events name."""
    if origin is not None and origin.extractor:
        return origin.extractor
    return next((e.extractor for e in article.events if e.extractor), None)

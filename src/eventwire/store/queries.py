"""Read queries shared by the CLI, the API and the exports; each returns plain JSON-ready dicts.

An event dict (per article) and a merged event dict share their keys, so exports take either:
`id, type, mode, context, actor, recipient, place, date, date_precision, date_end, status, size,
claims, acled, confidence, evidence, sources`. An event adds `article`, `local_id`, `merged` and
`extractor`; a merged event adds `events` (its member event ids) and `source_count`.

A source's `path` is the input file's name: the folders it was read from on the machine that ran the
extraction mean nothing to a reader elsewhere, and are not shown.
"""

from __future__ import annotations

import json
import re
import sqlite3
from collections import defaultdict
from typing import Any

from eventwire.store.filters import EventFilter, fts_query, where
from eventwire.store.sorting import LATEST, order_by

_PLACE = (
    "p.name AS p_name, p.geonameid AS p_geonameid, p.lat AS p_lat, p.lon AS p_lon, "
    "p.country_code AS p_country_code, p.admin1 AS p_admin1, p.feature AS p_feature"
)
_SOURCE = (
    "a.id AS a_id, a.title AS a_title, a.published AS a_published, "
    "a.source_url AS a_url, a.source_path AS a_path, a.ingested_at AS a_ingested"
)


def _page(f: EventFilter, merged: bool, limit: int, offset: int, sort: str) -> tuple[str, list[Any]]:
    """The ids of one page of matching events (or merged events), in `sort` order, and its parameters.

    The page is chosen from the event table and its indexes alone; the wide rows and their joins are
    read afterwards, for the page's rows only.
    """
    clause, params = where(f, merged)
    table = "merged_events" if merged else "events"
    order = order_by(sort)
    return f"SELECT x.rid FROM {table} x WHERE {clause} {order} LIMIT ? OFFSET ?", [*params, limit, offset]


def events(
    conn: sqlite3.Connection, f: EventFilter, limit: int, offset: int, sort: str = LATEST
) -> list[dict[str, Any]]:
    """Events matching the filter, in `sort` order (by default the latest dates first, undated last),
    then the latest stored."""
    page, params = _page(f, False, limit, offset, sort)
    rows = conn.execute(
        f"""SELECT x.*, {_PLACE}, {_SOURCE} FROM ({page}) AS page JOIN events x ON x.rid = page.rid
            JOIN articles a ON a.rid = x.article LEFT JOIN places p ON p.rid = x.place {order_by(sort)}""",
        params,
    ).fetchall()
    return _events(conn, rows)


def count_events(conn: sqlite3.Connection, f: EventFilter, merged: bool) -> int:
    """How many events (or merged events) match the filter."""
    clause, params = where(f, merged)
    table = "merged_events" if merged else "events"
    return conn.execute(f"SELECT count(*) FROM {table} x WHERE {clause}", params).fetchone()[0]


def summary(conn: sqlite3.Connection, f: EventFilter, merged: bool) -> dict[str, int]:
    """The view in four figures: matching events, their dead, their places' countries and the articles
    reporting them."""
    clause, params = where(f, merged)
    table = "merged_events" if merged else "events"
    articles = "SELECT DISTINCT e.article FROM events e WHERE e.merged = x.rid" if merged else "x.article"
    row = conn.execute(
        f"""SELECT count(*), coalesce(sum(x.dead), 0),
                   count(DISTINCT (SELECT p.country_code FROM places p WHERE p.rid = x.place))
            FROM {table} x WHERE {clause}""",
        params,
    ).fetchone()
    sources = conn.execute(
        f"SELECT count(*) FROM (SELECT DISTINCT a.rid FROM {table} x"
        f" JOIN articles a ON a.rid IN ({articles}) WHERE {clause})",
        params,
    ).fetchone()[0]
    return {"events": row[0], "fatalities": row[1], "countries": row[2], "sources": sources}


def actors(conn: sqlite3.Connection, limit: int, offset: int) -> list[dict[str, Any]]:
    """The normalized names of actors and recipients with how many events name them, most first."""
    rows = conn.execute(
        f"SELECT name, count(*) AS events FROM ({_NAMED}) GROUP BY name ORDER BY events DESC, name"
        " LIMIT ? OFFSET ?",
        (limit, offset),
    )
    return [dict(r) for r in rows]


def count_actors(conn: sqlite3.Connection) -> int:
    """How many distinct names `actors` lists."""
    return conn.execute(f"SELECT count(DISTINCT name) FROM ({_NAMED})").fetchone()[0]


_NAMED = (
    "SELECT actor_name AS name FROM events WHERE actor_name IS NOT NULL"
    " UNION ALL SELECT recipient_name FROM events WHERE recipient_name IS NOT NULL"
)
"""Every normalized party name of every event, once per event and role."""


def event(conn: sqlite3.Connection, rid: int) -> dict[str, Any] | None:
    """One event by id, or None."""
    rows = conn.execute(
        f"""SELECT x.*, {_PLACE}, {_SOURCE} FROM events x JOIN articles a ON a.rid = x.article
            LEFT JOIN places p ON p.rid = x.place WHERE x.rid = ?""",
        (rid,),
    ).fetchall()
    return _events(conn, rows)[0] if rows else None


def merged_events(
    conn: sqlite3.Connection, f: EventFilter, limit: int, offset: int, sort: str = LATEST
) -> list[dict[str, Any]]:
    """Merged events matching the filter, in `sort` order (by default the latest dates first, undated
    last), then the latest formed."""
    page, params = _page(f, True, limit, offset, sort)
    rows = conn.execute(
        f"""SELECT x.*, {_PLACE} FROM ({page}) AS page JOIN merged_events x ON x.rid = page.rid
            LEFT JOIN places p ON p.rid = x.place {order_by(sort)}""",
        params,
    ).fetchall()
    return _merged(conn, rows)


def merged_event(conn: sqlite3.Connection, rid: int) -> dict[str, Any] | None:
    """One merged event by id, or None."""
    rows = conn.execute(
        f"SELECT x.*, {_PLACE} FROM merged_events x LEFT JOIN places p ON p.rid = x.place WHERE x.rid = ?",
        (rid,),
    ).fetchall()
    return _merged(conn, rows)[0] if rows else None


def _common(row: sqlite3.Row, merged: bool) -> dict[str, Any]:
    """The keys events and merged events share, less evidence, claims and sources."""
    place = None
    if row["p_name"] is not None:
        place = {
            k: row[f"p_{k}"] for k in ("name", "geonameid", "lat", "lon", "country_code", "admin1", "feature")
        }
    acled = None
    if row["acled_event_type"] is not None:
        acled = {"event_type": row["acled_event_type"], "sub_event_type": row["acled_sub_event_type"]}
        acled |= json.loads(row["acled_coding"] or "{}")
    return {
        "id": row["rid"],
        "type": row["type"],
        "mode": row["mode"],
        "context": json.loads(row["context"]),
        "actor": _party(row, "actor", not merged),
        "recipient": _party(row, "recipient", not merged),
        "place": place,
        "date": row["date"],
        "date_precision": row["date_precision"],
        "date_end": row["date_end"],
        "status": row["status"],
        "size": {k: row[k] for k in ("dead", "injured", "arrested", "count")},
        "acled": acled,
        "confidence": row["confidence"],
    }


def _party(row: sqlite3.Row, role: str, with_entity: bool) -> dict[str, Any] | None:
    text, name = row[f"{role}_text"], row[f"{role}_name"]
    if text is None and name is None:
        return None
    party = {"text": text, "name": name}
    if with_entity:
        party["entity"] = row[f"{role}_entity"]
    return party


def _file_name(path: str | None) -> str | None:
    """The last part of a stored input path, its file name ("/home/x/news/a.txt" -> "a.txt")."""
    return re.split(r"[\\/]", path)[-1] if path else path


def _source(row: sqlite3.Row) -> dict[str, Any]:
    return {
        "article": row["a_id"],
        "title": row["a_title"],
        "published": row["a_published"],
        "url": row["a_url"],
        "path": _file_name(row["a_path"]),
        "ingested_at": row["a_ingested"],
    }


def _details(conn: sqlite3.Connection, event_ids: list[int]) -> tuple[dict[int, list], dict[int, list]]:
    """Evidence and claims of events, by event id."""
    evidence: dict[int, list] = defaultdict(list)
    claims: dict[int, list] = defaultdict(list)
    marks = ",".join("?" * len(event_ids))
    for r in conn.execute(
        f"""SELECT v.event, v.start, v."end", v.text, v.paragraph, a.id FROM evidence v
            JOIN events e ON e.rid = v.event JOIN articles a ON a.rid = e.article
            WHERE v.event IN ({marks}) ORDER BY v.event, v.start""",
        event_ids,
    ):
        evidence[r[0]].append({"article": r[5], "start": r[1], "end": r[2], "text": r[3], "paragraph": r[4]})
    for r in conn.execute(
        f"SELECT event, speaker, stance FROM claims WHERE event IN ({marks}) ORDER BY rowid", event_ids
    ):
        claims[r[0]].append({"speaker": r[1], "stance": r[2]})
    return evidence, claims


def _events(conn: sqlite3.Connection, rows: list[sqlite3.Row]) -> list[dict[str, Any]]:
    evidence, claims = _details(conn, [r["rid"] for r in rows])
    out = []
    for r in rows:
        d = _common(r, merged=False)
        d.update(
            article=r["a_id"],
            local_id=r["local_id"],
            merged=r["merged"],
            extractor=r["extractor"],
            claims=claims[r["rid"]],
            evidence=evidence[r["rid"]],
            sources=[_source(r)],
        )
        out.append(d)
    return out


def _merged(conn: sqlite3.Connection, rows: list[sqlite3.Row]) -> list[dict[str, Any]]:
    ids = [r["rid"] for r in rows]
    members: dict[int, list[int]] = defaultdict(list)
    sources: dict[int, dict[str, dict]] = defaultdict(dict)
    for m in conn.execute(
        f"""SELECT e.merged, e.rid, {_SOURCE} FROM events e JOIN articles a ON a.rid = e.article
            WHERE e.merged IN ({",".join("?" * len(ids))}) ORDER BY e.rid""",
        ids,
    ):
        members[m["merged"]].append(m["rid"])
        sources[m["merged"]].setdefault(m["a_id"], _source(m))
    evidence, claims = _details(conn, [e for r in ids for e in members[r]])
    out = []
    for r in rows:
        d = _common(r, merged=True)
        mine = members[r["rid"]]
        d.update(
            claims=[c for e in mine for c in claims[e]],
            evidence=[v for e in mine for v in evidence[e]],
            sources=list(sources[r["rid"]].values()),
            source_count=r["sources"],
            events=mine,
        )
        out.append(d)
    return out


def article(conn: sqlite3.Connection, article_id: str) -> dict[str, Any] | None:
    """The full `eventwire.document/1` dict of a stored article, or None."""
    row = conn.execute("SELECT text, doc FROM articles WHERE id = ?", (article_id,)).fetchone()
    if row is None:
        return None
    doc = json.loads(row["doc"])
    doc["text"] = row["text"]
    if doc.get("source"):
        doc["source"]["path"] = _file_name(doc["source"].get("path"))
    return doc


def articles(conn: sqlite3.Connection, limit: int, offset: int, q: str | None = None) -> list[dict[str, Any]]:
    """Article summaries, newest first; with `q`, articles whose title or text hold every word, best first."""
    counts = """(SELECT count(*) FROM events e WHERE e.article = a.rid) AS n_events,
                (SELECT count(*) FROM flags f WHERE f.article = a.rid) AS n_flags"""
    if q and q.strip():
        rows = conn.execute(
            f"""SELECT a.*, {counts}, snippet(articles_fts, 1, '[', ']', '…', 12) AS snippet
                FROM articles_fts JOIN articles a ON a.rid = articles_fts.rowid
                WHERE articles_fts MATCH ? ORDER BY rank LIMIT ? OFFSET ?""",
            (fts_query(q), limit, offset),
        ).fetchall()
    else:
        rows = conn.execute(
            f"""SELECT a.*, {counts}, NULL AS snippet FROM articles a
                ORDER BY a.published IS NULL, a.published DESC, a.rid LIMIT ? OFFSET ?""",
            (limit, offset),
        ).fetchall()
    return [
        {
            "id": r["id"],
            "title": r["title"],
            "published": r["published"],
            "language": r["language"],
            "source": {
                "path": _file_name(r["source_path"]),
                "id": r["source_id"],
                "url": r["source_url"],
                "format": r["source_format"],
            },
            "events": r["n_events"],
            "flags": r["n_flags"],
            "chars": len(r["text"]),
            **({"snippet": r["snippet"]} if r["snippet"] is not None else {}),
        }
        for r in rows
    ]


def count_articles(conn: sqlite3.Connection, q: str | None = None) -> int:
    """How many articles `articles` lists: all, or with `q` those whose title or text hold every word."""
    if q and q.strip():
        sql, params = "SELECT count(*) FROM articles_fts WHERE articles_fts MATCH ?", (fts_query(q),)
        return conn.execute(sql, params).fetchone()[0]
    return conn.execute("SELECT count(*) FROM articles").fetchone()[0]


_PLACE_KEY = "p.name, p.geonameid, p.lat, p.lon, p.country_code, p.admin1, p.feature"
"""What makes places distinct: the same place mentioned by many articles is one row."""


def places(conn: sqlite3.Connection, limit: int, offset: int) -> list[dict[str, Any]]:
    """Distinct places with how many articles mention them and events happen there, most events first."""
    rows = conn.execute(
        f"""SELECT {_PLACE_KEY},
                  count(DISTINCT p.article) AS articles, count(e.rid) AS events
           FROM places p LEFT JOIN events e ON e.place = p.rid
           GROUP BY {_PLACE_KEY}
           ORDER BY events DESC, articles DESC, p.name LIMIT ? OFFSET ?""",
        (limit, offset),
    )
    return [dict(r) for r in rows]


def count_places(conn: sqlite3.Connection) -> int:
    """How many distinct places `places` lists."""
    return conn.execute(f"SELECT count(*) FROM (SELECT 1 FROM places p GROUP BY {_PLACE_KEY})").fetchone()[0]


def entities(conn: sqlite3.Connection, limit: int, offset: int) -> list[dict[str, Any]]:
    """Distinct entities (by name and type) with their article and mention counts, most articles first."""
    rows = conn.execute(
        """SELECT n.name, n.type, count(DISTINCT n.article) AS articles,
                  (SELECT count(*) FROM mentions m JOIN entities x ON x.rid = m.entity
                   WHERE x.name = n.name AND x.type = n.type) AS mentions
           FROM entities n GROUP BY n.name, n.type
           ORDER BY articles DESC, mentions DESC, n.name LIMIT ? OFFSET ?""",
        (limit, offset),
    )
    return [dict(r) for r in rows]


def count_entities(conn: sqlite3.Connection) -> int:
    """How many distinct entities `entities` lists."""
    return conn.execute("SELECT count(*) FROM (SELECT 1 FROM entities GROUP BY name, type)").fetchone()[0]


def search(conn: sqlite3.Connection, q: str, limit: int) -> dict[str, list[dict[str, Any]]]:
    """Full-text search: matching articles (title or text) and matching event evidence, best first."""
    hits = conn.execute(
        """SELECT v.event, e.merged, a.id AS article, v.text,
                  snippet(evidence_fts, 0, '[', ']', '…', 12) AS snippet
           FROM evidence_fts JOIN evidence v ON v.rid = evidence_fts.rowid
           JOIN events e ON e.rid = v.event JOIN articles a ON a.rid = e.article
           WHERE evidence_fts MATCH ? ORDER BY rank LIMIT ?""",
        (fts_query(q), limit),
    )
    return {"articles": articles(conn, limit, 0, q), "evidence": [dict(r) for r in hits]}


def flags(conn: sqlite3.Connection, limit: int, offset: int, kind: str | None = None) -> list[dict[str, Any]]:
    """Flags with their article, newest articles first; optionally of one kind."""
    rows = conn.execute(
        """SELECT f.kind, f.message, f.evidence, a.id AS article, a.title, a.published FROM flags f
           JOIN articles a ON a.rid = f.article WHERE ? IS NULL OR f.kind = ?
           ORDER BY a.published IS NULL, a.published DESC, f.rid LIMIT ? OFFSET ?""",
        (kind, kind, limit, offset),
    )
    return [{**dict(r), "evidence": json.loads(r["evidence"])} for r in rows]


def count_flags(conn: sqlite3.Connection, kind: str | None = None) -> int:
    """How many flags `flags` lists (of one kind, when given)."""
    return conn.execute("SELECT count(*) FROM flags WHERE ? IS NULL OR kind = ?", (kind, kind)).fetchone()[0]

"""Writing one article, and everything found in it, into the store's tables."""

from __future__ import annotations

import datetime as dt
import json
import sqlite3
from typing import Any

from eventwire.model import Article, Event, Participant
from eventwire.settings import Settings
from eventwire.store.dates import day_range, shift


def write_article(
    conn: sqlite3.Connection,
    article: Article,
    settings: Settings,
    extractor: str | None = None,
    rid: int | None = None,
) -> tuple[int, list[int]]:
    """Insert an article's rows inside the caller's transaction.

    Args:
        conn: the connection, inside a writing transaction.
        article: the article with its findings.
        settings: the undated-event window.
        extractor: the extractor that made its findings.
        rid: the row id to store it under (a re-extracted article keeps its place), or None for the next.

    Returns:
        The article's rid and
        the rids of its events, in document order, for merging.
    """
    doc = article.to_dict()
    doc["text"] = ""
    src = article.source
    rid = _insert(
        conn,
        "articles",
        {
            **({"rid": rid} if rid is not None else {}),
            "id": article.id,
            "title": article.title,
            "published": article.published,
            "language": article.language,
            "source_path": src.path,
            "source_id": src.id,
            "source_url": src.url,
            "source_format": src.format,
            "text": article.text,
            "doc": json.dumps(doc, ensure_ascii=False),
            "ingested_at": dt.datetime.now(dt.UTC).isoformat(timespec="seconds"),
            "extractor": extractor,
        },
    )
    _insert_many(
        conn,
        "paragraphs",
        [
            {"article": rid, "idx": p.index, "kind": p.kind, "start": p.start, "end": p.end}
            for p in article.paragraphs
        ],
    )
    mentions: list[dict[str, Any]] = []
    for e in article.entities:
        row = {"article": rid, "local_id": e.id, "name": e.name, "type": e.type}
        row.update(roles=json.dumps(e.roles), attributes=json.dumps(e.attributes, ensure_ascii=False))
        erid = _insert(conn, "entities", row)
        mentions += [{"article": rid, "entity": erid, "place": None, **_span(m)} for m in e.mentions]
    places: dict[str, int] = {}
    for p in article.places:
        row = {
            "article": rid,
            "local_id": p.id,
            "name": p.name,
            "geonameid": p.geonameid,
            "lat": p.lat,
            "lon": p.lon,
        }
        row.update(country_code=p.country_code, admin1=p.admin1, feature=p.feature)
        places[p.id] = prid = _insert(conn, "places", row)
        mentions += [{"article": rid, "entity": None, "place": prid, **_span(m)} for m in p.mentions]
    _insert_many(conn, "mentions", mentions)
    _insert_many(
        conn,
        "times",
        [
            {"article": rid, **_span(t), "value": t.value, "precision": t.precision}
            | {"range_start": t.range[0] if t.range else None, "range_end": t.range[-1] if t.range else None}
            for t in article.times
        ],
    )
    _insert_many(
        conn,
        "quantities",
        [
            {"article": rid, **_span(q), "value": q.value, "unit": q.unit, "qualifier": q.qualifier}
            for q in article.quantities
        ],
    )
    _insert_many(
        conn,
        "flags",
        [
            {"article": rid, "kind": f.kind, "message": f.message}
            | {"evidence": json.dumps([_span(s) for s in f.evidence], ensure_ascii=False)}
            for f in article.flags
        ],
    )
    return rid, [_write_event(conn, rid, ev, places, article.published, settings) for ev in article.events]


def _write_event(
    conn: sqlite3.Connection,
    article: int,
    ev: Event,
    places: dict[str, int],
    published: str | None,
    settings: Settings,
) -> int:
    days = day_range(ev.date, ev.date_end)
    if days is None and (pub := day_range(published)):
        days = (shift(pub[0], -settings.merge_undated_days), pub[1])
    acled = ev.acled or {}
    row = {
        "article": article,
        "local_id": ev.id,
        "type": ev.type.upper(),
        "mode": ev.mode,
        "context": json.dumps(ev.context),
        **_party("actor", ev.actor),
        **_party("recipient", ev.recipient),
        "place": places.get(ev.place or ""),
        "place_source": ev.place_source,
        "date": ev.date,
        "date_precision": ev.date_precision,
        "date_end": ev.date_end,
        "date_source": ev.date_source,
        "day_start": days[0] if days else None,
        "day_end": days[1] if days else None,
        "status": ev.status,
        "dead": ev.size.dead,
        "injured": ev.size.injured,
        "arrested": ev.size.arrested,
        "count": ev.size.count,
        "acled_event_type": acled.get("event_type"),
        "acled_sub_event_type": acled.get("sub_event_type"),
        "acled_coding": acled_coding(acled),
        "confidence": ev.confidence,
        "extractor": ev.extractor,
    }
    erid = _insert(conn, "events", row)
    _insert_many(
        conn, "evidence", [{"event": erid, **_span(s), "paragraph": s.paragraph} for s in ev.evidence]
    )
    _insert_many(
        conn, "claims", [{"event": erid, "speaker": c.speaker, "stance": c.stance} for c in ev.claims]
    )
    return erid


def _insert(conn: sqlite3.Connection, table: str, row: dict[str, Any]) -> int:
    """Insert one row given as column → value; return its rowid."""
    return conn.execute(_sql(table, row), row).lastrowid or 0


def _insert_many(conn: sqlite3.Connection, table: str, rows: list[dict[str, Any]]) -> None:
    """Insert rows that all have the same columns."""
    if rows:
        conn.executemany(_sql(table, rows[0]), rows)


def _sql(table: str, row: dict[str, Any]) -> str:
    columns = ", ".join(f'"{c}"' for c in row)
    return f"INSERT INTO {table} ({columns}) VALUES ({', '.join(f':{c}' for c in row)})"


def _span(s: Any) -> dict[str, Any]:
    return {"start": s.start, "end": s.end, "text": s.text}


def _party(role: str, p: Participant | None) -> dict[str, str | None]:
    return {
        f"{role}_text": p.text if p else None,
        f"{role}_entity": p.entity if p else None,
        f"{role}_name": p.name if p else None,
    }


def acled_coding(acled: dict[str, Any]) -> str | None:
    """The ACLED coding beyond the two types, as stored JSON (None when there is none)."""
    rest = {k: v for k, v in acled.items() if k not in ("event_type", "sub_event_type")}
    return json.dumps(rest, ensure_ascii=False, sort_keys=True) if rest else None

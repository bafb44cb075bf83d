"""PLOVER JSON Lines: one record per event with the PLOVER manual's field names (its "Data Fields" chapter).

Fields used: `id`, `has_event`, `date`, `enddate`, `actor` and `recipient` (lists of entity objects with
`entity_text` and `identifier_text`), `event`, `mode`, `context`, `quad_code`, `event_loc` (the location
object: `extracted_place`, `resolved_place`, `geonameid`, `lat`, `lon`, `province`, `country`,
`country_code` as ISO alpha-3, `feature_class`, `resolution` 4 city / 2 province / 1 country),
`event_text`, `text_info`, `cite_info`, `size` and `coder`. As the manual invites, eventwire adds its own:
`date_precision`, `status`, `claims`, `confidence`, `sources` (every reporting article) and `source_count`.
`date` is the first day of the event's date at its precision (the week's Monday for `2022-W11`); an
undated event takes its earliest source's publication day, with `date_precision` null.
"""

from __future__ import annotations

import json
from collections.abc import Iterable
from typing import IO, Any

from eventwire import __version__
from eventwire.export.common import country, days, evidence_text, export_id, first_day, source_labels
from eventwire.knowledge import plover as ontology

QUAD = {"verbal cooperation": 1, "material cooperation": 2, "verbal conflict": 3, "material conflict": 4}
RESOLUTION = {"city": 4, "other": 4, "admin1": 2, "region": 2, "country": 1}
FEATURE_CLASS = {"city": "P", "admin1": "A", "country": "A", "region": "L"}


def plover_record(event: dict[str, Any]) -> dict[str, Any]:
    """One event as a PLOVER record."""
    span = days(event)
    first = event["evidence"][0] if event["evidence"] else None
    source = event["sources"][0] if event["sources"] else {}
    return {
        "id": export_id(event),
        "has_event": True,
        "date": first_day(event),
        "enddate": span[1] if span and span[1] != span[0] else None,
        "date_precision": event["date_precision"],
        "actor": _entities(event["actor"]),
        "recipient": _entities(event["recipient"]),
        "event": [event["type"]],
        "mode": [event["mode"]] if event["mode"] else [],
        "context": event["context"],
        "quad_code": _quad(event["type"]),
        "event_loc": _location(event),
        "event_text": evidence_text(event),
        "text_info": {"sequence": first["paragraph"], "start": first["start"], "end": first["end"]}
        if first
        else None,
        "cite_info": {
            "url": source.get("url"),
            "title": source.get("title"),
            "coder": f"eventwire {__version__}",
        },
        "size": {k: event["size"][k] for k in ("dead", "injured", "arrested")},
        "status": event["status"],
        "claims": event["claims"],
        "confidence": event["confidence"],
        "sources": [
            dict(s, label=label) for s, label in zip(event["sources"], source_labels(event), strict=True)
        ],
        "source_count": len(event["sources"]),
        "coder": f"eventwire {__version__}",
    }


def write_plover(events: Iterable[dict[str, Any]], out: IO[str]) -> int:
    """Write events as PLOVER JSON Lines; return how many were written."""
    n = 0
    for event in events:
        out.write(json.dumps(plover_record(event), ensure_ascii=False) + "\n")
        n += 1
    return n


def _entities(p: dict[str, Any] | None) -> list[dict[str, Any]]:
    if not p:
        return []
    return [{"entity_text": p["text"], "identifier_text": p["name"]}]


def _quad(event_type: str) -> int | None:
    try:
        return QUAD.get(ontology.quad(event_type))
    except KeyError:
        return None


def _location(event: dict[str, Any]) -> dict[str, Any] | None:
    place = event["place"]
    if not place:
        return None
    alpha3, name = country(place["country_code"])
    return {
        "extracted_place": place["name"],
        "resolved_place": place["name"],
        "geonameid": place["geonameid"],
        "lat": place["lat"],
        "lon": place["lon"],
        "province": place["admin1"],
        "country": name or None,
        "country_code": alpha3 or None,
        "feature_class": FEATURE_CLASS.get(place["feature"]),
        "resolution": RESOLUTION.get(place["feature"]),
    }

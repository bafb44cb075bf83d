"""What several exports need from an event dict: its export id, day, precision codes, names, sources."""

from __future__ import annotations

from typing import Any

import pycountry

from eventwire.store.dates import day_range


def export_id(event: dict[str, Any]) -> str:
    """A stable id: `merged-N` for a merged event, `<article id>/<event id>` for an article's event."""
    return f"{event['article']}/{event['local_id']}" if "article" in event else f"merged-{event['id']}"


def days(event: dict[str, Any]) -> tuple[str, str] | None:
    """The first and last day the event's date may mean, or None when undated."""
    return day_range(event["date"], event["date_end"])


def first_day(event: dict[str, Any]) -> str | None:
    """The first day the event's date may mean; undated: its earliest source's publication day."""
    span = days(event)
    if span:
        return span[0]
    return min((s["published"] for s in event["sources"] if s["published"]), default=None)


def party(event: dict[str, Any], role: str) -> str:
    """The actor's or recipient's name, else its text, else ""."""
    p = event[role]
    return (p["name"] or p["text"] or "") if p else ""


def country(code: str | None) -> tuple[str, str]:
    """A two-letter country code as its ISO alpha-3 code and English name ("", "" when unknown)."""
    found = pycountry.countries.get(alpha_2=code.upper()) if code else None
    return (found.alpha_3, found.name) if found else ("", "")


def source_labels(event: dict[str, Any]) -> list[str]:
    """Each source article as its URL, else its title, else its path."""
    return [s["url"] or s["title"] or s["path"] or s["article"] for s in event["sources"]]


def evidence_text(event: dict[str, Any]) -> list[str]:
    """The event's evidence texts, each once, in order."""
    return list(dict.fromkeys(v["text"] for v in event["evidence"]))

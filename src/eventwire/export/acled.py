"""ACLED CSV: one row per event that ACLED codes, in ACLED's documented columns (`knowledge/acled.json`
`export.columns`: ACLED Codebook 2023) with its codes.

- Rows: events with an ACLED view; an event ACLED does not code (a meeting, a request) stays out, and so
  does one ACLED cannot place in time or space: no day at all, a date coarser than a month (a year is
  never written as 1 January), no place, or no actor1. How many were left out, and why, is logged.
- `event_date`, `time_precision`: the day (1); a week or a span under a week at its middle day (2); a
  month or a span under a month at its middle day (3); an undated event at its earliest report's day (3).
- Actors, inter codes, interaction, disorder type, civilian targeting and geo precision are the event's
  ACLED coding (`events.acled_actors`); `iso`, `country`, `region` ACLED's for the place's country.
- `source`: the publishers (by web address; else the address's host), `source_scale` theirs;
  `notes` one sentence from the evidence with the date before it; `tags` the crowd size of a protest or
  riot ("crowd size=no report" when none was given); `timestamp` the Unix time the latest source was
  stored.
"""

from __future__ import annotations

import csv
import datetime as dt
import logging
import re
from collections import Counter
from collections.abc import Iterable
from typing import IO, Any
from urllib.parse import urlsplit

from eventwire.export.common import days, evidence_text, export_id
from eventwire.knowledge import load_knowledge
from eventwire.knowledge.acled import Acled

log = logging.getLogger(__name__)


def _acled() -> Acled:
    return load_knowledge().acled


def columns() -> list[str]:
    """ACLED's documented columns, in ACLED's order."""
    return list(_acled().export.columns)


class LeftOut(Exception):
    """An event the ACLED export cannot write, and why."""


def acled_row(event: dict[str, Any]) -> dict[str, Any]:
    """One event as an ACLED row (column → value).

    Raises:
        LeftOut: when ACLED would not code the event, or it lacks a date, a place or an actor.
    """
    acled = event["acled"]
    if not acled:
        raise LeftOut("not coded by ACLED")
    if "actor1" not in acled:
        raise LeftOut("without ACLED coding (stored by an older extractor: eventwire reprocess)")
    day, precision, dated = _when(event)
    place = event["place"]
    if place is None or place.get("lat") is None:
        raise LeftOut("no place")
    actor1, actor2 = acled.get("actor1"), acled.get("actor2")
    if not actor1:
        raise LeftOut("no actor")
    rules = _acled().actors
    words = _acled().export
    country = rules.countries.get(place.get("country_code") or "")
    feature = place.get("feature")
    geo = acled.get("geo_precision") or rules.geo_features.get(feature or "", rules.geo_near)
    return {
        "event_id_cnty": export_id(event),
        "event_date": day,
        "year": day[:4],
        "time_precision": precision,
        "disorder_type": acled.get("disorder_type")
        or rules.disorder(acled["event_type"], acled["sub_event_type"]),
        "event_type": acled["event_type"],
        "sub_event_type": acled["sub_event_type"],
        "actor1": actor1["name"],
        "assoc_actor_1": acled.get("assoc_actor_1") or "",
        "inter1": actor1["inter"],
        "actor2": actor2["name"] if actor2 else "",
        "assoc_actor_2": acled.get("assoc_actor_2") or "",
        "inter2": actor2["inter"] if actor2 else "",
        "interaction": acled.get("interaction") or "",
        "civilian_targeting": words.civilian_targeting if acled.get("civilian_targeting") else "",
        "iso": country.iso if country else "",
        "region": country.region if country else "",
        "country": country.name if country else "",
        "admin1": place.get("admin1") or (place["name"] if feature in ("admin1", "region") else ""),
        "admin2": place["name"] if feature == "admin2" else "",
        "admin3": "",
        "location": place["name"],
        "latitude": place["lat"],
        "longitude": place["lon"],
        "geo_precision": geo,
        "source": "; ".join(dict.fromkeys(p for p, _ in _publishers(event))),
        "source_scale": _scale(event, place.get("country_code")),
        "notes": notes(event, day, precision, dated),
        "fatalities": event["size"]["dead"] or 0,
        "tags": _tags(event),
        "timestamp": _timestamp(event),
    }


def write_acled(events: Iterable[dict[str, Any]], out: IO[str]) -> int:
    """Write the events ACLED codes as CSV with a header row; return how many rows were written."""
    writer = csv.DictWriter(out, fieldnames=columns(), lineterminator="\n")
    writer.writeheader()
    written, left_out = 0, Counter()
    for event in events:
        try:
            writer.writerow(acled_row(event))
        except LeftOut as why:
            left_out[str(why)] += 1
            continue
        written += 1
    if left_out:
        log.info(
            "ACLED export: %d left out (%s)",
            left_out.total(),
            ", ".join(f"{n} {w}" for w, n in left_out.items()),
        )
    return written


def _when(event: dict[str, Any]) -> tuple[str, int, bool]:
    """The event's ACLED date, time precision and whether the event itself is dated."""
    span = days(event)
    if span is None:
        published = min((s["published"] for s in event["sources"] if s["published"]), default=None)
        if published is None:
            raise LeftOut("undated")
        return published, 3, False
    first, last = dt.date.fromisoformat(span[0]), dt.date.fromisoformat(span[1])
    width = (last - first).days
    if width == 0:
        return span[0], 1, True
    if width > 31:
        raise LeftOut("dated no closer than a month")
    middle = (first + dt.timedelta(days=width // 2)).isoformat()
    return middle, 2 if width < 7 else 3, True


def notes(event: dict[str, Any], day: str, precision: int, dated: bool) -> str:
    """One sentence: the event's evidence (a body sentence over the headline), its attribution taken
    off, with its date before it ("On 17 March 2022, a car bomb killed nine police officers …")."""
    words = _acled().export
    texts = [v["text"] for v in event["evidence"] if v.get("paragraph") != 0] or evidence_text(event)
    sentence = " ".join((texts[0] if texts else "").split()).strip(" \"'“”‘’")
    sentence = words.attribution.sub("", sentence).rstrip(" .;:,")
    if not sentence:
        return ""
    first = sentence.split(" ", 1)[0]
    if first.lower() in words.lower_first:
        sentence = first.lower() + sentence[len(first) :]
    date = dt.date.fromisoformat(day)
    when = f"{words.months[date.month - 1]} {date.year}"
    if precision < 3 or not dated:
        when = f"{date.day} {when}"
    lead = words.leads[precision] if dated else words.undated
    return lead.replace("{date}", when) + sentence + "."


def _publishers(event: dict[str, Any]) -> list[tuple[str, str | None]]:
    """Each source's publisher and its country ("" for international), by its web address."""
    out: list[tuple[str, str | None]] = []
    publishers = _acled().export.publishers
    for s in event["sources"]:
        host = urlsplit(s.get("url") or "").hostname or ""
        host = re.sub(r"^www\d?\.", "", host)
        known = next((p for d, p in publishers.items() if host == d or host.endswith("." + d)), None)
        if known is not None:
            out.append((known.name, known.country or ""))
        elif host:
            out.append((host, None))
    return out


def _scale(event: dict[str, Any], country: str | None) -> str:
    """ACLED's source scale: International for an outlet of international reach or abroad, National for
    one of the event's country; several joined with "-"; "" when no publisher is known."""
    scales = set()
    for _, home in _publishers(event):
        if home == "":
            scales.add("International")
        elif home is not None:
            scales.add("National" if home == country else "International")
    return "-".join(s for s in ("National", "International") if s in scales)


def _tags(event: dict[str, Any]) -> str:
    if event["acled"]["event_type"] not in _acled().export.crowd_types:
        return ""
    count = event["size"].get("count")
    return f"crowd size={count}" if count else "crowd size=no report"


def _timestamp(event: dict[str, Any]) -> int | str:
    stored = [s["ingested_at"] for s in event["sources"] if s.get("ingested_at")]
    return int(dt.datetime.fromisoformat(max(stored)).timestamp()) if stored else ""

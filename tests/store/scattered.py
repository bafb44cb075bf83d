"""A store of articles whose events are scattered over types, places (poles and the antimeridian
included), dates and actors, and the event filter applied by brute force in Python, to check the
store's SQL against.

Imported by tests/store and tests/api as `store.scattered` (tests/ is on sys.path).
"""

from __future__ import annotations

import random
from typing import Any

from eventwire.model import (
    STATUSES,
    Article,
    Claim,
    Event,
    Evidence,
    Paragraph,
    Participant,
    Place,
    Size,
    Source,
    Span,
)
from eventwire.store import EventFilter
from eventwire.store.dates import day_range
from eventwire.store.merge_across import km

TYPES = ["ASSAULT", "PROTEST", "COERCE", "SANCTION", "CONSULT"]
ACTORS = [("Police", "Kenya Police"), ("Protesters", None), ("Russian forces", "Russia"), ("the army", None)]
SITES = [
    # name, admin1, country code, lat, lon (None: a place the gazetteer could not locate)
    ("Kharkiv", "Kharkiv Oblast", "UA", 49.98, 36.25),
    ("Lviv", "Lviv Oblast", "UA", 49.84, 24.03),
    ("Nairobi", "Nairobi County", "KE", -1.29, 36.82),
    ("New York", "New York State", "US", 40.71, -74.01),
    ("Newark", "New Jersey", "US", 40.74, -74.17),
    ("Suva", "Central", "FJ", -18.14, 178.44),
    ("Taveuni", "Northern", "FJ", -16.85, -179.97),
    ("Anadyr", "Chukotka", "RU", 64.73, 177.51),
    ("Nome", "Alaska", "US", 64.5, -165.41),
    ("North Pole camp", None, None, 89.9, 10.0),
    ("Amundsen-Scott", None, "AQ", -90.0, 0.0),
    ("Longyearbyen", "Svalbard", "SJ", 78.22, 15.65),
    ("Quito", "Pichincha", "EC", -0.18, -78.47),
    ("Somewhere", None, "UA", None, None),
    ("Juba", "Central Equatoria", "SS", 4.85, 31.58),
    ("Lviv Oblast", "Lviv Oblast", "UA", 49.8, 24.0),
]
DIVISIONS = {
    "UA-63": ("UA", "Kharkiv Oblast"),
    "UA.15": ("UA", "Lviv Oblast"),
    "US-NY": ("US", "New York State"),
}
"""First-level divisions by ISO 3166-2 or GeoNames code, and the names the store keeps."""
ACLED_TYPES = [None, ("Battles", "Armed clash"), ("Protests", "Peaceful protest"), ("Riots", "Mob violence")]
DEAD = [None, None, 0, 1, 5, 40]
STANCES = [[], [], ["assert"], ["assert", "deny"], ["hedge"]]
DATES = [
    ("2022-03-21", "day", None),
    ("2022-03-22", "day", None),
    ("2022-03-23", "day", "2022-03-25"),
    ("2022-W12", "week", None),
    ("2022-03", "month", None),
    ("2022-04-02", "day", None),
    ("2022", "year", None),
]


def scattered_articles(n: int = 40, seed: int = 7) -> list[Article]:
    """`n` articles of one to four events each, drawn with a fixed seed; some events are unplaced."""
    rng = random.Random(seed)
    more = random.Random(seed + 1)  # status, size, claims, confidence and ACLED type, drawn apart
    articles = []
    for i in range(n):
        sentences, events, places = [f"Report {i}"], [], []
        for j in range(rng.randint(1, 4)):
            name, admin1, cc, lat, lon = rng.choice(SITES)
            if lat is not None and abs(lat) < 89:  # jitter, so that places differ between articles
                lat, lon = lat + rng.uniform(-0.3, 0.3), (lon + rng.uniform(-0.3, 0.3) + 540) % 360 - 180
            actor_text, actor_name = rng.choice(ACTORS)
            etype = rng.choice(TYPES)
            date, precision, end = rng.choice(DATES)
            sentence = f"{actor_text} were reported in {name} ({etype.lower()} {j})."
            start = sum(len(s) + 2 for s in sentences)
            sentences.append(sentence)
            place = None
            if rng.random() < 0.85:
                place = f"p{j + 1}"
                at = start + sentence.index(name)
                mention = Span(at, at + len(name), name)
                places.append(Place(place, name, 1000 + j, lat, lon, cc, admin1, "city", [mention]))
            acled = more.choice(ACLED_TYPES)
            events.append(
                Event(
                    f"ev{j + 1}",
                    etype,
                    actor=Participant(actor_text, None, actor_name),
                    place=place,
                    date=date,
                    date_precision=precision,
                    date_end=end,
                    evidence=[Evidence(start, start + len(sentence), sentence, j + 1)],
                    confidence=more.choice([0.4, 0.55, 0.7, 0.9]),
                    status=more.choice(STATUSES),
                    size=Size(dead=more.choice(DEAD)),
                    claims=[Claim(f"speaker {k}", stance) for k, stance in enumerate(more.choice(STANCES))],
                    acled={"event_type": acled[0], "sub_event_type": acled[1]} if acled else None,
                )
            )
        text = "\n\n".join(sentences)
        paragraphs, at = [], 0
        for k, s in enumerate(sentences):
            paragraphs.append(Paragraph(k, "title" if k == 0 else "body", at, at + len(s), [k]))
            at += len(s) + 2
        articles.append(
            Article(
                text=text,
                source=Source(path=f"report-{i}.txt"),
                title=sentences[0],
                published="2022-03-24",
                paragraphs=paragraphs,
                places=places,
                events=events,
            )
        )
    return articles


def merged_days(merged: dict[str, Any], events: dict[int, dict[str, Any]]) -> tuple[str, str]:
    """The days a merged event may fall on: from its members' first day to their last (all are dated)."""
    ranges = [day_range(events[e]["date"], events[e]["date_end"]) for e in merged["events"]]
    return min(r[0] for r in ranges if r), max(r[1] for r in ranges if r)


def matches(event: dict[str, Any], f: EventFilter, days: tuple[str, str] | None = None) -> bool:
    """Whether an event (or merged event) dict passes the filter, `q` aside, decided in Python.

    `days` are the days the event may fall on, by default those of its own date.
    """
    if not _matches_figures(event, f):
        return False
    place = event["place"]
    if f.type and event["type"] not in {t.strip().upper() for t in f.type.split(",")}:
        return False
    names = (place["name"].lower(), (place["admin1"] or "").lower()) if place else ()
    if f.place and f.place.lower() not in names:
        return False
    if f.country and (place is None or place["country_code"] != f.country.upper()):
        return False
    division = (place["country_code"], place["admin1"]) if place else None
    if f.admin1 and division != DIVISIONS[f.admin1.upper()]:
        return False
    if f.near:
        lat, lon, radius = f.near
        if place is None or place["lat"] is None or km(place["lat"], place["lon"], lat, lon) > radius:
            return False
    days = days or day_range(event["date"], event["date_end"])
    if f.since and (days is None or days[1] < f.since):
        return False
    if f.until and (days is None or days[0] > f.until):
        return False
    if f.actor:
        needle = f.actor.lower()
        sides = [event[role] or {} for role in ("actor", "recipient")]
        if not any(needle in (side.get(k) or "").lower() for side in sides for k in ("text", "name")):
            return False
    return True


def _matches_figures(event: dict[str, Any], f: EventFilter) -> bool:
    """Whether the event passes the filter's ACLED type, status, size, confidence and dispute tests."""
    acled = (event["acled"] or {}).get("event_type")
    if f.acled_type and acled not in f.acled_type.split(","):
        return False
    if f.status and event["status"] not in f.status.split(","):
        return False
    dead = event["size"]["dead"]
    if f.min_dead is not None and (dead is None or dead < f.min_dead):
        return False
    if f.min_confidence is not None and event["confidence"] < f.min_confidence:
        return False
    return not f.disputed or any(c["stance"] == "deny" for c in event["claims"])


FILTERS = [
    EventFilter(type="ASSAULT"),
    EventFilter(type="protest,COERCE"),
    EventFilter(place="new york"),
    EventFilter(place="UA"),  # no place is named UA: not a part of "Juba", nor a country code
    EventFilter(place="Lviv Oblast", type="ASSAULT,SANCTION"),  # a division's name, and a place's
    EventFilter(country="FJ"),
    EventFilter(country="ua", since="2022-03-22"),
    EventFilter(admin1="UA-63"),
    EventFilter(admin1="ua.15", type="PROTEST,ASSAULT"),
    EventFilter(admin1="US-NY", country="US"),
    EventFilter(admin1="US-NY", country="UA"),
    EventFilter(near=(40.71, -74.0, 30)),
    EventFilter(near=(40.71, -74.0, 300)),
    EventFilter(near=(-17.5, 179.9, 250)),  # across the antimeridian, from the east
    EventFilter(near=(-17.5, -179.9, 250)),  # and from the west
    EventFilter(near=(64.6, 180.0, 800)),
    EventFilter(near=(89.0, -120.0, 500)),  # around the north pole
    EventFilter(near=(-89.5, 100.0, 100)),  # the south pole
    EventFilter(near=(78.0, 15.0, 2000)),
    EventFilter(near=(0.0, 0.0, 20_100)),  # the whole Earth
    EventFilter(near=(0.0, 0.0, 10)),
    EventFilter(near=(49.98, 36.25, 0)),
    EventFilter(since="2022-03-23"),
    EventFilter(until="2022-03-21"),
    EventFilter(since="2022-03-22", until="2022-03-22"),
    EventFilter(since="2022-04-01", until="2022-12-31", type="ASSAULT,PROTEST"),
    EventFilter(actor="police"),
    EventFilter(actor="RUSSIA", near=(40.0, -74.0, 900), since="2022-03-01"),
    EventFilter(type="CONSULT", country="US", until="2022-03-31"),
    EventFilter(acled_type="Battles"),
    EventFilter(acled_type="Protests,Riots", country="UA"),
    EventFilter(status="occurred,ongoing"),
    EventFilter(status="expected", type="ASSAULT"),
    EventFilter(min_dead=0),
    EventFilter(min_dead=5),
    EventFilter(min_confidence=0.7),
    EventFilter(disputed=True),
    EventFilter(disputed=True, min_dead=1, status="occurred,historical"),
]
"""Filters to compare, each alone and combined, covering each clause `where` writes but `q`."""

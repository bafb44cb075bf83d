"""Flags: what a careful reader of one article would question, each with the spans that show it.

- `contradiction`: statements that cannot both be true: two people named to one office that only one
  person holds ("Putin's spokesman Anatoly Chubais" against "Kremlin spokesman Dmitry Peskov"); two
  different tolls for one event; a weekday that does not fall on the date beside it; one event given
  two different days.
- `unresolved-date`: a time expression that could not be placed on the calendar (a relative date in an
  article with no publication date).
- `unresolved-place`: a place name the gazetteer could not place, where an event happened.
"""

from __future__ import annotations

import calendar
import re
from datetime import date

from eventwire.events.offices import clashes
from eventwire.model import Article, Event, Flag, Quantity, Span
from eventwire.pipeline import Step

_WEEKDAYS = {name.lower(): i for i, name in enumerate(calendar.day_name)}
_WEEKDAY = re.compile(r"\b(" + "|".join(calendar.day_name) + r")\b", re.IGNORECASE)
_WINDOW = 40
"""How far (characters) around a number to look for the word that says what it counts."""
_KINDS = {
    "dead": (
        re.compile(r"^[^.;]{0,25}?\b(?:killed|dead|died|deaths?|fatalities|lives|bodies)\b", re.IGNORECASE),
        re.compile(
            r"\b(?:killing|killed|toll\s+(?:\w+\s+)?(?:to|of|at|is|was|stands at))\s*$", re.IGNORECASE
        ),
    ),
    "injured": (
        re.compile(r"^[^.;]{0,25}?\b(?:injured|wounded|hurt|injuries)\b", re.IGNORECASE),
        re.compile(r"\b(?:injuring|wounding|injured|wounded)\s*$", re.IGNORECASE),
    ),
}
_DEATH_UNITS = {"death", "fatality", "body", "casualty"}
_UPDATE = re.compile(r"\b(?:rose|risen|rising|climbed|increased|updated|revised|jumped)\b", re.IGNORECASE)
_LOWER_BOUNDS = {"at least", "more than"}


def office_flags(article: Article) -> list[Flag]:
    """Two people named to the same one-holder office."""
    flags = []
    for a, b in clashes(article):
        message = (
            f"{a.entity.name} is called “{a.role}” and {b.entity.name} “{b.role}”: "
            f"only one person holds the office of {a.office.describe()}"
        )
        flags.append(Flag("contradiction", message, [a.evidence, b.evidence]))
    return flags


def _kind(article: Article, q: Quantity) -> str | None:
    """Whether a quantity counts the dead or the injured, from its unit and the words around it."""
    if q.unit in _DEATH_UNITS:
        return "dead"
    after = article.text[q.end : q.end + _WINDOW]
    before = article.text[max(0, q.start - _WINDOW) : q.start]
    for kind, (follows, precedes) in _KINDS.items():
        if follows.search(after) or precedes.search(before):
            return kind
    return None


def _figures(article: Article, event: Event) -> list[tuple[str, Quantity, Span]]:
    """The tolls stated in each of an event's evidence spans: (kind, quantity, evidence)."""
    out = []
    for ev in event.evidence:
        for q in article.quantities:
            if ev.start <= q.start and q.end <= ev.end and isinstance(q.value, int | float):
                kind = _kind(article, q)
                if kind:
                    out.append((kind, q, ev))
    return out


def _conflict(a: Quantity, b: Quantity) -> bool:
    """Whether two figures for one count cannot both hold (lower bounds allow any figure above them)."""
    if a.value == b.value or "about" in (a.qualifier, b.qualifier) or "up to" in (a.qualifier, b.qualifier):
        return False
    if a.qualifier in _LOWER_BOUNDS and b.qualifier in _LOWER_BOUNDS:
        return False
    if a.qualifier in _LOWER_BOUNDS:
        return b.value < a.value
    if b.qualifier in _LOWER_BOUNDS:
        return a.value < b.value
    return True


def _same_event(a: Event, b: Event) -> bool:
    return (
        a.type == b.type
        and a.place is not None
        and a.place == b.place
        and a.date is not None
        and a.date == b.date
        and a.status == b.status == "occurred"
    )


def _event_groups(article: Article) -> list[list[Event]]:
    """Each event alone, and pairs of events that are one event told twice (same type, place and day)."""
    groups = [[e] for e in article.events]
    groups += [
        [a, b] for i, a in enumerate(article.events) for b in article.events[i + 1 :] if _same_event(a, b)
    ]
    return groups


def count_flags(article: Article) -> list[Flag]:
    """Different tolls (dead, injured) for one event in different sentences of the article."""
    flags = []
    seen: set[tuple[int, int]] = set()
    for group in _event_groups(article):
        figures = [f for e in group for f in _figures(article, e)]
        for i, (kind, a, ev_a) in enumerate(figures):
            for kind_b, b, ev_b in figures[i + 1 :]:
                key = (min(a.start, b.start), max(a.start, b.start))
                if kind != kind_b or ev_a.start == ev_b.start or key in seen or not _conflict(a, b):
                    continue
                if _UPDATE.search(ev_a.text) or _UPDATE.search(ev_b.text):
                    continue
                seen.add(key)
                message = f"{group[0].type} event: {kind} given as “{a.text}” and as “{b.text}”"
                flags.append(
                    Flag(
                        "contradiction", message, [article.span(a.start, a.end), article.span(b.start, b.end)]
                    )
                )
    return flags


def weekday_flags(article: Article) -> list[Flag]:
    """A weekday named beside a date it does not fall on ("Monday, March 22" in 2022)."""
    flags = []
    for t in article.times:
        if t.precision != "day" or not t.value or not re.search(r"\d", t.text):
            continue
        lead = article.text[max(0, t.start - 12) : t.start]
        inner = _WEEKDAY.search(t.text)
        before = re.search(_WEEKDAY.pattern + r"[\s,]*$", lead, re.IGNORECASE)
        if inner:
            start, named = t.start, inner.group(1)
        elif before:
            start, named = t.start - len(lead) + before.start(), before.group(1)
        else:
            continue
        day = date.fromisoformat(t.value[:10])
        if day.weekday() != _WEEKDAYS[named.lower()]:
            span = article.span(start, t.end)
            message = f"“{span.text}”: {day.isoformat()} was a {calendar.day_name[day.weekday()]}"
            flags.append(Flag("contradiction", message, [span]))
    return flags


def event_date_flags(article: Article) -> list[Flag]:
    """One event given different days in different evidence spans."""
    flags = []
    for event in article.events:
        days = []
        for ev in event.evidence:
            inside = [
                t for t in article.times if ev.start <= t.start and t.end <= ev.end and t.precision == "day"
            ]
            if len(inside) == 1 and inside[0].value:
                days.append(inside[0])
        for i, a in enumerate(days):
            b = next(
                (b for b in days[i + 1 :] if b.value != a.value and not _overlap(a.range, b.range)), None
            )
            if b is not None:
                message = f"{event.type} event dated {a.value} (“{a.text}”) and {b.value} (“{b.text}”)"
                flags.append(
                    Flag(
                        "contradiction", message, [article.span(a.start, a.end), article.span(b.start, b.end)]
                    )
                )
                break
    return flags


def _overlap(a: list[str] | None, b: list[str] | None) -> bool:
    return bool(a and b) and a[0] <= b[1] and b[0] <= a[1]


def unresolved_date_flags(article: Article) -> list[Flag]:
    """Time expressions left without a value, one flag per wording with every place it occurs."""
    why = ": the article has no publication date" if article.published is None else ""
    by_text: dict[str, list[Span]] = {}
    for t in article.times:
        if t.value is None:
            by_text.setdefault(t.text.casefold(), []).append(article.span(t.start, t.end))
    return [
        Flag("unresolved-date", f"“{spans[0].text}” could not be placed on the calendar{why}", spans)
        for spans in by_text.values()
    ]


def _overlaps(a: Span, spans: list[Span]) -> bool:
    return any(b.start < a.end and a.start < b.end for b in spans)


def unresolved_place_flags(article: Article) -> list[Flag]:
    """Place names the gazetteer could not place, named in the evidence of an event left without a place.

    A place name is a GPE or LOC entity none of whose mentions is a place mention (or a place name used
    for its government, "Moscow says").
    """
    placed = [m for p in article.places for m in p.mentions]
    unplaced = []
    for e in article.entities:
        actor_uses = [Span(**m) for m in e.attributes.get("actor_mentions", [])]
        if (
            e.type in ("GPE", "LOC")
            and e.mentions
            and not any(_overlaps(m, placed + actor_uses) for m in e.mentions)
        ):
            unplaced.append(e)
    flags = []
    for e in unplaced:
        events = [
            ev
            for ev in article.events
            if ev.place is None and any(_overlaps(m, list(ev.evidence)) for m in e.mentions)
        ]
        if events:
            named = ", ".join(dict.fromkeys(ev.type for ev in events))
            message = f"“{e.name}” could not be placed, so the {named} event it names has no place"
            flags.append(
                Flag("unresolved-place", message, [article.span(m.start, m.end) for m in e.mentions])
            )
    return flags


class Flags(Step):
    """Add the article's flags: contradictions, unresolved dates and unresolved places."""

    name = "flags"
    needs = frozenset({"entities", "places", "times", "quantities", "events"})
    adds = frozenset({"flags"})

    def process(self, article: Article) -> Article:
        article.flags += (
            office_flags(article)
            + count_flags(article)
            + weekday_flags(article)
            + event_date_flags(article)
            + unresolved_date_flags(article)
            + unresolved_place_flags(article)
        )
        return article

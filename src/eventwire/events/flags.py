"""Flags: what a careful reader of one article would question, each with the spans that show it.

- `contradiction`: statements that cannot both be true: two people named to one office that only one
  person holds ("Putin's spokesman Anatoly Chubais" against "Kremlin spokesman Dmitry Peskov"); a
  weekday that does not fall on the date beside it; one event given two different days.
- `conflicting-count`: different tolls (dead, injured, arrested) for one event from different sources or
  sentences; the event keeps the lowest, as ACLED does, and the flag quotes every figure.
- `unresolved-date`: a time expression that could not be placed on the calendar (a relative date in an
  article with no publication date).
- `unresolved-place`: a place name the gazetteer could not place, where an event happened.

The words that tell a toll, an update or another event are the language pack's (`FlagWords`); how far
around a number or a date to look is in `Settings` (`flag_*`).
"""

from __future__ import annotations

import re
from datetime import date

from eventwire.events.merge_within import vague_figures
from eventwire.events.offices import clashes
from eventwire.knowledge import Knowledge
from eventwire.knowledge.flags import FlagWords, TollWords
from eventwire.model import Article, Event, Flag, Quantity, Span
from eventwire.pipeline import ArticleStep
from eventwire.settings import Settings

APPROXIMATE = frozenset({"about", "up to"})
"""Quantity qualifiers that make a figure approximate, so that it clashes with none."""
PARTITIVE = re.compile(r"\s+of\b")
"""After a number, a part of a whole ("two of the dead"): no toll of its own."""


def office_flags(article: Article, knowledge: Knowledge, settings: Settings) -> list[Flag]:
    """Two people named to the same one-holder office."""
    flags = []
    for a, b in clashes(article, knowledge.language.offices, knowledge.language.places, settings):
        message = (
            f"{a.entity.name} is called “{a.role}” and {b.entity.name} “{b.role}”: "
            f"only one person holds the office of {a.office.describe()}"
        )
        flags.append(Flag("contradiction", message, [a.evidence, b.evidence]))
    return flags


def _follows(toll: TollWords, after: str, reach: int) -> bool:
    """Whether a word of the toll starts within `reach` characters of `after`, in its first clause."""
    clause = re.split(r"[.;]", after, maxsplit=1)[0]
    found = toll.after.search(clause)
    return found is not None and found.start() <= reach


def _kind(article: Article, q: Quantity, words: FlagWords, settings: Settings) -> str | None:
    """Whether a quantity counts the dead or the injured, from its unit and the words around it."""
    for kind, toll in words.tolls.items():
        if q.unit in toll.units:
            return kind
    window = settings.flag_toll_window_chars
    after = article.text[q.end : q.end + window]
    before = article.text[max(0, q.start - window) : q.start]
    for kind, toll in words.tolls.items():
        if _follows(toll, after, settings.flag_toll_reach_chars) or toll.before.search(before):
            return kind
    return None


Sentences = list[tuple[int, int, int, bool]]
"""An article's sentences in text order: (paragraph index, start, end, whether an event tells it)."""


def _figures(
    article: Article,
    event: Event,
    sentences: Sentences,
    words: FlagWords,
    people: frozenset[str],
    settings: Settings,
) -> list[tuple[str, Quantity, Span]]:
    """The tolls stated in each of an event's evidence spans (the words around a number say what it
    counts, or it counts `people` and is the event's own figure) and in the sentences after them that no
    event tells (`_untold_after`): (kind, quantity, span)."""
    out = []
    own = {value: k for k in words.tolls if (value := getattr(event.size, k, None)) is not None}
    untold = _untold_after(article, event, sentences, words, settings.flag_untold_paragraphs)
    for ev in event.evidence + untold:
        for q in article.quantities:
            if ev.start <= q.start and q.end <= ev.end and isinstance(q.value, int | float):
                kind = _kind(article, q, words, settings)
                if kind is None and ev in event.evidence and q.unit in people:
                    kind = own.get(q.value)
                if kind and not PARTITIVE.match(article.text, q.end):
                    out.append((kind, q, ev))
    return out


def _sentences(article: Article) -> Sentences:
    parsed = article.scratch.get("parsed") or []
    told = [(x.start, x.end) for e in article.events for x in e.evidence]
    out = []
    for p in parsed:
        for s in p.doc.sents:
            start, end = p.start + s.start_char, p.start + s.end_char
            out.append((p.index, start, end, any(a < end and start < b for a, b in told)))
    return out


def _untold_after(
    article: Article, event: Event, sentences: Sentences, words: FlagWords, reach: int
) -> list[Span]:
    """The sentences right after an event's evidence, in its paragraph and the `reach` paragraphs after it,
    up to the first that an event tells, when they do not say they are of another: a toll given apart
    ("The army said 11 were killed. ¶ Two security sources said the toll was much heavier. “We have
    counted 27 dead,” one of them said")."""
    out: dict[tuple[int, int], Span] = {}
    for ev in event.evidence:
        for para, start, end, told in (s for s in sentences if s[1] >= ev.end):
            if ev.paragraph is None or para > ev.paragraph + reach or told:
                break
            span = article.span(start, end)
            if not words.another.search(span.text):
                out[(start, end)] = span
    return list(out.values())


def _conflict(a: Quantity, b: Quantity) -> bool:
    """Whether two figures for one count differ ("at least 7" and "9" from two sources do: a reader
    wants to know); approximate figures ("about 10") clash with none."""
    return a.value != b.value and a.qualifier not in APPROXIMATE and b.qualifier not in APPROXIMATE


def _same_event(a: Event, b: Event, words: FlagWords) -> bool:
    """Whether two events are one told twice: same type and place, dates that agree, no "another" one."""
    if a.type != b.type or a.place is None or a.place != b.place or a.status != b.status:
        return False
    if a.date and b.date and not (a.date.startswith(b.date) or b.date.startswith(a.date)):
        return False
    return not any(words.another.search(ev.text) for ev in a.evidence + b.evidence)


def _event_groups(article: Article, words: FlagWords) -> list[list[Event]]:
    """The article's events grouped so that an event told several times (several events) is one group."""
    groups: list[list[Event]] = []
    for event in article.events:
        joined = [g for g in groups if any(_same_event(event, other, words) for other in g)]
        merged = [event] + [e for g in joined for e in g]
        groups = [g for g in groups if g not in joined] + [merged]
    return groups


def count_flags(
    article: Article,
    words: FlagWords,
    people: frozenset[str],
    vague: dict[str, tuple[int, str]],
    settings: Settings,
) -> list[Flag]:
    """Different tolls (dead, injured, arrested) for one event in different sentences of the article;
    `people`: the nouns for people (a figure of them may be an event's toll); a figure a `vague` word
    gives ("wounding dozens") clashes with none."""
    flags = []
    loose = {(q.start, q.end) for q, _ in vague_figures(article, vague)}
    sentences = _sentences(article)
    for group in _event_groups(article, words):
        figures = [f for e in group for f in _figures(article, e, sentences, words, people, settings)]
        for kind in words.tolls:
            mine = [(q, ev) for k, q, ev in figures if k == kind]
            if any(words.update.search(ev.text) for _, ev in mine):
                continue
            clash = any(
                ev_a.start != ev_b.start
                and _conflict(a, b)
                and not {(a.start, a.end), (b.start, b.end)} & loose
                for i, (a, ev_a) in enumerate(mine)
                for b, ev_b in mine[i + 1 :]
            )
            if clash:
                quoted = " and ".join(dict.fromkeys(f"“{q.text}”" for q, _ in mine))
                spans = [article.span(q.start, q.end) for q, _ in mine]
                kept = getattr(group[0].size, kind, None)
                message = f"{group[0].type} event: {kind} given as {quoted}" + (
                    f"; the event keeps {kept}" if kept is not None else ""
                )
                flags.append(Flag("conflicting-count", message, spans))
    return flags


def weekday_flags(article: Article, words: FlagWords, settings: Settings) -> list[Flag]:
    """A weekday named beside a date it does not fall on ("Monday, March 22" in 2022)."""
    flags = []
    for t in article.times:
        if t.precision != "day" or not t.value or not re.search(r"\d", t.text):
            continue
        lead = article.text[max(0, t.start - settings.flag_weekday_lead_chars) : t.start]
        inner = words.weekday.search(t.text)
        before = words.weekday_before.search(lead)
        if inner:
            start, named = t.start, inner.group(1)
        elif before:
            start, named = t.start - len(lead) + before.start(), before.group(1)
        else:
            continue
        day = date.fromisoformat(t.value[:10])
        if day.weekday() != words.weekday_number(named):
            span = article.span(start, t.end)
            message = f"“{span.text}”: {day.isoformat()} was a {words.weekdays[day.weekday()]}"
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
    """Time expressions left without a value.

    One flag for them all when the article has no publication date (their one cause), else one flag per
    wording with every place it occurs.
    """
    by_text: dict[str, list[Span]] = {}
    for t in article.times:
        if t.value is None:
            by_text.setdefault(t.text.casefold(), []).append(article.span(t.start, t.end))
    if not by_text:
        return []
    if article.published is None:
        wordings = ", ".join(f"“{spans[0].text}”" for spans in by_text.values())
        message = (
            f"the article has no publication date, so these could not be placed on the calendar: {wordings}"
        )
        return [Flag("unresolved-date", message, [s for spans in by_text.values() for s in spans])]
    return [
        Flag("unresolved-date", f"“{spans[0].text}” could not be placed on the calendar", spans)
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


class Flags(ArticleStep):
    """Add the article's flags: contradictions, unresolved dates and unresolved places."""

    name = "flags"
    needs = frozenset({"entities", "places", "times", "quantities", "events"})
    adds = frozenset({"flags"})

    def process(self, article: Article) -> Article:
        words = self.knowledge.language.flags
        events = self.knowledge.language.events
        people = events.party_nouns - events.collective_nouns
        article.flags += (
            office_flags(article, self.knowledge, self.settings)
            + count_flags(article, words, people, self.knowledge.language.quantities.vague, self.settings)
            + weekday_flags(article, words, self.settings)
            + event_date_flags(article)
            + unresolved_date_flags(article)
            + unresolved_place_flags(article)
        )
        return article

"""Merging within an article: one event per happening, with every span that tells it.

Two mentions are one event when nothing sets them apart: the same type and status; modes agree (or one is the
other's general mode: a suicide attack told as an explosion); actors agree (the same entity, or the same head
word: "police" and "riot police"; instruments and places are no parties and are gone by now, `events.parties`;
in the second pass only two named actors set mentions apart: "demonstrators" and "families" march in one
march); named recipients agree; places agree (one place, or one within the other: Diyarbakir within Turkey, a
town within its province); dates agree (only dates the text gave set events apart; a report of what has just
happened, dated to the publication day, stands for the week before it, `merge_within_report_days`, and so does
the story's day an undated later event takes; a fallback month is open); and no word says the later one is
another ("another", "a similar"). Tolls that differ keep two mentions apart unless they share a town, or one
points back or has nothing of its own: then they are one occurrence told with two figures, which keeps the
lower, as ACLED does (the flags step reports the conflict), unless the later says the toll rose; a figure a
vague word gives ("wounding dozens", 12) agrees with a figure the text states of its order (from 12, or a
third of "several", to ten times it), which then beats it ("23 wounded people had been taken to hospitals").

Merging runs in two passes. The first joins mentions of one place (or none) that something ties: near-
identical sentences (a caption retelling the body), the same actor or place in a headline or caption or
in body paragraphs close to each other (`merge_within_near_paragraphs`). A definite noun with no actor
("Rights groups condemned the arrests") joins the latest compatible event of its type, and a mention
with nothing of its own (no actor, place or date: "9 bodies were brought in, a doctor said") the latest
close before it. The second pass lets a place within another agree, and joins mentions of an occurrence
(an attack, an arrest, a protest: the `occurrence_types`, of which an article tells few) that nothing
sets apart: by then each town's mentions are one event, so a headline's province joins the first of its
towns, not the towns each other.

A place only the dateline gives sets nothing apart and ties nothing (`stated`). The merged event keeps the
most specific place the text gives (the dateline's last), the date the text gave (the finer of two), a named
actor over a described one, the first telling's recipient (a later sentence's named party is often another
one: "police suspected a local cell of the BRN"), and every evidence span and claim.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from datetime import timedelta

from rapidfuzz import fuzz

from eventwire.events.candidates import TriggerRef
from eventwire.events.when import bounds
from eventwire.knowledge import LanguagePack
from eventwire.knowledge.merging import MergeWords
from eventwire.model import Article, Event, Participant, Place, Quantity
from eventwire.pipeline import ArticleStep
from eventwire.places.rank import km
from eventwire.settings import Settings

PRECISION = {
    "day": 0,
    "week": 1,
    "month": 2,
    "quarter": 3,
    "season": 3,
    "half": 4,
    "year": 5,
    "decade": 6,
    "century": 7,
}
"""Date precisions from finest to coarsest: a merged event keeps the finer date."""
BREADTH = {"country": 2, "admin1": 1, "region": 1}
"""How wide a place feature is; any other (a city, a district, a landmark) is 0, a town-level place."""
SIZES = ("dead", "injured", "arrested", "count")
WORD = re.compile(r"[^\W\d_]+")
"""A word of letters: a participant's head word is its last."""


@dataclass
class Scope:
    """What merging needs of the article besides its events."""

    places: dict[str, Place]
    kinds: dict[int | None, str]
    update: re.Pattern[str]
    """Words saying a toll was updated ("rose"): the later figure then replaces the earlier."""
    report_days: int = 0
    """A report's date stands for the days up to publication, this many back (`merge_within_report_days`)."""
    vague: dict[str, dict[str, int]] = field(default_factory=dict)
    """Event id → the size fields whose figure a vague word gave ("dozens of traders" is 12) → the lowest
    stated figure it agrees with (`vague_sizes`)."""
    modes: dict[str, frozenset[str]] = field(default_factory=dict)
    """A general mode → the specific ones that may tell the same occurrence (`MergeWords.mode_pairs`)."""
    pronouns: frozenset[str] = frozenset()
    """Personal and group pronouns: a participant told by one is the weakest telling."""
    nested: bool = False
    """The second pass, once the mentions of each town are one event: a place within another agrees with
    it (a headline's province joins the first of its towns, not the towns each other), and events that
    nothing sets apart are one without a further tie (an article tells few occurrences)."""


def _key(p: Participant | None) -> str | None:
    """What identifies a participant across mentions: its entity, else its head word, singular ("nine
    people" and "15 people" are "people"; "police officers" and "officers" "officer"). Only parties are
    left by now (`events.parties`)."""
    if p is None:
        return None
    if p.entity:
        return p.entity
    found = WORD.findall(p.text.lower())
    return found[-1].removesuffix("s") if found else None


def _parties_agree(a: Participant | None, b: Participant | None, scope: Scope) -> bool:
    """Whether two participants may be one: the same key, either open, a name against a description
    ("Mogadishu" and "nine people" in two tellings of one bombing), or, in the second pass, two
    descriptions ("demonstrators" and "families" of one march)."""
    x, y = _key(a), _key(b)
    if x is None or y is None or x == y:
        return True
    if scope.nested and not a.entity and not b.entity:  # type: ignore[union-attr]
        return True
    return bool(a and b) and bool(a.entity) != bool(b.entity)  # type: ignore[union-attr]


def _named(p: Participant | None) -> str | None:
    """A participant's entity: recipients are told in many words ("eight contractors", "the men"), so only
    two different named ones set two mentions apart."""
    return p.entity if p else None


def _agree(a: object, b: object) -> bool:
    return a is None or b is None or a == b


def _days(e: Event, scope: Scope) -> tuple[str, str] | None:
    """The days an event's date allows: its date's when the text gave it, the days up to publication
    for a report of what has just happened, the days up to a story's day for an event that took it (not
    the month before: "killed four people in January" is another blast), None (any) for a fallback
    month."""
    kind = e.date_source
    found = bounds(e.date) if kind in ("text", "publication", "story") else None
    if found is None:
        return None
    if kind in ("publication", "story"):
        return (found[0] - timedelta(days=scope.report_days)).isoformat(), found[1].isoformat()
    return found[0].isoformat(), found[1].isoformat()


def dates_agree(a: Event, b: Event, scope: Scope) -> bool:
    x, y = _days(a, scope), _days(b, scope)
    return x is None or y is None or (x[0] <= y[1] and y[0] <= x[1])


def _size_agrees(a: Event, b: Event, f: str, scope: Scope) -> bool:
    """Whether one size field of two events may be one figure: equal or open, or a vague word's figure
    and a stated one of its order ("dozens", 12, and 23; not 9)."""
    x, y = getattr(a.size, f), getattr(b.size, f)
    if _agree(x, y):
        return True
    low_a, low_b = scope.vague.get(a.id, {}).get(f), scope.vague.get(b.id, {}).get(f)
    if (low_a is None) == (low_b is None):
        return False
    low, vague, told = (low_a, x, y) if low_a is not None else (low_b, y, x)
    return low <= told < vague * 10  # type: ignore[operator]


def sizes_agree(a: Event, b: Event, scope: Scope) -> bool:
    """Whether no toll or count of one differs from the other's (`_size_agrees`)."""
    return all(_size_agrees(a, b, f, scope) for f in SIZES)


def vague_figures(article: Article, vague_words: dict[str, tuple[int, str]]) -> list[tuple[Quantity, int]]:
    """The article's quantities a vague word gives ("wounding dozens"; "about a dozen people": the word
    may follow a qualifier), each with the lowest stated figure it agrees with: itself for a lower bound
    ("dozens"), a third of it for an approximation ("several")."""
    out = []
    for q in article.quantities:
        text = q.text.lower()
        word = next((w for w in vague_words if re.search(rf"\b{re.escape(w)}\b", text)), None)
        if word is not None and not any(c.isdigit() for c in text):
            low, qualifier = vague_words[word]
            out.append((q, low if qualifier == "at least" else max(1, low // 3)))
    return out


def vague_sizes(event: Event, figures: list[tuple[Quantity, int]]) -> dict[str, int]:
    """The size fields of an event whose figure a vague word of its evidence gave → the lowest stated
    figure it agrees with (`vague_figures`)."""
    out = {}
    for f in SIZES:
        value = getattr(event.size, f)
        for q, low in figures if value is not None else []:
            if q.value == value and any(e.start <= q.start and q.end <= e.end for e in event.evidence):
                out[f] = low
    return out


def join_tellings(into: Event, other: Event, refs: dict[str, list[TriggerRef]]) -> None:
    """Give `into` the evidence spans, claims and trigger positions of another telling of it."""
    into.claims += [c for c in other.claims if c not in into.claims]
    into.evidence = sorted(
        {(e.start, e.end): e for e in into.evidence + other.evidence}.values(), key=lambda e: e.start
    )
    refs[into.id] = refs.get(into.id, []) + refs.pop(other.id, [])


def _breadth(place: Place) -> int:
    return BREADTH.get(place.feature, 0)


def _within(fine: Place, wide: Place, settings: Settings) -> bool:
    """Whether a place lies within a wider one: its country, or its first-level division (by name; by
    distance when the gazetteer gives the town no division)."""
    if not fine.country_code or fine.country_code != wide.country_code:
        return False
    if wide.feature == "country":
        return True
    if fine.admin1:
        return fine.admin1.casefold() in wide.name.casefold()
    coords = None not in (fine.lat, fine.lon, wide.lat, wide.lon)
    return coords and km(fine.lat, fine.lon, wide.lat, wide.lon) <= settings.merge_within_division_km  # type: ignore[arg-type]


def places_agree(a: str | None, b: str | None, scope: Scope, settings: Settings) -> bool:
    """Whether two events' places are one, or one lies within the other."""
    if a is None or b is None or a == b:
        return True
    pa, pb = scope.places.get(a), scope.places.get(b)
    if not scope.nested or pa is None or pb is None or _breadth(pa) == _breadth(pb):
        return False
    fine, wide = sorted((pa, pb), key=_breadth)
    return _within(fine, wide, settings)


def _modes_agree(a: str | None, b: str | None, scope: Scope) -> bool:
    """Whether two modes may tell one occurrence: the same, either open, or one the other's general mode
    (either way round; the merged event keeps the specific one, `_absorb`)."""
    return _agree(a, b) or b in scope.modes.get(a or "", ()) or a in scope.modes.get(b or "", ())


def stated(e: Event) -> str | None:
    """An event's place unless only its dateline gives it: the town a report is filed from sets no
    mentions apart and ties none."""
    return None if e.place_source == "dateline" else e.place


def compatible(a: Event, b: Event, scope: Scope, settings: Settings) -> bool:
    """Whether nothing but their tolls sets two events apart."""
    return (
        a.type == b.type
        and a.status == b.status
        and _modes_agree(a.mode, b.mode, scope)
        and _parties_agree(a.actor, b.actor, scope)
        and _agree(_named(a.recipient), _named(b.recipient))
        and places_agree(stated(a), stated(b), scope, settings)
        and dates_agree(a, b, scope)
    )


def _same_town(a: Event, b: Event, scope: Scope) -> bool:
    """Whether two events are in one town that the text names for at least one of them."""
    place = scope.places.get(a.place or "")
    named = stated(a) or stated(b)
    return place is not None and named is not None and a.place == b.place and _breadth(place) == 0


def _tied(a: Event, b: Event, scope: Scope, settings: Settings) -> bool:
    """Whether something ties two compatible events together."""
    similar = settings.merge_within_similar
    if any(fuzz.token_set_ratio(x.text, y.text) >= similar for x in a.evidence for y in b.evidence):
        return True
    key = _key(a.actor)
    same_actor = key is not None and key == _key(b.actor)
    here, there = stated(a), stated(b)
    shared = same_actor or (here and places_agree(here, there, scope, settings) and there)
    if not shared:
        return False
    retold = any(scope.kinds.get(e.paragraph) in ("title", "caption") for e in a.evidence + b.evidence)
    return retold or _gap(a, b) <= settings.merge_within_near_paragraphs


def _party(a: Participant | None, b: Participant | None, scope: Scope) -> Participant | None:
    """The better of two tellings of a participant: a named one, else a described one, else a pronoun
    ("They killed him", in a quote, whatever the pronoun was linked to)."""

    def rank(p: Participant | None) -> int:
        if p is None:
            return 3
        return 2 if p.text.lower() in scope.pronouns else (0 if p.entity else 1)

    return b if rank(b) < rank(a) else a


def _place_rank(e: Event, scope: Scope) -> tuple[int, int]:
    """How well an event is placed, best first: a place the text gives before the dateline's, a town
    before its province or country."""
    place = scope.places.get(e.place or "")
    if place is None:
        return (2, 0)
    return (1 if e.place_source == "dateline" else 0, _breadth(place))


def _headline_only(e: Event, scope: Scope) -> bool:
    """Whether only the headline tells an event: its figures are the body's in short ("kill two
    gendarmes" over "killing two gendarmes and a civil servant") and yield to them."""
    return all(scope.kinds.get(x.paragraph) == "title" for x in e.evidence)


def _absorb(a: Event, b: Event, scope: Scope, settings: Settings) -> None:
    """Fold event `b` into `a`: open fields filled, the most specific place, the date the text gave (the finer
    of two; a year or month the text gives does not replace the day of a report: "the second car bombing
    this year"), the lower of two tolls (the later when it rose; the body's over the headline's)."""
    a.mode = b.mode if a.mode is None or b.mode in scope.modes.get(a.mode, ()) else a.mode
    a.actor = _party(a.actor, b.actor, scope)
    a.recipient = a.recipient or b.recipient
    if _place_rank(b, scope) < _place_rank(a, scope):
        a.place, a.place_source = b.place, b.place_source
    rank = {"text": 0, "publication": 1, "story": 2}
    mine, theirs = rank.get(a.date_source or "", 3), rank.get(b.date_source or "", 3)
    grain_a, grain_b = PRECISION.get(a.date_precision or "", 9), PRECISION.get(b.date_precision or "", 9)
    if (theirs < mine and grain_b <= grain_a) or (theirs == mine and grain_b < grain_a):
        a.date, a.date_precision, a.date_end = b.date, b.date_precision, b.date_end
        a.date_source = b.date_source
    a.context += [c for c in b.context if c not in a.context]
    updated = any(scope.update.search(e.text) for e in b.evidence)
    a_title, b_title = _headline_only(a, scope), _headline_only(b, scope)
    body = a_title and not b_title  # the body's figures over the headline's, and never the reverse
    loose_a, loose_b = scope.vague.setdefault(a.id, {}), scope.vague.get(b.id, {})
    for f in SIZES:
        mine, theirs = getattr(a.size, f), getattr(b.size, f)
        firmer = f in loose_a and f not in loose_b and _size_agrees(a, b, f, scope)
        lower = theirs is not None and mine is not None and theirs < mine and (f in loose_b) <= (f in loose_a)
        lower = lower and not (b_title and not a_title)
        if theirs is not None and (mine is None or updated or firmer or lower or body):
            setattr(a.size, f, theirs)
            loose_a.pop(f, None)
            if f in loose_b:
                loose_a[f] = loose_b[f]
    gained = max(a.confidence, b.confidence) + settings.merge_within_confidence_gain
    a.confidence = round(min(settings.merge_within_confidence_cap, gained), 2)


def _points_back(article: Article, event: Event, refs: list[TriggerRef], words: MergeWords) -> bool:
    """An event named only by definite nouns and with no actor ("Rights groups condemned the arrests")."""
    paras = article.scratch.get("parsed")
    if event.actor is not None or not refs or not paras:
        return False
    tokens = [paras[r.pp].doc[r.token] for r in refs]
    return all(
        t.pos_ == "NOUN" and any(c.dep_ == "det" and c.lower_ in words.definite for c in t.children)
        for t in tokens
    )


def _anchored(event: Event) -> bool:
    """Whether an event has something of its own to tell it apart: an actor, a place, or a date the text
    gave ("9 bodies were brought in, a doctor said" has none)."""
    return event.actor is not None or stated(event) is not None or event.date_source == "text"


def _gap(a: Event, b: Event) -> int:
    return min(abs((x.paragraph or 0) - (y.paragraph or 0)) for x in a.evidence for y in b.evidence)


def _into(
    event: Event, kept: list[Event], back: bool, scope: Scope, words: MergeWords, settings: Settings
) -> Event | None:
    """The earlier event that `event` tells again, if any: for an event that points back, or that has
    nothing of its own and follows closely, the latest compatible one of its type; else the nearest
    compatible and tied one (the first of equals), whose tolls agree or which shares its town."""
    near = settings.merge_within_near_paragraphs
    if any(words.another.search(e.text) for e in event.evidence):
        return None
    if back or not _anchored(event):
        return next(
            (
                k
                for k in reversed(kept)
                if compatible(k, event, scope, settings) and (back or _gap(k, event) <= near)
            ),
            None,
        )
    fits = [
        k
        for k in kept
        if compatible(k, event, scope, settings)
        and ((scope.nested and event.type in words.occurrence_types) or _tied(k, event, scope, settings))
        and (sizes_agree(k, event, scope) or _same_town(k, event, scope))
    ]
    return min(fits, key=lambda k: _gap(k, event), default=None)


def _merge(
    article: Article,
    events: list[Event],
    refs: dict[str, list[TriggerRef]],
    words: MergeWords,
    scope: Scope,
    settings: Settings,
) -> list[Event]:
    """One pass: each event joins the earlier one it tells again, if any."""
    kept: list[Event] = []
    for event in events:
        back = _points_back(article, event, refs.get(event.id, []), words)
        into = _into(event, kept, back, scope, words, settings)
        if into is None:
            kept.append(event)
            continue
        _absorb(into, event, scope, settings)
        join_tellings(into, event, refs)
    return kept


def merge_within(article: Article, language: LanguagePack, settings: Settings) -> Article:
    """Merge the events of one article that tell the same happening; renumber them ev1, ev2, …"""
    refs: dict[str, list[TriggerRef]] = article.scratch.get("event_triggers", {})
    words, events = language.merging, language.events
    figures = vague_figures(article, language.quantities.vague)
    scope = Scope(
        places={p.id: p for p in article.places},
        report_days=settings.merge_within_report_days,
        kinds={p.index: p.kind for p in article.paragraphs},
        update=language.flags.update,
        vague={e.id: vague_sizes(e, figures) for e in article.events},
        modes=words.mode_pairs,
        pronouns=events.person_pronouns | events.group_pronouns,
    )
    kept = article.events
    for nested in (False, True):
        scope.nested = nested
        kept = _merge(article, kept, refs, words, scope, settings)
    renumber(article, kept, refs)
    return article


def renumber(article: Article, kept: list[Event], refs: dict[str, list[TriggerRef]]) -> None:
    """Make `kept` the article's events, numbered ev1, ev2, … with their trigger positions."""
    renamed: dict[str, list[TriggerRef]] = {}
    for n, event in enumerate(kept, 1):
        renamed[f"ev{n}"] = refs.get(event.id, [])
        event.id = f"ev{n}"
    article.events = kept
    article.scratch["event_triggers"] = renamed


class MergeWithinArticle(ArticleStep):
    """Merge events of one article that tell the same happening (captions, headline and lede)."""

    name = "events.merge_within"
    needs = frozenset({"events", "claims"})
    adds = frozenset({"merged"})

    def process(self, article: Article) -> Article:
        return merge_within(article, self.knowledge.language, self.settings)

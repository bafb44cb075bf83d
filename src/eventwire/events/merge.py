"""The merge step: one event per happening within an article, with every span that tells it.

Two events merge when nothing sets them apart (same type and status; modes, actors, recipients, places,
dates and sizes agree or one side leaves them open) and something ties them together: near-identical
sentences (a caption retelling the body), or the same actor or place in a headline or caption, or in
body paragraphs close to each other ("Chubais resigns" / "The veteran Kremlin envoy resigned"). Two
denials by one country ten paragraphs apart stay two events. A definite noun with no actor of its own
("Rights groups condemned the arrests") points back: it joins the latest compatible event of its type.
"""

from __future__ import annotations

import re

from rapidfuzz import fuzz

from eventwire.events.extract import TriggerRef
from eventwire.events.when import bounds
from eventwire.model import Article, Event, Participant
from eventwire.pipeline import ArticleStep

SIMILAR = 80
"""rapidfuzz token-set ratio (0..100) above which two evidence sentences tell the same thing."""
NEAR = 4
"""Body paragraphs at most this far apart may tell one event through a shared actor or place."""
DEFINITE = frozenset({"the", "this", "that", "these", "those"})
PRECISION = {"day": 0, "week": 1, "month": 2, "year": 3, "decade": 4}


def _key(p: Participant | None) -> str | None:
    """What identifies a participant: its entity, else its words without a leading article."""
    if p is None:
        return None
    return p.entity or re.sub(r"^(the|a|an)\s+", "", p.text.lower())


def _agree(a: object, b: object) -> bool:
    return a is None or b is None or a == b


def _dates_agree(a: Event, b: Event) -> bool:
    x, y = bounds(a.date), bounds(b.date)
    if x is None or y is None:
        return True
    return x[0] <= y[1] and y[0] <= x[1]


def _sizes_agree(a: Event, b: Event) -> bool:
    return all(
        _agree(getattr(a.size, f), getattr(b.size, f)) for f in ("dead", "injured", "arrested", "count")
    )


def compatible(a: Event, b: Event) -> bool:
    """Whether nothing sets two events apart."""
    return (
        a.type == b.type
        and a.status == b.status
        and _agree(a.mode, b.mode)
        and _agree(_key(a.actor), _key(b.actor))
        and _agree(_key(a.recipient), _key(b.recipient))
        and _agree(a.place, b.place)
        and _dates_agree(a, b)
        and _sizes_agree(a, b)
    )


def _tied(a: Event, b: Event, kinds: dict[int | None, str]) -> bool:
    """Whether something ties two compatible events together."""
    if any(fuzz.token_set_ratio(x.text, y.text) >= SIMILAR for x in a.evidence for y in b.evidence):
        return True
    shared = (a.actor and b.actor and _key(a.actor) == _key(b.actor)) or (a.place and a.place == b.place)
    if not shared:
        return False
    retold = any(kinds.get(e.paragraph) in ("title", "caption") for e in a.evidence + b.evidence)
    gap = min(abs((x.paragraph or 0) - (y.paragraph or 0)) for x in a.evidence for y in b.evidence)
    return retold or gap <= NEAR


def _absorb(a: Event, b: Event) -> None:
    """Fold event `b` into `a`: open fields filled, evidence and claims joined, the finer date kept."""
    a.mode = a.mode or b.mode
    a.actor = a.actor if a.actor and a.actor.entity else (b.actor or a.actor)
    a.recipient = a.recipient or b.recipient
    a.place = a.place or b.place
    if PRECISION.get(b.date_precision or "", 9) < PRECISION.get(a.date_precision or "", 9):
        a.date, a.date_precision, a.date_end = b.date, b.date_precision, b.date_end
    a.context += [c for c in b.context if c not in a.context]
    for f in ("dead", "injured", "arrested", "count"):
        setattr(a.size, f, getattr(a.size, f) if getattr(a.size, f) is not None else getattr(b.size, f))
    a.claims += [c for c in b.claims if c not in a.claims]
    a.evidence = sorted(
        {(e.start, e.end): e for e in a.evidence + b.evidence}.values(), key=lambda e: e.start
    )
    a.confidence = round(min(0.95, max(a.confidence, b.confidence) + 0.05), 2)


def _points_back(article: Article, event: Event, refs: list[TriggerRef]) -> bool:
    """An event named only by definite nouns and with no actor ("the arrests", "this attack")."""
    paras = article.scratch.get("parsed")
    if event.actor is not None or not refs or not paras:
        return False
    tokens = [paras[r.pp].doc[r.token] for r in refs]
    return all(
        t.pos_ == "NOUN" and any(c.dep_ == "det" and c.lower_ in DEFINITE for c in t.children) for t in tokens
    )


def merge(article: Article) -> Article:
    """Merge the events of one article that tell the same happening; renumber them ev1, ev2, …"""
    refs: dict[str, list[TriggerRef]] = article.scratch.get("event_triggers", {})
    kinds: dict[int | None, str] = {p.index: p.kind for p in article.paragraphs}
    kept: list[Event] = []
    for event in article.events:
        if _points_back(article, event, refs.get(event.id, [])):
            into = next((k for k in reversed(kept) if k.type == event.type and compatible(k, event)), None)
        else:
            into = next((k for k in kept if compatible(k, event) and _tied(k, event, kinds)), None)
        if into is None:
            kept.append(event)
            continue
        _absorb(into, event)
        refs[into.id] = refs.get(into.id, []) + refs.pop(event.id, [])
    renamed: dict[str, list[TriggerRef]] = {}
    for n, event in enumerate(kept, 1):
        renamed[f"ev{n}"] = refs.get(event.id, [])
        event.id = f"ev{n}"
    article.events = kept
    article.scratch["event_triggers"] = renamed
    return article


class Merge(ArticleStep):
    """Merge events of one article that tell the same happening (captions, headline and lede)."""

    name = "events.merge"
    needs = frozenset({"events", "claims"})
    adds = frozenset({"merged"})

    def process(self, article: Article) -> Article:
        return merge(article)

"""Merging within an article: one event per happening, with every span that tells it.

Two events merge when nothing sets them apart (same type and status; modes, actors, recipients, places,
dates and sizes agree or one side leaves them open) and something ties them together: near-identical
sentences (a caption retelling the body), or the same actor or place in a headline or caption, or in
body paragraphs close to each other ("Chubais resigns" / "The veteran Kremlin envoy resigned"; how
close and how similar: `Settings.merge_within_*`). Two denials by one country ten paragraphs apart stay
two events. A definite noun with no actor of its own
("Rights groups condemned the arrests") points back: it joins the latest compatible event of its type.
"""

from __future__ import annotations

from rapidfuzz import fuzz

from eventwire.events.extract import TriggerRef
from eventwire.events.when import bounds
from eventwire.knowledge.merging import MergeWords
from eventwire.model import Article, Event, Participant
from eventwire.pipeline import ArticleStep
from eventwire.settings import Settings

PRECISION = {"day": 0, "week": 1, "month": 2, "year": 3, "decade": 4}
"""Date precisions from finest to coarsest: a merged event keeps the finer date."""


def _key(p: Participant | None, words: MergeWords) -> str | None:
    """What identifies a participant: its entity, else its words without a leading article."""
    if p is None:
        return None
    return p.entity or words.leading_article.sub("", p.text.lower())


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


def compatible(a: Event, b: Event, words: MergeWords) -> bool:
    """Whether nothing sets two events apart."""
    return (
        a.type == b.type
        and a.status == b.status
        and _agree(a.mode, b.mode)
        and _agree(_key(a.actor, words), _key(b.actor, words))
        and _agree(_key(a.recipient, words), _key(b.recipient, words))
        and _agree(a.place, b.place)
        and _dates_agree(a, b)
        and _sizes_agree(a, b)
    )


def _tied(a: Event, b: Event, kinds: dict[int | None, str], words: MergeWords, settings: Settings) -> bool:
    """Whether something ties two compatible events together."""
    similar = settings.merge_within_similar
    if any(fuzz.token_set_ratio(x.text, y.text) >= similar for x in a.evidence for y in b.evidence):
        return True
    same_actor = a.actor and b.actor and _key(a.actor, words) == _key(b.actor, words)
    shared = same_actor or (a.place and a.place == b.place)
    if not shared:
        return False
    retold = any(kinds.get(e.paragraph) in ("title", "caption") for e in a.evidence + b.evidence)
    gap = min(abs((x.paragraph or 0) - (y.paragraph or 0)) for x in a.evidence for y in b.evidence)
    return retold or gap <= settings.merge_within_near_paragraphs


def _absorb(a: Event, b: Event, settings: Settings) -> None:
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
    gained = max(a.confidence, b.confidence) + settings.merge_within_confidence_gain
    a.confidence = round(min(settings.merge_within_confidence_cap, gained), 2)


def _points_back(article: Article, event: Event, refs: list[TriggerRef], words: MergeWords) -> bool:
    """An event named only by definite nouns and with no actor ("the arrests", "this attack")."""
    paras = article.scratch.get("parsed")
    if event.actor is not None or not refs or not paras:
        return False
    tokens = [paras[r.pp].doc[r.token] for r in refs]
    return all(
        t.pos_ == "NOUN" and any(c.dep_ == "det" and c.lower_ in words.definite for c in t.children)
        for t in tokens
    )


def merge_within(article: Article, words: MergeWords, settings: Settings) -> Article:
    """Merge the events of one article that tell the same happening; renumber them ev1, ev2, …"""
    refs: dict[str, list[TriggerRef]] = article.scratch.get("event_triggers", {})
    kinds: dict[int | None, str] = {p.index: p.kind for p in article.paragraphs}
    kept: list[Event] = []
    for event in article.events:
        if _points_back(article, event, refs.get(event.id, []), words):
            earlier = (k for k in reversed(kept) if k.type == event.type and compatible(k, event, words))
        else:
            earlier = (
                k for k in kept if compatible(k, event, words) and _tied(k, event, kinds, words, settings)
            )
        into = next(earlier, None)
        if into is None:
            kept.append(event)
            continue
        _absorb(into, event, settings)
        refs[into.id] = refs.get(into.id, []) + refs.pop(event.id, [])
    renamed: dict[str, list[TriggerRef]] = {}
    for n, event in enumerate(kept, 1):
        renamed[f"ev{n}"] = refs.get(event.id, [])
        event.id = f"ev{n}"
    article.events = kept
    article.scratch["event_triggers"] = renamed
    return article


class MergeWithinArticle(ArticleStep):
    """Merge events of one article that tell the same happening (captions, headline and lede)."""

    name = "events.merge_within"
    needs = frozenset({"events", "claims"})
    adds = frozenset({"merged"})

    def process(self, article: Article) -> Article:
        return merge_within(article, self.knowledge.language.merging, self.settings)

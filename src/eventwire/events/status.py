"""Whether an event occurred, is ongoing, is expected, or is background history.

Expected: a modal or future auxiliary ("will visit", "would include"), a planning governor ("are
expected to impose", "is scheduled to arrive"), a purpose ("flying to Europe for a summit"), an
adjective ("planned talks") or a date after publication. Historical: a date that ended more than
`Settings.event_historical_days` before publication. Ongoing: a present progressive ("cities are being
bombed") or a present-tense "there are counterattacks".
"""

from __future__ import annotations

from datetime import date, timedelta

from spacy.tokens import Token

from eventwire.events.when import When, bounds
from eventwire.knowledge.events import EventWords
from eventwire.language.grammar import is_clause_root
from eventwire.settings import Settings


def _governors(trigger: Token) -> list[Token]:
    """The trigger and the words it hangs from up to its clause root, then through raising verbs."""
    out = [trigger]
    t = trigger
    while True:
        if is_clause_root(t) and t.dep_ != "conj":
            break
        t = t.head
        out.append(t)
        if t.head.i == t.i:
            break
    return out


def _expected(trigger: Token, words: EventWords) -> bool:
    chain = _governors(trigger)
    if any(c.dep_ == "aux" and c.lower_ in words.expected_modals for t in chain for c in t.children):
        return True
    if any(t.lemma_.lower() in words.expected_governors and t.dep_ != "prep" for t in chain[1:]):
        return True
    if any(c.dep_ == "amod" and c.lower_ in words.expected_adjectives for c in trigger.children):
        return True
    if trigger.dep_ == "pobj" and trigger.head.lower_ in words.preps.purpose:
        return trigger.head.head.lemma_.lower() in words.motion_verbs
    return False


def _ongoing(trigger: Token, words: EventWords) -> bool:
    chain = _governors(trigger)
    for t in chain:
        aux = [c for c in t.children if c.dep_ in ("aux", "auxpass")]
        if t.tag_ == "VBG" and any(a.tag_ in ("VBP", "VBZ") for a in aux):
            return True
        if (
            t.tag_ == "VBN"
            and any(a.tag_ == "VBG" for a in aux)
            and any(a.tag_ in ("VBP", "VBZ") for a in aux)
        ):
            return True
        if t.lemma_.lower() in words.ongoing_governors and t.tag_ in ("VBP", "VBZ"):
            return True
    root = chain[-1]
    return (
        root.lemma_ in words.existential_verbs
        and root.tag_ in ("VBP", "VBZ")
        and any(c.dep_ == "expl" for c in root.children)
    )


def event_status(
    trigger: Token, when: When, published: str | None, words: EventWords, settings: Settings
) -> str:
    """One of "expected", "historical", "ongoing", "occurred"; a cumulative toll is ongoing."""
    if when.cumulative:
        return "ongoing"
    span = bounds(when.date) if when.linked else None
    pub = bounds(published)
    day: date | None = pub[0] if pub else None
    if _expected(trigger, words) or (span and day and span[0] > day):
        return "expected"
    if span and day and span[1] < day - timedelta(days=settings.event_historical_days):
        return "historical"
    if _ongoing(trigger, words):
        return "ongoing"
    return "occurred"

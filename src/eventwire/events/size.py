"""Size, the third event step: how many a candidate killed, injured, arrested or counted.

A trigger whose sense counts something (`size` in the lexicon: "killed" counts the dead) takes the whole
number nearest it in its own phrase ("killed 12 people", "the arrest of 53 activists"); qualifiers
("at least") stay on the quantity; victims joined by "and" add up ("three police officers and a
volunteer" are four). Without a number, a single victim counts one ("wounding a civilian"). A verb of
dying coordinated with an attack's trigger gives its dead ("14 people have died and 41 were wounded").
"""

from __future__ import annotations

from spacy.tokens import Token

from eventwire.events.candidates import EventDraft, candidates
from eventwire.events.index import ArticleIndex
from eventwire.events.place import own_region
from eventwire.knowledge.events import EventWords
from eventwire.model import Article
from eventwire.pipeline import ArticleStep


def _one(victim: Token | None, words: EventWords) -> bool:
    """Whether a victim is one person: a person noun with "a" ("wounding a civilian"), a person's name
    ("killed Private Hayk Sargsyan") or a person pronoun ("he was shot dead")."""
    if victim is None:
        return False
    if victim.ent_type_ == "PERSON" or (victim.tag_ == "PRP" and victim.lower_ in words.person_pronouns):
        return True
    return (
        victim.tag_ == "NN"
        and victim.lemma_.lower() in words.party_nouns - words.collective_nouns
        and any(c.dep_ == "det" and c.lower_ in words.one_determiners for c in victim.children)
    )


def _dead_beside(index: ArticleIndex, draft: EventDraft, words: EventWords) -> dict[str, int]:
    """The dead a verb of dying coordinated with an attack's trigger counts ("14 people have died and 41
    were wounded"): the whole number of its subject."""
    for verb in draft.primary.token.conjuncts:
        subject = next((c for c in verb.children if c.dep_ == "nsubj"), None)
        if verb.lemma_.lower() not in words.victim_verbs or subject is None:
            continue
        start, end = index.span_chars(draft.pp, [subject.left_edge, subject])
        for m in index.quantities.within(start, end):
            value = m.item.value
            if value is not None and value == int(value):
                return {"dead": int(value)}
    return {}


def size_of(index: ArticleIndex, draft: EventDraft, words: EventWords) -> dict[str, int]:
    """The count a one-trigger candidate's sense asks for, from its own phrase, else one for a single
    victim ({} when none)."""
    trig = draft.primary
    if trig.entry.size is None:
        return {}
    region = own_region(trig.token)
    start, end = index.span_chars(draft.pp, draft.sent)
    counts: dict[int, int] = {}
    for m in index.quantities.within(start, end):
        head = index.head_token(draft.pp, m.start, m.end)
        value = m.item.value
        if head is not None and head.i in region and value is not None and value == int(value):
            counts.setdefault(head.i, int(value))
    if not counts:
        return {trig.entry.size: 1} if _one(draft.roles.recipient, words) else {}
    nearest = min(counts, key=lambda i: abs(i - trig.token.i))
    doc = draft.sent.doc
    joined = [c for c in doc[nearest].conjuncts if c.i not in counts and _one(c, words)]
    together = {nearest, *(c.i for c in doc[nearest].conjuncts if c.i in counts)}
    return {trig.entry.size: sum(counts[i] for i in together) + len(joined)}


class EventSize(ArticleStep):
    """Give each event candidate the toll or count its own words state."""

    name = "events.size"
    needs = frozenset({"event_arguments"})
    adds = frozenset({"event_sizes"})

    def process(self, article: Article) -> Article:
        found = candidates(article)
        words = self.knowledge.language.events
        for draft in found.drafts:
            draft.size = size_of(found.index, draft, words)
            if draft.entry.type == "ASSAULT" and "dead" not in draft.size:
                draft.size |= _dead_beside(found.index, draft, words)
        return article

"""Arguments, the second event step: each candidate's actor and recipient from the parse.

A time is no party ("Tuesday's bombing"); nor is a dateline or a part of a place ("BAMAKO —", "on the
outskirts of Dera Ismail Khan"). An arrest told without its doer by the police or army that made it has
them as its actor ("Police said 30 had been detained"). A candidate with no recipient takes the one of
what it is about ("denied striking the theater"); one whose sense needs a doer and has none, or that
nature does ("floods killed 30", "warned of famine"), is no event. A willingness takes its type and mode
from what it is about: harm is a threat ("threatened to expel"), help an agreement.
"""

from __future__ import annotations

from spacy.tokens import Token

from eventwire.events.acled_actors import head_word
from eventwire.events.candidates import EventDraft, candidates
from eventwire.events.participants import Roles, noun_phrase, roles
from eventwire.events.triggers import Trigger
from eventwire.knowledge.acled import AcledActors
from eventwire.knowledge.events import EventWords
from eventwire.language.grammar import TIME_LABELS, clause_root
from eventwire.language.metonymy import in_dateline
from eventwire.model import Article
from eventwire.pipeline import ArticleStep
from eventwire.settings import Settings


def content_type(trig: Trigger, inner: list[Trigger], words: EventWords) -> str:
    """The type a willingness takes from what it is about: harm is a threat, help an agreement."""
    conflict = words.conflict_types
    verbs = [c for c in trig.token.children if c.dep_ == "xcomp"]
    direct = {t.i for v in verbs for t in [v, *v.children] if t.i == v.i or t.dep_ == "dobj"}
    if trig.entry.conflict_type and any(i.entry.type in conflict and i.token.i in direct for i in inner):
        return trig.entry.conflict_type
    return trig.entry.type


def content_mode(trig: Trigger, inner: list[Trigger], words: EventWords) -> str | None:
    """The mode a threat (or other content trigger) takes from what it is about."""
    table = words.content_modes.get(content_type(trig, inner, words), {})
    for i in inner:
        mode = table.get(f"{i.entry.type}/{i.entry.mode}") or table.get(i.entry.type)
        if mode:
            return mode
    return None


def natural(token: Token, found: Roles, words: EventWords, rules: AcledActors) -> bool:
    """Whether nature, not a person, does it or is what a warning is about ("floods killed 30", "warned
    that more rain was expected", "warned of famine"); a weapon's fire is no nature ("artillery fire
    struck")."""
    agents = [found.actor] if found.actor is not None else []
    agents += [c for c in token.children if c.dep_ == "nsubj"]
    agents += [
        g for c in token.children if c.dep_ == "ccomp" for g in c.children if g.dep_ in ("nsubj", "nsubjpass")
    ]
    if token.lemma_.lower() in words.warning_verbs:
        agents += [g for c in token.children if c.dep_ == "prep" for g in c.children if g.dep_ == "pobj"]
    nature = words.non_agents
    return any(
        (t.lemma_.lower() in nature or t.lower_ in nature) and not _armed(t, rules)
        for a in agents
        for t in [a, *a.children]
        if t.dep_ in ("nsubj", "nsubjpass", "compound", "pobj") or t.i == a.i
    )


def _armed(token: Token, rules: AcledActors) -> bool:
    """Whether a noun is said of a weapon ("artillery and rocket fire", "mortar fire")."""
    return any(
        c.dep_ in ("nmod", "compound", "amod") and rules.not_party(c.lower_) == "instrument"
        for c in token.children
    )


def _phrase(token: Token, words: EventWords) -> str:
    """The words of the noun phrase a participant's head token stands for."""
    return " ".join(t.text for t in noun_phrase(token, words))


def _a_place(token: Token | None, words: EventWords, rules: AcledActors) -> bool:
    """Whether a participant is a place: the dateline the parse made a subject ("BAMAKO, Mali (Agency) —
    Gunmen…"), or a phrase naming a part of a place ("the outskirts of Dera Ismail Khan"). No party, so
    that another trigger of the sentence may give the event its recipient ("killing 7 officers")."""
    if token is None:
        return False
    if in_dateline(token):
        return True
    return rules.not_party(head_word(_phrase(token, words), rules)) == "place"


def _no_party(token: Token | None, words: EventWords, rules: AcledActors) -> bool:
    """Whether a participant is a place or a time ("Tuesday's bombing killed 12")."""
    return token is not None and (token.ent_type_ in TIME_LABELS or _a_place(token, words, rules))


STATE_FORCES = frozenset({"police", "military"})
"""ACLED actor categories (`acled.json` keys) whose own report of an arrest names them as its doer."""


def _reporting_force(trigger: Token, words: EventWords, rules: AcledActors) -> Token | None:
    """The police or army that reports an arrest told without a doer, or by "they" ("Police said 30 people
    had been detained overnight"; "Police … said they had arrested 38"): they made it. So they do when
    their spokesperson reports it ("Police spokesman Ali Omar said", "He said" after him): the force's
    word is the actor."""
    root = clause_root(trigger)
    if root.dep_ != "ccomp" or root.head.lemma_.lower() not in words.reporting_verbs:
        return None
    said = root.head
    speaker = next((c for c in said.children if c.dep_ == "nsubj"), None)
    if speaker is None and said.dep_ == "conj":  # "Police fired tear gas … and said they had arrested 38"
        speaker = next((c for c in said.head.children if c.dep_ == "nsubj"), None)
    if speaker is None:
        return None
    found = rules.category(_phrase(speaker, words).lower())
    if found is not None and found.key in STATE_FORCES:
        return speaker
    if speaker.lower_ in words.person_pronouns:
        speaker = _earlier_speaker(speaker, words) or speaker
    return next((t for t in _compounds(speaker) if _force(t, rules)), None)


def _compounds(token: Token) -> list[Token]:
    """The words a noun is compounded with, at any depth ("Police spokesman Ali Omar": all three)."""
    return [t for c in token.children if c.dep_ == "compound" for t in (c, *_compounds(c))]


def _force(token: Token, rules: AcledActors) -> bool:
    found = rules.category(token.lower_)
    return found is not None and found.key in STATE_FORCES


def _earlier_speaker(pronoun: Token, words: EventWords) -> Token | None:
    """Whom a speaking pronoun stands for: the speaker of the latest earlier sentence of its paragraph
    that reports something ("Police spokesman Ali Omar said six died. He said 87 were arrested")."""
    for sent in reversed([s for s in pronoun.doc.sents if s.end <= pronoun.sent.start]):
        for t in sent:
            if t.lemma_.lower() in words.reporting_verbs:
                speaker = next((c for c in t.children if c.dep_ == "nsubj"), None)
                if speaker is not None and speaker.lower_ not in words.person_pronouns:
                    return speaker
    return None


def with_arguments(draft: EventDraft, words: EventWords, rules: AcledActors, settings: Settings) -> bool:
    """Give a one-trigger candidate its roles, type and mode; False when it is no event."""
    trig = draft.primary
    found = roles(trig.token, trig.entry, words, settings)
    found.actor = None if _no_party(found.actor, words, rules) else found.actor
    found.recipient = None if _no_party(found.recipient, words, rules) else found.recipient
    if found.recipient is None and not trig.entry.no_recipient:
        found.recipient = next(
            (r for i in draft.inner if (r := roles(i.token, i.entry, words, settings).recipient)), None
        )
    vague_actor = found.actor is None or found.actor.lower_ in words.group_pronouns
    if vague_actor and trig.entry.type == "COERCE":
        found.actor = _reporting_force(trig.token, words, rules) or found.actor
    if (trig.entry.needs_actor and found.actor is None) or natural(trig.token, found, words, rules):
        return False
    draft.roles = found
    draft.type = content_type(trig, draft.inner, words)
    draft.mode = content_mode(trig, draft.inner, words)
    return True


class EventArguments(ArticleStep):
    """Give each event candidate its actor and recipient; drop those no party does."""

    name = "events.arguments"
    needs = frozenset({"event_candidates"})
    adds = frozenset({"event_arguments"})

    def process(self, article: Article) -> Article:
        found = candidates(article)
        words = self.knowledge.language.events
        rules = self.knowledge.acled.actors
        found.drafts = [d for d in found.drafts if with_arguments(d, words, rules, self.settings)]
        return article

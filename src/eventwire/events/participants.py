"""Actor and recipient of a trigger, from the dependency parse, linked to entities.

Active subject and object; passive subject and "by" agent; the noun a participle modifies ("civilians
killed"); a noun trigger's possessor ("Russia's invasion"), its "of/on/against" object ("expulsion of 45
diplomats") and the subject of the verb that governs it ("Poland has announced the expulsion");
subjects shared through infinitives and coordination. Relative and personal pronouns are resolved,
and a definite description ("the envoy") is linked to the one person who holds that role.
"""

from __future__ import annotations

from dataclasses import dataclass

from spacy.tokens import Token

from eventwire.events.index import ArticleIndex
from eventwire.events.lexicon import Lexicon, TriggerEntry
from eventwire.events.triggers import is_clause_root
from eventwire.model import Participant

NP_DEPS = frozenset({"det", "amod", "compound", "poss", "nummod", "quantmod", "nmod", "case", "flat", "cc", "conj",
                     "advmod", "npadvmod", "predet", "preconj"})
SUBJECTS = ("nsubj", "nsubjpass", "csubj")
RECIPIENT_PREPS = {"of", "on", "against", "at", "upon", "towards", "toward"}
CONSULT_PREPS = {"with"}


@dataclass
class Roles:
    """The head tokens of a trigger's actor and recipient (None when not found)."""

    actor: Token | None = None
    recipient: Token | None = None


def _child(token: Token, *deps: str) -> Token | None:
    return next((c for c in token.children if c.dep_ in deps), None)


def _prep_object(token: Token, preps: set[str]) -> Token | None:
    for c in token.children:
        if c.dep_ in ("prep", "agent") and c.lower_ in preps:
            obj = _child(c, "pobj")
            if obj is not None:
                return obj
    return None


def _agent(token: Token) -> Token | None:
    for c in token.children:
        if c.dep_ == "agent" or (c.dep_ == "prep" and c.lower_ == "by"):
            return _child(c, "pobj")
    return None


def _passive(token: Token) -> bool:
    if any(c.dep_ in ("nsubjpass", "auxpass") for c in token.children):
        return True
    return token.tag_ == "VBN" and token.dep_ in ("acl", "amod") or token.pos_ == "ADJ"


def _inherited_subject(token: Token, lex: Lexicon, hops: int = 4) -> Token | None:
    """The subject a verb without one shares with the verb it hangs from."""
    t = token
    for _ in range(hops):
        if t.head.i == t.i:
            return None
        if t.dep_ == "relcl":
            return t.head
        if t.dep_ == "acl" and t.head.dep_ in ("attr", "dobj") and t.head.head.pos_ in ("VERB", "AUX"):
            t = t.head.head
        else:
            t = t.head
        if t.pos_ in ("VERB", "AUX"):
            if t.lemma_.lower() in lex.cue("not_agent_governors"):
                return None
            subj = _child(t, *SUBJECTS)
            if subj is not None:
                return subj
        if is_clause_root(t) and t.dep_ not in ("xcomp", "advcl"):
            return None
    return None


def _verb_roles(token: Token, entry: TriggerEntry, lex: Lexicon) -> Roles:
    if _passive(token):
        recipient = _child(token, "nsubjpass")
        if recipient is None and token.dep_ in ("acl", "amod"):
            recipient = token.head
        return Roles(actor=_agent(token), recipient=recipient)
    actor = _child(token, "nsubj") or _inherited_subject(token, lex)
    recipient = None
    if not entry.no_recipient:
        recipient = _child(token, "dobj")
        preps = CONSULT_PREPS if entry.type == "CONSULT" else RECIPIENT_PREPS
        recipient = recipient or _prep_object(token, preps)
    return Roles(actor=actor, recipient=recipient)


def _noun_roles(token: Token, entry: TriggerEntry, lex: Lexicon) -> Roles:
    actor = _child(token, "poss") or _agent(token)
    recipient = None
    if not entry.no_recipient:
        preps = RECIPIENT_PREPS | (CONSULT_PREPS if entry.type == "CONSULT" else set())
        recipient = _prep_object(token, preps)
    if actor is None:
        gov, dep = token.head, token.dep_
        if dep == "pobj" and gov.dep_ == "prep":
            gov = gov.head
        if dep in ("dobj", "pobj", "attr", "appos") and gov.pos_ in ("VERB", "AUX"):
            lemma = gov.lemma_.lower()
            subject = _child(gov, "nsubj") or _inherited_subject(gov, lex)
            if lemma in lex.cue("victim_governors"):
                recipient = recipient or subject
            elif lemma not in lex.cue("not_agent_governors"):
                actor = subject
    if actor is None:
        actor = next((c for c in token.children if c.dep_ == "compound" and c.pos_ == "PROPN"), None)
    return Roles(actor=actor, recipient=recipient)


def roles(token: Token, entry: TriggerEntry, lex: Lexicon) -> Roles:
    """The actor and recipient head tokens of a trigger."""
    if token.pos_ in ("NOUN", "PROPN"):
        found = _noun_roles(token, entry, lex)
    else:
        found = _verb_roles(token, entry, lex)
    if found.actor is not None and found.recipient is not None and found.actor.i == found.recipient.i:
        found.recipient = None
    return found


def phrase(token: Token) -> list[Token]:
    """The noun phrase a head token stands for, without relative clauses or appositions."""
    keep = {token.i}
    stack = [token]
    while stack:
        t = stack.pop()
        for c in t.children:
            if c.dep_ in NP_DEPS and c.i not in keep:
                keep.add(c.i)
                stack.append(c)
    doc = token.doc
    lo, hi = min(keep), max(keep)
    tokens = [doc[i] for i in range(lo, hi + 1)]
    while tokens and (tokens[0].is_punct or tokens[0].dep_ in ("cc", "preconj")):
        tokens.pop(0)
    while tokens and (tokens[-1].is_punct or tokens[-1].dep_ == "cc"):
        tokens.pop()
    return tokens or [token]


def participant(index: ArticleIndex, pp: int, head: Token | None, lex: Lexicon) -> Participant | None:
    """A participant for a head token: its phrase text, linked to an entity when one is found."""
    if head is None:
        return None
    if head.lower_ in lex.cue("relative_pronouns") and head.head.dep_ == "relcl":
        head = head.head.head
    tokens = phrase(head)
    start, end = index.span_chars(pp, tokens)
    text = index.article.text[start:end]
    entity = _entity(index, pp, head, tokens, lex)
    if entity is None:
        return Participant(text=text)
    return Participant(text=text, entity=entity.id, name=entity.name)


def _entity(index: ArticleIndex, pp: int, head: Token, tokens: list[Token], lex: Lexicon):
    h_start = index.start(pp, head)
    hits = index.entities.within(h_start, h_start + len(head.text))
    if hits:
        return hits[0].item
    start, end = index.span_chars(pp, tokens)
    hits = index.entities.within(start, end)
    if hits:
        return hits[0].item
    if head.lower_ in lex.cue("person_pronouns"):
        earlier = [m for m in index.entities.before(h_start) if m.item.type == "PERSON"]
        return earlier[-1].item if earlier else None
    if head.pos_ == "NOUN" and any(c.lower_ == "the" for c in head.children):
        word = head.lemma_.lower()
        holders = {e.id: e for e in index.article.entities
                   if e.type == "PERSON" and any(word in r.lower().split() for r in e.roles)}
        if len(holders) == 1:
            return next(iter(holders.values()))
    return None

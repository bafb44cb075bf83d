"""The claims step: who asserts an event, who denies it, and where the text hedges it.

Assert: the subject of a reporting verb the trigger hangs from ("Ukrainian officials say Russia bombed a
theater"), a trailing "…, police said", or "according to X". Deny: a denial whose object names an event
of some type ("Russia denies any strikes on these buildings") denies the latest event of that type in
its paragraph or the two before. Hedge: "ostensibly", "allegedly", "reportedly", "are said to".
Claims lower or raise the event's confidence a little.
"""

from __future__ import annotations

from spacy.attrs import LOWER
from spacy.tokens import Token

from eventwire.events.extract import ContentRef, TriggerRef
from eventwire.events.index import ArticleIndex
from eventwire.events.lexicon import Lexicon, lexicon
from eventwire.events.participants import participant
from eventwire.events.triggers import is_clause_root
from eventwire.model import Article, Claim, Event
from eventwire.pipeline import ArticleStep

DENY_WINDOW = 2
"""How many paragraphs before a denial its target may lie in."""
SHIFT = {"assert": 0.05, "deny": -0.1, "hedge": -0.1}
"""How much one claim of each stance moves an event's confidence."""


def _speaker(index: ArticleIndex, pp: int, verb: Token, lex: Lexicon) -> str | None:
    """Who speaks through a reporting or denying verb: its subject, or its "by" agent."""
    head = next((c for c in verb.children if c.dep_ in ("nsubj", "nsubjpass")), None)
    if head is not None and head.dep_ == "nsubjpass":
        agent = next((c for c in verb.children if c.dep_ == "agent"), None)
        head = next((c for c in agent.children if c.dep_ == "pobj"), None) if agent is not None else None
    who = participant(index, pp, head, lex)
    if who is None:
        return None
    return who.name if who.name and who.text.lower() in lex.cue("person_pronouns") else who.text


def _reporters(token: Token, lex: Lexicon) -> list[Token]:
    """Reporting verbs the trigger hangs from, or that hang from its clause ("…, police said")."""
    verbs = lex.cue("reporting_verbs")
    out = [a for a in token.ancestors if a.lemma_.lower() in verbs and a.pos_ == "VERB"][:1]
    root = token
    while not is_clause_root(root):
        root = root.head
    out += [
        c
        for c in root.children
        if c.dep_ in ("parataxis", "ccomp", "advcl")
        and c.lemma_.lower() in verbs
        and c.i > token.i
        and c.i != token.i
    ]
    return out


def _according_to(index: ArticleIndex, pp: int, token: Token, lex: Lexicon) -> list[str]:
    """Sources named by "according to X" in the trigger's sentence."""
    sent = token.sent
    doc = sent.doc
    lowers = doc.to_array(LOWER)[sent.start : sent.end].tolist()  # string ids, without a `Token` per word
    out = []
    for phrase in lex.cue("according_to"):
        first, second = phrase.split()
        key = doc.vocab.strings[first]
        for i in (sent.start + k for k, lower in enumerate(lowers) if lower == key):
            link = next((c for c in doc[i].children if c.lower_ == second), None)
            obj = next((c for c in link.children if c.dep_ == "pobj"), None) if link is not None else None
            who = participant(index, pp, obj, lex)
            if who is not None:
                out.append(who.text)
    return out


def _hedged(token: Token, lex: Lexicon) -> bool:
    """A hedge on the trigger or on the verbs it is raised by ("are said to have killed")."""
    chain = [token]
    t = token
    while t.dep_ == "xcomp" and t.head.i != t.i:
        t = t.head
        chain.append(t)
    adverbs, passives = lex.cue("hedge_adverbs"), lex.cue("hedge_passives")
    for t in chain:
        if any(c.lower_ in adverbs for c in t.children):
            return True
        if t.i != token.i and t.lemma_.lower() in passives and any(c.dep_ == "auxpass" for c in t.children):
            return True
    return False


def _add(event: Event, claim: Claim) -> None:
    if claim not in event.claims:
        event.claims.append(claim)
        event.confidence = round(min(0.95, max(0.05, event.confidence + SHIFT[claim.stance])), 2)


def _asserts(index: ArticleIndex, event: Event, refs: list[TriggerRef], lex: Lexicon) -> None:
    for ref in refs:
        token = index.paragraphs[ref.pp].doc[ref.token]
        speakers = [s for v in _reporters(token, lex) if (s := _speaker(index, ref.pp, v, lex))]
        speakers += _according_to(index, ref.pp, token, lex)
        for s in speakers:
            _add(event, Claim(speaker=s, stance="assert"))
        if _hedged(token, lex):
            _add(event, Claim(speaker=speakers[0] if speakers else lex.cues["hedge_speaker"], stance="hedge"))


def _denials(index: ArticleIndex, events: list[Event], content: list[ContentRef], lex: Lexicon) -> None:
    deny = lex.cue("deny_verbs")
    for ref in content:
        verb = index.paragraphs[ref.pp].doc[ref.outer]
        if verb.lemma_.lower() not in deny:
            continue
        offset = index.start(ref.pp, verb)
        earliest = index.paragraphs[max(0, ref.pp - DENY_WINDOW)].start
        targets = [
            e
            for e in events
            if e.type == ref.type
            and e.evidence
            and earliest <= e.evidence[0].start
            and e.evidence[0].end <= offset
        ]
        speaker = _speaker(index, ref.pp, verb, lex)
        if targets and speaker:
            _add(max(targets, key=lambda e: e.evidence[0].start), Claim(speaker=speaker, stance="deny"))


def add_claims(article: Article) -> Article:
    """Attach assert, deny and hedge claims to the events the extraction step found."""
    lex = lexicon()
    index = ArticleIndex.build(article, lex.cue("person_pronouns"))
    refs: dict[str, list[TriggerRef]] = article.scratch.get("event_triggers", {})
    for event in article.events:
        _asserts(index, event, refs.get(event.id, []), lex)
    _denials(index, article.events, article.scratch.get("event_content", []), lex)
    return article


class Claims(ArticleStep):
    """Who asserts, denies or hedges each event."""

    name = "events.claims"
    needs = frozenset({"events"})
    adds = frozenset({"claims"})

    def setup(self) -> None:
        lexicon()

    def process(self, article: Article) -> Article:
        return add_claims(article)

"""The claims step: who asserts an event, who denies it, and where the text hedges it.

Assert: the subject of a reporting verb the trigger hangs from ("Ukrainian officials say Russia bombed a
theater"), a trailing "…, police said", or "according to X". Deny: a denial whose object names an event
of some type ("Russia denies any strikes on these buildings") denies the latest event of that type in
its paragraph or the `Settings.claim_deny_window_paragraphs` before. Hedge: "ostensibly", "allegedly",
"reportedly", "are said to". Claims lower or raise the event's confidence a little (Settings).
"""

from __future__ import annotations

from spacy.attrs import LOWER
from spacy.tokens import Token

from eventwire.events.candidates import ContentRef, TriggerRef
from eventwire.events.index import ArticleIndex
from eventwire.events.participants import participant
from eventwire.knowledge.events import EventWords
from eventwire.language.grammar import clause_root
from eventwire.model import Article, Claim, Event
from eventwire.pipeline import ArticleStep
from eventwire.settings import Settings


def _speaker(index: ArticleIndex, pp: int, verb: Token, words: EventWords) -> str | None:
    """Who speaks through a reporting or denying verb: its subject, or its "by" agent."""
    head = next((c for c in verb.children if c.dep_ in ("nsubj", "nsubjpass")), None)
    if head is not None and head.dep_ == "nsubjpass":
        agent = next((c for c in verb.children if c.dep_ == "agent"), None)
        head = next((c for c in agent.children if c.dep_ == "pobj"), None) if agent is not None else None
    who = participant(index, pp, head, words)
    if who is None:
        return None
    return who.name if who.name and who.text.lower() in words.person_pronouns else who.text


def _reporters(token: Token, words: EventWords) -> list[Token]:
    """Reporting verbs the trigger hangs from, or that hang from its clause ("…, police said")."""
    verbs = words.reporting_verbs
    out = [a for a in token.ancestors if a.lemma_.lower() in verbs and a.pos_ == "VERB"][:1]
    root = clause_root(token)
    out += [
        c
        for c in root.children
        if c.dep_ in ("parataxis", "ccomp", "advcl")
        and c.lemma_.lower() in verbs
        and c.i > token.i
        and c.i != token.i
    ]
    return out


def _according_to(index: ArticleIndex, pp: int, token: Token, words: EventWords) -> list[str]:
    """Sources named by "according to X" in the trigger's sentence."""
    sent = token.sent
    doc = sent.doc
    lowers = doc.to_array(LOWER)[sent.start : sent.end].tolist()  # string ids, without a `Token` per word
    out = []
    for first, second in words.according_to:
        key = doc.vocab.strings[first]
        for i in (sent.start + k for k, lower in enumerate(lowers) if lower == key):
            link = next((c for c in doc[i].children if c.lower_ == second), None)
            obj = next((c for c in link.children if c.dep_ == "pobj"), None) if link is not None else None
            who = participant(index, pp, obj, words)
            if who is not None:
                out.append(who.text)
    return out


def _hedged(token: Token, words: EventWords) -> bool:
    """A hedge on the trigger or on the verbs it is raised by ("are said to have killed")."""
    chain = [token]
    t = token
    while t.dep_ == "xcomp" and t.head.i != t.i:
        t = t.head
        chain.append(t)
    adverbs, passives = words.hedge_adverbs, words.hedge_passives
    for t in chain:
        if any(c.lower_ in adverbs for c in t.children):
            return True
        if t.i != token.i and t.lemma_.lower() in passives and any(c.dep_ == "auxpass" for c in t.children):
            return True
    return False


def _add(event: Event, claim: Claim, settings: Settings) -> None:
    """Attach a claim once, moving the event's confidence by its stance's shift."""
    if claim not in event.claims:
        shift = {
            "assert": settings.claim_assert_shift,
            "deny": settings.claim_deny_shift,
            "hedge": settings.claim_hedge_shift,
        }[claim.stance]
        low, high = settings.event_confidence_min, settings.event_confidence_max
        event.claims.append(claim)
        event.confidence = round(min(high, max(low, event.confidence + shift)), 2)


def _asserts(
    index: ArticleIndex, event: Event, refs: list[TriggerRef], words: EventWords, settings: Settings
) -> None:
    for ref in refs:
        token = index.paragraphs[ref.pp].doc[ref.token]
        speakers = [s for v in _reporters(token, words) if (s := _speaker(index, ref.pp, v, words))]
        speakers += _according_to(index, ref.pp, token, words)
        for s in speakers:
            _add(event, Claim(speaker=s, stance="assert"), settings)
        if _hedged(token, words):
            speaker = speakers[0] if speakers else words.hedge_speaker
            _add(event, Claim(speaker=speaker, stance="hedge"), settings)


def _denials(
    index: ArticleIndex, events: list[Event], content: list[ContentRef], words: EventWords, settings: Settings
) -> None:
    for ref in content:
        verb = index.paragraphs[ref.pp].doc[ref.outer]
        if verb.lemma_.lower() not in words.deny_verbs:
            continue
        offset = index.start(ref.pp, verb)
        earliest = index.paragraphs[max(0, ref.pp - settings.claim_deny_window_paragraphs)].start
        targets = [
            e
            for e in events
            if e.type == ref.type
            and e.evidence
            and earliest <= e.evidence[0].start
            and e.evidence[0].end <= offset
        ]
        speaker = _speaker(index, ref.pp, verb, words)
        if targets and speaker:
            target = max(targets, key=lambda e: e.evidence[0].start)
            _add(target, Claim(speaker=speaker, stance="deny"), settings)


def add_claims(article: Article, words: EventWords, settings: Settings) -> Article:
    """Attach assert, deny and hedge claims to the events the extraction step found."""
    index = ArticleIndex.build(
        article, words.person_pronouns, settings.event_pronoun_salience_paragraphs, words.reporting_verbs
    )
    refs: dict[str, list[TriggerRef]] = article.scratch.get("event_triggers", {})
    for event in article.events:
        _asserts(index, event, refs.get(event.id, []), words, settings)
    _denials(index, article.events, article.scratch.get("event_content", []), words, settings)
    return article


class Claims(ArticleStep):
    """Who asserts, denies or hedges each event."""

    name = "events.claims"
    needs = frozenset({"events"})
    adds = frozenset({"claims"})

    def process(self, article: Article) -> Article:
        return add_claims(article, self.knowledge.language.events, self.settings)

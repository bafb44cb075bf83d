"""Injuries: the wounded of an attack counted in a sentence of their own.

"Six students were taken to hospital, two of them with wounds"; "at least three doctors were treated for
injuries"; "more than 40 others were being treated for wounds". Such a sentence counts the injured of the
attack told in it or just before it. A number of people that a care verb (`merging.json`'s `care_verbs`)
takes to or treats for a care noun ("to hospital", "for injuries"), or that a verb of `care_alone` says
were hospitalised, gives its injured to the nearest attack told in that sentence or in the
`event_injury_lookback_paragraphs` paragraphs before it, one with an actor first, when that attack has
no injured figure yet; the sentence joins the attack's evidence, and an attack that only its own words told
("after being hit by canisters") is that attack told again. Runs after the riot tolls.
"""

from __future__ import annotations

from spacy.tokens import Token

from eventwire.events.build import sentence_evidence
from eventwire.events.candidates import TriggerRef
from eventwire.events.merge_within import join_tellings, renumber
from eventwire.knowledge.merging import MergeWords
from eventwire.language.nlp import ParsedParagraph
from eventwire.model import Article, Event, Quantity
from eventwire.pipeline import ArticleStep
from eventwire.settings import Settings

COUNTED = ("nsubjpass", "dobj")
"""Where a care verb names the people it cares for ("were treated", "treated 40 people")."""
ATTACKS = frozenset({"ASSAULT"})
"""Event types whose victims a care sentence counts."""


def _cared_for(verb: Token, words: MergeWords) -> Token | None:
    """The people a care verb takes to care or treats for wounds, if it is one."""
    lemma = verb.lemma_.lower()
    cue = lemma in words.care_alone or (
        lemma in words.care_verbs
        and any(
            o.lemma_.lower() in words.care_nouns
            for p in verb.children
            if p.dep_ == "prep"
            for o in p.children
            if o.dep_ == "pobj"
        )
    )
    if not cue:
        return None
    return next((c for c in verb.children if c.dep_ in COUNTED), None)


def _count(para: ParsedParagraph, people: Token, quantities: list[Quantity]) -> int | None:
    """The whole number of a noun phrase's people ("six students", "more than 40 others")."""
    start = para.start + people.left_edge.idx
    end = para.start + people.idx + len(people.text)
    for q in quantities:
        if start <= q.start < end and isinstance(q.value, int | float) and q.value == int(q.value):
            return int(q.value)
    return None


def _reports(paras: list[ParsedParagraph], quantities: list[Quantity], words: MergeWords):
    """Each sentence that counts people in care: (position of its paragraph, the sentence, the number)."""
    for pos, para in enumerate(paras):
        for sent in para.doc.sents:
            for verb in sent:
                people = _cared_for(verb, words) if verb.pos_ == "VERB" else None
                count = _count(para, people, quantities) if people is not None else None
                if count is not None:
                    yield pos, sent, count
                    break


def _attack(events: list[Event], paragraph: int, span: tuple[int, int], lookback: int) -> Event | None:
    """The attack a care sentence (`span`) counts the injured of: told in it or in the `lookback`
    paragraphs before it, and not only in it; nearest first, one with an actor before one without;
    none that has its injured already."""
    start, end = span
    told = []
    for e in events:
        if e.type not in ATTACKS or e.status not in ("occurred", "ongoing") or e.size.injured is not None:
            continue
        near = [
            x for x in e.evidence if x.start < end and paragraph - lookback <= (x.paragraph or 0) <= paragraph
        ]
        if near and any(not (start <= x.start and x.end <= end) for x in e.evidence):
            told.append((e.actor is not None, max(x.start for x in near), e))
    return max(told, key=lambda t: (t[0], t[1]))[2] if told else None


def count_injuries(article: Article, words: MergeWords, settings: Settings) -> Article:
    """Give the injured counted in care sentences to the attacks they count; an attack told only by its
    care sentence's own words ("were taken to hospital") is no event of its own then."""
    paras: list[ParsedParagraph] = article.scratch.get("parsed") or []
    refs: dict[str, list[TriggerRef]] = article.scratch.get("event_triggers", {})
    gone: set[str] = set()
    for pos, sent, count in _reports(paras, article.quantities, words):
        para = paras[pos]
        span = (para.start + sent.start_char, para.start + sent.end_char)
        attack = _attack(article.events, para.index, span, settings.event_injury_lookback_paragraphs)
        if attack is None:
            continue
        attack.size.injured = count
        evidence = sentence_evidence(article, para, sent)
        if not any(x.start <= evidence.start and evidence.end <= x.end for x in attack.evidence):
            attack.evidence = sorted([*attack.evidence, evidence], key=lambda x: x.start)
        inside = range(sent.start, sent.end)
        for e in article.events:
            mine = refs.get(e.id, [])
            if (
                e is not attack
                and e.type in ATTACKS
                and mine
                and all(r.pp == pos and r.token in inside for r in mine)
            ):
                join_tellings(attack, e, refs)
                gone.add(e.id)
    if gone:
        renumber(article, [e for e in article.events if e.id not in gone], refs)
    return article


class Injuries(ArticleStep):
    """Give the injured counted in care sentences to the attacks they count."""

    name = "events.injuries"
    needs = frozenset({"riot_tolls"})
    adds = frozenset({"injuries"})

    def process(self, article: Article) -> Article:
        return count_injuries(article, self.knowledge.language.merging, self.settings)

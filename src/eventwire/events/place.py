"""Where an event happened: a place mention near its trigger, or the place the article is talking about.

Candidates are ranked by how they attach: a locative preposition ("in Kyiv", "around Kherson") beats a
plain mention ("Mariupol's south", "the invasion of Ukraine"), which beats a topic or a direction
("a summit on Ukraine", "west of Kyiv"). The search widens from the trigger's own phrase to its clause,
its sentence, the paragraph so far, and, when the sentence points back ("the city", "there"), the
paragraphs before it. An event still unplaced, or placed only in the province its dateline's town
lies in, takes the town ("MARDAN: …", "CAIRO —").

The step (`EventPlace`, the fourth of the event steps) places each candidate by its own phrase first,
joins the candidates of one sentence that tell one event (one that names no place of its own folds
into the nearest of its type that does, "shelling in other cities, with two civilians killed in
Mykolaiv Oblast"; two of one type and one place are one, "destroyed after the shelling of a building
in Kyiv"), and only then looks around for the places the joined ones still lack.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from itertools import groupby

from spacy.tokens import Span, Token

from eventwire.events.candidates import EventDraft, candidates
from eventwire.events.index import ArticleIndex, Located
from eventwire.events.participants import Roles, noun_phrase
from eventwire.knowledge.events import EventWords, TriggerEntry
from eventwire.language.grammar import clause_root, is_clause_root
from eventwire.language.metonymy import dateline, in_dateline
from eventwire.model import Article, Place
from eventwire.pipeline import ArticleStep
from eventwire.settings import Settings

PRUNE = frozenset({"relcl", "ccomp", "parataxis", "advcl"})
"""Dependencies of the sub-clauses left out of a trigger's region unless they lead to it."""
COARSE = frozenset({"country"})
"""Gazetteer features a finer place inside them beats."""
WIDE = frozenset({"admin1", "region"})
ORIGIN = 3
"""The tier of a country its people come from ("soldiers from Rwanda"): below every tier searched."""
"""Gazetteer features of provinces and regions: the dateline's town within one beats it."""


@dataclass(frozen=True)
class Where:
    """What the place search needs to know of an event besides its trigger."""

    place_object: bool = False
    """The object is the place ("visit Poland")."""
    actor: frozenset[int] = frozenset()
    """Token indices of the actor's phrase: a place that acts is not where the event happened."""
    others: frozenset[int] = frozenset()
    """Token indices of the other events' own phrases in the sentence: their places are theirs."""


def _subtree(token: Token, keep: Token) -> set[int]:
    """The token's subtree without the sub-clauses that do not lead to `keep`."""
    out: set[int] = set()
    stack = [token]
    while stack:
        t = stack.pop()
        out.add(t.i)
        for c in t.children:
            clause = c.dep_ in PRUNE or (
                c.dep_ == "conj" and c.pos_ in ("VERB", "AUX") and t.pos_ in ("VERB", "AUX")
            )
            if clause and not (c.left_edge.i <= keep.i <= c.right_edge.i):
                continue
            stack.append(c)
    return out


def own_region(trigger: Token) -> set[int]:
    """Tokens that speak of the trigger itself: its phrase, and the noun it modifies."""
    region = _subtree(trigger, trigger)
    if trigger.dep_ in ("acl", "amod", "relcl"):
        region |= _subtree(trigger.head, trigger)
    return region


def clause_region(trigger: Token) -> set[int]:
    """The tokens of the trigger's clause."""
    return _subtree(clause_root(trigger), trigger)


def _tier(head: Token, place_object: bool, words: EventWords) -> int:
    """0 locative (also "the outskirts of X"), 1 plain, 2 topic or direction, `ORIGIN` where a party
    comes from ("soldiers from Rwanda"): never the event's place."""
    t = head
    while t.dep_ in ("compound", "conj", "appos", "flat") and t.head.i != t.i:
        t = t.head
    while (
        t.dep_ == "pobj" and t.head.lower_ in words.preps.genitive and t.head.head.pos_ in ("NOUN", "PROPN")
    ):
        noun = t.head.head
        if noun.lemma_.lower() in words.directions:
            return 2
        if noun.lower_ in words.locative_nouns:
            return 0
        t = noun
    if t.dep_ == "dobj":
        return 0 if place_object else 1
    if t.dep_ == "pobj":
        prep = t.head.lower_
        if prep in words.preps.origin and t.head.head.lemma_.lower() in words.party_nouns:
            return ORIGIN
        if prep in words.preps.where:
            return 0
        return 2 if prep in words.preps.place_topic else 1
    return 1


def _candidates(
    index: ArticleIndex, pp: int, sent: Span, tokens: set[int], where: Where, words: EventWords
) -> list[tuple[int, Token, Place]]:
    start, end = index.span_chars(pp, sent)
    out = []
    for m in index.places.within(start, end):
        head = index.head_token(pp, m.start, m.end)
        if head is None or head.i not in tokens or head.i in where.actor:
            continue
        if in_dateline(head):
            continue  # a dateline ("DAKAR, Senegal —") is where the report comes from: the last resort
        tier = _tier(head, where.place_object, words)
        if tier == ORIGIN and m.item.feature not in COARSE:
            tier = 0  # a town they come from is where they are ("young men from Mangu blocked the road")
        out.append((tier, head, m.item))
    return out


def _best(cands: list[tuple[int, Token, Place]], trigger: Token, max_tier: int) -> Place | None:
    """The best-attached candidate nearest the trigger; a place inside a country beats the country
    ("Donetsk in eastern Ukraine")."""
    ok = sorted((c for c in cands if c[0] <= max_tier), key=lambda c: (c[0], abs(c[1].i - trigger.i)))
    if not ok:
        return None
    best = ok[0][2]
    if best.feature in COARSE:
        finer = [c[2] for c in ok if c[2].feature not in COARSE and c[2].country_code == best.country_code]
        return finer[0] if finer and best.country_code else best
    return best


def own_place(
    index: ArticleIndex, pp: int, sent: Span, trigger: Token, where: Where, words: EventWords
) -> Place | None:
    """A place named in the trigger's own phrase ("shelling of a building in Kyiv")."""
    return _best(_candidates(index, pp, sent, own_region(trigger), where, words), trigger, 1)


def context_place(
    index: ArticleIndex,
    pp: int,
    sent: Span,
    trigger: Token,
    where: Where,
    words: EventWords,
    settings: Settings,
) -> tuple[Place, str] | None:
    """The place of an event whose own phrase names none, and where it comes from: the clause or the
    sentence ("text"), else the paragraph so far or, by anaphora, one before ("context")."""
    clause = _candidates(index, pp, sent, clause_region(trigger) - where.others, where, words)
    whole = _candidates(index, pp, sent, set(range(sent.start, sent.end)) - where.others, where, words)
    for cands, tier in ((clause, 1), (whole, 1), (clause, 2)):
        found = _best(cands, trigger, tier)
        if found is not None:
            return found, "text"
    shared = _shared_place(_candidates(index, pp, sent, _scene(trigger), where, words))
    if shared is not None:
        return shared, "text"
    para = index.paragraphs[pp]
    earlier = [m for m in index.places.before(index.start(pp, sent[0])) if m.start >= para.start]
    if earlier:
        return earlier[-1].item, "context"
    before = None
    if _points_back(sent, words):
        before = _previous_place(index, pp, settings.event_anaphor_lookback_paragraphs)
    return (before, "context") if before is not None else None


def _scene(trigger: Token) -> set[int]:
    """The tokens of what a verb acts on, purposes and objects included, shared with the first of two
    coordinated verbs ("fired tear gas to break up a sit-in in Kampala … and arrested 31")."""
    verb = trigger.head if is_clause_root(trigger) and trigger.dep_ == "conj" else trigger
    return {t.i for t in verb.subtree} if verb.pos_ in ("VERB", "AUX") else set()


def _shared_place(cands: list[tuple[int, Token, Place]]) -> Place | None:
    """The one place named after a locative preposition in the events a verb acts on, when only their own
    phrases name it: theirs is the verb's too."""
    found = {c[2].id: c[2] for c in cands if c[0] == 0}
    return next(iter(found.values())) if len(found) == 1 else None


def _points_back(sent: Span, words: EventWords) -> bool:
    """Whether a sentence points back to an earlier place ("the city", "this town", "there")."""
    for t in sent:
        if t.lemma_.lower() in words.place_anaphors and any(
            c.lower_ in words.pointing_determiners for c in t.children
        ):
            return True
        if t.lower_ in words.place_adverbs and t.dep_ == "advmod":
            return True
    return False


def _previous_place(index: ArticleIndex, pp: int, lookback: int) -> Place | None:
    """The last place of the nearest of the `lookback` body paragraphs before `pp` that names one."""
    if index.paragraphs[pp].kind != "body":
        return None
    seen = 0
    for pos in range(pp - 1, -1, -1):
        para = index.paragraphs[pos]
        if para.kind != "body":
            continue
        seen += 1
        if seen > lookback:
            break
        mentions: list[Located[Place]] = index.places.within(para.start, para.start + len(para.doc.text))
        if mentions:
            return mentions[-1].item
    return None


def dateline_place(index: ArticleIndex, place: Place | None) -> Place | None:
    """The dateline's town for an event placed nowhere, or only in the province or region the town
    lies in ("MARDAN: … the worst violence the Khyber Pakhtunkhwa city has seen"); else its place. An
    event placed only in a country keeps it: a Kyiv dateline does not place a strike "in Ukraine"."""
    if place is not None and place.feature not in WIDE:
        return place
    town = _dateline(index)
    if town is None:
        return place
    inside = place is None or (town.country_code == place.country_code and town.admin1 == place.admin1)
    return town if inside else place


def _dateline(index: ArticleIndex) -> Place | None:
    """The town a dateline opens one of the first two body paragraphs with (a byline may come first)."""
    body = [(pp, p) for pp, p in enumerate(index.paragraphs) if p.kind == "body"]
    for pp, para in body[:2]:
        found = index.places.within(para.start, para.start + 1)
        if found and found[0].item.feature not in COARSE | WIDE:
            head = index.head_token(pp, found[0].start, found[0].end)
            if head is not None and dateline(head.doc[: head.i + 1]):
                return found[0].item
    return None


def where(
    entry: TriggerEntry, found: Roles, words: EventWords, others: frozenset[int] = frozenset()
) -> Where:
    """What the place search needs of an event besides its trigger."""
    actor = (
        frozenset(t.i for t in noun_phrase(found.actor, words)) if found.actor is not None else frozenset()
    )
    return Where(place_object=entry.place_object, actor=actor, others=others)


def _another(draft: EventDraft, another: re.Pattern[str]) -> bool:
    """Whether a trigger's own words say it is another occurrence ("a second rally", "another attack")."""
    token = draft.primary.token
    return bool(another.search(token.doc[token.left_edge.i : token.i + 1].text))


def fold(drafts: list[EventDraft], another: re.Pattern[str]) -> list[EventDraft]:
    """The candidates of one sentence joined into its events: an unplaced one folds into the nearest
    placed one of its type, unless that one says it is another ("a march in La Paz … while a second rally
    in Cochabamba"); two of one type and one place are one."""
    anchored = [d for d in drafts if d.own_place]
    kept: list[EventDraft] = []
    for d in drafts:
        peers = [
            a for a in anchored if a.entry.type == d.entry.type and a is not d and not _another(a, another)
        ]
        if not d.own_place and peers:
            min(peers, key=lambda a: abs(a.primary.token.i - d.primary.token.i)).absorb(d)
            continue
        same = next((k for k in kept if k.entry.type == d.entry.type and k.place is d.place), None)
        if same is not None:
            same.absorb(d)
        else:
            kept.append(d)
    return kept


def place_draft(index: ArticleIndex, draft: EventDraft, words: EventWords, settings: Settings) -> None:
    """Place a joined candidate that names no place of its own from its context, else its dateline."""
    if draft.place is None:
        mine = {t.token.i for t in draft.triggers}
        others = frozenset(i for t in draft.sentence - mine for i in own_region(draft.sent.doc[t]))
        found = where(draft.entry, draft.roles, words, others)
        placed = context_place(index, draft.pp, draft.sent, draft.primary.token, found, words, settings)
        if placed is not None:
            draft.place, draft.place_source = placed
    if index.paragraphs[draft.pp].kind != "title":  # a headline's event is the lede's, wherever that is
        town = dateline_place(index, draft.place)
        if town is not draft.place:
            draft.place, draft.place_source = town, "dateline"


class EventPlace(ArticleStep):
    """Place each event candidate; join those of one sentence that tell one event."""

    name = "events.place"
    needs = frozenset({"event_sizes"})
    adds = frozenset({"event_places"})

    def process(self, article: Article) -> Article:
        found = candidates(article)
        words = self.knowledge.language.events
        index = found.index
        for d in found.drafts:
            d.place = own_place(index, d.pp, d.sent, d.primary.token, where(d.entry, d.roles, words), words)
            d.own_place = d.place is not None
            d.place_source = "text" if d.own_place else None
        sentences = groupby(found.drafts, key=lambda d: (d.pp, d.sent.start))
        another = self.knowledge.language.merging.another
        found.drafts = [k for _, group in sentences for k in fold(list(group), another)]
        for d in found.drafts:
            place_draft(index, d, words, self.settings)
        return article

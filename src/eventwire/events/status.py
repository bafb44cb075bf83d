"""Whether an event occurred, is ongoing, is expected, or is background history.

Expected: a modal or future auxiliary ("will visit", "would include"), a planning governor ("are
expected to impose", "is scheduled to arrive"), a purpose ("flying to Europe for a summit"), an
adjective ("planned talks") or a date after publication. Historical: a date that ended more than
`Settings.event_historical_days` before publication. Ongoing: a present progressive ("cities are being
bombed") or a present-tense "there are counterattacks". A cumulative toll ("killed since May 3", "the
insurgency, which has killed tens of thousands") is ongoing.

The step (`EventStatus`, the sixth of the event steps) also dates the news itself to its publication
day (`when.report_day`: an undated event neither expected nor told as background), and gives an
announced action its type: harm on a condition, or announced by its doer, is a threat; an announced
retreat a concession.
"""

from __future__ import annotations

from datetime import date, timedelta

from spacy.tokens import Token

from eventwire.events.candidates import EventDraft, candidates
from eventwire.events.index import ArticleIndex
from eventwire.events.participants import condition_subject
from eventwire.events.when import When, bounds, present_perfect, report_day
from eventwire.knowledge.events import EventWords
from eventwire.language.grammar import child, clause_root, is_clause_root
from eventwire.model import Article
from eventwire.pipeline import ArticleStep
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


def conflict_toll(trigger: Token, words: EventWords) -> bool:
    """Whether a trigger is what a war or conflict "has killed": a cumulative toll ("the insurgency, which
    has killed tens of thousands"; "the conflict has displaced millions")."""
    if trigger.pos_ != "VERB" or not present_perfect(trigger):
        return False
    subject = child(trigger, "nsubj")
    if subject is not None and subject.tag_ == "WDT" and trigger.dep_ == "relcl":
        subject = trigger.head
    return subject is not None and subject.lemma_.lower() in words.conflict_nouns


def event_status(
    trigger: Token, when: When, published: str | None, words: EventWords, settings: Settings
) -> str:
    """One of "expected", "historical", "ongoing", "occurred"; a cumulative toll is ongoing."""
    if when.cumulative or conflict_toll(trigger, words):
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


def background(token: Token, words: EventWords, headline: bool = False) -> bool:
    """An event told as background: in a relative or adverbial clause ("a curfew imposed after a coup"),
    except in a headline, whose verbs parse as such ("Workers kidnapped near Taxco freed by captors"), or
    after "after", "since", "amid" and the like."""
    root = clause_root(token)
    clause = root.dep_ in ("relcl", "advcl") or (token.dep_ in ("acl", "relcl") and token.tag_ == "VBN")
    if clause and not headline:
        return True
    t = token
    while t.i != root.i:
        if t.dep_ == "pobj" and t.head.lower_ in words.preps.background:
            return True
        t = t.head
    return False


def _clause_chain(token: Token) -> list[Token]:
    """The trigger (or the verb whose object it is: "extend the curfew") and the verbs it is the infinitive
    or conjunct of ("plans to impose restrictions", "said they would meet and boycott")."""
    chain = [token.head if token.dep_ == "dobj" else token]
    while chain[-1].dep_ in ("xcomp", "conj") and chain[-1].head.i != chain[-1].i:
        chain.append(chain[-1].head)
    return chain


def _announced_type(draft: EventDraft, status: str, words: EventWords) -> str | None:
    """The type an actor's own word gives a future action (manual: THREATEN is ASSAULT + hypothetical,
    an announced retreat is CONCEDE): harm on a condition ("will withdraw unless", "would impose
    sanctions if") or announced by its doer ("said they would blockade Paris", "plans to impose
    restrictions") is a threat, aimed at its condition's subject (set as the recipient); an announced
    retreat a concession. Announced sanctions stay sanctions."""
    kind = draft.type or draft.entry.type
    harm = set(words.conflict_types) - {"THREATEN"}
    if status != "expected" or kind not in harm | {"RETREAT"}:
        return None
    chain = _clause_chain(draft.primary.token)
    marks = words.condition_marks
    condition = [
        c
        for t in chain
        for c in t.children
        if c.dep_ == "advcl" and any(m.dep_ == "mark" and m.lower_ in marks for m in c.children)
    ]
    if condition:
        draft.roles.recipient = condition_subject(chain[-1], words) or draft.roles.recipient
        return "THREATEN"
    top, actor = chain[-1], draft.roles.actor
    said = (
        top.dep_ == "ccomp"
        and top.head.lemma_.lower() in words.announcement_verbs
        and actor is not None
        and any(
            s.i == actor.i or actor.lower_ in words.group_pronouns or actor.lower_ in words.person_pronouns
            for s in top.head.children
            if s.dep_ == "nsubj"
        )
    )
    if not said and not any(t.lemma_.lower() in words.plan_verbs for t in chain[1:]):
        return None
    if kind == "RETREAT":
        return "CONCEDE"
    return None if kind == "SANCTION" else "THREATEN"


def settle(index: ArticleIndex, draft: EventDraft, words: EventWords, settings: Settings) -> None:
    """Set a candidate's status, its publication-day date when it is the news itself, and its type."""
    when = draft.when or When()
    draft.status = event_status(draft.primary.token, when, index.article.published, words, settings)
    trigger = draft.primary.token
    headline = index.paragraphs[draft.pp].kind == "title"
    if (
        not when.linked
        and draft.status in ("occurred", "ongoing")
        and not background(trigger, words, headline)
    ):
        draft.when = report_day(
            index, draft.pp, draft.sent, trigger, words, settings.event_report_day_paragraphs
        )
    kind, mode = draft.type or draft.entry.type, draft.mode or draft.entry.mode
    announced = _announced_type(draft, draft.status, words)
    if announced is not None:
        table = words.content_modes.get(announced, {})
        kind, mode = announced, table.get(f"{kind}/{mode}") or table.get(kind)
    draft.final_type, draft.final_mode = kind, mode


class EventStatus(ArticleStep):
    """Give each event candidate its status and final type."""

    name = "events.status"
    needs = frozenset({"event_times"})
    adds = frozenset({"event_status"})

    def process(self, article: Article) -> Article:
        found = candidates(article)
        words = self.knowledge.language.events
        for draft in found.drafts:
            settle(found.index, draft, words, self.settings)
        return article

"""Building, the last of the event steps before claims: each candidate becomes an `Event`.

The event takes the candidate's final type and mode, its contexts (the triggers' and the sentence's
context words), its participants as the article's entities, its place, date, status and size; its
evidence is the sentence. Its confidence is the rules' (how the trigger reads and what was found for
it) or, with the event-type model, the model's probability for its type; the model's ACLED reading of
the sentence gives its ACLED view.

Leaves `article.scratch["event_triggers"]` (event id → trigger positions) and
`article.scratch["event_content"]` (triggers that are only another trigger's content) for the claims
step. An event's `date_source` and `place_source` say whether the text gave its date and place.
"""

from __future__ import annotations

from spacy.tokens import Span

from eventwire.events.candidates import SCRATCH, EventDraft, TriggerRef, candidates
from eventwire.events.index import ArticleIndex
from eventwire.events.participants import participant
from eventwire.events.status import background
from eventwire.events.typed import sub_event
from eventwire.events.when import When
from eventwire.eventtypes.model import SentenceTypes
from eventwire.knowledge.acled import Acled
from eventwire.knowledge.events import EventWords
from eventwire.language.nlp import ParsedParagraph
from eventwire.model import Article, Event, Evidence, Size
from eventwire.pipeline import ArticleStep
from eventwire.settings import Settings

VERSION = "eventwire.events.extract/3"


def _contexts(draft: EventDraft, words: EventWords) -> list[str]:
    out: list[str] = []
    for trig in draft.triggers:
        out += [c for c in trig.entry.context if c not in out]
    for token in draft.sent:
        ctx = words.context_words.get(token.lemma_.lower())
        if ctx and ctx not in out:
            out.append(ctx)
    return out


def _confidence(draft: EventDraft, when: When, words: EventWords, settings: Settings) -> float:
    """How sure the rules are of an event, from how its trigger reads and what was found for it."""
    s = settings
    score = s.event_confidence_base - (
        s.event_confidence_background if background(draft.primary.token, words) else 0.0
    )
    score += s.event_confidence_verb if draft.primary.token.pos_ == "VERB" else s.event_confidence_noun
    score += s.event_confidence_actor if draft.roles.actor is not None else 0.0
    score += (
        s.event_confidence_own_place
        if draft.own_place
        else (s.event_confidence_context_place if draft.place else 0.0)
    )
    score += s.event_confidence_dated if when.linked else 0.0
    return round(min(score, s.event_confidence_max), 2)


def _model_confidence(
    event: Event, draft: EventDraft, read: SentenceTypes, lexicon: set[int], settings: Settings
) -> float:
    """An event's confidence with the model: its probability for the event's type, blended with the
    lexicon's confidence (`event_model_confidence_share`) when the lexicon found the trigger."""
    kind = draft.type or draft.entry.type
    p = max(read.plover.get(kind, 0.0), read.plover.get(event.type, 0.0))
    if draft.primary.token.i in lexicon:
        share = settings.event_model_confidence_share
        p = share * p + (1 - share) * event.confidence
    return round(min(max(p, settings.event_confidence_min), settings.event_confidence_max), 2)


def sentence_evidence(article: Article, para: ParsedParagraph, sent: Span) -> Evidence:
    """A sentence as evidence: its article offsets without surrounding whitespace, and its paragraph."""
    tokens = [t for t in sent if not t.is_space] or [sent[0]]
    start = para.start + tokens[0].idx
    end = para.start + tokens[-1].idx + len(tokens[-1].text)
    return Evidence(start, end, article.text[start:end], para.index)


def build(
    index: ArticleIndex,
    draft: EventDraft,
    number: int,
    words: EventWords,
    acled: Acled,
    settings: Settings,
    model_version: str | None,
) -> Event:
    """The event a settled candidate names."""
    when = draft.when or When()
    event = Event(
        id=f"ev{number}",
        type=draft.final_type or draft.entry.type,
        mode=draft.final_mode,
        context=_contexts(draft, words),
        actor=participant(index, draft.pp, draft.roles.actor, words),
        recipient=participant(index, draft.pp, draft.roles.recipient, words),
        place=draft.place.id if draft.place else None,
        place_source=draft.place_source if draft.place else None,
        date=when.date,
        date_precision=when.precision,
        date_end=when.end,
        date_source=date_source(when),
        status=draft.status,
        size=Size(**draft.size),
        evidence=[sentence_evidence(index.article, index.paragraphs[draft.pp], draft.sent)],
        confidence=_confidence(draft, when, words, settings),
        extractor=f"{VERSION} {words.version}",
    )
    if draft.read is not None and model_version is not None:
        event.extractor = f"{event.extractor} {model_version}"
        event.confidence = _model_confidence(event, draft, draft.read, draft.lexicon, settings)
        event.acled = sub_event(event.type, draft.read, acled, settings)
    return event


def date_source(when: When) -> str | None:
    """Where a date comes from: "text", "publication" (the publication day of the news itself), "story"
    (the day of the events told before it) or "fallback" (the publication month); None without a date."""
    if when.date is None:
        return None
    if when.story:
        return "story"
    return "text" if when.linked else ("publication" if when.precision == "day" else "fallback")


class BuildEvents(ArticleStep):
    """Turn the settled event candidates into the article's events (replacing any there were)."""

    name = "events.build"
    needs = frozenset({"event_story"})
    adds = frozenset({"events"})

    def process(self, article: Article) -> Article:
        found = candidates(article)
        words = self.knowledge.language.events
        events: list[Event] = []
        triggers: dict[str, list[TriggerRef]] = {}
        for draft in found.drafts:
            event = build(
                found.index,
                draft,
                len(events) + 1,
                words,
                self.knowledge.acled,
                self.settings,
                found.model_version,
            )
            events.append(event)
            triggers[event.id] = [TriggerRef(draft.pp, t.token.i) for t in draft.triggers]
        article.events = events
        article.scratch["event_triggers"] = triggers
        article.scratch["event_content"] = found.content
        del article.scratch[SCRATCH]
        return article

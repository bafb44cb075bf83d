"""The extraction step: PLOVER events from each sentence of each paragraph.

Per sentence: find the triggers (a flood that "killed 1,000 people" is a disaster, not an assault: no
PLOVER event); give each its actor, recipient, own place and size; fold the
triggers that name no place of their own into the nearest one of the same type that does ("shelling
in other cities, with two civilians killed in Mykolaiv Oblast"), and join triggers of one type and one
place ("destroyed after the shelling of a building in Kyiv"); then date the event, set its status, and
place it from context when its own words do not. Evidence is the sentence.

Leaves `article.scratch["event_triggers"]` (event id → trigger positions) and
`article.scratch["event_content"]` (triggers that are only another trigger's content) for the claims step,
and `article.scratch["event_dated"]` (event id → "text" when the text gave its date, "report" when it is
the publication day of a report of what has just happened) for merging.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from spacy.tokens import Span, Token

from eventwire.errors import EventwireError
from eventwire.events.index import ArticleIndex
from eventwire.events.participants import Roles, condition_subject, noun_phrase, participant, roles
from eventwire.events.place import Where, context_place, dateline_place, own_place, own_region
from eventwire.events.status import event_status
from eventwire.events.triggers import SentenceTriggers, Trigger, find_triggers
from eventwire.events.typed import reconcile, sub_event
from eventwire.events.when import When, event_time, fallback_time, report_day
from eventwire.eventtypes.model import EventTypeModel, SentenceTypes, load_model
from eventwire.knowledge.acled import Acled
from eventwire.knowledge.events import EventWords, TriggerEntry
from eventwire.language.grammar import clause_root
from eventwire.model import Article, Event, Evidence, Place, Size
from eventwire.pipeline import ArticleStep
from eventwire.settings import Settings

VERSION = "eventwire.events.extract/2"


@dataclass(frozen=True)
class TriggerRef:
    """Where a trigger is: position of its paragraph in the parse and its token index."""

    pp: int
    token: int


@dataclass(frozen=True)
class ContentRef:
    """A trigger that is only another's content ("strikes" in "denies any strikes")."""

    pp: int
    token: int
    type: str
    outer: int


@dataclass
class EventDraft:
    """An event of one sentence being built from one or more of its triggers, before it is an `Event`."""

    pp: int
    sent: Span
    triggers: list[Trigger]
    roles: Roles
    place: Place | None
    own_place: bool
    size: dict[str, int] = field(default_factory=dict)
    type: str | None = None
    """A type the content gives ("prepared to impose martial law" is a threat), over the trigger's own."""
    mode: str | None = None
    """A mode the content gives ("threatened to expel" is THREATEN/expel), over the trigger's own."""

    @property
    def primary(self) -> Trigger:
        """The trigger that names the event best: the first with a mode, else the first."""
        return next((t for t in self.triggers if t.entry.mode), self.triggers[0])

    @property
    def entry(self) -> TriggerEntry:
        """The lexicon sense of the primary trigger."""
        return self.primary.entry

    def absorb(self, other: EventDraft) -> None:
        """Take another draft's triggers, and its participants and sizes where this one has none."""
        self.triggers = sorted(self.triggers + other.triggers, key=lambda t: t.token.i)
        # "an airstrike killed 20": the airstrike is the event, neither its actor nor its recipient
        mine = {t.token.i for t in self.triggers}
        actors = [a for a in (self.roles.actor, other.roles.actor) if a is not None and a.i not in mine]
        targets = [
            r for r in (self.roles.recipient, other.roles.recipient) if r is not None and r.i not in mine
        ]
        self.roles.actor = actors[0] if actors else None
        self.roles.recipient = targets[0] if targets else None
        for key, value in other.size.items():
            self.size[key] = max(value, self.size.get(key, 0))


def _size(index: ArticleIndex, pp: int, sent: Span, trig: Trigger) -> dict[str, int]:
    if trig.entry.size is None:
        return {}
    region = own_region(trig.token)
    start, end = index.span_chars(pp, sent)
    best = None
    for m in index.quantities.within(start, end):
        head = index.head_token(pp, m.start, m.end)
        value = m.item.value
        if head is None or head.i not in region or value is None or value != int(value):
            continue
        dist = abs(head.i - trig.token.i)
        if best is None or dist < best[0]:
            best = (dist, int(value))
    return {trig.entry.size: best[1]} if best else {}


def _content_type(trig: Trigger, inner: list[Trigger], words: EventWords) -> str:
    """The type a willingness takes from what it is about: harm is a threat, help an agreement."""
    conflict = words.conflict_types
    verbs = [c for c in trig.token.children if c.dep_ == "xcomp"]
    direct = {t.i for v in verbs for t in [v, *v.children] if t.i == v.i or t.dep_ == "dobj"}
    if trig.entry.conflict_type and any(i.entry.type in conflict and i.token.i in direct for i in inner):
        return trig.entry.conflict_type
    return trig.entry.type


def _content_mode(trig: Trigger, inner: list[Trigger], words: EventWords) -> str | None:
    """The mode a threat (or other content trigger) takes from what it is about."""
    table = words.content_modes.get(_content_type(trig, inner, words), {})
    for i in inner:
        mode = table.get(f"{i.entry.type}/{i.entry.mode}") or table.get(i.entry.type)
        if mode:
            return mode
    return None


def _natural(token: Token, found: Roles, words: EventWords) -> bool:
    """Whether nature, not a person, does it or is what a warning is about ("floods killed 30", "warned
    that more rain was expected", "warned of famine")."""
    agents = [found.actor] if found.actor is not None else []
    agents += [c for c in token.children if c.dep_ == "nsubj"]
    agents += [
        g for c in token.children if c.dep_ == "ccomp" for g in c.children if g.dep_ in ("nsubj", "nsubjpass")
    ]
    if token.lemma_.lower() in words.warning_verbs:
        agents += [g for c in token.children if c.dep_ == "prep" for g in c.children if g.dep_ == "pobj"]
    nature = words.non_agents
    return any(
        t.lemma_.lower() in nature or t.lower_ in nature
        for a in agents
        for t in [a, *a.children]
        if t.dep_ in ("nsubj", "nsubjpass", "compound", "pobj") or t.i == a.i
    )


def _sentence_drafts(
    index: ArticleIndex,
    pp: int,
    sent: Span,
    found_triggers: SentenceTriggers,
    words: EventWords,
    settings: Settings,
) -> list[EventDraft]:
    drafts = []
    for trig in found_triggers.events:
        found = roles(trig.token, trig.entry, words, settings)
        inner = [i for i, outer in found_triggers.content if outer.token.i == trig.token.i]
        if found.recipient is None and not trig.entry.no_recipient:
            found.recipient = next(
                (r for i in inner if (r := roles(i.token, i.entry, words, settings).recipient)), None
            )
        if trig.entry.needs_actor and found.actor is None:
            continue
        if _natural(trig.token, found, words):
            continue
        place = own_place(index, pp, sent, trig.token, _where(trig.entry, found, words), words)
        size = _size(index, pp, sent, trig)
        drafts.append(EventDraft(pp, sent, [trig], found, place, place is not None, size))
        drafts[-1].type = _content_type(trig, inner, words)
        drafts[-1].mode = _content_mode(trig, inner, words)
    anchored = [d for d in drafts if d.own_place]
    kept: list[EventDraft] = []
    for d in drafts:
        peers = [a for a in anchored if a.entry.type == d.entry.type and a is not d]
        if not d.own_place and peers:
            min(peers, key=lambda a: abs(a.primary.token.i - d.primary.token.i)).absorb(d)
            continue
        same = next((k for k in kept if k.entry.type == d.entry.type and k.place is d.place), None)
        if same is not None:
            same.absorb(d)
        else:
            kept.append(d)
    return kept


def _where(
    entry: TriggerEntry, found: Roles, words: EventWords, others: frozenset[int] = frozenset()
) -> Where:
    actor = (
        frozenset(t.i for t in noun_phrase(found.actor, words)) if found.actor is not None else frozenset()
    )
    return Where(place_object=entry.place_object, actor=actor, others=others)


def _when(index: ArticleIndex, draft: EventDraft, sentence: set[int], words: EventWords) -> When:
    for trig in [draft.primary] + draft.triggers:
        when = event_time(index, draft.pp, draft.sent, trig.token, sentence, words)
        if when.linked:
            return when
    return fallback_time(index)


def _contexts(draft: EventDraft, words: EventWords) -> list[str]:
    out: list[str] = []
    for trig in draft.triggers:
        out += [c for c in trig.entry.context if c not in out]
    for token in draft.sent:
        ctx = words.context_words.get(token.lemma_.lower())
        if ctx and ctx not in out:
            out.append(ctx)
    return out


def _background(token: Token, words: EventWords, headline: bool = False) -> bool:
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


def _confidence(draft: EventDraft, when: When, words: EventWords, settings: Settings) -> float:
    """How sure the rules are of an event, from how its trigger reads and what was found for it."""
    s = settings
    score = s.event_confidence_base - (
        s.event_confidence_background if _background(draft.primary.token, words) else 0.0
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


def _evidence(index: ArticleIndex, pp: int, sent: Span) -> Evidence:
    tokens = [t for t in sent if not t.is_space]
    start, end = index.span_chars(pp, tokens or [sent[0]])
    return Evidence(start, end, index.article.text[start:end], index.paragraphs[pp].index)


def _event(
    index: ArticleIndex,
    draft: EventDraft,
    sentence: set[int],
    number: int,
    words: EventWords,
    settings: Settings,
) -> tuple[Event, str | None]:
    """The event a draft names, and where its date comes from: "text", "report" (the publication day of
    the news itself) or None (the publication month, or no date)."""
    if draft.place is None:
        mine = {t.token.i for t in draft.triggers}
        others = frozenset(i for t in sentence - mine for i in own_region(draft.sent.doc[t]))
        where = _where(draft.entry, draft.roles, words, others)
        draft.place = context_place(index, draft.pp, draft.sent, draft.primary.token, where, words, settings)
    draft.place = dateline_place(index, draft.place)
    when = _when(index, draft, sentence, words)
    status = event_status(draft.primary.token, when, index.article.published, words, settings)
    trigger = draft.primary.token
    headline = index.paragraphs[draft.pp].kind == "title"
    if not when.linked and status in ("occurred", "ongoing") and not _background(trigger, words, headline):
        when = report_day(index, draft.pp, draft.sent, trigger, words, settings.event_report_day_paragraphs)
    kind, mode = draft.type or draft.entry.type, draft.mode or draft.entry.mode
    announced = _announced_type(draft, status, words)
    if announced is not None:
        table = words.content_modes.get(announced, {})
        kind, mode = announced, table.get(f"{kind}/{mode}") or table.get(kind)
    event = Event(
        id=f"ev{number}",
        type=kind,
        mode=mode,
        context=_contexts(draft, words),
        actor=participant(index, draft.pp, draft.roles.actor, words),
        recipient=participant(index, draft.pp, draft.roles.recipient, words),
        place=draft.place.id if draft.place else None,
        date=when.date,
        date_precision=when.precision,
        date_end=when.end,
        status=status,
        size=Size(**draft.size),
        evidence=[_evidence(index, draft.pp, draft.sent)],
        confidence=_confidence(draft, when, words, settings),
        extractor=f"{VERSION} {words.version}",
    )
    return event, "text" if when.linked else ("report" if when.precision == "day" else None)


def _header_end(table: str) -> int:
    """Where a table paragraph's header row ends: it names columns, no event ("| Province | Dead |")."""
    end = table.find("\n")
    return len(table) if end < 0 else end


def extract(
    article: Article,
    words: EventWords,
    settings: Settings,
    acled: Acled,
    model: EventTypeModel | None = None,
) -> Article:
    """Add the events of every sentence of a parsed article (replacing any there were); with the
    event-type model, its reading of each sentence decides the types (`events.typed`)."""
    index = ArticleIndex.build(article, words.person_pronouns, settings.event_pronoun_salience_paragraphs)
    events: list[Event] = []
    triggers: dict[str, list[TriggerRef]] = {}
    content: list[ContentRef] = []
    dated: dict[str, str] = {}
    sentences = [
        (pp, sent)
        for pp, para in enumerate(index.paragraphs)
        for sent in para.doc.sents
        if not (para.kind == "table" and sent.start_char < _header_end(para.doc.text))
    ]
    readings = model.predict([s for _, s in sentences]) if model else [None] * len(sentences)
    for (pp, sent), read in zip(sentences, readings, strict=True):
        found = find_triggers(sent, words)
        content += [
            ContentRef(pp, inner.token.i, inner.entry.type, outer.token.i) for inner, outer in found.content
        ]
        lexicon = {t.token.i for t in found.events}
        if read is not None:
            found = SentenceTriggers(reconcile(sent, found, read, words, acled, settings), found.content)
        sentence = {t.token.i for t in found.events}
        for draft in _sentence_drafts(index, pp, sent, found, words, settings):
            event, source = _event(index, draft, sentence, len(events) + 1, words, settings)
            if source:
                dated[event.id] = source
            if model is not None and read is not None:
                event.extractor = f"{event.extractor} {model.version}"
                event.confidence = _model_confidence(event, draft, read, lexicon, settings)
                event.acled = sub_event(event.type, read, acled, settings)
            events.append(event)
            triggers[event.id] = [TriggerRef(pp, t.token.i) for t in draft.triggers]
    article.events = events
    article.scratch["event_triggers"] = triggers
    article.scratch["event_content"] = content
    article.scratch["event_dated"] = dated
    return article


class ExtractEvents(ArticleStep):
    """Find PLOVER events in each sentence, with participants, place, date, status, size and evidence."""

    name = "events.extract"
    needs = frozenset({"parse"})
    adds = frozenset({"events"})

    def setup(self) -> None:
        if self.settings.event_model:
            load_model()

    def process(self, article: Article) -> Article:
        if "parsed" not in article.scratch:
            raise EventwireError("EW401", "article was not parsed", article.source.path)
        model = load_model() if self.settings.event_model else None
        return extract(article, self.knowledge.language.events, self.settings, self.knowledge.acled, model)

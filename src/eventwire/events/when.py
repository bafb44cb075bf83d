"""When an event happened: the time expression of its clause, a night cue, or the publication month.

An event told relative to its sentence's main one lies that span from the main one's day ("exchanged
prisoners on Friday, two days after the sides signed a deal": the signing on Wednesday; "hours after");
one in an "after" clause with no span takes the main one's day ("stopped on Monday after the sides agreed").

A time expression belongs to a trigger when it lies in the trigger's clause ("Putin last week warned"),
or in the clause a participle or purpose of the trigger hangs from ("On Monday, aircraft struck a village,
killing 3"; "fired tear gas on Tuesday to break up a march"), or in a clause that happens at its time
("were killed when supporters clashed on Monday");
failing that, a time in a clause of the sentence that names no other event and reports nothing ("Biden,
who is scheduled to arrive on Wednesday evening, will meet…"). A time in a reporting clause ("confirmed
on Wednesday that he had resigned") dates the report, not the event. "Overnight" and "during the
night" date every event of their sentence to the night before publication. Without any of these, the
event gets the publication month, with precision "month".
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date, timedelta

from spacy.tokens import Span, Token

from eventwire.dates import bounds
from eventwire.events.candidates import EventDraft, candidates
from eventwire.events.index import ArticleIndex
from eventwire.events.place import clause_region
from eventwire.knowledge.events import EventWords
from eventwire.language.grammar import clause_root, is_clause_root
from eventwire.model import Article
from eventwire.pipeline import ArticleStep


@dataclass
class When:
    """An event date: ISO value, precision, optional end, and whether text gave it (not the fallback)."""

    date: str | None = None
    precision: str | None = None
    end: str | None = None
    linked: bool = False
    cumulative: bool = False
    """A span from a time to the report ("killed since May 3"): a cumulative toll, no single day's event."""
    story: bool = False
    """The day of the events the article was telling when it told this undated one (`events.story`)."""


def _published(index: ArticleIndex) -> date | None:
    found = bounds(index.article.published)
    return found[0] if found else None


def _dates_clause(head: Token, trigger: Token) -> bool:
    """Whether a time hangs from its clause's verbs, not from a noun ("representative since 2020")
    other than the trigger and its phrase; within the trigger's subject, only as the subject's own
    modifier ("Tuesday's bombing killed 12", not "the man, a representative since 2020, resigned").
    Going up from the time, the first verb is the clause's, whatever the parse hung it from (a dateline
    made the head); a noun on the way is no obstacle when it is a preposition's object ("on his way to a
    polling centre on Monday")."""
    subjects = [c for c in trigger.children if c.dep_ in ("nsubj", "nsubjpass")]
    within = [c for c in subjects if c.left_edge.i <= head.i <= c.right_edge.i]
    if within:
        return head.head.i == within[0].i and head.dep_ in ("poss", "compound", "npadvmod", "nmod")
    if trigger.left_edge.i <= head.i <= trigger.right_edge.i:
        return True
    t = head
    while not is_clause_root(t):
        t = t.head
        if t.pos_ in ("VERB", "AUX"):
            return True  # the first verb up is the clause's, whatever the parse hung it from (a dateline)
        if t.pos_ in ("NOUN", "PROPN", "PRON") and t.dep_ != "pobj":
            return False
    return True


def _simultaneous(trigger: Token, words: EventWords) -> set[int]:
    """The tokens of the clauses that happen at the trigger's time ("were killed when supporters
    clashed on Monday"), hanging from the trigger, its clause's root or their conjuncts."""
    root = clause_root(trigger)
    heads = {trigger, root, *trigger.conjuncts, *root.conjuncts}
    return {
        i
        for h in heads
        for c in h.children
        if c.dep_ == "advcl"
        and any(m.dep_ in ("mark", "advmod") and m.lower_ in words.simultaneous_marks for m in c.children)
        for i in clause_region(c)
    }


def _progressive(verb: Token) -> bool:
    """Whether a verb is in the past progressive ("who were protesting"): at the time of its clause."""
    return verb.tag_ == "VBG" and any(
        c.dep_ == "aux" and c.lemma_ == "be" and c.tag_ == "VBD" for c in verb.children
    )


def _time_region(trigger: Token, words: EventWords) -> set[int]:
    """The tokens whose times date the trigger: its clause, the clause a participle or purpose of it
    hangs from, the clauses that happen at its time."""
    region = clause_region(trigger)
    root = clause_root(trigger)
    if root.dep_ == "advcl" and root.tag_ in ("VBG", "VB") and root.head.i != root.i:
        region |= clause_region(root.head)  # "On Monday, aircraft struck a village, killing 3"; "to break up"
    return region | _simultaneous(trigger, words)


def _shared_region(trigger: Token, words: EventWords, events: set[int] | frozenset[int]) -> set[int]:
    """The tokens of the clause a trigger's clause shares its time with when it names none, when that
    clause tells one of the sentence's `events` too: the first of two coordinated verbs ("fired tear gas
    on Tuesday … and arrested 31", not "was an architect of the reforms in the 1990s, and many accuse
    him"), the clause of the noun a past progressive describes ("a sit-in by students who were
    protesting")."""
    root = clause_root(trigger)
    coordinated = root.dep_ == "conj" and root.head.i != root.i
    if not (coordinated or (root.dep_ == "relcl" and _progressive(root))):
        return set()
    shared = _time_region(root.head, words)
    return shared if shared & (events - {trigger.i}) else set()


def clause_time(
    index: ArticleIndex,
    pp: int,
    sent: Span,
    trigger: Token,
    words: EventWords,
    events: set[int] | frozenset[int] = frozenset(),
) -> When | None:
    """The time expression of the trigger's clause nearest to it (or of a clause that happens at its
    time: "when supporters clashed on Monday"; else of the clause it shares its time with), if any; after
    "since", the span from it to the publication day."""
    start, end = index.span_chars(pp, sent)
    best = None
    for region in (_time_region(trigger, words), _shared_region(trigger, words, events)):
        for m in index.times.within(start, end):
            head = index.head_token(pp, m.start, m.end)
            if head is None or head.i not in region or not m.item.value or not _dates_clause(head, trigger):
                continue
            dist = abs(head.i - trigger.i)
            if best is None or dist < best[0]:
                best = (dist, m.item)
        if best is not None:
            break
    if best is None:
        return None
    t = best[1]
    head = index.head_token(pp, t.start, t.end)
    opener = t.text.split(maxsplit=1)[0].lower()
    since = opener in words.preps.cumulative or (
        head is not None and head.head.lower_ in words.preps.cumulative
    )
    published = _published(index)
    if since and published is not None:
        end = published.isoformat()
        return When(date=t.value, precision=t.precision, end=end, linked=True, cumulative=True)
    return When(date=t.value, precision=t.precision, linked=True)


def free_time(
    index: ArticleIndex, pp: int, sent: Span, trigger: Token, triggers: set[int], words: EventWords
) -> When | None:
    """A time in a clause below the trigger's own that names no event and reports nothing, nearest the
    trigger ("Biden, who is scheduled to arrive on Wednesday evening, will meet…")."""
    roots = {clause_root(sent.doc[i]).i for i in triggers}
    own = clause_root(trigger)
    start, end = index.span_chars(pp, sent)
    best = None
    for m in index.times.within(start, end):
        head = index.head_token(pp, m.start, m.end)
        if head is None or not m.item.value or not own.left_edge.i <= head.i <= own.right_edge.i:
            continue
        root = clause_root(head)
        if root.i in roots or root.lemma_.lower() in words.reporting_verbs or not _dates_clause(head, root):
            continue
        dist = abs(head.i - trigger.i)
        if best is None or dist < best[0]:
            best = (dist, m.item)
    return When(date=best[1].value, precision=best[1].precision, linked=True) if best else None


def night_time(index: ArticleIndex, sent: Span, words: EventWords) -> When | None:
    """The night before publication, when the sentence says "overnight" or "during the night"."""
    published = _published(index)
    text = sent.doc.text[sent.start_char : sent.end_char].lower()  # `sent.text` joins its tokens
    cues = words.night_cues
    if published is None or not any(c in text and re.search(rf"\b{re.escape(c)}\b", text) for c in cues):
        return None
    night = published - timedelta(days=1)
    return When(date=night.isoformat(), precision="day", end=published.isoformat(), linked=True)


def fallback_time(index: ArticleIndex) -> When:
    """The publication month, when nothing in the text dates the event."""
    published = _published(index)
    if published is None:
        return When()
    return When(date=published.strftime("%Y-%m"), precision="month")


def present_perfect(trigger: Token) -> bool:
    """Whether the trigger, or the verb it hangs from, is in the present perfect ("have been killed",
    "has detained", "police have arrested 12 after a raid")."""
    verb = trigger if trigger.pos_ in ("VERB", "AUX") else trigger.head
    return verb.tag_ == "VBN" and any(
        c.dep_ in ("aux", "auxpass") and c.lemma_ == "have" and c.tag_ in ("VBP", "VBZ")
        for c in verb.children
    )


def _reported(sent: Span, words: EventWords) -> bool:
    """Whether someone is said to tell the sentence ("officials said", "police say")."""
    return any(t.lemma_.lower() in words.reporting_verbs and t.pos_ == "VERB" for t in sent)


def report_day(
    index: ArticleIndex, pp: int, sent: Span, trigger: Token, words: EventWords, lead: int
) -> When:
    """The day its reporting clause names ("police said on Tuesday that they had arrested": the arrests
    by Tuesday), else the publication day for an event told as the news itself, else the publication
    month.

    The news itself: in the headline, in the first `lead` body paragraphs when said by someone or in
    the past, or anywhere in the present perfect. The caller rules out expected and background events.
    """
    published = _published(index)
    if published is None:
        return When()
    kind = index.paragraphs[pp].kind
    body = [p.index for p in index.paragraphs if p.kind == "body"][:lead]
    in_lead = kind == "body" and index.paragraphs[pp].index in body
    news = (
        kind == "title"
        or present_perfect(trigger)
        or (in_lead and (_reported(sent, words) or trigger.tag_ in ("VBD", "VBN", "NN", "NNS")))
    )
    told = _report_time(index, pp, sent, trigger, words)
    if told is not None:
        return When(date=told.isoformat(), precision="day")
    if not news:
        return fallback_time(index)
    return When(date=published.isoformat(), precision="day")


def _report_time(index: ArticleIndex, pp: int, sent: Span, trigger: Token, words: EventWords) -> date | None:
    """The day the report of an event was made, when its reporting clause names one ("police said on
    Tuesday that they had arrested two men": the arrests by Tuesday), before publication."""
    t = trigger
    while t.head.i != t.i:
        if t.dep_ == "ccomp" and t.head.lemma_.lower() in words.reporting_verbs:
            told = clause_time(index, pp, sent, t.head, words)
            day = bounds(told.date) if told is not None and told.precision == "day" else None
            published = _published(index)
            return day[0] if day and published and day[0] <= published else None
        t = t.head
    return None


def event_time(
    index: ArticleIndex, pp: int, sent: Span, trigger: Token, triggers: set[int], words: EventWords
) -> When:
    """The date of the event a trigger names; `triggers` are the token indices of the sentence's events."""
    return (
        clause_time(index, pp, sent, trigger, words, triggers)
        or night_time(index, sent, words)
        or free_time(index, pp, sent, trigger, triggers, words)
        or fallback_time(index)
    )


def relative_time(
    index: ArticleIndex,
    pp: int,
    sent: Span,
    trigger: Token,
    triggers: set[int],
    words: EventWords,
    numbers: dict[str, int],
) -> When | None:
    """The day of an event told relative to its sentence's main one: "exchanged prisoners on Friday, two
    days after the sides signed an agreement" (the signing two days before Friday); "hours after"."""
    root = clause_root(trigger)
    mark = next(
        (c.lower_ for c in root.children if c.dep_ == "mark" and c.lower_ in words.relative_marks), None
    )
    span = next((c for c in root.children if c.dep_ == "npadvmod"), None)
    if mark is None or span is None or root.head.i == root.i:
        return None
    days = words.relative_units.get(span.lemma_.lower())
    count = next((c for c in span.children if c.dep_ == "nummod"), None)
    number = 1 if count is None else _number(count, numbers)
    if days is None or number is None:
        return None
    outer = event_time(index, pp, sent, root.head, triggers, words)
    day = bounds(outer.date) if outer.linked and outer.precision == "day" else None
    if day is None:
        return None
    moved = day[0] + timedelta(days=words.relative_marks[mark] * number * days)
    return When(date=moved.isoformat(), precision="day", linked=True)


def after_time(
    index: ArticleIndex, pp: int, sent: Span, trigger: Token, triggers: set[int], words: EventWords
) -> When | None:
    """The day of an event told in an "after" clause that names no time of its own: that of the clause
    it hangs from, when that names a day ("the shooting stopped on Monday evening after the two sides
    agreed to a ceasefire": the agreement on Monday)."""
    root = clause_root(trigger)
    if root.dep_ != "advcl" or any(c.dep_ == "npadvmod" for c in root.children):
        return None  # a span before the mark ("two days after") is `relative_time`'s
    if not any(c.dep_ == "mark" and words.relative_marks.get(c.lower_) == -1 for c in root.children):
        return None
    outer = event_time(index, pp, sent, root.head, triggers, words)
    if not (outer.linked and outer.precision == "day"):
        return None
    return When(date=outer.date, precision="day", linked=True)


def _number(token: Token, numbers: dict[str, int]) -> int | None:
    """The whole number a token says ("two", "3")."""
    if token.text.isdigit():
        return int(token.text)
    return numbers.get(token.lower_)


def draft_time(index: ArticleIndex, draft: EventDraft, words: EventWords, numbers: dict[str, int]) -> When:
    """The date a candidate's words give, by its primary trigger first: a time any of its triggers' clauses
    names before a night cue or a free time ("late on Tuesday" dates "attacked … in the latest massacre"
    to Tuesday); else the publication month."""
    triggers = [draft.primary] + draft.triggers
    for trig in triggers:
        when = relative_time(index, draft.pp, draft.sent, trig.token, draft.sentence, words, numbers)
        when = when or clause_time(index, draft.pp, draft.sent, trig.token, words, draft.sentence)
        when = when or after_time(index, draft.pp, draft.sent, trig.token, draft.sentence, words)
        if when is not None:
            return when
    for trig in triggers:
        when = event_time(index, draft.pp, draft.sent, trig.token, draft.sentence, words)
        if when.linked:
            return when
    return fallback_time(index)


class EventTime(ArticleStep):
    """Date each event candidate (the fifth event step)."""

    name = "events.when"
    needs = frozenset({"event_places"})
    adds = frozenset({"event_times"})

    def process(self, article: Article) -> Article:
        found = candidates(article)
        for draft in found.drafts:
            language = self.knowledge.language
            draft.when = draft_time(found.index, draft, language.events, language.quantities.number_words)
        return article

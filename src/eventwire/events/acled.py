"""The ACLED view of PLOVER events: ACLED event type and sub-event type, by ordered rules kept as data,
then the event as ACLED codes it: disorder type, actors and their codes, geo precision (`acled_actors`).

The typology and the rules (`eventwire.knowledge.acled`) map a PLOVER type, mode and context, the wording
of the event's evidence and the kind of its participants (civilians, armed groups, protesters, state or
non-state, forces of nature) to one sub-event type. The first rule that holds wins; an event no rule
fits (a meeting, a statement) or that a rule excludes (a flood "killing" people) gets no ACLED view.
"""

from __future__ import annotations

from eventwire.events.acled_actors import ActorNamer, code_actors, geo_precision
from eventwire.knowledge.acled import ARMED, UNARMED, Acled, Rule
from eventwire.model import Article, Event, Participant
from eventwire.pipeline import ArticleStep


def _participant_is(kind: str, who: Participant | None, states: frozenset[str], acled: Acled) -> bool:
    """Whether a participant is of a class; a country (GPE entity) counts as armed and as a state."""
    if kind == UNARMED:
        return who is not None and not _participant_is(ARMED, who, states, acled)
    if who is None:
        return False
    if kind in acled.country_classes and who.entity in states:
        return True
    text = " ".join(t for t in (who.text, who.name) if t)
    return bool(acled.classes[kind].search(text))


def _holds(rule: Rule, event: Event, texts: tuple[str, str], states: frozenset[str], acled: Acled) -> bool:
    """Whether a rule holds; `texts` is the evidence with and without the recipient's words."""
    text = texts[1] if rule.less_recipient else texts[0]
    if rule.types is not None and event.type not in rule.types:
        return False
    if event.mode in rule.not_modes or (rule.statuses and event.status not in rule.statuses):
        return False
    if rule.modes or rule.contexts or rule.words:
        cued = (
            event.mode in rule.modes
            or bool(rule.contexts & set(event.context))
            or bool(rule.words and rule.words.search(text))
        )
        if not cued:
            return False
    if rule.also and not rule.also.search(text):
        return False
    if rule.not_words and rule.not_words.search(text):
        return False
    if rule.actor and not _participant_is(rule.actor, event.actor, states, acled):
        return False
    if rule.recipient and not _participant_is(rule.recipient, event.recipient, states, acled):
        return False
    if rule.casualties is not None:
        hurt = bool(event.size.dead or event.size.injured)
        if hurt != rule.casualties:
            return False
    return True


def matched_rule(event: Event, acled: Acled, states: frozenset[str] = frozenset()) -> Rule | None:
    """The first rule that holds for an event, or None."""
    text = " ".join(e.text for e in event.evidence)
    less = text.replace(event.recipient.text, " ") if event.recipient and event.recipient.text else text
    return next((r for r in acled.rules if _holds(r, event, (text, less), states, acled)), None)


def classify(event: Event, acled: Acled, states: frozenset[str] = frozenset()) -> dict[str, str] | None:
    """The ACLED event type and sub-event type of one event by the rules, or None when ACLED would not
    code it.

    Args:
        event: the event; its evidence gives the wording.
        acled: the typology and rules, with the wording of the article's language.
        states: ids of the entities that are countries, which act through their forces.
    """
    rule = matched_rule(event, acled, states)
    if rule is None or rule.event_type is None:
        return None
    return {"event_type": rule.event_type, "sub_event_type": rule.sub_event_type}


class AcledView(ArticleStep):
    """Give every event that fits ACLED's typology its `acled` event type and sub-event type, then its
    ACLED coding: disorder type, actors, associated actors, inter and interaction codes, civilian
    targeting and geo precision.

    The sub-event type the event-type model chose at extraction (`events.build`) stands, unless a rule
    says ACLED does not code the event (what is only expected, what nature did); without one, the rules
    choose, unless the model left the event an empty view (`{}`: sure that it is not the sentence's ACLED
    event, `events.typed.sub_event`).
    """

    name = "acled"
    needs = frozenset({"events"})
    adds = frozenset({"acled"})

    def process(self, article: Article) -> Article:
        states = frozenset(e.id for e in article.entities if e.type == "GPE")
        for event in article.events:
            rule = matched_rule(event, self.knowledge.acled, states)
            if event.acled == {} or (rule is not None and rule.event_type is None):
                event.acled = None
            elif event.acled is None and rule is not None:
                event.acled = {"event_type": rule.event_type, "sub_event_type": rule.sub_event_type}
        rules = self.knowledge.acled.actors
        namer = ActorNamer(article, rules, self.knowledge.language.places)
        places = {p.id: p for p in article.places}
        for event in article.events:
            if event.acled is not None:
                types = {k: event.acled[k] for k in ("event_type", "sub_event_type")}
                place = places.get(event.place or "")
                event.acled = types | code_actors(event, types, namer)
                event.acled["geo_precision"] = geo_precision(event, article, place, rules)
        return article

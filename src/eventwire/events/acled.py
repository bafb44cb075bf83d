"""The ACLED view of PLOVER events: ACLED event type and sub-event type, by ordered rules kept as data.

`acled.json` holds ACLED's typology (6 event types, 25 sub-event types) and the rules that map a PLOVER
type, mode and context, the wording of the event's evidence and the kind of its participants
(civilians, armed groups, protesters, state or non-state, forces of nature) to one sub-event type. The
first rule that holds wins; an event no rule fits (a meeting, a statement) or that a rule excludes (a
flood "killing" people) gets no ACLED view.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache
from typing import Any

from eventwire.knowledge import plover as ontology
from eventwire.knowledge.files import read_json
from eventwire.model import Article, Event, Participant
from eventwire.pipeline import ArticleStep

STATE_CLASSES = frozenset({"armed", "state"})
"""Participant classes a country belongs to."""


def _words(patterns: list[str]) -> re.Pattern[str] | None:
    return re.compile(r"\b(?:" + "|".join(patterns) + r")\b", re.IGNORECASE) if patterns else None


@dataclass(frozen=True)
class Rule:
    """One mapping rule; see the "how" notes in `acled.json`."""

    event_type: str | None
    sub_event_type: str | None
    types: frozenset[str] | None
    modes: frozenset[str]
    contexts: frozenset[str]
    words: re.Pattern[str] | None
    also: re.Pattern[str] | None
    not_words: re.Pattern[str] | None
    not_modes: frozenset[str]
    actor: str | None
    recipient: str | None
    casualties: bool | None
    less_recipient: bool
    statuses: frozenset[str]

    @classmethod
    def from_dict(cls, d: dict[str, Any]) -> Rule:
        """Build a rule from its JSON object."""
        event_type, sub_event_type = d["acled"] or (None, None)
        return cls(
            event_type=event_type,
            sub_event_type=sub_event_type,
            types=frozenset(d["types"]) if "types" in d else None,
            modes=frozenset(d.get("modes", ())),
            contexts=frozenset(d.get("contexts", ())),
            words=_words(d.get("words", [])),
            also=_words(d.get("also", [])),
            not_words=_words(d.get("not", [])),
            not_modes=frozenset(d.get("not_modes", ())),
            actor=d.get("actor"),
            recipient=d.get("recipient"),
            casualties=d.get("casualties"),
            less_recipient=bool(d.get("less_recipient")),
            statuses=frozenset(d.get("status", ())),
        )


@dataclass(frozen=True)
class Typology:
    """ACLED's typology, the participant classes and the ordered rules."""

    types: dict[str, dict[str, str]]
    classes: dict[str, re.Pattern[str]]
    rules: tuple[Rule, ...]
    data_version: int


def _check(rule: Rule, types: dict[str, dict[str, str]]) -> None:
    """Refuse a rule that names what neither ACLED nor PLOVER has."""
    plover = rule.types or frozenset(ontology.types())
    bad = [t for t in plover if not ontology.is_valid(t)]
    bad += [
        m for m in rule.modes | rule.not_modes if not any(ontology.is_valid(t, m) for t in ontology.types())
    ]
    bad += [c for c in rule.contexts if not ontology.is_context(c)]
    if rule.event_type and rule.sub_event_type not in types.get(rule.event_type, {}):
        bad.append(f"{rule.event_type} / {rule.sub_event_type}")
    if bad:
        raise ValueError(f"acled.json: a rule names unknown {bad}")


@cache
def typology() -> Typology:
    """The ACLED mapping data, loaded once."""
    raw = read_json(__package__, "acled.json")
    classes = {name: _words(patterns) for name, patterns in raw["participants"].items()}
    rules = tuple(Rule.from_dict(r) for r in raw["rules"])
    for rule in rules:
        _check(rule, raw["typology"])
    return Typology(raw["typology"], classes, rules, int(raw["data_version"]))


def _participant_is(kind: str, who: Participant | None, states: frozenset[str], data: Typology) -> bool:
    """Whether a participant is of a class; a country (GPE entity) counts as armed and as a state."""
    if kind == "unarmed":
        return who is not None and not _participant_is("armed", who, states, data)
    if who is None:
        return False
    if kind in STATE_CLASSES and who.entity in states:
        return True
    text = " ".join(t for t in (who.text, who.name) if t)
    return bool(data.classes[kind].search(text))


def _holds(rule: Rule, event: Event, texts: tuple[str, str], states: frozenset[str], data: Typology) -> bool:
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
    if rule.actor and not _participant_is(rule.actor, event.actor, states, data):
        return False
    if rule.recipient and not _participant_is(rule.recipient, event.recipient, states, data):
        return False
    if rule.casualties is not None:
        hurt = bool(event.size.dead or event.size.injured)
        if hurt != rule.casualties:
            return False
    return True


def classify(event: Event, states: frozenset[str] = frozenset()) -> dict[str, str] | None:
    """The ACLED event type and sub-event type of one event, or None when ACLED would not code it.

    Args:
        event: the event; its evidence gives the wording.
        states: ids of the entities that are countries, which act through their forces.
    """
    data = typology()
    text = " ".join(e.text for e in event.evidence)
    less = text.replace(event.recipient.text, " ") if event.recipient and event.recipient.text else text
    for rule in data.rules:
        if _holds(rule, event, (text, less), states, data):
            if rule.event_type is None:
                return None
            return {"event_type": rule.event_type, "sub_event_type": rule.sub_event_type}
    return None


class Acled(ArticleStep):
    """Give every event that fits ACLED's typology its `acled` event type and sub-event type."""

    name = "acled"
    needs = frozenset({"events"})
    adds = frozenset({"acled"})

    def setup(self) -> None:
        typology()

    def process(self, article: Article) -> Article:
        states = frozenset(e.id for e in article.entities if e.type == "GPE")
        for event in article.events:
            event.acled = classify(event, states)
        return article

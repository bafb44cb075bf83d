"""The ACLED typology (event and sub-event types) and the rules that map PLOVER events to it.

`acled.json` (here) holds ACLED's typology (6 event types, 25 sub-event types) and the ordered rules,
each with an id; they test a PLOVER type, mode and context, the event's status, the class of its
participants and its casualties. What a rule tests in words, and the words of each participant class,
come from the language pack's `acled.json`, keyed by rule id and class name.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Any

from eventwire.knowledge import plover
from eventwire.knowledge.acled_actors import AcledActors
from eventwire.knowledge.acled_export import AcledExportWords
from eventwire.knowledge.files import read_json
from eventwire.knowledge.pack import PackFiles
from eventwire.knowledge.patterns import any_of

ARMED = "armed"
"""The participant class of armed groups and forces."""
UNARMED = "unarmed"
"""The participant class of a participant not `ARMED`; the pack gives it no words."""


def _words(patterns: list[str]) -> re.Pattern[str] | None:
    return any_of(patterns) if patterns else None


@dataclass(frozen=True)
class Rule:
    """One mapping rule; see the "how" notes in `knowledge/acled.json`."""

    id: str
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
    def from_dict(cls, d: dict[str, Any], wording: dict[str, list[str]]) -> Rule:
        """Build a rule from its JSON object and the pack's wording for it."""
        event_type, sub_event_type = d["acled"] or (None, None)
        return cls(
            id=d["id"],
            event_type=event_type,
            sub_event_type=sub_event_type,
            types=frozenset(d["types"]) if "types" in d else None,
            modes=frozenset(d.get("modes", ())),
            contexts=frozenset(d.get("contexts", ())),
            words=_words(wording.get("words", [])),
            also=_words(wording.get("also", [])),
            not_words=_words(wording.get("not", [])),
            not_modes=frozenset(d.get("not_modes", ())),
            actor=d.get("actor"),
            recipient=d.get("recipient"),
            casualties=d.get("casualties"),
            less_recipient=bool(d.get("less_recipient")),
            statuses=frozenset(d.get("status", ())),
        )


@dataclass(frozen=True)
class Acled:
    """The ACLED typology (event and sub-event types) and the rules that map PLOVER events to it."""

    types: dict[str, dict[str, str]]
    """ACLED event type → sub-event type → what it covers."""
    classes: dict[str, re.Pattern[str]]
    """Participant class → the words (in the pack's language) that put a participant in it."""
    country_classes: frozenset[str]
    """The participant classes a country (a GPE entity) belongs to, whatever its words: it acts through
    its forces."""
    rules: tuple[Rule, ...]
    """The rules in the order they are tried."""
    version: int
    """The version of `knowledge/acled.json`, raised whenever its content changes."""
    actors: AcledActors
    """How ACLED names actors and places (actor categories, named groups, countries, geo precision)."""
    export: AcledExportWords
    """ACLED's columns, publishers and the wording of notes, for the ACLED export."""

    @classmethod
    def load(cls, files: PackFiles) -> Acled:
        """The typology and rules, with the wording of a language pack's `acled.json`.

        Raises:
            ValueError: when a rule names what neither ACLED nor PLOVER has, or a class or rule id the
                two files do not share.
        """
        raw = read_json(__package__, "acled.json")
        pack = files.json("acled.json")
        if not all(pack["participants"].values()):
            raise ValueError("acled.json: a participant class has no words")
        classes = {name: any_of(patterns) for name, patterns in pack["participants"].items()}
        rules = tuple(Rule.from_dict(r, pack["rules"].get(r["id"], {})) for r in raw["rules"])
        for rule in rules:
            _check(rule, raw["typology"], classes)
        ids = [r.id for r in rules]
        if len(set(ids)) != len(ids):
            raise ValueError("acled.json: two rules have one id")
        if unknown := sorted(set(pack["rules"]) - set(ids)):
            raise ValueError(f"acled.json: the pack words rules that do not exist: {unknown}")
        country_classes = frozenset(raw["country_classes"])
        if missing := sorted(country_classes - set(classes)):
            raise ValueError(f"acled.json: the pack has no words for the classes {missing}")
        actors = AcledActors.load(raw, files, __package__)
        export = AcledExportWords.load(raw, files)
        return cls(raw["typology"], classes, country_classes, rules, int(raw["version"]), actors, export)


def _check(rule: Rule, types: dict[str, dict[str, str]], classes: dict[str, re.Pattern[str]]) -> None:
    """Refuse a rule that names what neither ACLED nor PLOVER has, or a class the pack lacks."""
    known = rule.types or frozenset(plover.types())
    bad = [t for t in known if not plover.is_valid(t)]
    bad += [m for m in rule.modes | rule.not_modes if not any(plover.is_valid(t, m) for t in plover.types())]
    bad += [c for c in rule.contexts if not plover.is_context(c)]
    if rule.event_type and rule.sub_event_type not in types.get(rule.event_type, {}):
        bad.append(f"{rule.event_type} / {rule.sub_event_type}")
    bad += [c for c in (rule.actor, rule.recipient) if c and c != UNARMED and c not in classes]
    if bad:
        raise ValueError(f"acled.json: rule {rule.id} names unknown {bad}")

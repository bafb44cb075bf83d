"""The event stage's lexicons, loaded once from the package data and checked against the PLOVER ontology.

`triggers.json` maps trigger lemmas to PLOVER types, modes and contexts; `cues.json` holds the cue
words for status, participants, place, date, claims and hedges.
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass, field
from functools import cache
from typing import Any

from eventwire.knowledge import plover as ontology
from eventwire.knowledge.files import read_json


@dataclass(frozen=True)
class TriggerEntry:
    """One trigger sense: the conditions under which a lemma means a PLOVER type and mode."""

    lemma: str
    pos: frozenset[str]
    type: str
    mode: str | None = None
    context: tuple[str, ...] = ()
    size: str | None = None
    with_: frozenset[str] = frozenset()
    mods: frozenset[str] = frozenset()
    under: frozenset[str] = frozenset()
    gov: frozenset[str] = frozenset()
    objects: frozenset[str] = frozenset()
    modal: frozenset[str] = frozenset()
    conflict_type: str | None = None
    object_not: frozenset[str] = frozenset()
    content: bool = False
    no_recipient: bool = False
    needs_actor: bool = False
    place_object: bool = False


@dataclass(frozen=True)
class Lexicon:
    """Trigger senses by lemma and the cue sets, with the versions of the files they came from."""

    triggers: dict[str, list[TriggerEntry]]
    cues: dict[str, Any]
    version: str = field(default="")

    def cue(self, name: str) -> frozenset[str]:
        """A cue list as a set of lower-case lemmas or phrases."""
        return frozenset(self.cues[name])


def _read(name: str) -> dict[str, Any]:
    return read_json(__package__, name)


def _entry(raw: dict[str, Any]) -> TriggerEntry:
    entry = TriggerEntry(
        lemma=raw["lemma"],
        pos=frozenset(raw["pos"]),
        type=raw["type"],
        mode=raw.get("mode"),
        context=tuple(raw.get("context", ())),
        size=raw.get("size"),
        with_=frozenset(raw.get("with", ())),
        mods=frozenset(raw.get("mods", ())),
        under=frozenset(raw.get("under", ())),
        gov=frozenset(raw.get("gov", ())),
        objects=frozenset(raw.get("objects", ())),
        modal=frozenset(raw.get("modal", ())),
        conflict_type=raw.get("conflict_type"),
        object_not=frozenset(raw.get("object_not", ())),
        content=bool(raw.get("content")),
        no_recipient=bool(raw.get("no_recipient")),
        needs_actor=bool(raw.get("needs_actor")),
        place_object=bool(raw.get("place_object")),
    )
    if entry.conflict_type and not ontology.is_valid(entry.conflict_type):
        raise ValueError(f"triggers.json: {entry.lemma}: {entry.conflict_type} is not PLOVER")
    if not ontology.is_valid(entry.type, entry.mode):
        raise ValueError(f"triggers.json: {entry.lemma}: {entry.type}/{entry.mode} is not PLOVER")
    bad = [c for c in entry.context if not ontology.is_context(c)]
    if bad:
        raise ValueError(f"triggers.json: {entry.lemma}: unknown contexts {bad}")
    return entry


@cache
def lexicon() -> Lexicon:
    """The trigger and cue lexicons (loaded once per process).

    Raises:
        ValueError: when a trigger names a type, mode or context PLOVER does not have.
    """
    raw_triggers, cues = _read("triggers.json"), _read("cues.json")
    triggers: dict[str, list[TriggerEntry]] = defaultdict(list)
    for raw in raw_triggers["entries"]:
        triggers[raw["lemma"]].append(_entry(raw))
    bad = [c for c in cues["context_words"].values() if not ontology.is_context(c)]
    if bad:
        raise ValueError(f"cues.json: unknown contexts {bad}")
    version = f"triggers.v{raw_triggers['version']}+cues.v{cues['version']}"
    return Lexicon(triggers=dict(triggers), cues=cues, version=version)

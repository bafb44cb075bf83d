"""The event lexicon: trigger senses and cue words, checked against PLOVER when loaded."""

from __future__ import annotations

import dataclasses
import re
from typing import Any

import pytest

from eventwire.knowledge import load_knowledge
from eventwire.knowledge import plover as ontology
from eventwire.knowledge.events import EventWords, Prepositions
from eventwire.knowledge.pack import PackFiles


class _Edited(PackFiles):
    """The English pack's files with one JSON file changed."""

    def __init__(self, name: str, change: Any) -> None:
        super().__init__("en")
        object.__setattr__(self, "_edit", (name, change))

    def json(self, name: str) -> Any:
        data = super().json(name)
        edited, change = self._edit
        if name == edited:
            change(data)
        return data


def test_version_names_both_files():
    words = load_knowledge().language.events
    assert re.fullmatch(r"triggers\.v\d+\+cues\.v\d+", words.version)
    files = PackFiles("en")
    assert (
        words.version
        == f"triggers.v{files.json('triggers.json')['version']}+cues.v{files.json('cues.json')['version']}"
    )


def test_every_trigger_sense_is_plover():
    words = load_knowledge().language.events
    assert "shell" in words.triggers and "say" in words.triggers
    for lemma, entries in words.triggers.items():
        for entry in entries:
            assert entry.lemma == lemma
            assert ontology.is_valid(entry.type, entry.mode)
            assert all(ontology.is_context(c) for c in entry.context)


def test_cue_contexts_and_conflict_types_are_plover():
    words = load_knowledge().language.events
    assert all(ontology.is_context(c) for c in words.context_words.values())
    assert all(ontology.is_valid(t) for t in words.conflict_types)
    for outer, table in words.content_modes.items():
        assert ontology.is_valid(outer)
        assert all(ontology.is_valid(outer, mode) for mode in table.values())


@pytest.mark.parametrize(
    ("name", "change", "message"),
    [
        ("triggers.json", lambda d: d["entries"][0].update(type="FIGHT"), "is not PLOVER"),
        ("triggers.json", lambda d: d["entries"][0].update(context=["weather"]), "unknown contexts"),
        ("triggers.json", lambda d: d["entries"][0].update(conflict_type="BRAWL"), "is not PLOVER"),
        ("cues.json", lambda d: d["context_words"].update(flood="weather"), "not PLOVER contexts"),
        ("cues.json", lambda d: d["conflict_types"].append("BRAWL"), "not PLOVER contexts"),
        (
            "cues.json",
            lambda d: d["content_modes"]["THREATEN"].update(ASSAULT="brawl"),
            "not PLOVER contexts",
        ),
    ],
)
def test_data_that_contradicts_plover_is_refused(name, change, message):
    with pytest.raises(ValueError, match=message):
        EventWords.load(_Edited(name, change))


def test_prepositions_by_role_each_documented():
    cues = PackFiles("en").json("cues.json")
    roles = {k: v for k, v in cues["prepositions"].items() if k != "about"}
    assert set(roles) == {f.name for f in dataclasses.fields(Prepositions)}
    for role in roles.values():
        assert role["about"] and role["words"]
        assert len(role["words"]) == len(set(role["words"]))


def test_role_sets_that_differ_stay_apart():
    """The topic prepositions of the place search, of a meeting and of what is spoken about differ in
    members and are tested in different places; so do the locative ones of the place and party searches."""
    preps = load_knowledge().language.events.preps
    assert len({preps.place_topic, preps.meeting_topic, preps.speech_topic}) == 3
    assert "against" in preps.place_topic and "against" not in preps.meeting_topic
    assert "concerning" in preps.speech_topic and "concerning" not in preps.place_topic
    assert preps.party_place < preps.where


def test_cue_lists_are_lower_case_without_repeats():
    cues = PackFiles("en").json("cues.json")
    for name, value in cues.items():
        if isinstance(value, list):
            assert value, name
            assert len(value) == len(set(value)), name
            assert all(w == w.lower() for w in value if name != "conflict_types"), name


def test_word_sets_are_frozen():
    words = load_knowledge().language.events
    for f in dataclasses.fields(words):
        value = getattr(words, f.name)
        assert not isinstance(value, (set, list)), f.name
    assert isinstance(words.person_pronouns, frozenset) and "he" in words.person_pronouns
    assert words.according_to == (("according", "to"),)
    assert words.participle_ending == "ed" and words.participle_verb_endings == ("e", "")

"""The ACLED data: a language-neutral typology and rules, and a pack's wording keyed by rule id."""

from __future__ import annotations

import copy
from collections.abc import Callable
from typing import Any

import pytest

from eventwire.knowledge import load_knowledge
from eventwire.knowledge.acled import Acled
from eventwire.knowledge.files import read_json
from eventwire.knowledge.pack import PackFiles


def _load_edited(monkeypatch: pytest.MonkeyPatch, edit: Callable[[dict], None]) -> Acled:
    """Load the ACLED data with the English pack's `acled.json` changed by `edit`."""
    original = PackFiles.json

    def edited(self: PackFiles, name: str) -> Any:
        raw = copy.deepcopy(original(self, name))
        if name == "acled.json":
            edit(raw)
        return raw

    monkeypatch.setattr(PackFiles, "json", edited)
    return Acled.load(PackFiles("en"))


def test_typology_and_rules_hold_no_words():
    raw = read_json("eventwire.knowledge", "acled.json")
    assert len(raw["typology"]) == 6 and sum(len(s) for s in raw["typology"].values()) == 25
    assert not {"words", "also", "not"} & {k for rule in raw["rules"] for k in rule}
    assert "participants" not in raw


def test_every_rule_has_an_id_and_the_pack_words_only_rules_and_classes_it_has():
    acled = load_knowledge().acled
    ids = [r.id for r in acled.rules]
    assert len(ids) == len(set(ids)) == 42
    pack = read_json("eventwire.knowledge.en", "acled.json")
    assert set(pack["rules"]) <= set(ids)
    named = {c for r in acled.rules for c in (r.actor, r.recipient) if c}
    assert named - set(acled.classes) == {"unarmed"}
    assert next(r for r in acled.rules if r.id == "chemical-weapon").words.search("sarin gas")


def test_a_wording_for_no_rule_is_refused(monkeypatch):
    with pytest.raises(ValueError, match="no-such-rule"):
        _load_edited(monkeypatch, lambda raw: raw["rules"].update({"no-such-rule": {"words": ["x"]}}))


def test_a_rule_naming_a_class_the_pack_lacks_is_refused(monkeypatch):
    with pytest.raises(ValueError, match="nature"):
        _load_edited(monkeypatch, lambda raw: raw["participants"].pop("nature"))

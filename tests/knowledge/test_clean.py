"""The clean section of the English pack: typed, loaded once, every list filled."""

from __future__ import annotations

import re

from eventwire.knowledge import load_knowledge
from eventwire.knowledge.clean import CleanWords
from eventwire.knowledge.pack import PackFiles


def test_the_section_is_typed_and_filled() -> None:
    words = load_knowledge().language.clean
    assert isinstance(words, CleanWords)
    assert {"the", "of", "said"} <= words.function_words
    assert {"raises", "take cover"} <= set(words.scene_verbs)
    assert {"said", "according"} <= words.reporting_verbs
    assert {"the", "of", "were"} <= words.headline_dangling_words
    assert all(isinstance(p, re.Pattern) and p.flags & re.I for p in words.caption_patterns)
    assert all(isinstance(p, re.Pattern) and p.flags & re.I for p in words.boilerplate_patterns)


def test_the_file_is_versioned_and_every_list_says_what_it_is() -> None:
    data = PackFiles("en").json("clean.json")
    assert isinstance(data["version"], int) and data["about"]
    for name, section in data.items():
        if name in ("version", "about"):
            continue
        items = section.get("words") or section.get("patterns")
        assert section["about"] and items, name
        assert len(items) == len(set(items)), f"{name} lists a word twice"


def test_patterns_match_what_they_say() -> None:
    words = load_knowledge().language.clean
    assert any(p.search("Flooded fields. Photo: AFP") for p in words.caption_patterns)
    assert any(p.search("Advertisement") for p in words.boilerplate_patterns)

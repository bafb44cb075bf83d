"""The quantities section of the English pack, and the patterns the `Quantities` step builds from it."""

from __future__ import annotations

from eventwire.knowledge import load_knowledge
from eventwire.language.quantities import QuantityPatterns


def test_quantity_words_load_typed() -> None:
    words = load_knowledge().language.quantities
    assert words.version >= 1
    assert words.number_words["twelve"] == 12 and words.scales["million"] == 1_000_000
    assert words.vague["dozens"] == (12, "at least") and "several" in words.vague_need_noun
    assert set(words.qualifiers.values()) == {"at least", "more than", "about", "up to", "fewer than"}
    assert words.hundred in words.number_words and words.dozen in words.number_words
    assert set(words.and_after) <= {words.hundred, *words.scales}


def test_patterns_build() -> None:
    patterns = QuantityPatterns.build(load_knowledge().language.quantities)
    assert patterns.number_words.fullmatch("two hundred and five")
    assert patterns.digits.fullmatch("$5.2 billion")
    assert patterns.qualifier_before.search("killing more than ")
    assert patterns.time_or_age_after.match(" p.m. local time")
    assert patterns.code_before.search("worth USD ").group(1) == "USD"

"""The entities section of the English pack, and the demonyms the entity layer reads from places."""

from __future__ import annotations

from eventwire.knowledge import load_knowledge


def test_entity_words_load_with_a_version() -> None:
    words = load_knowledge().language.entities
    assert words.version >= 1
    assert {"spokesman", "president", "minister", "envoy"} <= words.titles
    assert {"ministry", "agency", "party", "inc."} <= words.org_heads
    assert "CEO" in words.acronym_stop and "NATO" not in words.acronym_stop
    assert {"say", "warn"} <= words.metonymy.speech_verbs


def test_age_patterns_come_from_the_age_adjective() -> None:
    words = load_knowledge().language.entities
    assert words.age_tokens == ("-", "year", "-", "old")
    assert words.age_token.match("66-year-old").group(1) == "66"
    assert words.age_token.match("66").group(1) == "66"
    assert words.age_adjective_before.search("a 54-year-old Russian ").group(1) == "54"


def test_demonyms_and_their_plurals() -> None:
    places = load_knowledge().language.places
    russians = places.demonym("Russians")
    assert russians is not None and russians.word == "Russian" and russians.country_code == "RU"
    assert places.demonym("Filipino").country == "Philippines"
    kurd = places.demonym("Kurdish")
    assert kurd is not None and kurd.country is None
    assert places.demonym("Moscow") is None


def test_every_country_demonym_has_a_two_letter_code() -> None:
    for d in load_knowledge().language.places.demonyms.values():
        assert (d.country is None) == (d.country_code is None), d
        assert d.country_code is None or len(d.country_code) == 2

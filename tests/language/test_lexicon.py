"""The entity lexicons shipped as package data."""

from __future__ import annotations

from eventwire.language.lexicon import lexicon


def test_lexicons_load_with_a_version() -> None:
    lex = lexicon()
    assert lex.version >= 1
    assert {"spokesman", "president", "minister", "envoy"} <= lex.titles
    assert {"ministry", "agency", "party", "inc."} <= lex.org_heads
    assert "CEO" in lex.acronym_stop and "NATO" not in lex.acronym_stop


def test_demonyms_and_their_plurals() -> None:
    lex = lexicon()
    russians = lex.demonym("Russians")
    assert russians is not None and russians.word == "Russian" and russians.country_code == "RU"
    assert lex.demonym("Filipino").country == "Philippines"
    kurd = lex.demonym("Kurdish")
    assert kurd is not None and kurd.country is None
    assert lex.demonym("Moscow") is None


def test_every_country_demonym_has_a_two_letter_code() -> None:
    for d in lexicon().demonyms.values():
        assert (d.country is None) == (d.country_code is None), d
        assert d.country_code is None or len(d.country_code) == 2

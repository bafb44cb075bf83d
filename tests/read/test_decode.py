"""Bytes to text: encodings, binary and empty input, line endings, control characters, odd spaces."""

from __future__ import annotations

import codecs

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from eventwire.errors import EventwireError
from eventwire.read.decode import decode, looks_binary, tidy
from eventwire.settings import Settings

SETTINGS = Settings()
NEWS = "Protesters in São Paulo and Zürich said the “reform” had failed – again. Café owners agreed."


def code_of(data: bytes) -> str:
    with pytest.raises(EventwireError) as info:
        decode(data, SETTINGS, "x.txt")
    assert info.value.where == "x.txt"
    return info.value.code


@pytest.mark.parametrize(
    "data",
    [
        NEWS.encode("utf-8"),
        codecs.BOM_UTF8 + NEWS.encode("utf-8"),
        codecs.BOM_UTF16_LE + NEWS.encode("utf-16-le"),
        codecs.BOM_UTF16_BE + NEWS.encode("utf-16-be"),
        NEWS.encode("utf-16"),
        NEWS.encode("utf-32"),
        NEWS.encode("cp1252"),
    ],
    ids=["utf-8", "utf-8-bom", "utf-16-le-bom", "utf-16-be-bom", "utf-16", "utf-32", "cp1252"],
)
def test_encodings(data: bytes) -> None:
    assert decode(data, SETTINGS) == NEWS


def test_latin1() -> None:
    text = "The mayor of Besançon, Anne Vignot, said the rally in the Place de la Révolution was peaceful."
    assert decode(text.encode("latin-1"), SETTINGS) == text


def test_cp1252_is_preferred_to_look_alike_central_european_codes() -> None:
    # Curly quotes and one ã: cp1250 would read 0xe3 as "ă".
    text = "The minister said the “São Tomé talks” would resume on Monday after the weekend’s clashes.\n" * 3
    assert decode(text.encode("cp1252"), SETTINGS) == text


def test_legacy_cyrillic_goes_to_the_detector() -> None:
    text = "Полиция задержала десятки участников акции протеста в центре Москвы в субботу вечером. " * 4
    assert decode(text.encode("cp1251"), SETTINGS) == text


def test_empty_and_blank() -> None:
    assert code_of(b"") == "EW102"
    assert code_of(b" \r\n\t\n ") == "EW102"
    assert code_of("\u200b\ufeff\u00a0\n".encode()) == "EW102"
    assert code_of(codecs.BOM_UTF16_LE + " \n ".encode("utf-16-le")) == "EW102"


def test_binary() -> None:
    assert code_of(b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + bytes(range(256))) == "EW103"
    assert code_of(bytes(range(1, 32)) * 20 + b"a few letters") == "EW103"
    assert looks_binary(b"abc\x00def", SETTINGS)
    assert not looks_binary(NEWS.encode("utf-8"), SETTINGS)


def test_undecodable() -> None:
    # High bytes that no encoding reads as text.
    noise = bytes((i * 37 + 128) % 128 + 128 for i in range(3000))
    assert code_of(noise) == "EW104"
    # A UTF-8 byte order mark followed by bytes that are not UTF-8.
    assert code_of(codecs.BOM_UTF8 + b"Police said \xff\xfe the march was banned.") == "EW104"


def test_line_endings() -> None:
    assert (
        decode(b"Title\r\n\r\nFirst line.\r\nSecond line.\rThird.", SETTINGS)
        == "Title\n\nFirst line.\nSecond line.\nThird."
    )


def test_stray_controls_and_odd_spaces() -> None:
    raw = "Police\u00a0fired\u2009tear gas\u200b on\x07 the\x1b crowd\ufeff.\tThey said\u202fso."
    assert tidy(raw) == "Police fired tear gas on the crowd.\tThey said so."


def test_mojibake_is_repaired_before_controls_are_stripped() -> None:
    garbled = "Somalia’s army called it a “collective self-defence” strike.".encode().decode("latin-1")
    assert (
        decode(garbled.encode("utf-8"), SETTINGS)
        == "Somalia’s army called it a “collective self-defence” strike."
    )


def test_html_entities_are_left_for_the_html_parser() -> None:
    assert tidy("<p>AT&amp;T &lt;b&gt;</p>") == "<p>AT&amp;T &lt;b&gt;</p>"


@settings(max_examples=150, deadline=None)
@given(st.text(min_size=1, max_size=300), st.sampled_from(["utf-8", "utf-8-sig", "utf-16", "utf-32"]))
def test_any_text_in_a_unicode_encoding_decodes_to_its_tidy_form(text: str, encoding: str) -> None:
    try:
        decoded = decode(text.encode(encoding, "surrogatepass"), SETTINGS)
    except EventwireError as exc:
        assert exc.code in {"EW102", "EW103", "EW104"}
        return
    assert decoded == tidy(text)

"""Abbreviations, demonyms, division words and seats of government."""

from __future__ import annotations

from eventwire.places.tables import (
    abbreviations,
    admin_level,
    demonym_country,
    demonym_place,
    is_demonym,
    not_places,
    seats,
)


def test_abbreviations_are_case_sensitive_countries() -> None:
    table = abbreviations()
    assert table["US"] == ("country", "US")
    assert table["U.S."] == ("country", "US")
    assert table["UK"] == ("country", "GB")
    assert "Us" not in table and "us" not in table


def test_demonyms_with_plurals() -> None:
    assert is_demonym("Russian") and is_demonym("Ukrainians") and is_demonym("Poles")
    assert demonym_country("Russians") == "RU"
    assert demonym_country("European") is None
    assert demonym_place("European") == "Europe"
    assert demonym_place("Texan") == "US.TX"
    assert not is_demonym("Russia")


def test_division_words() -> None:
    assert admin_level("Oblast") == 1
    assert admin_level("province") == 1
    assert admin_level("County") == 2
    assert admin_level("Street") is None


def test_words_that_are_rarely_places() -> None:
    assert "march" in not_places() and "president" in not_places()


def test_seats_point_at_their_city() -> None:
    assert seats()["kremlin"] == 524901
    assert "white house" in seats()

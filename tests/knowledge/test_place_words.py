"""Place words and offices of the English pack: one demonym table read two ways, division words,
abbreviations, seats of government, and the gazetteer's side tables."""

from __future__ import annotations

import pytest

from eventwire.knowledge import load_knowledge
from eventwire.knowledge.places import PlaceWords


@pytest.fixture(scope="module")
def places() -> PlaceWords:
    return load_knowledge().language.places


def test_abbreviations_are_case_sensitive_countries(places: PlaceWords) -> None:
    table = places.abbreviations
    assert table["US"] == ("country", "US")
    assert table["U.S."] == ("country", "US")
    assert table["UK"] == ("country", "GB")
    assert "Us" not in table and "us" not in table


def test_the_entity_layer_reads_a_demonym_as_its_country(places: PlaceWords) -> None:
    russians = places.demonym("Russians")
    assert russians is not None and (russians.country_code, russians.country) == ("RU", "Russia")
    assert places.demonym("Filipino").country == "Philippines"
    kurd = places.demonym("Kurdish")
    assert kurd is not None and kurd.country_code is None
    assert places.demonym("Moscow") is None


def test_the_places_code_reads_a_demonym_as_a_place(places: PlaceWords) -> None:
    assert places.is_demonym("Russian") and places.is_demonym("Ukrainians") and places.is_demonym("Poles")
    assert places.demonym_country("Russians") == "RU"
    assert places.demonym_country("European") is None
    assert places.demonym_place("European") == "Europe"
    assert places.demonym_place("Texan") == "US.TX"
    assert not places.is_demonym("Russia")


def test_one_row_serves_both_readings(places: PlaceWords) -> None:
    scottish = places.demonym("Scottish")
    assert scottish is not None and scottish.country_code == "GB" and scottish.place == "GB.SCT"
    assert places.demonym_place("Scottish") == "GB.SCT"
    soviet = places.demonym("Soviet")
    assert soviet is not None and soviet.country_code is None and places.demonym_place("Soviet") == "RU"
    texan = places.demonym("Texans")
    assert texan is not None and texan.country_code == "US"


def test_a_plural_that_is_its_own_country_is_a_place(places: PlaceWords) -> None:
    assert places.is_demonym("Lao") and not places.is_demonym("Laos")


def test_every_country_demonym_has_a_two_letter_code(places: PlaceWords) -> None:
    for d in places.demonyms.values():
        assert d.country_code is None or (len(d.country_code) == 2 and d.country)


def test_division_words(places: PlaceWords) -> None:
    assert places.admin_level("Oblast") == 1
    assert places.admin_level("province") == 1
    assert places.admin_level("prefecture") == 1
    assert places.admin_level("County") == 2
    assert places.admin_level("Street") is None
    assert "Oblast" in places.division_titles and "Oblast'" in places.division_suffixes
    assert places.lowercase_divisions == {"region", "oblast", "province", "state"}


def test_words_that_are_rarely_places(places: PlaceWords) -> None:
    assert "march" in places.not_places and "president" in places.not_places


def test_seats_point_at_their_city_and_institution() -> None:
    offices = load_knowledge().language.offices
    kremlin = offices.seat("the Kremlin")
    assert kremlin is not None and (kremlin.geonameid, kremlin.institution, kremlin.country) == (
        524901,
        "presidency",
        "RU",
    )
    assert offices.seat("White House") is not None and offices.seat("presidency") is None
    assert offices.institutions["presidential"] == "presidency"


def test_gazetteer_side_tables() -> None:
    tables = load_knowledge().gazetteer
    assert tables.country_points["FR"] == (46.0, 2.0)
    assert any(r.name == "Middle East" and "Mideast" in r.aliases for r in tables.regions)
    assert "UA" in tables.romanized_cyrillic and "FR" not in tables.romanized_cyrillic

"""Candidate ranking: priors, fixed names, divisions, and the article as context."""

from __future__ import annotations

import pytest

from eventwire.knowledge import load_knowledge
from eventwire.places.index import load_gazetteer
from eventwire.places.rank import Mention, Resolution, Resolver, km
from eventwire.settings import Settings


@pytest.fixture(scope="module")
def resolver() -> Resolver:
    language = load_knowledge().language
    return Resolver(load_gazetteer("en"), Settings(), language.places, language.offices)


def resolutions(resolver: Resolver, *names: str) -> list[Resolution]:
    return resolver.resolve([Mention(i * 100, i * 100 + len(n), n) for i, n in enumerate(names)])


def resolve(resolver: Resolver, *names: str) -> dict[str, object]:
    return {r.mention.text: r.entry for r in resolutions(resolver, *names)}


def test_km() -> None:
    assert km(50.45, 30.52, 50.45, 30.52) == 0
    assert 1250 < km(51.5074, -0.1278, 40.4168, -3.7038) < 1275  # London to Madrid, about 1,264 km


def test_us_is_the_country_never_the_village(resolver: Resolver) -> None:
    got = resolve(resolver, "US", "U.S.", "UK", "America")
    assert got["US"].feature == "country" and got["US"].country == "US"
    assert got["U.S."].country == "US" and got["UK"].country == "GB" and got["America"].country == "US"


def test_population_decides_without_context(resolver: Resolver) -> None:
    got = resolve(resolver, "Paris", "London", "Makarov")
    assert got["Paris"].country == "FR" and got["London"].country == "GB"
    assert got["Makarov"].country == "RU"  # alone, the Russian town by its own name


def test_context_moves_an_ambiguous_name(resolver: Resolver) -> None:
    got = resolve(resolver, "Makarov", "Kyiv", "Bucha", "Borodianka", "Ukraine")
    assert got["Makarov"].country == "UA" and got["Makarov"].name == "Makariv"
    got = resolve(resolver, "Odessa", "Midland", "Texas")
    assert got["Odessa"].country == "US"
    got = resolve(resolver, "Odessa", "Kyiv", "Ukraine")
    assert got["Odessa"].country == "UA"


def test_division_word_asks_for_the_division(resolver: Resolver) -> None:
    (r,) = resolver.resolve([Mention(0, 15, "Mykolaiv Oblast", name="Mykolaiv", level=1)])
    assert r.entry.feature == "admin1" and r.entry.country == "UA"
    city = resolve(resolver, "Kharkiv")["Kharkiv"]
    assert city.feature == "city"  # the oblast named like its capital yields to the city


def test_states_and_regions(resolver: Resolver) -> None:
    got = resolve(resolver, "California", "Middle East", "Europe", "Bavaria")
    assert got["California"].feature == "admin1" and got["California"].country == "US"
    assert got["Middle East"].feature == "region"
    assert got["Europe"].feature == "region"
    assert got["Bavaria"].feature == "admin1" and got["Bavaria"].country == "DE"


def test_demonyms_and_seats_resolve_for_a_reader_who_asks(resolver: Resolver) -> None:
    got = resolve(resolver, "Russian", "Kremlin", "Colorado State University")
    assert got["Russian"].feature == "country" and got["Russian"].country == "RU"
    assert got["Kremlin"].geonameid == 524901
    assert got["Colorado State University"].code == "US.CO"


def test_unknown_names_resolve_to_nothing(resolver: Resolver) -> None:
    assert resolve(resolver, "Qwzxtplk")["Qwzxtplk"] is None


def test_the_name_after_a_comma_contains_the_place(resolver: Resolver) -> None:
    def springfield(state: str):
        town = Mention(0, 11, "Springfield")
        town.within = Mention(13, 13 + len(state), state)
        return {r.mention.text: r.entry for r in resolver.resolve([town, town.within])}

    got = springfield("Illinois")
    assert got["Springfield"].admin1 == got["Illinois"].name == "Illinois"
    got = springfield("Missouri")
    assert got["Springfield"].admin1 == "Missouri"


def test_a_state_named_like_a_country_beside_its_cities_or_neighbours(resolver: Resolver) -> None:
    got = resolve(resolver, "Atlanta", "Savannah", "Georgia")
    assert got["Georgia"].feature == "admin1" and got["Georgia"].country == "US"
    got = resolve(resolver, "Alaska", "Georgia", "Florida")
    assert got["Georgia"].feature == "admin1" and got["Georgia"].country == "US"


def test_the_country_named_like_a_state_stays_the_country(resolver: Resolver) -> None:
    assert resolve(resolver, "Georgia")["Georgia"].feature == "country"
    got = resolve(resolver, "Armenia", "Georgia", "Azerbaijan")
    assert got["Georgia"].feature == "country" and got["Georgia"].country == "GE"


def test_a_town_in_the_state_the_story_is_about(resolver: Resolver) -> None:
    assert resolve(resolver, "Dublin")["Dublin"].country == "IE"
    got = resolve(resolver, "Dublin", "Westerville", "Columbus", "Ohio")
    assert got["Dublin"].country == "US" and got["Dublin"].admin1 == "Ohio"
    got = resolve(resolver, "Paris", "Memphis", "Nashville")
    assert got["Paris"].country == "US" and got["Paris"].admin1 == "Tennessee"


def test_a_small_namesake_town_does_not_shadow_a_state(resolver: Resolver) -> None:
    got = resolve(resolver, "Idaho", "Delaware", "Maine")
    assert got["Delaware"].feature == "admin1" and got["Delaware"].admin1 == "Delaware"
    got = resolve(resolver, "Columbus", "Delaware", "Ohio")
    assert got["Delaware"].feature == "admin1"  # a town of Ohio is called so too, but the state is meant
    assert resolve(resolver, "Kherson")["Kherson"].feature == "city"  # a sizeable city shadows its oblast


def test_a_country_named_in_passing_gives_its_counties_nothing(resolver: Resolver) -> None:
    got = resolve(resolver, "Dakar", "Senegal", "Thies", "Medina", "US")
    assert got["Medina"] is None or got["Medina"].country != "US"  # not Medina County, Ohio
    got = resolve(resolver, "Georgia", "Atlanta", "Florida", "Russia")
    assert got["Georgia"].feature == "admin1" and got["Georgia"].country == "US"


def test_a_capital_known_by_another_name_gets_no_capital_bonus(resolver: Resolver) -> None:
    got = resolve(resolver, "Washington", "London")
    assert got["Washington"].country == "US"  # the capital by its own name, beside one British city
    got = resolve(resolver, "Garden City", "Myrtle Beach")
    assert got["Garden City"].country == "US"  # not Singapore, whose nickname it is


def test_an_unknown_name_lies_in_the_town_named_closest(resolver: Resolver) -> None:
    got = resolutions(resolver, "Zorblax Quarry", "Lyon", "Lyon", "Grenoble", "Zorblax Quarry")
    first, last = (r for r in got if r.mention.text == "Zorblax Quarry")
    assert first.inferred and first.entry.name == "Lyon" and last.entry.name == "Grenoble"
    assert not any(r.inferred for r in got if r.mention.text != "Zorblax Quarry")
    alone = resolutions(resolver, "Zorblax Quarry", "Bavaria", "Bavaria", "Saxony")[0]
    assert alone.inferred and alone.entry.code == "DE.02"  # no town: the division named most often (Bavaria)


def test_a_stray_inner_name_yields_to_the_articles_town(resolver: Resolver) -> None:
    far = resolutions(resolver, "Carnegie Hall of Fame", "Memphis", "Tennessee")[0]
    assert far.inferred and far.entry.name == "Memphis"
    near = resolutions(resolver, "Harwick Lane", "Pittsburgh", "Pennsylvania")[0]
    assert not near.inferred and near.entry.name == "Harwick"


def test_no_town_to_fall_back_on(resolver: Resolver) -> None:
    (r,) = resolver.resolve([Mention(0, 14, "Zorblax Quarry")])
    assert r.entry is None and not r.inferred


def test_an_ocean_stays_the_ocean_in_a_story_of_one_country(resolver: Resolver) -> None:
    got = resolve(resolver, "Tampa", "Orlando", "Jacksonville", "Florida", "Atlantic")
    assert got["Atlantic"].name == "Atlantic Ocean" and got["Florida"].feature == "admin1"


def test_a_longer_name_of_a_place_is_placed_by_the_place_it_is_of(resolver: Resolver) -> None:
    got = resolve(resolver, "Bank of Japan", "University of Alberta", "Summit of the Americas")
    assert got["Bank of Japan"].country == "JP" and got["Bank of Japan"].feature == "country"
    assert got["University of Alberta"].name == "Alberta" and got["Summit of the Americas"].name == "Americas"

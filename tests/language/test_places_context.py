"""The places step on sentences of its own: names inside longer names, the person-name rule, features,
state abbreviations and hyphen compounds, and the article's states and countries deciding homonyms."""

from __future__ import annotations

import pytest

from eventwire.clean import clean_steps
from eventwire.knowledge import load_knowledge
from eventwire.language.nlp import Parse
from eventwire.language.places import Places
from eventwire.model import Article, RawArticle, Source
from eventwire.pipeline import Pipeline
from eventwire.settings import Settings


@pytest.fixture(scope="module")
def run():
    """A function: text → the article after cleaning, parsing and the places step."""
    k = load_knowledge()
    pipe = Pipeline([*clean_steps(Settings(), k), Parse(Settings(), k), Places(Settings(), k)])
    pipe.setup()

    def go(text: str) -> Article:
        article = pipe.run(RawArticle(text=text, source=Source(path="t.txt"), published="2022-03-23"))
        article.check()
        return article

    return go


def named(article: Article) -> dict[str, object]:
    """Mention text → its place."""
    return {m.text: p for p in article.places for m in p.mentions}


def in_name(article: Article) -> dict[str, object]:
    """In-name reference text → its place."""
    return {m.text: p for p in article.places for m in p.in_name}


def test_a_country_inside_an_airline_or_army_name_is_an_in_name_reference(run) -> None:
    a = run(
        "Air Zimbabwe cancelled two more flights on Monday, stranding travellers for a third day. "
        "Separately, elders in the tribal areas thanked the Pakistan Army for reopening the schools."
    )
    refs = in_name(a)
    assert refs["Zimbabwe"].country_code == "ZW" and refs["Zimbabwe"].feature == "country"
    assert refs["Pakistan"].country_code == "PK"
    assert "Zimbabwe" not in named(a) and "Pakistan" not in named(a)  # references, never mentions


def test_an_in_name_reference_joins_the_place_the_article_names(run) -> None:
    a = run(
        "Thousands marched through Toronto on Saturday. The Toronto Transit Commission added trains "
        "for the crowds, a spokeswoman said."
    )
    [toronto] = [p for p in a.places if p.name == "Toronto"]
    assert [m.text for m in toronto.mentions] == ["Toronto"] and [m.text for m in toronto.in_name] == [
        "Toronto"
    ]


def test_a_person_name_drops_only_the_mentions_it_concerns(run) -> None:
    a = run(
        "Kenya Barris wrote the new show. Last year he visited Kenya with his family and filmed in "
        "Nairobi for a week."
    )
    [kenya] = [p for p in a.places if p.name == "Kenya"]
    assert [m.start for m in kenya.mentions] == [a.text.index("Kenya with")]  # not the writer's name
    assert named(a)["Nairobi"].country_code == "KE"


def test_a_capitalised_feature_is_not_its_namesake_town_or_state(run) -> None:
    a = run(
        "Barges on the Mississippi River near Memphis waited for the water to rise. Hikers who climbed "
        "Mount Rainier and boaters on Lake Tahoe also reported a dry season."
    )
    got = named(a)
    assert "Memphis" in got
    assert "Mississippi" not in got and "Rainier" not in got and "Tahoe" not in got


def test_state_abbreviations_and_hyphen_compounds(run) -> None:
    a = run(
        "A Kabul-based charity and a Texas-born singer met in Charleston, W.Va., and later in Macon, Ga., "
        "where a Pittsburgh, Pa., band joined them."
    )
    got = named(a)
    assert got["Kabul"].country_code == "AF" and got["Texas"].feature == "admin1"
    assert got["Charleston"].admin1 == "West Virginia" and got["W.Va"].admin1 == "West Virginia"
    assert got["Macon"].admin1 == "Georgia" and got["Ga."].feature == "admin1"
    assert got["Pa."].admin1 == "Pennsylvania"


def test_moscow_idaho_beside_the_capital(run) -> None:
    idaho = named(run("Students in Moscow, Idaho, cleared snow from the campus paths on Tuesday."))
    assert idaho["Moscow"].country_code == "US" and idaho["Moscow"].admin1 == "Idaho"
    russia = named(run("Officials in Moscow met envoys from Beijing to discuss the pipeline."))
    assert russia["Moscow"].country_code == "RU"


def test_paris_beside_tennessee_counties(run) -> None:
    got = named(
        run(
            "Storms hit Henry County and Benton County on Sunday. In Paris, the county seat, the mayor "
            "said schools would stay closed. Tennessee officials sent crews."
        )
    )
    assert got["Paris"].country_code == "US" and got["Paris"].admin1 == "Tennessee"
    assert got["Henry County"].admin1 == "Tennessee" and got["Benton County"].admin1 == "Tennessee"


def test_new_york_and_washington_the_state_or_the_city(run) -> None:
    state = named(run("The governor of New York signed the budget in Albany after a long night."))
    assert state["New York"].feature == "admin1"
    city = named(run("Tourists crowded Times Square in New York on the last night of the year."))
    assert city["New York"].feature == "city"
    west = named(run("Wildfires spread across eastern Washington, near Spokane and Yakima, on Friday."))
    assert west["Washington"].feature == "admin1"
    fires = named(run("Fires burned in Washington state and in Oregon for a week."))
    assert fires["Washington state"].feature == "admin1"


def test_a_state_after_the_comma_beats_a_country_of_the_name(run) -> None:
    got = named(run("Lebanon, New Hampshire, opened a new library. Palestine, Texas, held a parade."))
    assert got["Lebanon"].country_code == "US" and got["Lebanon"].feature == "city"
    assert got["Palestine"].admin1 == "Texas"
    alone = named(run("Shelling was reported in Lebanon and in northern Israel on Sunday."))
    assert alone["Lebanon"].feature == "country"


def test_a_list_of_states_stays_states(run) -> None:
    got = named(run("Voters in Georgia, Alabama and Florida went to the polls on Tuesday."))
    assert got["Georgia"].feature == "admin1" and got["Georgia"].country_code == "US"

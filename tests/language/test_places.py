"""The places step: recognition beyond the entity label, resolution in context, metonymy, offsets."""

from __future__ import annotations

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from eventwire.clean import clean_steps
from eventwire.knowledge import load_knowledge
from eventwire.language.nlp import Parse
from eventwire.language.places import Places
from eventwire.model import Article, RawArticle, Source
from eventwire.pipeline import Pipeline
from eventwire.settings import Settings


@pytest.fixture(scope="module")
def places_of():
    """A function: text → the article after cleaning, parsing and the places step."""
    pipe = Pipeline(
        [
            *clean_steps(Settings(), load_knowledge()),
            Parse(Settings(), load_knowledge()),
            Places(Settings(), load_knowledge()),
        ]
    )
    pipe.setup()

    def run(text: str) -> Article:
        article = pipe.run(RawArticle(text=text, source=Source(path="t.txt"), published="2022-03-23"))
        article.check()
        return article

    return run


def by_mention(article: Article, spans: str = "mentions") -> dict[str, object]:
    """Span text → its place, over the places' mentions or another list of their spans ('in_name')."""
    return {m.text: p for p in article.places for m in getattr(p, spans)}


def test_russian_spellings_resolve_to_ukrainian_cities(places_of) -> None:
    a = places_of(
        "Shelling hit Kharkov and Nikolaev overnight, while thousands of residents fled Odessa by train. "
        "Officials in Kyiv said the attacks on Ukraine would not break the defence."
    )
    got = by_mention(a)
    assert got["Kharkov"].geonameid == 706483 and got["Kharkov"].name == "Kharkiv"
    assert got["Nikolaev"].country_code == "UA" and got["Nikolaev"].feature == "city"
    assert got["Odessa"].country_code == "UA"
    assert got["Ukraine"].feature == "country"


def test_context_picks_the_ukrainian_makariv(places_of) -> None:
    a = places_of(
        "Troops retook the town of Makarov, west of Kyiv, and pushed on towards Bucha and Irpen in Ukraine."
    )
    got = by_mention(a)
    assert got["Makarov"].country_code == "UA" and got["Makarov"].name == "Makariv"
    assert got["Irpen"].name == "Irpin"


def test_division_words_give_the_division(places_of) -> None:
    a = places_of(
        "Two civilians were killed in Donetsk Oblast and a bridge was destroyed in Kherson Province, Ukraine."
    )
    got = by_mention(a)
    assert got["Donetsk Oblast"].feature == "admin1" and got["Donetsk Oblast"].country_code == "UA"
    assert got["Kherson Province"].feature == "admin1"
    assert got["Donetsk Oblast"].admin1 == got["Donetsk Oblast"].name


def test_abbreviations_are_countries_and_demonyms_are_not_places(places_of) -> None:
    a = places_of(
        "Flights from the US and the UK landed in Warsaw on Tuesday, "
        "and Russian and Polish diplomats flew to the U.S. on Wednesday."
    )
    got = by_mention(a)
    assert got["US"].country_code == "US" and got["US"].feature == "country"
    assert got["UK"].country_code == "GB" and got["U.S."] is got["US"]
    assert "Russian" not in got and "Polish" not in got
    assert all(p.name != "Us" for p in a.places)
    assert got["Warsaw"].country_code == "PL"


def test_one_place_per_location_with_every_mention(places_of) -> None:
    a = places_of(
        "Sirens sounded in Kiev at dawn. By noon, Kyiv was quiet again, and the metro in Kyiv reopened."
    )
    kyiv = [p for p in a.places if p.geonameid == 703448]
    assert len(kyiv) == 1
    assert [m.text for m in kyiv[0].mentions] == ["Kiev", "Kyiv", "Kyiv"]
    assert [p.id for p in a.places] == [f"p{i + 1}" for i in range(len(a.places))]


def test_abbreviations_used_as_actors_are_not_places(places_of) -> None:
    a = places_of("The US and the UK sent aid to the region, and U.S. officials met their hosts.")
    assert a.places == []
    assert {m.text for m in a.scratch["place_mentions"] if m.metonymic} == {"US", "UK", "U.S."}


def test_actors_are_not_places(places_of) -> None:
    a = places_of(
        "Moscow says it will respond. The Kremlin denied the report, and Washington warned of new sanctions. "
        "Later, hundreds of protesters marched in Moscow."
    )
    moscow = [p for p in a.places if p.geonameid == 524901]
    assert len(moscow) == 1 and [m.text for m in moscow[0].mentions] == ["Moscow"]
    assert moscow[0].mentions[0].start > a.text.index("protesters")
    assert not any(m.text in ("Kremlin", "Washington") for p in a.places for m in p.mentions)
    flagged = {m.text for m in a.scratch["place_mentions"] if m.metonymic}
    assert {"Moscow", "Washington"} <= flagged


def test_people_named_like_towns_are_not_places(places_of) -> None:
    a = places_of("Joe Biden met Angela Merkel in Berlin. Biden said later that Merkel had been very clear.")
    names = {m.text for p in a.places for m in p.mentions}
    assert names == {"Berlin"}


def test_news_beyond_the_war(places_of) -> None:
    a = places_of(
        "Floods swept through Lagos and Abuja after days of rain, Nigerian officials said. "
        "In Sindh province, Pakistan, thousands were evacuated, "
        "and wildfires burned near Sacramento, California."
    )
    got = by_mention(a)
    assert got["Lagos"].country_code == "NG" and got["Abuja"].country_code == "NG"
    assert got["Pakistan"].feature == "country"
    assert got["Sindh province"].feature == "admin1" and got["Sindh province"].country_code == "PK"
    assert got["Sacramento"].country_code == "US" and got["California"].feature == "admin1"
    assert "Nigerian" not in got


def test_months_and_titles_are_not_places(places_of) -> None:
    a = places_of("On March 11, President Macron spoke to reporters in Paris about the budget.")
    assert {m.text for p in a.places for m in p.mentions} == {"Paris"}


def test_a_small_town_named_with_its_state(places_of) -> None:
    a = places_of("The brewery in Klamath Falls, Oregon, reopened, as did one in Paris, Texas.")
    got = by_mention(a)
    assert got["Klamath Falls"].admin1 == "Oregon"
    assert got["Paris"].country_code == "US" and got["Paris"].admin1 == "Texas"


def test_unplaceable_names_are_kept_for_flags(places_of) -> None:
    a = places_of("The delegation travelled on from Paris to Zqxwvland for talks.")
    unplaced = [m for m in a.scratch["place_mentions"] if m.entry is None]
    assert {m.text for p in a.places for m in p.mentions} == {"Paris"}
    assert [m.text for m in unplaced] == ["Zqxwvland"]
    assert a.text[unplaced[0].start : unplaced[0].end] == "Zqxwvland" and unplaced[0].place is None


WORDS = [
    "Kharkov",
    "Kyiv",
    "Paris",
    "US",
    "U.S.",
    "Oblast",
    "Province",
    "said",
    "the",
    "in",
    "of",
    ",",
    ".",
    "’s",
    "Moscow",
    "Kremlin",
    "Russian",
    "March",
    "Springfield",
    "Illinois",
    "Donetsk",
    "region",
    "and",
    "Nikolaev",
]


@settings(
    max_examples=15,
    deadline=None,
    derandomize=True,
    suppress_health_check=[HealthCheck.function_scoped_fixture],
)
@given(st.lists(st.sampled_from(WORDS), min_size=3, max_size=40))
def test_any_text_keeps_the_offset_invariant(places_of, words: list[str]) -> None:
    a = places_of("Report on the fighting. " + " ".join(words) + " was the news.")
    for p in a.places:
        for m in p.mentions:
            assert a.text[m.start : m.end] == m.text
    for m in a.scratch["place_mentions"]:
        assert a.text[m.start : m.end] == m.text


@pytest.mark.parametrize(
    ("text", "town"),
    [
        ("Teachers march\n\nDAKAR, Senegal (Agency) — Riot police fired tear gas on Tuesday.", "Dakar"),
        ("Traders protest\n\nMARDAN: Police opened fire on a crowd on Tuesday.", "Mardan"),
        ("Bomb kills three\n\nAFGOOYE — Three soldiers were killed on Wednesday.", "Afgooye"),
        ("Tear gas fired\n\nNairobi, Kenya — Police fired tear gas at marchers.", "Nairobi"),
        (
            "Mine blast\n\nSOUTH WAZIRISTAN, April 5 (APP): Two soldiers died in a blast.",
            "South Waziristan Agency",
        ),
        ("Bus overturns\n\nGAROWE, March 3 (Agency) - A bus overturned on Friday.", "Garoowe"),
        ("Road blocked\n\nICA — Farmers blocked the highway south of Ica on Monday.", "Ica"),
    ],
)
def test_a_dateline_names_a_town_though_shouted_or_parsed_as_a_subject(places_of, text, town) -> None:
    assert town in [p.name for p in places_of(text).places]


def test_a_short_code_opening_a_paragraph_is_no_dateline_town(places_of) -> None:
    assert places_of("Summit\n\nNATO (AP) — Leaders met in Brussels on Tuesday.").places[0].name == "Brussels"


def test_a_name_before_a_lower_case_feature_word_is_no_town(places_of) -> None:
    a = places_of("Herders moved their cattle along the Juba river after the rains failed near Kismayo.")
    got = by_mention(a)
    assert "Juba" not in got and got["Kismayo"].country_code == "SO"


def test_demonyms_are_adjectival_references_of_their_country(places_of) -> None:
    a = places_of("Turkish engineers rebuilt the bridge in Mosul, and Texan donors paid for it.")
    adjectival = {m.text: p for p in a.places for m in p.adjectival}
    assert adjectival["Turkish"].country_code == "TR" and adjectival["Turkish"].feature == "country"
    assert adjectival["Texan"].admin1 == "Texas"
    assert adjectival["Turkish"].mentions == [] and adjectival["Texan"].mentions == []
    assert by_mention(a)["Mosul"].id == "p1"  # the places named keep the first ids


def test_a_demonym_beside_its_country_joins_that_place(places_of) -> None:
    a = places_of("Iraqi officials met in Baghdad to talk about the future of Iraq.")
    iraq = by_mention(a)["Iraq"]
    assert [m.text for m in iraq.adjectival] == ["Iraqi"]


def test_a_country_inside_an_airline_or_army_name_is_an_in_name_reference(places_of) -> None:
    a = places_of(
        "Air Zimbabwe cancelled two more flights on Monday, stranding travellers for a third day. "
        "Separately, elders in the tribal areas thanked the Pakistan Army for reopening the schools."
    )
    refs = by_mention(a, "in_name")
    assert refs["Zimbabwe"].country_code == "ZW" and refs["Zimbabwe"].feature == "country"
    assert refs["Pakistan"].country_code == "PK"
    assert "Zimbabwe" not in by_mention(a) and "Pakistan" not in by_mention(a)  # references, never mentions


def test_an_in_name_reference_joins_the_place_the_article_names(places_of) -> None:
    a = places_of(
        "Thousands marched through Toronto on Saturday. The Toronto Transit Commission added trains "
        "for the crowds, a spokeswoman said."
    )
    [toronto] = [p for p in a.places if p.name == "Toronto"]
    assert [m.text for m in toronto.mentions] == ["Toronto"] and [m.text for m in toronto.in_name] == [
        "Toronto"
    ]


def test_a_person_name_drops_only_the_mentions_it_concerns(places_of) -> None:
    a = places_of(
        "Kenya Barris wrote the new show. Last year he visited Kenya with his family and filmed in "
        "Nairobi for a week."
    )
    [kenya] = [p for p in a.places if p.name == "Kenya"]
    assert [m.start for m in kenya.mentions] == [a.text.index("Kenya with")]  # not the writer's name
    assert by_mention(a)["Nairobi"].country_code == "KE"


def test_a_person_word_placed_elsewhere_is_a_place_at_every_mention(places_of) -> None:
    a = places_of(
        "Coach Ray Lakewood Dunn said the team trains in Lakewood every week. Parents drive to the "
        "Lakewood field after work."
    )
    [lakewood] = [p for p in a.places if p.name == "Lakewood"]
    assert [m.start for m in lakewood.mentions] == [
        a.text.index("Lakewood every"),
        a.text.index("Lakewood field"),
    ]


def test_a_department_of_an_office_is_no_division(places_of) -> None:
    a = places_of(
        "A spokeswoman for the California Department of Public Health said the Fresno clinic reopened."
    )
    got = by_mention(a, "in_name")
    assert got["California"].country_code == "US" and got["California"].feature == "admin1"
    assert by_mention(places_of("Officials of the Tolima Department met in Ibague."))[
        "Tolima Department"
    ].feature == ("admin1")


def test_names_of_a_list_share_their_division_level(places_of) -> None:
    states = by_mention(
        places_of("Cases of the fever were confirmed in Kansas, Oregon, Washington and Idaho.")
    )
    assert (
        states["Washington"].feature == "admin1" and states["Washington"].admin1 == states["Washington"].name
    )
    band = by_mention(places_of("The band toured New Jersey and New York in the spring."))
    assert band["New York"].feature == "admin1"
    towns = by_mention(
        places_of("Firefighters in Tacoma, Washington, and in Buffalo, New York, trained together.")
    )
    assert towns["Tacoma"].feature == "city" and towns["Buffalo"].feature == "city"
    assert (
        towns["Tacoma"].admin1 == towns["Washington"].name
        and towns["Buffalo"].admin1 == towns["New York"].name
    )


def test_oceans_seas_and_lakes_are_places_of_their_own(places_of) -> None:
    text = (
        "Storms over the Atlantic grew stronger, and ferries on the Black Sea and fishing boats on Lake "
        "Victoria stayed in port near Kisumu."
    )
    got = by_mention(places_of(text))
    assert got["Atlantic"].name == "Atlantic Ocean" and got["Atlantic"].feature == "region"
    assert got["Black Sea"].feature == "region" and got["Lake Victoria"].feature == "region"
    assert got["Lake Victoria"].lat < 0 < got["Black Sea"].lat and got["Kisumu"].country_code == "KE"


def test_a_division_after_an_unknown_name_and_a_comma(places_of) -> None:
    got = by_mention(places_of("The rally ends at Brockley Green, Cheshire."))
    assert got["Cheshire"].country_code == "GB" and "Brockley Green" not in got


def test_korea_alone_is_the_south_no_indian_district(places_of) -> None:
    assert (
        by_mention(places_of("Fans across Korea cheered when the team won the final."))["Korea"].country_code
        == "KR"
    )


def test_a_possessive_inside_a_name_keeps_the_whole_name(places_of) -> None:
    a = places_of("Trade officials of the People's Republic of China met their counterparts in Hanoi.")
    assert by_mention(a)["People's Republic of China"].country_code == "CN"
    assert not any(p.country_code == "TW" for p in a.places)


def test_large_islands_regions_within_a_country_and_australian_state_abbreviations(places_of) -> None:
    got = by_mention(
        places_of("Floods cut roads across Sumatra and Java, while trainers in NSW kept their horses in.")
    )
    assert got["Sumatra"].feature == "region" and got["Java"].feature == "region" and got["Java"].lat < 0
    assert got["NSW"].name == "New South Wales" and got["NSW"].country_code == "AU"
    darfur = by_mention(places_of("Aid convoys reached the camps of Darfur after the rains."))["Darfur"]
    assert darfur.feature == "region" and 10 < darfur.lat < 17 and 21 < darfur.lon < 28


def test_a_demonym_tells_the_country_of_a_homonym(places_of) -> None:
    def salamanca(people: str) -> str:
        text = f"{people} police found the stolen truck near Salamanca on Sunday."
        return by_mention(places_of(text))["Salamanca"].country_code

    assert salamanca("Mexican") == "MX" and salamanca("Spanish") == "ES"
    assert (
        by_mention(places_of("Argentine officials met farmers in Cordoba."))["Cordoba"].country_code == "AR"
    )


def test_a_capitalised_feature_is_not_its_namesake_town_or_state(places_of) -> None:
    a = places_of(
        "Barges on the Mississippi River near Memphis waited for the water to rise. Hikers who climbed "
        "Mount Rainier and boaters on Lake Tahoe also reported a dry season."
    )
    got = by_mention(a)
    assert "Memphis" in got
    assert "Mississippi" not in got and "Rainier" not in got and "Tahoe" not in got


def test_state_abbreviations_and_hyphen_compounds(places_of) -> None:
    a = places_of(
        "A Kabul-based charity and a Texas-born singer met in Charleston, W.Va., and later in Macon, Ga., "
        "where a Pittsburgh, Pa., band joined them."
    )
    got = by_mention(a)
    assert got["Kabul"].country_code == "AF" and got["Texas"].feature == "admin1"
    assert got["Charleston"].admin1 == "West Virginia" and got["W.Va"].admin1 == "West Virginia"
    assert got["Macon"].admin1 == "Georgia" and got["Ga."].feature == "admin1"
    assert got["Pa."].admin1 == "Pennsylvania"


def test_moscow_idaho_beside_the_capital(places_of) -> None:
    idaho = by_mention(places_of("Students in Moscow, Idaho, cleared snow from the campus paths on Tuesday."))
    assert idaho["Moscow"].country_code == "US" and idaho["Moscow"].admin1 == "Idaho"
    russia = by_mention(places_of("Officials in Moscow met envoys from Beijing to discuss the pipeline."))
    assert russia["Moscow"].country_code == "RU"


def test_paris_beside_tennessee_counties(places_of) -> None:
    got = by_mention(
        places_of(
            "Storms hit Henry County and Benton County on Sunday. In Paris, the county seat, the mayor "
            "said schools would stay closed. Tennessee officials sent crews."
        )
    )
    assert got["Paris"].country_code == "US" and got["Paris"].admin1 == "Tennessee"
    assert got["Henry County"].admin1 == "Tennessee" and got["Benton County"].admin1 == "Tennessee"


def test_new_york_and_washington_the_state_or_the_city(places_of) -> None:
    state = by_mention(places_of("The governor of New York signed the budget in Albany after a long night."))
    assert state["New York"].feature == "admin1"
    city = by_mention(places_of("Tourists crowded Times Square in New York on the last night of the year."))
    assert city["New York"].feature == "city"
    west = by_mention(places_of("Wildfires spread across eastern Washington, near Spokane and Yakima."))
    assert west["Washington"].feature == "admin1"
    fires = by_mention(places_of("Fires burned in Washington state and in Oregon for a week."))
    assert fires["Washington state"].feature == "admin1"


def test_a_state_after_the_comma_beats_a_country_of_the_name(places_of) -> None:
    got = by_mention(places_of("Lebanon, New Hampshire, opened a library. Palestine, Texas, held a parade."))
    assert got["Lebanon"].country_code == "US" and got["Lebanon"].feature == "city"
    assert got["Palestine"].admin1 == "Texas"
    alone = by_mention(places_of("Shelling was reported in Lebanon and in northern Israel on Sunday."))
    assert alone["Lebanon"].feature == "country"


def test_a_list_of_states_stays_states(places_of) -> None:
    got = by_mention(places_of("Voters in Georgia, Alabama and Florida went to the polls on Tuesday."))
    assert got["Georgia"].feature == "admin1" and got["Georgia"].country_code == "US"


def test_a_town_the_model_takes_for_a_people_is_a_place(places_of) -> None:
    got = by_mention(
        places_of("Gunmen stopped a minibus on the road between Afgooye and Mogadishu on Monday.")
    )
    assert got["Afgooye"].country_code == "SO" and got["Afgooye"].feature == "city"
    assert "Kurdish" not in by_mention(places_of("Kurdish and Yazidi fighters held the ridge near Sinjar."))


def test_congo_is_the_one_the_article_places_around_it(places_of) -> None:
    east = by_mention(
        places_of(
            "Aid stalls in eastern Congo\n\nRebels took Rubaya and pushed toward Goma in North Kivu as "
            "families left Masisi. The war in eastern Congo has emptied whole valleys."
        )
    )
    assert east["Congo"].country_code == "CD"
    west = by_mention(places_of("Floods hit Congo, where the water rose in Brazzaville and Pointe-Noire."))
    assert west["Congo"].country_code == "CG"


def test_a_country_named_beside_its_neighbour_of_a_like_name_stays_itself(places_of) -> None:
    got = by_mention(places_of("Families fled Sudan for Juba and Malakal in South Sudan last week."))
    assert got["Sudan"].country_code == "SD" and got["South Sudan"].country_code == "SS"
    got = by_mention(places_of("Traders from Guinea reached Bissau and Gabu in Guinea-Bissau on Monday."))
    assert got["Guinea"].country_code == "GN" and got["Guinea-Bissau"].country_code == "GW"
    got = by_mention(places_of("Herders crossed from Niger into Kano and Katsina in northern Nigeria."))
    assert got["Niger"].country_code == "NE" and got["Nigeria"].country_code == "NG"


def test_a_town_after_a_locative_noun_is_the_town(places_of) -> None:
    got = by_mention(places_of("Artillery fell on the centre of Kupiansk in Kharkiv Oblast overnight."))
    assert got["Kupiansk"].feature == "city" and got["Kupiansk"].admin1 == "Kharkiv Oblast"
    assert got["Kharkiv Oblast"].feature == "admin1"
    alone = by_mention(places_of("Drones circled over the outskirts of Kupiansk before dawn."))
    assert alone["Kupiansk"].feature == "city"


def test_a_country_inside_a_sum_of_money_is_an_in_name_reference(places_of) -> None:
    a = places_of("The bank lent 4 billion US dollars to road builders in Astana last year.")
    refs = by_mention(a, "in_name")
    assert refs["US"].country_code == "US" and "US" not in by_mention(a)
    assert by_mention(a)["Astana"].country_code == "KZ"


def test_a_person_word_inside_an_organisation_name_is_still_an_in_name_reference(places_of) -> None:
    a = places_of(
        "Mr. Kampala Jones, the envoy, spoke first. Later the Kampala Capital City Authority closed "
        "the market."
    )
    assert by_mention(a, "in_name")["Kampala"].country_code == "UG" and "Kampala" not in by_mention(a)


def test_a_district_of_dakar_is_no_us_county(places_of) -> None:
    a = places_of(
        "Residents of Medina, a district of Dakar, marched on Sunday. Police in Senegal said the march "
        "was calm, and the US embassy closed."
    )
    got = by_mention(a)
    assert got["Dakar"].country_code == "SN"
    assert "Medina" not in got or got["Medina"].country_code == "SN"


def test_washington_beside_london_is_the_us_capital(places_of) -> None:
    got = by_mention(
        places_of("The envoy flew from Washington to London on Monday for talks with ministers.")
    )
    assert got["Washington"].country_code == "US" and got["London"].country_code == "GB"


def test_an_ocean_named_alone_is_the_ocean_no_town(places_of) -> None:
    got = by_mention(
        places_of(
            "Storms over the Atlantic delayed the ferries, while the Pacific stayed calm. Crews crossing "
            "the Atlantic Ocean were told to wait in Lisbon."
        )
    )
    assert got["Atlantic"].name == got["Atlantic Ocean"].name == "Atlantic Ocean"
    assert got["Pacific"].name == "Pacific Ocean" and got["Pacific"].feature == "region"
    assert got["Lisbon"].country_code == "PT"

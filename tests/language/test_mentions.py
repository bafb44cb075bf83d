"""Mentions in one paragraph: cleaned, split, and typed by signals stronger than the model's label."""

from __future__ import annotations

from eventwire.knowledge import load_knowledge
from eventwire.language.mentions import Candidate, PlaceHit, find_mentions
from eventwire.language.nlp import load_nlp
from eventwire.settings import Settings

LANGUAGE = load_knowledge().language

PLACES = {
    "Mariupol": PlaceHit("Mariupol"),
    "Kherson": PlaceHit("Kherson"),
    "Bucha": PlaceHit("Bucha"),
    "Irpin": PlaceHit("Irpin"),
    "Kharkiv": PlaceHit("Kharkiv"),
    "Lagos": PlaceHit("Lagos"),
}


def places(surface: str, label: str) -> PlaceHit | None:
    return PLACES.get(surface)


def mentions(text: str, offset: int = 0) -> dict[str, Candidate]:
    return {
        c.text: c
        for c in find_mentions(
            load_nlp()(text), 0, offset, LANGUAGE.entities, LANGUAGE.places, Settings(), places
        )
    }


def test_offsets_are_paragraph_start_plus_doc_offsets() -> None:
    found = mentions("Protesters marched in Lagos.", offset=100)
    lagos = found["Lagos"]
    assert (lagos.start, lagos.end) == (122, 127)


def test_org_signals_beat_the_model() -> None:
    found = mentions(
        "New photos taken by commercial firm Maxar showed the damage, a deal signed with energy giant E.ON "
        "and the Nigeria Police Force said on Monday."
    )
    for name in ("Maxar", "E.ON", "Nigeria Police Force"):
        assert found[name].label == "ORG", name


def test_acronyms_but_not_titles_or_capital_headlines() -> None:
    assert mentions("The CEO of RUSNANO spoke to NATO envoys.")["RUSNANO"].label == "ORG"
    assert "CEO" not in mentions("The CEO of RUSNANO spoke to NATO envoys.")
    assert set(mentions("TROOPS ENTER THE CITY AS NATO MEETS")) <= {"NATO"}


def test_places_the_model_called_people_or_organisations() -> None:
    found = mentions("Smoke rose over Mariupol while troops advanced near Kherson.")
    assert found["Mariupol"].label == "GPE" and found["Kherson"].label == "GPE"


def test_a_name_run_across_a_comma_is_split() -> None:
    found = mentions("The mayor of Kharkiv, Ihor Terekhov, said the city was shelled.")
    assert found["Kharkiv"].label == "GPE"
    assert (
        found["Ihor Terekhov"].label == "PERSON"
        and found["Ihor Terekhov"].roles[0].role == "mayor of Kharkiv"
    )


def test_demonyms_are_norp() -> None:
    found = mentions("Ukrainian soldiers and Russian officials met Kenyan diplomats.")
    assert {found[w].label for w in ("Ukrainian", "Russian", "Kenyan")} == {"NORP"}
    assert "Malaysian" in mentions("Key Malaysian officials met Eastern European envoys.")


def test_names_are_cleaned() -> None:
    found = mentions("He praised Boris Yeltsin’s reforms, and Dr. Amina Yusuf agreed with the Pentagon.")
    assert "Boris Yeltsin" in found and "Amina Yusuf" in found
    assert found["Pentagon"].label == "ORG"


def test_portfolios_are_not_entities() -> None:
    found = mentions("Defense Secretary Lloyd Austin met the Secretary of State in Warsaw.")
    assert "Defense" not in found and "State" not in found
    assert found["Lloyd Austin"].roles[0].role == "Defense Secretary"


def test_datelines_shouting_and_currencies_are_no_acronyms() -> None:
    found = mentions("CAIRO — Egypt agreed a loan with the IMF worth 3 billion USD, officials said.")
    assert found["IMF"].label == "ORG"
    assert "USD" not in found and found.get("CAIRO", None) is None or found["CAIRO"].label != "ORG"
    assert "ENERGY" not in mentions("Delegates met at the MARINE ENERGY WALES conference in Cardiff.")


def test_plural_organisation_heads_and_late_titles() -> None:
    found = mentions(
        "Sergeant Noloyiso Rwexana, a police spokesperson, said Military Training Schools had closed."
    )
    assert found["Military Training Schools"].label == "ORG"
    assert mentions("Shares of the carmaker Tesla fell on Monday.")["Tesla"].label == "ORG"
    person = found["Noloyiso Rwexana"]
    assert person.label == "PERSON" and [r.role for r in person.roles] == ["Sergeant", "police spokesperson"]


def test_facilities_by_their_head() -> None:
    found = mentions(
        "Shells hit Royal Street and the Kyiv International Airport, officials at the Pentagon said."
    )
    assert found["Royal Street"].label == "FAC" and found["Kyiv International Airport"].label == "FAC"
    assert found["Pentagon"].label == "ORG"


def test_facilities_the_model_called_people_but_not_people_named_like_places() -> None:
    found = mentions("Police said Jane Park and John Hall were hurt at Dubonet Drive near Hotel Kyjev.")
    assert found["Jane Park"].label == "PERSON" and found["John Hall"].label == "PERSON"
    assert found["Dubonet Drive"].label == "FAC" and found["Hotel Kyjev"].label == "FAC"


def test_photo_credits_and_company_suffixes() -> None:
    found = mentions("Protesters gather in Lagos. (Kin Cheung/AP)")
    assert found["Kin Cheung"].label == "PERSON" and found["AP"].label == "ORG"
    assert "Samsung Electronics Co., Ltd" in mentions(
        "Samsung Electronics Co., Ltd reported a loss on Monday."
    )

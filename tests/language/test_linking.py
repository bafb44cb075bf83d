"""One entity per referent: names linked across paragraphs, canonical names and types."""

from __future__ import annotations

from eventwire.knowledge import load_knowledge
from eventwire.language.linking import Cluster, link, norm
from eventwire.language.mentions import PlaceHit, find_mentions
from eventwire.language.nlp import load_nlp
from eventwire.settings import Settings

LANGUAGE = load_knowledge().language


def places(surface: str, label: str) -> PlaceHit | None:
    return {"Lagos": PlaceHit("Lagos"), "Abuja": PlaceHit("Abuja")}.get(surface)


def clusters(*paragraphs: str) -> dict[str, Cluster]:
    cands, offset = [], 0
    for i, text in enumerate(paragraphs):
        cands += find_mentions(
            load_nlp()(text), i, offset, LANGUAGE.entities, LANGUAGE.places, Settings(), places
        )
        offset += len(text) + 2
    return {cl.name: cl for cl in link(cands, LANGUAGE.entities, LANGUAGE.places)}


def test_norm() -> None:
    assert norm("U.S.") == norm("US") == "us"
    assert norm("Kyiv’s") == "kyivs"
    assert norm("Élysée  Palace") == "elysee palace"


def test_surname_joins_the_full_name() -> None:
    found = clusters(
        "Nigerian police spokesman Olumuyiwa Adejobi said 40 protesters were arrested in Lagos.",
        "Adejobi said the suspects would be charged in Abuja.",
    )
    adejobi = found["Olumuyiwa Adejobi"]
    assert adejobi.type == "PERSON" and [m.text for m in adejobi.mentions] == ["Olumuyiwa Adejobi", "Adejobi"]


def test_same_surname_goes_to_the_nearest_earlier_full_name() -> None:
    found = clusters(
        "Ed Miliband spoke in the morning.",
        "David Miliband spoke later. Miliband said the talks had failed.",
    )
    assert [m.text for m in found["David Miliband"].mentions] == ["David Miliband", "Miliband"]
    assert [m.text for m in found["Ed Miliband"].mentions] == ["Ed Miliband"]


def test_acronym_and_contained_names_join_the_organisation() -> None:
    found = clusters(
        "The World Health Organization warned of cholera, and the British Ministry of Defence sent planes.",
        "A WHO official said the Ministry of Defence had helped.",
    )
    assert {m.text for m in found["World Health Organization"].mentions} == {
        "World Health Organization",
        "WHO",
    }
    assert {m.text for m in found["British Ministry of Defence"].mentions} == {
        "British Ministry of Defence",
        "Ministry of Defence",
    }


def test_demonyms_join_by_people() -> None:
    found = clusters("Russian troops advanced.", "Many Russians protested.")
    assert found["Russian"].type == "NORP" and len(found["Russian"].mentions) == 2


def test_part_of_a_longer_full_name_is_the_same_person() -> None:
    found = clusters("Andres Manuel Lopez Obrador won the vote.", "Andrés Manuel said the result was clear.")
    assert [m.text for m in found["Andres Manuel Lopez Obrador"].mentions] == [
        "Andres Manuel Lopez Obrador",
        "Andrés Manuel",
    ]


def test_a_bare_name_used_elsewhere_as_an_organisation_is_that_organisation() -> None:
    found = clusters("Shares of Tesla fell after CEO Elon Musk sold stock.", "Musk, 51, said Tesla was fine.")
    assert found["Tesla"].type == "ORG" and len(found["Tesla"].mentions) == 2


def test_a_full_name_the_model_called_an_organisation_joins_the_person() -> None:
    found = clusters(
        "Police spokesman Olumuyiwa Adejobi said 40 people were held.",
        "Olumuyiwa Adejobi said the suspects were in custody.",
    )
    assert len(found["Olumuyiwa Adejobi"].mentions) == 2 and found["Olumuyiwa Adejobi"].type == "PERSON"

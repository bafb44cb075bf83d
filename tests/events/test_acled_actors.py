"""Actors as ACLED names them: parties only, ACLED's names, inter and interaction codes, geo precision."""

from __future__ import annotations

import pytest

from eventwire.events.acled import AcledView
from eventwire.events.parties import Parties
from eventwire.knowledge import load_knowledge
from eventwire.model import Article, Entity, Event, Evidence, Participant, Place, Size
from eventwire.settings import Settings

TYPES = {
    "remote": ("Explosions/Remote violence", "Remote explosive/landmine/IED"),
    "air": ("Explosions/Remote violence", "Air/drone strike"),
    "arrests": ("Strategic developments", "Arrests"),
    "protest": ("Protests", "Peaceful protest"),
    "riot": ("Riots", "Violent demonstration"),
    "attack": ("Violence against civilians", "Attack"),
    "clash": ("Battles", "Armed clash"),
}
PLACES = {"Diyarbakir": "TR", "Nairobi": "KE", "Lagos": "NG", "Lyon": "FR", "Minya": "EG", "Jilib": "SO"}


def _code(
    sentence: str,
    kind: str,
    actor: str | None,
    recipient: str | None = None,
    entities: tuple[tuple[str, str, str], ...] = (),
) -> Event:
    """Run the parties and ACLED steps on a one-sentence article; `entities` are (text, name, type) of
    the participants' links."""
    article = Article(text=sentence)
    for name, code in PLACES.items():
        if (at := sentence.find(name)) >= 0:
            mention = article.span(at, at + len(name))
            pid = f"p{len(article.places) + 1}"
            article.places.append(Place(pid, name, lat=1.0, lon=2.0, country_code=code, mentions=[mention]))
            article.places[-1].feature = "city"
    links = {}
    for i, (text, name, etype) in enumerate(entities, start=1):
        at = sentence.index(name if name in sentence else text)
        article.entities.append(Entity(f"e{i}", name, etype, mentions=[article.span(at, at + len(text))]))
        links[text] = (f"e{i}", name)

    def who(text: str | None) -> Participant | None:
        if text is None:
            return None
        entity, name = links.get(text, (None, None))
        return Participant(text, entity, name)

    event_type, sub = TYPES[kind]
    event = Event(
        id="ev1",
        type="PROTEST" if kind == "protest" else "COERCE" if kind == "arrests" else "ASSAULT",
        actor=who(actor),
        recipient=who(recipient),
        place=article.places[0].id if article.places else None,
        size=Size(),
        acled={"event_type": event_type, "sub_event_type": sub},
        evidence=[Evidence(0, len(sentence), sentence, 1)],
    )
    article.events.append(event)
    settings, knowledge = Settings(), load_knowledge()
    AcledView(settings, knowledge).process(Parties(settings, knowledge).process(article))
    return event


def _names(event: Event) -> tuple:
    a = event.acled
    return (a["actor1"] or {}).get("name"), (a["actor2"] or {}).get("name"), a["interaction"]


def test_an_instrument_is_no_actor_and_the_attacker_is_unidentified() -> None:
    event = _code(
        "A car bomb killed nine police officers in Diyarbakir.",
        "remote",
        "A car bomb",
        "nine police officers",
    )
    assert event.actor is None
    assert _names(event) == ("Unidentified Armed Group (Turkey)", "Police Forces of Turkey", 13)
    assert event.acled["actor2"]["text"] == "nine police officers"
    assert event.acled["disorder_type"] == "Political violence"


def test_state_forces_by_their_demonym_or_country() -> None:
    event = _code("Kenyan police detained 40 people in Nairobi.", "arrests", "Kenyan police", "40 people")
    assert _names(event) == ("Police Forces of Kenya", "Civilians (Kenya)", 17)
    assert event.acled["actor1"] == {"name": "Police Forces of Kenya", "inter": 1, "text": "Kenyan police"}


def test_a_country_acting_abroad_is_an_external_force() -> None:
    event = _code(
        "A US airstrike killed 12 al-Shabaab fighters near Jilib.", "air", "US", "12 al-Shabaab fighters",
        entities=(("US", "United States", "GPE"), ("12 al-Shabaab fighters", "al-Shabaab", "ORG")),
    )  # fmt: skip
    assert _names(event) == ("Military Forces of United States", "al-Shabaab", 28)
    assert event.acled["geo_precision"] == 2  # "near Jilib"


@pytest.mark.parametrize(
    ("sentence", "kind", "actor", "expected"),
    [
        ("Protesters marched in Lagos.", "protest", "Protesters", ("Protesters (Nigeria)", None, 60)),
        ("Youths torched cars in Lyon.", "riot", None, ("Rioters (France)", None, 50)),
        ("Dozens rallied in Lagos.", "protest", "Dozens", ("Protesters (Nigeria)", None, 60)),
    ],
)
def test_a_protest_or_riot_is_coded_as_its_crowd(
    sentence: str, kind: str, actor: str | None, expected
) -> None:
    event = _code(sentence, kind, actor)
    assert _names(event) == expected
    assert event.acled["geo_precision"] == 1


def test_a_named_organiser_is_the_crowds_associated_actor() -> None:
    event = _code(
        "Opposition Party supporters rallied in Nairobi.", "protest", "Opposition Party",
        entities=(("Opposition Party", "Opposition Party", "ORG"),),
    )  # fmt: skip
    assert _names(event)[0] == "Protesters (Kenya)"
    assert event.acled["assoc_actor_1"] == "Opposition Party"


def test_civilians_targeted() -> None:
    event = _code("Gunmen shot dead five villagers in Minya.", "attack", "Gunmen", "five villagers")
    assert _names(event) == ("Unidentified Armed Group (Egypt)", "Civilians (Egypt)", 37)
    assert event.acled["civilian_targeting"] is True


def test_a_named_group_by_its_canonical_name() -> None:
    event = _code("PKK militants clashed with soldiers in Diyarbakir.", "clash", "PKK militants", "soldiers")
    assert _names(event) == ("PKK: Kurdistan Workers Party", "Military Forces of Turkey", 12)


def test_a_place_is_no_recipient_and_a_bare_demonym_no_actor() -> None:
    event = _code(
        "Kenyan detained in Nairobi.",
        "arrests",
        "Kenyan",
        "Nairobi",
        entities=(("Nairobi", "Nairobi", "GPE"),),
    )
    assert event.actor is None and event.recipient is None
    assert _names(event) == ("Police Forces of Kenya", "Civilians (Kenya)", 17)


def test_a_demonym_link_is_dropped_when_the_actor_says_more() -> None:
    event = _code(
        "Pro-Russian separatists shelled Diyarbakir.", "clash", "Pro-Russian separatists",
        entities=(("Pro-Russian separatists", "Russian", "NORP"),),
    )  # fmt: skip
    assert event.actor == Participant("Pro-Russian separatists")
    assert _names(event)[0] == "Unidentified Armed Group (Turkey)"


def test_a_government_fights_through_its_military() -> None:
    event = _code("The government retook towns near Jilib.", "clash", "The government")
    assert _names(event)[0] == "Military Forces of Somalia"


def test_a_countrys_weapon_is_that_countrys_forces() -> None:
    event = _code(
        "Russian artillery shelled a market in Diyarbakir.", "air", "Russian artillery", "a market",
        entities=(("Russian artillery", "Russian", "NORP"),),
    )  # fmt: skip
    assert event.acled["actor1"]["name"] == "Military Forces of Russia"


@pytest.mark.parametrize("actor", ["Air defences", "army engineers", "Two warplanes"])
def test_a_force_by_its_arm_is_the_military(actor) -> None:
    event = _code(f"{actor} struck a depot near Jilib.", "air", actor)
    assert event.acled["actor1"]["name"] == "Military Forces of Somalia"


def test_engineers_alone_are_no_army() -> None:
    event = _code("Gunmen kidnapped four engineers near Jilib.", "attack", "Gunmen", "four engineers")
    assert event.acled["actor2"] is None or "Military" not in event.acled["actor2"]["name"]

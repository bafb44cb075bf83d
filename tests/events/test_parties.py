"""Parties: only parties stay an event's actor and recipient (through the whole pipeline)."""

from __future__ import annotations

import pytest

from eventwire.events.parties import Parties
from eventwire.knowledge import load_knowledge
from eventwire.model import Participant
from eventwire.settings import Settings


@pytest.mark.parametrize(
    ("text", "kind"),
    [
        ("The blast killed nine police officers in Diyarbakir.", "instrument"),
        ("Sunday saw the heaviest shelling of Kherson in weeks.", "time"),
        ("Kenyan police detained dozens in Nairobi.", "place"),
    ],
)
def test_no_instrument_time_or_town_stands_as_a_party(run_text, text, kind):
    a = run_text(text)
    parties = {p.text.lower() for e in a.events for p in (e.actor, e.recipient) if p is not None}
    assert not parties & {"the blast", "sunday", "nairobi"}, kind


def test_a_party_stays(run_text):
    (arrest,) = [e for e in run_text("Police detained six activists in Minsk.").events if e.type == "COERCE"]
    assert (arrest.actor.text, arrest.recipient.text) == ("Police", "six activists")


@pytest.fixture(scope="module")
def parties() -> Parties:
    return Parties(Settings(), load_knowledge())


@pytest.mark.parametrize(
    "text",
    [
        "Footage",  # a medium
        "our live coverage",
        "an image",
        "a higher figure",  # a figure: a number, not a person
        "the same figure",
        "their faces",  # a thing, a body part
        "cover",
        "the pitch",
        "about 70 km",  # a measure
        "a stone",  # an instrument, one of them
        "Armoured vehicles and two boats",
        "a similar march",  # an event
        "The insurgency",
        "the abduction",
        "their blockade",
        "a second round",
        "who",  # nobody the text names
        "500 million naira",
        "the hills",  # a place
        "a 40 percent pay rise",  # what is asked for
        "the windows",
        "a heavy blow",
        "Shelling last week",  # a time
    ],
)
def test_no_medium_figure_thing_measure_or_event_is_a_party(parties, run_text, text):
    article = run_text("Nothing happened.")
    for actor in (True, False):
        assert parties.party(Participant(text=text), article, actor=actor) is None, (text, actor)


def test_a_person_called_a_figure_stays(parties, run_text):
    article = run_text("Nothing happened.")
    who = Participant(text="a senior opposition figure")
    assert parties.party(who, article, actor=False) == who


def test_an_event_of_a_named_party_stands_for_it(parties, run_text):
    article = run_text("Nothing happened.")
    who = Participant(text="a meeting of the Arab League", entity="e9", name="Arab League")
    assert parties.party(who, article, actor=False) == who


def test_what_is_struck_is_a_target_not_an_attacker(parties, run_text):
    article = run_text("Nothing happened.")
    assert parties.party(Participant(text="The convoy"), article, actor=True) is None
    target = Participant(text="a police convoy")
    assert parties.party(target, article, actor=False) == target


def test_a_live_blog_time_or_a_dateline_town_is_no_part_of_the_actor(run_text):
    a = run_text("Live updates\n\n14:10 - Police detained four men near the bus station in Gulu.")
    (arrest,) = [e for e in a.events if e.type == "COERCE"]
    assert arrest.actor.text == "Police"
    assert arrest.actor.name in (None, "Police")

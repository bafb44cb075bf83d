"""The event-type model inside the pipeline: it finds events the lexicon has no trigger for, drops other
senses, gives the ACLED view and the confidence, and can be switched off."""

from __future__ import annotations

import pytest

from eventwire.events.typed import sub_event_mode
from eventwire.knowledge import load_knowledge
from eventwire.model import RawArticle, Source
from eventwire.settings import Settings
from eventwire.stages import article_pipeline


def _subs(article) -> list[str]:
    return [e.acled["sub_event_type"] for e in article.events if e.acled]


def test_an_event_the_lexicon_has_no_trigger_for_comes_from_the_clause(run_text) -> None:
    article = run_text("Militants lobbed a grenade at a police post in Quetta on Tuesday.", "2024-05-02")
    (event,) = [e for e in article.events if e.acled]
    assert event.type == "ASSAULT" and event.acled["sub_event_type"] == "Grenade"
    assert event.actor is not None and event.actor.text == "Militants"
    assert "event_types." in event.extractor
    for ev in event.evidence:
        assert article.text[ev.start : ev.end] == ev.text


def test_the_model_gives_acled_distinctions_the_types_cannot(run_text) -> None:
    peaceful = run_text(
        "Hundreds of nurses marched peacefully to the health ministry in Nairobi.", "2024-05-02"
    )
    dispersed = run_text("Police fired tear gas to disperse the marchers in Nairobi.", "2024-05-02")
    assert _subs(peaceful) == ["Peaceful protest"]
    assert "Protest with intervention" in _subs(dispersed)


def _run(settings: Settings, text: str):
    pipe = article_pipeline(settings, load_knowledge())
    pipe.setup()
    (outcome,) = list(pipe.run_many([RawArticle(text=text, source=Source(path="x"), published="2024-05-02")]))
    assert outcome.ok
    return outcome.item


def test_another_sense_of_a_trigger_is_no_event_when_the_model_finds_none() -> None:
    text = "The striker attacked the goal twice before half-time."
    assert _run(Settings(event_model=False), text).events
    assert _run(Settings(event_model_drop=0.15), text).events == []


def test_confidence_is_the_models_probability(run_text) -> None:
    article = run_text(
        "A suicide bomber blew himself up at a checkpoint in Kabul, killing six guards.", "2024-05-02"
    )
    assert article.events and all(0.0 < e.confidence <= 0.95 for e in article.events)
    assert max(e.confidence for e in article.events) >= 0.6


def test_the_model_can_be_switched_off() -> None:
    article = _run(Settings(event_model=False), "Soldiers shot dead two smugglers near the border in Sonora.")
    assert article.events
    assert all("event_types." not in e.extractor for e in article.events)


def test_a_sub_event_type_gives_its_mode() -> None:
    acled = load_knowledge().acled
    assert sub_event_mode("ASSAULT", "Air/drone strike", acled) == "aerial"
    assert sub_event_mode("COERCE", "Arrests", acled) == "arrest"
    assert sub_event_mode("CONSULT", "Arrests", acled) is None


def test_the_model_adds_no_event_the_lexicon_saw_negated(run_text):
    a = run_text("Four traders were abducted on Monday.\n\nNo arrests have been made.")
    assert not [e for e in a.events if e.type == "COERCE"]


def test_people_seized_are_abducted_and_weapons_seized_are_seized(run_text):
    a = run_text("Gunmen seized four mine workers from a bus.\n\nSoldiers seized a cache of rifles.")
    assert {(e.type, e.mode) for e in a.events} >= {("ASSAULT", "abduct"), ("COERCE", "seize")}


def test_a_strike_that_workers_hold_or_extend_is_a_labour_strike(run_text):
    a = run_text("Teachers' strike enters second week\n\nThe union voted to extend the strike nationwide.")
    assert [e.mode for e in a.events if e.type == "PROTEST"] == ["strike"]


def test_asking_not_to_be_named_is_no_request(run_text):
    a = run_text(
        "A doctor, who asked not to be named, said the ward was full.\n\n"
        "The mayor asked residents to stay indoors."
    )
    assert [e.actor.text for e in a.events if e.type == "REQUEST"] == ["The mayor"]


@pytest.mark.parametrize(
    "text",
    ["Police said no one was arrested.", "No protesters were detained.", "Students were beating drums."],
)
def test_negated_or_other_senses_report_no_event(run_text, text):
    assert not [e for e in run_text(text).events if e.type in ("COERCE", "ASSAULT")]


def test_what_someone_is_to_stop_is_no_event_but_what_they_stopped_was(run_text):
    assert not [e for e in run_text("Each side undertook to stop air strikes.").events if e.type == "ASSAULT"]
    assert [e.type for e in run_text("Police halted the march in Dakar.").events] == ["PROTEST"]


def test_the_model_adds_no_event_in_a_witnesss_own_words(run_text):
    a = run_text("\u201cWe saw soldiers carrying their friends to another vehicle,\u201d said a driver.")
    assert a.events == []


def test_a_model_event_counts_what_the_lexicon_sense_of_its_word_counts(run_text):
    (attack,) = [e for e in run_text("Grenade hurled at police post in Narathiwat, four hurt").events]
    assert attack.type == "ASSAULT" and attack.size.injured == 4


def test_an_event_the_model_is_sure_is_not_the_sentences_acled_event_gets_no_acled_view() -> None:
    text = "A man threw a grenade at an army vehicle on patrol in Srinagar, wounding two soldiers."
    coded = {e.type: e.acled for e in _run(Settings(), text).events}
    assert coded["ASSAULT"]["sub_event_type"] == "Grenade"
    assert coded["MOBILIZE"] is None  # the patrol: the rules alone code it
    assert _subs(_run(Settings(event_model_acled_sure=2.0), text)) == ["Change to group/activity", "Grenade"]
    remembered = "The 1994 shelling of Sarajevo's market is remembered every February."
    assert _subs(_run(Settings(), remembered)) == []

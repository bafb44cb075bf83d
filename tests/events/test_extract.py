"""Event extraction: triggers, participants, place, date, status and size, on real-style news sentences."""

from __future__ import annotations

import pytest

from eventwire.errors import EventwireError
from eventwire.events.extract import ExtractEvents
from eventwire.knowledge import load_knowledge
from eventwire.knowledge import plover as ontology
from eventwire.model import Article, Event, RawArticle, Source
from eventwire.settings import Settings
from eventwire.stages import article_pipeline


def _events(article: Article, event_type: str) -> list[Event]:
    return [e for e in article.events if e.type == event_type]


def _place(article: Article, event: Event) -> str | None:
    return next((p.name for p in article.places if p.id == event.place), None)


def test_protest_in_nigeria(run_text):
    a = run_text("Thousands of people protested in Abuja on Saturday against rising fuel prices.")
    (ev,) = _events(a, "PROTEST")
    assert ev.mode == "demo"
    assert _place(a, ev) == "Abuja"
    assert ev.date == "2022-03-19" and ev.date_precision == "day"
    assert ev.size.count and ev.size.count >= 1000
    assert ev.status == "occurred"


def test_arrests_in_hong_kong(run_text):
    a = run_text("Hong Kong police arrested six pro-democracy activists on Friday.")
    (ev,) = _events(a, "COERCE")
    assert ev.mode == "arrest"
    assert "police" in ev.actor.text
    assert "activists" in ev.recipient.text
    assert ev.size.arrested == 6
    assert ev.date == "2022-03-18"


def test_airstrike_in_yemen_counts_the_dead(run_text):
    a = run_text("An airstrike killed at least 12 civilians in Sanaa on Tuesday.")
    (ev,) = _events(a, "ASSAULT")
    assert ev.mode == "aerial"
    assert ev.size.dead == 12
    assert ev.place is not None
    assert ev.date == "2022-03-22"


def test_expulsion_actor_recipient_and_count(run_text):
    a = run_text("Germany has announced the expulsion of 40 Russian diplomats.")
    (ev,) = _events(a, "SANCTION")
    assert (ev.mode, ev.actor.text, ev.size.count) == ("expel", "Germany", 40)
    assert "diplomats" in ev.recipient.text
    assert "diplomatic" in ev.context


def test_resignation_has_no_time_as_recipient(run_text):
    a = run_text("The prime minister of Peru resigned on Thursday.")
    (ev,) = _events(a, "RETREAT")
    assert ev.mode == "resign" and ev.recipient is None
    assert ev.date == "2022-03-17"


@pytest.mark.parametrize(
    ("text", "event_type"),
    [
        ("France will impose new sanctions on Iran next week, the foreign minister said.", "SANCTION"),
        ("The Indian prime minister is expected to visit Nepal next month.", "CONSULT"),
        ("Kenya's president is scheduled to meet opposition leaders in Nairobi.", "CONSULT"),
    ],
)
def test_future_events_are_expected(run_text, text, event_type):
    (ev,) = _events(run_text(text), event_type)
    assert ev.status == "expected"


def test_background_is_historical(run_text):
    a = run_text("In 2015, the finance minister resigned over a corruption scandal.")
    (ev,) = _events(a, "RETREAT")
    assert ev.status == "historical" and ev.date == "2015"


def _run_with(settings: Settings, text: str) -> Article:
    pipeline = article_pipeline(settings, load_knowledge())
    pipeline.setup()
    return pipeline.run(RawArticle(text=text, source=Source(path="test.txt"), published="2022-03-23"))


def test_historical_days_is_a_setting():
    text = "The finance minister resigned on March 1 over a corruption scandal."
    (recent,) = _events(_run_with(Settings(), text), "RETREAT")
    (old,) = _events(_run_with(Settings(event_historical_days=10), text), "RETREAT")
    assert (recent.date, recent.status, old.status) == ("2022-03-01", "occurred", "historical")


def test_confidence_weights_are_settings():
    text = "Soldiers killed two suspected smugglers near the border."
    (plain,) = _events(_run_with(Settings(), text), "ASSAULT")
    (ev,) = _events(_run_with(Settings(event_confidence_actor=0.0), text), "ASSAULT")
    assert ev.actor is not None
    assert round(plain.confidence - ev.confidence, 2) == Settings().event_confidence_actor


def test_overnight_dates_the_night_before_publication(run_text):
    a = run_text("Rebels shelled the town of Marib overnight.")
    (ev,) = _events(a, "ASSAULT")
    assert (ev.date, ev.date_precision) == ("2022-03-22", "day")


LEAD = "Aid agencies met in Geneva to discuss the harvest.\n\nThe talks lasted three hours."


@pytest.mark.parametrize(
    "text",
    [
        "Soldiers killed two suspected smugglers near the border, officials said.",
        "Gunmen have killed four traders near the border.",
    ],
)
def test_the_news_itself_is_dated_to_the_publication_day(run_text, text):
    (ev,) = _events(run_text(text), "ASSAULT")
    assert (ev.date, ev.date_precision) == ("2022-03-23", "day")


def test_a_past_event_told_later_in_the_article_gets_the_publication_month(run_text):
    text = f"{LEAD}\n\nOne delegate recalled it.\n\nSoldiers killed two suspected smugglers near the border."
    (ev,) = _events(run_text(text), "ASSAULT")
    assert (ev.date, ev.date_precision) == ("2022-03", "month")


@pytest.mark.parametrize(
    "text",
    [
        "The army will attack the rebels near the border.",
        "Leaders met in Dakar after soldiers killed two smugglers near the border.",
    ],
)
def test_an_expected_or_background_event_is_not_dated_to_the_publication_day(run_text, text):
    (ev,) = _events(run_text(text), "ASSAULT")
    assert (ev.date, ev.date_precision) == ("2022-03", "month")


@pytest.mark.parametrize(
    "text",
    [
        "Floods killed more than 1,000 people in Sindh province.",
        "Police did not arrest anyone at the rally in Lagos.",
        "The army tried to capture the airport.",
    ],
)
def test_no_event_for_disasters_negation_or_attempts(run_text, text):
    a = run_text(text)
    assert not _events(a, "ASSAULT") and not _events(a, "COERCE")


def test_threat_content_is_not_an_event(run_text):
    a = run_text("The president threatened to expel the UN peacekeeping mission.")
    assert [(e.type, e.mode) for e in a.events] == [("THREATEN", "expel")]
    (threat,) = run_text("Hamas threatened to attack Israeli towns.").events
    assert (threat.type, threat.mode, threat.recipient.text) == ("THREATEN", "violence", "Israeli towns")


def test_one_sentence_many_places(run_text):
    a = run_text(
        "Officials reported shelling in several regions during the night, with three civilians killed in "
        "Kharkiv and a school destroyed in Sumy."
    )
    places = {_place(a, e) for e in _events(a, "ASSAULT")}
    assert {"Kharkiv", "Sumy"} <= places
    killed = next(e for e in _events(a, "ASSAULT") if _place(a, e) == "Kharkiv")
    assert killed.size.dead == 3 and killed.date == "2022-03-22"


def test_place_from_the_paragraph_before(run_text):
    a = run_text("Protesters gathered in Goma on Monday.\n\nPolice later arrested 40 people in the city.")
    (ev,) = _events(a, "COERCE")
    assert _place(a, ev) == "Goma"


def test_every_event_is_plover_with_evidence(seed):
    assert seed.events
    for ev in seed.events:
        assert ontology.is_valid(ev.type, ev.mode)
        assert all(ontology.is_context(c) for c in ev.context)
        assert ev.evidence and all(seed.text[s.start : s.end] == s.text for s in ev.evidence)
        assert 0 < ev.confidence <= 1 and ev.extractor
    assert len({e.id for e in seed.events}) == len(seed.events)


def test_seed_expulsion_and_resignation(seed):
    expel = [e for e in _events(seed, "SANCTION") if e.mode == "expel"]
    assert any(e.actor and e.actor.text == "Poland" and e.size.count == 45 for e in expel)
    resign = [e for e in _events(seed, "RETREAT") if e.actor and e.actor.name == "Anatoly Chubais"]
    assert any(e.status == "occurred" for e in resign)


@pytest.mark.parametrize(
    ("event_type", "text"),
    [
        ("AGREE", "Ethiopia and Eritrea agreed on Sunday to reopen their border crossings."),
        ("CONSULT", "Nigeria's president met opposition leaders in Abuja on Tuesday."),
        ("SUPPORT", "Kenya and Somalia signed a security pact in Nairobi on Friday."),
        ("CONCEDE", "Sri Lanka lifted a nationwide curfew on Saturday."),
        ("COOPERATE", "Thailand extradited a suspected arms dealer to the United States."),
        ("AID", "The World Food Programme delivered food aid to flood victims in Sindh province."),
        ("RETREAT", "Houthi rebels released 14 prisoners in Sanaa on Thursday."),
        ("REQUEST", "The United Nations urged both sides to respect the ceasefire."),
        ("ACCUSE", "Amnesty International accused Myanmar's military of burning villages in Rakhine state."),
        ("REJECT", "Beijing rejected the report as interference in China's internal affairs."),
        ("THREATEN", "The junta threatened to arrest journalists who report on the protests."),
        ("PROTEST", "Farmers blocked roads around Islamabad on Monday."),
        ("SANCTION", "The European Union imposed sanctions on six Belarusian officials."),
        ("MOBILIZE", "India deployed 5,000 troops to Manipur after clashes."),
        ("COERCE", "Authorities imposed a curfew in Kaduna on Friday."),
        ("ASSAULT", "Gunmen attacked a church in Ondo state on Sunday, killing at least 40 worshippers."),
    ],
)
def test_each_plover_type(run_text, event_type, text):
    a = run_text(text)
    assert event_type in {e.type for e in a.events}
    top = max(a.events, key=lambda e: e.confidence)
    assert top.type == event_type


def test_transfer_recipient_and_topic_mentions(run_text):
    a = run_text("The junta threatened to arrest journalists who report on the protests.")
    assert [e.type for e in a.events] == ["THREATEN"]
    (aid,) = _events(run_text("Japan gave emergency aid to Sri Lanka on Monday."), "AID")
    assert (aid.actor.text, aid.recipient.text) == ("Japan", "Sri Lanka")


def test_counted_crowd_is_the_actor(run_text):
    a = run_text("Hundreds of students protested outside parliament in Dhaka on Wednesday.")
    (ev,) = _events(a, "PROTEST")
    assert ev.actor.text == "Hundreds of students"


def test_weapon_is_no_actor(run_text):
    a = run_text("A Saudi-led airstrike hit a wedding in Yemen's Hajjah province, killing 20 people.")
    (ev,) = _events(a, "ASSAULT")
    assert ev.actor.text == "Saudi-led" and ev.size.dead == 20 and ev.mode == "aerial"


@pytest.mark.parametrize(
    "text",
    [
        "Floodwaters have killed at least 30 people in Sindh, officials said. "
        "Meteorologists warned that more heavy rain was expected.",
        "The United Nations warned of famine in southern Madagascar.",
        "Cholera has killed 40 people in Malawi since January.",
    ],
)
def test_nature_is_no_assailant_and_no_threat(run_text, text):
    assert not run_text(text).events


def test_documenting_a_killing_is_not_killing(run_text):
    a = run_text("Amnesty International said it had documented the killing of 12 protesters in Khartoum.")
    (ev,) = _events(a, "ASSAULT")
    assert ev.actor is None and ev.size.dead == 12
    assert ("Amnesty International", "assert") in {(c.speaker, c.stance) for c in ev.claims}


def test_must_in_a_statement_is_a_request(run_text):
    a = run_text("Russia said on Tuesday that Sudan must return the helicopter.")
    top = max(a.events, key=lambda e: e.confidence)
    assert (top.type, top.actor.text, top.recipient.text) == ("REQUEST", "Russia", "Sudan")


@pytest.mark.parametrize(
    ("text", "event_type"),
    [
        ("Iraq's interim government said it is prepared to impose martial law.", "THREATEN"),
        ("Syria says it is ready to cooperate with the inspectors.", "AGREE"),
        ("Teachers began a four-day strike on Monday.", "PROTEST"),
        ("Israeli strikes on Gaza killed 14 people on Friday.", "ASSAULT"),
    ],
)
def test_willingness_and_strikes_by_their_content(run_text, text, event_type):
    top = max(run_text(text).events, key=lambda e: e.confidence)
    assert top.type == event_type


def test_unparsed_article_is_a_coded_error():
    with pytest.raises(EventwireError) as err:
        ExtractEvents(Settings(), load_knowledge()).process(Article(text="Police arrested six activists."))
    assert err.value.code == "EW401"


@pytest.mark.parametrize(
    ("text", "event_type", "party"),
    [
        # a thing is handed over, lifted or demanded; the party is named in a preposition
        ("The army lifted a curfew in Kano on Monday.", "CONCEDE", "Kano"),
        ("The union demanded higher wages from the Kenyan government.", "REQUEST", "Kenyan government"),
        # the party is inside the object: an act's "of" object, a call's "by" agent
        ("The opposition demanded the withdrawal of Ethiopian troops.", "REQUEST", "Ethiopian troops"),
        ("Spain rejected calls by Morocco for new talks.", "REJECT", "Morocco"),
        # the party is in the infinitive a verb governs
        ("Ghana threatened to cut off power supplies to Togo.", "THREATEN", "Togo"),
    ],
)
def test_recipient_is_a_party_not_a_thing(run_text, text, event_type, party):
    a = run_text(text)
    ev = _events(a, event_type)[0]
    assert party in ev.recipient.text


def test_meeting_topic_is_no_recipient(run_text):
    a = run_text("The president flew to Geneva for a summit on climate change.")
    assert all(e.recipient is None or "climate" not in e.recipient.text for e in a.events)


@pytest.mark.parametrize(
    ("text", "event_type"),
    [
        # harm on a condition is a threat (manual: THREATEN is ASSAULT + hypothetical)
        ("The rebels said they would attack the capital unless the army withdrew.", "THREATEN"),
        ("Turkey will impose sanctions on Syria if the attacks continue.", "THREATEN"),
        # coercion or protest announced by its doer is a threat
        ("The teachers' union said it would boycott the exams.", "THREATEN"),
        ("The government plans to impose a curfew in the northern region.", "THREATEN"),
        # an announced retreat is a concession (manual, RETREAT)
        ("Kenya said it would withdraw its troops from Somalia.", "CONCEDE"),
        # announced sanctions stay sanctions; a forecast by others is no threat
        ("The European Union said it would impose sanctions on Belarus.", "SANCTION"),
        ("Police will arrest the protesters, officials said.", "COERCE"),
    ],
)
def test_announced_future_action(run_text, text, event_type):
    a = run_text(text)
    assert max(a.events, key=lambda e: e.confidence).type == event_type


def test_recipient_of_a_noun_trigger_in_its_verbs_preposition(run_text):
    a = run_text("The European Union said it would impose sanctions on Belarus.")
    (ev,) = _events(a, "SANCTION")
    assert ev.recipient.text == "Belarus"


@pytest.mark.parametrize(
    "text",
    [
        "Norway suspended part of its development aid program for Malawi.",
        "Kenya ended its mediation efforts between the two clans.",
        "Canada cut its aid to the military government.",
    ],
)
def test_ending_or_reducing_cooperation_is_a_sanction(run_text, text):
    a = run_text(text)
    assert [e.type for e in a.events] == ["SANCTION"]


def test_attempted_assassination_is_an_assault(run_text):
    a = run_text("Gunmen tried to assassinate the governor of Kandahar on Sunday.")
    assert [e.type for e in a.events] == ["ASSAULT"]


def test_attempt_at_other_actions_is_no_event(run_text):
    a = run_text("The opposition tried to organize a protest in Minsk.")
    assert not _events(a, "PROTEST")


def test_allowing_others_to_act_is_a_concession(run_text):
    a = run_text("The junta allowed foreign journalists to enter the northern region on Monday.")
    (ev,) = _events(a, "CONCEDE")
    assert ev.actor.text == "The junta"
    assert "journalists" in ev.recipient.text


def test_allowed_protest_is_the_concession_content_not_a_protest(run_text):
    a = run_text("The governor allowed the opposition to hold a rally in the capital.")
    assert [e.type for e in a.events] == ["CONCEDE"]


@pytest.mark.parametrize(
    ("text", "party"),
    [
        ("The miners threatened to strike unless the Zambian government raised wages.", "Zambian government"),
        ("Egypt refused to meet the Ethiopian delegation in Cairo.", "Ethiopian delegation"),
        ("The donors agreed to provide emergency aid for Malawi.", "Malawi"),
    ],
)
def test_recipient_of_a_threat_or_of_what_is_refused_or_agreed(run_text, text, party):
    a = run_text(text)
    ev = max(a.events, key=lambda e: e.confidence)
    assert party in ev.recipient.text


def test_denied_act_victims_are_no_recipient_of_the_denial(run_text):
    a = run_text("The army denies targeting civilians.")
    (ev,) = _events(a, "REJECT")
    assert ev.recipient is None


def test_protest_target_before_protest_place(run_text):
    a = run_text("Students staged rallies in Nairobi against President Kenyatta on Monday.")
    (ev,) = _events(a, "PROTEST")
    assert "Kenyatta" in ev.recipient.text


@pytest.mark.parametrize(
    "text",
    [
        "A court in Lima ordered the former minister to appear for questioning.",
        "Donors pressed the government to release the detained journalists.",
        "The teachers' union is pushing for higher wages.",
    ],
)
def test_orders_and_pressure_are_requests(run_text, text):
    a = run_text(text)
    assert [e.type for e in a.events] == ["REQUEST"]


def test_evacuating_the_wounded_is_aid_not_an_assault(run_text):
    a = run_text("Army helicopters evacuated the wounded from the flooded town of Beledweyne on Friday.")
    assert [e.type for e in a.events] == ["AID"]


def test_participant_keeps_the_name_after_of(run_text):
    a = run_text("Rebels shelled the town of Kidal on Monday.")
    (ev,) = _events(a, "ASSAULT")
    assert ev.recipient.text == "the town of Kidal"


def test_an_unplaced_event_takes_the_datelines_town(run_text):
    a = run_text(
        "Teachers march in the capital\n\nCAIRO — Riot police fired tear gas at teachers on Tuesday."
    )
    places = {p.id: p.name for p in a.places}
    assert [places.get(e.place) for e in a.events if e.type == "ASSAULT"] == ["Cairo"]


def test_the_outskirts_of_a_town_place_the_event_there(run_text):
    a = run_text(
        "A car bomb killed 7 officers on the outskirts of Dera Ismail Khan, in Pakistan's northwest."
    )
    places = {p.id: p.name for p in a.places}
    assert [places.get(e.place) for e in a.events if e.type == "ASSAULT"] == ["Dera Ismail Khan"]


def test_a_cumulative_toll_is_an_ongoing_span_to_the_report_not_a_days_event(run_text):
    a = run_text(
        "Gunmen killed 12 villagers on Saturday night.\n\n"
        "At least 180 people have been killed in the state since May 3, officials said.",
        published="2023-10-15",
    )
    (toll,) = [e for e in a.events if e.size.dead == 180]
    assert (toll.date, toll.date_end, toll.status) == ("2023-05-03", "2023-10-15", "ongoing")
    assert [e.size.dead for e in a.events if e.status == "occurred"] == [12]


def test_a_tables_header_row_is_no_event(pipeline):
    table = "| Province | Dead | Missing |\n|---|---|---|\n| Dorran | 19 | 12 |\n| Leyth | 11 | 3 |"
    text = "\n\n".join(["Flood toll by province", "The agency published the figures on Monday.", table])
    a = pipeline.run(
        RawArticle(text=text, source=Source(path="t.html", format="html"), published="2024-05-02")
    )
    assert any(p.kind == "table" for p in a.paragraphs)
    table_start = next(p.start for p in a.paragraphs if p.kind == "table")
    assert not [e for e in a.events if any(ev.start >= table_start for ev in e.evidence)]

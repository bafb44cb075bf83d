"""The ACLED view: each of the 25 sub-event types from real-style news sentences."""

from __future__ import annotations

import pytest

from eventwire.events.acled import AcledView, classify
from eventwire.knowledge import load_knowledge
from eventwire.model import Article, Event, Evidence, Participant, Size
from eventwire.settings import Settings

ACLED = load_knowledge().acled

B, E, V, P, R, S = (
    "Battles",
    "Explosions/Remote violence",
    "Violence against civilians",
    "Protests",
    "Riots",
    "Strategic developments",
)

# sentence, PLOVER type, mode, actor, recipient, dead, expected (event type, sub-event type)
CASES = [
    (
        "Government troops and Al-Shabaab fighters clashed for hours near Afgooye on Tuesday.",
        "ASSAULT",
        "firearms",
        "Government troops",
        "Al-Shabaab fighters",
        None,
        (B, "Armed clash"),
    ),
    (
        "Rebels ambushed an army patrol outside Beni, killing three soldiers.",
        "ASSAULT",
        None,
        "Rebels",
        "an army patrol",
        3,
        (B, "Armed clash"),
    ),
    (
        "The Nigerian army said it had recaptured the town of Gwoza from Boko Haram.",
        "ASSAULT",
        None,
        "The Nigerian army",
        "Boko Haram",
        None,
        (B, "Government regains territory"),
    ),
    (
        "Taliban fighters captured the city of Kunduz after a two-day offensive.",
        "ASSAULT",
        None,
        "Taliban fighters",
        None,
        None,
        (B, "Non-state actor overtakes territory"),
    ),
    (
        "Syrian government forces used chlorine gas against the rebel-held district, inspectors said.",
        "ASSAULT",
        "unconventional",
        "Syrian government forces",
        None,
        None,
        (E, "Chemical weapon"),
    ),
    (
        "A Saudi-led coalition air strike hit a wedding party in Hajjah, killing 20 civilians.",
        "ASSAULT",
        None,
        "A Saudi-led coalition",
        "a wedding party",
        20,
        (E, "Air/drone strike"),
    ),
    (
        "A US drone killed two suspected militants in North Waziristan.",
        "ASSAULT",
        "drone",
        "A US drone",
        "two suspected militants",
        2,
        (E, "Air/drone strike"),
    ),
    (
        "A suicide bomber blew himself up at a checkpoint in Kabul, killing six police officers.",
        "ASSAULT",
        None,
        "A suicide bomber",
        "six police officers",
        6,
        (E, "Suicide bomb"),
    ),
    (
        "Overnight shelling killed two civilians in the village of Kutuzivka.",
        "ASSAULT",
        None,
        None,
        "two civilians",
        2,
        (E, "Shelling/artillery/missile attack"),
    ),
    (
        "Russian forces fired cruise missiles at an airfield near Lviv.",
        "ASSAULT",
        None,
        "Russian forces",
        "an airfield",
        None,
        (E, "Shelling/artillery/missile attack"),
    ),
    (
        "A roadside bomb struck a military convoy near Gao, wounding four soldiers.",
        "ASSAULT",
        None,
        None,
        "a military convoy",
        None,
        (E, "Remote explosive/landmine/IED"),
    ),
    (
        "A child was killed when he stepped on a landmine while herding goats.",
        "ASSAULT",
        "explosives",
        None,
        "A child",
        1,
        (E, "Remote explosive/landmine/IED"),
    ),
    (
        "Unknown assailants threw a grenade into a bar in Bujumbura, injuring 12 people.",
        "ASSAULT",
        None,
        "Unknown assailants",
        "a bar",
        None,
        (E, "Grenade"),
    ),
    (
        "Militiamen raped at least 15 women in the village, a UN report said.",
        "ASSAULT",
        "sexual",
        "Militiamen",
        "at least 15 women",
        None,
        (V, "Sexual violence"),
    ),
    (
        "Gunmen shot dead a village chief and his wife in Zamfara State.",
        "ASSAULT",
        "firearms",
        "Gunmen",
        "a village chief and his wife",
        2,
        (V, "Attack"),
    ),
    (
        "Bandits abducted 40 students from a boarding school in Kebbi State.",
        "ASSAULT",
        "abduct",
        "Bandits",
        "40 students",
        None,
        (V, "Abduction/forced disappearance"),
    ),
    (
        "Armed men detained the journalist at his home and have not released him.",
        "COERCE",
        "arrest",
        "Armed men",
        "the journalist",
        None,
        (V, "Abduction/forced disappearance"),
    ),
    (
        "Thousands of teachers marched peacefully through Nairobi to demand higher pay.",
        "PROTEST",
        "demo",
        "Thousands of teachers",
        None,
        None,
        (P, "Peaceful protest"),
    ),
    (
        "Police fired tear gas to disperse hundreds of protesters outside parliament in Accra.",
        "PROTEST",
        "demo",
        "hundreds of protesters",
        None,
        None,
        (P, "Protest with intervention"),
    ),
    (
        "Security forces opened fire on demonstrators in Khartoum, killing at least seven.",
        "ASSAULT",
        "firearms",
        "Security forces",
        "demonstrators",
        7,
        (P, "Excessive force against protesters"),
    ),
    (
        "Rioters torched cars and threw stones at police in the suburbs of Paris.",
        "PROTEST",
        "riot",
        "Rioters",
        "police",
        None,
        (R, "Violent demonstration"),
    ),
    (
        "A mob lynched a man accused of blasphemy in Sialkot.",
        "ASSAULT",
        "beat",
        "A mob",
        "a man",
        1,
        (R, "Mob violence"),
    ),
    (
        "The government and the ELN rebels signed a ceasefire in Havana.",
        "AGREE",
        None,
        "The government",
        "the ELN rebels",
        None,
        (S, "Agreement"),
    ),
    (
        "Police arrested the opposition leader at his home in Kampala.",
        "COERCE",
        "arrest",
        "Police",
        "the opposition leader",
        None,
        (S, "Arrests"),
    ),
    (
        "The army deployed reinforcements to the northern border region.",
        "MOBILIZE",
        "troops",
        "The army",
        None,
        None,
        (S, "Change to group/activity"),
    ),
    (
        "Ukrainian air defences intercepted two drones over Kyiv overnight.",
        "ASSAULT",
        None,
        "Ukrainian air defences",
        "two drones",
        None,
        (S, "Disrupted weapons use"),
    ),
    (
        "Police defused a bomb planted near a market in Maiduguri.",
        "COERCE",
        None,
        "Police",
        "a bomb",
        None,
        (S, "Disrupted weapons use"),
    ),
    (
        "The militia established a new base in the hills above the town.",
        "MOBILIZE",
        "militia",
        "The militia",
        None,
        None,
        (S, "Headquarters or base established"),
    ),
    (
        "Armed groups looted shops and burned down the market in Bangui.",
        "ASSAULT",
        "destroy",
        "Armed groups",
        "shops",
        None,
        (S, "Looting/property destruction"),
    ),
    (
        "Government troops withdrew from the town, handing it over to local elders.",
        "RETREAT",
        "withdraw",
        "Government troops",
        None,
        None,
        (S, "Non-violent transfer of territory"),
    ),
    (
        "Authorities imposed a curfew across Addis Ababa after the unrest.",
        "COERCE",
        "curfew",
        "Authorities",
        None,
        None,
        (S, "Other"),
    ),
]


def _event(
    sentence: str,
    event_type: str,
    mode: str | None,
    actor: str | None,
    recipient: str | None,
    dead: int | None,
) -> tuple[Article, Event]:
    article = Article(text=sentence)
    event = Event(
        id="ev1",
        type=event_type,
        mode=mode,
        actor=Participant(actor) if actor else None,
        recipient=Participant(recipient) if recipient else None,
        size=Size(dead=dead),
        evidence=[Evidence(0, len(sentence), sentence, 0)],
    )
    article.events.append(event)
    return article, event


@pytest.mark.parametrize(("sentence", "etype", "mode", "actor", "recipient", "dead", "expected"), CASES)
def test_sub_event_types(sentence, etype, mode, actor, recipient, dead, expected):
    article, event = _event(sentence, etype, mode, actor, recipient, dead)
    AcledView(Settings(), load_knowledge()).process(article)
    assert (event.acled["event_type"], event.acled["sub_event_type"]) == expected


def test_every_sub_event_type_is_covered():
    data = load_knowledge().acled
    assert len(data.types) == 6
    assert sum(len(subs) for subs in data.types.values()) == 25
    assert {c[-1] for c in CASES} == {(t, s) for t, subs in data.types.items() for s in subs}


@pytest.mark.parametrize(
    ("sentence", "etype"),
    [
        ("Biden will meet NATO leaders in Brussels on Thursday.", "CONSULT"),
        ("Poland expelled 45 Russian diplomats suspected of spying.", "SANCTION"),
        ("The EU condemned the crackdown on the opposition.", "ACCUSE"),
    ],
)
def test_events_acled_does_not_code(sentence, etype):
    _, event = _event(sentence, etype, None, None, None, None)
    assert classify(event, ACLED) is None


def test_protest_boycott_is_not_a_demonstration():
    _, event = _event(
        "Shop owners boycotted French goods across the city.", "PROTEST", "boycott", None, None, None
    )
    assert classify(event, ACLED) is None


def test_the_recipients_own_words_are_not_the_weapon():
    sentence = "Ukrainian soldiers destroyed a Russian rocket launcher in fighting near Kyiv."
    _, event = _event(sentence, "ASSAULT", "destroy", "Ukrainian soldiers", "a Russian rocket launcher", None)
    assert classify(event, ACLED) == {"event_type": "Battles", "sub_event_type": "Armed clash"}


def test_a_country_as_recipient_is_an_armed_party():
    sentence = "Azerbaijan attacked Armenia along the border overnight."
    _, event = _event(sentence, "ASSAULT", None, "Azerbaijan", "Armenia", None)
    event.recipient.entity = "e2"
    assert classify(event, ACLED, frozenset({"e2"})) == {
        "event_type": "Battles",
        "sub_event_type": "Armed clash",
    }
    assert classify(event, ACLED) == {"event_type": "Violence against civilians", "sub_event_type": "Attack"}


THROUGH_PIPELINE = {
    "Armed clash",
    "Government regains territory",
    "Non-state actor overtakes territory",
    "Air/drone strike",
    "Suicide bomb",
    "Remote explosive/landmine/IED",
    "Attack",
    "Peaceful protest",
    "Excessive force against protesters",
    "Violent demonstration",
    "Arrests",
    "Change to group/activity",
    "Non-violent transfer of territory",
}


@pytest.mark.parametrize(("text", "expected"), [(c[0], c[-1]) for c in CASES if c[-1][1] in THROUGH_PIPELINE])
def test_through_the_pipeline(run_text, text, expected):
    article = run_text(text)
    views = {(e.acled["event_type"], e.acled["sub_event_type"]) for e in article.events if e.acled}
    assert expected in views, [(e.type, e.mode, e.acled) for e in article.events]


@pytest.mark.parametrize(
    ("sentence", "actor", "recipient"),
    [
        (
            "Floodwaters have killed at least 30 people in Pakistan's southern Sindh province.",
            "Floodwaters",
            "30 people",
        ),
        (
            "Since mid-June, monsoon floods have killed more than 900 people across the country.",
            None,
            "900 people",
        ),
        (
            "A 6.8-magnitude earthquake killed 12 people in the Atlas mountains.",
            "A 6.8-magnitude earthquake",
            None,
        ),
    ],
)
def test_disasters_are_not_political_violence(sentence, actor, recipient):
    _, event = _event(sentence, "ASSAULT", None, actor, recipient, 30)
    assert classify(event, ACLED) is None


def test_what_is_only_expected_is_not_coded():
    _, event = _event(
        "Thousands are expected to march in Nairobi on Friday.", "PROTEST", "demo", None, None, None
    )
    event.status = "expected"
    assert classify(event, ACLED) is None
    event.status = "historical"
    assert classify(event, ACLED) == {"event_type": P, "sub_event_type": "Peaceful protest"}


def test_the_events_own_mode_decides_between_weapons_in_one_sentence():
    sentence = "Gunmen shot dead three villagers as artillery shelling continued nearby."
    _, event = _event(sentence, "ASSAULT", "firearms", "Gunmen", "three villagers", 3)
    assert classify(event, ACLED) == {"event_type": V, "sub_event_type": "Attack"}
    _, event = _event(sentence, "ASSAULT", "heavy-weapons", None, None, None)
    assert classify(event, ACLED) == {"event_type": E, "sub_event_type": "Shelling/artillery/missile attack"}


def test_an_arrest_for_looting_is_an_arrest():
    sentence = "Police said the 37 people detained would be charged with looting shops."
    _, event = _event(sentence, "COERCE", "arrest", "Police", "the 37 people", None)
    assert classify(event, ACLED) == {"event_type": S, "sub_event_type": "Arrests"}


def test_party_supporters_clashing_with_police_riot():
    sentence = "Party supporters clashed with police near the party headquarters in Dhaka."
    _, event = _event(sentence, "ASSAULT", None, "Party supporters", "police", None)
    assert classify(event, ACLED) == {"event_type": R, "sub_event_type": "Violent demonstration"}

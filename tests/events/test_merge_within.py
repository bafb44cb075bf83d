"""Merging within an article: one event per happening, with every span that tells it."""

from __future__ import annotations

from eventwire.events.merge_within import merge_within
from eventwire.knowledge import load_knowledge
from eventwire.model import Article, Event, Evidence, Paragraph, Participant, Size
from eventwire.settings import Settings


def merge(article: Article) -> Article:
    return merge_within(article, load_knowledge().language, Settings())


def _article(paragraphs: list[tuple[str, str]], events: list[Event]) -> Article:
    text, paras, start = "", [], 0
    for i, (kind, body) in enumerate(paragraphs):
        text += ("\n\n" if i else "") + body
        start = len(text) - len(body)
        paras.append(Paragraph(i, kind, start, len(text), [i]))
    return Article(text=text, paragraphs=paras, events=events)


def _event(eid: str, article_text: str, para: Paragraph, **fields) -> Event:
    span = Evidence(para.start, para.end, article_text[para.start : para.end], para.index)
    return Event(id=eid, evidence=[span], **fields)


def _build(paragraphs: list[tuple[str, str]], specs: list[dict]) -> Article:
    a = _article(paragraphs, [])
    a.events = [_event(f"ev{i + 1}", a.text, a.paragraphs[s.pop("para")], **s) for i, s in enumerate(specs)]
    return a


def test_headline_and_lede_become_one_event():
    chubais = Participant(text="Chubais", entity="e1", name="Anatoly Chubais")
    a = _build(
        [
            ("title", "Kremlin envoy Chubais resigns"),
            ("body", "Chubais resigned on Wednesday, the Kremlin said."),
        ],
        [
            {
                "para": 0,
                "type": "RETREAT",
                "mode": "resign",
                "actor": chubais,
                "date": "2022-03",
                "date_precision": "month",
            },
            {
                "para": 1,
                "type": "RETREAT",
                "mode": "resign",
                "actor": chubais,
                "date": "2022-03-23",
                "date_precision": "day",
            },
        ],
    )
    (ev,) = merge(a).events
    assert [s.paragraph for s in ev.evidence] == [0, 1]
    assert (ev.id, ev.date, ev.date_precision) == ("ev1", "2022-03-23", "day")


def test_conflicting_sizes_or_dates_stay_apart():
    a = _build(
        [
            ("body", "Gunmen killed five people in Zamfara on Monday."),
            ("body", "Gunmen killed nine in Zamfara."),
        ],
        [
            {"para": 0, "type": "ASSAULT", "place": "p1", "size": Size(dead=5), "date": "2022-03-21"},
            {"para": 1, "type": "ASSAULT", "place": "p1", "size": Size(dead=9), "date": "2022-03"},
        ],
    )
    assert len(merge(a).events) == 2


def test_far_apart_body_events_need_more_than_one_shared_actor():
    russia = Participant(text="Russia", entity="e2", name="Russia")
    paragraphs = [("body", "Talks went on.")] * 12
    paragraphs[1] = ("body", "Russia denied striking the theater.")
    paragraphs[11] = ("body", "Moscow rejected all accusations of espionage against its diplomats.")
    a = _build(
        paragraphs,
        [
            {"para": 1, "type": "REJECT", "actor": russia},
            {"para": 11, "type": "REJECT", "actor": russia},
        ],
    )
    assert len(merge(a).events) == 2


def test_caption_retelling_body_merges_by_text(run_text):
    a = run_text(
        "Police in Lagos arrested 23 protesters on Monday.\n\n"
        "The 23 protesters were arrested by police in Lagos on Monday after a march on the governor's office."
    )
    arrests = [e for e in a.events if e.type == "COERCE"]
    assert len(arrests) == 1
    assert len(arrests[0].evidence) == 2 and arrests[0].size.arrested == 23


def test_separate_days_stay_separate(run_text):
    a = run_text("Rebels shelled Marib on Monday.\n\nRebels shelled Marib on Wednesday.")
    assert sorted(e.date for e in a.events if e.type == "ASSAULT") == ["2022-03-21", "2022-03-23"]


def test_seed_resignation_told_many_times_is_one_event(seed):
    resign = [
        e
        for e in seed.events
        if e.type == "RETREAT" and e.status == "occurred" and e.actor and e.actor.name == "Anatoly Chubais"
    ]
    assert len(resign) == 1 and len(resign[0].evidence) >= 4


def test_definite_noun_points_back(run_text):
    a = run_text(
        "Police in Hong Kong arrested 53 activists on Wednesday.\n\n"
        "The city's security chief defended the operation.\n\n"
        "Rights groups condemned the arrests."
    )
    (arrest,) = [e for e in a.events if e.type == "COERCE"]
    assert len(arrest.evidence) == 2 and arrest.size.arrested == 53
    assert any(e.type == "ACCUSE" and e.actor.text == "Rights groups" for e in a.events)


DIYARBAKIR = (
    "Car bomb kills nine police officers in Diyarbakir\n\n"
    "A car bomb killed nine police officers and wounded 30 in south-eastern Turkey, officials said.\n\n"
    "The blast hit a bus carrying officers in the centre of Diyarbakir. Four suspects have been detained.\n\n"
    "The explosion came a week after another attack killed 20 people in Ankara."
)


def test_one_bombing_told_in_headline_lede_and_by_the_blast_is_one_event_in_its_town(run_text):
    a = run_text(DIYARBAKIR, published="2024-05-17")
    bombings = [e for e in a.events if e.type == "ASSAULT"]
    places = {p.id: p for p in a.places}
    main = next(e for e in bombings if e.size.dead == 9)
    assert places[main.place].name.startswith("Diyarbak")
    assert (main.date, main.date_precision, main.size.injured) == ("2024-05-17", "day", 30)
    assert len(main.evidence) >= 2
    assert main.actor is None or "bomb" not in main.actor.text.lower() or main.actor.text != "The blast"
    ankara = [e for e in bombings if e.size.dead == 20]
    assert len(ankara) == 1 and ankara[0] is not main
    assert [e.size.arrested for e in a.events if e.type == "COERCE"] == [4]


def test_a_toll_told_alone_joins_the_event_before_it_and_the_lower_figure_is_kept(run_text):
    a = run_text(
        "Gunmen killed 7 officers at a checkpoint in Dera Ismail Khan on Monday, police said.\n\n"
        "A doctor said 9 bodies had been brought in, among them a fruit seller.",
        published="2025-03-11",
    )
    (attack,) = [e for e in a.events if e.type == "ASSAULT"]
    assert attack.size.dead == 7 and len(attack.evidence) == 2
    (flag,) = [f for f in a.flags if f.kind == "conflicting-count"]
    assert "7" in flag.message and "9" in flag.message


def test_two_towns_of_one_province_stay_two_events(run_text):
    a = run_text(
        "Fighting in North Kordofan\n\n"
        "Paramilitary fighters attacked army positions in Bara on Saturday.\n\n"
        "A drone struck the airport in El Obeid on Saturday."
    )
    places = {p.id: p.name for p in a.places}
    attacks = [e for e in a.events if e.type == "ASSAULT"]
    assert len({places.get(e.place) for e in attacks}) == len(attacks) >= 2


def test_a_later_mention_joins_the_nearest_telling_not_the_first(run_text):
    a = run_text(
        "Guided bomb hits Kupiansk\n\n"
        "Russian shelling killed 4 people in Kherson on Sunday, officials said.\n\n"
        "Russian troops shelled the city again in the evening, the mayor said.",
        published="2024-08-04",
    )
    places = {p.id: p.name for p in a.places}
    (kherson,) = [e for e in a.events if e.type == "ASSAULT" and places.get(e.place) == "Kherson"]
    assert any("again" in ev.text for ev in kherson.evidence)


def test_a_stated_figure_beats_a_vague_words(run_text):
    text = (
        "A suicide bomber blew herself up in a market in Konduga on Saturday, killing 9 people and "
        "wounding dozens of traders, police said.\n\n"
        "The emergency agency said 23 wounded people had been taken to hospitals in Konduga."
    )
    (bombing,) = [e for e in run_text(text, published="2025-07-13").events if e.type == "ASSAULT"]
    assert (bombing.size.dead, bombing.size.injured) == (9, 23)


def test_a_suicide_attack_told_as_an_explosion_is_one_event(run_text):
    text = (
        "KONDUGA, Nigeria — A suicide bomber blew herself up in the market of Konduga on Saturday, killing "
        "9 people.\n\n"
        "The woman walked into the crowded market shortly before noon and detonated explosives hidden under "
        "her clothing, police said."
    )
    attacks = [e for e in run_text(text, published="2025-07-13").events if e.type == "ASSAULT"]
    assert len(attacks) == 1 and attacks[0].mode == "suicide-attack"


def test_what_a_war_has_killed_joins_no_attack(run_text):
    text = (
        "A car bomb killed 9 people in Konduga on Saturday.\n\n"
        "Konduga has been hit before during the insurgency, which has killed tens of thousands of people."
    )
    attacks = [e for e in run_text(text, published="2025-07-13").events if e.type == "ASSAULT"]
    assert sorted((e.status, e.size.dead) for e in attacks) == [("occurred", 9), ("ongoing", 10000)]


def test_a_pronoun_is_the_weakest_actor():
    mob = Participant(text="a mob")
    they = Participant(text="They", entity="e4", name="Kurigram")
    a = _build(
        [
            ("body", "A man was beaten to death by a mob in Savar."),
            ("body", "They killed him like an animal."),
        ],
        [
            {"para": 0, "type": "ASSAULT", "actor": mob, "status": "occurred"},
            {"para": 1, "type": "ASSAULT", "actor": they, "status": "occurred"},
        ],
    )
    (event,) = merge(a).events
    assert event.actor.text == "a mob"


def test_a_vague_figure_after_a_qualifier_is_still_vague(run_text):
    text = (
        "Police detained about a dozen protesters in Mardan on Tuesday, a police officer said.\n\n"
        "Residents were angry.\n\n"
        "Police later said 30 protesters had been detained in Mardan on Tuesday."
    )
    arrests = [e for e in run_text(text, published="2025-09-24").events if e.type == "COERCE"]
    assert [e.size.arrested for e in arrests] == [30]


def test_a_headlines_figure_yields_to_the_bodys(run_text):
    a = run_text(
        "Gunmen kill two guards at clinic in Maiduguri\n\n"
        "Gunmen killed two guards and a nurse at a clinic in Maiduguri on Monday, police said.",
        published="2025-06-10",
    )
    (attack,) = [e for e in a.events if e.type == "ASSAULT"]
    assert attack.size.dead == 3 and len(attack.evidence) == 2


LIVE_BLOG = (
    "LIVE: Car bomb hits Jarabulus market\n\n"
    "Follow our coverage of the bombing in the town of Jarabulus.\n\n"
    "09:10 - A powerful explosion has hit the vegetable market in the centre of Jarabulus.\n\n"
    "11:20 - Rescuers now say 6 people were killed and about 20 wounded.\n\n"
    "13:05 - No group has said it was behind the attack.\n\n"
    "16:10 - It is the second car bombing in Jarabulus this year. A blast near a checkpoint killed three "
    "people in January."
)


def test_a_year_the_text_gives_does_not_replace_a_reports_day(run_text):
    a = run_text(LIVE_BLOG, published="2025-02-16")
    attacks = [e for e in a.events if e.type == "ASSAULT"]
    (today,) = [e for e in attacks if any("now say 6" in x.text for x in e.evidence)]
    assert today.date == "2025-02-16"
    (january,) = [e for e in attacks if e.date == "2025-01"]
    assert [x.text for x in january.evidence] == ["A blast near a checkpoint killed three people in January."]


def test_a_toll_raised_later_replaces_the_first(run_text):
    a = run_text(
        LIVE_BLOG.replace(
            "13:05 - No group has said it was behind the attack.",
            "13:05 - The health office has raised the toll: 11 people have now died and 33 were wounded.",
        ),
        published="2025-02-16",
    )
    (today,) = [e for e in a.events if e.type == "ASSAULT" and any("now say 6" in x.text for x in e.evidence)]
    assert (today.size.dead, today.size.injured) == (11, 33)

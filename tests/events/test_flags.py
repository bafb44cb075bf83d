"""Flags: contradictions (offices, tolls, dates) and unresolved dates and places, each with evidence."""

from __future__ import annotations

from eventwire.events.flags import Flags
from eventwire.knowledge import load_knowledge
from eventwire.model import Article, Entity, Event, Evidence, Place, Quantity, TimeExpr
from eventwire.settings import Settings


def _flags(article: Article) -> list:
    Flags(Settings(), load_knowledge()).process(article)
    article.check()
    return article.flags


def _at(text: str, part: str, start: int = 0) -> tuple[int, int]:
    i = text.index(part, start)
    return i, i + len(part)


def test_seed_headline_spokesman_contradicts_body(seed):
    flags = [f for f in seed.flags if f.kind == "contradiction" and "spokesman" in f.message]
    assert flags, [f.message for f in seed.flags]
    message = flags[0].message
    assert "Chubais" in message and "Peskov" in message
    assert {e.text for e in flags[0].evidence} >= {"Kremlin spokesman Dmitry Peskov"}


def test_two_white_house_press_secretaries(run_text):
    text = (
        "White House press secretary Karine Jean-Pierre said the talks would resume on Monday.\n\n"
        "Biden's press secretary Jen Psaki told reporters that US President Joe Biden had not decided."
    )
    article = run_text(text)
    flags = [f for f in article.flags if f.kind == "contradiction"]
    assert len(flags) == 1
    assert "Jean-Pierre" in flags[0].message and "Psaki" in flags[0].message
    assert all(article.text[e.start : e.end] == e.text for e in flags[0].evidence)


def test_different_countries_and_former_holders_are_no_contradiction(run_text):
    text = (
        "Russian President Vladimir Putin met Turkish President Recep Tayyip Erdogan in Sochi on Friday.\n\n"
        "Former Russian President Dmitry Medvedev said the talks were useful."
    )
    assert not [f for f in run_text(text).flags if f.kind == "contradiction"]


def _toll_article(first: str, second: str, q1: str, q2: str) -> Article:
    """One car bombing told in two paragraphs, each giving a figure (q1 first, q2 second)."""
    text = f"A car bomb {first} in Mogadishu on Saturday.\n\nPolice said the blast in Mogadishu {second}."
    article = Article(text=text)
    first_para, second_para = text.split("\n\n")
    s2 = text.index(second_para)
    article.events.append(
        Event(
            id="ev1",
            type="ASSAULT",
            evidence=[
                Evidence(0, len(first_para), first_para, 0),
                Evidence(s2, s2 + len(second_para), second_para, 1),
            ],
        )
    )
    for phrase, offset in ((q1, 0), (q2, s2)):
        start, end = _at(text, phrase, offset)
        qualifier = "at least" if phrase.startswith("at least") else "exact"
        value = int(next(w for w in phrase.split() if w.isdigit()))
        article.quantities.append(Quantity(start, end, phrase, value, "person", qualifier))
    return article


def test_two_death_tolls_for_one_event():
    flags = _flags(_toll_article("killed 12 people", "killed 9 people", "12 people", "9 people"))
    assert [f.kind for f in flags] == ["conflicting-count"]
    assert "12 people" in flags[0].message
    assert "12 people" in flags[0].message and "9 people" in flags[0].message
    assert [e.text for e in flags[0].evidence] == ["12 people", "9 people"]


def test_a_rising_or_approximate_toll_is_no_conflict_but_a_lower_bound_from_another_source_is():
    assert _flags(
        _toll_article("killed 12 people", "killed at least 9 people", "12 people", "at least 9 people")
    )
    rising = _toll_article(
        "killed 9 people", "has killed 12 people as the toll rose", "9 people", "12 people"
    )
    assert not _flags(rising)


def test_weekday_that_does_not_fall_on_the_date():
    text = "The summit opened on Monday, March 22, in Brussels."
    start, end = _at(text, "March 22")
    article = Article(text=text, published="2022-03-23")
    article.times.append(
        TimeExpr(start, end, text[start:end], "2022-03-22", "day", ["2022-03-22", "2022-03-22"])
    )
    flags = _flags(article)
    assert [f.kind for f in flags] == ["contradiction"]
    assert flags[0].evidence[0].text == "Monday, March 22"
    assert "Tuesday" in flags[0].message


def test_one_event_on_two_days():
    text = "Rebels attacked the base on Tuesday.\n\nThe attack on the base on Thursday killed no one."
    article = Article(text=text, published="2022-03-25")
    t1, t2 = _at(text, "Tuesday"), _at(text, "Thursday")
    article.times += [
        TimeExpr(*t1, "Tuesday", "2022-03-22", "day", ["2022-03-22", "2022-03-22"]),
        TimeExpr(*t2, "Thursday", "2022-03-24", "day", ["2022-03-24", "2022-03-24"]),
    ]
    first, second = text.split("\n\n")
    s2 = text.index(second)
    article.events.append(
        Event(
            id="ev1",
            type="ASSAULT",
            evidence=[Evidence(0, len(first), first, 0), Evidence(s2, s2 + len(second), second, 1)],
        )
    )
    flags = _flags(article)
    assert len(flags) == 1 and "2022-03-22" in flags[0].message and "2022-03-24" in flags[0].message


def test_unresolved_date_without_publication_date():
    text = "Thousands marched through Lagos last week to protest fuel prices."
    start, end = _at(text, "last week")
    article = Article(text=text, published=None)
    article.times.append(TimeExpr(start, end, "last week", None, "week", None))
    flags = _flags(article)
    assert [f.kind for f in flags] == ["unresolved-date"]
    assert "no publication date" in flags[0].message and flags[0].evidence[0].text == "last week"


def test_unresolved_place():
    text = "Floods swept through Kot Addu and Multan, officials said."
    article = Article(text=text)
    kot, multan = article.span(*_at(text, "Kot Addu")), article.span(*_at(text, "Multan"))
    article.entities += [
        Entity("e1", "Kot Addu", "GPE", mentions=[kot]),
        Entity("e2", "Multan", "GPE", mentions=[multan]),
    ]
    article.places.append(Place("p1", "Multan", geonameid=1169825, lat=30.2, lon=71.5, mentions=[multan]))
    article.events.append(Event(id="ev1", type="ASSAULT", evidence=[Evidence(0, len(text), text, 0)]))
    flags = _flags(article)
    assert [f.kind for f in flags] == ["unresolved-place"]
    assert "Kot Addu" in flags[0].message and flags[0].evidence[0].text == "Kot Addu"


def test_a_capital_standing_for_its_government_is_no_unresolved_place():
    text = "Moscow said it had expelled the diplomats."
    article = Article(text=text)
    moscow = article.span(*_at(text, "Moscow"))
    actor_use = {"start": moscow.start, "end": moscow.end, "text": moscow.text}
    article.entities.append(
        Entity("e1", "Moscow", "GPE", attributes={"actor_mentions": [actor_use]}, mentions=[moscow])
    )
    article.events.append(Event(id="ev1", type="SANCTION", evidence=[Evidence(0, len(text), text, 0)]))
    assert _flags(article) == []


def test_one_unresolved_date_flag_per_article_without_publication_date():
    text = "Police fire tear gas at protesters on Thursday\n\nPolice fired tear gas at marchers on Thursday."
    article = Article(text=text, published=None)
    for start in (text.index("Thursday"), text.rindex("Thursday")):
        article.times.append(TimeExpr(start, start + 8, "Thursday", None, "day", None))
    flags = _flags(article)
    assert len(flags) == 1 and len(flags[0].evidence) == 2
    assert flags[0].message.count("Thursday") == 1


def test_tolls_across_headline_and_body(run_text):
    text = (
        "Car bomb kills 12 in Mogadishu\n\n"
        "A car bomb killed nine people at a checkpoint in Mogadishu on Saturday, police said.\n\n"
        "The blast in Mogadishu killed 15 people, a hospital official said."
    )
    a = run_text(text, published="2021-03-24")
    flags = [f for f in a.flags if f.kind == "conflicting-count"]
    assert len(flags) == 1, [f.message for f in flags]
    assert {e.text for e in flags[0].evidence} >= {"nine people", "15 people"}
    (bombing,) = [e for e in a.events if e.type == "ASSAULT"]
    assert bombing.size.dead == 9 and len(bombing.evidence) == 3


def test_another_attack_is_not_a_retelling(run_text):
    text = (
        "A car bomb killed nine people at a checkpoint in Mogadishu on Saturday, police said.\n\n"
        "Another bomb in Mogadishu killed three soldiers on Saturday."
    )
    assert not [f for f in run_text(text, published="2021-03-24").flags if f.kind == "conflicting-count"]


def test_two_arrest_counts_for_one_operation_are_flagged(run_text):
    text = (
        "Police detain teachers in Dakar\n\n"
        "Riot police in Dakar detained 23 people on Tuesday, a police statement said. Lawyers for the "
        "teachers said 41 people were being held in Dakar."
    )
    flags = [f for f in run_text(text, published="2026-01-20").flags if f.kind == "conflicting-count"]
    assert len(flags) == 1 and "23" in flags[0].message and "41" in flags[0].message


def test_a_higher_toll_told_in_the_next_sentence_is_flagged(run_text):
    a = run_text(
        "Armed men attacked the village of Kasenyi on Tuesday, killing civilians in their homes.\n\n"
        "The army said 12 civilians were killed in the attack on Kasenyi. A local chief gave a higher toll, "
        "saying residents had buried 20 bodies by Wednesday.",
        published="2025-06-12",
    )
    (flag,) = [f for f in a.flags if f.kind == "conflicting-count"]
    assert "12" in flag.message and "20" in flag.message


def test_a_part_of_the_dead_is_no_other_toll(run_text):
    a = run_text(
        "Gunmen killed 12 villagers in Kasenyi on Tuesday, the army said. Two of the dead were children.",
        published="2025-06-12",
    )
    assert not [f for f in a.flags if f.kind == "conflicting-count"]


def test_a_toll_from_other_sources_in_the_next_paragraph_is_flagged(run_text):
    a = run_text(
        "Rebels ambush army convoy near Koro\n\n"
        "KORO, Mali — Rebel fighters ambushed an army supply convoy near Koro on Sunday, the army said.\n\n"
        "The army said 8 soldiers and militiamen were killed in the ambush.\n\n"
        "Two local officials, who asked not to be named, said the toll was far higher. "
        '"We have buried 19 bodies," one of them said.',
        published="2024-10-07",
    )
    (flag,) = [f for f in a.flags if f.kind == "conflicting-count"]
    assert "8" in flag.message and "19" in flag.message


def test_a_vague_figure_is_no_other_toll(run_text):
    a = run_text(
        "Police detain protesters in Thies\n\n"
        "Police in Thies detained dozens of demonstrators on Monday, witnesses said.\n\n"
        "A police statement said 31 demonstrators had been arrested in Thies.",
        published="2026-01-20",
    )
    assert not [f for f in a.flags if f.kind == "conflicting-count" and "dozens" in f.message]

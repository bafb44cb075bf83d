"""Metonymy: a place name used as an actor is not a place."""

from __future__ import annotations

import pytest

from eventwire.knowledge import load_knowledge
from eventwire.language.metonymy import dateline, is_metonymic, is_seat_of_government
from eventwire.language.nlp import load_nlp

WORDS = load_knowledge().language.entities


def mention(sentence: str, name: str):
    doc = load_nlp()(sentence)
    start = sentence.index(name)
    return doc.char_span(start, start + len(name))


@pytest.mark.parametrize(
    ("sentence", "name"),
    [
        ("Moscow says its goal is to disarm its neighbour.", "Moscow"),
        ("Washington warned Beijing against any move on Taiwan.", "Washington"),
        ("Washington warned Beijing against any move on Taiwan.", "Beijing"),
        ("The town is now back under Kyiv's control.", "Kyiv"),
        ("In a bid to isolate Tehran, the ministers agreed on new measures.", "Tehran"),
        ("Ankara rejected the proposal on Monday.", "Ankara"),
        ("The convoy was stopped by Hungary at the border.", "Hungary"),
        ("Brazil's government announced a freeze on spending.", "Brazil"),
    ],
)
def test_actor_uses(sentence: str, name: str) -> None:
    assert is_metonymic(mention(sentence, name), WORDS)


@pytest.mark.parametrize(
    ("sentence", "name"),
    [
        ("Heavy snow fell in Denver on Monday.", "Denver"),
        ("Biden will also visit Poland next week.", "Poland"),
        ("A school in Kyiv was destroyed by shelling.", "Kyiv"),
        ("Ukraine's 44 million people face a hard winter.", "Ukraine"),
        ("Floods hit Pakistan after weeks of rain.", "Pakistan"),
        ("The mayor of Lagos said the roads were closed.", "Lagos"),
        ("Mariupol suffered the most.", "Mariupol"),
    ],
)
def test_place_uses(sentence: str, name: str) -> None:
    assert not is_metonymic(mention(sentence, name), WORDS)


def test_ordinary_towns_act_only_when_they_speak() -> None:
    span = mention("Springfield launched a new bus line.", "Springfield")
    assert is_metonymic(span, WORDS, political=True)
    assert not is_metonymic(span, WORDS, political=False)
    assert is_metonymic(
        mention("Springfield said the line would open in May.", "Springfield"), WORDS, political=False
    )


def test_seats_of_government() -> None:
    assert is_seat_of_government("the Kremlin", WORDS)
    assert is_seat_of_government("White House", WORDS)
    assert not is_seat_of_government("Red Square", WORDS)
    assert is_metonymic(
        mention("The Kremlin stepped up pressure on critics.", "Kremlin"), WORDS, political=False
    )


def test_a_hyphenated_town_opens_a_dateline() -> None:
    text = "PORT-AU-PRINCE, Haiti (Agency) — Gang members attacked a prison."
    assert dateline(mention(text, "PRINCE")) and not dateline(mention(text, "Gang members"))


@pytest.mark.parametrize(
    ("text", "name"),
    [
        ("SOUTH WAZIRISTAN, April 5 (APP): Two soldiers died when a mine went off.", "WAZIRISTAN"),
        ("KABUL, March 3 (Reuters) - A bus overturned near the pass on Friday.", "KABUL"),
        ("GAROWE, May 9, 2024 (Agency) — Traders shut their shops.", "GAROWE"),
        ("NAIROBI, Kenya — Police dispersed the crowd.", "NAIROBI"),
        ("Kabul (AP) — A bus overturned near the pass.", "Kabul"),
        ("MARDAN: Police opened fire on a crowd.", "MARDAN"),
    ],
)
def test_a_dateline_with_or_without_a_date(text: str, name: str) -> None:
    assert dateline(mention(text, name))


def test_a_sentence_with_numbers_is_no_dateline() -> None:
    text = "Rebels in Garowe killed 5 (officials said) on Monday."
    assert not dateline(mention(text, "Garowe"))

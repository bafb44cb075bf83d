"""Roles, titles and ages read from the parse around a name."""

from __future__ import annotations

import pytest
from spacy.tokens import Span

from eventwire.knowledge import load_knowledge
from eventwire.language.nlp import load_nlp
from eventwire.language.roles import apposition_roles, lexical_age, predicate_role, premodifier_role
from eventwire.settings import Settings

WORDS = load_knowledge().language.entities
SETTINGS = Settings()


def name_in(sentence: str, name: str) -> Span:
    doc = load_nlp()(sentence)
    start = sentence.index(name)
    span = doc.char_span(start, start + len(name))
    assert span is not None
    return span


@pytest.mark.parametrize(
    ("sentence", "name", "role", "of"),
    [
        ("Kremlin spokesman Dmitry Peskov confirmed the news.", "Dmitry Peskov", "Kremlin spokesman", None),
        (
            "Nigerian police spokesman Olumuyiwa Adejobi said 40 were held.",
            "Olumuyiwa Adejobi",
            "Nigerian police spokesman",
            None,
        ),
        (
            "Pakistan's Prime Minister Shehbaz Sharif visited Sindh.",
            "Shehbaz Sharif",
            "Prime Minister",
            "Pakistan",
        ),
        (
            "Hong Kong's Security Secretary Chris Tang said so.",
            "Chris Tang",
            "Security Secretary",
            "Hong Kong",
        ),
        ("He met US Secretary of State Antony Blinken.", "Antony Blinken", "US Secretary of State", None),
        ("She met Minister of Defence Ben Wallace.", "Ben Wallace", "Minister of Defence", None),
    ],
)
def test_premodifier_roles(sentence: str, name: str, role: str, of: str | None) -> None:
    found = premodifier_role(name_in(sentence, name).doc, name_in(sentence, name), WORDS, SETTINGS)
    assert found is not None and found.role == role and found.of == of and found.how == "premodifier"
    assert sentence[found.start : found.end] == role


def test_former_titles_are_marked() -> None:
    span = name_in("The delegation met former US President Donald Trump in New York.", "Donald Trump")
    found = premodifier_role(span.doc, span, WORDS, SETTINGS)
    assert found is not None and found.role == "former US President" and found.former


def test_no_role_without_a_title() -> None:
    span = name_in("Kremlin veteran Anatoly Chubais left Russia.", "Anatoly Chubais")
    assert premodifier_role(span.doc, span, WORDS, SETTINGS) is None


def test_apposition_after_the_name_drops_possessor_and_dates() -> None:
    sentence = "Maria Lopez, the governor's chief adviser on water policy since 2019, resigned on Monday."
    span = name_in(sentence, "Maria Lopez")
    roles, age = apposition_roles(span.doc, span, WORDS, SETTINGS)
    assert [r.role for r in roles] == ["chief adviser on water policy"] and roles[0].of == "the governor"
    assert age is None


def test_apposition_before_the_name_with_an_age() -> None:
    sentence = "The 62-year-old mayor of Kharkiv, Ihor Terekhov, said the city was shelled."
    span = name_in(sentence, "Ihor Terekhov")
    roles, _ = apposition_roles(span.doc, span, WORDS, SETTINGS)
    assert [(r.role, r.age) for r in roles] == [("mayor of Kharkiv", 62)]


@pytest.mark.parametrize(
    ("sentence", "name", "age"),
    [
        ("Officials said Wanjiru, 34, was released.", "Wanjiru", 34),
        ("Police said Tomas Novak, aged 19, was detained.", "Tomas Novak", 19),
        ("The 45-year-old Amina Yusuf was freed on Friday.", "Amina Yusuf", 45),
        ("Officials said Wanjiru, 2021, was a hard year.", "Wanjiru", None),
    ],
)
def test_ages(sentence: str, name: str, age: int | None) -> None:
    span = name_in(sentence, name)
    assert lexical_age(span.doc, span, WORDS, SETTINGS) == age


def test_hyphenated_titles_stay_whole() -> None:
    sentence = "Jean-Pierre Bemba, 60, a former Congolese vice-president, returned to Kinshasa."
    span = name_in(sentence, "Jean-Pierre Bemba")
    roles, age = apposition_roles(span.doc, span, WORDS, SETTINGS)
    assert [r.role for r in roles] == ["former Congolese vice-president"] and roles[0].former and age == 60


def test_age_in_an_apposition_without_a_title() -> None:
    sentence = "“We lost everything,” said Ghulam Rasool, a 54-year-old farmer sheltering outside Dadu."
    span = name_in(sentence, "Ghulam Rasool")
    roles, age = apposition_roles(span.doc, span, WORDS, SETTINGS)
    assert age == 54 and [r.role for r in roles] == ["farmer"]


@pytest.mark.parametrize(
    ("sentence", "name", "role", "former"),
    [
        (
            "Maria Lopez was appointed chief executive of the bank in 2019.",
            "Maria Lopez",
            "chief executive of the bank",
            False,
        ),
        ("John Kamau is the governor of Nairobi.", "John Kamau", "governor of Nairobi", False),
        ("Amina Yusuf served as finance minister until 2020.", "Amina Yusuf", "finance minister", True),
        (
            "Tom Ford was named special envoy for climate on Monday.",
            "Tom Ford",
            "special envoy for climate",
            False,
        ),
    ],
)
def test_predicate_roles(sentence: str, name: str, role: str, former: bool) -> None:
    span = name_in(sentence, name)
    found = predicate_role(span.doc, span, WORDS, SETTINGS)
    assert found is not None and (found.role, found.former, found.how) == (role, former, "predicate")


@pytest.mark.parametrize(
    "sentence",
    ["Anatoly Chubais became the first senior official to step down.", "Jane Doe is not the president."],
)
def test_no_predicate_role_for_descriptions_or_negations(sentence: str) -> None:
    span = name_in(sentence, sentence.split(" is")[0].split(" became")[0])
    assert predicate_role(span.doc, span, WORDS, SETTINGS) is None

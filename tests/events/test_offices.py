"""Offices read from roles: titles, owners, and one office held by two people."""

from __future__ import annotations

import pytest

from eventwire.events import offices as office_module
from eventwire.events.offices import Office, split_title
from eventwire.knowledge import load_knowledge
from eventwire.model import Article, Entity
from eventwire.settings import Settings

LANGUAGE = load_knowledge().language


def holdings(article: Article) -> list[office_module.Holding]:
    return office_module.holdings(article, LANGUAGE.offices, LANGUAGE.places, Settings())


def clashes(article: Article) -> list[tuple[office_module.Holding, office_module.Holding]]:
    return office_module.clashes(article, LANGUAGE.offices, LANGUAGE.places, Settings())


@pytest.mark.parametrize(
    ("role", "expected"),
    [
        ("Kremlin spokesman", ("spokesperson", "Kremlin")),
        ("spokesman", ("spokesperson", "")),
        ("US President", ("president", "US")),
        ("Vice President", ("vice president", "")),
        ("President of Nigeria", ("president", "Nigeria")),
        ("White House press secretary", ("spokesperson", "White House")),
        ("special envoy to international organizations", None),
    ],
)
def test_split_title(role, expected):
    assert split_title(role, LANGUAGE.offices) == expected


def test_same_office():
    kremlin = Office("spokesperson", "presidency", "RU")
    assert kremlin.same_as(Office("spokesperson", "presidency", None))
    assert not kremlin.same_as(Office("spokesperson", "presidency", "US"))
    assert not kremlin.same_as(Office("president", "presidency", "RU"))
    assert kremlin.describe() == "spokesperson of the presidency (RU)"


def _person(
    article: Article, eid: str, name: str, role: str, of: str | None = None, former: bool = False
) -> None:
    """A PERSON entity whose role reading is the first occurrence of `role` before its name."""
    at = article.text.index(name)
    start = article.text.rindex(role, 0, at)
    reading = {"role": role, "of": of, "former": former, "how": "premodifier", "paragraph": 0}
    reading |= {"start": start, "end": start + len(role), "text": role}
    mention = article.span(at, at + len(name))
    article.entities.append(
        Entity(eid, name, "PERSON", roles=[role], attributes={"role_evidence": [reading]}, mentions=[mention])
    )


def test_a_possessor_who_heads_the_presidency():
    text = (
        "Nigerian President Bola Tinubu spoke. "
        "Tinubu's spokesman Ajuri Ngelale and presidential spokesman Bayo Onanuga."
    )
    article = Article(text=text)
    _person(article, "e1", "Bola Tinubu", "Nigerian President")
    _person(article, "e2", "Ajuri Ngelale", "spokesman", of="Tinubu")
    _person(article, "e3", "Bayo Onanuga", "presidential spokesman")
    offices = {h.entity.name: h.office for h in holdings(article)}
    assert offices["Bola Tinubu"] == Office("president", "presidency", "NG")
    assert offices["Ajuri Ngelale"] == Office("spokesperson", "presidency", "NG")
    [(a, b)] = clashes(article)
    assert {a.entity.name, b.entity.name} == {"Ajuri Ngelale", "Bayo Onanuga"}
    assert a.evidence.text == "Tinubu's spokesman Ajuri Ngelale"


def test_former_holders_and_unowned_titles_hold_no_office():
    text = "Former Kremlin spokesman Sergei Yastrzhembsky and spokesman Dmitry Peskov."
    article = Article(text=text)
    _person(article, "e1", "Sergei Yastrzhembsky", "Kremlin spokesman", former=True)
    _person(article, "e2", "Dmitry Peskov", "spokesman")
    assert holdings(article) == []


def test_spellings_of_one_surname_are_one_person():
    text = "Ukrainian President Volodymyr Zelensky spoke. Ukrainian President Volodymyr Zelenskyy said more."
    article = Article(text=text)
    _person(article, "e1", "Volodymyr Zelensky", "Ukrainian President")
    _person(article, "e2", "Volodymyr Zelenskyy", "Ukrainian President")
    assert len(holdings(article)) == 2
    assert clashes(article) == []


def test_a_city_owns_its_mayor_but_a_country_has_many_mayors():
    text = "Kyiv mayor Vitali Klitschko and Kyiv mayor Oleksandr Popov. Ukrainian mayor Ihor Terekhov."
    article = Article(text=text)
    kyiv = article.span(0, 4)
    article.entities.append(Entity("g1", "Kyiv", "GPE", mentions=[kyiv]))
    _person(article, "e1", "Vitali Klitschko", "Kyiv mayor")
    _person(article, "e2", "Oleksandr Popov", "Kyiv mayor")
    _person(article, "e3", "Ihor Terekhov", "Ukrainian mayor")
    [(a, b)] = clashes(article)
    assert {a.entity.name, b.entity.name} == {"Vitali Klitschko", "Oleksandr Popov"}
    assert a.office.describe() == "mayor of Kyiv"


def test_two_spokesmen_of_one_person():
    text = "Erdogan's spokesman Ibrahim Kalin said so. Erdogan's spokesman Fahrettin Altun denied it."
    article = Article(text=text)
    article.entities.append(Entity("e0", "Recep Tayyip Erdogan", "PERSON", mentions=[article.span(0, 7)]))
    _person(article, "e1", "Ibrahim Kalin", "spokesman", of="Erdogan")
    _person(article, "e2", "Fahrettin Altun", "spokesman", of="Erdogan")
    [(a, b)] = clashes(article)
    assert a.office.describe() == "spokesperson of Recep Tayyip Erdogan"

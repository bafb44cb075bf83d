"""Articles that are not in English are refused, not mis-coded."""

from __future__ import annotations

from pathlib import Path

import pytest

from eventwire.clean import clean_steps
from eventwire.clean.english import english_share
from eventwire.errors import EventwireError
from eventwire.knowledge import load_knowledge
from eventwire.model import RawArticle, Source
from eventwire.pipeline import Pipeline
from eventwire.read.html import read_html
from eventwire.settings import Settings

ENGLISH = "Police in Lagos fired tear gas at protesters on Thursday and arrested at least 37 people."
FRENCH = (
    "La police a dispersé jeudi une manifestation contre la vie chère à Dakar, faisant plusieurs blessés "
    "parmi les jeunes manifestants, selon des témoins interrogés sur place."
)


def run(text: str, settings: Settings | None = None):
    return Pipeline(clean_steps(settings or Settings(), load_knowledge())).run(
        RawArticle(text=text, source=Source(path="x.txt"))
    )


def test_english_passes() -> None:
    assert run(ENGLISH).language == "en"
    n, share = english_share(ENGLISH, load_knowledge().language.clean.function_words, 20_000)
    assert n == 15 and share > 0.3


def test_other_language_is_refused() -> None:
    with pytest.raises(EventwireError) as info:
        run(FRENCH)
    assert info.value.code == "EW301" and info.value.where == "x.txt"


def test_short_texts_are_not_judged() -> None:
    assert run("Dakar: manifestation dispersée").language == "en"


def test_the_share_of_function_words_is_a_setting() -> None:
    assert run(FRENCH, Settings(english_min_share=0.0)).language == "en"
    assert run(FRENCH, Settings(other_language_min_share=0.9)).language == "en"
    with pytest.raises(EventwireError):  # a text of both, judged on the one that has more function words
        run(OTHERS["de"] + " " + ENGLISH, Settings(english_min_share=0.5))


# Texts of other languages, written for these tests: each must still be refused.
OTHERS = {
    "de": (
        "Die Polizei hat am Donnerstag in Hamburg eine Kundgebung gegen die hohen Mieten aufgelöst. "
        "Nach Angaben der Veranstalter waren mehr als zweitausend Menschen auf der Straße, die Polizei "
        "sprach von etwa achthundert Teilnehmern. Zwölf Personen wurden festgenommen."
    ),
    "es": (
        "La policía dispersó el jueves una marcha de maestros en Quito que exigían el pago de salarios "
        "atrasados. Según los organizadores, más de tres mil personas participaron, pero las autoridades "
        "hablaron de unos ochocientos manifestantes y de nueve detenidos."
    ),
    "id": (
        "Polisi membubarkan unjuk rasa mahasiswa di depan gedung DPRD Makassar pada hari Kamis. Menurut "
        "saksi mata, ratusan mahasiswa yang menolak kenaikan harga bahan bakar itu dihalau dengan gas air "
        "mata, dan tujuh orang ditahan oleh aparat."
    ),
    "pt": (
        "A polícia dispersou na quinta-feira um protesto de motoristas em Maputo contra o aumento do preço "
        "do combustível. Segundo testemunhas, foram detidas pelo menos doze pessoas e uma estrada principal "
        "ficou bloqueada durante várias horas."
    ),
    "fr-short-list": (
        "Résultats du scrutin : la liste de la majorité obtient 41 % des voix, celle de l'opposition 33 %, "
        "les écologistes 12 % et les autres listes se partagent le reste selon le ministère."
    ),
}


@pytest.mark.parametrize("language", sorted(OTHERS))
def test_other_languages_are_still_refused(language: str) -> None:
    with pytest.raises(EventwireError) as info:
        run(OTHERS[language])
    assert info.value.code == "EW301"


# English pages of few function words: a box score, a schedule, a list, a table of figures.
LISTS = {
    "box score": (
        "Harbor City Gulls 104, Milltown Foxes 97\n"
        "Gulls: Okafor 28 pts, 11 reb; Lindqvist 19 pts, 7 ast; Moreau 14 pts; Baptiste 12 pts, 9 reb\n"
        "Foxes: Castellanos 31 pts; Whitfield 18 pts, 6 reb; Nakamura 16 pts, 5 stl; Adeyemi 10 pts\n"
        "Quarters: Gulls 24-29-27-24; Foxes 30-21-22-24\n"
        "Attendance: 11,208. Next: Gulls host Rivertown Saturday."
    ),
    "schedule": (
        "Friday: Northgate United v Eastbrook Rovers, 19:45, Kingsmead Stadium\n"
        "Saturday: Westfield Athletic v Southport Town, 15:00, Marsh Lane\n"
        "Saturday: Harlow Park v Dunmore City, 17:30, Ashgrove Arena\n"
        "Sunday: Crestwood Albion v Larkhill Wanderers, 14:00, Brook Road\n"
        "Monday: Fenwick Borough v Oakridge Celtic, 20:00, Victoria Ground"
    ),
    "list": (
        "Road closures this weekend\n"
        "- Main Street between Elm Avenue and Fifth Street: closed Saturday 6am-9pm\n"
        "- Riverside Drive northbound: one lane Sunday, resurfacing\n"
        "- Station Road bridge: closed both directions until Monday 5am\n"
        "- Market Square car park: closed Saturday, farmers market\n"
        "- Hill Lane: diversions via Park Road, expect delays"
    ),
    "table": (
        "Flood damage by district, provisional figures\n"
        "District | Homes damaged | Displaced | Deaths\n"
        "Northbank | 1,240 | 3,900 | 4\n"
        "Riverside | 860 | 2,150 | 2\n"
        "Lowmoor | 2,315 | 6,480 | 7\n"
        "Total | 4,415 | 12,530 | 13\n"
        "Source: regional emergency management agency, Tuesday evening"
    ),
}


@pytest.mark.parametrize("page", sorted(LISTS))
def test_english_lists_and_tables_are_english(page: str) -> None:
    knowledge = load_knowledge()
    _, share = english_share(LISTS[page], knowledge.language.clean.function_words, 20_000)
    assert share < Settings().english_min_share  # refused before: too few function words for prose
    assert run(LISTS[page]).language == "en"


PAGES = Path(__file__).resolve().parents[1] / "data" / "pages"


def read_page(name: str):
    settings = Settings()
    raw = read_html((PAGES / name).read_bytes(), name, settings)
    return Pipeline(clean_steps(settings, load_knowledge())).run(raw)


def test_an_english_results_page_is_english() -> None:
    assert read_page("langgate-results.html").language == "en"


def test_an_indonesian_page_is_refused() -> None:
    with pytest.raises(EventwireError) as info:
        read_page("langgate-indonesian.html")
    assert info.value.code == "EW301"

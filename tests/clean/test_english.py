"""Articles that are not in English are refused, not mis-coded."""

from __future__ import annotations

import pytest

from eventwire.clean import clean_steps
from eventwire.clean.english import english_share
from eventwire.errors import EventwireError
from eventwire.knowledge import load_knowledge
from eventwire.model import RawArticle, Source
from eventwire.pipeline import Pipeline
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
    with pytest.raises(EventwireError):
        run(ENGLISH, Settings(english_min_share=0.9))

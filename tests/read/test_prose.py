"""The not-an-article gate."""

from __future__ import annotations

import pytest

from eventwire.errors import EventwireError
from eventwire.read.prose import has_prose, require_prose
from eventwire.settings import Settings


@pytest.mark.parametrize(
    "text",
    [
        "Police fire tear gas at protesters in Lagos",
        "Home\nNews\n\nFloods kill at least 30 people in Sindh province, officials say.",
        "香港警方週三以涉嫌違反國家安全法為由拘捕了五十三名民主派人士和前立法會議員",
    ],
)
def test_prose(text: str) -> None:
    assert has_prose(text, Settings())
    assert require_prose(text, Settings()) == text


@pytest.mark.parametrize(
    "text",
    [
        "1234 5678\n---\n",
        "Home | News | Sport\nWeather\nContact us",
        "id,name,lat,lon\n1,Dadu,26.7,67.7",
        "!!!",
    ],
)
def test_not_prose(text: str) -> None:
    assert not has_prose(text, Settings())
    with pytest.raises(EventwireError) as info:
        require_prose(text, Settings(), "menu.txt")
    assert info.value.code == "EW108"
    assert info.value.where == "menu.txt"


def test_what_a_line_of_prose_is_is_a_setting() -> None:
    menu = "Home | News | Sport\nWeather\nContact us"
    assert has_prose(menu, Settings(prose_min_words=3))
    assert not has_prose("Police fire tear gas at protesters in Lagos", Settings(prose_min_words=9))

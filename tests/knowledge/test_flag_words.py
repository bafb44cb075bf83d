"""Flag words: weekday names, toll words by casualty kind, update and another words."""

from __future__ import annotations

from eventwire.knowledge import load_knowledge


def test_weekdays_by_number_and_name():
    words = load_knowledge().language.flags
    assert words.weekdays[0] == "Monday" and words.weekdays[6] == "Sunday"
    assert words.weekday_number("friday") == 4
    assert words.weekday.search("on Tuesday, March 22").group(1) == "Tuesday"
    assert words.weekday_before.search("said on Monday, ").group(1) == "Monday"


def test_toll_words_by_kind():
    tolls = load_knowledge().language.flags.tolls
    assert list(tolls) == ["dead", "injured", "arrested"], "the kinds are tried in this order"
    assert "death" in tolls["dead"].units and not tolls["injured"].units
    assert tolls["dead"].before.search("the toll rose to ")
    assert tolls["injured"].after.search(" people were wounded")

"""The times section of the English pack, and the patterns the `Times` step builds from it."""

from __future__ import annotations

from eventwire.knowledge import load_knowledge
from eventwire.language.times import Cue, TimePatterns


def test_time_words_load_typed() -> None:
    words = load_knowledge().language.times
    assert words.version >= 1
    assert words.months["Sept."] == 9 and words.weekdays["Sunday"] == 6
    assert words.month_parts["end of"] == (21, 31) and words.decade_parts["late"] == (7, 9)
    assert set(words.periods.values()) == {"week", "weekend", "month", "year"}
    assert set(words.ago_units.values()) == {"day", "week", "month", "year", "decade"}
    assert set(words.month_shift.values()) <= {-1, 0, 1} and set(words.weekday_shift.values()) <= {-1, 0, 1}


def test_context_words_are_single_words() -> None:
    """The words before a month or year are compared with the one word before it."""
    words = load_knowledge().language.times
    assert all(" " not in w for w in words.bare_month_context | words.year_context)


def test_patterns_build_and_share_their_cues() -> None:
    words = load_knowledge().language.times
    patterns = TimePatterns.build(words)
    assert patterns.since.search("in force since ") and patterns.article.sub("", "the end of") == "end of"
    assert len(patterns.cues) < len(patterns.specs)
    assert {i for i, _, _ in patterns.specs} == set(range(len(patterns.cues)))


def test_a_cue_is_found_among_the_words_of_a_paragraph() -> None:
    """A time word's cue is its last word of letters, found once punctuation is taken out."""
    cue = Cue.of(["Sept.", "year-ago", "the weekend"], 0)
    assert cue.words == {"sept", "ago", "weekend"}
    assert cue.found("Talks end on Sept. 9.", {"talks", "end", "on", "sept", "9"})
    assert not cue.found("Talks end in 2022.", {"talks", "end", "in", "2022"})
    assert Cue.of(r"\d-\d", 0).found("a 2021-03 b", set())

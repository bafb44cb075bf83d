"""Size: the toll or count of a candidate's own phrase."""

from __future__ import annotations


def test_the_number_of_the_triggers_own_phrase(until):
    drafts = until("Gunmen killed 12 villagers and police later arrested 3 suspects.", "events.size").drafts
    assert sorted(tuple(d.size.items()) for d in drafts) == [(("arrested", 3),), (("dead", 12),)]


def test_a_number_elsewhere_in_the_sentence_is_no_toll(until):
    (draft,) = until(
        "Soldiers detained a trader in the town, where 12 shops were closed.", "events.size"
    ).drafts
    assert draft.size == {}

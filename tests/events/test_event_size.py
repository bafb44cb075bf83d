"""Size: the toll or count of a candidate's own phrase."""

from __future__ import annotations


def test_the_number_of_the_triggers_own_phrase(until):
    drafts = until("Gunmen killed 12 villagers and police later arrested 3 suspects.", "events.size").drafts
    assert sorted(tuple(d.size.items()) for d in drafts) == [(("arrested", 3),), (("dead", 12),)]


def test_a_number_elsewhere_in_the_sentence_is_no_toll(until):
    (draft,) = until(
        "Soldiers detained a trader in the town, where 12 shops were closed.", "events.size"
    ).drafts
    assert draft.size == {"arrested": 1}


def test_a_single_victim_counts_one(until):
    drafts = until("The shelling killed a soldier and wounded Private Hayk Sargsyan.", "events.size").drafts
    assert sorted(tuple(d.size.items()) for d in drafts if d.size) == [(("dead", 1),), (("injured", 1),)]


def test_victims_joined_by_and_add_up(until):
    text = "Three police officers and a village volunteer have been wounded after a grenade attack."
    (draft,) = [d for d in until(text, "events.size").drafts if d.size]
    assert draft.size == {"injured": 4}


def test_a_killing_result_counts_the_dead(until):
    drafts = until("Gunmen shot dead two traders. A man was stoned to death.", "events.size").drafts
    assert [(d.primary.token.lower_, d.entry.type, d.size) for d in drafts] == [
        ("shot", "ASSAULT", {"dead": 2}),
        ("stoned", "ASSAULT", {"dead": 1}),
    ]


def test_a_plural_victim_without_a_number_has_no_count(until):
    (draft,) = until("The soldiers killed the villagers.", "events.size").drafts
    assert draft.size == {}


def test_who_froze_to_death_was_killed_by_no_one(until):
    drafts = until("Two climbers froze to death on the mountain.", "events.size").drafts
    assert all(d.primary.token.lower_ != "froze" or not d.size for d in drafts)


def test_a_place_seized_counts_no_one(until):
    drafts = until("Rebels seized a town near the border.", "events.size").drafts
    assert all(not d.size for d in drafts)


def test_a_clerk_joined_to_numbered_victims_adds_one(until):
    text = "Gunmen killed two soldiers and a clerk at the district office."
    (draft,) = [d for d in until(text, "events.size", "2025-06-10").drafts if d.entry.type == "ASSAULT"]
    assert draft.size == {"dead": 3}


def test_a_place_or_group_victim_counts_no_one(until):
    text = "It was the deadliest massacre in a region scarred by militia raids."
    drafts = until(text, "events.size", "2025-06-10").drafts
    assert all(d.size == {} for d in drafts)


def test_a_verb_of_dying_beside_the_wounded_gives_the_dead(until):
    text = "Officials said 14 people have died and 41 were wounded in the blast."
    (draft,) = until(text, "events.size", "2025-02-15").drafts
    assert draft.size == {"dead": 14, "injured": 41}

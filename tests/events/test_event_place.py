"""Place: each candidate placed, and the candidates of one sentence that tell one event joined."""

from __future__ import annotations


def test_an_unplaced_trigger_folds_into_the_placed_one_of_its_type(until):
    text = "Ukrainian officials reported shelling overnight, with two civilians killed in Mykolaiv Oblast."
    drafts = [d for d in until(text, "events.place").drafts if d.entry.type == "ASSAULT"]
    assert len(drafts) == 1 and len(drafts[0].triggers) == 2 and drafts[0].own_place


def test_a_candidate_without_its_own_place_takes_the_sentences(until):
    (draft,) = until("In Kharkiv, residents said troops detained the mayor.", "events.place").drafts
    assert draft.place.name == "Kharkiv" and not draft.own_place


def test_two_triggers_with_places_of_their_own_stay_two(until):
    drafts = until("Rebels shelled Aden on Monday and bombed Taiz on Tuesday.", "events.place").drafts
    assert sorted(d.place.name for d in drafts if d.own_place) == ["Aden", "Taiz"]


def test_a_dateline_is_no_place_of_the_sentence_when_the_sentence_names_one(until):
    text = "COTABATO CITY — Three people were killed when supporters clashed in Datu Piang on Monday."
    drafts = until(text, "events.place", "2025-05-13").drafts
    assert {d.place.name for d in drafts} == {"Datu Piang"}


def test_each_place_says_where_it_comes_from(run_text):
    text = (
        "MARDAN: Police said the situation was tense.\n\n"
        "Gunmen attacked a checkpoint in Swabi on Monday. Later, police arrested two men.\n\n"
        "Officials condemned the violence."
    )
    article = run_text(text, published="2025-09-24")
    names = {p.id: p.name for p in article.places}
    found = {
        (e.evidence[0].text.split()[0], names.get(e.place or ""), e.place_source) for e in article.events
    }
    assert ("Gunmen", "Swabi", "text") in found
    assert ("Later,", "Swabi", "context") in found
    assert ("Officials", "Mardan", "dateline") in found


def test_the_one_place_of_a_sentence_is_that_of_an_event_it_breaks_up(until):
    text = (
        "Police fired tear gas on Monday to break up a sit-in by nurses at the main hospital in Lusaka "
        "who were protesting against unpaid wages, and detained 12 of them."
    )
    drafts = until(text, "events.place", "2025-06-10").drafts
    assert {d.entry.type: d.place.name for d in drafts if d.place} == {
        "ASSAULT": "Lusaka",
        "PROTEST": "Lusaka",
        "COERCE": "Lusaka",
    }


def test_a_place_in_another_events_title_is_not_shared(until):
    text = "The governor of the Northern region condemned the raid, and troops detained five suspects."
    drafts = until(text, "events.place", "2025-06-10").drafts
    (detained,) = [d for d in drafts if d.entry.type == "COERCE"]
    assert detained.place is None


def test_where_a_party_comes_from_is_not_where_the_event_happened(until):
    text = (
        "The ministry said army units, backed by soldiers from Chad, had launched an offensive on "
        "Saturday and taken back control of Diffa by Sunday."
    )
    drafts = until(text, "events.place", "2024-05-13").drafts
    assert "Chad" not in {d.place.name for d in drafts if d.place}
    assert any(d.place and d.place.name == "Diffa" for d in drafts)


def test_an_unplaced_event_does_not_fold_into_another_occurrence(until):
    text = (
        "Police fired tear gas to break up a march by nurses, while a second rally by nurses in Ndola "
        "passed off peacefully."
    )
    drafts = until(text, "events.place", "2025-06-14").drafts
    protests = [d for d in drafts if d.entry.type == "PROTEST"]
    assert len(protests) == 2
    assert {d.place.name if d.place else None for d in protests} != {"Ndola"}


def test_a_town_its_people_come_from_places_their_protest(until):
    text = "On Monday hundreds of young men from Bokkos blocked the Jos-Shendam highway with burning tyres."
    drafts = [d for d in until(text, "events.place", "2026-04-14").drafts if d.entry.type == "PROTEST"]
    assert [d.place.name for d in drafts if d.place] == ["Bokkos"]

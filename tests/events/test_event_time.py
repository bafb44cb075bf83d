"""Time: each candidate dated by its clause, a night cue, a free time, or the publication month."""

from __future__ import annotations


def test_the_time_of_the_triggers_clause(until):
    (draft,) = until("Police arrested six activists in Minsk on Monday.", "events.when").drafts
    assert (draft.when.date, draft.when.precision, draft.when.linked) == ("2022-03-21", "day", True)


def test_no_time_is_the_publication_month_and_not_linked(until):
    (draft,) = until("Police arrested six activists in Minsk.", "events.when").drafts
    assert (draft.when.date, draft.when.linked) == ("2022-03", False)


def test_a_purpose_clause_takes_the_time_of_its_clause(until):
    text = "Riot police fired tear gas on Tuesday to break up a march by teachers."
    drafts = until(text, "events.when").drafts
    assert {d.entry.type: d.when.date for d in drafts}.get("PROTEST") == "2022-03-22"


def test_two_days_after_is_two_days_before_the_main_clauses_day(until):
    text = "The sides exchanged prisoners on Friday, two days after they signed a release agreement."
    drafts = until(text, "events.when", "2025-12-12").drafts
    signing = next(d for d in drafts if d.primary.token.lemma_ == "sign")
    assert (signing.when.date, signing.when.linked) == ("2025-12-10", True)


def test_a_when_clause_dates_the_clause_it_hangs_from(until):
    text = "Three people were killed and five wounded when rival supporters clashed in the town on Monday."
    drafts = until(text, "events.when", "2025-05-13").drafts
    assert {d.primary.token.lower_: d.when.date for d in drafts}["killed"] == "2025-05-12"


def test_a_time_on_the_way_to_a_place_dates_the_event(until):
    text = "A councillor was shot dead by gunmen while on his way to a polling centre on Monday morning."
    (draft,) = until(text, "events.when", "2025-05-13").drafts
    assert (draft.when.date, draft.when.linked) == ("2025-05-12", True)


def test_a_time_inside_the_subjects_apposition_does_not_date_the_event(until):
    text = "Officials said the man, a representative since 2020, resigned."
    (draft,) = until(text, "events.when", "2025-05-13").drafts
    assert draft.when.linked is False


def test_a_time_modifying_the_subject_dates_the_event(until):
    (draft, *_) = until("Tuesday's bombing killed 12 people.", "events.when", "2025-05-15").drafts
    assert draft.when.date == "2025-05-13"


def test_a_dateline_the_parser_made_the_head_does_not_hide_the_clauses_time(until):
    text = (
        "DAKAR, Senegal (Agency) — Senegalese riot police fired tear gas on Tuesday to break up a march by "
        "several hundred teachers demanding unpaid allowances, and detained 23 people, the union said."
    )
    drafts = until(text, "events.when", "2026-01-20").drafts
    assert {d.entry.type: d.when.date for d in drafts}.get("PROTEST") == "2026-01-20"


def test_a_second_verb_of_one_subject_shares_the_first_ones_day(until):
    text = "Riot police charged the crowd in Bamenda on Friday and detained 14 traders, a witness said."
    drafts = until(text, "events.when", "2025-06-09").drafts
    detained = next(d for d in drafts if d.primary.token.lower_ == "detained")
    assert (detained.when.date, detained.when.linked) == ("2025-06-06", True)


def test_a_second_verb_with_a_day_of_its_own_keeps_it(until):
    text = "Police detained 14 traders in Bamenda on Friday and freed them on Sunday, a lawyer said."
    drafts = until(text, "events.when", "2025-06-09").drafts
    detained = next(d for d in drafts if d.primary.token.lower_ == "detained")
    assert detained.when.date == "2025-06-06"


def test_a_past_progressive_relative_clause_happens_at_its_clauses_time(until):
    text = (
        "Soldiers fired live rounds on Thursday to scatter a crowd of farmers in Mopti who were "
        "demonstrating against a new land tax."
    )
    drafts = until(text, "events.when", "2025-06-09").drafts
    protest = next(d for d in drafts if d.entry.type == "PROTEST")
    assert (protest.when.date, protest.when.linked) == ("2025-06-05", True)


def test_a_day_any_trigger_names_beats_a_night_cue(until):
    text = (
        "Armed men attacked the village of Bunyakiri in South Kivu's Kalehe territory late on Monday, "
        "killing civilians in their homes and burning huts, local officials said, in the latest massacre "
        "in a region torn by militia violence."
    )
    drafts = [d for d in until(text, "events.when", "2025-06-11").drafts if d.entry.type == "ASSAULT"]
    assert {d.when.date for d in drafts} == {"2025-06-09"}


def test_a_verb_after_a_copula_does_not_take_its_time(until):
    text = (
        "He was one of the architects of the privatisation drive in the 1990s, and many voters accuse "
        "him of enriching a few tycoons."
    )
    drafts = until(text, "events.when", "2022-03-23").drafts
    (accuse,) = [d for d in drafts if d.entry.type == "ACCUSE"]
    assert not accuse.when.date.startswith("199")


def test_an_event_in_an_after_clause_with_no_time_takes_the_main_clauses_day(until):
    text = (
        "The shelling stopped on Thursday evening after the two armies agreed to a ceasefire, the "
        "defence ministry said."
    )
    drafts = until(text, "events.when", "2025-03-08").drafts
    (agreed,) = [d for d in drafts if d.primary.token.lemma_ == "agree"]
    assert (agreed.when.date, agreed.when.precision) == ("2025-03-06", "day")


def test_an_after_clause_with_a_time_of_its_own_keeps_it(until):
    text = "The shelling stopped on Thursday evening after the two armies agreed to a ceasefire on Tuesday."
    drafts = until(text, "events.when", "2025-03-08").drafts
    (agreed,) = [d for d in drafts if d.primary.token.lemma_ == "agree"]
    assert agreed.when.date == "2025-03-04"


def test_the_day_a_report_was_made_dates_what_it_reports(until):
    text = (
        "Fire at election office\n\n"
        "Unknown attackers set fire to the election office in Leposavic early on Tuesday.\n\n"
        "Smoke could be seen across the town.\n\n"
        "Kosovo police said on Tuesday afternoon that they had arrested two men in Zvecan."
    )
    drafts = until(text, "events.status", "2025-10-08").drafts
    (arrest,) = [d for d in drafts if d.entry.type == "COERCE"]
    assert (arrest.when.date, arrest.when.precision) == ("2025-10-07", "day")

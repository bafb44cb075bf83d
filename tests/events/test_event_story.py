"""The story: later events that name no day take the day of the events told before them."""

from __future__ import annotations

STORY = (
    "Rival supporters clashed in Datu Piang on Monday, leaving three dead, police said.\n\n"
    "Voters ran for cover inside classrooms.\n\n"
    "{day}\n\n"
    "Soldiers and police later arrested six men."
)


def _arrest(until, text: str):
    drafts = until(text, "events.story", "2025-05-13").drafts
    return next(d for d in drafts if d.primary.token.lemma_ == "arrest")


def test_an_undated_event_after_the_storys_day_takes_that_day(until):
    arrest = _arrest(until, STORY.format(day="The town was calm by evening."))
    assert (arrest.when.date, arrest.when.precision, arrest.when.story) == ("2025-05-12", "day", True)


def test_the_story_moves_to_the_latest_day_told(until):
    arrest = _arrest(until, STORY.format(day="Gunmen attacked a polling station in Cotabato on Sunday."))
    assert (arrest.when.date, arrest.when.story) == ("2025-05-11", True)


def test_an_old_day_dates_no_story(until):
    arrest = _arrest(
        until, STORY.format(day="Rebels attacked the town on March 3, 2019.").replace(" on Monday", "")
    )
    assert arrest.when.story is False


def test_an_undated_event_told_before_any_day_keeps_its_own_date(run_text):
    text = (
        "Police arrested six men, officials said.\n\nNo one spoke.\n\nRebels clashed with troops on Monday."
    )
    arrest = next(e for e in run_text(text).events if e.type == "COERCE")
    assert arrest.date_source != "story"

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
    text = STORY.format(day="Rebels attacked the town on March 3, 2019.").replace(" on Monday", "")
    assert _arrest(until, text).when.date == "2025-05-13"  # the news itself, not 2019


def test_an_undated_event_told_before_any_day_keeps_its_own_date(run_text):
    text = (
        "Police arrested six men, officials said.\n\nNo one spoke.\n\nRebels clashed with troops on Monday."
    )
    arrest = next(e for e in run_text(text).events if e.type == "COERCE")
    assert arrest.date_source != "story"


def test_a_later_arrest_with_no_place_takes_the_storys_town(run_text):
    text = (
        "A young man was beaten to death by a mob in Savar on Tuesday, police said.\n\n"
        "Residents said the crowd had gathered quickly.\n\n"
        "He said police had detained three people over the killing."
    )
    article = run_text(text, published="2026-02-11")
    names = {p.id: p.name for p in article.places}
    (arrest,) = [e for e in article.events if e.type == "COERCE"]
    assert (names.get(arrest.place or ""), arrest.place_source, arrest.date) == (
        "Savar",
        "story",
        "2026-02-10",
    )


def test_an_event_told_as_elsewhere_takes_no_town(run_text):
    text = (
        "Gunmen attacked a checkpoint in Swabi on Monday, police said.\n\n"
        "Witnesses described a chaotic scene.\n\n"
        "Elsewhere, police arrested four men."
    )
    article = run_text(text, published="2025-09-24")
    (arrest,) = [e for e in article.events if e.type == "COERCE"]
    assert arrest.place_source != "story"

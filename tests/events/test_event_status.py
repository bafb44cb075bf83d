"""Status: occurred, ongoing, expected or historical; the news itself dated to its publication day;
an announced harm a threat."""

from __future__ import annotations


def test_the_news_itself_is_the_publication_day(until):
    (draft,) = until("Police have arrested six activists in Minsk.", "events.status").drafts
    assert (draft.status, draft.when.date, draft.when.precision) == ("occurred", "2022-03-23", "day")


def test_expected_events_keep_the_month(until):
    drafts = until("Police will arrest the organisers of the march.", "events.status").drafts
    (draft,) = [d for d in drafts if d.entry.type == "COERCE"]
    assert (draft.status, draft.when.date) == ("expected", "2022-03")


def test_harm_on_a_condition_is_a_threat(until):
    drafts = until(
        "The rebels said they would attack the city unless the army withdrew.", "events.status"
    ).drafts
    assert "THREATEN" in [d.final_type for d in drafts]

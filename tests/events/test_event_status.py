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


def test_what_a_war_has_killed_is_a_cumulative_toll(until):
    text = "The town has been hit during the insurgency, which has killed tens of thousands of people."
    drafts = until(text, "events.status", "2025-07-13").drafts
    assert [d.status for d in drafts if d.primary.token.lemma_ == "kill"] == ["ongoing"]


def test_what_gunmen_have_killed_occurred(until):
    drafts = until("Gunmen have killed four villagers.", "events.status", "2025-07-13").drafts
    assert [d.status for d in drafts] == ["occurred"]

"""The extractor's version is the one the pipeline stamps on its events."""

from __future__ import annotations

from eventwire.extractor import current_extractor


def test_the_current_extractor_is_what_events_are_stamped_with(run_text) -> None:
    article = run_text("Police arrested two men in Nairobi on Monday, officials said.", "2024-05-07")
    assert article.events
    assert {e.extractor for e in article.events} == {current_extractor()}

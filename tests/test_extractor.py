"""The extractor's version is the one the pipeline stamps on its events."""

from __future__ import annotations

from eventwire.extractor import current_extractor
from eventwire.settings import Settings


def test_the_current_extractor_is_what_events_are_stamped_with(run_text) -> None:
    article = run_text("Police arrested two men in Nairobi on Monday, officials said.", "2024-05-07")
    assert article.events
    assert {e.extractor for e in article.events} == {current_extractor(Settings())}


def test_the_extractor_names_the_model_only_when_it_is_on() -> None:
    on, off = current_extractor(Settings()), current_extractor(Settings(event_model=False))
    assert on.startswith(off) and "event_types." in on and "event_types." not in off

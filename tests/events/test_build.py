"""Building: candidates become events with evidence, confidence and the model's ACLED view."""

from __future__ import annotations

from eventwire.events.build import VERSION


def test_events_carry_their_sentence_and_extractor(run_text):
    text = "Gunmen killed 12 villagers in Zamfara on Saturday."
    (event,) = [e for e in run_text(text).events if e.type == "ASSAULT"]
    (ev,) = event.evidence
    assert ev.text == text and event.extractor.startswith(VERSION)
    assert event.acled and event.acled["event_type"] == "Violence against civilians"
    assert 0 < event.confidence <= 1


def test_the_candidates_are_gone_once_built(pipeline):
    from eventwire.model import RawArticle, Source

    a = pipeline.run(RawArticle(text="Police arrested six activists.", source=Source(path="t.txt")))
    assert "event_candidates" not in a.scratch and a.scratch["event_triggers"]

"""Detection: one event candidate per trigger of each sentence, the model's reading kept with it."""

from __future__ import annotations


def test_each_trigger_is_a_candidate_with_its_sentences_triggers(until):
    found = until("Police arrested 12 protesters and fired tear gas in Lagos.", "events.detect")
    words = sorted(d.primary.token.lower_ for d in found.drafts)
    assert "arrested" in words and len(found.drafts) >= 2
    assert all(d.sentence == {t.primary.token.i for t in found.drafts} for d in found.drafts)
    assert all(d.read is not None for d in found.drafts)


def test_content_triggers_are_kept_for_claims_not_made_candidates(until):
    found = until("Russia denied any strikes on the theater in Mariupol.", "events.detect")
    assert [c.type for c in found.content] == ["ASSAULT"]
    assert "strikes" not in [d.primary.token.lower_ for d in found.drafts]


def test_a_sentence_with_no_event_gives_no_candidate(until):
    assert until("The weather was mild and the shops opened late.", "events.detect").drafts == []


def test_storming_a_place_and_fighting_with_someone_are_assaults(until):
    found = until("Fans stormed the pitch in Split and fought with stewards for an hour.", "events.detect")
    assert {d.primary.token.lower_: d.entry.type for d in found.drafts} == {
        "stormed": "ASSAULT",
        "fought": "ASSAULT",
    }


def test_fighting_for_a_cause_or_storming_the_charts_is_no_assault(until):
    found = until("The singer stormed the charts and fought for better pay.", "events.detect")
    assert not {"stormed", "fought"} & {d.primary.token.lower_ for d in found.drafts}

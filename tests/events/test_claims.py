"""Claims: who asserts, who denies, and where the text hedges an event."""

from __future__ import annotations

from eventwire.knowledge import load_knowledge
from eventwire.model import Article, Event, RawArticle, Source
from eventwire.settings import Settings
from eventwire.stages import article_pipeline


def _first(article: Article, event_type: str) -> Event:
    return next(e for e in article.events if e.type == event_type)


def _stances(ev: Event) -> set[tuple[str, str]]:
    return {(c.speaker, c.stance) for c in ev.claims}


def _run_with(settings: Settings, text: str) -> Article:
    pipeline = article_pipeline(settings, load_knowledge())
    pipeline.setup()
    return pipeline.run(RawArticle(text=text, source=Source(path="test.txt"), published="2022-03-23"))


def test_reporting_verb_speaker_asserts(run_text):
    a = run_text("Ukrainian officials said Russian forces shelled Kharkiv on Monday.")
    assert ("Ukrainian officials", "assert") in _stances(_first(a, "ASSAULT"))


def test_trailing_attribution_asserts(run_text):
    a = run_text("Police in Lagos arrested 23 protesters on Monday, officials said.")
    assert ("officials", "assert") in _stances(_first(a, "COERCE"))


def test_according_to_asserts(run_text):
    a = run_text("An airstrike killed at least 12 civilians in Saada on Tuesday, according to local medics.")
    assert ("local medics", "assert") in _stances(_first(a, "ASSAULT"))


def test_denial_attaches_to_the_earlier_event_and_is_a_reject(run_text):
    a = run_text(
        "Militants attacked a police post in Peshawar on Sunday, killing three officers. "
        "The Taliban denied any role in the attack."
    )
    attack = _first(a, "ASSAULT")
    assert ("The Taliban", "deny") in _stances(attack)
    assert attack.size.dead == 3
    assert _first(a, "REJECT").actor.text == "The Taliban"
    assert [e.type for e in a.events].count("ASSAULT") == 1


def test_denial_without_an_earlier_event_changes_nothing(run_text):
    a = run_text("The government denies any attack on the camp.")
    assert [e.type for e in a.events] == ["REJECT"]
    assert not a.events[0].claims


def test_hedge_adverb(run_text):
    ev = _first(run_text("Rebels allegedly shelled the town of Marib."), "ASSAULT")
    assert any(c.stance == "hedge" for c in ev.claims)


def test_said_to_hedges(run_text):
    a = run_text("Government troops are said to have killed 20 villagers in Rakhine state.")
    assert any(c.stance == "hedge" for c in _first(a, "ASSAULT").claims)


def test_claims_move_confidence(run_text):
    plain = _first(run_text("Rebels shelled the town of Marib."), "ASSAULT")
    hedged = _first(run_text("Rebels allegedly shelled the town of Marib."), "ASSAULT")
    assert hedged.confidence < plain.confidence


def test_seed_theater_asserted_by_ukraine_denied_by_russia(seed):
    theater = next(
        e for e in seed.events if e.type == "ASSAULT" and any("theater" in s.text for s in e.evidence)
    )
    stances = _stances(theater)
    assert ("Ukrainian officials", "assert") in stances
    assert ("Russia", "deny") in stances


def test_deny_window_is_a_setting():
    text = (
        "Militants attacked a police post in Peshawar on Sunday, killing three officers.\n\n"
        "Peshawar is the capital of the province of Khyber Pakhtunkhwa.\n\n"
        "The Taliban denied any role in the attack."
    )
    assert ("The Taliban", "deny") in _stances(_first(_run_with(Settings(), text), "ASSAULT"))
    narrow = _run_with(Settings(claim_deny_window_paragraphs=1), text)
    assert not _first(narrow, "ASSAULT").claims


def test_claim_shifts_are_settings():
    text = "Rebels allegedly shelled the town of Marib."
    hedged = _first(_run_with(Settings(), text), "ASSAULT")
    unmoved = _first(_run_with(Settings(claim_hedge_shift=0.0), text), "ASSAULT")
    assert unmoved.claims == hedged.claims
    assert round(unmoved.confidence + Settings().claim_hedge_shift, 2) == hedged.confidence


def test_a_pronoun_that_reports_is_the_last_speaker(run_text):
    a = run_text(
        "Army spokesman Colonel Tomas Ferreira said eight people had died in the clashes, which began after "
        "the electoral commission declared opposition leader Rui Mabunda the loser. He said 40 people had "
        "been arrested for looting."
    )
    (arrests,) = [e for e in a.events if e.type == "COERCE"]
    assert {c.speaker for c in arrests.claims} == {"Tomas Ferreira"}

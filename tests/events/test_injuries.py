"""Injuries: people taken to hospital or treated for wounds are the injured of the attack told before."""

from __future__ import annotations

MARCH = (
    "LUSAKA, Zambia — Police fired tear gas and beat protesters to break up a march by nurses in Lusaka on "
    "Monday, the nurses' union said.\n\n"
    "The nurses had marched from the main hospital towards parliament.\n\n"
    "{care}"
)


def _attacks(article):
    return [e for e in article.events if e.type == "ASSAULT"]


def test_people_treated_for_injuries_are_the_injured_of_the_attack_before(run_text):
    text = MARCH.format(care="Four nurses were treated for injuries at a clinic, a union official said.")
    article = run_text(text, published="2025-06-10")
    (attack,) = [e for e in _attacks(article) if e.actor is not None]
    assert attack.size.injured == 4
    assert any(x.text.startswith("Four nurses were treated") for x in attack.evidence)
    assert all(article.text[x.start : x.end] == x.text for x in attack.evidence)


def test_people_taken_to_hospital_count_too(run_text):
    text = MARCH.format(care="Seven marchers were taken to hospital, the union said.")
    (attack,) = [e for e in _attacks(run_text(text, published="2025-06-10")) if e.actor is not None]
    assert attack.size.injured == 7


def test_treatment_for_an_illness_is_no_injury(run_text):
    text = MARCH.format(care="The hospital treated 40 patients for malaria last month.")
    assert all(e.size.injured is None for e in _attacks(run_text(text, published="2025-06-10")))


def test_an_attack_told_only_in_the_care_sentence_is_the_attack_before(run_text):
    text = MARCH.format(care="Three nurses were treated for injuries after being beaten with batons.")
    article = run_text(text, published="2025-06-10")
    attacks = _attacks(article)
    assert [a.size.injured for a in attacks] == [3]
    assert [e.id for e in article.events] == [f"ev{n}" for n in range(1, len(article.events) + 1)]

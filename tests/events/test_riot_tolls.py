"""Riot tolls: the dead and injured told of a riot are the riot's."""

from __future__ import annotations

RIOT = (
    "Curfew imposed in Nampula after riots\n\n"
    "NAMPULA, Mozambique — Crowds of young men rioted in Nampula on Thursday, burning barricades and "
    "looting shops.\n\n"
    "Police said six people had been killed and 19 injured in the unrest."
)


def test_a_killing_told_in_the_unrest_is_the_riots_toll(run_text):
    article = run_text(RIOT, published="2024-12-27")
    (riot,) = [e for e in article.events if e.type == "PROTEST"]
    assert (riot.size.dead, riot.size.injured) == (6, 19)
    assert not [e for e in article.events if e.type == "ASSAULT" and e.size.dead == 6]
    assert [e.id for e in article.events] == [f"ev{n}" for n in range(1, len(article.events) + 1)]


def test_a_killing_by_someone_stays_an_attack(run_text):
    text = RIOT.replace("six people had been killed", "gunmen had killed six people")
    article = run_text(text, published="2024-12-27")
    assert [e for e in article.events if e.type == "ASSAULT" and e.size.dead == 6]

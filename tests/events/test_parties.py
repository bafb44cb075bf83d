"""Parties: only parties stay an event's actor and recipient (through the whole pipeline)."""

from __future__ import annotations

import pytest


@pytest.mark.parametrize(
    ("text", "kind"),
    [
        ("The blast killed nine police officers in Diyarbakir.", "instrument"),
        ("Sunday saw the heaviest shelling of Kherson in weeks.", "time"),
        ("Kenyan police detained dozens in Nairobi.", "place"),
    ],
)
def test_no_instrument_time_or_town_stands_as_a_party(run_text, text, kind):
    a = run_text(text)
    parties = {p.text.lower() for e in a.events for p in (e.actor, e.recipient) if p is not None}
    assert not parties & {"the blast", "sunday", "nairobi"}, kind


def test_a_party_stays(run_text):
    (arrest,) = [e for e in run_text("Police detained six activists in Minsk.").events if e.type == "COERCE"]
    assert (arrest.actor.text, arrest.recipient.text) == ("Police", "six activists")

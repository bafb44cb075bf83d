"""Event coding: PLOVER events with actors, place, date, size, claims and evidence; flags."""

from __future__ import annotations

from eventwire.events.acled import AcledView
from eventwire.events.claims import Claims
from eventwire.events.extract import ExtractEvents
from eventwire.events.flags import Flags
from eventwire.events.merge_within import MergeWithinArticle
from eventwire.events.parties import Parties
from eventwire.knowledge import Knowledge
from eventwire.pipeline import Step
from eventwire.settings import Settings


def event_steps(settings: Settings, knowledge: Knowledge) -> list[Step]:
    """The event stage's steps in order (Article in, Article out)."""
    return [
        ExtractEvents(settings, knowledge),
        Claims(settings, knowledge),
        Parties(settings, knowledge),
        MergeWithinArticle(settings, knowledge),
        AcledView(settings, knowledge),
        Flags(settings, knowledge),
    ]

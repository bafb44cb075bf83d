"""Event coding: PLOVER events with actors, place, date, size, claims and evidence; flags."""

from __future__ import annotations

from eventwire.events.acled import AcledView
from eventwire.events.arguments import EventArguments
from eventwire.events.build import BuildEvents
from eventwire.events.claims import Claims
from eventwire.events.detect import DetectEvents
from eventwire.events.flags import Flags
from eventwire.events.injuries import Injuries
from eventwire.events.merge_within import MergeWithinArticle
from eventwire.events.parties import Parties
from eventwire.events.place import EventPlace
from eventwire.events.riot_tolls import RiotTolls
from eventwire.events.size import EventSize
from eventwire.events.status import EventStatus
from eventwire.events.story import EventStory
from eventwire.events.when import EventTime
from eventwire.knowledge import Knowledge
from eventwire.pipeline import Step
from eventwire.settings import Settings


def event_steps(settings: Settings, knowledge: Knowledge) -> list[Step]:
    """The event stage's steps in order (Article in, Article out): candidates detected, given arguments,
    size, place, date and status, the story's day, built into events; then claims, parties, merging within the
    article, riot tolls given to their riot, injuries counted in care sentences given to their attack,
    the ACLED view and flags."""
    return [
        DetectEvents(settings, knowledge),
        EventArguments(settings, knowledge),
        EventSize(settings, knowledge),
        EventPlace(settings, knowledge),
        EventTime(settings, knowledge),
        EventStatus(settings, knowledge),
        EventStory(settings, knowledge),
        BuildEvents(settings, knowledge),
        Claims(settings, knowledge),
        Parties(settings, knowledge),
        MergeWithinArticle(settings, knowledge),
        RiotTolls(settings, knowledge),
        Injuries(settings, knowledge),
        AcledView(settings, knowledge),
        Flags(settings, knowledge),
    ]

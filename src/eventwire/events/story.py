"""The story, the seventh event step: the day and town an article's latest occurrences took place in, which
later events that name none take.

A report tells its story in order: "Rival supporters clashed in Datu Piang on Monday … Soldiers and police
later arrested six men." The arrest names neither day nor town; an ACLED coder gives it the clash's. So, in
text order, the story's day is that of the latest occurrence (an attack, a protest, an arrest:
`occurrence_types`) that occurred on a day the text names (or, until one does, on the publication day, for
the news itself: "A man has been beaten to death by a mob"), at most `event_story_days` before publication
and not told as background; a later event of the body that occurred takes it when it has none
(`date_source` "story"). The story's town is that of the latest occurrence that occurred in a town its own
sentence names; a later occurrence of the body that names no place takes it ("police had detained three
people"), unless it says it is another ("elsewhere": `merging.json`'s `another`; `place_source` "story").
Giving the town also to events placed only by the dateline was tried: on the written articles it merged
more mentions of other occurrences than it placed.
"""

from __future__ import annotations

from datetime import timedelta

from eventwire.events.candidates import EventDraft, candidates
from eventwire.events.index import ArticleIndex
from eventwire.events.place import COARSE, WIDE
from eventwire.events.status import background
from eventwire.events.when import When, bounds
from eventwire.knowledge.events import EventWords
from eventwire.knowledge.merging import MergeWords
from eventwire.model import Article, Place
from eventwire.pipeline import ArticleStep
from eventwire.settings import Settings


def _told_as_news(index: ArticleIndex, draft: EventDraft, words: EventWords) -> bool:
    """Whether a candidate occurred and is told as the story, not as background."""
    headline = index.paragraphs[draft.pp].kind == "title"
    return draft.status == "occurred" and not background(draft.primary.token, words, headline)


def story_day(index: ArticleIndex, draft: EventDraft, words: EventWords, settings: Settings) -> When | None:
    """The day a candidate moves the story to: the day of an event told as news (the text's, or the
    publication day of the news itself), at most `event_story_days` before publication."""
    when, pub = draft.when, bounds(index.article.published)
    if when is None or when.precision != "day" or when.cumulative or when.story or pub is None:
        return None
    day = bounds(when.date)
    if day is None or not _told_as_news(index, draft, words):
        return None
    return when if pub[0] - day[0] <= timedelta(days=settings.event_story_days) else None


def story_town(
    index: ArticleIndex, draft: EventDraft, words: EventWords, occurrences: frozenset[str]
) -> Place | None:
    """The town a candidate moves the story to: that of an occurrence that occurred in a town its own
    sentence names (also one told in a subordinate clause, unlike the day: "when the aircraft struck
    Nyaung Pin Thar" places what follows, though its time is the main clause's)."""
    place, kind = draft.place, draft.final_type or draft.entry.type
    if place is None or draft.place_source != "text" or place.feature in COARSE | WIDE:
        return None
    return place if kind in occurrences and draft.status == "occurred" else None


def follow_story(
    index: ArticleIndex, drafts: list[EventDraft], words: EventWords, merging: MergeWords, settings: Settings
) -> None:
    """Give each later event of the body that occurred, and names no day, the story's day; and each such
    occurrence that names no place, and no other one ("elsewhere"), the story's town."""
    day: When | None = None
    town: Place | None = None
    for draft in drafts:
        kind = draft.final_type or draft.entry.type
        moved = story_day(index, draft, words, settings) if kind in merging.occurrence_types else None
        if moved is not None and (day is None or moved.linked):  # a day the text names beats a report's
            day = moved
        town = story_town(index, draft, words, merging.occurrence_types) or town
        if index.paragraphs[draft.pp].kind != "body" or not _told_as_news(index, draft, words):
            continue
        when = draft.when or When()
        if day is not None and not when.linked and when.precision != "day":
            draft.when = When(date=day.date, precision="day", story=True)
        other = merging.another.search(draft.sent.text)
        if town is not None and draft.place is None and kind in merging.occurrence_types and not other:
            draft.place, draft.place_source = town, "story"


class EventStory(ArticleStep):
    """Give later events that name no day or town those of the story they are told in."""

    name = "events.story"
    needs = frozenset({"event_status"})
    adds = frozenset({"event_story"})

    def process(self, article: Article) -> Article:
        found = candidates(article)
        language = self.knowledge.language
        follow_story(found.index, found.drafts, language.events, language.merging, self.settings)
        return article

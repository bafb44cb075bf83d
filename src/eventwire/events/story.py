"""The story, the seventh event step: the day an article's latest events took place, which later events
that name none take.

A report tells its story in order: "Rival supporters clashed in Datu Piang on Monday … Soldiers and
police later arrested six men." The arrest names no day; an ACLED coder gives it the clash's. So, in
text order, the story's day is that of the latest event that occurred on a day the text names, at most
`event_story_days` before publication and not told as background; a later event of the body that
occurred takes it when it has none (`date_source` "story"). (Giving such events the story's town too
was tried: on the written articles it merged more mentions of other occurrences than it placed.)
"""

from __future__ import annotations

from datetime import timedelta

from eventwire.events.candidates import EventDraft, candidates
from eventwire.events.index import ArticleIndex
from eventwire.events.status import background
from eventwire.events.when import When, bounds
from eventwire.knowledge.events import EventWords
from eventwire.model import Article
from eventwire.pipeline import ArticleStep
from eventwire.settings import Settings


def _told_as_news(index: ArticleIndex, draft: EventDraft, words: EventWords) -> bool:
    """Whether a candidate occurred and is told as the story, not as background."""
    headline = index.paragraphs[draft.pp].kind == "title"
    return draft.status == "occurred" and not background(draft.primary.token, words, headline)


def story_day(index: ArticleIndex, draft: EventDraft, words: EventWords, settings: Settings) -> When | None:
    """The day a candidate moves the story to: the text's day of an event told as news, at most
    `event_story_days` before publication."""
    when, pub = draft.when, bounds(index.article.published)
    if when is None or not when.linked or when.precision != "day" or when.cumulative or pub is None:
        return None
    day = bounds(when.date)
    if day is None or not _told_as_news(index, draft, words):
        return None
    return when if pub[0] - day[0] <= timedelta(days=settings.event_story_days) else None


def follow_story(
    index: ArticleIndex, drafts: list[EventDraft], words: EventWords, settings: Settings
) -> None:
    """Give each later event of the body that occurred, and names no day, the story's day."""
    day: When | None = None
    for draft in drafts:
        day = story_day(index, draft, words, settings) or day
        if index.paragraphs[draft.pp].kind != "body" or not _told_as_news(index, draft, words):
            continue
        when = draft.when or When()
        if day is not None and not when.linked and when.precision != "day":
            draft.when = When(date=day.date, precision="day", story=True)


class EventStory(ArticleStep):
    """Give later events that name no day that of the story they are told in."""

    name = "events.story"
    needs = frozenset({"event_status"})
    adds = frozenset({"event_story"})

    def process(self, article: Article) -> Article:
        found = candidates(article)
        follow_story(found.index, found.drafts, self.knowledge.language.events, self.settings)
        return article

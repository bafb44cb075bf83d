"""Size, the third event step: how many a candidate killed, injured, arrested or counted.

A trigger whose sense counts something (`size` in the lexicon: "killed" counts the dead) takes the whole
number nearest it in its own phrase ("killed 12 people", "the arrest of 53 activists"); qualifiers
("at least") stay on the quantity.
"""

from __future__ import annotations

from eventwire.events.candidates import EventDraft, candidates
from eventwire.events.index import ArticleIndex
from eventwire.events.place import own_region
from eventwire.model import Article
from eventwire.pipeline import ArticleStep


def size_of(index: ArticleIndex, draft: EventDraft) -> dict[str, int]:
    """The count a one-trigger candidate's sense asks for, from its own phrase ({} when none)."""
    trig = draft.primary
    if trig.entry.size is None:
        return {}
    region = own_region(trig.token)
    start, end = index.span_chars(draft.pp, draft.sent)
    best = None
    for m in index.quantities.within(start, end):
        head = index.head_token(draft.pp, m.start, m.end)
        value = m.item.value
        if head is None or head.i not in region or value is None or value != int(value):
            continue
        dist = abs(head.i - trig.token.i)
        if best is None or dist < best[0]:
            best = (dist, int(value))
    return {trig.entry.size: best[1]} if best else {}


class EventSize(ArticleStep):
    """Give each event candidate the toll or count its own words state."""

    name = "events.size"
    needs = frozenset({"event_arguments"})
    adds = frozenset({"event_sizes"})

    def process(self, article: Article) -> Article:
        found = candidates(article)
        for draft in found.drafts:
            draft.size = size_of(found.index, draft)
        return article

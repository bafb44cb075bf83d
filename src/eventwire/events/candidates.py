"""The event candidates of an article: what the event steps build, one step at a time, before `events`.

`events.detect` finds the triggers of every sentence and makes one candidate (`EventDraft`) of each;
`events.arguments` gives each its actor and recipient and drops those no party does; `events.size` its toll;
`events.place` its place, joining the candidates of one sentence that tell one event; `events.when` its date;
`events.status` its status and final type; `events.story` the day and town of the story it is told in when it
names none; `events.build` turns them into `Event`s. They travel in `article.scratch["event_candidates"]`
(`Candidates`).
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from spacy.tokens import Span

from eventwire.errors import EventwireError
from eventwire.events.index import ArticleIndex
from eventwire.events.participants import Roles
from eventwire.events.triggers import Trigger
from eventwire.eventtypes.model import SentenceTypes
from eventwire.knowledge.events import TriggerEntry
from eventwire.model import Article, Place

if TYPE_CHECKING:
    from eventwire.events.when import When

SCRATCH = "event_candidates"


@dataclass(frozen=True)
class TriggerRef:
    """Where a trigger is: position of its paragraph in the parse and its token index."""

    pp: int
    token: int


@dataclass(frozen=True)
class ContentRef:
    """A trigger that is only another's content ("strikes" in "denies any strikes")."""

    pp: int
    token: int
    type: str
    outer: int


@dataclass
class EventDraft:
    """An event of one sentence being built from one or more of its triggers, before it is an `Event`."""

    pp: int
    sent: Span
    triggers: list[Trigger]
    sentence: set[int]
    """Token indices of every trigger of the sentence: their phrases and times are theirs."""
    inner: list[Trigger] = field(default_factory=list)
    """Triggers that are this one's content ("strikes" in "denies strikes")."""
    read: SentenceTypes | None = None
    """The event-type model's reading of the sentence, when the model runs."""
    lexicon: set[int] = field(default_factory=set)
    """Token indices of the sentence's triggers the lexicon found (the others are the model's)."""
    roles: Roles = field(default_factory=Roles)
    place: Place | None = None
    own_place: bool = False
    place_source: str | None = None
    """Where the place comes from: "text" (the sentence), "context" (the paragraph so far, or the one a
    sentence points back to), "story" (the town of the article's latest occurrence) or "dateline"."""
    size: dict[str, int] = field(default_factory=dict)
    type: str | None = None
    """A type the content gives ("prepared to impose martial law" is a threat), over the trigger's own."""
    mode: str | None = None
    """A mode the content gives ("threatened to expel" is THREATEN/expel), over the trigger's own."""
    when: When | None = None
    status: str = "occurred"
    final_type: str | None = None
    """The type the event is given: the content's or the trigger's, or an announcement's (a threat)."""
    final_mode: str | None = None

    @property
    def primary(self) -> Trigger:
        """The trigger that names the event best: the first with a mode, else the first."""
        return next((t for t in self.triggers if t.entry.mode), self.triggers[0])

    @property
    def entry(self) -> TriggerEntry:
        """The lexicon sense of the primary trigger."""
        return self.primary.entry

    def absorb(self, other: EventDraft) -> None:
        """Take another draft's triggers, and its participants and sizes where this one has none."""
        self.triggers = sorted(self.triggers + other.triggers, key=lambda t: t.token.i)
        # "an airstrike killed 20": the airstrike is the event, neither its actor nor its recipient
        mine = {t.token.i for t in self.triggers}
        actors = [a for a in (self.roles.actor, other.roles.actor) if a is not None and a.i not in mine]
        targets = [
            r for r in (self.roles.recipient, other.roles.recipient) if r is not None and r.i not in mine
        ]
        self.roles.actor = actors[0] if actors else None
        self.roles.recipient = targets[0] if targets else None
        for key, value in other.size.items():
            self.size[key] = max(value, self.size.get(key, 0))


@dataclass
class Candidates:
    """An article's event candidates and the index the steps read the article through."""

    index: ArticleIndex
    drafts: list[EventDraft]
    content: list[ContentRef]
    model_version: str | None = None
    """The event-type model's version, when it read the sentences."""


def candidates(article: Article) -> Candidates:
    """The candidates `events.detect` left on the article.

    Raises:
        EventwireError: EW401 when the article has been through no detection.
    """
    found = article.scratch.get(SCRATCH)
    if not isinstance(found, Candidates):
        raise EventwireError(
            "EW401", "article has no event candidates (run events.detect first)", article.source.path
        )
    return found

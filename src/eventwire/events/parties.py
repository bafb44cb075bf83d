"""Only parties stand as an event's actor or recipient: never an instrument ("the blast", "two bombs"), an
event ("the arrests"), a bare count ("dozens"), a place ("Police → Nairobi") or a bare demonym ("Kenyan").

A head word of those kinds (the pack's `acled.json`, `actors.not_parties`) or a place that is not a
country (a city as the recipient of an arrest) is taken out; a capital standing for its government
("Moscow said") stays. A participant linked to a demonym though it says more ("Pro-Russian
separatists" linked to "Russian") keeps its words and loses the link.
"""

from __future__ import annotations

import re

from eventwire.events.acled_actors import head_word
from eventwire.model import Article, Participant
from eventwire.pipeline import ArticleStep

_ARTICLE = re.compile(r"^(?:the|a|an)\s+", re.IGNORECASE)


class Parties(ArticleStep):
    """Take out of every event the actors and recipients that are not parties."""

    name = "parties"
    needs = frozenset({"events"})
    adds = frozenset({"parties"})

    def process(self, article: Article) -> Article:
        for event in article.events:
            event.actor = self.party(event.actor, article)
            event.recipient = self.party(event.recipient, article)
        return article

    def party(self, who: Participant | None, article: Article) -> Participant | None:
        """The participant, unlinked from a demonym it is more than, or None when it is no party."""
        if who is None:
            return None
        places = self.knowledge.language.places
        bare = _ARTICLE.sub("", who.text).strip()
        if places.is_demonym(bare):
            return None
        if self.knowledge.acled.actors.not_party(head_word(who.text, self.knowledge.acled.actors)):
            return None
        if not bare or bare.replace(",", "").isdigit() or _is_place(who, bare, article):
            return None
        if who.name and places.is_demonym(who.name):
            return Participant(text=who.text)
        return who


def _is_place(who: Participant, bare: str, article: Article) -> bool:
    """Whether a participant is only a place that is no country and stands for no government."""
    entity = next((e for e in article.entities if e.id == who.entity), None)
    if entity is not None and (entity.type not in ("GPE", "LOC", "FAC") or entity.attributes.get("government_of")):
        return False
    return any(
        p.feature != "country" and any(m.text == bare for m in p.mentions) for p in article.places
    )

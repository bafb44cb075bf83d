"""Only parties stand as an event's actor or recipient: never an instrument ("the blast", "two bombs"), an
event ("the arrests"), a bare count ("dozens"), a time ("Sunday"), a place ("Police → Nairobi") or a bare
demonym ("Kenyan"); nor a medium ("footage", "our live coverage"), a figure ("a higher figure"), a thing
("their faces", "take cover") or a measure ("about 70 km"). What is struck but never strikes ("the
convoy") is no actor, though it stays a recipient: the target.

A head word of those kinds (the pack's `acled.json`, `actors.not_parties`) or a place that is not a
country (a city as the recipient of an arrest) is taken out; a capital as the actor stands for its
government ("Moscow said") and stays. An instrument of a named country ("Russian artillery") stands for
that country. A participant linked to a demonym though it says more ("Pro-Russian separatists" linked
to "Russian") keeps its words and loses the link.
"""

from __future__ import annotations

from eventwire.events.acled_actors import head_phrase, head_word
from eventwire.knowledge.acled_actors import AcledActors
from eventwire.model import Article, Participant
from eventwire.pipeline import ArticleStep


class Parties(ArticleStep):
    """Take out of every event the actors and recipients that are not parties."""

    name = "parties"
    needs = frozenset({"events"})
    adds = frozenset({"parties"})

    def process(self, article: Article) -> Article:
        for event in article.events:
            event.actor = self.party(event.actor, article, actor=True)
            where = event.type in self.knowledge.acled.actors.place_is_where
            event.recipient = self.party(event.recipient, article, actor=False, place_is_where=where)
        return article

    def party(
        self, who: Participant | None, article: Article, actor: bool, place_is_where: bool = True
    ) -> Participant | None:
        """The participant, unlinked from a demonym it is more than, or None when it is no party; a
        recipient that is a place is a party only when `place_is_where` is False ("lifted a curfew in
        Kano")."""
        if who is None:
            return None
        places, rules = self.knowledge.language.places, self.knowledge.acled.actors
        bare = rules.article.sub("", who.text).strip()
        if places.is_demonym(bare):
            return None
        first = bare.split(" ", 1)[0] if bare else ""
        kind = rules.not_party(head_word(who.text, rules))
        if kind == "instrument" and _country_linked(who, article):
            return who  # "Russian artillery": the country whose weapon it is
        if kind == "target" and not actor:
            kind = None  # "hit a police convoy": what is struck stands for whom
        if kind and _named_beyond_head(who, rules):
            kind = None  # "a meeting of the UN Security Council": the council
        if kind or rules.not_party(first) == "none" or rules.not_party_phrase(head_phrase(who.text, rules)):
            return None
        if (
            not bare
            or bare.replace(",", "").isdigit()
            or any(t.text.lower() in (bare.lower(), who.text.lower()) for t in article.times)
            or (place_is_where and _is_place(who, bare, article, actor))
        ):
            return None
        if who.name and places.is_demonym(who.name):
            return Participant(text=who.text)
        return who


def _named_beyond_head(who: Participant, rules: AcledActors) -> bool:
    """Whether a participant names its party after its head ("a meeting of the UN Security Council")."""
    return bool(who.name) and who.name not in head_phrase(who.text, rules) and who.name in who.text


def _country_linked(who: Participant, article: Article) -> bool:
    """Whether a participant is linked to a country or its people ("Russian artillery" → Russia)."""
    return any(e.id == who.entity and e.type in ("GPE", "NORP") for e in article.entities)


def _is_place(who: Participant, bare: str, article: Article, actor: bool) -> bool:
    """Whether a participant is only a place that is no country; a capital as an actor stands for its
    government ("Moscow said"), as a recipient it is where the event happened ("rally in Nairobi")."""
    entity = next((e for e in article.entities if e.id == who.entity), None)
    if entity is not None and entity.type not in ("GPE", "LOC", "FAC"):
        return False
    if entity is not None and actor and entity.attributes.get("government_of"):
        return False
    return any(p.feature != "country" and any(m.text == bare for m in p.mentions) for p in article.places)

"""An event's actors as ACLED names them, their inter and interaction codes, and its geo precision.

A participant is named by the named group it is ("al-Shabaab fighters" → al-Shabaab), else by the
category its head words put it in, in ACLED's form ("Kenyan police" → "Police Forces of Kenya",
"protesters" → "Protesters (Nigeria)"), else, when it is a country or a country's weapon, as the force
that country acts through for the event's type ("Russia" or "Russian artillery" shelling → "Military
Forces of Russia"). A protest's or riot's actor1 is always its crowd; a state force in it is actor2 and
a named group the crowd's associated actor. When the event names no actor ACLED would, a default by
sub-event type stands where ACLED's definitions imply one (an unknown attacker is an unidentified armed
group). See `knowledge/acled.json`.
"""

from __future__ import annotations

import re
from collections import Counter
from typing import Any

from eventwire.knowledge.acled_actors import AcledActors, Category
from eventwire.knowledge.places import PlaceWords
from eventwire.model import Article, Entity, Event, Participant, Place

_NAME_WORD = re.compile(r"(?<![\w-])[A-Z][\w'’]*")


def head_phrase(text: str, rules: AcledActors) -> str:
    """The part of a participant's text that names it: up to "of", "in", a comma…, or after "of" when
    what comes first is a count ("hundreds of protesters" → "protesters")."""
    parts = rules.head_end.split(text, maxsplit=1)
    first = parts[0].strip()
    words = first.split()
    if len(parts) > 1 and words and rules.not_party(words[-1]) == "count":
        return head_phrase(parts[1], rules)
    return first


def head_word(text: str, rules: AcledActors) -> str:
    """The last word of the head phrase, lower-cased ("" when there is none)."""
    words = re.findall(r"[\w'’-]+", head_phrase(text, rules))
    return words[-1].lower() if words else ""


class ActorNamer:
    """Names one article's event participants as ACLED does."""

    def __init__(self, article: Article, rules: AcledActors, places: PlaceWords) -> None:
        self.rules, self.words = rules, places
        self.places = {p.id: p for p in article.places}
        self.entities = {e.id: e for e in article.entities}
        by_mentions = Counter(p.country_code for p in article.places for _ in p.mentions if p.country_code)
        self.article_country = by_mentions.most_common(1)[0][0] if by_mentions else None

    def event_country(self, event: Event) -> str | None:
        """The country an event happened in: its place's, else the one the article mentions most."""
        place = self.places.get(event.place or "")
        return (place.country_code if place else None) or self.article_country

    def own_country(self, who: Participant) -> str | None:
        """The country a participant belongs to: a country it is or names, a place in its words, or a
        demonym in them ("Kenyan police"; not "Pro-Russian")."""
        entity = self.entities.get(who.entity or "")
        if entity is not None:
            found = self._entity_country(entity)
            if found:
                return found
        for place in self.places.values():
            if place.country_code and any(_within(m.text, who.text) for m in place.mentions):
                return place.country_code
        for word in _NAME_WORD.findall(who.text):
            if code := self.words.demonym_country(word):
                return code
        return None

    def _entity_country(self, entity: Entity) -> str | None:
        if entity.type not in ("GPE", "NORP"):
            return None
        if capital_of := entity.attributes.get("government_of"):
            return next((c.code for c in self.rules.countries.values() if c.name == capital_of), None)
        place = next((p for p in self.places.values() if p.name == entity.name), None)
        if place is not None:
            return place.country_code
        named = next((c.code for c in self.rules.countries.values() if c.name == entity.name), None)
        return named or self.words.demonym_country(entity.name)

    def is_state(self, who: Participant) -> bool:
        """Whether a participant is a country itself ("Russia", "Kyiv" for Ukraine's government)."""
        entity = self.entities.get(who.entity or "")
        if entity is None or entity.type != "GPE":
            return False
        if entity.attributes.get("government_of"):
            return True
        place = next((p for p in self.places.values() if p.name == entity.name), None)
        if place is not None:
            return place.feature == "country"
        return any(c.name == entity.name for c in self.rules.countries.values())

    def _country_weapon(self, who: Participant) -> bool:
        """Whether a participant is a country's weapon ("Russian artillery and rocket fire"), which the
        parties step keeps for the country whose forces fire it."""
        return self.rules.not_party(head_word(who.text, self.rules)) == "instrument" and bool(
            self.own_country(who)
        )

    def name(self, who: Participant, event: Event, acled: dict[str, str]) -> dict[str, Any] | None:
        """A participant as an ACLED actor (`name`, `inter`, `text`), or None when ACLED would not name
        it (a person, an unnamed organisation)."""
        country = self.event_country(event)
        group = self.rules.group(who.name or "") or self.rules.group(who.text)
        if group is not None:
            inter = group.inter
            if group.country and country and group.country != country:
                inter = self.rules.foreign_inter
            return {"name": group.name, "inter": inter, "text": who.text}
        category = self.rules.category(head_phrase(who.text, self.rules))
        forces = self.rules.state_category(acled["event_type"], acled["sub_event_type"])
        if (category is None and (self.is_state(who) or self._country_weapon(who))) or (
            category is not None and category.key in self.rules.acts_through_forces
        ):
            category = forces
        if category is None:
            return None
        return self.actor(category, country, self.own_country(who), who.text)

    def actor(
        self, category: Category, event: str | None, own: str | None, text: str | None
    ) -> dict[str, Any]:
        """An actor of a category, named with the country its category takes."""
        first, second = (own, event) if category.own_country else (event, own)
        code = first or second
        inter = category.inter
        if category.inter == 1 and own and event and own != event:
            inter = self.rules.foreign_inter
        country = self.rules.countries.get(code or "")
        name = category.name.replace("{country}", country.name) if country else category.no_country
        return {"name": name, "inter": inter, "text": text}


def _within(name: str, text: str) -> bool:
    return bool(re.search(rf"(?<!\w){re.escape(name)}(?!\w)", text))


def code_actors(event: Event, acled: dict[str, str], namer: ActorNamer) -> dict[str, Any]:
    """ACLED's actor1, assoc_actor_1, actor2, assoc_actor_2, inter codes, interaction and civilian
    targeting for an event of the given ACLED types."""
    rules, sub = namer.rules, acled["sub_event_type"]
    country = namer.event_country(event)
    pair = [namer.name(who, event, acled) if who else None for who in (event.actor, event.recipient)]
    orgs = [
        _org(who, namer) for who, a in zip((event.actor, event.recipient), pair, strict=True) if who and not a
    ]
    assoc1 = next((o for o in orgs if o), None)
    crowd = rules.crowds.get(sub)
    if crowd is not None:
        kind = rules.categories[crowd]
        named = [a for a in pair if a]
        crowds = [a for a in named if a["inter"] == kind.inter]
        force = next((a for a in named if a["inter"] in (1, rules.foreign_inter)), None)
        pair = [crowds[0] if crowds else namer.actor(kind, country, None, None), force]
    defaults = rules.defaults.get(sub, (None, None))
    for i, key in enumerate(defaults):
        if pair[i] is None and key and (i == 0 or event.recipient is None):
            pair[i] = namer.actor(rules.categories[key], country, None, None)
    actor1, actor2 = pair if pair[0] else (pair[1], None)
    if actor1 is not None and actor2 is not None and actor2["name"] == actor1["name"]:
        actor2 = None
    disorder = rules.disorder(acled["event_type"], sub)
    return {
        "disorder_type": disorder,
        "actor1": actor1,
        "assoc_actor_1": assoc1 if actor1 is not None else None,
        "actor2": actor2,
        "assoc_actor_2": None,
        "interaction": interaction(actor1, actor2),
        "civilian_targeting": bool(
            actor2 and actor2["inter"] == 7 and any(d in disorder for d in rules.civilian_targeting)
        ),
    }


def _org(who: Participant, namer: ActorNamer) -> str | None:
    """An organisation's name for an associated actor ("Bangladesh Nationalist Party"), or None."""
    entity = namer.entities.get(who.entity or "")
    return entity.name if entity is not None and entity.type == "ORG" else None


def interaction(actor1: dict[str, Any] | None, actor2: dict[str, Any] | None) -> int | None:
    """ACLED's interaction code: both inter codes, the lower first (17); one actor alone, its code and
    0 (60)."""
    if actor1 is None:
        return None
    if actor2 is None:
        return actor1["inter"] * 10
    low, high = sorted((actor1["inter"], actor2["inter"]))
    return low * 10 + high


def geo_precision(event: Event, article: Article, place: Place | None, rules: AcledActors) -> int | None:
    """ACLED's geo_precision of an event's place: by its kind (a town 1, a province 3), and 2 for a town
    the evidence places the event near ("near Jilib", "outside Kismayo")."""
    if place is None:
        return None
    code = rules.geo_features.get(place.feature, rules.geo_near)
    for ev in event.evidence:
        for m in place.mentions:
            if ev.start <= m.start < ev.end and rules.near.search(
                article.text[max(ev.start, m.start - 60) : m.start]
            ):
                return max(code, rules.geo_near)
    return code

"""How ACLED names actors and places: actor categories and inter codes, named groups, what is never a
party, countries and regions, disorder types and geo precision.

The rules are in `knowledge/acled.json` (`actors`, `disorder_types`, `geo_precision`) and
`knowledge/acled_countries.tsv`; the words are in the language pack's `acled.json` (`actors`).
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Any

from eventwire.knowledge.files import read_rows
from eventwire.knowledge.pack import PackFiles
from eventwire.knowledge.patterns import any_of


@dataclass(frozen=True)
class Category:
    """An ACLED actor category: its name pattern ("Police Forces of {country}"), inter code and words."""

    key: str
    name: str
    no_country: str
    """The name when the country is unknown ("Police Forces")."""
    inter: int
    own_country: bool
    """True: the country is the actor's own ("Kenyan police"), else the event's; False: the reverse."""
    words: re.Pattern[str]


@dataclass(frozen=True)
class Group:
    """A named group by its ACLED name, the names it goes by, its inter code and, for a state's force,
    its country."""

    name: str
    aliases: frozenset[str]
    inter: int
    country: str | None = None


@dataclass(frozen=True)
class Country:
    """A country as ACLED writes it: numeric ISO code, name and region."""

    code: str
    iso: int
    name: str
    region: str


@dataclass(frozen=True)
class AcledActors:
    """ACLED's actor rules with the words of one language pack."""

    categories: dict[str, Category]
    """Category key → category, in the order their words are tried."""
    groups: tuple[Group, ...]
    head_end: re.Pattern[str]
    """Splits a participant's text where its head phrase ends (a comma, "of", "who")."""
    article: re.Pattern[str]
    """An article at the start of a participant's text ("the")."""
    not_parties: dict[str, re.Pattern[str]]
    """Kind (instrument, event, count, target…) → a pattern that matches a whole head word of that kind."""
    not_party_phrases: re.Pattern[str]
    """Matches a whole head phrase that is no party though its head word may name one ("a higher
    figure", not "an opposition figure")."""
    near: re.Pattern[str]
    """Matches words just before a place that make it approximate ("near", "outside")."""
    foreign_inter: int
    crowds: dict[str, str]
    """Sub-event type → the crowd category that is always its actor1."""
    defaults: dict[str, tuple[str | None, str | None]]
    """Sub-event type → the categories of actor1 and actor2 when the event names none."""
    states: dict[str, str]
    """Sub-event or event type (or "default") → the category a country named as actor acts as."""
    acts_through_forces: frozenset[str]
    """Categories that act through the force `states` gives for the event's type ("the government"
    recapturing towns: its military; arresting: its police)."""
    place_is_where: frozenset[str]
    """PLOVER types whose recipient, when a place that is no country, is where the event happened."""
    civilian_targeting: frozenset[str]
    """Disorder types in which civilians as actor2 are a case of civilian targeting."""
    disorder_types: dict[str, str]
    """Sub-event type or event type → ACLED's disorder type (a sub-event type's entry wins)."""
    countries: dict[str, Country]
    """ISO alpha-2 code → the country as ACLED writes it."""
    geo_features: dict[str, int]
    """Place feature → ACLED geo_precision."""
    geo_near: int

    @classmethod
    def load(cls, raw: dict[str, Any], files: PackFiles, package: str) -> AcledActors:
        """The rules of `raw` (knowledge/acled.json) with the words of a pack's `acled.json`.

        Raises:
            ValueError: when a category has no words, or a rule names a category that does not exist.
        """
        rules, words = raw["actors"], files.json("acled.json")["actors"]
        specs = rules["categories"]
        if missing := sorted(set(specs) ^ set(words["categories"])):
            raise ValueError(f"acled.json: actor categories without words or rules: {missing}")
        categories = {
            key: Category(
                key=key,
                name=s["name"],
                no_country=s["no_country"],
                inter=int(s["inter"]),
                own_country=s["country"] == "own",
                words=any_of(words["categories"][key]),
            )
            for key, s in sorted(specs.items(), key=lambda kv: list(words["categories"]).index(kv[0]))
        }
        named = [*rules["crowds"].values(), *rules["states"].values(), *rules["acts_through_forces"]]
        named += [c for pair in rules["defaults"].values() for c in pair if c]
        if unknown := sorted(set(named) - set(categories)):
            raise ValueError(f"acled.json: actor rules name unknown categories: {unknown}")
        groups = tuple(
            Group(name, frozenset(g["aliases"]), int(g["inter"]), g.get("country"))
            for name, g in words["groups"].items()
        )
        countries = {
            r[0]: Country(r[0], int(r[1]), r[2], r[3]) for r in read_rows(package, "acled_countries.tsv")
        }
        return cls(
            categories=categories,
            groups=groups,
            head_end=re.compile(
                "|".join(re.escape(w) if not w.isalpha() else rf"\s{w}\s" for w in words["head_ends"]),
                re.IGNORECASE,
            ),
            article=re.compile(r"^(?:" + "|".join(words["articles"]) + r")\s+", re.IGNORECASE),
            not_parties={
                kind: re.compile(r"(?:" + "|".join(p) + r")", re.IGNORECASE)
                for kind, p in words["not_parties"].items()
            },
            not_party_phrases=re.compile(r"(?:" + "|".join(words["not_party_phrases"]) + r")", re.IGNORECASE),
            near=any_of(words["near"], r"\s+(?:the\s+)?$"),
            foreign_inter=int(rules["foreign_inter"]),
            crowds=dict(rules["crowds"]),
            defaults={k: (v[0], v[1]) for k, v in rules["defaults"].items()},
            states=dict(rules["states"]),
            acts_through_forces=frozenset(rules["acts_through_forces"]),
            place_is_where=frozenset(rules["place_is_where"]),
            civilian_targeting=frozenset(rules["civilian_targeting"]),
            disorder_types=dict(raw["disorder_types"]),
            countries=countries,
            geo_features={k: int(v) for k, v in raw["geo_precision"]["features"].items()},
            geo_near=int(raw["geo_precision"]["near"]),
        )

    def group(self, text: str) -> Group | None:
        """The named group a name or phrase names: an alias as a whole word, case as written."""
        for g in self.groups:
            if any(re.search(rf"(?<![\w-]){re.escape(a)}(?![\w-])", text) for a in g.aliases):
                return g
        return None

    def category(self, head: str) -> Category | None:
        """The category whose words end the head phrase, the longest match first ("army officers" →
        police; "army positions" → none)."""
        head = head.rstrip(" .'’")
        best: tuple[int, Category] | None = None
        for c in self.categories.values():
            for m in c.words.finditer(head):
                if m.end() == len(head) and (best is None or m.end() - m.start() > best[0]):
                    best = (m.end() - m.start(), c)
        return best[1] if best else None

    def not_party(self, head_word: str) -> str | None:
        """The kind of non-party a head word is (instrument, event, count, target…), or None."""
        return next((k for k, p in self.not_parties.items() if p.fullmatch(head_word)), None)

    def not_party_phrase(self, head_phrase: str) -> bool:
        """Whether a whole head phrase is no party though its head word may be one ("the same figure")."""
        return bool(self.not_party_phrases.fullmatch(head_phrase.strip()))

    def disorder(self, event_type: str, sub_event_type: str) -> str:
        """ACLED's disorder type of an event type and sub-event type."""
        return self.disorder_types.get(sub_event_type) or self.disorder_types.get(event_type, "")

    def state_category(self, event_type: str, sub_event_type: str) -> Category:
        """The category a country named as an event's actor acts as."""
        key = self.states.get(sub_event_type) or self.states.get(event_type) or self.states["default"]
        return self.categories[key]

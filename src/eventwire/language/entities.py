"""The entities step: one `Entity` per referent, with canonical name, type, roles, attributes and mentions.

Reads the parse (`Parse`) and the place names the `Places` step resolved in context
(`scratch["place_mentions"]`, so "Makarov" is named Makariv as in `places`); finds and retypes mentions
(`mentions`), reads roles and ages (`roles`), links mentions to referents (`linking`) and marks place names
used as actors (`metonymy`). Place names the model missed (Donetsk) become GPE entities too.

Attributes, by type (all optional):
- PERSON: `age`; `role_evidence`, one object per role reading: `role` (as in `roles`), `of` (the possessor:
  "Putin" in "Putin's spokesman", else null), `former` ("former", "then", "served as"), `how`
  (premodifier|apposition|predicate),
  `paragraph` (index; its kind tells a headline from the body) and the span `start`/`end`/`text`.
  `roles` keeps every distinct role string in order of first reading, headline roles included, so a
  contradiction (two people called the Kremlin's spokesman) stays visible.
- GPE/LOC: `actor_mentions`, spans where the name stands for a government ("Moscow says"), and
  `government_of`, the country a capital stands for.
- ORG: `seat_of_government` for the Kremlin, the White House…; `acronym` when a short form is used.
- NORP: `country` and `country_code` of a demonym.
"""

from __future__ import annotations

from collections.abc import Sequence
from functools import cache
from typing import Any

from eventwire.knowledge import Knowledge
from eventwire.knowledge.entities import EntityWords
from eventwire.knowledge.places import PlaceWords
from eventwire.language import metonymy
from eventwire.language.linking import Cluster, link, norm
from eventwire.language.mentions import (
    PLACE_LABELS,
    Candidate,
    PlaceHit,
    PlaceLookup,
    Words,
    find_mentions,
    surname_mentions,
)
from eventwire.language.nlp import ParsedParagraph, parsed
from eventwire.model import Article, Entity
from eventwire.pipeline import ArticleStep
from eventwire.places.index import Entry, load_gazetteer
from eventwire.settings import Settings

_FEATURE_RANK = {"country": 4, "city": 3, "admin1": 2, "region": 1, "admin2": 0}
"""Among equally good matches a country, then a city (New York), then a division is meant."""


def place_lookup(settings: Settings, place_words: PlaceWords, language: str) -> PlaceLookup:
    """A memoised (surface, label) → `PlaceHit` function over the gazetteer and its abbreviations ("US")."""
    gazetteer = load_gazetteer(language)
    short = place_words.abbreviations

    def by_abbreviation(surface: str) -> Entry | None:
        kind, code = short[surface]
        return gazetteer.by_geonameid(int(code)) if kind == "city" else gazetteer.by_code(code)

    @cache
    def find(surface: str, label: str) -> PlaceHit | None:
        strict = label not in PLACE_LABELS
        if surface in short:
            entry = by_abbreviation(surface)
            return PlaceHit(entry.name, entry.feature) if entry else None
        if surface.isupper() and len(surface) <= settings.max_abbreviation_chars:
            return None  # NATO is no village in the Philippines
        ok = []
        for m in gazetteer.lookup(surface):
            e = m.entry
            big = (
                e.feature in ("country", "admin1", "region")
                or e.population >= settings.unlabelled_place_population
            )
            if (m.variant and (strict or e.population < settings.variant_place_population)) or (
                strict and not big
            ):
                continue
            if label == "ORG" and m.alternate:
                continue
            ok.append(m)
        if not ok:
            return None
        best = max(
            ok,
            key=lambda m: (
                not m.variant,
                not m.alternate,
                _FEATURE_RANK[m.entry.feature],
                m.entry.population,
            ),
        )
        capital = next((m.entry for m in ok if not m.variant and gazetteer.is_capital(m.entry)), None)
        country = gazetteer.by_code(capital.country) if capital else None
        return PlaceHit(best.entry.name, best.entry.feature, country.name if country else None)

    return find


class Entities(ArticleStep):
    """Find entities with canonical names, roles, titles, attributes and actor (metonymic) mentions."""

    name = "entities"
    needs = frozenset({"parse", "places"})
    adds = frozenset({"entities"})

    def __init__(self, settings: Settings, knowledge: Knowledge) -> None:
        super().__init__(settings, knowledge)
        self._lookup: PlaceLookup | None = None

    def setup(self) -> None:
        self.lookup()

    def lookup(self) -> PlaceLookup:
        """The step's memoised place lookup, built on first use (it loads the gazetteer)."""
        if self._lookup is None:
            pack = self.knowledge.language
            self._lookup = place_lookup(self.settings, pack.places, pack.code)
        return self._lookup

    def process(self, article: Article) -> Article:
        lex, place_words = self.knowledge.language.entities, self.knowledge.language.places
        resolved = _resolved_places(article, self.knowledge.language.code)
        general = self.lookup()
        gazetteer = load_gazetteer(self.knowledge.language.code)

        def places(surface: str, label: str) -> PlaceHit | None:
            # a name the model did not call a place must be known by that very name, not a variant of it
            known = label in PLACE_LABELS or (label != "ORG" and gazetteer.has(surface))
            if surface in resolved and known:
                return resolved[surface]
            return general(surface, label)

        paragraphs = parsed(article)
        words = [Words(pp.doc) for pp in paragraphs]
        found = [
            find_mentions(pp.doc, pp.index, pp.start, lex, place_words, self.settings, places, w)
            for pp, w in zip(paragraphs, words, strict=True)
        ]
        surnames = {c.span[-1].text for cs in found for c in cs if c.label == "PERSON" and len(c.span) > 1}
        cands: list[Candidate] = []
        for pp, w, cs in zip(paragraphs, words, found, strict=True):
            taken = {i for c in cs for i in range(c.span.start, c.span.end)}
            cs += surname_mentions(w, pp.index, pp.start, surnames, taken, lex, self.settings)
            taken = {i for c in cs for i in range(c.span.start, c.span.end)}
            cs += _missed_places(article, pp, taken, resolved)
            cands += sorted(cs, key=lambda c: c.start)
        clusters = link(cands, lex, place_words)
        article.entities = [
            _entity(f"e{i}", cl, article, lex, place_words) for i, cl in enumerate(clusters, 1)
        ]
        return article

    def process_many(self, articles: Sequence[Article]) -> list[Article]:
        return [self.process(a) for a in articles]


def _resolved_places(article: Article, language: str) -> dict[str, PlaceHit]:
    """Surface → place as the `Places` step resolved it in this article's context (Makarov → Makariv)."""
    gazetteer = load_gazetteer(language)
    out: dict[str, PlaceHit] = {}
    for pm in article.scratch.get("place_mentions", []):
        e = pm.entry
        if e is None or pm.text in out:
            continue
        country = gazetteer.by_code(e.country) if gazetteer.is_capital(e) else None
        out[pm.text] = PlaceHit(e.name, e.feature, country.name if country else None)
    return out


def _missed_places(
    article: Article, pp: ParsedParagraph, taken: set[int], resolved: dict[str, PlaceHit]
) -> list[Candidate]:
    """Place names the `Places` step found where the model saw no entity (Donetsk, Izyum)."""
    out: list[Candidate] = []
    end = pp.start + len(pp.doc.text)
    for pm in article.scratch.get("place_mentions", []):
        if not pp.start <= pm.start < end or pm.text not in resolved:
            continue
        span = pp.doc.char_span(pm.start - pp.start, pm.end - pp.start)
        if span is not None and not any(i in taken for i in range(span.start, span.end)):
            hit = resolved[pm.text]
            out.append(Candidate(pp.index, pp.start, span, "LOC" if hit.loc else "GPE", place=hit))
    return out


def _entity(eid: str, cl: Cluster, article: Article, lex: EntityWords, place_words: PlaceWords) -> Entity:
    mentions = []
    seen: set[tuple[int, int]] = set()
    for m in cl.mentions:
        if (m.start, m.end) not in seen:
            seen.add((m.start, m.end))
            mentions.append(article.span(m.start, m.end))
    attributes: dict[str, Any] = {}
    roles: list[str] = []
    if cl.type == "PERSON":
        roles, attributes = _person_attributes(cl, article)
    elif cl.type in ("GPE", "LOC"):
        attributes = _place_attributes(cl, article, lex)
    elif cl.type == "ORG":
        if any(metonymy.is_seat_of_government(m.text, lex) for m in cl.mentions):
            attributes["seat_of_government"] = True
        short = [m.text for m in cl.mentions if m.text.isupper() and m.text != cl.name]
        if short:
            attributes["acronym"] = short[0]
    elif cl.type == "NORP":
        dem = place_words.demonym(cl.name)
        if dem is not None and dem.country:
            attributes = {"country": dem.country, "country_code": dem.country_code}
    return Entity(id=eid, name=cl.name, type=cl.type, roles=roles, attributes=attributes, mentions=mentions)


def _person_attributes(cl: Cluster, article: Article) -> tuple[list[str], dict[str, Any]]:
    roles: list[str] = []
    evidence: list[dict[str, Any]] = []
    attributes: dict[str, Any] = {}
    for m in cl.mentions:
        if m.age is not None and "age" not in attributes:
            attributes["age"] = m.age
        for r in m.roles:
            start, end = m.offset + r.start, m.offset + r.end
            if any(e["start"] == start for e in evidence):
                continue
            if norm(r.role) not in {norm(x) for x in roles}:
                roles.append(r.role)
            evidence.append(
                {
                    "role": r.role,
                    "of": r.of,
                    "former": r.former,
                    "how": r.how,
                    "paragraph": m.paragraph,
                    "start": start,
                    "end": end,
                    "text": article.text[start:end],
                }
            )
    if evidence:
        attributes["role_evidence"] = evidence
    return roles, attributes


def _place_attributes(cl: Cluster, article: Article, lex: EntityWords) -> dict[str, Any]:
    attributes: dict[str, Any] = {}
    hits = [m.place for m in cl.mentions if m.place is not None]
    country = next((h.government_of for h in hits if h.government_of), None)
    political = country is not None or any(h.feature in ("country", "admin1") for h in hits)
    actors = [m for m in cl.mentions if metonymy.is_metonymic(m.span, lex, political)]
    if actors:
        attributes["actor_mentions"] = [
            {"start": m.start, "end": m.end, "text": article.text[m.start : m.end]} for m in actors
        ]
    if country is not None and country != cl.name:
        attributes["government_of"] = country
    return attributes

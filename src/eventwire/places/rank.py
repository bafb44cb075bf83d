"""Candidate ranking: pick one gazetteer entry per place name, using the article as context.

A candidate's prior comes from the entry alone (population, feature class, whether the name is its own,
an alternate or a romanization variant). Context then adds the article's country focus and the
nearness of the other places it names; two passes let confident names steer ambiguous ones. One name
means one place throughout an article.
"""

from __future__ import annotations

import math
from collections import Counter
from dataclasses import dataclass

from eventwire.places.index import Entry, Gazetteer, Match
from eventwire.places.names import key
from eventwire.places.tables import abbreviations, demonym_place, not_places, seats

FEATURE_PRIOR = {"country": 5.0, "region": 4.0, "admin1": 1.0, "admin2": -1.0, "city": 0.0}
ALTERNATE_PENALTY = 0.7
VARIANT_PENALTY = 2.0
PARTIAL_PENALTY = 1.5
"""Found only through a shorter name inside the mention ('Colorado' in 'Colorado State University')."""
SHADOW_PENALTY = 3.0
"""A division named like a sizeable city in it ('Kharkiv') yields to the city unless 'Oblast' follows."""
SHADOW_MIN_POPULATION = 20_000
FOCUS_WEIGHT = 3.0
FOCUS_DAMPING = 2
"""Country focus: the share of the other names in a country, damped so one or two names decide little."""
NEAR_KM = 200.0
NEAR_BONUS = 1.2
NEAR_MAX = 3.6
CONTAINER_BONUS = 4.0
"""'Klamath Falls, Oregon': a town inside the division or country named right after it."""
MAX_CANDIDATES = 40


@dataclass
class Mention:
    """A place name to resolve: its span, the name to look up, a division level the text demands."""

    start: int
    end: int
    text: str
    name: str | None = None
    """What to look up when it differs from `text` ('Mykolaiv' for 'Mykolaiv Oblast')."""
    level: int | None = None
    """1 or 2 when the text calls it a division ('… Oblast', '… County')."""
    within: Mention | None = None
    """The name right after a comma that should contain this one ('Oregon' in 'Klamath Falls, Oregon')."""

    @property
    def lookup_name(self) -> str:
        return self.name or self.text


@dataclass
class Resolution:
    """The entry chosen for a mention (None when no candidate), its score and its prior alone."""

    mention: Mention
    entry: Entry | None
    score: float = 0.0
    prior: float = 0.0


def km(lat1: float, lon1: float, lat2: float, lon2: float) -> float:
    """Great-circle distance in kilometres."""
    p1, p2 = math.radians(lat1), math.radians(lat2)
    dp, dl = p2 - p1, math.radians(lon2 - lon1)
    a = math.sin(dp / 2) ** 2 + math.cos(p1) * math.cos(p2) * math.sin(dl / 2) ** 2
    return 6371.0 * 2 * math.asin(math.sqrt(min(1.0, a)))


class Resolver:
    """Resolves the place names of one article together."""

    def __init__(self, gazetteer: Gazetteer) -> None:
        self.gazetteer = gazetteer

    def candidates(self, mention: Mention) -> list[tuple[Entry, float]]:
        """Candidate entries with their priors, best first."""
        fixed = abbreviations().get(mention.text)
        target = self._fixed(*fixed) if fixed else self._demonym(mention.text) or self._seat(mention.text)
        if target is not None:
            return [(target, 10.0)]
        if fixed or demonym_place(mention.text):
            return []
        matches = self.gazetteer.lookup(mention.lookup_name)
        partial = not matches
        if partial:
            matches = self._inner(mention.lookup_name)
        if mention.level:
            wanted = f"admin{mention.level}"
            matches = [m for m in matches if m.entry.feature == wanted] or matches
        scored = [(m.entry, self._prior(m, mention, matches) - PARTIAL_PENALTY * partial) for m in matches]
        scored.sort(key=lambda c: -c[1])
        return scored[:MAX_CANDIDATES]

    def _inner(self, name: str) -> list[Match]:
        """Matches of the longest leading run of words inside a longer name that has none, by their own
        name or as a demonym ('Colorado' in 'Colorado State University', 'European' in 'European Union')."""
        words = name.replace(",", " ").split()
        for n in range(len(words) - 1, 0, -1):
            part = " ".join(words[:n])
            if not words[n - 1][:1].isupper() or part.casefold() in not_places():
                continue
            people = self._demonym(part)
            if people is not None:
                return [Match(people, True, False)]
            found = [m for m in self.gazetteer.lookup(part, with_variants=False) if not m.alternate]
            if found:
                return found
        return []

    def _fixed(self, kind: str, code: str) -> Entry | None:
        if kind == "city":
            return self.gazetteer.by_geonameid(int(code))
        if kind == "region":
            return next(
                (m.entry for m in self.gazetteer.lookup(code, False) if m.entry.feature == "region"), None
            )
        return self.gazetteer.by_code(code)

    def _seat(self, name: str) -> Entry | None:
        """A seat of government resolves to its city ('the Kremlin' → Moscow) for a reader who asks."""
        geonameid = seats().get(name.casefold().removeprefix("the "))
        return None if geonameid is None else self.gazetteer.by_geonameid(geonameid)

    def _demonym(self, word: str) -> Entry | None:
        """A demonym resolves to what it names, for a reader who asks ('Russian troops' → Russia)."""
        target = demonym_place(word)
        if not target:
            return None
        return self._fixed("code" if target.isupper() else "region", target)

    def _prior(self, m: Match, mention: Mention, matches: list[Match]) -> float:
        e = m.entry
        p = math.log10(e.population + 10) + FEATURE_PRIOR[e.feature]
        if mention.level and e.feature == f"admin{mention.level}":
            p += 4.0
        p -= ALTERNATE_PENALTY * m.alternate + VARIANT_PENALTY * m.variant
        if (
            e.feature in ("admin1", "admin2")
            and not mention.level
            and any(
                o.entry.feature == "city"
                and o.entry.country == e.country
                and o.entry.population >= SHADOW_MIN_POPULATION
                for o in matches
            )
        ):
            p -= SHADOW_PENALTY
        return p

    def resolve(self, mentions: list[Mention]) -> list[Resolution]:
        """Resolve every mention, one entry per distinct name, using the others as context."""
        groups: dict[tuple, list[Mention]] = {}
        for m in mentions:
            groups.setdefault(_group(m), []).append(m)
        pairs = {(_group(m), _group(m.within)) for m in mentions if m.within is not None}
        cands = {g: self.candidates(ms[0]) for g, ms in groups.items()}
        best = {g: c[0] if c else None for g, c in cands.items()}
        for _ in range(2):
            best = {g: self._best(g, cands[g], best, pairs) for g in groups}
        out = []
        for g, ms in groups.items():
            b = best[g]
            prior = next((p for e, p in cands[g] if b and e.id == b[0].id), 0.0)
            out += [Resolution(m, b[0] if b else None, b[1] if b else 0.0, prior) for m in ms]
        out.sort(key=lambda r: r.mention.start)
        return out

    def _best(
        self,
        me: tuple,
        cands: list[tuple[Entry, float]],
        best: dict[tuple, tuple[Entry, float] | None],
        pairs: set[tuple[tuple, tuple]],
    ) -> tuple[Entry, float] | None:
        if not cands:
            return None
        others = [b[0] for g, b in best.items() if b is not None and g[0] != me[0]]
        focus = Counter(e.country for e in others if e.country)
        total = sum(focus.values()) or 1
        anchors = [e for e in others if e.feature in ("city", "admin2")]
        outer = [best[o][0] for i, o in pairs if i == me and best.get(o)]
        inner = [best[i][0] for i, o in pairs if o == me and best.get(i)]

        def score(entry: Entry, prior: float) -> float:
            s = prior + FOCUS_WEIGHT * focus.get(entry.country, 0) / (total + FOCUS_DAMPING)
            if entry.feature not in ("country", "region"):
                near = sum(1 for a in anchors if km(a.lat, a.lon, entry.lat, entry.lon) <= NEAR_KM)
                s += min(NEAR_MAX, NEAR_BONUS * near)
            if any(contains(o, entry) for o in outer) or any(contains(entry, i) for i in inner):
                s += CONTAINER_BONUS
            return s

        return max(((e, score(e, p)) for e, p in cands), key=lambda c: c[1])


def _group(m: Mention) -> tuple[str, int | None, str | None]:
    """Mentions that must mean one place: same name, same division level, same abbreviation."""
    return key(m.lookup_name), m.level, m.text if m.text in abbreviations() else None


def contains(outer: Entry, inner: Entry) -> bool:
    """Whether a country or first-level division contains another entry ('Sacramento' in 'California')."""
    if outer.id == inner.id or outer.country != inner.country:
        return False
    return outer.feature == "country" or (outer.feature == "admin1" and inner.admin1 == outer.admin1)

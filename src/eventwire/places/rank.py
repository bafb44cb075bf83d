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

from eventwire.knowledge.offices import OfficeWords
from eventwire.knowledge.places import PlaceWords
from eventwire.places.index import Entry, Gazetteer, Match
from eventwire.places.names import key
from eventwire.settings import Settings


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
    town: bool = False
    """Words before it make it a town ('the centre of Kupiansk'): no division of the name is meant."""
    within: Mention | None = None
    """The name right after a comma that should contain this one ('Oregon' in 'Klamath Falls, Oregon')."""
    joined: Mention | None = None
    """The next name of a list joined by a conjunction ('New York' in 'New Jersey and New York')."""

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
    inferred: bool = False
    """The gazetteer knows no such name: the entry is the town the article names closest to this mention
    (else its most named division), where the name most likely lies (a street, a building), not a place
    of that name."""


def km(lat1: float, lon1: float, lat2: float, lon2: float) -> float:
    """Great-circle distance in kilometres."""
    p1, p2 = math.radians(lat1), math.radians(lat2)
    dp, dl = p2 - p1, math.radians(lon2 - lon1)
    a = math.sin(dp / 2) ** 2 + math.cos(p1) * math.cos(p2) * math.sin(dl / 2) ** 2
    return 6371.0 * 2 * math.asin(math.sqrt(min(1.0, a)))


class Resolver:
    """Resolves the place names of one article together."""

    def __init__(
        self, gazetteer: Gazetteer, settings: Settings, places: PlaceWords, offices: OfficeWords
    ) -> None:
        """
        Args:
            gazetteer: the index candidates come from.
            settings: the priors, penalties and bonuses of the ranking (`place_*`).
            places: abbreviations, demonyms and words never places.
            offices: the seats of government, which resolve to their city.
        """
        self.gazetteer = gazetteer
        self.settings = settings
        self.places = places
        self.offices = offices
        self.feature_prior = {
            "country": settings.place_prior_country,
            "region": settings.place_prior_region,
            "admin1": settings.place_prior_admin1,
            "admin2": settings.place_prior_admin2,
            "city": settings.place_prior_city,
        }

    def candidates(self, mention: Mention) -> list[tuple[Entry, float]]:
        """Candidate entries with their priors, best first."""
        return self._candidates(mention)[0]

    def _candidates(self, mention: Mention) -> tuple[list[tuple[Entry, float]], bool]:
        """Candidate entries with their priors, best first, and whether they were found only through a
        shorter name inside the mention."""
        fixed = self.places.abbreviations.get(mention.text)
        target = self._fixed(*fixed) if fixed else self._demonym(mention.text) or self._seat(mention.text)
        if target is not None:
            return [(target, self.settings.place_fixed_prior)], False
        if fixed or self.places.demonym_place(mention.text):
            return [], False
        matches = self.gazetteer.lookup(mention.lookup_name)
        partial = not matches
        if partial:
            matches = self._inner(mention.lookup_name)
        if mention.level:
            wanted = f"admin{mention.level}"
            matches = [m for m in matches if m.entry.feature == wanted] or matches
        elif mention.town:
            matches = [m for m in matches if m.entry.feature not in ("admin1", "admin2")] or matches
        penalty = self.settings.place_partial_penalty * partial
        scored = [(m.entry, self._prior(m, mention, matches) - penalty) for m in matches]
        scored.sort(key=lambda c: -c[1])
        return scored[: self.settings.place_max_candidates], partial and bool(scored)

    def _inner(self, name: str) -> list[Match]:
        """Matches inside a longer name that has none: of the capitalized words after its last 'of' ('Japan'
        in 'Bank of Japan', 'Americas' in 'Summit of the Americas'), by their own name; else of its longest
        leading run of words, by their own name, as an abbreviation or as a demonym ('Colorado' in
        'Colorado State University', 'US' in 'US Federal Reserve', 'European' in 'European Union')."""
        words = name.replace(",", " ").split()
        if "of" in words[1:-1]:  # 'Bank of Japan', 'University of Alberta': the place the name is of
            tail = words[len(words) - words[::-1].index("of") :]
            tail = tail[1:] if tail[0].casefold() == "the" and len(tail) > 1 else tail
            found = [m for m in self.gazetteer.lookup(" ".join(tail), with_variants=False) if not m.alternate]
            if tail[0][:1].isupper() and found:
                return found
        for n in range(len(words) - 1, 0, -1):
            part = " ".join(words[:n])
            if not words[n - 1][:1].isupper() or part.casefold() in self.places.not_places:
                continue
            fixed = self.places.abbreviations.get(part)
            people = self._fixed(*fixed) if fixed else self._demonym(part)
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
        seat = self.offices.seat(name)
        return None if seat is None else self.gazetteer.by_geonameid(seat.geonameid)

    def _demonym(self, word: str) -> Entry | None:
        """A demonym resolves to what it names, for a reader who asks ('Russian troops' → Russia)."""
        target = self.places.demonym_place(word)
        if not target:
            return None
        return self._fixed("code" if target.isupper() else "region", target)

    def _prior(self, m: Match, mention: Mention, matches: list[Match]) -> float:
        e, s = m.entry, self.settings
        p = math.log10(e.population + 10) + self.feature_prior[e.feature]
        if e.feature == "region" and not e.population:  # an ocean, a lake, a range: `features.tsv`
            p += s.place_physical_bonus
        if mention.level and e.feature == f"admin{mention.level}":
            p += s.place_level_bonus
        p -= s.place_alternate_penalty * m.alternate + s.place_variant_penalty * m.variant
        p += s.place_capital_bonus * (self.gazetteer.is_capital(e) and not m.alternate)
        if (
            e.feature in ("admin1", "admin2")
            and not mention.level
            and any(
                o.entry.feature == "city"
                and o.entry.country == e.country
                and o.entry.population >= s.place_shadow_min_population
                for o in matches
            )
        ):
            p -= s.place_shadow_penalty
        return p

    def resolve(self, mentions: list[Mention], context: tuple[Entry, ...] = ()) -> list[Resolution]:
        """Resolve every mention, one entry per distinct name, using the others as context, and `context`:
        places the article implies without naming them (the countries of its demonyms: 'Turkish')."""
        groups: dict[tuple, list[Mention]] = {}
        for m in mentions:
            groups.setdefault(self._group(m), []).append(m)
        pairs = {(self._group(m), self._group(m.within)) for m in mentions if m.within is not None}
        listed: dict[tuple, set[tuple]] = {}
        for m in mentions:
            for n in (m.within, m.joined):
                if n is not None:
                    listed.setdefault(self._group(m), set()).add(self._group(n))
                    listed.setdefault(self._group(n), set()).add(self._group(m))
        found = {g: self._candidates(next((m for m in ms if m.town), ms[0])) for g, ms in groups.items()}
        cands = {g: c for g, (c, _) in found.items()}
        best = {g: c[0] if c else None for g, c in cands.items()}
        for _ in range(2):
            best = {g: self._best(g, cands[g], best, pairs, listed.get(g, set()), context) for g in groups}
        named = [(ms, best[g][0]) for g, ms in groups.items() if best[g] is not None and not found[g][1]]
        towns = [(m.start, e) for ms, e in named if e.feature == "city" for m in ms]
        division = self._most_named([(e, len(ms)) for ms, e in named if e.feature in ("admin1", "admin2")])
        out = []
        for g, ms in groups.items():
            b = best[g]
            if b is None or found[g][1] and (towns or division) and self._stray(b[0], best):
                for m in ms:
                    near = min(towns, key=lambda t: abs(t[0] - m.start))[1] if towns else division
                    out.append(Resolution(m, near, inferred=near is not None))
                continue
            prior = next((p for e, p in cands[g] if e.id == b[0].id), 0.0)
            out += [Resolution(m, b[0], b[1], prior) for m in ms]
        out.sort(key=lambda r: r.mention.start)
        return out

    def _stray(self, entry: Entry, best: dict[tuple, tuple[Entry, float] | None]) -> bool:
        """Whether a town or county found only through a shorter name inside the mention lies far from
        every other town and county of the article ('Carnegie Library' in a New Orleans story is no
        Carnegie, Pennsylvania), so the article's own town is the better guess."""
        near = self.settings.place_near_km
        return entry.feature in ("city", "admin2") and not any(
            b is not None
            and b[0].id != entry.id
            and b[0].feature in ("city", "admin2")
            and km(b[0].lat, b[0].lon, entry.lat, entry.lon) <= near
            for b in best.values()
        )

    @staticmethod
    def _most_named(chosen: list[tuple[Entry, int]]) -> Entry | None:
        """The entry with the most mentions (of two with as many, the first named), None when none."""
        counts: Counter[int] = Counter()
        entries: dict[int, Entry] = {}
        for e, n in chosen:
            counts[e.id] += n
            entries[e.id] = e
        top = counts.most_common(1)
        return entries[top[0][0]] if top else None

    def _group(self, m: Mention) -> tuple[str, int | None, str | None]:
        """Mentions that must mean one place: same name, same division level, same abbreviation."""
        return key(m.lookup_name), m.level, m.text if m.text in self.places.abbreviations else None

    def _best(
        self,
        me: tuple,
        cands: list[tuple[Entry, float]],
        best: dict[tuple, tuple[Entry, float] | None],
        pairs: set[tuple[tuple, tuple]],
        listed: set[tuple],
        context: tuple[Entry, ...] = (),
    ) -> tuple[Entry, float] | None:
        """The best candidate in the article's context; `listed`: the groups of the names next to this one
        in a list ('Georgia, Oklahoma and Ohio'), whose division level and country it likely shares."""
        if not cands:
            return None
        others = [b[0] for g, b in best.items() if b is not None and g[0] != me[0]] + list(context)
        focus = Counter(e.country for e in others if e.country)
        total = sum(focus.values()) or 1
        divisions = Counter((e.country, e.admin1) for e in others if e.admin1)
        peers = Counter(e.country for e in others if e.feature == "admin1")
        named_admin1 = {(e.country, e.admin1) for e in others if e.feature == "admin1"}
        lead = max(focus.values(), default=0)  # the article's own country, or countries tied at the top
        anchors = [e for e in others if e.feature in ("city", "admin2")]
        outer = [best[o][0] for i, o in pairs if i == me and best.get(o)]
        inner = [best[i][0] for i, o in pairs if o == me and best.get(i)]
        peers_listed = {
            (b[0].feature, b[0].country)
            for g in listed
            if g != me
            and (b := best.get(g))
            and not ((me, g) in pairs and any(contains(b[0], e) for e, _ in cands))  # 'Washington, D.C.'
        }

        st = self.settings
        first = cands[0][0].country  # the best prior's: naming a country decides between countries only

        def score(entry: Entry, prior: float) -> float:
            damped = total + st.place_focus_damping
            s = prior + st.place_focus_weight * focus.get(entry.country, 0) / damped
            if entry.admin1:
                s += st.place_admin1_focus_weight * divisions.get((entry.country, entry.admin1), 0) / damped
            if entry.feature == "admin1":
                s += st.place_peer_weight * peers.get(entry.country, 0) / damped
            if (
                entry.feature in ("admin1", "admin2")
                and first  # a region first (an ocean) is in no country to move away from
                and entry.country != first
                and focus[entry.country] == lead
            ):
                s += st.place_named_country_bonus
            if entry.feature == "admin2" and (entry.country, entry.admin1) in named_admin1:
                s += st.place_named_admin1_bonus
            if entry.feature not in ("country", "region"):
                near = sum(1 for a in anchors if km(a.lat, a.lon, entry.lat, entry.lon) <= st.place_near_km)
                s += min(st.place_near_max, st.place_near_bonus * near)
            if any(contains(o, entry) for o in outer) or any(contains(entry, i) for i in inner):
                s += st.place_container_bonus
            if entry.feature != "city" and (entry.feature, entry.country) in peers_listed:
                s += (
                    st.place_list_bonus
                )  # towns of a list may lie anywhere ('Buffalo, New York', 'Tacoma and Lima')
            return s

        held = [(e, p) for e, p in cands if any(_decides(o, cands) and contains(o, e) for o in outer)]
        return max(((e, score(e, p)) for e, p in held or cands), key=lambda c: c[1])


def _decides(outer: Entry, cands: list[tuple[Entry, float]]) -> bool:
    """Whether the name after a comma rules out the candidates it does not contain: a first-level division
    does ('Lebanon, New Hampshire', 'Palestine, Texas') unless the name is also a division of its
    country (the list 'Georgia, Alabama'); a country does when the best candidate is a town ('Paris,
    France'), not in a list of countries ('Russia, Ukraine')."""
    if outer.feature == "admin1":
        return not any(e.feature == "admin1" and e.country == outer.country for e, _ in cands)
    return outer.feature == "country" and cands[0][0].feature in ("city", "admin2")


def contains(outer: Entry, inner: Entry) -> bool:
    """Whether a country or first-level division contains another entry ('Sacramento' in 'California')."""
    if outer.id == inner.id or outer.country != inner.country:
        return False
    return outer.feature == "country" or (outer.feature == "admin1" and inner.admin1 == outer.admin1)

"""Place words: demonyms (one table), division words, abbreviations, words never places."""

from __future__ import annotations

from dataclasses import dataclass

from eventwire.knowledge.pack import PackFiles


@dataclass(frozen=True)
class Demonym:
    """What a demonym ("Ukrainian") names: a country (code and name) or nothing for peoples and faiths,
    and the place it points to for a reader who asks ("Texan" → US.TX, "European" → Europe)."""

    word: str
    country_code: str | None
    country: str | None
    place: str | None = None
    """An ISO alpha-2 country, a GeoNames division code CC.NN or a region name."""


@dataclass(frozen=True)
class Division:
    """A division word ("oblast"): its level and what it does in the gazetteer's names."""

    word: str
    level: int | None
    """1 or 2; None for a word that only marks a gazetteer alias ("oblast'")."""
    title: bool
    """A gazetteer alias ending in it is the division's display name ("Mykolaiv Oblast")."""
    alias: bool
    """A gazetteer alias ending in it is indexed without it too ("Mykolaiv")."""
    lowercase: bool
    """It makes a division after a name when written in lower case too ("Mykolaiv region")."""


@dataclass(frozen=True)
class PlaceWords:
    """Place words: demonyms (one table), division words, abbreviations, words never places."""

    demonyms: dict[str, Demonym]
    """Lower-cased demonym → what it names (`demonyms.tsv`)."""
    demonym_forms: dict[str, Demonym]
    """Case-folded demonyms and their plurals in -s (-es after sh/ch) → the demonym, for the places code;
    a plural that is the demonym's own country ("Laos" of "Lao") is left out."""
    divisions: dict[str, Division]
    """Case-folded division word → the division it names (`divisions.tsv`)."""
    division_titles: frozenset[str]
    """Capitalized division words that make a gazetteer alias the division's display name ('Oblast')."""
    division_suffixes: frozenset[str]
    """Capitalized division words cut from a gazetteer alias to index its base name too ("Oblast'")."""
    lowercase_divisions: frozenset[str]
    """Division words that make a division after a name in lower case too ('region')."""
    abbreviations: dict[str, tuple[str, str]]
    """Surface (case-sensitive) → (kind, code): 'U.S.' → ('country', 'US'), 'Calif.' → ('admin1', 'US.CA')
    (`abbreviations.tsv`)."""
    not_places: frozenset[str]
    """Capitalized words never taken alone as a place ('March', 'President', 'Police'), case-folded."""
    name_connectors: frozenset[str]
    """Lower-case words that may stand inside a place name ('of', 'de', 'and')."""
    articles: tuple[str, ...]
    """Articles that open a name but are no part of it ('the')."""
    features_after: frozenset[str]
    """Case-folded words that, right after a name, make it a physical feature ('the Juba river')."""
    division_cues: tuple[tuple[str, ...], ...]
    """Lower-case word sequences that, right before a name, make it a first-level division ('governor of')."""
    locative_before: frozenset[str]
    """Prepositions that, right before a name, make it a place though a person's name has its word ('in')."""
    town_cues: tuple[tuple[str, ...], ...]
    """Lower-case word sequences that, right before a name, make it a town ('the outskirts of')."""
    features_before: frozenset[str]
    """Case-folded words that, right before a name or before 'of' and a name, make it a physical feature
    ('Lake Manassas', 'the Gulf of Aden')."""
    list_conjunctions: frozenset[str]
    """Conjunctions that join two names of a list ('New Jersey and New York')."""
    office_divisions: frozenset[str]
    """Division words that, followed by 'of', open an office's name ('California Department of Health')."""

    @classmethod
    def load(cls, files: PackFiles) -> PlaceWords:
        """Read the section from a language pack's files."""
        demonyms: dict[str, Demonym] = {}
        forms: dict[str, Demonym] = {}
        for row in files.rows("demonyms.tsv"):
            word, code, country, place = (row + ["", "", ""])[:4]
            dem = Demonym(word, code or None, country or None, place or None)
            demonyms[word.lower()] = dem
            forms[word.casefold()] = dem
            plural = (word + ("es" if word.endswith(("sh", "ch")) else "s")).casefold()
            if plural != country.casefold():
                forms[plural] = dem
        divisions: dict[str, Division] = {}
        for row in files.rows("divisions.tsv"):
            word, level, uses = (row + ["", ""])[:3]
            used = set(uses.split(","))
            divisions[word.casefold()] = Division(
                word, int(level) if level else None, "title" in used, "alias" in used, "lowercase" in used
            )
        meta = files.json("places.json")
        return cls(
            demonyms=demonyms,
            demonym_forms=forms,
            divisions=divisions,
            division_titles=frozenset(d.word.capitalize() for d in divisions.values() if d.title),
            division_suffixes=frozenset(d.word.capitalize() for d in divisions.values() if d.alias),
            lowercase_divisions=frozenset(d.word for d in divisions.values() if d.lowercase),
            abbreviations={r[0]: (r[1], r[2]) for r in files.rows("abbreviations.tsv")},
            not_places=frozenset(w.casefold() for w in files.words("not_places.txt")),
            name_connectors=frozenset(meta["name_connectors"]),
            articles=tuple(meta["articles"]),
            features_after=frozenset(meta["features_after"]),
            features_before=frozenset(meta["features_before"]),
            locative_before=frozenset(meta["locative_before"]),
            division_cues=tuple(tuple(c.split()) for c in meta["division_cues"]),
            town_cues=tuple(tuple(c.split()) for c in meta["town_cues"]),
            office_divisions=frozenset(meta["office_divisions"]),
            list_conjunctions=frozenset(meta["list_conjunctions"]),
        )

    def demonym(self, text: str) -> Demonym | None:
        """The demonym a word or its plural stands for ("Russians" → Russian), ignoring case; a country
        named like the plural of its demonym ("Laos", "Philippines") is no demonym."""
        key = text.lower().replace("’", "'")
        hit = self.demonyms.get(key)
        if hit is None and key.endswith("s"):
            hit = self.demonyms.get(key[:-1])
            if hit is not None and hit.country is not None and hit.country.lower() == key:
                return None  # "Laos", "Philippines": the country, not the plural of its demonym
        return hit

    def is_demonym(self, word: str) -> bool:
        """Whether a word names a people or nationality ('Russian', 'Ukrainians', 'Polish'), not a place."""
        return word.casefold() in self.demonym_forms

    def demonym_place(self, word: str) -> str | None:
        """What a demonym points to: a country code ('Russians' → 'RU'), a division code ('Texan' →
        'US.TX'), a region name ('European' → 'Europe'), or None."""
        dem = self.demonym_forms.get(word.casefold())
        return dem.place if dem else None

    def demonym_country(self, word: str) -> str | None:
        """The ISO alpha-2 country the place of a demonym lies in ('Russians' → 'RU'), or None."""
        target = self.demonym_place(word)
        return target[:2] if target and target[:2].isupper() and target[:2].isalpha() else None

    def admin_level(self, word: str) -> int | None:
        """1 for a first-level division word ('Oblast', 'State'), 2 for 'County', 'Raion'…, else None."""
        division = self.divisions.get(word.casefold())
        return division.level if division else None

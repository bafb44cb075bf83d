"""The entity lexicons (titles, organisation heads, demonyms, …), read once from package data files."""

from __future__ import annotations

import json
from dataclasses import dataclass
from functools import cache
from importlib import resources

from eventwire.knowledge import load_knowledge
from eventwire.knowledge.places import Demonym


@dataclass(frozen=True)
class Lexicon:
    """Lower-cased word lists of `lexicons/entities.json` and the demonyms of the places section."""

    version: int
    titles: frozenset[str]
    honorifics: frozenset[str]
    former_qualifiers: frozenset[str]
    org_heads: frozenset[str]
    org_descriptors: frozenset[str]
    source_verbs: tuple[tuple[str, ...], ...]
    acronym_stop: frozenset[str]
    news_agencies: frozenset[str]
    portfolios: frozenset[str]
    fac_heads: frozenset[str]
    fac_leads: frozenset[str]
    fac_heads_also_surnames: frozenset[str]
    company_suffixes: frozenset[str]
    demonyms: dict[str, Demonym]

    def demonym(self, text: str) -> Demonym | None:
        """The demonym a word or its plural stands for ("Russians" → Russian), ignoring case."""
        key = text.lower().replace("’", "'")
        hit = self.demonyms.get(key)
        if hit is None and key.endswith("s"):
            hit = self.demonyms.get(key[:-1])
        return hit


@cache
def lexicon() -> Lexicon:
    """The lexicons, loaded once per process."""
    root = resources.files("eventwire.language") / "lexicons"
    data = json.loads((root / "entities.json").read_text(encoding="utf-8"))
    demonyms = load_knowledge().language.places.demonyms  # moving to the places section (issue 12)
    low = lambda key: frozenset(w.lower() for w in data[key])  # noqa: E731
    return Lexicon(
        version=data["version"],
        titles=low("titles"),
        honorifics=low("honorifics"),
        former_qualifiers=low("former_qualifiers"),
        org_heads=low("org_heads"),
        org_descriptors=low("org_descriptors"),
        source_verbs=tuple(tuple(v.lower().split()) for v in data["source_verbs"]),
        acronym_stop=frozenset(data["acronym_stop"]),
        news_agencies=low("news_agencies"),
        portfolios=low("portfolios"),
        fac_heads=low("fac_heads"),
        fac_leads=low("fac_leads"),
        fac_heads_also_surnames=low("fac_heads_also_surnames"),
        company_suffixes=low("company_suffixes"),
        demonyms=demonyms,
    )

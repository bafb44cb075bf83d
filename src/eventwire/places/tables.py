"""Transitional: the three lookups `language/` (entities, mentions, metonymy) still imports from here.

The tables live in the language pack now (`knowledge.language.places`: abbreviations, `admin_level`;
`knowledge.language.offices`: seats). Those callers belong to the entity layer, which moves to reading the
pack from the step's `Knowledge`; this module goes once they have.
"""

from __future__ import annotations

from eventwire.knowledge import load_knowledge


def abbreviations() -> dict[str, tuple[str, str]]:
    """`knowledge.language.places.abbreviations`."""
    return load_knowledge().language.places.abbreviations


def admin_level(word: str) -> int | None:
    """`knowledge.language.places.admin_level(word)`."""
    return load_knowledge().language.places.admin_level(word)


def seats() -> dict[str, int]:
    """Case-folded seat of government → the GeoNames id of its city (`knowledge.language.offices.seats`)."""
    return {name: seat.geonameid for name, seat in load_knowledge().language.offices.seats.items()}

"""The language layer: sentences, entities with roles, places, times and quantities."""

from __future__ import annotations

from eventwire.knowledge import Knowledge
from eventwire.language.entities import Entities
from eventwire.language.nlp import Parse
from eventwire.language.places import Places
from eventwire.language.quantities import Quantities
from eventwire.language.times import Times
from eventwire.pipeline import Step
from eventwire.settings import Settings


def language_steps(settings: Settings, knowledge: Knowledge) -> list[Step]:
    """The language layer's steps in order (Article in, Article out)."""
    return [
        Parse(settings, knowledge),
        Places(settings, knowledge),
        Entities(settings, knowledge),
        Times(settings, knowledge),
        Quantities(settings, knowledge),
    ]

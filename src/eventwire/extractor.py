"""The extractor's version: what made a stored article's findings, so that a store can tell when this
eventwire would find something else (`eventwire reprocess` then runs the pipeline again).

It is the `extractor` every event is stamped with: the event layer's code version, its lexicon's
versions and, when the event-type model is on, the model's version. Reading it imports the event layer
(and spaCy), so only commands that check a store call it.
"""

from __future__ import annotations

from functools import cache

from eventwire.settings import Settings


def current_extractor(settings: Settings) -> str:
    """The extractor this eventwire's pipeline, with these settings, stamps on the events it makes."""
    return _extractor(settings.event_model)


@cache
def _extractor(event_model: bool) -> str:
    from eventwire.events.build import VERSION
    from eventwire.eventtypes.model import load_model
    from eventwire.knowledge import load_knowledge

    base = f"{VERSION} {load_knowledge().language.events.version}"
    return f"{base} {load_model().version}" if event_model else base

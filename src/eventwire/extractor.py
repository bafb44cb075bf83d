"""The extractor's version: what made a stored article's findings, so that a store can tell when this
eventwire would find something else (`eventwire reprocess` then runs the pipeline again).

It is the `extractor` every event is stamped with: the event layer's code version and its lexicon's
versions. Reading it imports the event layer (and spaCy), so only commands that check a store call it.
"""

from __future__ import annotations

from functools import cache


@cache
def current_extractor() -> str:
    """The extractor this eventwire's pipeline stamps on the events it makes."""
    from eventwire.events.extract import VERSION
    from eventwire.knowledge import load_knowledge

    return f"{VERSION} {load_knowledge().language.events.version}"

"""The orders an event list can be sorted in: a column, ascending or (with a leading "-") descending.

Events without a value for the column come last either way; ties go to the latest stored first.
"""

from __future__ import annotations

SORTS = {
    "date": "x.day_end",
    "type": "x.type",
    "status": "x.status",
    "dead": "x.dead",
    "confidence": "x.confidence",
    "actor": "coalesce(x.actor_name, x.actor_text)",
    "place": "(SELECT p.name FROM places p WHERE p.rid = x.place)",
}
"""Sort key → the SQL expression on the event table `x` it orders by."""

LATEST = "-date"
"""The default order: the latest dates first."""


def sort_key(value: str) -> str:
    """A sort key as written: `date`, `-dead`, …

    Raises:
        ValueError: when the column is not one a list sorts by.
    """
    key = value.strip().lower()
    if key.lstrip("-") not in SORTS:
        raise ValueError(f"not a sort key: {value!r} (known: {', '.join(SORTS)}, each with - to descend)")
    return key


def order_by(key: str) -> str:
    """The ORDER BY clause of a checked sort key (the default one as the `events_latest` index reads)."""
    if key == LATEST:
        return "ORDER BY x.day_end DESC, x.rid DESC"
    column = SORTS[key.lstrip("-")]
    way = "DESC" if key.startswith("-") else "ASC"
    return f"ORDER BY {column} IS NULL, {column} {way}, x.rid DESC"

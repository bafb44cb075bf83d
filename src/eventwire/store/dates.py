"""Event dates as ranges of days, so that filters and merging compare a week with a day.

`day_range` turns a contract date (ISO 8601 at its precision, read by `eventwire.dates.loose_bounds`)
and `date_end`, when the event spans days, into the first and last day it may mean.
"""

from __future__ import annotations

import datetime as dt

from eventwire.dates import loose_bounds


def day_range(date: str | None, date_end: str | None = None) -> tuple[str, str] | None:
    """The first and last ISO day a date may mean, or None when it cannot be read.

    Args:
        date: an ISO 8601 date at any precision the contract allows.
        date_end: the last day (or period) of an event that spans time, if any.
    """
    start = loose_bounds(date)
    if start is None:
        return None
    end = loose_bounds(date_end) if date_end else None
    last = max(start[1], end[1]) if end else start[1]
    return start[0].isoformat(), last.isoformat()


def shift(day: str, days: int) -> str:
    """An ISO day moved by a number of days."""
    return (dt.date.fromisoformat(day) + dt.timedelta(days=days)).isoformat()

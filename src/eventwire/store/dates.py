"""Event dates as ranges of days, so that filters and merging compare a week with a day.

A contract date is ISO 8601 at its precision: a day `2022-03-23`, a week `2022-W11`, a month `2022-03`,
a year `2022`, a decade `199X`. `day_range` turns it (and `date_end`, when the event spans days) into the
first and last day it may mean.
"""

from __future__ import annotations

import datetime as dt
import re

_WEEK = re.compile(r"^(\d{4})-W(\d{2})$")
_MONTH = re.compile(r"^(\d{4})-(\d{2})$")
_YEAR = re.compile(r"^(\d{4})$")
_DECADE = re.compile(r"^(\d{3})X$")


def day_range(date: str | None, date_end: str | None = None) -> tuple[str, str] | None:
    """The first and last ISO day a date may mean, or None when it cannot be read.

    Args:
        date: an ISO 8601 date at any precision the contract allows.
        date_end: the last day (or period) of an event that spans time, if any.
    """
    start = _bounds(date)
    if start is None:
        return None
    end = _bounds(date_end) if date_end else None
    last = max(start[1], end[1]) if end else start[1]
    return start[0].isoformat(), last.isoformat()


def _bounds(value: str | None) -> tuple[dt.date, dt.date] | None:
    if not value:
        return None
    value = value.strip()[:10] if len(value) > 10 and value[10] == "T" else value.strip()
    try:
        if m := _WEEK.match(value):
            monday = dt.date.fromisocalendar(int(m[1]), int(m[2]), 1)
            return monday, monday + dt.timedelta(days=6)
        if m := _MONTH.match(value):
            first = dt.date(int(m[1]), int(m[2]), 1)
            following = dt.date(first.year + first.month // 12, first.month % 12 + 1, 1)
            return first, following - dt.timedelta(days=1)
        if m := _YEAR.match(value):
            return dt.date(int(m[1]), 1, 1), dt.date(int(m[1]), 12, 31)
        if m := _DECADE.match(value):
            return dt.date(int(m[1]) * 10, 1, 1), dt.date(int(m[1]) * 10 + 9, 12, 31)
        day = dt.date.fromisoformat(value)
        return day, day
    except ValueError:
        return None


def shift(day: str, days: int) -> str:
    """An ISO day moved by a number of days."""
    return (dt.date.fromisoformat(day) + dt.timedelta(days=days)).isoformat()

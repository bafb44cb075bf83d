"""ISO 8601 dates at a precision, as the first and last day they may mean; no spaCy.

A contract date is a day `2022-03-23`, a week `2022-W11`, a month `2022-03`, a quarter `2022-Q1`, a season
`2022-SU` (SP, SU, FA, WI: winter runs from December into the next year), a half-year `2022-H1`, a year
`2022`, a decade `199X` or a century `19XX`. `bounds` reads exactly these forms (as events write them);
`loose_bounds` also reads what a store filter may be given: a timestamp's day (`2022-03-23T10:00Z`),
surrounding spaces, and any other day `date.fromisoformat` reads (`20220323`, `2022-W11-3`).
"""

from __future__ import annotations

import calendar
import re
from datetime import date, timedelta

_DAY = re.compile(r"(\d{4})-(\d{2})-(\d{2})")
_WEEK = re.compile(r"(\d{4})-W(\d{2})")
_MONTH = re.compile(r"(\d{4})-(\d{2})")
_YEAR = re.compile(r"(\d{4})")
_DECADE = re.compile(r"(\d{3})X")
_QUARTER = re.compile(r"(\d{4})-Q([1-4])")
_SEASON = re.compile(r"(\d{4})-(SP|SU|FA|WI)")
_HALF = re.compile(r"(\d{4})-H([12])")
_CENTURY = re.compile(r"(\d{2})XX")
_SEASON_MONTHS = {"SP": (3, 5), "SU": (6, 8), "FA": (9, 11), "WI": (12, 14)}

Bounds = tuple[date, date]


def bounds(value: str | None) -> Bounds | None:
    """First and last day of an ISO day, week, month, quarter, season, half-year, year, decade ("199X") or
    century ("19XX"); None when unreadable."""
    if not value:
        return None
    try:
        if m := _DAY.fullmatch(value):
            day = date(int(m[1]), int(m[2]), int(m[3]))
            return day, day
        return _period(value)
    except ValueError:
        return None


def loose_bounds(value: str | None) -> Bounds | None:
    """As `bounds`, also for a timestamp's day, a value in spaces and any day `date.fromisoformat` reads."""
    if not value:
        return None
    value = value.strip()[:10] if len(value) > 10 and value[10] == "T" else value.strip()
    try:
        found = _period(value)
        if found is None:
            day = date.fromisoformat(value)
            found = day, day
        return found
    except ValueError:
        return None


def _period(value: str) -> Bounds | None:
    """A week, month, quarter, season, half-year, year, decade or century; None for other forms.

    Raises:
        ValueError: for a period of that form that does not exist ("2022-13", "2022-W60").
    """
    if m := _WEEK.fullmatch(value):
        monday = date.fromisocalendar(int(m[1]), int(m[2]), 1)
        return monday, monday + timedelta(days=6)
    if m := _MONTH.fullmatch(value):
        year, month = int(m[1]), int(m[2])
        return date(year, month, 1), date(year, month, calendar.monthrange(year, month)[1])
    if m := _YEAR.fullmatch(value):
        return date(int(m[1]), 1, 1), date(int(m[1]), 12, 31)
    if m := _DECADE.fullmatch(value):
        return date(int(m[1]) * 10, 1, 1), date(int(m[1]) * 10 + 9, 12, 31)
    if m := _QUARTER.fullmatch(value):
        year, q = int(m[1]), int(m[2])
        return date(year, 3 * q - 2, 1), date(year, 3 * q, calendar.monthrange(year, 3 * q)[1])
    if m := _SEASON.fullmatch(value):
        year, (lo, hi) = int(m[1]), _SEASON_MONTHS[m[2]]
        end_year, end_month = year + (hi - 1) // 12, (hi - 1) % 12 + 1
        last = calendar.monthrange(end_year, end_month)[1]
        return date(year, lo, 1), date(end_year, end_month, last)
    if m := _HALF.fullmatch(value):
        year, first = int(m[1]), 6 * int(m[2]) - 5
        return date(year, first, 1), date(year, first + 5, calendar.monthrange(year, first + 5)[1])
    if m := _CENTURY.fullmatch(value):
        return date(max(int(m[1]) * 100, 1), 1, 1), date(int(m[1]) * 100 + 99, 12, 31)
    return None

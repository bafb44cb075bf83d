"""ISO dates at a precision as ranges of days: the strict reader events use, the loose one of the store."""

from __future__ import annotations

from datetime import date

import pytest

from eventwire.dates import bounds, loose_bounds


def d(text: str) -> date:
    return date.fromisoformat(text)


@pytest.mark.parametrize(
    ("value", "first", "last"),
    [
        ("2022-03-23", "2022-03-23", "2022-03-23"),
        ("2022-W11", "2022-03-14", "2022-03-20"),
        ("2020-W53", "2020-12-28", "2021-01-03"),
        ("2022-02", "2022-02-01", "2022-02-28"),
        ("2024-02", "2024-02-01", "2024-02-29"),
        ("2022-12", "2022-12-01", "2022-12-31"),
        ("2022", "2022-01-01", "2022-12-31"),
        ("199X", "1990-01-01", "1999-12-31"),
        ("2022-Q1", "2022-01-01", "2022-03-31"),
        ("2022-Q4", "2022-10-01", "2022-12-31"),
        ("2022-SU", "2022-06-01", "2022-08-31"),
        ("2023-WI", "2023-12-01", "2024-02-29"),
        ("2022-H1", "2022-01-01", "2022-06-30"),
        ("2022-H2", "2022-07-01", "2022-12-31"),
        ("19XX", "1900-01-01", "1999-12-31"),
    ],
)
def test_contract_forms_read_alike_by_both(value: str, first: str, last: str) -> None:
    assert bounds(value) == (d(first), d(last))
    assert loose_bounds(value) == (d(first), d(last))


@pytest.mark.parametrize(
    "value",
    [None, "", "last week", "2022-02-30", "2022-13", "2022-00", "2022-W60", "22-03-23", "199x", "2022-H3"],
)
def test_unreadable_values_are_none_for_both(value: str | None) -> None:
    assert bounds(value) is None
    assert loose_bounds(value) is None


@pytest.mark.parametrize(
    ("value", "day"),
    [
        ("2022-03-23T10:00", "2022-03-23"),
        ("2022-03-23T10:00:00+02:00", "2022-03-23"),
        (" 2022-03-23 ", "2022-03-23"),
        ("20220323", "2022-03-23"),
        ("2022-W11-3", "2022-03-16"),
    ],
)
def test_only_the_loose_reader_takes_timestamps_spaces_and_other_iso_days(value: str, day: str) -> None:
    assert loose_bounds(value) == (d(day), d(day))
    assert bounds(value) is None


def test_the_loose_reader_strips_a_period_too() -> None:
    assert loose_bounds(" 2022-03 ") == (d("2022-03-01"), d("2022-03-31"))
    assert bounds(" 2022-03 ") is None

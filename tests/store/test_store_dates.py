"""Event dates read as ranges of days."""

from __future__ import annotations

import pytest

from eventwire.store.dates import day_range, shift


@pytest.mark.parametrize(
    ("date", "end", "expected"),
    [
        ("2022-03-23", None, ("2022-03-23", "2022-03-23")),
        ("2022-W11", None, ("2022-03-14", "2022-03-20")),
        ("2022-02", None, ("2022-02-01", "2022-02-28")),
        ("2022-12", None, ("2022-12-01", "2022-12-31")),
        ("2022", None, ("2022-01-01", "2022-12-31")),
        ("199X", None, ("1990-01-01", "1999-12-31")),
        ("2022-03-23T10:00", None, ("2022-03-23", "2022-03-23")),
        ("2022-03-20", "2022-03-23", ("2022-03-20", "2022-03-23")),
        ("2022-03", "2022-W15", ("2022-03-01", "2022-04-17")),
        (None, None, None),
        ("last week", None, None),
        ("2022-02-30", None, None),
    ],
)
def test_day_range(date: str | None, end: str | None, expected: tuple[str, str] | None) -> None:
    assert day_range(date, end) == expected


def test_shift() -> None:
    assert shift("2022-03-01", -1) == "2022-02-28"
    assert shift("2022-12-31", 1) == "2023-01-01"

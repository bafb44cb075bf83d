"""Coded errors: stable codes, one-line messages, JSON form."""

from __future__ import annotations

import re

import pytest

from eventwire.errors import CODES, EventwireError


def test_codes_are_well_formed_and_described() -> None:
    for code, meaning in CODES.items():
        assert re.fullmatch(r"EW\d{3}", code)
        assert meaning and meaning == meaning.strip()


def test_stage_ranges() -> None:
    read = [c for c in CODES if c.startswith("EW1")]
    assert {"EW101", "EW102", "EW103", "EW104", "EW105", "EW108"} <= set(read)
    assert "EW201" in CODES and "EW999" in CODES


def test_message_is_one_line_with_code_where_and_reason() -> None:
    exc = EventwireError("EW101", where="news/a.txt")
    assert exc.message == "EW101 news/a.txt: file not found"
    assert str(exc) == exc.message
    assert "\n" not in exc.message


def test_reason_overrides_default_and_where_is_optional() -> None:
    exc = EventwireError("EW105", "20 bytes, limit 10")
    assert exc.message == "EW105 20 bytes, limit 10"
    assert exc.reason == "20 bytes, limit 10"
    assert exc.to_dict() == {"code": "EW105", "reason": "20 bytes, limit 10", "where": None}


def test_unknown_code_is_a_bug() -> None:
    with pytest.raises(ValueError, match="unknown error code"):
        EventwireError("EW000")


def test_where_can_be_set_later() -> None:
    exc = EventwireError("EW107", "not JSON")
    exc.where = "feed.jsonl:3"
    assert exc.message == str(exc) == "EW107 feed.jsonl:3: not JSON"

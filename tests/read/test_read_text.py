"""The plain-text reader."""

from __future__ import annotations

import pytest

from eventwire.errors import EventwireError
from eventwire.read.text import read_text
from eventwire.settings import Settings

ARTICLE = (
    "Floods kill 30 in Sindh\r\n\r\nFloodwaters killed at least 30 people\u00a0in Dadu, officials said.\r\n"
)


def test_reads_text_with_source_and_published() -> None:
    raw = read_text(ARTICLE.encode("utf-8"), "sindh.txt", Settings(), "2022-08-26")
    assert (
        raw.text
        == "Floods kill 30 in Sindh\n\nFloodwaters killed at least 30 people in Dadu, officials said.\n"
    )
    assert raw.source.path == "sindh.txt" and raw.source.format == "text" and raw.source.id is None
    assert raw.published == "2022-08-26"
    assert raw.title is None and raw.captions == []


def test_cp1252_file() -> None:
    text = "Rains swamp Dadu\n\n“We lost everything,” said a farmer – one of thousands displaced.\n"
    assert read_text(text.encode("cp1252"), "a.txt", Settings()).text == text


@pytest.mark.parametrize(
    ("data", "code"),
    [(b"", "EW102"), (b"\x00\x01\x02binary\x00" * 10, "EW103"), (b"12 34 56\n78 90\n", "EW108")],
)
def test_bad_text(data: bytes, code: str) -> None:
    with pytest.raises(EventwireError) as info:
        read_text(data, "bad.txt", Settings())
    assert info.value.code == code and info.value.where == "bad.txt"

"""The JSON Lines reader: one article a line; a bad line is reported and skipped."""

from __future__ import annotations

import json

from eventwire.read.jsonl import read_jsonl
from eventwire.settings import Settings

BODY = "Police in Dhaka arrested two opposition leaders on Sunday, a day after a rally turned violent."
HTML = (
    "<html><head><title>Kenya talks agreed</title><meta name='date' content='2023-03-30'></head>"
    "<body><article><p>Kenya's government and the opposition agreed on Sunday to hold talks in parliament "
    "to end protests.</p>"
    "<figure><figcaption>Supporters gather at a rally in Nairobi. Photo: Wire</figcaption></figure>"
    "</article></body></html>"
)


def lines(*records: object) -> list[bytes]:
    return [(r if isinstance(r, str) else json.dumps(r)).encode("utf-8") + b"\n" for r in records]


def test_text_record_with_every_field() -> None:
    rec = {
        "id": "w-1",
        "text": BODY,
        "title": " Dhaka arrests ",
        "url": "https://w.example/1",
        "published": "2023-07-30T08:00:00Z",
    }
    [out] = read_jsonl(lines(rec), "wire.jsonl", Settings(), "2023-01-01")
    raw = out.item
    assert out.ok and out.where == "wire.jsonl:1"
    assert raw.text == BODY and raw.title == "Dhaka arrests"
    assert (raw.source.path, raw.source.id, raw.source.url, raw.source.format) == (
        "wire.jsonl",
        "w-1",
        "https://w.example/1",
        "jsonl",
    )
    assert raw.published == "2023-07-30"  # the line's own date wins over the default


def test_default_date_and_numeric_id() -> None:
    [out] = read_jsonl(lines({"id": 3, "text": BODY}), "wire.jsonl", Settings(), "2023-01-01")
    assert out.item.published == "2023-01-01" and out.item.source.id == "3"
    [out] = read_jsonl(lines({"text": BODY}), "wire.jsonl", Settings())
    assert out.item.published is None and out.item.source.id is None


def test_html_record() -> None:
    [out] = read_jsonl(
        lines({"id": "k", "html": HTML, "published": "2023-04-02"}), "wire.jsonl", Settings(), "2023-01-01"
    )
    raw = out.item
    assert "agreed on Sunday to hold talks" in raw.text
    assert raw.captions == ["Supporters gather at a rally in Nairobi. Photo: Wire"]
    assert raw.title == "Kenya talks agreed"
    assert raw.published == "2023-04-02"  # the line's date wins over the page's
    assert raw.source.id == "k" and raw.source.format == "jsonl"
    [out] = read_jsonl(lines({"html": HTML, "title": "Given title"}), "wire.jsonl", Settings(), "2023-01-01")
    assert out.item.published == "2023-03-30" and out.item.title == "Given title"


def test_bad_lines_are_reported_and_skipped() -> None:
    data = lines(
        {"id": 1, "text": BODY},
        "{not json",
        "[1, 2]",
        {"id": 4, "title": "no body"},
        {"id": 5, "text": "   "},
        {"id": 6, "text": "12 34 56"},
        {"id": 7, "html": "<html><body><nav>Home</nav></body></html>"},
        {"id": 8, "text": BODY, "published": "2023-08-01"},
    )
    data.insert(1, b"\n")
    data.insert(3, b'{"id": 9, "text": "caf\xe9 society"}\n')
    outs = list(read_jsonl(data, "wire.jsonl", Settings(), "2023-01-01"))
    assert [(o.where, o.error.code if o.error else None) for o in outs] == [
        ("wire.jsonl:1", None),
        ("wire.jsonl:3", "EW107"),
        ("wire.jsonl:4", "EW104"),
        ("wire.jsonl:5", "EW107"),
        ("wire.jsonl:6", "EW107"),
        ("wire.jsonl:7", "EW102"),
        ("wire.jsonl:8", "EW108"),
        ("wire.jsonl:9", "EW108"),
        ("wire.jsonl:10", None),
    ]
    assert outs[1].error.message.startswith("EW107 wire.jsonl:3: not JSON")
    assert outs[-1].item.source.id == "8" and outs[-1].item.published == "2023-08-01"


def test_record_size_limit_and_bom() -> None:
    big = {"id": "big", "text": BODY * 50}
    outs = list(
        read_jsonl(
            [b"\xef\xbb\xbf" + lines({"text": BODY})[0], *lines(big)],
            "w.jsonl",
            Settings(max_input_bytes=1000),
        )
    )
    assert outs[0].ok
    assert outs[1].error.code == "EW105" and outs[1].where == "w.jsonl:2"


def test_text_lines_are_accepted_too() -> None:
    outs = list(read_jsonl([json.dumps({"text": BODY})], "w.jsonl", Settings()))
    assert outs[0].item.text == BODY


def test_a_file_without_records_is_reported() -> None:
    assert [(o.where, o.error.code) for o in read_jsonl([b"\n", b"  \n"], "empty.jsonl", Settings())] == [
        ("empty.jsonl", "EW102")
    ]
    assert [o.error.code for o in read_jsonl([], "empty.jsonl", Settings())] == ["EW102"]


def test_published_dates_in_iso_or_feed_form() -> None:
    outs = list(
        read_jsonl(
            lines(
                {"text": BODY, "published": "2023-07-30"},
                {"text": BODY, "published": "2023-07-30T23:10:00+06:00"},
                {"text": BODY, "published": "Sun, 30 Jul 2023 08:00:00 GMT"},
                {"text": BODY, "published": "yesterday"},
                {"text": BODY, "published": 20230730},
            ),
            "w.jsonl",
            Settings(),
            "2023-01-01",
        )
    )
    assert [o.item.published if o.ok else o.error.code for o in outs] == [
        "2023-07-30",
        "2023-07-30",
        "2023-07-30",
        "EW107",
        "EW107",
    ]

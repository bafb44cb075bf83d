"""The stream formats end to end through `read_inputs`: JSONL(.gz), WARC(.gz), RSS/Atom and stdin.

Each format is read in input order, with bad records and archives cut short reported in place.
"""

from __future__ import annotations

import gzip
import io
import json
import subprocess
import sys
from pathlib import Path

import pytest
from warcio.statusandheaders import StatusAndHeaders
from warcio.warcwriter import WARCWriter

from eventwire.read import read_inputs
from eventwire.settings import Settings

BODY = "Heavy rains flooded the town of Sukkur on Monday, killing three people, officials said. " * 3


def page(n: int) -> str:
    return (
        f"<html><head><title>Floods {n}</title></head><body><article><h1>Floods hit town {n}</h1>"
        f"<p>{BODY}</p><p>Rescue teams reached {n} villages by boat on Tuesday.</p></article></body></html>"
    )


def records(path: Path) -> list[tuple[bool, str | None]]:
    """(ok, error code) for each outcome read from path."""
    return [(o.ok, o.error.code if o.error else None) for o in read_inputs([str(path)], Settings())]


def write_warc(path: Path, pages: list[str], gz: bool) -> None:
    with open(path, "wb") as f:
        writer = WARCWriter(f, gzip=gz)
        request = writer.create_warc_record("https://example.com/", "request", payload=io.BytesIO(b"GET /"))
        writer.write_record(request)
        for n, html in enumerate(pages):
            headers = StatusAndHeaders("200 OK", [("Content-Type", "text/html; charset=utf-8")], "HTTP/1.0")
            body = io.BytesIO(html.encode("utf-8"))
            uri = f"https://example.com/{n}"
            record = writer.create_warc_record(uri, "response", payload=body, http_headers=headers)
            writer.write_record(record)


@pytest.mark.parametrize("gz", [False, True])
def test_warc_records_in_order(tmp_path: Path, gz: bool) -> None:
    path = tmp_path / ("news.warc.gz" if gz else "news.warc")
    write_warc(path, [page(n) for n in range(3)], gz)
    outcomes = list(read_inputs([str(path)], Settings(), published="2024-05-01"))
    assert [o.ok for o in outcomes] == [True, True, True]
    assert [o.item.source.url for o in outcomes] == [f"https://example.com/{n}" for n in range(3)]
    assert all(o.item.source.id.startswith("<urn:uuid:") and o.item.source.format == "warc" for o in outcomes)
    assert [o.item.title for o in outcomes] == [f"Floods hit town {n}" for n in range(3)]


@pytest.mark.parametrize("gz", [False, True])
@pytest.mark.parametrize("keep", [0.5, 0.8, 0.97])
def test_a_truncated_warc_is_reported_after_the_whole_records(tmp_path: Path, gz: bool, keep: float) -> None:
    whole = tmp_path / "whole.warc"
    write_warc(whole, [page(n) for n in range(3)], gz)
    data = whole.read_bytes()
    cut = tmp_path / ("cut.warc.gz" if gz else "cut.warc")
    cut.write_bytes(data[: int(len(data) * keep)])
    got = records(cut)
    assert got[-1] == (False, "EW106"), got
    assert all(ok for ok, _ in got[:-1]) and len(got) <= 3


def test_a_file_that_is_not_a_warc_is_reported(tmp_path: Path) -> None:
    path = tmp_path / "junk.warc.gz"
    path.write_bytes(b"\x1f\x8b not really gzip")
    assert records(path) == [(False, "EW106")]


def jsonl_lines(n: int) -> list[str]:
    lines = [json.dumps({"id": f"r{i}", "text": f"Town {i} flooded\n\n{BODY}"}) for i in range(n)]
    lines[1] = '{"id": "r1", "text": '
    return lines


def test_jsonl_gz_streams_records_in_order(tmp_path: Path) -> None:
    path = tmp_path / "wire.jsonl.gz"
    with gzip.open(path, "wt", encoding="utf-8") as f:
        f.write("\n".join(jsonl_lines(5)) + "\n")
    outcomes = list(read_inputs([str(path)], Settings()))
    assert [(o.ok, o.error.code if o.error else None) for o in outcomes] == [
        (True, None),
        (False, "EW107"),
        (True, None),
        (True, None),
        (True, None),
    ]
    assert [o.where for o in outcomes] == [f"{path}:{n}" for n in range(1, 6)]
    assert [o.item.source.id for o in outcomes if o.ok] == ["r0", "r2", "r3", "r4"]


def test_a_truncated_jsonl_gz_keeps_whole_lines_and_reports_the_cut(tmp_path: Path) -> None:
    whole = gzip.compress(("\n".join(jsonl_lines(40)) + "\n").encode("utf-8"))
    path = tmp_path / "cut.jsonl.gz"
    path.write_bytes(whole[: len(whole) * 2 // 3])
    got = records(path)
    assert got[-1] == (False, "EW104")
    assert sum(ok for ok, _ in got) >= 5 and len(got) < 40


RSS = """<?xml version="1.0" encoding="UTF-8"?>
<rss version="2.0"><channel><title>Wire</title>
<item><guid>a1</guid><title>Floods hit Sukkur</title><link>https://example.com/a1</link>
<pubDate>Mon, 26 Aug 2022 10:00:00 GMT</pubDate><description><![CDATA[<p>{body}</p>]]></description></item>
<item><guid>a2</guid><title>Empty</title><description></description></item>
<item><guid>a3</guid><title>Boats reach villages</title><description>{body}</description></item>
</channel></rss>"""

ATOM = """<?xml version="1.0" encoding="utf-8"?>
<feed xmlns="http://www.w3.org/2005/Atom"><title>Wire</title><id>urn:wire</id><updated>2022-08-27T00:00:00Z</updated>
<entry><id>urn:e1</id><title>Floods hit Sukkur</title><updated>2022-08-27T09:00:00Z</updated>
<content type="html">&lt;p&gt;{body}&lt;/p&gt;</content></entry>
</feed>"""


def test_rss_entries_in_order_with_their_dates(tmp_path: Path) -> None:
    path = tmp_path / "wire.rss"
    path.write_text(RSS.format(body=BODY), encoding="utf-8")
    outcomes = list(read_inputs([str(path)], Settings(), published="2022-01-01"))
    assert [(o.ok, o.error.code if o.error else None) for o in outcomes] == [
        (True, None),
        (False, "EW108"),
        (True, None),
    ]
    first, third = outcomes[0].item, outcomes[2].item
    assert (first.source.id, first.source.url) == ("a1", "https://example.com/a1")
    assert first.published == "2022-08-26"
    assert third.published == "2022-01-01" and third.title == "Boats reach villages"


def test_atom_feed_sniffed_without_its_ending(tmp_path: Path) -> None:
    path = tmp_path / "wire.xml"
    path.write_text(ATOM.format(body=BODY), encoding="utf-8")
    [outcome] = list(read_inputs([str(path)], Settings()))
    assert outcome.ok and outcome.item.source.format == "rss" and outcome.item.published == "2022-08-27"
    assert outcome.item.text.startswith("Heavy rains flooded")


@pytest.mark.parametrize(
    ("data", "fmt"),
    [(f"Floods hit Sukkur\n\n{BODY}".encode(), "text"), (page(1).encode(), "html")],
)
def test_standard_input_through_a_real_pipe(data: bytes, fmt: str) -> None:
    code = (
        "import json; from eventwire.read import read_inputs; from eventwire.settings import Settings\n"
        "outs = read_inputs(['-'], Settings())\n"
        "print(json.dumps([[o.ok, o.item.source.format, o.item.source.path] for o in outs]))"
    )
    done = subprocess.run([sys.executable, "-c", code], input=data, capture_output=True, timeout=60)
    assert done.returncode == 0, done.stderr
    assert json.loads(done.stdout) == [[True, fmt, "<stdin>"]]

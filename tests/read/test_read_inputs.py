"""`read_inputs`: files, directories, globs, stdin, sniffing, limits; errors in place, never a stop."""

from __future__ import annotations

import io
import json
import sys
from pathlib import Path

import pytest

from eventwire.read import expand, read_inputs, reader_for
from eventwire.settings import Settings

TEXT = "Floods kill 30 in Sindh\n\nFloodwaters killed at least 30 people in Dadu district, officials said.\n"
HTML = (
    "<!DOCTYPE html><html><head><title>Hong Kong police arrest 53 activists</title></head><body><article>"
    "<p>Hong Kong police arrested 53 pro-democracy activists in dawn raids on Wednesday, officials said.</p>"
    "</article></body></html>"
)


@pytest.fixture
def tree(tmp_path: Path) -> Path:
    (tmp_path / "b").mkdir()
    (tmp_path / "a.txt").write_text(TEXT, encoding="utf-8")
    (tmp_path / "b" / "c.html").write_text(HTML, encoding="utf-8")
    (tmp_path / "b" / "d.jsonl").write_text(
        json.dumps({"id": "d1", "text": TEXT}) + "\n" + json.dumps({"id": "d2", "text": TEXT}) + "\n", "utf-8"
    )
    (tmp_path / "b" / "notes.pdf").write_bytes(b"%PDF-1.4\x00\x00")
    return tmp_path


def summary(outcomes) -> list[tuple[str, str]]:
    return [(Path(o.where).name, o.error.code if o.error else o.item.source.format) for o in outcomes]


def test_directory_recursive_sorted_known_endings_only(tree: Path) -> None:
    assert [Path(p).relative_to(tree).as_posix() for p in expand([str(tree)])] == [
        "a.txt",
        "b/c.html",
        "b/d.jsonl",
    ]
    assert summary(read_inputs([str(tree)], Settings())) == [
        ("a.txt", "text"),
        ("c.html", "html"),
        ("d.jsonl:1", "jsonl"),
        ("d.jsonl:2", "jsonl"),
    ]


def test_glob(tree: Path) -> None:
    assert summary(read_inputs([str(tree / "**" / "*.html")], Settings())) == [("c.html", "html")]
    assert summary(read_inputs([str(tree / "*.nothing")], Settings())) == [("*.nothing", "EW101")]


def test_errors_in_place_and_the_rest_go_on(tree: Path) -> None:
    (tree / "empty.txt").write_bytes(b"")
    paths = [
        str(tree / "missing.txt"),
        str(tree / "a.txt"),
        str(tree / "empty.txt"),
        str(tree / "b" / "c.html"),
    ]
    assert summary(read_inputs(paths, Settings())) == [
        ("missing.txt", "EW101"),
        ("a.txt", "text"),
        ("empty.txt", "EW102"),
        ("c.html", "html"),
    ]


def test_size_limit(tree: Path) -> None:
    outs = list(read_inputs([str(tree / "a.txt")], Settings(max_input_bytes=20)))
    assert outs[0].error.code == "EW105" and "limit 20" in outs[0].error.message


def test_published_default_reaches_every_reader(tree: Path) -> None:
    outs = list(
        read_inputs([str(tree / "a.txt"), str(tree / "b" / "d.jsonl")], Settings(), published="2022-08-26")
    )
    assert [o.item.published for o in outs] == ["2022-08-26"] * 3


def test_unknown_endings_are_sniffed(tmp_path: Path) -> None:
    (tmp_path / "page").write_text(HTML, encoding="utf-8")
    (tmp_path / "story").write_text(TEXT, encoding="utf-8")
    assert reader_for(str(tmp_path / "page")) is None
    assert summary(read_inputs([str(tmp_path / "page"), str(tmp_path / "story")], Settings())) == [
        ("page", "html"),
        ("story", "text"),
    ]


@pytest.mark.parametrize(("data", "fmt"), [(TEXT.encode("utf-16"), "text"), (HTML.encode("utf-8"), "html")])
def test_stdin(monkeypatch: pytest.MonkeyPatch, data: bytes, fmt: str) -> None:
    monkeypatch.setattr(sys, "stdin", io.TextIOWrapper(io.BytesIO(data)))
    [out] = read_inputs(["-"], Settings(), published="2022-08-26")
    assert out.ok and out.item.source.path == "<stdin>" and out.item.source.format == fmt
    assert out.item.published == "2022-08-26" or fmt == "html"


def test_stdin_limits(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(sys, "stdin", io.TextIOWrapper(io.BytesIO(TEXT.encode())))
    [out] = read_inputs(["-"], Settings(max_input_bytes=10))
    assert out.error.code == "EW105" and out.where == "<stdin>"
    monkeypatch.setattr(sys, "stdin", io.TextIOWrapper(io.BytesIO(b"")))
    [out] = read_inputs(["-"], Settings())
    assert out.error.code == "EW102"


def test_an_empty_directory_is_reported(tmp_path: Path) -> None:
    (tmp_path / "empty").mkdir()
    (tmp_path / "empty" / "notes.pdf").write_bytes(b"%PDF")
    assert summary(read_inputs([str(tmp_path / "empty")], Settings())) == [("empty", "EW101")]


def test_a_reader_bug_sets_one_input_aside(tree: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    import eventwire.read as read

    def broken(path, settings, published):
        raise RuntimeError("reader bug")
        yield  # pragma: no cover - makes this a generator like every reader

    monkeypatch.setitem(read.READERS, ".html", broken)
    outs = list(read_inputs([str(tree / "b" / "c.html"), str(tree / "a.txt")], Settings()))
    assert summary(outs) == [("c.html", "EW999"), ("a.txt", "text")]
    assert "RuntimeError: reader bug" in outs[0].error.message


def test_jsonl_lines_are_decoded_one_by_one(tmp_path: Path) -> None:
    import gzip

    good = json.dumps({"id": "ok", "text": TEXT}).encode("utf-8")
    data = (
        good
        + b"\r\n"
        + b'{"id": "bad", "text": "caf\xe9 society in the old town square of the city"}\n'
        + good
        + b"\n"
    )
    (tmp_path / "w.jsonl").write_bytes(data)
    (tmp_path / "w.jsonl.gz").write_bytes(gzip.compress(data))
    for name in ("w.jsonl", "w.jsonl.gz"):
        outs = list(read_inputs([str(tmp_path / name)], Settings()))
        assert [(Path(o.where).name, o.error.code if o.error else "ok") for o in outs] == [
            (f"{name}:1", "ok"),
            (f"{name}:2", "EW104"),
            (f"{name}:3", "ok"),
        ]

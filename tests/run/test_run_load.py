"""Loading part files: documents, failure records and bad lines, in order, once."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from eventwire.errors import EventwireError
from eventwire.model import Article, Paragraph, Source
from eventwire.run.load import load_parts, part_files
from eventwire.settings import Settings
from eventwire.store import Store

TEXT = "Floods hit Sukkur\n\nHeavy rains flooded Sukkur on Monday."


def document(text: str) -> dict:
    paragraphs = [Paragraph(0, "title", 0, 17, [0]), Paragraph(1, "body", 19, len(text), [2])]
    return Article(text=text, source=Source(path="a.txt", format="text"), paragraphs=paragraphs).to_dict()


def test_parts_load_in_name_order_with_failures_and_bad_lines(tmp_path: Path) -> None:
    parts = tmp_path / "parts"
    parts.mkdir()
    failure = {"schema": "eventwire.failure/1", "code": "EW101", "reason": "file not found", "where": "x.txt"}
    broken = dict(document(TEXT), text="changed")
    (parts / "part-000001.jsonl").write_text(
        "\n".join([json.dumps(document(TEXT + " Again.")), json.dumps(failure), "{oops", json.dumps(broken)]),
        encoding="utf-8",
    )
    (parts / "part-000000.jsonl").write_text(json.dumps(document(TEXT)) + "\n", encoding="utf-8")
    quarantine = tmp_path / "q.jsonl"
    with Store.open(tmp_path / "s.db", Settings()) as store:
        summary = load_parts([str(parts)], store, quarantine)
        assert (summary.read, summary.stored, summary.failed, summary.files_done) == (5, 2, 3, 2)
        titles = [r[0] for r in store.conn.execute("SELECT text FROM articles ORDER BY rowid")]
        assert titles == [TEXT, TEXT + " Again."]
        again = load_parts([str(parts / "part-000000.jsonl")], store)
        assert (again.stored, again.duplicates) == (0, 1)
    codes = [json.loads(line)["code"] for line in quarantine.read_text(encoding="utf-8").splitlines()]
    assert codes == ["EW101", "EW107", "EW107"]


def test_a_missing_path_is_an_error(tmp_path: Path) -> None:
    with pytest.raises(EventwireError) as err:
        part_files([str(tmp_path / "nowhere")])
    assert err.value.code == "EW101"

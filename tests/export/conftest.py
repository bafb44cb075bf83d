"""Fixtures of the export tests: a store holding the stored-document reports of tests/store."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from eventwire.model import Article
from eventwire.settings import Settings
from eventwire.store import Store

REPORTS = Path(__file__).resolve().parents[1] / "store" / "reports.jsonl"


@pytest.fixture
def store(tmp_path: Path):
    """A fresh SQLite store with every report of `tests/store/reports.jsonl` ingested."""
    with Store.open(tmp_path / "ew.db", Settings()) as s:
        for line in REPORTS.read_text(encoding="utf-8").splitlines():
            s.ingest(Article.from_dict(json.loads(line)))
        yield s

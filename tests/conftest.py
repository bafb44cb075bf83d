"""Fixtures shared by every test module."""

from __future__ import annotations

import sqlite3
from collections.abc import Callable
from pathlib import Path

import pytest

from eventwire.knowledge import load_knowledge
from eventwire.model import Article, RawArticle, Source
from eventwire.settings import Settings
from eventwire.stages import article_pipeline

ROOT = Path(__file__).resolve().parents[1]
SHARED = ROOT.parent / "shared"
SCHEMA_V1 = ROOT / "tests" / "store" / "schema_v1.sql"
"""The store's first schema as it was released, to test migrations from it."""


@pytest.fixture(scope="session")
def shared_dir() -> Path:
    """The team's read-only `shared/` folder beside the clone; tests that need it skip without it."""
    if not (SHARED / "seed" / "article.txt").exists():
        pytest.skip(f"{SHARED} is absent: this test needs the shared development data")
    return SHARED


@pytest.fixture(scope="session")
def version_1_store() -> Callable[[Path], None]:
    """Makes a store of schema version 1, as the first eventwire made it, at the path given."""

    def make(db: Path) -> None:
        with sqlite3.connect(db) as conn:
            conn.executescript(SCHEMA_V1.read_text(encoding="utf-8"))
            conn.execute("INSERT INTO schema_version VALUES (1, '2026-01-01T00:00:00+00:00')")
        conn.close()

    return make


@pytest.fixture(scope="session")
def pipeline():
    """The whole article pipeline, set up once per test session (spaCy loads once)."""
    p = article_pipeline(Settings(), load_knowledge())
    p.setup()
    return p


@pytest.fixture(scope="session")
def seed(shared_dir: Path, pipeline) -> Article:
    """The seed article run through the whole pipeline, published 2022-03-23."""
    text = (shared_dir / "seed" / "article.txt").read_text(encoding="utf-8")
    return pipeline.run(RawArticle(text=text, source=Source(path="article.txt"), published="2022-03-23"))


@pytest.fixture(scope="session")
def run_text(pipeline):
    """A function: text (and optional publication date) → a fully processed `Article`."""

    def run(text: str, published: str | None = "2022-03-23", title: str | None = None) -> Article:
        return pipeline.run(
            RawArticle(text=text, source=Source(path="test.txt"), published=published, title=title)
        )

    return run

"""Fixtures shared by every test module."""

from __future__ import annotations

from pathlib import Path

import pytest

from eventwire.model import Article, RawArticle, Source
from eventwire.stages import article_pipeline

ROOT = Path(__file__).resolve().parents[1]
SHARED = ROOT.parent / "shared"


@pytest.fixture(scope="session")
def shared_dir() -> Path:
    """The team's read-only `shared/` folder beside the clone; tests that need it skip without it."""
    if not (SHARED / "seed" / "article.txt").exists():
        pytest.skip(f"{SHARED} is absent: this test needs the shared development data")
    return SHARED


@pytest.fixture(scope="session")
def pipeline():
    """The whole article pipeline, set up once per test session (spaCy loads once)."""
    p = article_pipeline()
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

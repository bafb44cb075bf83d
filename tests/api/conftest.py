"""Fixtures for the API tests: a seeded SQLite store and the API served over HTTP on 127.0.0.1."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import httpx
import pytest

from api.livestore import TOKEN, seed_store, serving
from eventwire.api import create_app
from eventwire.settings import Settings


@pytest.fixture(scope="session")
def seeded_db(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A store holding the seed articles (never written to by tests)."""
    return seed_store(tmp_path_factory.mktemp("store") / "seed.db")


@pytest.fixture(scope="session")
def api_url(seeded_db: Path) -> Iterator[str]:
    """The base URL of the read-only API over the seeded store, with a small body limit and page cap."""
    settings = Settings(api_max_body_bytes=2000, api_max_page_size=100, api_page_size=2)
    with serving(create_app(seeded_db, settings)) as url:
        yield url


@pytest.fixture
def client(api_url: str) -> Iterator[httpx.Client]:
    """An HTTP client for the read-only API."""
    with httpx.Client(base_url=api_url, timeout=30) as c:
        yield c


@pytest.fixture
def writable_url(tmp_path: Path) -> Iterator[str]:
    """The base URL of an API over a fresh store, with ingest enabled by `TOKEN`."""
    settings = Settings(api_token=TOKEN, api_max_body_bytes=20_000)
    with serving(create_app(tmp_path / "ingest.db", settings)) as url:
        yield url

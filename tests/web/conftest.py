"""Fixtures for the dashboard tests: the app over a seeded store, and headless Chromium via Playwright."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

from api.livestore import seed_store, serving
from eventwire.api import create_app
from eventwire.settings import Settings

CHROMIUM = Path("/usr/bin/chromium")
ARTIFACTS = Path(__file__).resolve().parents[2] / "test-artifacts"


@pytest.fixture(scope="session")
def seeded_store_path(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A store holding the seed articles, the hostile one included."""
    return seed_store(tmp_path_factory.mktemp("web") / "dashboard.db")


@pytest.fixture(scope="session")
def dashboard_url(seeded_store_path: Path) -> Iterator[str]:
    """The base URL of the app (API and dashboard) over the seeded store, three table rows a page."""
    with serving(create_app(seeded_store_path, Settings(api_page_size=3))) as url:
        yield url


@pytest.fixture(scope="session")
def browser() -> Iterator[object]:
    """Debian's headless Chromium driven by Playwright (skipped only when /usr/bin/chromium is absent)."""
    if not CHROMIUM.exists():
        pytest.skip(
            f"{CHROMIUM} is absent: install Debian's chromium (make browser) to run the dashboard tests"
        )
    from playwright.sync_api import sync_playwright

    with sync_playwright() as pw:
        chromium = pw.chromium.launch(
            executable_path=str(CHROMIUM),
            args=[
                "--no-sandbox",
                "--disable-gpu",
                "--disable-background-networking",
                "--disable-component-update",
            ],
        )
        yield chromium
        chromium.close()


@pytest.fixture
def page(request: pytest.FixtureRequest, browser: object, dashboard_url: str) -> Iterator[object]:
    """A fresh page (1400x1000) with its console errors and failed requests collected in `page.problems`.

    Indirect parameters are extra browser context options (e.g. `{"bypass_csp": True}`).
    """
    options = getattr(request, "param", {})
    context = browser.new_context(viewport={"width": 1400, "height": 1000}, base_url=dashboard_url, **options)
    pg = context.new_page()
    pg.problems = []
    pg.on("pageerror", lambda exc: pg.problems.append(f"page error: {exc}"))
    pg.on("console", lambda msg: msg.type == "error" and pg.problems.append(f"console: {msg.text}"))
    pg.on("requestfailed", lambda req: pg.problems.append(f"request failed: {req.url}"))
    yield pg
    context.close()


@pytest.fixture(scope="session")
def artifacts() -> Path:
    """Where screenshots go (test-artifacts/, git-ignored)."""
    ARTIFACTS.mkdir(exist_ok=True)
    return ARTIFACTS

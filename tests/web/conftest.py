"""Fixtures for the dashboard tests: the app over a seeded store, and headless Chromium via Playwright."""

from __future__ import annotations

import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest

from api.livestore import seed_store, serving
from eventwire.api import create_app
from eventwire.settings import Settings

CHROMIUM = Path("/usr/bin/chromium")
ROOT = Path(__file__).resolve().parents[2]
ARTIFACTS = ROOT / "test-artifacts"
EVENTWIRE = str(Path(sys.executable).with_name("eventwire"))


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
def samples_store_path(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A store of the repository's samples, made by `eventwire run` as a user would make it."""
    path = tmp_path_factory.mktemp("samples") / "samples.db"
    done = subprocess.run(
        [EVENTWIRE, "run", str(ROOT / "samples"), "--db", str(path)],
        capture_output=True,
        text=True,
        timeout=300,
    )
    assert done.returncode == 0, done.stderr
    return path


@pytest.fixture(scope="session")
def samples_url(samples_store_path: Path) -> Iterator[str]:
    """The base URL of the app over the samples' store, with the default settings."""
    with serving(create_app(samples_store_path, Settings())) as url:
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


def watched_page(browser: object, base_url: str, **options: object) -> Iterator[object]:
    """A page in a fresh context, its console errors and failed requests collected in `page.problems`."""
    options = {"viewport": {"width": 1400, "height": 1000}, **options}
    context = browser.new_context(base_url=base_url, **options)
    pg = context.new_page()
    pg.problems = []
    pg.on("pageerror", lambda exc: pg.problems.append(f"page error: {exc}"))
    pg.on("console", lambda msg: msg.type == "error" and pg.problems.append(f"console: {msg.text}"))
    pg.on("requestfailed", lambda req: pg.problems.append(f"request failed: {req.url}"))
    yield pg
    context.close()


@pytest.fixture
def page(request: pytest.FixtureRequest, browser: object, dashboard_url: str) -> Iterator[object]:
    """A fresh page (1400x1000) over the seeded store, its problems in `page.problems`.

    Indirect parameters are extra browser context options (e.g. `{"bypass_csp": True}`).
    """
    yield from watched_page(browser, dashboard_url, **getattr(request, "param", {}))


@pytest.fixture
def samples_page(request: pytest.FixtureRequest, browser: object, samples_url: str) -> Iterator[object]:
    """A fresh page over the samples' store (1400x900 unless indirect parameters say otherwise)."""
    options = {"viewport": {"width": 1400, "height": 900}, "accept_downloads": True}
    yield from watched_page(browser, samples_url, **{**options, **getattr(request, "param", {})})


@pytest.fixture(scope="session")
def artifacts() -> Path:
    """Where screenshots go (test-artifacts/, git-ignored)."""
    ARTIFACTS.mkdir(exist_ok=True)
    return ARTIFACTS

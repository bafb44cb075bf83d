"""`/docs` in headless Chromium with the network cut off: Swagger UI renders every route from this server."""

from __future__ import annotations

from urllib.parse import urlsplit

import pytest
from playwright.sync_api import expect

pytestmark = pytest.mark.browser


def test_docs_work_offline(page, dashboard_url: str) -> None:
    origin = urlsplit(dashboard_url).netloc
    outside: list[str] = []

    def only_this_server(route) -> None:
        if urlsplit(route.request.url).netloc == origin:
            route.continue_()
        else:
            outside.append(route.request.url)
            route.abort()

    page.route("**/*", only_this_server)
    page.goto("/docs")
    expect(page.locator(".swagger-ui .opblock-summary-path").first).to_be_visible(timeout=15_000)
    paths = page.locator(".swagger-ui .opblock-summary-path").all_text_contents()
    assert {"/events", "/merged-events", "/places", "/flags"} <= {p.strip() for p in paths}
    assert outside == [] and page.problems == []

"""`/docs` in headless Chromium with the network cut off: Swagger UI renders every route from this server."""

from __future__ import annotations

import pytest
from playwright.sync_api import expect

from web.offline import outside_requests

pytestmark = pytest.mark.browser


def test_docs_work_offline(page, dashboard_url: str) -> None:
    outside = outside_requests(page, dashboard_url)
    page.goto("/docs")
    expect(page.locator(".swagger-ui .opblock-summary-path").first).to_be_visible(timeout=15_000)
    paths = page.locator(".swagger-ui .opblock-summary-path").all_text_contents()
    assert {"/events", "/merged-events", "/places", "/flags"} <= {p.strip() for p in paths}
    assert outside == [] and page.problems == []

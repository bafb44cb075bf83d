"""`/docs` over HTTP: Swagger UI whose every file comes from this server, over its `/openapi.json`."""

from __future__ import annotations

import re

import httpx


def test_docs_load_only_files_this_server_serves(client: httpx.Client) -> None:
    page = client.get("/docs")
    assert page.status_code == 200 and "text/html" in page.headers["content-type"]
    links = re.findall(r"""(?:src|href)\s*=\s*['"]([^'"]+)['"]""", page.text)
    assert links and all(link.startswith("/") and not link.startswith("//") for link in links)
    assert "//cdn" not in page.text and "https://" not in page.text
    assert "'/openapi.json'" in page.text or '"/openapi.json"' in page.text
    for link in links:
        assert client.get(link).status_code == 200, link
    script = client.get("/docs/assets/swagger-ui-bundle.js")
    assert "javascript" in script.headers["content-type"] and "SwaggerUIBundle" in script.text


def test_redoc_needing_a_cdn_is_not_offered(client: httpx.Client) -> None:
    assert client.get("/redoc").status_code == 404

"""The API's reference page at `/docs`: Swagger UI served from this server, so it works offline.

Swagger UI 5 (which reads OpenAPI 3.1) comes from the pinned `swagger-ui-bundle-v2` package (module
`swagger_ui_bundle`); its files are served under `/docs/assets`, and the page reads `/openapi.json` from
the same origin: it needs nothing from the network.
"""

from __future__ import annotations

from fastapi import FastAPI
from fastapi.openapi.docs import get_swagger_ui_html
from fastapi.responses import HTMLResponse
from fastapi.staticfiles import StaticFiles
from swagger_ui_bundle import swagger_ui_path

ASSETS = "/docs/assets"
"""Where Swagger UI's files are served."""


def mount_docs(app: FastAPI) -> None:
    """Serve Swagger UI at `/docs` over the app's OpenAPI document, with its files from this server."""
    app.mount(ASSETS, StaticFiles(directory=swagger_ui_path), name="swagger-ui")

    @app.get("/docs", response_class=HTMLResponse, include_in_schema=False)
    def docs() -> HTMLResponse:
        return get_swagger_ui_html(
            openapi_url=app.openapi_url or "/openapi.json",
            title=f"{app.title} API",
            swagger_js_url=f"{ASSETS}/swagger-ui-bundle.js",
            swagger_css_url=f"{ASSETS}/swagger-ui.css",
            swagger_favicon_url=f"{ASSETS}/favicon-32x32.png",
        )

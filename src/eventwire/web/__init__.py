"""The dashboard: one page at `/` (map, timeline, event table, article view, flags) and its static files.

Everything it needs ships in the package: the scripts, the styles and an offline basemap of country
borders. It reads the same JSON routes as any API client, and builds the page from data with text nodes
only, under a Content-Security-Policy that allows scripts from this server alone.
"""

from __future__ import annotations

from pathlib import Path
from urllib.parse import urlsplit

from fastapi import FastAPI, Request
from fastapi.responses import HTMLResponse
from fastapi.staticfiles import StaticFiles
from fastapi.templating import Jinja2Templates

from eventwire import __version__
from eventwire.knowledge import plover as ontology
from eventwire.model import STATUSES
from eventwire.settings import Settings
from eventwire.store.filters import acled_typology

HERE = Path(__file__).parent


def content_policy(settings: Settings) -> str:
    """The page's Content-Security-Policy: this server only, plus the tile server's origin when set."""
    images = "'self' data:"
    if settings.map_tiles_url:
        parts = urlsplit(settings.map_tiles_url)
        images += f" {parts.scheme}://{parts.netloc}"
    return (
        "default-src 'self'; script-src 'self'; style-src 'self'; connect-src 'self'; "
        f"img-src {images}; object-src 'none'; base-uri 'none'; form-action 'self'; frame-ancestors 'none'"
    )


def mount_dashboard(app: FastAPI, settings: Settings) -> None:
    """Serve the dashboard page at `/` and its files under `/static`."""
    templates = Jinja2Templates(directory=HERE / "templates")
    policy = content_policy(settings)
    app.mount("/static", StaticFiles(directory=HERE / "static"), name="static")

    @app.get("/", response_class=HTMLResponse, include_in_schema=False)
    def dashboard(request: Request) -> HTMLResponse:
        response = templates.TemplateResponse(
            request,
            "index.html",
            {
                "version": __version__,
                "tiles_url": settings.map_tiles_url,
                "map_limit": settings.api_max_page_size,
                "page_size": settings.api_page_size,
                "types": ontology.types(),
                "acled_types": acled_typology(),
                "statuses": STATUSES,
            },
        )
        response.headers["Content-Security-Policy"] = policy
        response.headers["X-Content-Type-Options"] = "nosniff"
        response.headers["Referrer-Policy"] = "no-referrer"
        return response

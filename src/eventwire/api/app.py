"""The app factory: the JSON API and the dashboard over one store."""

from __future__ import annotations

from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from pathlib import Path

from fastapi import Depends, FastAPI

from eventwire import __version__
from eventwire.api import problems
from eventwire.api.database import Database
from eventwire.api.docs import mount_docs
from eventwire.api.limits import BodyLimit
from eventwire.api.params import known_parameters
from eventwire.api.routes import ROUTERS
from eventwire.settings import Settings
from eventwire.web import mount_dashboard

DESCRIPTION = """Event data extracted from news: articles (the `eventwire.document/1` shape), events as each
article reported them, merged events (one per real-world occurrence), places, entities, flags and full-text
search. Read-only unless the server was started with a token, which `POST /articles` then requires.
Every error is `{"error": {"code": "EW7xx", "message": "…"}}`."""


def create_app(db_path: str | Path, settings: Settings | None = None) -> FastAPI:
    """The FastAPI app serving the store at `db_path`: JSON routes, OpenAPI at /openapi.json read by
    Swagger UI at /docs (offline), the dashboard at /.

    Args:
        db_path: the SQLite store. It must exist unless a token is configured (then it is created).
        settings: API token, body and page limits, map tiles; defaults to `Settings.from_env()`.

    Raises:
        EventwireError: EW501/EW502 when the store is missing or cannot be read.
    """
    settings = settings or Settings.from_env()
    db = Database(db_path, settings)
    db.prepare()

    @asynccontextmanager
    async def lifespan(app: FastAPI) -> AsyncIterator[None]:
        yield
        db.close()

    app = FastAPI(
        title="eventwire",
        version=__version__,
        description=DESCRIPTION,
        lifespan=lifespan,
        docs_url=None,
        redoc_url=None,
    )
    app.state.db = db
    app.state.settings = settings
    problems.install(app)
    app.add_middleware(BodyLimit, max_bytes=settings.api_max_body_bytes)
    for router in ROUTERS:
        app.include_router(router, dependencies=[Depends(known_parameters)])
    mount_docs(app)
    mount_dashboard(app, settings)
    return app

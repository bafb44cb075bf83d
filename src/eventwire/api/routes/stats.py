"""What the store holds and what the API allows: `GET /stats`."""

from __future__ import annotations

from typing import Any

from fastapi import APIRouter, Request

from eventwire import SCHEMA, __version__
from eventwire.api.params import Reader

router = APIRouter(tags=["stats"])


@router.get("/stats")
def stats(request: Request, store: Reader) -> dict[str, Any]:
    """Row counts by table, the versions, and whether ingest (`POST /articles`) is enabled."""
    return {
        "version": __version__,
        "schema": SCHEMA,
        "counts": store.counts(),
        "ingest": bool(request.app.state.settings.api_token),
    }

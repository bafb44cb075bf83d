"""Full-text search over articles and event evidence: `GET /search?q=`."""

from __future__ import annotations

from typing import Annotated, Any

from fastapi import APIRouter, Query, Request

from eventwire.api.params import Reader, capped
from eventwire.errors import EventwireError

router = APIRouter(tags=["search"])


@router.get("/search")
def search(
    request: Request,
    store: Reader,
    q: Annotated[str, Query(min_length=1, description="words that must all occur")],
    limit: Annotated[int | None, Query(ge=1, description="most hits of each kind")] = None,
) -> dict[str, Any]:
    """Articles whose title or text hold every word, and event evidence that does, best first."""
    if not q.strip():
        raise EventwireError("EW701", "q: give at least one word")
    return {"q": q, **store.search(q, capped(request, limit))}

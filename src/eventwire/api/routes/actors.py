"""The normalized names of the events' actors and recipients: `GET /actors`, for the actor filter."""

from __future__ import annotations

from typing import Any

from fastapi import APIRouter

from eventwire.api.params import Page, PageQuery, Reader

router = APIRouter(tags=["actors"])


@router.get("/actors", response_model=Page)
def list_actors(store: Reader, page: PageQuery) -> dict[str, Any]:
    """Distinct actor and recipient names with how many events name them, most events first."""
    return page.page(store.actors(page.limit, page.offset), store.count_actors())

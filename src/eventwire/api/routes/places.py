"""Places found in the articles: `GET /places`."""

from __future__ import annotations

from typing import Any

from fastapi import APIRouter

from eventwire.api.params import Page, PageQuery, Reader

router = APIRouter(tags=["places"])


@router.get("/places", response_model=Page)
def list_places(store: Reader, page: PageQuery) -> dict[str, Any]:
    """Distinct places with how many articles mention them and how many events happen there."""
    return page.page(store.places(page.limit, page.offset), store.count_places())

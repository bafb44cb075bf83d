"""Named entities found in the articles: `GET /entities`."""

from __future__ import annotations

from typing import Any

from fastapi import APIRouter

from eventwire.api.params import Page, PageQuery, Reader

router = APIRouter(tags=["entities"])


@router.get("/entities", response_model=Page)
def list_entities(store: Reader, page: PageQuery) -> dict[str, Any]:
    """Distinct entities (name and type) with their article and mention counts, most articles first."""
    return page.page(store.entities(page.limit, page.offset), store.count_entities())

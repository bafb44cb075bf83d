"""What a careful reader would question: `GET /flags`."""

from __future__ import annotations

from typing import Annotated, Any

from fastapi import APIRouter, Query

from eventwire.api.params import Page, PageQuery, Reader

router = APIRouter(tags=["flags"])


@router.get("/flags", response_model=Page)
def list_flags(
    store: Reader,
    page: PageQuery,
    kind: Annotated[str | None, Query(description="only flags of this kind, e.g. contradiction")] = None,
) -> dict[str, Any]:
    """Flags with their evidence and article, newest articles first."""
    return page.page(store.flags(page.limit, page.offset, kind or None), store.count_flags(kind or None))

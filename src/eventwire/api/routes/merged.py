"""Merged events, one per real-world occurrence with every source: `GET /merged-events[/{id}]`."""

from __future__ import annotations

from typing import Annotated, Any

from fastapi import APIRouter, Path
from starlette.exceptions import HTTPException

from eventwire.api.params import SQL_INT, FilterQuery, Page, PageQuery, Reader, SortQuery

router = APIRouter(tags=["merged events"])


@router.get("/merged-events", response_model=Page)
def list_merged_events(
    store: Reader, page: PageQuery, filters: FilterQuery, sort: SortQuery
) -> dict[str, Any]:
    """Merged events matching the filters, in `sort` order (newest first by default)."""
    items = store.merged_events(filters, page.limit, page.offset, sort)
    return page.page(items, store.count_events(filters, merged=True))


@router.get("/merged-events/{merged_id}")
def get_merged_event(store: Reader, merged_id: Annotated[int, Path(ge=0, le=SQL_INT)]) -> dict[str, Any]:
    """One merged event by its id, with its member events' ids, sources and evidence."""
    found = store.merged_event(merged_id)
    if found is None:
        raise HTTPException(404, f"no merged event {merged_id}")
    return found

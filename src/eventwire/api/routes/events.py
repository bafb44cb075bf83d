"""Events as each article reported them: `GET /events` (filtered, paged) and `GET /events/{id}`."""

from __future__ import annotations

from typing import Annotated, Any

from fastapi import APIRouter, Path
from starlette.exceptions import HTTPException

from eventwire.api.params import SQL_INT, FilterQuery, Page, PageQuery, Reader, SortQuery

router = APIRouter(tags=["events"])


@router.get("/events", response_model=Page)
def list_events(store: Reader, page: PageQuery, filters: FilterQuery, sort: SortQuery) -> dict[str, Any]:
    """Events matching the filters, in `sort` order (newest first by default), with their place,
    evidence, claims and source article."""
    items = store.events(filters, page.limit, page.offset, sort)
    return page.page(items, store.count_events(filters))


@router.get("/events/{event_id}")
def get_event(store: Reader, event_id: Annotated[int, Path(ge=0, le=SQL_INT)]) -> dict[str, Any]:
    """One event by its id."""
    found = store.event(event_id)
    if found is None:
        raise HTTPException(404, f"no event {event_id}")
    return found

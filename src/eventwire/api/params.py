"""Request parameters shared by the routes: pagination, the event filter, and the page envelope."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from typing import Annotated, Any

from fastapi import Depends, Query, Request
from fastapi.dependencies.models import Dependant
from pydantic import BaseModel, Field

from eventwire.errors import EventwireError
from eventwire.store import EventFilter, Store
from eventwire.store.filters import SQL_INT
from eventwire.store.sorting import LATEST, SORTS, sort_key


class Page(BaseModel):
    """One page of a list: its rows, where it starts, how many rows match in all, and the next offset."""

    items: list[dict[str, Any]] = Field(description="the rows of this page")
    limit: int = Field(description="rows asked for")
    offset: int = Field(description="rows skipped")
    total: int = Field(description="rows matching in all")
    next: int | None = Field(description="the offset of the next page, or null on the last page")


@dataclass(frozen=True)
class Paging:
    """A page request: `limit` rows from `offset`."""

    limit: int
    offset: int

    def page(self, items: list[dict[str, Any]], total: int) -> dict[str, Any]:
        """The page envelope: `items`, `limit`, `offset`, `total` and `next`, the offset of the following
        page or null on the last one."""
        more = self.offset + self.limit < total
        return {
            "items": items,
            "limit": self.limit,
            "offset": self.offset,
            "total": total,
            "next": self.offset + self.limit if more else None,
        }


def paging(
    request: Request,
    limit: Annotated[
        int | None, Query(ge=1, description="rows per page (default and cap are settings)")
    ] = None,
    offset: Annotated[int, Query(ge=0, le=SQL_INT, description="rows to skip")] = 0,
) -> Paging:
    """The `limit` and `offset` query parameters, checked against the page size cap."""
    return Paging(capped(request, limit), offset)


def capped(request: Request, limit: int | None) -> int:
    """A requested `limit`, or the default page size; over the cap is a bad request (EW701)."""
    settings = request.app.state.settings
    if limit is not None and limit > settings.api_max_page_size:
        raise EventwireError("EW701", f"limit {limit} is over the cap of {settings.api_max_page_size}")
    return limit or settings.api_page_size


def event_filter(
    type: Annotated[
        str | None, Query(description="PLOVER event type, or several separated by commas")
    ] = None,
    place: Annotated[
        str | None, Query(description="the place's name or its first-level division's name, whole")
    ] = None,
    country: Annotated[str | None, Query(description="ISO 3166-1 alpha-2 code of the country: UA")] = None,
    admin1: Annotated[
        str | None,
        Query(description="ISO 3166-2 or GeoNames code of the first-level division: UA-63 or UA.07"),
    ] = None,
    near: Annotated[str | None, Query(description="LAT,LON,KM: events placed within KM of the point")] = None,
    since: Annotated[
        str | None, Query(description="YYYY-MM-DD: events that may fall on or after the day")
    ] = None,
    until: Annotated[
        str | None, Query(description="YYYY-MM-DD: events that may fall on or before the day")
    ] = None,
    actor: Annotated[str | None, Query(description="part of the actor's or recipient's name")] = None,
    q: Annotated[str | None, Query(description="words that must all occur in the event's evidence")] = None,
    acled_type: Annotated[
        str | None, Query(description="ACLED event type, or several separated by commas: Battles,Protests")
    ] = None,
    status: Annotated[
        str | None,
        Query(
            description="the statuses to keep, separated by commas (occurred, ongoing, expected, historical)"
        ),
    ] = None,
    min_dead: Annotated[str | None, Query(description="events with at least this many dead")] = None,
    min_confidence: Annotated[
        str | None, Query(description="events whose confidence is at least this, 0 to 1")
    ] = None,
    disputed: Annotated[bool, Query(description="only events with a claim that someone denies")] = False,
) -> EventFilter:
    """The event filter, as the `eventwire events` command takes it, checked as the command checks it."""
    point = None
    if near:
        try:
            point = EventFilter.parse_near(near)
        except ValueError as exc:
            raise EventwireError("EW701", f"near: {exc}") from None
    return EventFilter(
        type=type or None,
        place=place or None,
        country=country or None,
        admin1=admin1 or None,
        near=point,
        since=since,
        until=until,
        actor=actor or None,
        q=q or None,
        acled_type=acled_type or None,
        status=status or None,
        min_dead=min_dead or None,
        min_confidence=min_confidence or None,
        disputed=disputed,
    ).checked()


def sorting(
    sort: Annotated[
        str, Query(description=f"the column to sort by, with - to descend: {', '.join(SORTS)}")
    ] = LATEST,
) -> str:
    """The `sort` query parameter, checked (EW701 naming the keys)."""
    try:
        return sort_key(sort)
    except ValueError as exc:
        raise EventwireError("EW701", f"sort: {exc}") from None


def _query_names(dependant: Dependant) -> set[str]:
    """The query parameters a route and its dependencies take."""
    names = {p.alias for p in dependant.query_params}
    for sub in dependant.dependencies:
        names |= _query_names(sub)
    return names


def known_parameters(request: Request) -> None:
    """Refuse query parameters the route does not take (EW701 naming them), rather than ignore them."""
    route = request.scope.get("route")
    if route is None:
        return
    taken = _query_names(route.dependant)
    unknown = sorted(set(request.query_params) - taken)
    if unknown:
        listed = ", ".join(repr(n) for n in unknown)
        known = ", ".join(sorted(taken)) or "none"
        plural = "s" if len(unknown) > 1 else ""
        raise EventwireError("EW701", f"unknown parameter{plural} {listed} (this route takes: {known})")


def reader(request: Request) -> Iterator[Store]:
    """A read-only store lent for the request."""
    with request.app.state.db.reading() as store:
        yield store


PageQuery = Annotated[Paging, Depends(paging)]
FilterQuery = Annotated[EventFilter, Depends(event_filter)]
SortQuery = Annotated[str, Depends(sorting)]
Reader = Annotated[Store, Depends(reader)]

"""First-level divisions by code, as the `admin1` filter reads them: `GET /divisions/{code}`."""

from __future__ import annotations

from typing import Any

from fastapi import APIRouter
from starlette.exceptions import HTTPException

from eventwire.store import codes

router = APIRouter(tags=["places"])


@router.get("/divisions/{code}")
def get_division(code: str) -> dict[str, Any]:
    """The division an ISO 3166-2 (`UA-63`) or GeoNames (`UA.07`) code names: its country and its name as
    places store it (404 when no division has the code)."""
    try:
        country, name = codes.division(code)
    except ValueError as exc:
        raise HTTPException(404, str(exc)) from None
    return {"code": code.strip().upper(), "country": country, "name": name}

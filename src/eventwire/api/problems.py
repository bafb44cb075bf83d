"""JSON errors: every failure answers `{"error": {"code": "EW7xx", "message": "…"}}` with a fitting status."""

from __future__ import annotations

import logging

from fastapi import FastAPI, Request
from fastapi.exceptions import RequestValidationError
from fastapi.responses import JSONResponse
from starlette.exceptions import HTTPException

from eventwire.errors import CODES, EventwireError

log = logging.getLogger(__name__)

STATUS_CODES = {400: "EW701", 401: "EW703", 403: "EW704", 404: "EW702", 405: "EW706", 413: "EW705"}
"""The code of an HTTP error status; any other 4xx is EW701, any 5xx EW999."""

_STATUS_OF = {code: status for status, code in STATUS_CODES.items()}


def http_status(code: str) -> int:
    """The HTTP status for a coded error: API codes as listed, bad input 400 (too large 413), others 500."""
    if code in _STATUS_OF:
        return _STATUS_OF[code]
    if code == "EW105":
        return 413
    if code[:3] == "EW1":
        return 400
    if code[:3] in ("EW2", "EW3"):
        return 422
    return 500


def error_response(
    code: str, message: str, status: int | None = None, headers: dict[str, str] | None = None
) -> JSONResponse:
    """The JSON error response."""
    return JSONResponse(
        {"error": {"code": code, "message": message}}, status or http_status(code), headers=headers
    )


def _validation_message(exc: RequestValidationError) -> str:
    parts = []
    for err in exc.errors():
        if err.get("type") == "json_invalid":
            parts.append(f"body: not valid JSON ({err.get('ctx', {}).get('error', 'malformed')})")
            continue
        where = [str(p) for p in err.get("loc", ()) if p not in ("query", "path", "body")]
        kind = err.get("loc", ("",))[0]
        label = f"{kind} parameter {'.'.join(where)!r}" if where else str(kind)
        parts.append(f"{label}: {err.get('msg', 'invalid')}")
    return "; ".join(parts) or "invalid request"


async def _on_validation(request: Request, exc: RequestValidationError) -> JSONResponse:
    return error_response("EW701", _validation_message(exc), 400)


async def _on_http(request: Request, exc: HTTPException) -> JSONResponse:
    code = STATUS_CODES.get(exc.status_code, "EW701" if exc.status_code < 500 else "EW999")
    detail = exc.detail if isinstance(exc.detail, str) else CODES[code]
    return error_response(code, detail, exc.status_code, exc.headers)


async def _on_coded(request: Request, exc: EventwireError) -> JSONResponse:
    return error_response(exc.code, exc.reason)


async def _on_crash(request: Request, exc: Exception) -> JSONResponse:
    log.exception("unhandled error on %s %s", request.method, request.url.path)
    return error_response("EW999", f"internal error: {type(exc).__name__}", 500)


def install(app: FastAPI) -> None:
    """Register the handlers that turn every error into the JSON error shape."""
    app.add_exception_handler(RequestValidationError, _on_validation)
    app.add_exception_handler(HTTPException, _on_http)
    app.add_exception_handler(EventwireError, _on_coded)
    app.add_exception_handler(Exception, _on_crash)

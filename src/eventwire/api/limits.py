"""The request body limit: 413 (EW705) before the route runs, whether the client sends a length or not."""

from __future__ import annotations

from starlette.exceptions import HTTPException
from starlette.types import ASGIApp, Message, Receive, Scope, Send

from eventwire.api.problems import error_response


class BodyLimit:
    """ASGI middleware refusing request bodies over `max_bytes`.

    A declared `Content-Length` over the limit is refused at once; a streamed body is counted as it
    arrives and refused when it passes the limit (the route sees an HTTP 413 error while reading it).
    """

    def __init__(self, app: ASGIApp, max_bytes: int) -> None:
        self.app = app
        self.max_bytes = max_bytes

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        declared = dict(scope["headers"]).get(b"content-length")
        if declared is not None and declared.isdigit() and int(declared) > self.max_bytes:
            message = f"request body over the limit of {self.max_bytes} bytes"
            await error_response("EW705", message, 413)(scope, receive, send)
            return
        received = 0

        async def counted() -> Message:
            nonlocal received
            message = await receive()
            if message["type"] == "http.request":
                received += len(message.get("body", b""))
                if received > self.max_bytes:
                    raise HTTPException(413, f"request body over the limit of {self.max_bytes} bytes")
            return message

        await self.app(scope, counted, send)

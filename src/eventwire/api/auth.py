"""Who may write: `POST /articles` needs the configured Bearer token; without one the API is read-only."""

from __future__ import annotations

import hmac
from typing import Annotated

from fastapi import Depends, Request
from fastapi.security import HTTPAuthorizationCredentials, HTTPBearer
from starlette.exceptions import HTTPException

bearer = HTTPBearer(
    auto_error=False, description="the token given to `eventwire serve --token` or EVENTWIRE_API_TOKEN"
)


def require_token(
    request: Request, credentials: Annotated[HTTPAuthorizationCredentials | None, Depends(bearer)]
) -> None:
    """Let the request through only with the configured token.

    Raises:
        HTTPException: 403 (EW704) when no token is configured, 401 (EW703) when the request's is
            missing or wrong.
    """
    token: str = request.app.state.settings.api_token
    if not token:
        raise HTTPException(
            403,
            "the API is read-only: start it with a token (--token or EVENTWIRE_API_TOKEN) to ingest articles",
        )
    given = credentials.credentials if credentials else ""
    if not hmac.compare_digest(given.encode(), token.encode()):
        raise HTTPException(401, "a valid Bearer token is required", headers={"WWW-Authenticate": "Bearer"})

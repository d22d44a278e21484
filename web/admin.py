"""Who may change the served index over HTTP: only a caller holding the configured admin token."""

from __future__ import annotations

import hmac

from fastapi import HTTPException, Request


def require_admin(request: Request) -> None:
    """A FastAPI dependency; admin routes are off (403) until `QA_ADMIN_TOKEN` is set."""
    token = request.app.state.settings.admin_token
    if token is None:
        raise HTTPException(403, "admin operations are off on this server; set QA_ADMIN_TOKEN to turn them on")
    scheme, _, given = request.headers.get("authorization", "").partition(" ")
    # compare_digest: the time taken must not reveal how much of a guessed token was right.
    if scheme.lower() != "bearer" or not hmac.compare_digest(given.strip().encode(), token.get_secret_value().encode()):
        raise HTTPException(
            401, "admin operations need the header 'Authorization: Bearer <token>' with the server's QA_ADMIN_TOKEN"
        )

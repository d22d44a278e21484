"""Who may change the served index over HTTP: only a caller holding the configured admin token."""

from __future__ import annotations

import hmac

from fastapi import APIRouter, Depends, HTTPException, Request
from pydantic import BaseModel

from qa.assistant import Assistant


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


router = APIRouter(prefix="/api/admin", tags=["admin"], dependencies=[Depends(require_admin)])


class ReloadOut(BaseModel):
    documents: int
    passages: int
    built_at: str


@router.post("/reload", response_model=ReloadOut)
def reload(request: Request) -> ReloadOut:
    """Serve the index's current build from the next request on; requests in flight finish on the one they began with.

    The new assistant is built aside and switched in by one assignment, so no request ever sees half
    of each. A build that cannot be loaded is a 503 and the old one goes on serving.
    """
    current: Assistant = request.app.state.assistant
    fresh = Assistant.load(request.app.state.settings, current.encoder)
    request.app.state.assistant = fresh
    return ReloadOut(documents=len(fresh.articles), passages=len(fresh.index), built_at=fresh.index.manifest.built_at)

"""Who may change the served index over HTTP: only a caller holding the configured admin token."""

from __future__ import annotations

import hmac
from collections.abc import Callable

from fastapi import APIRouter, Depends, HTTPException, Query, Request, UploadFile
from fastapi.concurrency import run_in_threadpool
from pydantic import BaseModel, Field

from qa.assistant import Assistant
from qa.changes import Change, add_documents, check_name, remove_document
from qa.isolation import ParseLimits
from qa.schema import DocumentRef, document_ref
from web.collections import assistant_for
from web.served_assistant import changing, serve_fresh, settle


def require_admin(request: Request) -> None:
    """A FastAPI dependency; admin routes are off (403) until `QA_ADMIN_TOKEN` is set."""
    token = request.app.state.settings.admin_token
    if token is None:
        raise HTTPException(403, "admin operations are off on this server; set QA_ADMIN_TOKEN to turn them on")
    scheme, _, given = request.headers.get("authorization", "").partition(" ")
    if scheme.lower() != "bearer" or not token_matches(request, given.strip()):
        raise HTTPException(
            401,
            "admin operations need the header 'Authorization: Bearer <token>' with the server's QA_ADMIN_TOKEN",
            headers={"WWW-Authenticate": "Bearer"},
        )


def token_matches(request: Request, given: str) -> bool:
    """Whether `given` is the configured admin token (never, when none is configured)."""
    token = request.app.state.settings.admin_token
    # compare_digest: the time taken must not reveal how much of a guessed token was right.
    return (
        token is not None
        and bool(given)  # `Bearer` with nothing after it is never the token
        and hmac.compare_digest(given.encode(), token.get_secret_value().encode())
    )


class DocumentsChanged(BaseModel):
    documents: list[DocumentRef] = Field(description="The documents added, or removed with the file that held them.")
    summary: str = Field(description="The re-index summary: documents, passages and footnotes indexed and reused.")


router = APIRouter(prefix="/api/documents", dependencies=[Depends(require_admin)], tags=["admin"])


COLLECTION = Query(None, description="The collection to change, by name (default: the main one, served first).")


async def _switch(request: Request, change: Callable[[Assistant], Change], collection: str | None) -> DocumentsChanged:
    """Apply a change to a collection, then serve its new index: one assignment, so requests in flight keep
    their assistant."""
    state = request.app.state
    current = assistant_for(state, collection)
    main = current is state.assistant

    def run() -> tuple[Change, Assistant]:
        done = change(current)
        return done, Assistant.load(current.settings, encoder=current.encoder)

    with changing(state):  # the follower leaves the build this change publishes to it
        done, fresh = await run_in_threadpool(run)
        serve_fresh(state, current, fresh, main=main)
    return DocumentsChanged(documents=[document_ref(a) for a in done.documents], summary=done.report.summary())


@router.post("", status_code=201, response_model=DocumentsChanged)
async def upload(request: Request, files: list[UploadFile], collection: str | None = COLLECTION) -> DocumentsChanged:
    """Add documents (multipart field `files`) to a collection's corpus folder and re-index; 409 if a name is taken."""
    return await add_files(request, await received_files(request, files), collection)


async def received_files(request: Request, files: list[UploadFile]) -> list[tuple[str, bytes]]:
    """Each upload's checked name and bytes; a name that cannot be a document, or a file over the limit, fails."""
    limit = request.app.state.settings.max_upload_bytes
    received: list[tuple[str, bytes]] = []
    for upload in files:
        name = check_name(upload.filename or "")
        data = await upload.read(limit + 1)
        if len(data) > limit:
            raise HTTPException(413, f"{name} is larger than the {limit}-byte limit (QA_MAX_UPLOAD_BYTES)")
        received.append((name, data))
    return received


async def add_files(
    request: Request, received: list[tuple[str, bytes]], collection: str | None = None
) -> DocumentsChanged:
    """Add the files to the corpus folder of `collection` (the main one when None), re-index, and serve it."""

    def add(current: Assistant) -> Change:
        settings = current.settings
        return add_documents(
            settings.corpus_dir,
            settings.index_dir,
            current.encoder,
            received,
            lock_timeout=settings.index_lock_timeout,
            limits=ParseLimits.of(settings),
        )

    return await _switch(request, add, collection)


@router.delete("/{doc_id}", response_model=DocumentsChanged)
async def delete(request: Request, doc_id: str, collection: str | None = COLLECTION) -> DocumentsChanged:
    """Remove the file holding document `doc_id` (all its documents) from the corpus folder and re-index."""

    def remove(current: Assistant) -> Change:
        settings = current.settings
        return remove_document(
            settings.corpus_dir,
            settings.index_dir,
            current.encoder,
            doc_id,
            current.articles,
            lock_timeout=settings.index_lock_timeout,
            limits=ParseLimits.of(settings),
        )

    return await _switch(request, remove, collection)


control_router = APIRouter(prefix="/api/admin", tags=["admin"], dependencies=[Depends(require_admin)])


class ReloadOut(BaseModel):
    documents: int
    passages: int
    built_at: str


@control_router.post("/reload", response_model=ReloadOut)
def reload(request: Request) -> ReloadOut:
    """Serve the index's current build from the next request on; requests in flight finish on the one they began with.

    The new assistant is built aside and switched in by one assignment, so no request ever sees half
    of each. A build that cannot be loaded is a 503 and the old one goes on serving.
    """
    current: Assistant = request.app.state.assistant
    fresh = Assistant.load(request.app.state.settings, current.encoder)
    settle(request.app.state, fresh)
    return ReloadOut(documents=len(fresh.articles), passages=len(fresh.index), built_at=fresh.index.manifest.built_at)

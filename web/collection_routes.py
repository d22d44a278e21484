"""Listing, making and deleting collections over HTTP (`GET`, `POST` and `DELETE /api/collections`), for the API,
the library page's forms and `qa collections --server`; the folders themselves are `qa.collection_folders`'s, the
serving `web.collections`'s."""

from __future__ import annotations

from typing import Annotated

from fastapi import APIRouter, Depends, File, Form, Request, UploadFile
from fastapi.concurrency import run_in_threadpool
from pydantic import BaseModel, Field

from qa.assistant import Assistant
from qa.changes import Change
from qa.collection_folders import check_collection_name, collection_summary, create_collection, delete_collection
from qa.errors import CollectionExists, CollectionNotFound
from qa.isolation import ParseLimits
from qa.schema import DocumentRef, document_ref
from web.admin import received_files, require_admin
from web.collections import created_settings, is_created, names, serve_created, served, stop_serving
from web.served_assistant import changing

router = APIRouter(prefix="/api/collections", tags=["admin"], dependencies=[Depends(require_admin)])


class CollectionMade(BaseModel):
    name: str = Field(description="The collection's name, as the API's `collection` and the page's picker give it.")
    documents: list[DocumentRef] = Field(description="The documents it was made with.")
    summary: str = Field(description="The index summary: documents, passages and footnotes indexed.")


class CollectionListed(BaseModel):
    name: str = Field(description="The collection's name, as the API's `collection` and the page's picker give it.")
    documents: int = Field(description="Documents in its index.")
    passages: int = Field(description="Passages in its index.")
    built_at: str = Field(description="When its index was last built, UTC (`2026-11-27T10:50:00Z`).")
    made: bool = Field(description="Made over HTTP or by `qa collections make`, so it can be deleted here.")


class CollectionDeleted(BaseModel):
    name: str = Field(description="The collection deleted; no longer served.")


@router.get("", response_model=list[CollectionListed])
async def list_collections(request: Request) -> list[CollectionListed]:
    """Every collection served, the main one first, each with its documents, passages and when it was built."""
    state = request.app.state

    def listed() -> list[CollectionListed]:
        summaries = [collection_summary(assistant.settings.index_dir) for assistant in served(state)]
        return [CollectionListed(**vars(s), made=is_created(state, s.name)) for s in summaries]

    return await run_in_threadpool(listed)


@router.post("", status_code=201, response_model=CollectionMade)
async def make_collection(
    request: Request,
    files: Annotated[list[UploadFile], File(description="Its documents; at least one with text.")],
    name: Annotated[str, Form(description="Lowercase letters, digits and hyphens, 1 to 64 characters.")] = "",
) -> CollectionMade:
    """Make a collection of the documents given, build its index and serve it from the next request on, without a
    restart; kept in the settings' `QA_COLLECTIONS_DIR` (served again after a restart, and by every server given
    that folder). 409 if a collection of that name is served or made already."""
    return await make_from(request, name, await received_files(request, files))


async def make_from(request: Request, name: str, received: list[tuple[str, bytes]]) -> CollectionMade:
    """Make collection `name` of the files received and serve it; for the API and the library page's form."""
    state = request.app.state
    check_collection_name(name)
    if name in names(state):
        raise CollectionExists(f"a collection named {name!r} is already served; choose another name")
    settings, encoder = state.settings, state.assistant.encoder

    def make() -> tuple[Assistant, Change]:
        folder, change = create_collection(
            settings.collections_dir,
            name,
            encoder,
            received,
            lock_timeout=settings.index_lock_timeout,
            limits=ParseLimits.of(settings),
        )
        return Assistant.load(created_settings(settings, folder), encoder), change

    with changing(state):
        fresh, done = await run_in_threadpool(make)
        serve_created(state, fresh)
    documents = [document_ref(a) for a in done.documents]
    return CollectionMade(name=name, documents=documents, summary=done.report.summary())


@router.delete("/{name}", response_model=CollectionDeleted)
async def remove_collection(request: Request, name: str) -> CollectionDeleted:
    """Stop serving a collection made over HTTP and delete its folder (documents and index); requests in flight
    finish on it. Collections named when the server started are not deleted over HTTP."""
    await delete_made(request, name)
    return CollectionDeleted(name=name)


async def delete_made(request: Request, name: str) -> None:
    """Stop serving collection `name`, made over HTTP, and delete it; for the API and the library page's form."""
    state = request.app.state
    check_collection_name(name)
    if name in names(state) and not is_created(state, name):
        raise CollectionNotFound(
            f"collection {name!r} was named when the server started, not made over HTTP; it is not deleted here"
        )
    settings = state.settings
    await run_in_threadpool(delete_collection, settings.collections_dir, name, lock_timeout=settings.index_lock_timeout)
    stop_serving(state, name)

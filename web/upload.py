"""The library page's upload form, for browsers without JavaScript: a multipart POST with the token as a field.

With JavaScript, `web/static/upload.js` sends the same form's files to `POST /api/documents` one by one with
the token as a Bearer header, and shows progress. Both ways add one file at a time, so one file that
cannot be added (a name taken, no text in it) is reported beside the others and does not stop them.
The form is shown only where `QA_ADMIN_TOKEN` is set; without it, adding is off.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Annotated
from urllib.parse import quote

from fastapi import APIRouter, File, Form, HTTPException, Request, UploadFile
from fastapi.responses import HTMLResponse, RedirectResponse, Response

from qa.errors import QAError
from web.admin import add_files, received_files, token_matches
from web.collection_routes import delete_made, make_from
from web.errors import error_status
from web.pages import library_page

router = APIRouter()


@dataclass(frozen=True)
class Outcome:
    """What became of one uploaded file: the documents it added, or why it was not added."""

    name: str
    documents: tuple[str, ...] = ()
    error: str | None = None


@router.post("/documents", response_class=HTMLResponse, include_in_schema=False)
async def upload_form(
    request: Request,
    files: Annotated[list[UploadFile] | None, File()] = None,
    token: Annotated[str, Form()] = "",
    collection: Annotated[str, Form()] = "",
) -> HTMLResponse:
    if refused := _token_refused(request, token, collection, "upload_error"):
        return refused
    chosen = [upload for upload in files or () if upload.filename]
    if not chosen:
        return library_page(request, collection, upload_error="Choose at least one file to add.", status_code=422)
    outcomes = [await _add_one(request, upload, collection) for upload in chosen]
    return library_page(request, collection, outcomes=outcomes)


def _token_refused(request: Request, token: str, collection: str, error_field: str) -> HTMLResponse | None:
    """The library page saying what is wrong with the form's token (in `error_field`, by the form it came
    from); None when it is right."""
    if request.app.state.settings.admin_token is None:
        raise HTTPException(403, "changing documents is off on this server; set QA_ADMIN_TOKEN to turn it on")
    if not token.strip():
        doing = "add documents" if error_field == "upload_error" else "make or delete a collection"
        message = f"Enter the server's admin token to {doing}."
    elif not token_matches(request, token.strip()):
        message = "That is not the server's admin token."
    else:
        return None
    return library_page(request, collection, status_code=401, **{error_field: message})


@router.post("/collections", response_class=HTMLResponse, include_in_schema=False)
async def make_collection_form(
    request: Request,
    files: Annotated[list[UploadFile] | None, File()] = None,
    name: Annotated[str, Form()] = "",
    token: Annotated[str, Form()] = "",
    collection: Annotated[str, Form()] = "",
) -> Response:
    """The library page's form to make a collection: its library page once made, else this page saying why not."""
    if refused := _token_refused(request, token, collection, "collection_error"):
        return refused
    chosen = [upload for upload in files or () if upload.filename]
    try:
        await make_from(request, name.strip(), await received_files(request, chosen))
    except QAError as error:
        return library_page(request, collection, collection_error=str(error), status_code=error_status(error))
    return RedirectResponse(f"/documents?collection={quote(name.strip(), safe='')}", status_code=303)


@router.post("/collections/{name}/delete", response_class=HTMLResponse, include_in_schema=False)
async def delete_collection_form(request: Request, name: str, token: Annotated[str, Form()] = "") -> Response:
    """The library page's button that deletes the collection it shows (one made over HTTP); then the main library."""
    if refused := _token_refused(request, token, name, "collection_error"):
        return refused
    try:
        await delete_made(request, name)
    except QAError as error:
        return library_page(request, name, collection_error=str(error), status_code=error_status(error))
    return RedirectResponse("/documents", status_code=303)


async def _add_one(request: Request, upload: UploadFile, collection: str) -> Outcome:
    name = upload.filename or ""
    try:
        changed = await add_files(request, await received_files(request, [upload]), collection)
    except QAError as error:  # its message may begin with the name the page already shows
        return Outcome(name, error=str(error).removeprefix(f"{name}: "))
    except HTTPException as error:
        return Outcome(name, error=str(error.detail))
    return Outcome(name, documents=tuple(document.id for document in changed.documents))

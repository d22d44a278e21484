"""The library page's upload form, for browsers without JavaScript: a multipart POST with the token as a field.

With JavaScript, `web/static/upload.js` sends the same form's files to `POST /api/documents` one by one with
the token as a Bearer header, and shows progress. Both ways add one file at a time, so one file that
cannot be added (a name taken, no text in it) is reported beside the others and does not stop them.
The form is shown only where `QA_ADMIN_TOKEN` is set; without it, adding is off.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Annotated

from fastapi import APIRouter, File, Form, HTTPException, Request, UploadFile
from fastapi.responses import HTMLResponse

from qa.errors import QAError
from web.admin import add_files, received_files, token_matches
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
    if request.app.state.settings.admin_token is None:
        raise HTTPException(403, "adding documents is off on this server; set QA_ADMIN_TOKEN to turn it on")
    if not token.strip():
        return library_page(
            request, collection, upload_error="Enter the server's admin token to add documents.", status_code=401
        )
    if not token_matches(request, token.strip()):
        return library_page(request, collection, upload_error="That is not the server's admin token.", status_code=401)
    chosen = [upload for upload in files or () if upload.filename]
    if not chosen:
        return library_page(request, collection, upload_error="Choose at least one file to add.", status_code=422)
    outcomes = [await _add_one(request, upload, collection) for upload in chosen]
    return library_page(request, collection, outcomes=outcomes)


async def _add_one(request: Request, upload: UploadFile, collection: str) -> Outcome:
    name = upload.filename or ""
    try:
        changed = await add_files(request, await received_files(request, [upload]), collection)
    except QAError as error:  # its message may begin with the name the page already shows
        return Outcome(name, error=str(error).removeprefix(f"{name}: "))
    except HTTPException as error:
        return Outcome(name, error=str(error.detail))
    return Outcome(name, documents=tuple(document.id for document in changed.documents))

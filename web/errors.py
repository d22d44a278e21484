"""Every error the app answers with, in one shape: the one table from error classes to HTTP statuses, the web
layer's own error classes, and the handlers that render errors as `{"detail": message}` (or the error page).

Every domain error is a `QAError` (`qa/errors.py`); a class takes the status of its nearest class in
`ERROR_STATUS`, so a new subclass is never a 400 by accident, and the root's 400 is what anything else a user
caused gets. The errors of `eval` are never raised in a request and the web layer does not import `eval`: they
take the status of the class they derive from (`PeerUnavailable` is a `NotInstalled`), else the root's.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import get_args

from fastapi import FastAPI, Request
from fastapi.exceptions import RequestValidationError
from fastapi.responses import HTMLResponse, JSONResponse
from pydantic import BaseModel
from pydantic.fields import FieldInfo
from starlette.datastructures import UploadFile
from starlette.exceptions import HTTPException as StarletteHTTPException

from embeddings.errors import ModelUnavailable
from embeddings.index import IndexLoadError
from qa.calibration import CalibrationError
from qa.distributed import ClusterBuildFailed
from qa.errors import (
    AdminTokenMissing,
    CollectionExists,
    CollectionNotFound,
    CorpusError,
    DiskFull,
    DocumentConflict,
    DocumentNotFound,
    IndexBusy,
    IndexUnavailable,
    InvalidCollectionName,
    InvalidDocumentId,
    InvalidQuestion,
    InvalidSetting,
    NotInstalled,
    QAError,
    ServerUnreachable,
)
from qa.inputs import must_be
from web.headers import security_headers
from web.pages import templates


class RequestTooLarge(QAError):
    """A request body over its limit: raised from `receive` once a streamed body passes it (`web/limits.py`)."""


class HeadRefused(QAError):
    """A request head the server refuses before the app sees it (`web/protocol.py`)."""


class HeadTooLarge(HeadRefused):
    """A header line, or the whole head, is larger than the limit."""


class RequestTargetTooLong(HeadRefused):
    """The request line's target (path and query) is longer than a line may be."""


class HeadTooSlow(HeadRefused):
    """The request head did not arrive within its deadline."""


ERROR_STATUS: dict[type[QAError], int] = {
    QAError: 400,
    CorpusError: 400,
    InvalidQuestion: 422,
    InvalidDocumentId: 422,
    InvalidCollectionName: 422,
    CalibrationError: 422,
    AdminTokenMissing: 401,
    DocumentNotFound: 404,
    DocumentConflict: 409,
    CollectionNotFound: 404,
    CollectionExists: 409,
    RequestTooLarge: 413,
    HeadRefused: 400,
    HeadTooLarge: 431,
    RequestTargetTooLong: 414,
    HeadTooSlow: 408,
    InvalidSetting: 500,
    NotInstalled: 501,
    ServerUnreachable: 502,
    ClusterBuildFailed: 502,
    IndexUnavailable: 503,
    IndexLoadError: 503,
    ModelUnavailable: 503,
    IndexBusy: 503,
    DiskFull: 507,
}
"""The one place domain errors become HTTP statuses, by class or nearest base class."""
ERROR_HEADERS: dict[type[QAError], dict[str, str]] = {
    IndexBusy: {"Retry-After": "5"},
    AdminTokenMissing: {"WWW-Authenticate": "Bearer"},
}
"""Headers an error's status calls for: how long to wait before trying again after a 503 for a change or
build in progress; the scheme a 401 asks for."""


def error_status(error: QAError) -> int:
    """The status of `error`'s class, or of the nearest base class that has one."""
    return next(ERROR_STATUS[kind] for kind in type(error).__mro__ if kind in ERROR_STATUS)


def error_headers(error: QAError) -> dict[str, str] | None:
    """The headers of `error`'s class, or of the nearest base class that has some; None when none has."""
    return next((ERROR_HEADERS[kind] for kind in type(error).__mro__ if kind in ERROR_HEADERS), None)


def wants_html(request: Request) -> bool:
    """Whether the error is for a person at a page (the error page) rather than a client of the API (JSON)."""
    return not request.url.path.startswith("/api/") and request.url.path != "/healthz"


def error_response(
    request: Request, status: int, message: str, headers: Mapping[str, str] | None = None
) -> JSONResponse | HTMLResponse:
    """`headers` are the error's own (Allow on a 405, WWW-Authenticate on a 401): they are part of the answer."""
    if wants_html(request):
        return templates.TemplateResponse(
            request, "error.html", {"status": status, "message": message}, status_code=status, headers=headers
        )
    return JSONResponse({"detail": message}, status_code=status, headers=headers)


def add_error_handlers(app: FastAPI) -> None:
    """Render every error the app raises in the one shape: domain errors by `ERROR_STATUS`, FastAPI's own with
    their status, and anything unexpected as a 500 that tells nothing of the server's insides."""

    @app.exception_handler(QAError)
    async def domain_error(request: Request, error: QAError) -> JSONResponse | HTMLResponse:
        return error_response(request, error_status(error), str(error), error_headers(error))

    @app.exception_handler(RequestValidationError)
    async def invalid_request(request: Request, error: RequestValidationError) -> JSONResponse | HTMLResponse:
        fields = _body_fields(request)
        return error_response(request, 422, _validation_message(error, fields, request.headers.get("content-type")))

    @app.exception_handler(StarletteHTTPException)
    async def http_error(request: Request, error: StarletteHTTPException) -> JSONResponse | HTMLResponse:
        status, message = _http_problem(error)
        return error_response(request, status, message, error.headers)

    @app.exception_handler(Exception)
    async def unexpected(request: Request, error: Exception) -> JSONResponse | HTMLResponse:
        # Rendered outside every middleware (by Starlette's outermost one), so it adds the security headers
        # itself; and the server closes the connection after a 500, which the client must be told.
        headers = {**security_headers(request.url.path), "Connection": "close"}
        return error_response(request, 500, "internal error; the server log has the details", headers)


def _validation_message(
    error: RequestValidationError, fields: Mapping[str, FieldInfo], content_type: str | None = None
) -> str:
    """One readable sentence per problem, naming the field, instead of pydantic's raw list.

    A bad value of a body field (`fields`) is said as the CLI says it: `k must be a whole number from 1 to 10`.
    A body that is missing, or is not the JSON object the route takes, is said with what to send instead.
    """
    parts = []
    for problem in error.errors():
        if problem.get("type") == "json_invalid":
            parts.append(f"request body is not valid JSON ({problem.get('ctx', {}).get('error', 'parse error')})")
            continue
        location = ".".join(str(p) for p in problem.get("loc", ()) if p != "body") or "request body"
        if location == "request body" and fields:
            parts.append(_body_problem(problem, fields, content_type))
        elif _is_upload_field(fields.get(name := location.split(".")[0])):
            sent = "it was sent as text" if problem.get("type") == "value_error" else "none was sent"
            parts.append(
                f"{location}: send each document as a multipart/form-data part named {name}, with its file name; {sent}"
            )
        elif (field := _nested_field(fields, location)) and problem.get("type") not in ("missing", "extra_forbidden"):
            parts.append(must_be(location, field, problem.get("input")))
        else:
            parts.append(f"{location}: {problem.get('msg', 'invalid value')}")
    return "; ".join(parts) or "invalid request"


def _nested_field(fields: Mapping[str, FieldInfo], location: str) -> FieldInfo | None:
    """The field at a dotted `location` (`filters.date_from`), through the models of object-valued fields."""
    field: FieldInfo | None = None
    for name in location.split("."):
        field = fields.get(name)
        if field is None:
            return None
        model = next((t for t in (field.annotation, *get_args(field.annotation)) if _is_model(t)), None)
        fields = model.model_fields if model is not None else {}
    return field


def _is_model(kind: object) -> bool:
    return isinstance(kind, type) and issubclass(kind, BaseModel)


def _body_problem(problem: Mapping, fields: Mapping[str, FieldInfo], content_type: str | None) -> str:
    """A request body that is missing or is not an object: what was sent, and the object to send instead."""
    wanted = ", ".join(f"{name} (required)" if field.is_required() else name for name, field in fields.items())
    if problem.get("type") == "missing":
        got = "an empty body"
    elif content_type and "json" not in content_type.lower():
        got = f"Content-Type {content_type.split(';')[0].strip()}"
    else:
        got = f"a JSON {_JSON_KINDS.get(type(problem.get('input')), 'value')}"
    return f"request body must be a JSON object with the fields {wanted}, sent as application/json; got {got}"


_JSON_KINDS = {type(None): "null", list: "array", str: "string", int: "number", float: "number", bool: "boolean"}


def _is_upload_field(field: FieldInfo | None) -> bool:
    """Whether a body field takes uploaded files (`UploadFile`, or a list of them)."""
    return field is not None and _takes_files(field.annotation)


def _takes_files(annotation: object) -> bool:
    if isinstance(annotation, type) and issubclass(annotation, UploadFile):
        return True
    return any(_takes_files(inner) for inner in get_args(annotation))


def _body_fields(request: Request) -> Mapping[str, FieldInfo]:
    """The fields of the JSON body the matched route takes, by name; none for a route without one."""
    body = getattr(request.scope.get("route"), "body_field", None)
    model = body.field_info.annotation if body is not None else None
    return model.model_fields if isinstance(model, type) and issubclass(model, BaseModel) else {}


def _http_problem(error: StarletteHTTPException) -> tuple[int, str]:
    """FastAPI's status and detail, except where "There was an error parsing the body" hides the cause."""
    cause = error.__cause__
    if isinstance(cause, UnicodeDecodeError):
        return error.status_code, f"request body is not valid UTF-8 ({cause})"
    if isinstance(cause, RecursionError):
        return 422, "request body is not valid JSON (nested too deeply)"
    if isinstance(cause, ValueError):  # Python refuses integers of more than 4,300 digits
        reason = str(cause).split(";")[0]  # without its advice to the programmer
        return 422, f"request body is not valid JSON ({reason})"
    return error.status_code, str(error.detail)

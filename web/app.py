"""`create_app(settings)`: the FastAPI app. It only calls into `qa`; the model loads once, at startup."""

from __future__ import annotations

import asyncio
import time
from collections.abc import AsyncIterator, Mapping, Sequence
from contextlib import asynccontextmanager
from pathlib import Path

from fastapi import FastAPI, Query, Request, Response
from fastapi.concurrency import run_in_threadpool
from fastapi.exceptions import RequestValidationError
from fastapi.middleware.cors import CORSMiddleware
from fastapi.responses import HTMLResponse, JSONResponse
from fastapi.staticfiles import StaticFiles
from fastapi_offline import FastAPIOffline
from pydantic import BaseModel
from pydantic.fields import FieldInfo
from starlette.exceptions import HTTPException as StarletteHTTPException

from qa.assistant import Assistant, open_served
from qa.errors import (
    DiskFull,
    DocumentConflict,
    DocumentNotFound,
    IndexBusy,
    IndexUnavailable,
    InvalidDocumentId,
    InvalidQuestion,
    QAError,
)
from qa.inputs import must_be
from qa.isolation import start_forkserver, stop_parsers_on_signals
from qa.schema import MAX_PAGE, AnswerOut, DocumentList, DocumentOut, document_list, document_out
from qa.settings import Settings, get_settings
from web.access_log import AccessLog
from web.admin import control_router
from web.admin import router as admin_router
from web.answer_endpoint import PATH as ANSWER_PATH
from web.answer_endpoint import AnswerRequest, answer_json, answer_threads
from web.auth import AuthenticateFirst
from web.collections import assistant_for, serve_beside
from web.headers import API_DOCS_STATIC, add_security_headers, security_headers
from web.limits import BodySizeLimit
from web.pages import router as pages_router
from web.pages import templates
from web.state import follow_builds, freeze_loaded
from web.upload import router as upload_router

HERE = Path(__file__).parent
ERROR_STATUS: dict[type[QAError], int] = {
    InvalidQuestion: 422,
    DocumentNotFound: 404,
    IndexUnavailable: 503,
    DocumentConflict: 409,
    InvalidDocumentId: 422,
    DiskFull: 507,
    IndexBusy: 503,
}
"""The one place domain errors become HTTP statuses, by class or nearest base class; anything else a user
caused is a 400."""
RETRY_AFTER_S = 5
"""What a 503 for a change or build in progress tells the client to wait before trying again."""


def error_status(error: QAError) -> int:
    """The status of `error`'s class, or of the nearest base class that has one: a subclass is never a 400 by
    accident."""
    return next((ERROR_STATUS[kind] for kind in type(error).__mro__ if kind in ERROR_STATUS), 400)


def _validation_message(error: RequestValidationError, fields: Mapping[str, FieldInfo]) -> str:
    """One readable sentence per problem, naming the field, instead of pydantic's raw list.

    A bad value of a body field (`fields`) is said as the CLI says it: `k must be a whole number from 1 to 10`.
    """
    parts = []
    for problem in error.errors():
        if problem.get("type") == "json_invalid":
            parts.append(f"request body is not valid JSON ({problem.get('ctx', {}).get('error', 'parse error')})")
            continue
        location = ".".join(str(p) for p in problem.get("loc", ()) if p != "body") or "request body"
        if location in fields and problem.get("type") not in ("missing", "extra_forbidden"):
            parts.append(must_be(location, fields[location], problem.get("input")))
        else:
            parts.append(f"{location}: {problem.get('msg', 'invalid value')}")
    return "; ".join(parts) or "invalid request"


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


def create_app(
    settings: Settings | None = None, assistant: Assistant | None = None, others: Sequence[Assistant] = ()
) -> FastAPI:
    """The app; pass an already opened `assistant` to share one model between apps (as tests do), and `others`
    to serve more collections beside it."""
    settings = settings or get_settings()

    @asynccontextmanager
    async def lifespan(app: FastAPI) -> AsyncIterator[None]:
        if assistant is None:  # a worker of `qa serve --workers N`: it opens its own
            app.state.assistant, *opened = await run_in_threadpool(open_served, settings)
            serve_beside(app.state, opened)
            freeze_loaded()
        else:
            app.state.assistant = assistant
            serve_beside(app.state, others)
        start_forkserver()
        stop_parsers_on_signals()
        # Builds published by other workers, servers or `qa index` (web/state.py).
        follower = asyncio.create_task(follow_builds(app.state, settings.index_dir, settings.reload_interval))
        with answer_threads(app.state):
            yield
        follower.cancel()

    # Swagger UI and ReDoc from files shipped in the fastapi-offline package: /docs works without a network.
    app = FastAPIOffline(
        static_url=API_DOCS_STATIC,
        title="footnote-qa",
        description="Answers questions by quoting the documents verbatim and citing their own footnotes.",
        lifespan=lifespan,
    )
    app.state.settings = settings
    # Innermost: only admin routes pay for the check.
    app.add_middleware(AuthenticateFirst, routes=[*admin_router.routes, *control_router.routes])
    app.add_middleware(BodySizeLimit, max_bytes=settings.max_request_bytes, max_upload_bytes=settings.max_upload_bytes)
    if settings.cors_origins:  # closed unless configured: no header lets another origin's page read answers
        app.add_middleware(
            CORSMiddleware, allow_origins=settings.cors_origins, allow_methods=["GET", "POST"], allow_headers=["*"]
        )
    app.include_router(control_router)
    app.mount("/static", StaticFiles(directory=HERE / "static"), name="static")
    app.include_router(pages_router)
    app.include_router(upload_router)
    add_security_headers(app)
    app.add_middleware(AccessLog)  # added last: outermost, so it logs what the client got

    def wants_html(request: Request) -> bool:
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

    @app.exception_handler(QAError)
    async def domain_error(request: Request, error: QAError) -> JSONResponse | HTMLResponse:
        retry = {"Retry-After": str(RETRY_AFTER_S)} if isinstance(error, IndexBusy) else None
        return error_response(request, error_status(error), str(error), retry)

    @app.exception_handler(RequestValidationError)
    async def invalid_request(request: Request, error: RequestValidationError) -> JSONResponse | HTMLResponse:
        return error_response(request, 422, _validation_message(error, _body_fields(request)))

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

    def current(request: Request) -> Assistant:
        return request.app.state.assistant

    @app.post(ANSWER_PATH, response_model=AnswerOut)
    async def answer(request: Request, body: AnswerRequest) -> Response:
        started = time.perf_counter()
        state = request.app.state
        assistant = assistant_for(state, body.collection)
        content, headers = await answer_json(assistant, body.query(assistant), started, state.answer_threads)
        # The bytes go straight out: FastAPI would validate the model it was just given once more.
        return Response(content, media_type="application/json", headers=headers)

    @app.get("/api/documents", response_model=DocumentList)
    def documents(
        request: Request,
        offset: int = Query(0, ge=0, description="Documents to skip."),
        limit: int = Query(50, ge=1, le=MAX_PAGE, description=f"Documents to list, 1-{MAX_PAGE}."),
    ) -> DocumentList:
        return document_list(current(request).articles, offset, limit)

    @app.get("/api/documents/{doc_id}", response_model=DocumentOut)
    def document(request: Request, doc_id: str) -> DocumentOut:
        return document_out(current(request).document(doc_id))

    app.include_router(admin_router)

    @app.get("/healthz")
    async def healthz(request: Request) -> dict[str, object]:
        assistant = current(request)
        return {"status": "ok", "documents": len(assistant.articles), "passages": len(assistant.index)}

    # Monitors send HEAD; a route of its own, so the schema does not list one operation twice.
    app.add_api_route("/healthz", healthz, methods=["HEAD"], include_in_schema=False)

    return app

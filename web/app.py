"""`create_app(settings)`: the FastAPI app. It only calls into `qa`; the model loads once, at startup."""

from __future__ import annotations

import asyncio
import time
from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from pathlib import Path

from fastapi import FastAPI, Request, Response
from fastapi.concurrency import run_in_threadpool
from fastapi.exceptions import RequestValidationError
from fastapi.middleware.cors import CORSMiddleware
from fastapi.responses import HTMLResponse, JSONResponse
from fastapi.staticfiles import StaticFiles
from starlette.exceptions import HTTPException as StarletteHTTPException

from qa.assistant import Assistant
from qa.errors import (
    DiskFull,
    DocumentConflict,
    DocumentNotFound,
    IndexUnavailable,
    InvalidDocumentId,
    InvalidQuestion,
    QAError,
)
from qa.schema import AnswerOut, DocumentOut, document_out
from qa.settings import Settings, get_settings
from web.access_log import AccessLog
from web.admin import control_router
from web.admin import router as admin_router
from web.answer_endpoint import PATH as ANSWER_PATH
from web.answer_endpoint import AnswerEndpoint, AnswerRequest, answer_json
from web.headers import add_security_headers
from web.limits import BodySizeLimit
from web.pages import router as pages_router
from web.pages import templates
from web.state import follow_builds, freeze_loaded

HERE = Path(__file__).parent
ERROR_STATUS: dict[type[QAError], int] = {
    InvalidQuestion: 422,
    DocumentNotFound: 404,
    IndexUnavailable: 503,
    DocumentConflict: 409,
    InvalidDocumentId: 422,
    DiskFull: 507,
}
"""The one place domain errors become HTTP statuses; anything else a user caused is a 400."""


def _validation_message(error: RequestValidationError) -> str:
    """One readable sentence per problem, naming the field, instead of pydantic's raw list."""
    parts = []
    for problem in error.errors():
        if problem.get("type") == "json_invalid":
            parts.append(f"request body is not valid JSON ({problem.get('ctx', {}).get('error', 'parse error')})")
            continue
        location = ".".join(str(p) for p in problem.get("loc", ()) if p != "body") or "request body"
        parts.append(f"{location}: {problem.get('msg', 'invalid value')}")
    return "; ".join(parts) or "invalid request"


def _http_message(error: StarletteHTTPException) -> str:
    """FastAPI's detail, except where it hides the cause: "error parsing the body" for bytes that are not UTF-8."""
    if isinstance(error.__cause__, UnicodeDecodeError):
        return f"request body is not valid UTF-8 ({error.__cause__})"
    return str(error.detail)


def create_app(settings: Settings | None = None, assistant: Assistant | None = None) -> FastAPI:
    """The app; pass an already opened `assistant` to share one model between apps (as tests do)."""
    settings = settings or get_settings()

    @asynccontextmanager
    async def lifespan(app: FastAPI) -> AsyncIterator[None]:
        if assistant is None:  # a worker of `qa serve --workers N`: it opens its own
            app.state.assistant = await run_in_threadpool(Assistant.open, settings, progress=False)
            freeze_loaded()
        else:
            app.state.assistant = assistant
        # Builds published by other workers, servers or `qa index` (web/state.py).
        follower = asyncio.create_task(follow_builds(app.state, settings.index_dir, settings.reload_interval))
        yield
        follower.cancel()

    app = FastAPI(
        title="footnote-qa",
        description="Answers questions by quoting the documents verbatim and citing their own footnotes.",
        lifespan=lifespan,
    )
    app.state.settings = settings
    app.add_middleware(AnswerEndpoint)  # added first: innermost, so the limits and headers apply to it
    app.add_middleware(BodySizeLimit, max_bytes=settings.max_request_bytes)
    if settings.cors_origins:  # closed unless configured: no header lets another origin's page read answers
        app.add_middleware(
            CORSMiddleware, allow_origins=settings.cors_origins, allow_methods=["GET", "POST"], allow_headers=["*"]
        )
    app.include_router(control_router)
    app.mount("/static", StaticFiles(directory=HERE / "static"), name="static")
    app.include_router(pages_router)
    add_security_headers(app)
    app.add_middleware(AccessLog)  # added last: outermost, so it logs what the client got

    def wants_html(request: Request) -> bool:
        return not request.url.path.startswith("/api/") and request.url.path != "/healthz"

    def error_response(request: Request, status: int, message: str) -> JSONResponse | HTMLResponse:
        if wants_html(request):
            return templates.TemplateResponse(
                request, "error.html", {"status": status, "message": message}, status_code=status
            )
        return JSONResponse({"detail": message}, status_code=status)

    @app.exception_handler(QAError)
    async def domain_error(request: Request, error: QAError) -> JSONResponse | HTMLResponse:
        return error_response(request, ERROR_STATUS.get(type(error), 400), str(error))

    @app.exception_handler(RequestValidationError)
    async def invalid_request(request: Request, error: RequestValidationError) -> JSONResponse | HTMLResponse:
        return error_response(request, 422, _validation_message(error))

    @app.exception_handler(StarletteHTTPException)
    async def http_error(request: Request, error: StarletteHTTPException) -> JSONResponse | HTMLResponse:
        return error_response(request, error.status_code, _http_message(error))

    @app.exception_handler(Exception)
    async def unexpected(request: Request, error: Exception) -> JSONResponse | HTMLResponse:
        return error_response(request, 500, "internal error; the server log has the details")

    def current(request: Request) -> Assistant:
        return request.app.state.assistant

    @app.post(ANSWER_PATH, response_model=AnswerOut)
    async def answer(request: Request, body: AnswerRequest) -> Response:
        """Reached by the requests `AnswerEndpoint` passes on: bad ones, and JSON not labelled as such."""
        started = time.perf_counter()
        assistant = current(request)
        content, headers = await answer_json(assistant, assistant.query(body.question, body.k, body.retriever), started)
        # The bytes go straight out: FastAPI would validate the model it was just given once more.
        return Response(content, media_type="application/json", headers=headers)

    @app.get("/api/documents/{doc_id}", response_model=DocumentOut)
    def document(request: Request, doc_id: str) -> DocumentOut:
        return document_out(current(request).document(doc_id))

    app.include_router(admin_router)

    @app.get("/healthz")
    async def healthz(request: Request) -> dict[str, object]:
        assistant = current(request)
        return {"status": "ok", "documents": len(assistant.articles), "passages": len(assistant.index)}

    return app

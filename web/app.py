"""`create_app(settings)`: the FastAPI app. It only calls into `qa`; the model loads once, at startup."""

from __future__ import annotations

import asyncio
import time
from collections.abc import AsyncIterator, Sequence
from contextlib import asynccontextmanager
from pathlib import Path

from fastapi import FastAPI, Query, Request, Response
from fastapi.concurrency import run_in_threadpool
from fastapi.middleware.cors import CORSMiddleware
from fastapi.staticfiles import StaticFiles
from fastapi_offline import FastAPIOffline

from qa.assistant import Assistant, open_served
from qa.isolation import start_forkserver, stop_parsers_on_signals
from qa.schema import MAX_PAGE, AnswerOut, DocumentList, DocumentOut, document_list, document_out
from qa.settings import Settings, get_settings
from web.admin import control_router
from web.admin import router as admin_router
from web.answer_endpoint import PATH as ANSWER_PATH
from web.answer_endpoint import AnswerRequest, answer_json, answer_threads
from web.auth import AuthenticateFirst
from web.collection_routes import router as collections_router
from web.collections import assistant_for, serve_beside
from web.errors import add_error_handlers
from web.headers import API_DOCS_STATIC, add_security_headers
from web.limits import BodySizeLimit
from web.pages import router as pages_router
from web.served_assistant import follow_builds, freeze_loaded, stopped_at_once_on_signals
from web.upload import router as upload_router

HERE = Path(__file__).parent


def create_app(
    settings: Settings | None = None, assistant: Assistant | None = None, others: Sequence[Assistant] = ()
) -> FastAPI:
    """The app; pass an already opened `assistant` to share one model between apps (as tests do), and `others`
    to serve more collections beside it."""
    settings = settings or get_settings()

    @asynccontextmanager
    async def lifespan(app: FastAPI) -> AsyncIterator[None]:
        if assistant is None:  # a worker of `qa serve --workers N`: it opens its own
            with stopped_at_once_on_signals():
                app.state.assistant, *opened = await run_in_threadpool(open_served, settings)
            serve_beside(app.state, opened)
            freeze_loaded()
        else:
            app.state.assistant = assistant
            serve_beside(app.state, others)
        start_forkserver()
        stop_parsers_on_signals()
        # Builds published by other workers, servers or `qa index` (web/served_assistant.py).
        follower = asyncio.create_task(follow_builds(app.state, settings.reload_interval))
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

    # Before the pages and the routers: Starlette tries the routes in turn, and those were 0.04 ms a request.
    @app.post(ANSWER_PATH, response_model=AnswerOut)
    async def answer(request: Request, body: AnswerRequest) -> Response:
        started = time.perf_counter()
        state = request.app.state
        assistant = assistant_for(state, body.collection)
        content, headers = await answer_json(assistant, body.query(assistant), started, state.answer_threads)
        # The bytes go straight out: FastAPI would validate the model it was just given once more.
        return Response(content, media_type="application/json", headers=headers)

    # First of all the routes, ahead of the API docs' five FastAPI added when the app was made: Starlette tries the
    # routes in turn. With the admin check's single pattern (web/auth.py), 0.03-0.06 ms less CPU an answer (three
    # in-process runs of 3,600 requests at load 8-9).
    app.router.routes.insert(0, app.router.routes.pop())

    # Innermost: only admin routes pay for the check.
    app.add_middleware(
        AuthenticateFirst, routes=[*admin_router.routes, *control_router.routes, *collections_router.routes]
    )
    app.add_middleware(BodySizeLimit, max_bytes=settings.max_request_bytes, max_upload_bytes=settings.max_upload_bytes)
    if settings.cors_origins:  # closed unless configured: no header lets another origin's page read answers
        app.add_middleware(
            CORSMiddleware, allow_origins=settings.cors_origins, allow_methods=["GET", "POST"], allow_headers=["*"]
        )
    app.include_router(control_router)
    app.include_router(collections_router)
    app.mount("/static", StaticFiles(directory=HERE / "static"), name="static")
    app.include_router(pages_router)
    app.include_router(upload_router)
    add_security_headers(app)

    add_error_handlers(app)

    def current(request: Request) -> Assistant:
        return request.app.state.assistant

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

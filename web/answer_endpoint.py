"""POST /api/answer: the request and response shapes, and the endpoint's own short path to the assistant.

FastAPI's handling of a request - matching it against every route, building the request object,
solving dependencies, parsing and validating the body, building a response object, and the
exception middleware around all of it - cost 0.37-0.65 ms an answer in paired runs on the
benchmark machine, as much as ranking. `AnswerEndpoint` answers well-formed JSON requests without
it. Anything else it hands, untouched, to the FastAPI route, which documents the endpoint in the
OpenAPI schema and turns every bad request into the same error response as before.
"""

from __future__ import annotations

import asyncio
import time
from concurrent.futures import ThreadPoolExecutor
from datetime import date
from typing import Annotated

from pydantic import BaseModel, ConfigDict, Field, Strict, StrictStr, ValidationError
from starlette.datastructures import Headers
from starlette.types import ASGIApp, Message, Receive, Scope, Send

from qa.assistant import Assistant, Query
from qa.compose import Answer
from qa.errors import QAError
from qa.filters import MAX_AUTHOR_CHARS, Filters
from qa.inputs import MAX_K, SourceCount
from qa.schema import answer_out
from qa.settings import RetrieverName
from web.collections import assistant_for

PATH = "/api/answer"
CACHE_HEADER = "X-Answer-Cache"
"""`hit` when the answer came from the cache of recent answers, else `miss`."""
TIMING_HEADER = "Server-Timing"
"""Milliseconds spent answering (thread hand-off included) and writing the JSON, so a client can
tell the server's share of a slow request from the network's."""

_WORKERS = ThreadPoolExecutor(thread_name_prefix="answer")
"""Threads for the model's work. Submitted to directly: the event loop's `run_in_executor` first
asks `inspect` whether the function is a coroutine, about 0.05 ms a request."""


class FiltersIn(BaseModel):
    """Which documents to answer from; applied before ranking. Every field is optional."""

    model_config = ConfigDict(extra="forbid")

    document: StrictStr | None = Field(None, description="A document id (see GET /api/documents).")
    author: StrictStr | None = Field(
        None, min_length=1, max_length=MAX_AUTHOR_CHARS, description="Words the document's author contains."
    )
    date_from: date | None = Field(None, description="YYYY-MM-DD: documents dated on or after this day.")
    date_to: date | None = Field(None, description="YYYY-MM-DD: documents dated on or before this day.")

    def filters(self) -> Filters:
        return Filters(self.document, self.author, self.date_from, self.date_to)


class AnswerRequest(BaseModel):
    model_config = ConfigDict(extra="forbid")

    question: StrictStr = Field(description="The question in plain words, 1 to 1,000 characters.")
    k: Annotated[SourceCount, Strict()] | None = Field(
        None, description=f"Sources to quote, 1-{MAX_K} (default: the server's QA_TOP_K)."
    )
    retriever: RetrieverName | None = Field(None, description="dense, bm25 or hybrid (default: the server's setting).")
    collection: StrictStr | None = Field(
        None, description="Which collection answers, by name as the page's picker lists it (default: the first)."
    )
    filters: FiltersIn | None = Field(None, description="Restrict the answer to some documents.")

    def query(self, assistant: Assistant) -> Query:
        """The request checked by the assistant, in the form its answers are cached under."""
        return assistant.query(self.question, self.k, self.retriever, self.filters.filters() if self.filters else None)


async def answer_json(assistant: Assistant, query: Query, started: float) -> tuple[bytes, dict[str, str]]:
    """The answer as JSON bytes, and its headers; `started` is when the request's handling began.

    A remembered answer is taken here, on the event loop; otherwise there is one hand-off to a
    worker thread, which also writes the JSON while the answer is still in its core's cache.
    """
    result = assistant.cached(query)
    if result is not None:
        content, answered, written = _serialized(result)
        cached = True
    else:
        work = _WORKERS.submit(_answered_and_serialized, assistant, query)
        content, cached, answered, written = await asyncio.wrap_future(work)
    timing = f"answer;dur={(answered - started) * 1000:.2f}, json;dur={(written - answered) * 1000:.2f}"
    return content, {CACHE_HEADER: "hit" if cached else "miss", TIMING_HEADER: timing}


def _serialized(answer: Answer) -> tuple[bytes, float, float]:
    """The JSON, with the clock readings before and after writing it."""
    answered = time.perf_counter()
    return answer_out(answer).model_dump_json().encode(), answered, time.perf_counter()


def _answered_and_serialized(assistant: Assistant, query: Query) -> tuple[bytes, bool, float, float]:
    answer, cached = assistant.respond_to(query)
    content, answered, written = _serialized(answer)
    return content, cached, answered, written


class AnswerEndpoint:
    """Pure ASGI middleware: answers a valid JSON POST to /api/answer itself, passes on everything else.

    It sits inside the body-size limit and the header middleware, so both still apply to it.
    """

    def __init__(self, app: ASGIApp) -> None:
        self.app = app

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http" or scope["path"] != PATH or scope["method"] != "POST" or not _is_json(scope):
            await self.app(scope, receive, send)
            return
        started = time.perf_counter()
        body = await _read_body(receive)
        if body is None:  # the client went away
            return
        try:
            request = AnswerRequest.model_validate_json(body)
            assistant = assistant_for(scope["app"].state, request.collection)
            content, headers = await answer_json(assistant, request.query(assistant), started)
        except (ValidationError, QAError):
            # The route says what is wrong in the app's usual words; it reads the same body again.
            await self.app(scope, _replay(body, receive), send)
            return
        fields = [(b"content-type", b"application/json"), (b"content-length", str(len(content)).encode())]
        fields += [(name.lower().encode(), value.encode()) for name, value in headers.items()]
        await send({"type": "http.response.start", "status": 200, "headers": fields})
        await send({"type": "http.response.body", "body": content})


def _is_json(scope: Scope) -> bool:
    """Plain `application/json`, what clients send; the route also takes `application/*+json`."""
    return Headers(scope=scope).get("content-type", "").split(";")[0].strip().lower() == "application/json"


async def _read_body(receive: Receive) -> bytes | None:
    chunks = []
    while True:
        message = await receive()
        if message["type"] != "http.request":
            return None
        chunks.append(message.get("body", b""))
        if not message.get("more_body", False):
            return b"".join(chunks)


def _replay(body: bytes, receive: Receive) -> Receive:
    """A `receive` that gives the already read body once more, then whatever the client sends next."""
    pending = [{"type": "http.request", "body": body, "more_body": False}]

    async def replayed() -> Message:
        return pending.pop() if pending else await receive()

    return replayed

"""POST /api/answer: the request and response shapes, and how an answer is worked out and written.

The route in `web.app` is the one way in. FastAPI checks the body against `AnswerRequest`, the
assistant checks the question under the served settings (`Assistant.query`), and the model's work
runs on the thread pool the app's lifespan opens (`answer_threads`) and closes.
"""

from __future__ import annotations

import asyncio
import time
from collections.abc import Iterator
from concurrent.futures import ThreadPoolExecutor
from contextlib import contextmanager
from datetime import date
from typing import Annotated

from pydantic import BaseModel, ConfigDict, Field, Strict, StrictStr
from starlette.datastructures import State

from qa.assistant import Assistant, Query
from qa.compose import Answer
from qa.filters import MAX_AUTHOR_CHARS, Filters
from qa.inputs import MAX_K, SourceCount
from qa.schema import answer_out
from qa.settings import RetrieverName, Settings

PATH = "/api/answer"
CACHE_HEADER = "X-Answer-Cache"
"""`hit` when the answer came from the cache of recent answers, else `miss`."""
TIMING_HEADER = "Server-Timing"
"""Milliseconds spent answering (thread hand-off included) and writing the JSON, so a client can
tell the server's share of a slow request from the network's."""
_DEFAULTS = {name: field.default for name, field in Settings.model_fields.items()}
"""What the schema quotes as a limit's value when the server's settings do not change it."""


@contextmanager
def answer_threads(state: State) -> Iterator[ThreadPoolExecutor]:
    """The threads the model's work runs on, as `state.answer_threads` while the app runs; closed with it.

    Submitted to directly: the event loop's `run_in_executor` first asks `inspect` whether the function
    is a coroutine, about 0.05 ms a request.
    """
    with ThreadPoolExecutor(thread_name_prefix="answer") as threads:
        state.answer_threads = threads
        yield threads


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

    question: StrictStr = Field(
        description="The question in plain words, up to the server's QA_MAX_QUESTION_CHARS characters "
        f"({_DEFAULTS['max_question_chars']:,} unless it is set)."
    )
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


async def answer_json(
    assistant: Assistant, query: Query, started: float, threads: ThreadPoolExecutor
) -> tuple[bytes, dict[str, str]]:
    """The answer as JSON bytes, and its headers; `started` is when the request's handling began.

    A remembered answer is taken here, on the event loop; otherwise there is one hand-off to one of
    `threads`, which also writes the JSON while the answer is still in its core's cache.
    """
    result = assistant.cached(query)
    if result is not None:
        content, answered, written = _serialized(result)
        cached = True
    else:
        work = threads.submit(_answered_and_serialized, assistant, query)
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

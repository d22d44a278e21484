"""A cap on request bodies, enforced before a body is read into memory.

A question is at most a few kilobytes; a body of megabytes is a mistake or an attack, and reading
it whole before refusing it would already have cost the memory the limit is there to protect.
A document upload is the one request that may be larger: it has its own cap, `QA_MAX_UPLOAD_BYTES`.
"""

from __future__ import annotations

from dataclasses import dataclass

from starlette.requests import Request
from starlette.responses import JSONResponse, Response
from starlette.types import ASGIApp, Message, Receive, Scope, Send

from web.errors import RequestTooLarge, error_response, error_status

UPLOAD_PATHS = ("/api/documents", "/documents")
"""Where documents are uploaded: the API, and the library page's form for browsers without JavaScript."""
MULTIPART_ALLOWANCE = 64 * 1024
"""Room for an upload's multipart framing (boundaries, part headers) beyond the document's own bytes."""


@dataclass(frozen=True)
class Limit:
    """The largest body a request may send, and the setting that says so (named in the 413)."""

    max_bytes: int
    setting: str = "QA_MAX_REQUEST_BYTES"
    allowance: int = 0
    """Bytes accepted beyond `max_bytes` that are not the payload the setting counts (multipart framing)."""

    @property
    def message(self) -> str:
        return too_large_message(self.max_bytes, self.setting)


def too_large_message(limit: int, setting: str = "QA_MAX_REQUEST_BYTES") -> str:
    return f"request body is larger than {limit} bytes, the limit this server accepts ({setting})"


class BodySizeLimit:
    """Pure ASGI middleware: refuse with 413 a body over its limit, by its Content-Length or as it streams.

    Document uploads (`POST /api/documents`, and the form's `POST /documents`) are held to `max_upload_bytes`,
    every other request to `max_bytes`.
    """

    def __init__(self, app: ASGIApp, max_bytes: int, max_upload_bytes: int | None = None) -> None:
        self.app = app
        self.limit = Limit(max_bytes)
        self.upload_limit = (
            self.limit
            if max_upload_bytes is None
            else Limit(max_upload_bytes, "QA_MAX_UPLOAD_BYTES", MULTIPART_ALLOWANCE)
        )

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        limit = self.upload_limit if _is_upload(scope) else self.limit
        most = limit.max_bytes + limit.allowance
        declared = _content_length(scope)
        if declared is not None and declared > most:
            await _refuse(scope, send, limit)  # the body is never read
            return
        received = 0
        overflowed = response_started = False

        async def counting_receive() -> Message:
            nonlocal received, overflowed
            message = await receive()
            if message["type"] == "http.request":
                received += len(message.get("body", b""))
                if received > most:  # chunked, or a Content-Length that lied
                    overflowed = True
                    raise RequestTooLarge(limit.message)
            return message

        async def tracking_send(message: Message) -> None:
            """The app's response, or the 413 in its place once the body overflowed: a framework that reads
            the body may catch the error and answer it as a body it could not parse (FastAPI's 400)."""
            nonlocal response_started
            if overflowed:
                if not response_started:
                    response_started = True
                    await _refuse(scope, send, limit)
                return
            response_started = response_started or message["type"] == "http.response.start"
            await send(message)

        try:
            await self.app(scope, counting_receive, tracking_send)
        except RequestTooLarge:
            if response_started:
                raise
            await _refuse(scope, send, limit)


def _is_upload(scope: Scope) -> bool:
    return scope.get("method") == "POST" and scope.get("path", "").rstrip("/") in UPLOAD_PATHS


def _content_length(scope: Scope) -> int | None:
    for name, value in scope["headers"]:
        if name == b"content-length":
            return int(value) if value.isdigit() else None
    return None


async def _refuse(scope: Scope, send: Send, limit: Limit) -> None:
    """The 413 in the app's one error shape: JSON for the API, the error page for a page's form (the library's
    upload form without JavaScript), so a browser shows the message rather than raw JSON."""
    error = RequestTooLarge(limit.message)
    status, close = error_status(error), {"connection": "close"}  # the unread rest is not the next request
    if "app" in scope and "path" in scope:  # inside the app, whose error page a page's form gets
        response: Response = error_response(Request(scope), status, limit.message, close)
    else:
        response = JSONResponse({"detail": limit.message}, status_code=status, headers=close)
    await response(scope, _nothing_more, send)


async def _nothing_more() -> Message:
    """The response is sent without reading the body it refuses."""
    return {"type": "http.disconnect"}

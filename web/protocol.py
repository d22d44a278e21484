"""uvicorn's HTTP/1.1 protocol with the limits nginx puts on a request head, and a deadline to send it in.

uvicorn itself has neither. It reads a request head of any size - a 120 MB header was accepted after
21 s, at a cost that grows with the square of its size, while other connections waited - and its one
timeout is the keep-alive one between requests, so a client that connects and sends nothing, or
trickles a head a byte at a time, holds its connection for good. An ASGI middleware cannot help: it
runs once the head has been read. So the protocol class is uvicorn's httptools one, extended, and
`qa serve` hands it to uvicorn (`uvicorn_options`).

It also sends each response in one write (`CoalescingTransport`): uvicorn writes a response's head
and its body separately, and each write on its own wakes the client.
"""

from __future__ import annotations

import asyncio
import functools
import http
from asyncio import TimerHandle
from dataclasses import dataclass
from typing import Any

from uvicorn.config import Config
from uvicorn.protocols.http.httptools_impl import HttpToolsProtocol
from uvicorn.server import ServerState

from qa.settings import Settings
from web.errors import HeadRefused, HeadTooLarge, HeadTooSlow, RequestTargetTooLong, error_status


@dataclass(frozen=True)
class HeadLimits:
    """How long one line of a request head, and the whole head, may be; and how long it may take to arrive."""

    max_line_bytes: int
    max_head_bytes: int
    timeout: float

    @classmethod
    def from_settings(cls, settings: Settings) -> HeadLimits:
        return cls(settings.max_header_line_bytes, settings.max_header_bytes, settings.header_timeout)


class CoalescingTransport:
    """A connection's transport whose writes made in one step of the event loop go out as one.

    uvicorn writes a response's status line and headers as soon as the app starts the response, and
    its body in a second write; with TCP_NODELAY each write is a packet of its own, and the client is
    woken for the head alone, then again for the body. A response's head and body are written in the
    same step (nothing between them waits), so here they leave together, at the end of that step.
    Measured on cached answers (no model work), 1,000 requests a run alternated with a server writing
    twice, on a machine at load average 7-11: in each of four runs the p50 fell, through httpx from
    2.33 to 2.05, 3.01 to 2.63, 5.39 to 3.77 and 2.51 to 2.22 ms; through http.client from 1.27 to
    1.23, 1.59 to 1.51, 3.51 to 2.00 and 1.39 to 1.33 ms.
    """

    def __init__(self, transport: asyncio.Transport, loop: asyncio.AbstractEventLoop) -> None:
        self._transport = transport
        self._loop = loop
        self._pending: list[bytes] = []

    def __getattr__(self, name: str) -> Any:
        """Everything but writing and closing is the transport's own."""
        return getattr(self._transport, name)

    def write(self, data: bytes) -> None:
        if not self._pending:
            self._loop.call_soon(self.flush)
        self._pending.append(data)

    def close(self) -> None:
        """Send what is pending, then close as the transport does (once the data is out)."""
        self.flush()
        self._transport.close()

    def flush(self) -> None:
        """Send what is pending, unless the connection was lost meanwhile (uvloop refuses a write then)."""
        data = b"".join(self._pending)
        self._pending.clear()
        if data and not self._transport.is_closing():
            self._transport.write(data)


class LimitedHttpToolsProtocol(HttpToolsProtocol):
    """One connection: uvicorn's protocol, plus a size limit on each request head and a deadline for it.

    The deadline runs from the moment the connection opens, or the first byte of a later request on
    it, until the head is complete; the keep-alive timeout covers the wait between requests.
    """

    def __init__(
        self,
        config: Config,
        server_state: ServerState,
        app_state: dict[str, Any],
        _loop: asyncio.AbstractEventLoop | None = None,
        *,
        limits: HeadLimits,
    ) -> None:
        super().__init__(config, server_state, app_state, _loop)
        self.limits = limits
        self.head_deadline: TimerHandle | None = None
        self.heads_begun = 0
        self.head_complete = False
        self.head_bytes = 0
        """Bytes of the current head the parser has handed over: the request target and whole header lines."""
        self.unparsed_bytes = 0
        """Bytes of chunks that held only the current head: the parser keeps them until a line is finished."""
        self.refusal: HeadRefused | None = None

    # The deadline.

    def connection_made(self, transport: asyncio.Transport) -> None:  # type: ignore[override]
        super().connection_made(CoalescingTransport(transport, self.loop))  # type: ignore[arg-type]
        self._start_deadline()

    def connection_lost(self, exc: Exception | None) -> None:
        self._stop_deadline()
        super().connection_lost(exc)

    def on_response_complete(self) -> None:
        """The response is whole: it leaves now, not at the end of the event loop's turn, after the app has
        unwound and the access line is written (0.15-0.25 ms of each answer, measured at load 5-6)."""
        self.transport.flush()
        super().on_response_complete()

    def _start_deadline(self) -> None:
        if self.head_deadline is None:
            self.head_deadline = self.loop.call_later(self.limits.timeout, self._head_too_slow)

    def _stop_deadline(self) -> None:
        if self.head_deadline is not None:
            self.head_deadline.cancel()
            self.head_deadline = None

    def _head_too_slow(self) -> None:
        self.head_deadline = None
        if self.cycle is not None and not self.cycle.response_complete:
            self.cycle.keep_alive = False  # a request is still being answered: close once it has been
        elif self.heads_begun and not self.head_complete:
            self._send_refusal(
                HeadTooSlow(f"the request head did not arrive within {self.limits.timeout:g} s (QA_HEADER_TIMEOUT)")
            )
        else:  # nothing was sent: close quietly, as for an idle keep-alive connection
            self.transport.close()

    # The size limits.

    def data_received(self, data: bytes) -> None:
        heads_before = self.heads_begun
        # Every byte of this chunk belongs to the head still unfinished after it, if the chunk went on with that
        # head, or began it at a point where no earlier request was still arriving.
        goes_on = heads_before > 0 and not self.head_complete
        starts = heads_before == 0 or (self.head_complete and not self.cycle.more_body)
        super().data_received(data)
        if self.transport.is_closing() or self.head_complete:
            return
        begun = self.heads_begun - heads_before
        if (goes_on and begun == 0) or (starts and begun == 1):
            self.unparsed_bytes += len(data)
            if self.unparsed_bytes > self.limits.max_head_bytes:
                self._send_refusal(HeadTooLarge(self._too_large_message()))

    def on_message_begin(self) -> None:
        super().on_message_begin()
        self.heads_begun += 1
        self.head_complete = False
        self.head_bytes = self.unparsed_bytes = 0
        self._start_deadline()

    def on_url(self, url: bytes) -> None:
        super().on_url(url)
        if len(self.url) > self.limits.max_line_bytes:
            self._refuse(
                RequestTargetTooLong(
                    f"the request target is longer than {self.limits.max_line_bytes} bytes (QA_MAX_HEADER_LINE_BYTES)"
                )
            )

    def on_header(self, name: bytes, value: bytes) -> None:
        line = len(name) + len(value) + 2  # "name: value"
        if line > self.limits.max_line_bytes:
            shown = name[:40].decode("latin-1")
            limit = self.limits.max_line_bytes
            message = f"header {shown} is {line} bytes; the limit is {limit} (QA_MAX_HEADER_LINE_BYTES)"
            self._refuse(HeadTooLarge(message))
        self.head_bytes += line + 2
        if self.head_bytes + len(self.url) > self.limits.max_head_bytes:
            self._refuse(HeadTooLarge(self._too_large_message()))
        super().on_header(name, value)

    def on_headers_complete(self) -> None:
        self.head_complete = True
        self._stop_deadline()
        super().on_headers_complete()

    def _too_large_message(self) -> str:
        return f"the request head is larger than {self.limits.max_head_bytes} bytes (QA_MAX_HEADER_BYTES)"

    def _refuse(self, error: HeadRefused) -> None:
        self.refusal = error
        raise error

    def send_400_response(self, msg: str) -> None:
        """uvicorn's answer to a request it cannot parse; a head refused above gets its own status."""
        if self.refusal is None:
            self._send_error(400, msg)
        else:
            self._send_refusal(self.refusal)

    def _send_refusal(self, error: HeadRefused) -> None:
        self._send_error(error_status(error), str(error))

    def _send_error(self, status: int, message: str) -> None:
        """A plain-text error, then close: what is left of the request cannot be told from a next one."""
        self._stop_deadline()
        body = message.encode()
        phrase = http.HTTPStatus(status).phrase
        head = [f"HTTP/1.1 {status} {phrase}\r\n".encode()]
        head += [name + b": " + value + b"\r\n" for name, value in self.server_state.default_headers]
        head += [
            b"content-type: text/plain; charset=utf-8\r\n",
            b"content-length: %d\r\n" % len(body),
            b"connection: close\r\n\r\n",
        ]
        self.transport.write(b"".join(head) + body)
        self.transport.close()


def uvicorn_options(settings: Settings) -> dict[str, Any]:
    """What `qa serve` passes to `uvicorn.run`: the limited protocol (picklable, for `--workers`) and timeouts."""
    return {
        "http": functools.partial(LimitedHttpToolsProtocol, limits=HeadLimits.from_settings(settings)),
        "timeout_keep_alive": settings.keep_alive_timeout,
    }

"""A response leaves the server in one write: its head and body are not sent as two packets; and it leaves as soon as
it is complete."""

from __future__ import annotations

import asyncio
import socket
from collections.abc import Awaitable, Callable
from concurrent.futures import ThreadPoolExecutor
from contextlib import suppress

import pytest
import uvloop
from uvicorn.config import Config
from uvicorn.server import ServerState

from tests.conftest import run_apart
from web.protocol import CoalescingTransport, HeadLimits, LimitedHttpToolsProtocol

HEAD = b"HTTP/1.1 200 OK\r\ncontent-length: 2\r\n\r\n"
BODY = b"{}"


async def _writes_of_one_step(monkeypatch: pytest.MonkeyPatch) -> tuple[list[bytes], bytes]:
    """The writes the socket's transport made when a head and a body were written in one step, and what arrived."""
    loop = asyncio.get_running_loop()
    ours, theirs = socket.socketpair()
    with theirs:
        transport, _ = await loop.connect_accepted_socket(asyncio.Protocol, ours)
        sent: list[bytes] = []
        write = transport.write
        monkeypatch.setattr(transport, "write", lambda data: (sent.append(data), write(data)))
        coalescing = CoalescingTransport(transport, loop)
        coalescing.write(HEAD)
        coalescing.write(BODY)
        await asyncio.sleep(0)
        transport.close()
        await asyncio.sleep(0)
        theirs.settimeout(5)
        return sent, _read_to_end(theirs)


async def _closed_right_after_writing() -> bytes:
    loop = asyncio.get_running_loop()
    ours, theirs = socket.socketpair()
    with theirs:
        transport, _ = await loop.connect_accepted_socket(asyncio.Protocol, ours)
        coalescing = CoalescingTransport(transport, loop)
        coalescing.write(HEAD)
        coalescing.write(BODY)
        coalescing.close()
        await asyncio.sleep(0)
        theirs.settimeout(5)
        return _read_to_end(theirs)


def _read_to_end(sock: socket.socket) -> bytes:
    received = b""
    while chunk := sock.recv(65536):
        received += chunk
    return received


def test_a_head_and_body_written_in_one_step_are_sent_in_one_write(monkeypatch: pytest.MonkeyPatch) -> None:
    sent, received = run_apart(_writes_of_one_step(monkeypatch))
    assert sent == [HEAD + BODY]
    assert received == HEAD + BODY


def test_closing_sends_what_was_written_first() -> None:
    assert run_apart(_closed_right_after_writing()) == HEAD + BODY


async def _lost_before_sending() -> list[dict[str, object]]:
    """What the event loop reported as failed when the connection was lost between a write and its sending."""
    loop = asyncio.get_running_loop()
    failures: list[dict[str, object]] = []
    loop.set_exception_handler(lambda _, context: failures.append(context))
    ours, theirs = socket.socketpair()
    theirs.close()
    transport, _ = await loop.connect_accepted_socket(asyncio.Protocol, ours)
    coalescing = CoalescingTransport(transport, loop)
    coalescing.write(HEAD)
    transport.close()  # as when the client went away
    await asyncio.sleep(0.05)
    return failures


def test_a_connection_lost_before_sending_is_not_written_to() -> None:
    with ThreadPoolExecutor(1) as thread:  # as `run_apart`, on the event loop `qa serve` runs
        assert thread.submit(uvloop.run, _lost_before_sending()).result() == []


async def _sent_before_the_app_returned() -> bytes:
    """What the client had received when the app, its response complete, had not yet returned."""
    loop = asyncio.get_running_loop()
    ours, theirs = socket.socketpair()
    seen = b""
    returned = asyncio.Event()

    async def app(scope: dict, receive: object, send: Callable[[dict], Awaitable[None]]) -> None:
        nonlocal seen
        await send({"type": "http.response.start", "status": 200, "headers": [(b"content-length", b"2")]})
        await send({"type": "http.response.body", "body": BODY})
        with suppress(BlockingIOError):
            seen = theirs.recv(65536)
        returned.set()

    config = Config(app, lifespan="off", log_config=None, access_log=False)
    config.load()
    protocol = LimitedHttpToolsProtocol(config, ServerState(), {}, loop, limits=HeadLimits(8190, 65536, 5))
    with theirs:
        theirs.setblocking(False)
        transport, _ = await loop.connect_accepted_socket(lambda: protocol, ours)
        theirs.sendall(b"GET / HTTP/1.1\r\nHost: test\r\n\r\n")
        await asyncio.wait_for(returned.wait(), 5)
        transport.close()
    return seen


def test_a_complete_response_is_sent_before_the_app_returns() -> None:
    """What the app does after its last byte (the access log line) is not part of the client's wait."""
    received = run_apart(_sent_before_the_app_returned())
    assert received.startswith(b"HTTP/1.1 200 OK\r\n")
    assert received.endswith(b"\r\n\r\n" + BODY)

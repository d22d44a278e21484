"""The access log: one line per request in uvicorn's format, written after the response has gone out."""

from __future__ import annotations

import asyncio
import logging

import pytest
from fastapi.testclient import TestClient
from starlette.types import Message, Receive, Scope, Send

from tests.conftest import run_apart
from web.access_log import ACCESS_LOGGER, AccessLog, log_config

SCOPE = {
    "type": "http",
    "method": "GET",
    "path": "/healthz",
    "query_string": b"probe=1",
    "http_version": "1.1",
    "client": ("127.0.0.1", 40000),
    "headers": [],
}


def run(app: AccessLog) -> list[str]:
    """Calls `app` once, listing what happened in order: bytes sent, lines logged."""
    events: list[str] = []

    class Recorder(logging.Handler):
        def emit(self, record: logging.LogRecord) -> None:
            events.append(f"logged {record.getMessage()}")

    async def receive() -> Message:
        return {"type": "http.request", "body": b"", "more_body": False}

    async def send(message: Message) -> None:
        events.append(f"sent {message['type']}")

    recorder = Recorder()
    ACCESS_LOGGER.addHandler(recorder)
    level = ACCESS_LOGGER.level
    ACCESS_LOGGER.setLevel(logging.INFO)
    try:
        run_apart(app(dict(SCOPE), receive, send))
    except RuntimeError:
        pass
    finally:
        ACCESS_LOGGER.removeHandler(recorder)
        ACCESS_LOGGER.setLevel(level)
    return events


async def plain_response(scope: Scope, receive: Receive, send: Send) -> None:
    await send({"type": "http.response.start", "status": 204, "headers": []})
    await send({"type": "http.response.body", "body": b""})


async def failing(scope: Scope, receive: Receive, send: Send) -> None:
    raise RuntimeError("the app broke")


def test_the_line_is_written_after_the_last_byte_is_sent() -> None:
    assert run(AccessLog(plain_response)) == [
        "sent http.response.start",
        "sent http.response.body",
        'logged 127.0.0.1:40000 - "GET /healthz?probe=1 HTTP/1.1" 204',
    ]


def test_a_request_that_raises_is_logged_as_a_500() -> None:
    assert run(AccessLog(failing)) == ['logged 127.0.0.1:40000 - "GET /healthz?probe=1 HTTP/1.1" 500']


def test_odd_client_addresses_and_query_bytes_still_give_a_line() -> None:
    odd = AccessLog(plain_response)

    async def call() -> None:
        scope = {**SCOPE, "client": None, "query_string": b"q=\xff"}
        await odd(scope, None, lambda message: asyncio.sleep(0))  # type: ignore[arg-type]

    records: list[str] = []
    handler = logging.Handler()
    handler.emit = lambda record: records.append(record.getMessage())  # type: ignore[method-assign]
    ACCESS_LOGGER.addHandler(handler)
    ACCESS_LOGGER.setLevel(logging.INFO)
    try:
        run_apart(call())
    finally:
        ACCESS_LOGGER.removeHandler(handler)
        ACCESS_LOGGER.setLevel(logging.NOTSET)
    assert records == [' - "GET /healthz?q=\xff HTTP/1.1" 204']


def test_the_app_logs_every_request_with_its_status(client: TestClient, caplog: pytest.LogCaptureFixture) -> None:
    with caplog.at_level(logging.INFO, logger=ACCESS_LOGGER.name):
        client.post("/api/answer", json={"question": ""})
    assert [r.getMessage().split(" - ", 1)[1] for r in caplog.records if r.name == ACCESS_LOGGER.name] == [
        '"POST /api/answer HTTP/1.1" 422'
    ]


def test_the_servers_log_config_sends_the_lines_through_uvicorns_access_handler() -> None:
    config = log_config()
    assert config["loggers"][ACCESS_LOGGER.name]["handlers"] == ["access"]
    assert config["handlers"]["access"]["formatter"] == "access"

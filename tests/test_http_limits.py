"""A real `qa serve` on real sockets: request heads have a size limit and a deadline, as behind nginx.

One server serves the module, with a 1 s head deadline so the waits stay short.
"""

from __future__ import annotations

import socket
import threading
import time
from collections.abc import Iterator
from pathlib import Path

import httpx
import pytest

from bench.servers import Server, running_server
from embeddings import Encoder
from tests.conftest import build_small

HEADER_TIMEOUT_S = 1.0
HEALTHZ_BUDGET_S = 0.5
"""Generous for a shared CI machine; /healthz answers in about a millisecond when idle."""


@pytest.fixture(scope="module")
def server(tmp_path_factory: pytest.TempPathFactory, north38_opening: str, encoder: Encoder) -> Iterator[Server]:
    folder = build_small(tmp_path_factory.mktemp("limits"), north38_opening, encoder)
    env = {
        "QA_CORPUS_DIR": str(folder / "corpus"),
        "QA_INDEX_DIR": str(folder / "index"),
        "QA_HEADER_TIMEOUT": str(HEADER_TIMEOUT_S),
        "QA_ADMIN_TOKEN": "",
    }
    with running_server(env) as running:
        yield running


def connect(server: Server) -> socket.socket:
    host, port = server.url.removeprefix("http://").split(":")
    sock = socket.create_connection((host, int(port)), timeout=10)
    return sock


def exchange(server: Server, raw: bytes) -> tuple[bytes, float]:
    """Send `raw` on a new connection; what came back until the server closed it, and how long that took."""
    with connect(server) as sock:
        started = time.monotonic()
        try:
            sock.sendall(raw)
        except ConnectionResetError:  # refused before it had all been sent
            pass
        received = b""
        try:
            while chunk := sock.recv(65536):
                received += chunk
        except ConnectionResetError:
            pass
        return received, time.monotonic() - started


def status_line(response: bytes) -> bytes:
    return response.split(b"\r\n", 1)[0]


def test_a_100_kb_header_is_refused_at_once(server: Server) -> None:
    response, seconds = exchange(server, b"GET /healthz HTTP/1.1\r\nHost: a\r\nX-Big: " + b"a" * 100_000 + b"\r\n\r\n")
    assert status_line(response) == b"HTTP/1.1 431 Request Header Fields Too Large"
    assert b"QA_MAX_HEADER_LINE_BYTES" in response
    assert seconds < HEADER_TIMEOUT_S


def test_a_header_line_still_arriving_is_refused_once_the_head_passes_64_kb(server: Server) -> None:
    response, seconds = exchange(server, b"GET /healthz HTTP/1.1\r\nHost: a\r\nX-Big: " + b"a" * 200_000)
    assert status_line(response) == b"HTTP/1.1 431 Request Header Fields Too Large"
    assert b"larger than 65536 bytes (QA_MAX_HEADER_BYTES)" in response
    assert seconds < HEADER_TIMEOUT_S


def test_many_header_lines_are_refused_past_64_kb_in_all(server: Server) -> None:
    lines = b"".join(b"X-%d: %s\r\n" % (n, b"b" * 1000) for n in range(70))
    response, _ = exchange(server, b"GET /healthz HTTP/1.1\r\nHost: a\r\n" + lines + b"\r\n")
    assert status_line(response) == b"HTTP/1.1 431 Request Header Fields Too Large"


def test_a_request_target_over_8_kb_is_a_414(server: Server) -> None:
    response, _ = exchange(server, b"GET /ask?q=" + b"a" * 9000 + b" HTTP/1.1\r\nHost: a\r\n\r\n")
    assert status_line(response) == b"HTTP/1.1 414 Request-URI Too Long"


def test_headers_within_the_limits_are_served(server: Server) -> None:
    response, _ = exchange(
        server, b"GET /healthz HTTP/1.1\r\nHost: a\r\nX-Fits: " + b"a" * 8000 + b"\r\nConnection: close\r\n\r\n"
    )
    assert status_line(response) == b"HTTP/1.1 200 OK"


def test_a_connection_that_sends_nothing_is_closed_within_the_timeout(server: Server) -> None:
    response, seconds = exchange(server, b"")
    assert response == b""  # closed quietly, as an idle keep-alive connection is
    assert HEADER_TIMEOUT_S - 0.1 < seconds < HEADER_TIMEOUT_S + 1


def test_a_head_trickled_too_slowly_gets_408_within_the_timeout(server: Server) -> None:
    response, seconds = exchange(server, b"GET /healthz HTTP/1.1\r\nHo")
    assert status_line(response) == b"HTTP/1.1 408 Request Timeout"
    assert b"QA_HEADER_TIMEOUT" in response
    assert seconds < HEADER_TIMEOUT_S + 1


def test_a_keep_alive_connection_serves_requests_spaced_wider_than_the_head_timeout(server: Server) -> None:
    with httpx.Client(base_url=server.url) as client:
        assert client.get("/healthz").status_code == 200
        time.sleep(HEADER_TIMEOUT_S + 0.5)  # the head deadline starts with a request's first byte, not before
        assert client.get("/healthz").status_code == 200


def test_healthz_stays_fast_while_clients_send_huge_or_no_headers(server: Server) -> None:
    attacks = [b"GET / HTTP/1.1\r\nX-Big: " + b"a" * 1_000_000, b"", b"GET / HTTP/1.1\r\nHo"] * 5
    threads = [threading.Thread(target=exchange, args=(server, raw)) for raw in attacks]
    for thread in threads:
        thread.start()
    slowest = 0.0
    with httpx.Client(base_url=server.url) as client:
        while any(thread.is_alive() for thread in threads):
            started = time.monotonic()
            assert client.get("/healthz").status_code == 200
            slowest = max(slowest, time.monotonic() - started)
            time.sleep(0.02)
    assert slowest < HEALTHZ_BUDGET_S


def test_an_empty_admin_token_means_admin_is_off_and_is_said_at_start(server: Server) -> None:
    response = httpx.post(f"{server.url}/api/admin/reload", headers={"Authorization": "Bearer"})
    assert response.status_code == 403
    assert "admin operations are off: QA_ADMIN_TOKEN is not set (or blank)" in server.output()


def test_head_requests_get_headers_without_a_body(server: Server) -> None:
    for path in ("/", "/ask?q=camps", "/documents", "/healthz"):
        response, _ = exchange(server, f"HEAD {path} HTTP/1.1\r\nHost: a\r\nConnection: close\r\n\r\n".encode())
        head, _, body = response.partition(b"\r\n\r\n")
        assert status_line(head) == b"HTTP/1.1 200 OK", path
        assert body == b"", path


def test_a_short_admin_token_is_refused_at_start(tmp_path: Path) -> None:
    env = {"QA_CORPUS_DIR": str(tmp_path), "QA_INDEX_DIR": str(tmp_path / "index"), "QA_ADMIN_TOKEN": "letmein"}
    with pytest.raises(RuntimeError) as refused, running_server(env, startup_timeout=60):
        pass
    message = str(refused.value)
    assert "QA_ADMIN_TOKEN is 7 characters; it must be at least 16" in message
    assert "letmein" not in message

"""A real `qa serve` on 127.0.0.1: it answers under load across a re-index, and SIGTERM lets requests finish.

One server serves the module (starting one loads the model); the SIGTERM test stops it, so it runs last.
"""

from __future__ import annotations

import asyncio
import json
import re
import signal
import socket
import threading
import time
from collections.abc import Iterator
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

import httpx
import pytest

from bench.load import eval_questions, run_load
from bench.servers import Server, running_server
from embeddings import Encoder
from qa import Settings
from qa.indexing import build_index
from tests.conftest import NORTH38, build_small

TOKEN = "serving-test-token"
NEW_DOCUMENT = """The Lighthouse Accord

By Test Author

The Lighthouse Accord of 2031 opened every coastal detention site to independent monitors.[1]

———

[1] Lighthouse Accord, article 4.
"""
NEW_QUESTION = "Which sites did the Lighthouse Accord open to independent monitors?"


@pytest.fixture(scope="module")
def folder(tmp_path_factory: pytest.TempPathFactory, north38_opening: str, encoder: Encoder) -> Path:
    """`corpus/` with the 38 North article's opening and its built `index/`."""
    return build_small(tmp_path_factory.mktemp("serving"), north38_opening, encoder)


@pytest.fixture(scope="module")
def server(folder: Path) -> Iterator[Server]:
    env = {"QA_CORPUS_DIR": str(folder / "corpus"), "QA_INDEX_DIR": str(folder / "index"), "QA_ADMIN_TOKEN": TOKEN}
    with running_server(env) as running:
        yield running


def ask(server: Server, question: str) -> dict:
    response = httpx.post(f"{server.url}/api/answer", json={"question": question, "k": 1}, timeout=60)
    assert response.status_code == 200, response.text
    return response.json()


def test_a_reindex_and_reload_under_load_fails_no_request(server: Server, folder: Path, encoder: Encoder) -> None:
    assert ask(server, NEW_QUESTION)["abstained"] is True
    questions = eval_questions(Settings())
    stop = threading.Event()
    with ThreadPoolExecutor(1) as pool:
        load = pool.submit(asyncio.run, run_load(server.url, questions, seconds=300, clients=4, stop=stop))
        time.sleep(1)
        (folder / "corpus" / "lighthouse.txt").write_text(NEW_DOCUMENT, encoding="utf-8")
        build_index(folder / "corpus", folder / "index", encoder, progress=False)
        reload = httpx.post(f"{server.url}/api/admin/reload", headers={"Authorization": f"Bearer {TOKEN}"}, timeout=60)
        time.sleep(1)
        stop.set()
        result = load.result()
    assert reload.status_code == 200, reload.text
    assert result.errors == ()
    assert result.requests >= 8
    answer = ask(server, NEW_QUESTION)
    assert answer["sources"][0]["document"]["source"] == "lighthouse.txt"
    assert answer["sources"][0]["footnotes"] == [{"number": 1, "label": "1", "text": "Lighthouse Accord, article 4."}]


def test_the_server_log_has_uvicorns_access_line_for_each_request(server: Server) -> None:
    assert httpx.get(f"{server.url}/healthz?probe=access-log").status_code == 200
    line = re.compile(r'INFO: +127\.0\.0\.1:\d+ - "GET /healthz\?probe=access-log HTTP/1\.1" 200 OK$', re.MULTILINE)
    deadline = time.monotonic() + 10
    while not line.search(server.output()):
        assert time.monotonic() < deadline, server.output()[-2000:]
        time.sleep(0.1)


def test_sigterm_lets_the_request_in_flight_finish_then_exits_cleanly(server: Server) -> None:
    body = json.dumps({"question": "What did the United States discuss with the USSR?", "k": 1}).encode()
    head = (
        f"POST /api/answer HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: application/json\r\n"
        f"Content-Length: {len(body)}\r\n\r\n"
    ).encode()
    port = int(server.url.rsplit(":", 1)[1])
    with socket.create_connection(("127.0.0.1", port), timeout=60) as connection:
        connection.sendall(head + body[:10])  # the request is in flight: the app waits for the rest of its body
        time.sleep(0.5)
        server.process.send_signal(signal.SIGTERM)
        time.sleep(0.5)
        assert server.process.poll() is None  # still running: it waits for the request
        connection.sendall(body[10:])
        response = read_all(connection)
    status, _, payload = response.partition(b"\r\n\r\n")
    assert status.startswith(b"HTTP/1.1 200 OK")
    assert json.loads(payload)["sources"][0]["document"]["source"] == NORTH38
    assert server.process.wait(timeout=60) == 0


def read_all(connection: socket.socket) -> bytes:
    """Everything the server sends until it closes the connection (it does, as it is shutting down)."""
    received = b""
    while chunk := connection.recv(65536):
        received += chunk
    return received

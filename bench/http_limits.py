"""Hostile clients against a real `qa serve`: huge and slow request heads, idle sockets, anonymous uploads.

    .venv/bin/python -m bench.http_limits [--out bench/results/http_limits.json]

Starts the server on the index `QA_INDEX_DIR` names (run `qa index` first), with an admin token, and
measures: how soon a huge header is answered and how slow /healthz gets meanwhile; when a silent
connection and a trickled head are closed; and the server's CPU for a plain 401 against an
unauthenticated 1,000-part upload (from /proc). Every figure in the JSON is measured in this run.
"""

from __future__ import annotations

import argparse
import json
import os
import platform
import secrets
import socket
import threading
import time
from collections.abc import Callable
from pathlib import Path

import httpx

from bench.servers import Server, running_server
from qa.settings import PROJECT_ROOT, Settings

RESULTS = PROJECT_ROOT / "bench" / "results" / "http_limits.json"
HEADER_SIZES = (100_000, 20_000_000)
AUTH_REQUESTS = 200
UPLOAD_PARTS = 1000


def _address(server: Server) -> tuple[str, int]:
    host, port = server.url.removeprefix("http://").split(":")
    return host, int(port)


def huge_header(server: Server, size: int) -> dict[str, object]:
    """Send a `size`-byte header while another client polls /healthz; the answer, its delay, the worst poll."""
    latencies: list[float] = []
    stop = threading.Event()

    def poll() -> None:
        with httpx.Client(base_url=server.url, timeout=120) as client:
            while not stop.is_set():
                started = time.perf_counter()
                client.get("/healthz")
                latencies.append(time.perf_counter() - started)
                time.sleep(0.01)

    poller = threading.Thread(target=poll)
    poller.start()
    time.sleep(0.3)
    with socket.create_connection(_address(server), timeout=120) as sock:
        started = time.perf_counter()
        sent = 0
        try:
            sock.sendall(b"GET /healthz HTTP/1.1\r\nHost: a\r\nX-Big: ")
            while sent < size:
                sent += sock.send(b"a" * min(65_536, size - sent))
            sock.sendall(b"\r\n\r\n")
        except OSError:  # refused and closed while still sending
            pass
        status = sock.recv(200).split(b"\r\n")[0].decode()
        seconds = time.perf_counter() - started
    time.sleep(0.3)
    stop.set()
    poller.join()
    return {
        "header_bytes": size,
        "bytes_sent_before_answer": sent,
        "answer": status,
        "answer_s": round(seconds, 4),
        "healthz_worst_ms": round(max(latencies) * 1000, 1),
        "healthz_requests": len(latencies),
    }


def closed_after(server: Server, first_bytes: bytes) -> dict[str, object]:
    """Send `first_bytes` (maybe none) and nothing more: how long until the server answers or closes."""
    with socket.create_connection(_address(server), timeout=120) as sock:
        started = time.perf_counter()
        sock.sendall(first_bytes)
        answer = sock.recv(200).split(b"\r\n")[0].decode()
        return {
            "sent": first_bytes.decode(),
            "answer": answer or "(closed)",
            "seconds": round(time.perf_counter() - started, 2),
        }


def cpu_ms_per_request(server: Server, send: Callable[[], httpx.Response]) -> dict[str, object]:
    """The server process's user and system CPU per request, over `AUTH_REQUESTS` requests."""
    tick = os.sysconf("SC_CLK_TCK")

    def cpu_s() -> float:
        fields = Path(f"/proc/{server.process.pid}/stat").read_text().rsplit(")", 1)[1].split()
        return (int(fields[11]) + int(fields[12])) / tick

    send()
    before = cpu_s()
    statuses = sorted({send().status_code for _ in range(AUTH_REQUESTS)})
    return {"statuses": statuses, "cpu_ms": round((cpu_s() - before) / AUTH_REQUESTS * 1000, 2)}


def auth_cost(server: Server) -> dict[str, object]:
    wrong = {"authorization": "Bearer " + secrets.token_urlsafe(32)}
    boundary = "bench-boundary"
    part = '--{}\r\nContent-Disposition: form-data; name="files"; filename="f{}.txt"\r\n\r\ntext\r\n'
    body = "".join(part.format(boundary, n) for n in range(UPLOAD_PARTS)).encode() + f"--{boundary}--\r\n".encode()
    upload_headers = {**wrong, "content-type": f"multipart/form-data; boundary={boundary}"}
    with httpx.Client(base_url=server.url, timeout=60) as client:
        return {
            "plain_401": cpu_ms_per_request(server, lambda: client.post("/api/admin/reload", headers=wrong)),
            "upload_401": {
                "parts": UPLOAD_PARTS,
                "body_bytes": len(body),
                **cpu_ms_per_request(
                    server, lambda: client.post("/api/documents", content=body, headers=upload_headers)
                ),
            },
        }


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--out", type=Path, default=RESULTS)
    args = parser.parse_args()
    settings = Settings()
    env = {"QA_ADMIN_TOKEN": secrets.token_urlsafe(32)}
    with running_server(env) as server:
        result = {
            "machine": {"python": platform.python_version(), "cpus": os.cpu_count()},
            "limits": {
                "max_header_line_bytes": settings.max_header_line_bytes,
                "max_header_bytes": settings.max_header_bytes,
                "header_timeout_s": settings.header_timeout,
                "keep_alive_timeout_s": settings.keep_alive_timeout,
            },
            "huge_header": [huge_header(server, size) for size in HEADER_SIZES],
            "silent_connection": closed_after(server, b""),
            "trickled_head": closed_after(server, b"GET /healthz HTTP/1.1\r\nHo"),
            "unauthenticated": auth_cost(server),
        }
    args.out.write_text(json.dumps(result, indent=2) + "\n", encoding="utf-8")
    print(json.dumps(result, indent=2))


if __name__ == "__main__":
    main()

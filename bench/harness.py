"""Shared by the bench scripts: timing statistics, the memory of a real server's processes, results files.

The server itself is started by `bench/servers.py`, the harness the tests share.

Each script measures a thing and its reference in the same run and reports their ratio, because
absolute numbers on a shared 2-core machine move with whatever else runs; ratios move less.
"""

from __future__ import annotations

import http.client
import json
import os
import platform
import socket
import subprocess
import sys
import time
from collections.abc import Callable, Mapping, Sequence
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass
from importlib import metadata
from pathlib import Path
from typing import Self
from urllib.parse import urlsplit

import numpy as np
import psutil

from bench.servers import Server

ROOT = Path(__file__).resolve().parents[1]
RESULTS_DIR = Path(__file__).parent / "results"
QUESTIONS = ROOT / "eval" / "questions.jsonl"
_PACKAGES = ("torch", "sentence-transformers", "transformers", "faiss-cpu", "onnxruntime", "fastapi", "uvicorn")


def questions() -> list[str]:
    """The eval set's questions, in file order: the same texts every script and reference sees."""
    rows = (json.loads(line) for line in QUESTIONS.read_text(encoding="utf-8").splitlines() if line.strip())
    return [row["question"] for row in rows]


def stats_ms(seconds: Sequence[float]) -> dict[str, float]:
    """p50/p95/p99 and mean of durations given in seconds, in milliseconds."""
    values = np.asarray(seconds, dtype=np.float64) * 1000
    p50, p95, p99 = np.percentile(values, [50, 95, 99])
    return {
        "n": len(values),
        "p50": round(p50, 2),
        "p95": round(p95, 2),
        "p99": round(p99, 2),
        "mean": round(float(values.mean()), 2),
    }


def timed(call: Callable[[], object]) -> float:
    started = time.perf_counter()
    call()
    return time.perf_counter() - started


def memory_mb(process: psutil.Process) -> dict[str, float]:
    """RSS counts shared pages in full in every process; PSS splits them, so PSS adds up across workers."""
    info = process.memory_full_info()
    return {
        "rss": round(info.rss / 2**20, 1),
        "pss": round(getattr(info, "pss", info.rss) / 2**20, 1),
        "uss": round(info.uss / 2**20, 1),
    }


def worker_processes(server: Server) -> list[psutil.Process]:
    """The processes that answer: the server itself when alone, else the workers it started."""
    parent = psutil.Process(server.process.pid)
    if server.workers == 1:
        return [parent]
    children = parent.children(recursive=True)
    return [child for child in children if "multiprocessing.resource_tracker" not in " ".join(child.cmdline())]


def server_memory(server: Server) -> list[dict[str, float]]:
    """The memory of each process that answers (`memory_mb`)."""
    return [memory_mb(worker) for worker in worker_processes(server)]


def ensure_index(index_dir: Path) -> None:
    """Build the bundled corpus's index in `index_dir` (skipped when up to date), outside the timings."""
    subprocess.run(
        [sys.executable, "-m", "cli.main", "index", "--index", str(index_dir)],
        check=True,
        cwd=ROOT,
        capture_output=True,
    )


@dataclass(frozen=True)
class Load:
    """What a batch of requests did: each request's latency, errors, and the wall time of the batch."""

    latencies: tuple[float, ...]
    errors: int
    seconds: float
    headers: tuple[str, ...] = ()

    def summary(self) -> dict[str, object]:
        return {
            **stats_ms(self.latencies),
            "errors": self.errors,
            "per_second": round(len(self.latencies) / self.seconds, 2),
        }


class _Client:
    """What every benchmark client does: POST to /api/answer on one connection, closed at the end."""

    def post(self, body: Mapping[str, object]) -> tuple[int, dict[str, str]]:
        """Status and headers (names lower-cased); the body is read in full, as a real client must."""
        raise NotImplementedError

    def close(self) -> None:
        raise NotImplementedError

    def __enter__(self) -> Self:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()


class StdlibAnswerClient(_Client):
    """POSTs to /api/answer over one kept-alive connection with the standard library's `http.client`.

    A reference for `AnswerClient`: it writes headers and body in two sends, and parses the
    response's headers with the email package.
    """

    def __init__(self, url: str, timeout: float = 60) -> None:
        parsed = urlsplit(url)
        self._connection = http.client.HTTPConnection(parsed.hostname, parsed.port, timeout=timeout)

    def post(self, body: Mapping[str, object]) -> tuple[int, dict[str, str]]:
        self._connection.request("POST", "/api/answer", json.dumps(body), {"Content-Type": "application/json"})
        response = self._connection.getresponse()
        response.read()
        return response.status, {name.lower(): value for name, value in response.getheaders()}

    def close(self) -> None:
        self._connection.close()


class AnswerClient(_Client):
    """The same requests through a minimal HTTP/1.1 client: one write each, the body read by its length.

    The benchmarks measure the server, and on a 2-core machine the client shares its CPU. Per answer,
    http.client spends about 0.6 ms of CPU and httpx over a millisecond; this spends about 0.2 ms
    (bench/latency.py reports all three side by side). It speaks only what this server answers
    with: a Content-Length on every response, and the connection kept alive.
    """

    def __init__(self, url: str, timeout: float = 60) -> None:
        parsed = urlsplit(url)
        self._socket = socket.create_connection((parsed.hostname, parsed.port), timeout=timeout)
        self._socket.setsockopt(socket.IPPROTO_TCP, socket.TCP_NODELAY, 1)
        self._head = (
            f"POST /api/answer HTTP/1.1\r\nHost: {parsed.netloc}\r\nContent-Type: application/json\r\n"
        ).encode()

    def post(self, body: Mapping[str, object]) -> tuple[int, dict[str, str]]:
        data = json.dumps(body).encode()
        self._socket.sendall(b"%sContent-Length: %d\r\n\r\n%s" % (self._head, len(data), data))
        received = self._receive(b"")
        while b"\r\n\r\n" not in received:
            received = self._receive(received)
        head, _, content = received.partition(b"\r\n\r\n")
        status_line, *lines = head.decode("latin-1").split("\r\n")
        headers = {name.strip().lower(): value.strip() for name, _, value in (line.partition(":") for line in lines)}
        if "content-length" not in headers:
            raise RuntimeError(f"response without Content-Length: {status_line}")
        length = int(headers["content-length"])
        while len(content) < length:
            content = self._receive(content)
        if len(content) > length:
            raise RuntimeError("more bytes than the response's Content-Length")
        return int(status_line.split(" ", 2)[1]), headers

    def _receive(self, so_far: bytes) -> bytes:
        chunk = self._socket.recv(1 << 16)
        if not chunk:
            raise ConnectionError("the server closed the connection mid-response")
        return so_far + chunk

    def close(self) -> None:
        self._socket.close()


def post_answers(url: str, bodies: Sequence[Mapping[str, object]], concurrency: int, header: str = "-") -> Load:
    """POST every body to /api/answer, `concurrency` at a time, each client thread keeping its connection.

    `header` names a response header whose value is collected for every request.
    """
    per_thread = [bodies[i::concurrency] for i in range(concurrency)]

    def run(share: Sequence[Mapping[str, object]]) -> tuple[list[float], int, list[str]]:
        latencies, errors, seen = [], 0, []
        with AnswerClient(url) as client:
            for body in share:
                started = time.perf_counter()
                status, headers = client.post(body)
                latencies.append(time.perf_counter() - started)
                errors += status != 200
                seen.append(headers.get(header.lower(), ""))
        return latencies, errors, seen

    started = time.perf_counter()
    with ThreadPoolExecutor(concurrency) as pool:
        results = list(pool.map(run, per_thread))
    seconds = time.perf_counter() - started
    return Load(
        tuple(x for r in results for x in r[0]),
        sum(r[1] for r in results),
        seconds,
        tuple(h for r in results for h in r[2]),
    )


def machine() -> dict[str, object]:
    versions = {}
    for name in _PACKAGES:
        try:
            versions[name] = metadata.version(name)
        except metadata.PackageNotFoundError:
            versions[name] = None
    return {
        "logical_cores": os.cpu_count(),
        "physical_cores": psutil.cpu_count(logical=False),
        "cpu": _cpu_model(),
        "memory_gb": round(psutil.virtual_memory().total / 2**30, 1),
        "load_average_1m": round(os.getloadavg()[0], 2),
        "python": platform.python_version(),
        "platform": platform.platform(),
        "packages": versions,
        "note": "2 cores shared with other jobs: absolute numbers are noisy; compare ratios from one run",
    }


def _cpu_model() -> str:
    try:
        for line in Path("/proc/cpuinfo").read_text().splitlines():
            if line.startswith("model name"):
                return line.split(":", 1)[1].strip()
    except OSError:
        pass
    return platform.processor()


def write_results(name: str, results: Mapping[str, object]) -> Path:
    """bench/results/<name>.json with the machine and the time it was measured on."""
    RESULTS_DIR.mkdir(exist_ok=True)
    path = RESULTS_DIR / f"{name}.json"
    document = {
        "benchmark": name,
        "measured_at": time.strftime("%Y-%m-%dT%H:%M:%SZ", time.gmtime()),
        "machine": machine(),
        **results,
    }
    path.write_text(json.dumps(document, indent=1) + "\n", encoding="utf-8")
    print(f"wrote {path.relative_to(ROOT)}")
    return path

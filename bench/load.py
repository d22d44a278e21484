"""Load test: concurrent clients asking the eval set's questions of a real `qa serve` on 127.0.0.1.

    .venv/bin/python -m bench.load [--seconds 60] [--clients 16] [--out bench/results/load.json]

Starts the server itself (on the index `QA_INDEX_DIR` names; run `qa index` first) so that it can
read the server's memory from /proc when ready, after a short unmeasured warm-up (start) and at the
end, or targets `--url` (no memory figures).
Every figure in the JSON is measured in this run; errors must be 0 and memory flat.
"""

from __future__ import annotations

import argparse
import asyncio
import json
import os
import platform
import sys
import threading
import time
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

import httpx
import numpy as np

from eval.dataset import DEFAULT_SET, load_questions
from eval.runner import read_corpus
from qa.settings import PROJECT_ROOT, Settings

RESULTS = PROJECT_ROOT / "bench" / "results" / "load.json"
ERROR_SAMPLES = 5
WARM_UP_SHARE = 0.1
"""An unmeasured warm-up before the run, as a share of its length."""


@dataclass(frozen=True)
class LoadResult:
    seconds: float
    latencies_s: tuple[float, ...]
    """One per successful request."""
    errors: tuple[str, ...]
    """One line per failed request: the status and body, or the exception."""

    @property
    def requests(self) -> int:
        return len(self.latencies_s) + len(self.errors)

    def figures(self) -> dict[str, object]:
        latencies_ms = np.array(self.latencies_s or (0.0,)) * 1000
        p50, p95, p99 = np.percentile(latencies_ms, [50, 95, 99])
        return {
            "seconds": round(self.seconds, 1),
            "requests": self.requests,
            "errors": len(self.errors),
            "requests_per_s": round(self.requests / self.seconds, 1),
            "latency_ms": {
                "p50": round(p50, 1),
                "p95": round(p95, 1),
                "p99": round(p99, 1),
                "max": round(latencies_ms.max(), 1),
            },
            "error_samples": list(self.errors[:ERROR_SAMPLES]),
        }


async def run_load(
    url: str, questions: Sequence[str], seconds: float, clients: int, stop: threading.Event | None = None
) -> LoadResult:
    """`clients` clients, each asking the next question as soon as its last answer is in, for `seconds`.

    `stop` ends the run sooner, for a caller that keeps the load on until something else is done.
    """
    latencies: list[float] = []
    errors: list[str] = []
    started = time.perf_counter()
    deadline = started + seconds

    async def client(number: int, http: httpx.AsyncClient) -> None:
        turn = number  # each client starts at a different question, so the mix is the same at any moment
        while time.perf_counter() < deadline and not (stop and stop.is_set()):
            question = questions[turn % len(questions)]
            turn += clients
            sent = time.perf_counter()
            try:
                response = await http.post(f"{url}/api/answer", json={"question": question})
            except httpx.HTTPError as error:
                errors.append(f"{type(error).__name__}: {error}")
                continue
            if response.status_code == 200:
                latencies.append(time.perf_counter() - sent)
            else:
                errors.append(f"{response.status_code}: {response.text[:200]}")

    limits = httpx.Limits(max_connections=clients, max_keepalive_connections=clients)
    async with httpx.AsyncClient(timeout=60, limits=limits) as http:
        await asyncio.gather(*(client(n, http) for n in range(clients)))
    return LoadResult(time.perf_counter() - started, tuple(latencies), tuple(errors))


def rss_mb(pid: int) -> float:
    """Resident memory of a process, from /proc (Linux)."""
    for line in Path(f"/proc/{pid}/status").read_text().splitlines():
        if line.startswith("VmRSS:"):
            return round(int(line.split()[1]) / 1024, 1)
    raise ValueError(f"no VmRSS for process {pid}")


def eval_questions(settings: Settings) -> list[str]:
    return [q.question for q in load_questions(DEFAULT_SET, read_corpus(settings.corpus_dir))]


def measure(url: str | None, seconds: float, clients: int) -> dict[str, object]:
    questions = eval_questions(Settings())
    setup = {
        "clients": clients,
        "questions": len(questions),
        "cpus": os.cpu_count(),
        "python": platform.python_version(),
    }
    if url:
        result = asyncio.run(run_load(url, questions, seconds, clients))
        return {**setup, **result.figures(), "server_rss_mb": None}
    from bench.servers import running_server

    with running_server({}) as server:
        ready = rss_mb(server.process.pid)
        # Thread pools and allocator arenas fill during the first seconds; "flat" is judged after them.
        asyncio.run(run_load(server.url, questions, seconds * WARM_UP_SHARE, clients))
        start = rss_mb(server.process.pid)
        result = asyncio.run(run_load(server.url, questions, seconds, clients))
        end = rss_mb(server.process.pid)
    return {**setup, **result.figures(), "server_rss_mb": {"ready": ready, "start": start, "end": end}}


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--seconds", type=float, default=60.0, help="how long to keep asking (default 60)")
    parser.add_argument("--clients", type=int, default=16, help="concurrent clients (default 16)")
    parser.add_argument("--url", help="an already running server; default: start `qa serve` on a free port")
    parser.add_argument("--out", type=Path, default=RESULTS, help=f"JSON results (default {RESULTS})")
    args = parser.parse_args(argv)
    figures = {"measured_at": time.strftime("%Y-%m-%d %H:%M"), **measure(args.url, args.seconds, args.clients)}
    args.out.parent.mkdir(parents=True, exist_ok=True)
    args.out.write_text(json.dumps(figures, indent=2) + "\n", encoding="utf-8")
    print(json.dumps(figures, indent=2))
    return 0 if figures["errors"] == 0 else 1


if __name__ == "__main__":
    sys.exit(main())

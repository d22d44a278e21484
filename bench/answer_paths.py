"""Which way in to POST /api/answer, and which access log: p50 through standard clients, in one run.

    PYTHONPATH=OLD_CHECKOUT .venv/bin/python -m bench.answer_paths [--requests 160]  # a tree with web/access_log.py
    PYTHONPATH=OLDER_CHECKOUT .venv/bin/python -m bench.answer_paths --short-path   # one that also had the short path

Servers of one older tree on one index, answer cache off, each question sent to each of them through
`http.client` and through httpx in rotating order, so the machine's drift falls on all alike:
- "route": the app as `qa serve` ran it (the access line written after the response, `web.access_log`);
- "route_uvicorn_log": the same without that middleware, with uvicorn's own access log instead;
- "short_path" (with `--short-path`): the app with the ASGI endpoint that answered well-formed requests
  ahead of FastAPI.
Kept for the record of why there is one path and one access log: each second way had to save more than
10% of the route's p50 to stay, and neither did, so both were removed (bench/results/answer_paths.json).
"""

from __future__ import annotations

import argparse
import http.client
import json
import os
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable, Sequence
from pathlib import Path

import httpx

from bench.harness import questions, stats_ms, timed, write_results
from bench.servers import free_port

SERVER = r"""
import sys, uvicorn
from qa.settings import Settings
from web.access_log import AccessLog, log_config
from web.app import create_app
from web.protocol import uvicorn_options

variant, port = sys.argv[1], int(sys.argv[2])
settings = Settings()
app = create_app(settings)
if variant != "short_path":
    dropped = {"AnswerEndpoint"} | ({"AccessLog"} if variant == "route_uvicorn_log" else set())
    app.user_middleware = [m for m in app.user_middleware if m.cls.__name__ not in dropped]
uvicorn.run(app, host="127.0.0.1", port=port, log_level="info", access_log=variant == "route_uvicorn_log",
            log_config=log_config(), **uvicorn_options(settings))
"""
WARMUP = 16


def started(variant: str) -> tuple[subprocess.Popen, int]:
    port = free_port()
    env = {**os.environ, "QA_ANSWER_CACHE_SIZE": "0"}
    # The child keeps its own handle: its log lines go to a file, as a service's do.
    with open(Path(tempfile.gettempdir()) / f"qa-answer-paths-{variant}-{port}.log", "wb") as log:
        process = subprocess.Popen([sys.executable, "-c", SERVER, variant, str(port)], env=env, stdout=log, stderr=log)
    return process, port


def wait_ready(port: int, timeout: float = 600) -> None:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        try:
            if httpx.get(f"http://127.0.0.1:{port}/healthz").status_code == 200:
                return
        except httpx.TransportError:
            time.sleep(0.5)
    raise TimeoutError(f"the server on port {port} did not get ready")


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--requests", type=int, default=160)
    parser.add_argument("--short-path", action="store_true", help="also serve the tree's ASGI short path")
    args = parser.parse_args(argv)

    variants = ["route", "route_uvicorn_log"] + (["short_path"] if args.short_path else [])
    servers = {variant: started(variant) for variant in variants}
    try:
        for _, port in servers.values():
            wait_ready(port)
        pool = questions()
        texts = [pool[i % len(pool)] for i in range(args.requests)]
        connections = {v: http.client.HTTPConnection("127.0.0.1", p, timeout=60) for v, (_, p) in servers.items()}
        clients = {v: httpx.Client(base_url=f"http://127.0.0.1:{p}", timeout=60) for v, (_, p) in servers.items()}

        def stdlib(variant: str, question: str) -> None:
            connection = connections[variant]
            connection.request(
                "POST", "/api/answer", json.dumps({"question": question}), {"Content-Type": "application/json"}
            )
            response = connection.getresponse()
            response.read()
            if response.status != 200:
                raise RuntimeError(f"{variant} answered {response.status}")

        def with_httpx(variant: str, question: str) -> None:
            clients[variant].post("/api/answer", json={"question": question}).raise_for_status()

        steps: list[tuple[str, Callable[[str], None]]] = [
            (f"{variant}/{name}", lambda q, f=call, v=variant: f(v, q))
            for variant in variants
            for name, call in (("stdlib", stdlib), ("httpx", with_httpx))
        ]
        for question in texts[:WARMUP]:
            for _, step in steps:
                step(question)
        samples: dict[str, list[float]] = {name: [] for name, _ in steps}
        for turn, question in enumerate(texts):
            shift = turn % len(steps)
            for name, step in steps[shift:] + steps[:shift]:
                samples[name].append(timed(lambda s=step, q=question: s(q)))
    finally:
        for process, _ in servers.values():
            process.terminate()
            process.wait(timeout=30)
    results: dict[str, object] = {"requests": args.requests, "p50_ms": {}, "comparisons": {}}
    results["p50_ms"] = {name: stats_ms(values) for name, values in samples.items()}
    for client in ("stdlib", "httpx"):
        p50 = {variant: results["p50_ms"][f"{variant}/{client}"]["p50"] for variant in variants}
        results["comparisons"][f"{client}_uvicorn_log_minus_access_log_ms"] = round(
            p50["route_uvicorn_log"] - p50["route"], 2
        )
        if args.short_path:
            saved = (p50["route"] - p50["short_path"]) / p50["route"]
            results["comparisons"][f"{client}_short_path_saves_share_of_route_p50"] = round(saved, 3)
    write_results("answer_paths", results)
    print(json.dumps(results["comparisons"], indent=1))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())

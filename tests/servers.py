"""A real `qa serve` (uvicorn) in its own process on a free port of 127.0.0.1.

For what only a real server shows: signals, concurrent clients, memory, a reload under load.
Shared by the tests and `bench/load.py`; its settings come from `QA_*` variables in `env`.
"""

from __future__ import annotations

import os
import socket
import subprocess
import sys
import tempfile
import time
from collections.abc import Iterator, Mapping
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path

import httpx

from qa.settings import PROJECT_ROOT

STARTUP_TIMEOUT_S = 180.0
"""Loading torch and the model takes about 5 s on an idle machine; a busy CI machine needs more."""


@dataclass(frozen=True)
class Server:
    url: str
    process: subprocess.Popen[bytes]
    log: Path
    """The server's stdout and stderr, for a failing test to show."""

    def output(self) -> str:
        return self.log.read_text(encoding="utf-8", errors="replace")


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


@contextmanager
def running_server(
    env: Mapping[str, str], *, startup_timeout: float = STARTUP_TIMEOUT_S, workers: int = 1
) -> Iterator[Server]:
    """Start `qa serve`, wait until /healthz answers, and stop it afterwards (if it is still running)."""
    port = free_port()
    command = [sys.executable, "-m", "cli.main", "serve", "--host", "127.0.0.1", "--port", str(port)]
    command += ["--workers", str(workers)]
    with tempfile.TemporaryDirectory(prefix="qa-server-") as folder:
        log = Path(folder) / "server.log"
        with open(log, "wb") as sink:
            process = subprocess.Popen(
                command, cwd=PROJECT_ROOT, env={**os.environ, **env}, stdout=sink, stderr=subprocess.STDOUT
            )
        server = Server(f"http://127.0.0.1:{port}", process, log)
        try:
            _wait_until_healthy(server, startup_timeout)
            yield server
        finally:
            stop(server)


def stop(server: Server) -> int:
    """SIGTERM, then SIGKILL if it will not go; the exit status."""
    if server.process.poll() is None:
        server.process.terminate()
        try:
            return server.process.wait(timeout=30)
        except subprocess.TimeoutExpired:
            server.process.kill()
    return server.process.wait()


def _wait_until_healthy(server: Server, timeout: float) -> None:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if server.process.poll() is not None:
            raise RuntimeError(f"qa serve exited with {server.process.returncode}:\n{server.output()}")
        try:
            if httpx.get(f"{server.url}/healthz", timeout=2).status_code == 200:
                return
        except httpx.TransportError:
            pass
        time.sleep(0.2)
    raise RuntimeError(f"qa serve did not answer /healthz within {timeout:.0f} s:\n{server.output()}")

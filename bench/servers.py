"""The one real-server harness: `qa serve` (uvicorn) in its own process on a free port of 127.0.0.1.

For what only a real server shows: signals, concurrent clients, memory, start-up time, a reload under load.
Shared by the tests and the benchmarks (it needs only httpx, so the tests need no bench extra); its settings
come from `QA_*` variables in `env`.
"""

from __future__ import annotations

import os
import signal
import socket
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable, Iterator, Mapping
from contextlib import ExitStack, contextmanager
from dataclasses import dataclass, field
from pathlib import Path

import httpx

from qa.settings import PROJECT_ROOT

QA = (sys.executable, "-m", "cli.main")
"""The `qa` command of the checkout the tests run in."""
STARTUP_TIMEOUT_S = 180.0
"""Loading torch and the model takes about 5 s on an idle machine; a busy CI machine needs more."""


@dataclass(frozen=True)
class Program:
    """Which `qa` runs, where, and whether it inherits this process's environment: the checkout's by default;
    an installed one is run as a user runs it, with only the variables given."""

    command: tuple[str, ...] = QA
    cwd: Path = PROJECT_ROOT
    inherit_environment: bool = True


@dataclass
class Server:
    url: str
    process: subprocess.Popen[bytes]
    log: Path
    """The server's stdout and stderr, for a failing test to show."""
    workers: int = 1
    started: float = field(default_factory=time.perf_counter)
    ready_after: float = 0.0
    """Seconds from launch until it first passed its readiness probe."""

    def output(self) -> str:
        return self.log.read_text(encoding="utf-8", errors="replace")


def healthy(client: httpx.Client) -> bool:
    """The default readiness probe: /healthz answers 200 once the model and the index are loaded."""
    return client.get("/healthz").status_code == 200


def free_port() -> int:
    (port,) = free_ports(1)
    return port


def free_ports(count: int) -> list[int]:
    """`count` distinct free ports: each probe stays bound until all are chosen, so none is handed out twice."""
    with ExitStack() as probes:
        sockets = [probes.enter_context(socket.socket()) for _ in range(count)]
        for probe in sockets:
            probe.bind(("127.0.0.1", 0))
        return [probe.getsockname()[1] for probe in sockets]


@contextmanager
def running_server(
    env: Mapping[str, str],
    *,
    startup_timeout: float = STARTUP_TIMEOUT_S,
    workers: int = 1,
    ready: Callable[[httpx.Client], bool] = healthy,
    program: Program = Program(),
) -> Iterator[Server]:
    """Start `qa serve`, wait until `ready` says it is, and stop it afterwards (if it is still running)."""
    with running_servers(env, 1, startup_timeout=startup_timeout, workers=workers, ready=ready, program=program) as (
        server,
    ):
        yield server


@contextmanager
def running_servers(
    env: Mapping[str, str],
    count: int,
    *,
    startup_timeout: float = STARTUP_TIMEOUT_S,
    workers: int = 1,
    ready: Callable[[httpx.Client], bool] = healthy,
    program: Program = Program(),
) -> Iterator[tuple[Server, ...]]:
    """`count` servers of one configuration, started together: each loads the model, and started one after
    another each would wait for the loads before it."""
    with tempfile.TemporaryDirectory(prefix="qa-server-") as folder, ExitStack() as stopping:
        servers = []
        for number, port in enumerate(free_ports(count)):
            server = _start(program, env, port, Path(folder) / f"server-{number}.log", workers)
            stopping.callback(stop, server)
            servers.append(server)
        for server in servers:
            server.ready_after = _wait_until_ready(server, startup_timeout, ready)
        yield tuple(servers)


def _start(program: Program, env: Mapping[str, str], port: int, log: Path, workers: int) -> Server:
    command = [*program.command, "serve", "--host", "127.0.0.1", "--port", str(port), "--workers", str(workers)]
    with open(log, "wb") as sink:
        # A session of its own: a server that will not stop is killed with the workers it started.
        process = subprocess.Popen(
            command,
            cwd=program.cwd,
            env={**(os.environ if program.inherit_environment else {}), **env},
            stdout=sink,
            stderr=subprocess.STDOUT,
            start_new_session=True,
        )
    return Server(f"http://127.0.0.1:{port}", process, log, workers)


def stop(server: Server) -> int:
    """SIGTERM, then SIGKILL to it and its workers if it will not go; the exit status."""
    if server.process.poll() is None:
        server.process.terminate()
        try:
            return server.process.wait(timeout=30)
        except subprocess.TimeoutExpired:
            os.killpg(server.process.pid, signal.SIGKILL)
    return server.process.wait()


def _wait_until_ready(server: Server, timeout: float, ready: Callable[[httpx.Client], bool]) -> float:
    """Seconds from the server's launch until `ready` passes; fails with the server's log if it dies first."""
    with httpx.Client(base_url=server.url, timeout=5) as client:
        while (waited := time.perf_counter() - server.started) < timeout:
            if server.process.poll() is not None:
                raise RuntimeError(f"qa serve exited with {server.process.returncode}:\n{server.output()}")
            try:
                if ready(client):
                    return time.perf_counter() - server.started
            except httpx.TransportError:
                pass
            time.sleep(0.05)
    raise RuntimeError(f"qa serve was not ready within {waited:.0f} s:\n{server.output()}")

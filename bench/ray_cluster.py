"""A real Ray cluster on loopback: a head and worker nodes, each a `ray start --block` process of its own.

Each node runs in its own session, so stopping (or killing) one node ends exactly the processes that node
started, never another Ray on the machine; `stop` ends them all. The object store is kept small: the
machine is shared.

The nodes run without token authentication (`RAY_AUTH_MODE=disabled`, unless `env` says otherwise): once any
`ray.init()` without an address has run on the machine, a `~/.ray/auth_token` exists, a head started by
`ray start` then turns token authentication on, and worker nodes and drivers given its address (which never
read that file) are refused. A cluster on loopback, for one user's builds, has nothing to guard.
"""

from __future__ import annotations

import os
import shutil
import signal
import subprocess
import sys
from dataclasses import dataclass, field
from pathlib import Path

from bench.servers import free_port

OBJECT_STORE_BYTES = 200_000_000
RAY = Path(sys.executable).with_name("ray")
NODE_ENV = {"RAY_USAGE_STATS_ENABLED": "0", "RAY_AUTH_MODE": "disabled"}


@dataclass
class LoopbackCluster:
    """A head node and worker nodes (of one CPU each unless asked otherwise) on 127.0.0.1, under `temp_dir`."""

    temp_dir: Path
    env: dict[str, str] = field(default_factory=dict)
    port: int = field(default_factory=free_port)
    head: subprocess.Popen | None = None
    workers: list[subprocess.Popen] = field(default_factory=list)

    @property
    def address(self) -> str:
        return f"127.0.0.1:{self.port}"

    def _start(self, cpus: int, *arguments: str) -> subprocess.Popen:
        common = [
            f"--num-cpus={cpus}",
            f"--object-store-memory={OBJECT_STORE_BYTES}",
            "--block",
            "--disable-usage-stats",
        ]
        log = open(self.temp_dir / f"node-{len(self.workers) + (self.head is not None)}.log", "wb")  # noqa: SIM115
        return subprocess.Popen(
            [str(RAY), "start", *arguments, *common],
            stdout=log,
            stderr=subprocess.STDOUT,
            env={**os.environ, **NODE_ENV, **self.env},
            start_new_session=True,
        )

    def start(self, workers: int, timeout: float = 180, head_cpus: int = 1, worker_cpus: int = 1) -> LoopbackCluster:
        """`head_cpus=0` keeps all work off the head, as on a cluster whose head only coordinates."""
        self.temp_dir.mkdir(parents=True, exist_ok=True)
        self.head = self._start(
            head_cpus,
            "--head",
            f"--port={self.port}",
            "--node-ip-address=127.0.0.1",
            f"--temp-dir={self.temp_dir}",
            "--include-dashboard=false",
        )
        self.wait_for_nodes(1, timeout)
        for _ in range(workers):  # one at a time: nodes starting together on a busy machine time out
            self.add_worker(timeout, worker_cpus)
        return self

    def add_worker(self, timeout: float = 180, cpus: int = 1) -> None:
        """Start one more worker node of `cpus` CPUs and wait until the head counts it."""
        self.workers.append(self._start(cpus, f"--address={self.address}", "--node-ip-address=127.0.0.1"))
        self.wait_for_nodes(1 + len(self.workers), timeout)

    def wait_for_nodes(self, count: int, timeout: float) -> None:
        """Wait until the head counts `count` nodes alive, asking it from a short-lived driver."""
        # The head's control store may not answer yet on a busy machine: joining is retried until the deadline.
        waiting = (
            "import ray, sys, time\n"
            "deadline = time.monotonic() + float(sys.argv[3])\n"
            "while True:\n"
            "    try:\n"
            "        ray.init(address=sys.argv[1], logging_level='ERROR')\n"
            "        break\n"
            "    except Exception:\n"
            "        if time.monotonic() > deadline:\n"
            "            raise\n"
            "        time.sleep(1)\n"
            "while sum(node['Alive'] for node in ray.nodes()) < int(sys.argv[2]) and time.monotonic() < deadline:\n"
            "    time.sleep(0.5)\n"
            "sys.exit(sum(node['Alive'] for node in ray.nodes()) < int(sys.argv[2]))"
        )
        env = {**os.environ, **NODE_ENV, **self.env}
        command = [sys.executable, "-c", waiting, self.address, str(count), str(timeout)]
        try:
            subprocess.run(command, env=env, timeout=timeout + 60, check=True, capture_output=True)
        except (subprocess.CalledProcessError, subprocess.TimeoutExpired) as error:
            self.stop()
            said = (error.stderr or b"").decode(errors="replace").strip().splitlines()[-1:]
            raise RuntimeError(
                f"the loopback Ray cluster did not reach {count} nodes in {timeout:.0f} s {said}"
            ) from error

    def kill_worker(self, position: int) -> None:
        """End one worker node at once, as a machine that dies would: SIGKILL to every process it started."""
        _kill_group(self.workers[position])

    def stop(self) -> None:
        """End every node's processes (workers first), then remove the cluster's files."""
        for node in [*self.workers, self.head]:
            if node is not None:
                _kill_group(node)
        shutil.rmtree(self.temp_dir, ignore_errors=True)


def _kill_group(node: subprocess.Popen) -> None:
    """SIGKILL every process of the node's session: its group, and the workers Ray moved to groups of their own
    (they keep the session `ray start` was given, so nothing outside this node is touched)."""
    for stat in Path("/proc").glob("[0-9]*/stat"):
        try:
            fields = stat.read_text().rsplit(")", 1)[1].split()
        except OSError:
            continue
        if int(fields[3]) == node.pid:  # fields after the command: state, ppid, pgrp, session
            try:
                os.kill(int(stat.parent.name), signal.SIGKILL)
            except ProcessLookupError:
                pass
    node.wait(timeout=30)

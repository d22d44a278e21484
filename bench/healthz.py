"""/healthz while a PDF bomb is uploaded and a document added: does one worker's event loop stay responsive?

    .venv/bin/python -m bench.healthz [--parse-timeout 15] [--quiet-seconds 3]

Builds the bundled corpus's index in a scratch folder and starts `qa serve` (one worker) on it. One
client asks /healthz back to back on one kept-alive connection, from start to end. Meanwhile, for each
bomb of `bench/bomb_files.py` in turn (nested forms, a Flate stream, 1,000 pages), two clients at once
upload the bomb and add a normal document, both with the admin token; the window lasts from their
start until both are answered (the bomb rejected, the document added). Between windows, and before
the first and after the last, `--quiet-seconds` of /healthz alone.

Reports the worst and p99 /healthz latency (by time sent) inside the windows and outside them, the
machine's load average at start and end, and the server's RSS before each window, at its peak during
it and after it (the issue asks for within 50 MB of before). The nested-forms bomb is rejected when
its parse runs out of time, so `--parse-timeout` (QA_PARSE_TIMEOUT for the server) sets how long its
window lasts. Takes about two minutes on an idle 2-core machine (four at a load average of 20); every
figure is measured in the run. Writes bench/results/healthz.json; healthz-before.json beside it is the
same bench run on the code before the loop's stalls were looked into, just before, on the same machine.
"""

from __future__ import annotations

import argparse
import os
import shutil
import socket
import subprocess
import sys
import tempfile
import threading
import time
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from urllib.parse import urlsplit

import httpx
import numpy as np
import psutil

from bench import bomb_files
from bench.harness import ROOT, write_results
from bench.servers import running_server

TOKEN = "healthz-bench-admin-token"
AUTH = {"authorization": f"Bearer {TOKEN}"}
BOMBS: dict[str, Callable[[], bytes]] = {
    "nested_forms": bomb_files.nested_forms,
    "flate_1_to_1000": bomb_files.flate_bomb,
    "pages_1000": bomb_files.many_pages,
}
RSS_SAMPLE_S = 0.05
SETTLE_S = 1.0
"""Wait after a window before reading RSS: the replaced assistant is freed as its last request ends."""


@dataclass
class Probes:
    """(time sent, latency) of each /healthz, in `time.monotonic()` seconds; and any that failed."""

    done: list[tuple[float, float]] = field(default_factory=list)
    errors: list[str] = field(default_factory=list)
    stop: threading.Event = field(default_factory=threading.Event)


def probe(url: str, probes: Probes) -> None:
    """GET /healthz back to back on one connection, with a client small enough not to compete for the CPU.

    httpx would spend a millisecond of this machine's two cores per request; this spends a tenth of that.
    """
    parsed = urlsplit(url)
    request = f"GET /healthz HTTP/1.1\r\nHost: {parsed.netloc}\r\n\r\n".encode()
    with socket.create_connection((parsed.hostname, parsed.port), timeout=60) as connection:
        connection.setsockopt(socket.IPPROTO_TCP, socket.TCP_NODELAY, 1)
        while not probes.stop.is_set():
            sent = time.monotonic()
            connection.sendall(request)
            status = _response_status(connection)
            probes.done.append((sent, time.monotonic() - sent))
            if status != 200:
                probes.errors.append(f"/healthz answered {status}")


def _response_status(connection: socket.socket) -> int:
    """Read one response with a Content-Length (as every response of this server has); its status."""
    received = b""
    while b"\r\n\r\n" not in received:
        received += connection.recv(65536)
    head, _, body = received.partition(b"\r\n\r\n")
    lines = head.decode("latin-1").split("\r\n")
    length = next(int(line.split(":", 1)[1]) for line in lines if line.lower().startswith("content-length:"))
    while len(body) < length:
        body += connection.recv(65536)
    return int(lines[0].split()[1])


def rss_mb(pid: int) -> float:
    return round(psutil.Process(pid).memory_info().rss / 2**20, 1)


def normal_document(number: int) -> tuple[str, bytes]:
    text = (
        f"Monitoring visit {number}\n\nBy Bench Observer\n\n"
        f"The monitors recorded {number} complaints about access to lawyers during the visit.\n\n"
        "They asked the authorities to publish the complaints and the replies within a month.\n"
    )
    return f"healthz-visit-{number}.txt", text.encode()


def upload(url: str, name: str, data: bytes) -> tuple[int, str, float]:
    """POST one file to the admin API: status, the reply's detail, seconds taken."""
    started = time.monotonic()
    response = httpx.post(f"{url}/api/documents", files=[("files", (name, data))], headers=AUTH, timeout=600)
    detail = response.json().get("detail", "") if response.status_code != 201 else ""
    return response.status_code, str(detail), time.monotonic() - started


def window(url: str, pid: int, number: int, bomb: bytes) -> dict[str, object]:
    """Upload `bomb` and add a normal document at once; when, what became of each, and the server's RSS."""
    rss_before = rss_mb(pid)
    peak = [rss_before]
    outcomes: dict[str, tuple[int, str, float]] = {}
    calls = {
        "bomb": lambda: upload(url, f"bomb-{number}.pdf", bomb),
        "add": lambda: upload(url, *normal_document(number)),
    }
    threads = [threading.Thread(target=lambda k=k, c=c: outcomes.__setitem__(k, c())) for k, c in calls.items()]
    start = time.monotonic()
    for thread in threads:
        thread.start()
    while any(thread.is_alive() for thread in threads):
        peak[0] = max(peak[0], rss_mb(pid))
        time.sleep(RSS_SAMPLE_S)
    end = time.monotonic()
    time.sleep(SETTLE_S)
    bomb_status, bomb_detail, bomb_s = outcomes["bomb"]
    add_status, add_detail, add_s = outcomes["add"]
    return {
        "start": start,
        "end": end,
        "bytes": len(bomb),
        "bomb": {"status": bomb_status, "seconds": round(bomb_s, 2), "detail": bomb_detail},
        "add": {"status": add_status, "seconds": round(add_s, 2), "detail": add_detail},
        "server_rss_mb": {"before": rss_before, "peak": peak[0], "after": rss_mb(pid)},
    }


def latency_ms(latencies: Sequence[float]) -> dict[str, float] | None:
    if not latencies:
        return None
    values = np.asarray(latencies) * 1000
    p50, p99 = np.percentile(values, [50, 99])
    return {
        "n": len(values),
        "p50": round(float(p50), 2),
        "p99": round(float(p99), 2),
        "max": round(float(values.max()), 2),
    }


def split(probes: Probes, windows: Sequence[dict[str, object]]) -> tuple[list[float], list[float]]:
    """Latencies of the probes sent during a window, and of the rest."""
    inside, outside = [], []
    for sent, latency in probes.done:
        busy = any(w["start"] <= sent <= w["end"] for w in windows)
        (inside if busy else outside).append(latency)
    return inside, outside


def build_index(folder: Path) -> dict[str, str]:
    """The bundled corpus copied into `folder`, indexed there; the server's environment."""
    shutil.copytree(ROOT / "corpus", folder / "corpus")
    env = {**os.environ, "QA_CORPUS_DIR": str(folder / "corpus"), "QA_INDEX_DIR": str(folder / "index")}
    subprocess.run([sys.executable, "-m", "cli.main", "index"], check=True, cwd=ROOT, env=env, capture_output=True)
    return {"QA_CORPUS_DIR": env["QA_CORPUS_DIR"], "QA_ADMIN_TOKEN": TOKEN}


def measure(parse_timeout: float, quiet_seconds: float) -> dict[str, object]:
    load_start = os.getloadavg()
    with tempfile.TemporaryDirectory(prefix="healthz-bench-") as scratch:
        env = build_index(Path(scratch))
        env["QA_PARSE_TIMEOUT"] = str(parse_timeout)
        with running_server({**env, "QA_INDEX_DIR": str(Path(scratch) / "index")}) as server:
            # The server's first change imports what changes need and starts the parse children's forkserver:
            # once per process, and not what a bomb costs.
            warm_up = upload(server.url, *normal_document(0))
            probes = Probes()
            prober = threading.Thread(target=probe, args=(server.url, probes))
            prober.start()
            windows = []
            try:
                time.sleep(quiet_seconds)
                for number, (name, make) in enumerate(BOMBS.items(), start=1):
                    windows.append({"bomb_name": name, **window(server.url, server.process.pid, number, make())})
                    time.sleep(quiet_seconds)
            finally:
                probes.stop.set()
                prober.join()
    load_end = os.getloadavg()
    inside, outside = split(probes, windows)
    return {
        "setup": {
            "workers": 1,
            "parse_timeout_s": parse_timeout,
            "quiet_seconds": quiet_seconds,
            "warm_up_add": {"status": warm_up[0], "seconds": round(warm_up[2], 2)},
            "load_average_1m": {"start": round(load_start[0], 2), "end": round(load_end[0], 2)},
        },
        "healthz_ms": {"during_bomb_and_add": latency_ms(inside), "outside": latency_ms(outside)},
        "healthz_errors": probes.errors[:5],
        "windows": {
            w["bomb_name"]: {
                "seconds": round(w["end"] - w["start"], 2),
                "healthz_ms": latency_ms(split(probes, [w])[0]),
                **{k: v for k, v in w.items() if k not in ("bomb_name", "start", "end")},
            }
            for w in windows
        },
    }


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument(
        "--parse-timeout", type=float, default=15.0, help="the server's QA_PARSE_TIMEOUT, seconds (default 15)"
    )
    parser.add_argument(
        "--quiet-seconds", type=float, default=3.0, help="/healthz alone before, between and after windows (default 3)"
    )
    args = parser.parse_args(argv)
    results = measure(args.parse_timeout, args.quiet_seconds)
    write_results("healthz", results)
    print({k: results[k] for k in ("setup", "healthz_ms")})
    for name, row in results["windows"].items():
        print(name, row)
    rejected = all(w["bomb"]["status"] == 422 and w["add"]["status"] == 201 for w in results["windows"].values())
    return 0 if rejected and not results["healthz_errors"] else 1


if __name__ == "__main__":
    sys.exit(main())

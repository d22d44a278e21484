"""`qa serve --workers N` told to stop while its workers still load: it stops at once, without a traceback."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

from bench.servers import free_port
from qa import Assistant, Settings
from qa.settings import PROJECT_ROOT

STOP_BOUND_S = 5.0
"""Before, a worker loading its model went on loading after SIGTERM: 39 s measured on a busy machine."""
LOADING = "Waiting for application startup"


@pytest.mark.slow
def test_sigterm_while_the_workers_load_stops_the_server_at_once(
    settings: Settings, assistant: Assistant, tmp_path: Path
) -> None:
    log = tmp_path / "serve.log"
    command = [sys.executable, "-m", "cli.main", "serve", "--index", str(settings.index_dir)]
    command += ["--port", str(free_port()), "--workers", "2"]
    with open(log, "wb") as sink:
        server = subprocess.Popen(
            command, cwd=PROJECT_ROOT, stdout=sink, stderr=subprocess.STDOUT, start_new_session=True
        )
    try:
        deadline = time.monotonic() + 180
        while LOADING not in log.read_text(errors="replace"):
            assert server.poll() is None and time.monotonic() < deadline, log.read_text(errors="replace")
            time.sleep(0.05)
        asked = time.monotonic()
        server.send_signal(signal.SIGTERM)
        server.wait(timeout=60)
        took = time.monotonic() - asked
    finally:
        if server.poll() is None:
            os.killpg(server.pid, signal.SIGKILL)
    output = log.read_text(errors="replace")
    after_signal = output[output.index("Received SIGTERM") :]
    assert took < STOP_BOUND_S, output
    assert "Application startup complete" not in after_signal
    assert "Traceback" not in output

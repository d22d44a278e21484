"""`python -m bench.suite_time`: how long the whole test suite takes, as `make test` runs it.

Runs pytest as `make test` does (the Ray tests in one run, the rest on two workers in another, both at once), in
fresh processes from the project folder (the model is loaded and the indexes built inside, as in CI), and writes
the wall time and the outcome counts to `bench/results/suite_time.json`; the README's figure for `make test` comes
from that file.
"""

from __future__ import annotations

import json
import re
import subprocess
import sys
import tempfile
import time
from contextlib import ExitStack
from pathlib import Path
from typing import IO, Any

ROOT = Path(__file__).resolve().parents[1]
COUNT_RE = re.compile(r"(\d+) (passed|failed|skipped|errors?|xfailed|xpassed)")
MAKE_TEST_RUNS = (
    ["-q", "-m", "ray", "tests/test_ray.py"],
    ["-q", "-m", "not ray", "-n", "2", "--dist", "loadfile", "--no-loadscope-reorder"],
)
"""The Makefile's `test-ray` and `test-rest` recipes, which `make test` runs at the same time."""


def readme_figure(result: dict[str, Any]) -> str:
    """The suite's time as the README gives it, with the machine's load then: on a shared machine it varies."""
    minutes, rest = divmod(round(result["seconds"]), 60)
    load = result["machine"]["load_average_1m"]
    counts = ", ".join(f"{number} {kind}" for kind, number in result["counts"].items())
    return f"{minutes} min {rest} s on 2 cores at load {load:.0f} ({counts}), `bench/suite_time.py`"


def read(output: IO[str]) -> str:
    """All a finished run wrote to `output`."""
    output.seek(0)
    return output.read()


def main() -> int:
    from bench.harness import write_results  # psutil, a bench extra: only where the measurement runs

    started = time.perf_counter()
    with ExitStack() as files:
        outputs = [files.enter_context(tempfile.TemporaryFile("w+")) for _ in MAKE_TEST_RUNS]
        # Into files, not pipes: one run's output must never wait for the other's to be read.
        started_runs = [
            subprocess.Popen(
                [sys.executable, "-m", "pytest", *args], cwd=ROOT, stdout=output, stderr=subprocess.DEVNULL, text=True
            )
            for args, output in zip(MAKE_TEST_RUNS, outputs, strict=True)
        ]
        runs = [
            subprocess.CompletedProcess(run.args, run.wait(), read(output))
            for run, output in zip(started_runs, outputs, strict=True)
        ]
    seconds = round(time.perf_counter() - started, 1)
    summaries = [run.stdout.strip().splitlines()[-1] for run in runs]
    counts: dict[str, int] = {}
    for summary in summaries:
        for number, kind in COUNT_RE.findall(summary):
            counts[kind] = counts.get(kind, 0) + int(number)
    failures = [line for run in runs for line in run.stdout.splitlines() if line.startswith(("FAILED", "ERROR"))]
    status = max(run.returncode for run in runs)
    path = write_results(
        "suite_time", {"seconds": seconds, "exit_status": status, "counts": counts, "failures": failures}
    )
    print("\n".join(summaries) + f"\nmake test: {readme_figure(json.loads(path.read_text(encoding='utf-8')))}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())

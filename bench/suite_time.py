"""`python -m bench.suite_time`: how long the whole test suite takes, as `make test` runs it.

Runs `pytest -q` in a fresh process from the project folder (the model is loaded and the indexes built
inside, as in CI) and writes the wall time and the outcome counts to `bench/results/suite_time.json`;
the README's figure for `make test` comes from that file.
"""

from __future__ import annotations

import json
import re
import subprocess
import sys
import time
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
COUNT_RE = re.compile(r"(\d+) (passed|failed|skipped|errors?|xfailed|xpassed)")


def readme_figure(result: dict[str, Any]) -> str:
    """The suite's time as the README gives it, with the machine's load then: on a shared machine it varies."""
    minutes, rest = divmod(round(result["seconds"]), 60)
    load = result["machine"]["load_average_1m"]
    counts = ", ".join(f"{number} {kind}" for kind, number in result["counts"].items())
    return f"{minutes} min {rest} s on 2 cores at load {load:.0f} ({counts}), `bench/suite_time.py`"


def main() -> int:
    from bench.harness import write_results  # psutil, a bench extra: only where the measurement runs

    started = time.perf_counter()
    run = subprocess.run([sys.executable, "-m", "pytest", "-q"], cwd=ROOT, capture_output=True, text=True)
    seconds = round(time.perf_counter() - started, 1)
    summary = run.stdout.strip().splitlines()[-1]
    counts = {kind: int(number) for number, kind in COUNT_RE.findall(summary)}
    failures = [line for line in run.stdout.splitlines() if line.startswith(("FAILED", "ERROR"))]
    path = write_results(
        "suite_time", {"seconds": seconds, "exit_status": run.returncode, "counts": counts, "failures": failures}
    )
    print(f"{summary}\nmake test: {readme_figure(json.loads(path.read_text(encoding='utf-8')))}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())

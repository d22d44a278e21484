"""`qa ask` end to end: seconds from launching the command to its exit, answer printed, on the bundled corpus.

    .venv/bin/python -m bench.cli_latency [--rounds 5] [--index DIR]

Each round launches a fresh `qa ask` (the ONNX question encoder, no PyTorch) and, as the reference, the
same command with `QA_ENCODER_BACKEND=torch` (PyTorch and sentence-transformers imported and the model
loaded, as every `qa ask` did before), taking turns. Medians are reported with the CPU seconds the
children used, which a busy shared machine stretches less than wall time. The target is 1.5 s.
"""

from __future__ import annotations

import argparse
import os
import resource
import statistics
import subprocess
import sys
import time
from collections.abc import Mapping, Sequence
from pathlib import Path

from bench.harness import ROOT, ensure_index, write_results

QUESTION = "What did the G8 urge North Korea to do?"
TARGET_S = 1.5


def ask_once(index_dir: Path, env: Mapping[str, str]) -> tuple[float, float]:
    """(wall seconds, CPU seconds) of one `qa ask` from launch to exit; fails if it does not answer."""
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    started = time.perf_counter()
    done = subprocess.run(
        [sys.executable, "-m", "cli.main", "ask", QUESTION, "--index", str(index_dir)],
        cwd=ROOT,
        env={**os.environ, **env},
        capture_output=True,
        text=True,
    )
    wall = time.perf_counter() - started
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    if done.returncode != 0 or "G8" not in done.stdout:
        raise RuntimeError(f"qa ask failed ({done.returncode}):\n{done.stderr[-2000:]}")
    return wall, (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime)


def summary(runs: Sequence[tuple[float, float]]) -> dict[str, object]:
    walls, cpus = zip(*runs, strict=True)
    return {
        "wall_s": [round(w, 3) for w in walls],
        "median_wall_s": round(statistics.median(walls), 3),
        "median_cpu_s": round(statistics.median(cpus), 3),
    }


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--rounds", type=int, default=5, help="launches of each (default 5)")
    parser.add_argument("--index", type=Path, default=ROOT / ".qa-index", help="the bundled corpus's index folder")
    args = parser.parse_args(argv)
    ensure_index(args.index)
    ask_once(args.index, {})  # warm the page cache for both: the first launch reads every file from disk
    onnx, torch = [], []
    for _ in range(args.rounds):
        onnx.append(ask_once(args.index, {}))
        torch.append(ask_once(args.index, {"QA_ENCODER_BACKEND": "torch"}))
    results = {"question": QUESTION, "rounds": args.rounds, "target_s": TARGET_S}
    results |= {"onnx": summary(onnx), "torch_reference": summary(torch)}
    print(f"qa ask, median of {args.rounds}: {results['onnx']} (with PyTorch: {results['torch_reference']})")
    write_results("cli_latency", results)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())

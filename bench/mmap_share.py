"""Memory of N processes that load the same index: memory-mapped (as `PassageIndex.load` does) vs copied.

Each child loads the build through `PassageIndex.load` (the copy mode turns the mapping off), runs a
flat search that reads every vector and waits; once all are loaded, the parent reads each one's
resident and proportional set size (PSS splits a shared page between the processes mapping it).
Both modes include the entry table, which every process parses into its own memory.

    .venv/bin/python bench/mmap_share.py --passages 200000 --processes 4
"""

from __future__ import annotations

import argparse
import json
import os
import subprocess
import sys
import tempfile
from collections.abc import Sequence
from pathlib import Path

import faiss
import numpy as np

from embeddings import Entry, Manifest, PassageIndex
from embeddings import index as index_module
from qa.settings import PROJECT_ROOT

RESULTS = PROJECT_ROOT / "bench" / "results" / "mmap_share.json"
DIMENSION = 384


def memory_kb(pid: int) -> dict[str, int]:
    """A process's Rss, Pss and anonymous (private, unshareable) memory, from the kernel."""
    with open(f"/proc/{pid}/smaps_rollup", encoding="utf-8") as rollup:
        fields = dict(line.split(":", 1) for line in rollup if ":" in line and not line.startswith("7"))
    return {name: int(fields[name].split()[0]) for name in ("Rss", "Pss", "Anonymous")}


def child(mode: str, folder: Path) -> None:
    if mode == "copy":
        index_module._MMAP = 0  # what format 1 did: read the whole file into this process's own memory
    index, _ = PassageIndex.load(folder)
    queries = np.ascontiguousarray(index.vectors[:5])
    faiss.knn(queries, index.vectors, 10, metric=faiss.METRIC_INNER_PRODUCT)  # reads every vector
    print("ready", flush=True)
    sys.stdin.readline()


def run(mode: str, folder: Path, processes: int) -> dict:
    """Memory of `processes` children holding the index at once, read while all of them are alive."""
    script = Path(__file__).resolve()
    children = [
        subprocess.Popen(
            [sys.executable, str(script), "--child", mode, str(folder)],
            stdin=subprocess.PIPE,
            stdout=subprocess.PIPE,
            text=True,
        )
        for _ in range(processes)
    ]
    for proc in children:
        proc.stdout.readline()  # type: ignore[union-attr]
    reports = [memory_kb(proc.pid) for proc in children]
    for proc in children:
        proc.communicate("\n")
    return {
        "processes": processes,
        "per_process_kb": reports,
        "total_rss_mb": round(sum(r["Rss"] for r in reports) / 1024, 1),
        "total_pss_mb": round(sum(r["Pss"] for r in reports) / 1024, 1),
        "total_private_anonymous_mb": round(sum(r["Anonymous"] for r in reports) / 1024, 1),
    }


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--passages", type=int, default=200_000)
    parser.add_argument("--processes", type=int, default=4)
    parser.add_argument("--out", type=Path, default=RESULTS)
    parser.add_argument("--child", nargs=2, metavar=("MODE", "FOLDER"), help=argparse.SUPPRESS)
    args = parser.parse_args(argv)
    if args.child:
        child(args.child[0], Path(args.child[1]))
        return 0
    vectors = np.random.default_rng(0).standard_normal((args.passages, DIMENSION), dtype=np.float32)
    vectors /= np.linalg.norm(vectors, axis=1, keepdims=True)
    entries = [Entry("doc", 1, 0, 1) for _ in range(args.passages)]
    manifest = Manifest("synthetic", DIMENSION, "synthetic", args.passages, "now")
    with tempfile.TemporaryDirectory(prefix="qa-mmap-") as tmp:
        build = PassageIndex(vectors, entries, manifest).save(Path(tmp))
        del vectors
        index_mb = (build / "index.faiss").stat().st_size / 2**20
        report = {
            "passages": args.passages,
            "index_file_mb": round(index_mb, 1),
            "cpu_count": os.cpu_count(),
            "mmap": run("mmap", Path(tmp), args.processes),
            "copy": run("copy", Path(tmp), args.processes),
        }
    args.out.parent.mkdir(parents=True, exist_ok=True)
    args.out.write_text(json.dumps(report, indent=2) + "\n", encoding="utf-8")
    print(
        json.dumps(
            {k: report[k] for k in ("index_file_mb",)} | {m: report[m]["total_pss_mb"] for m in ("mmap", "copy")}
        )
    )
    return 0


if __name__ == "__main__":
    raise SystemExit(main())

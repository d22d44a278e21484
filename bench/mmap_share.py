"""Memory of N processes that load the same index, as each index format holds it.

Each child loads the build through `PassageIndex.load`, reads every entry of the entry table and runs a
flat search that reads every vector, then waits; once all are loaded, the parent reads each one's
resident and proportional set size (PSS splits a shared page between the processes mapping it), in
total and for the two mapped files. Modes: `mmap` is format 3 (FAISS index and entry table mapped);
`format2` maps the index but holds the entry table as `Entry` objects, as format 2 did; `copy` also
reads the index into private memory, as format 1 did.

    .venv/bin/python -m bench.mmap_share --passages 200000 --processes 4
"""

from __future__ import annotations

import argparse
import json
import os
import subprocess
import sys
import tempfile
from collections.abc import Sequence
from dataclasses import asdict
from pathlib import Path

import faiss
import numpy as np

from embeddings import Manifest, PassageIndex
from embeddings import index as index_module
from embeddings.entries import ROWS_FILE, Entry
from qa.settings import PROJECT_ROOT

RESULTS = PROJECT_ROOT / "bench" / "results" / "mmap_share.json"
DIMENSION = 384
MODES = ("mmap", "format2", "copy")
MAPPED_FILES = ("index.faiss", ROWS_FILE)


def memory_kb(pid: int) -> dict[str, int]:
    """A process's Rss, Pss and anonymous (private, unshareable) memory, from the kernel."""
    with open(f"/proc/{pid}/smaps_rollup", encoding="utf-8") as rollup:
        fields = dict(line.split(":", 1) for line in rollup if ":" in line and not line.startswith("7"))
    return {name: int(fields[name].split()[0]) for name in ("Rss", "Pss", "Anonymous")}


def mapped_kb(pid: int) -> dict[str, dict[str, int]]:
    """Rss and Pss of each of the build's mapped files in a process, from its per-mapping smaps."""
    totals = {name: {"Rss": 0, "Pss": 0} for name in MAPPED_FILES}
    mapping = None
    with open(f"/proc/{pid}/smaps", encoding="utf-8") as smaps:
        for line in smaps:
            fields = line.split()
            if not fields[0].endswith(":"):  # a mapping's header: address range ... [path]
                mapping = Path(fields[-1]).name if len(fields) >= 6 else None
            elif mapping in totals and fields[0][:-1] in ("Rss", "Pss"):
                totals[mapping][fields[0][:-1]] += int(fields[1])
    return totals


def child(mode: str, folder: Path) -> None:
    if mode == "copy":
        index_module._MMAP = 0  # what format 1 did: read the whole file into this process's own memory
    index, _ = PassageIndex.load(folder)
    entries: Sequence[Entry] = index.entries
    if mode != "mmap":  # as formats 1 and 2 loaded their entries.json: Entry objects in every process
        entries = tuple(Entry(**row) for row in json.loads(json.dumps([asdict(e) for e in entries])))
    print(len({entry.doc_id for entry in entries}), flush=True)  # reads every entry
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
        proc.stdout.readline()  # type: ignore[union-attr]  # documents seen
        proc.stdout.readline()  # type: ignore[union-attr]  # ready
    reports = [memory_kb(proc.pid) | mapped_kb(proc.pid) for proc in children]
    for proc in children:
        proc.communicate("\n")
    return {
        "processes": processes,
        "per_process_kb": reports,
        "total_rss_mb": round(sum(r["Rss"] for r in reports) / 1024, 1),
        "total_pss_mb": round(sum(r["Pss"] for r in reports) / 1024, 1),
        "total_private_anonymous_mb": round(sum(r["Anonymous"] for r in reports) / 1024, 1),
        **{
            f"total_{name}_pss_mb": round(sum(r[name]["Pss"] for r in reports) / 1024, 1)  # type: ignore[index]
            for name in MAPPED_FILES
        },
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
    # 40 entries a document, offsets of the size real paragraphs have (beyond Python's cached small ints)
    entries = [Entry(f"doc-{i // 40}", i % 40 + 1, i * 37 % 2000, i * 37 % 2000 + 120) for i in range(args.passages)]
    manifest = Manifest("synthetic", DIMENSION, "synthetic", args.passages, "now")
    with tempfile.TemporaryDirectory(prefix="qa-mmap-") as tmp:
        build = PassageIndex(vectors, entries, manifest).save(Path(tmp))
        del vectors
        report = {
            "passages": args.passages,
            **{f"{name}_mb": round((build / name).stat().st_size / 2**20, 1) for name in MAPPED_FILES},
            "cpu_count": os.cpu_count(),
            **{mode: run(mode, Path(tmp), args.processes) for mode in MODES},
        }
    args.out.parent.mkdir(parents=True, exist_ok=True)
    args.out.write_text(json.dumps(report, indent=2) + "\n", encoding="utf-8")
    print(json.dumps({mode: report[mode]["total_pss_mb"] for mode in MODES}))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())

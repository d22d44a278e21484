"""Hostile PDFs against the default parse limits, and what isolation costs on the bundled corpus.

    .venv/bin/python -m bench.bombs

For each bomb (`bench/bomb_files.py`): the time until it is rejected, the child's peak memory (VmHWM,
sampled every 50 ms), and this process's RSS before and after (the issue asks for within 50 MB).
For the bundled corpus: parsing every file in this process, as before isolation, against parsing
each in the worker child (`load_corpus`), the first build of a process paying the forkserver's start.
"""

from __future__ import annotations

import threading
import time
from collections.abc import Callable

from bench import bomb_files
from qa.errors import CorpusError
from qa.folder import corpus_files
from qa.formats import parse_file
from qa.indexing import load_corpus
from qa.isolation import DEFAULT_LIMITS, Worker
from qa.settings import PROJECT_ROOT

BOMBS: dict[str, Callable[[], bytes]] = {
    "nested_forms": bomb_files.nested_forms,
    "flate_1_to_1000": bomb_files.flate_bomb,
    "pages_1000": bomb_files.many_pages,
}


def _mb(field: str, pid: int | str = "self") -> int:
    with open(f"/proc/{pid}/status", encoding="ascii") as status:
        line = next(line for line in status if line.startswith(field))
    return int(line.split()[1]) // 1024


def _watch_peak(pid: int, peak: list[int]) -> None:
    while True:
        try:
            peak[0] = max(peak[0], _mb("VmHWM:", pid))
        except (OSError, StopIteration):
            return
        time.sleep(0.05)


def bomb(make: Callable[[], bytes]) -> dict[str, object]:
    data = make()
    before = _mb("VmRSS:")
    peak = [0]
    with Worker(DEFAULT_LIMITS) as worker:
        worker.parse(b"Warm up\n\nA first paragraph of text.\n", "warm.txt")  # the child exists: watch it
        threading.Thread(target=_watch_peak, args=(worker.pid, peak), daemon=True).start()
        started = time.perf_counter()
        try:
            worker.parse(data, "bomb.pdf")
            outcome = "parsed"
        except CorpusError as error:
            outcome = str(error)
        seconds = time.perf_counter() - started
    return {
        "bytes": len(data),
        "rejected_after_s": round(seconds, 2),
        "child_peak_rss_mb": peak[0],
        "parent_rss_mb_before_after": [before, _mb("VmRSS:")],
        "message": outcome,
    }


def corpus() -> dict[str, object]:
    folder = PROJECT_ROOT / "corpus"
    started = time.perf_counter()
    for path in corpus_files(folder):
        parse_file(path, path.name)
    in_process = time.perf_counter() - started
    isolated = []
    for _ in range(3):
        started = time.perf_counter()
        load_corpus(folder)
        isolated.append(round(time.perf_counter() - started, 3))
    return {
        "files": len(corpus_files(folder)),
        "in_process_s": round(in_process, 3),
        "isolated_s_first_then_warm": isolated,
        "note": "the first isolated run starts the forkserver (it imports the parsers once per process); "
        "`qa index` starts it while the model loads",
    }


def main() -> int:
    # Imported here, not above: each parse child re-imports the main module (multiprocessing's rule),
    # and the harness's numpy and httpx would be charged to every child as `qa` never charges them.
    from bench.harness import write_results

    results = {
        "limits": {
            "memory_bytes": DEFAULT_LIMITS.memory_bytes,
            "timeout_s": DEFAULT_LIMITS.timeout_s,
            "page_seconds": DEFAULT_LIMITS.page_seconds,
            "max_pages": DEFAULT_LIMITS.max_pages,
            "max_chars": DEFAULT_LIMITS.max_chars,
        },
        "bundled_corpus": corpus(),
        "bombs": {name: bomb(make) for name, make in BOMBS.items()},
    }
    write_results("bombs", results)
    for name, row in results["bombs"].items():
        print(name, row)
    print(results["bundled_corpus"])
    return 0


if __name__ == "__main__":
    raise SystemExit(main())

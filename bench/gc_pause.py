"""The garbage collector's full collection with a served collection loaded, before and after `gc.freeze()`.

    .venv/bin/python -m bench.gc_pause [--index DIR] [--rounds 5]

A server keeps its corpus, index and model alive for its whole life: hundreds of thousands of objects
that every full collection walks, holding the interpreter (and so the event loop) while it does. `qa serve`
freezes them once loaded (`web/served_assistant.py`); this measures what that saves, in one process: the
objects the collector tracks, and the median CPU time of a full `gc.collect()` with them unfrozen, then frozen.
"""

from __future__ import annotations

import argparse
import gc
import statistics
import time
from collections.abc import Sequence
from pathlib import Path

from bench.harness import ensure_index, write_results
from qa.assistant import open_served
from qa.settings import Settings


def collection_cpu_s() -> float:
    """CPU seconds of one full collection: it runs on one core, so on a machine shared with other jobs its CPU
    time is the pause it would cause on a quiet one, where wall time would add the others' turns."""
    started = time.process_time()
    gc.collect()
    return time.process_time() - started


def median_collection_s(rounds: int) -> float:
    return statistics.median(collection_cpu_s() for _ in range(rounds))


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--index", type=Path, help="index folder of the bundled corpus (default: QA_INDEX_DIR)")
    parser.add_argument("--rounds", type=int, default=5, help="full collections timed each way (default 5)")
    args = parser.parse_args(argv)

    settings = Settings(**({"index_dir": args.index} if args.index else {}))
    ensure_index(settings.index_dir)
    assistants = open_served(settings)  # as `qa serve` opens them
    gc.collect()  # what loading left behind is not the steady state a server collects in
    tracked = len(gc.get_objects())
    unfrozen = median_collection_s(args.rounds)
    gc.freeze()
    frozen = median_collection_s(args.rounds)
    gc.unfreeze()
    write_results(
        "gc_pause",
        {
            "documents": sum(len(assistant.articles) for assistant in assistants),
            "rounds": args.rounds,
            "objects_tracked": tracked,
            "full_collection_s": {"unfrozen": round(unfrozen, 4), "frozen": round(frozen, 4)},
        },
    )
    print(f"{tracked:,} objects tracked; a full collection takes {unfrozen:.3f} s, {frozen:.4f} s once frozen")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())

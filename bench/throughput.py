"""Throughput: answers per second at concurrency 8 with `qa serve --workers N`, and memory per worker.

    .venv/bin/python -m bench.throughput [--requests 200] [--workers 1 2]

The answer cache is off, so every request does the full work. Memory is read after the load:
RSS counts shared pages (a memory-mapped index, the model's read-only files) in every worker,
PSS divides them among the workers that share them.
"""

from __future__ import annotations

import argparse
from collections.abc import Sequence

from bench.harness import ensure_index, post_answers, questions, server_memory, write_results
from bench.servers import running_server
from qa.settings import Settings

CONCURRENCY = 8


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--requests", type=int, default=200, help="requests per configuration (default 200)")
    parser.add_argument("--workers", type=int, nargs="+", default=[1, 2], help="worker counts to try (default 1 2)")
    args = parser.parse_args(argv)

    settings = Settings()
    ensure_index(settings.index_dir)
    pool = questions()
    bodies = [{"question": pool[i % len(pool)]} for i in range(args.requests)]
    runs = {}
    for workers in args.workers:
        env = {"QA_INDEX_DIR": str(settings.index_dir), "QA_ANSWER_CACHE_SIZE": "0"}
        with running_server(env, workers=workers) as server:
            post_answers(server.url, bodies[: 4 * CONCURRENCY], CONCURRENCY)  # every worker loads and warms up
            load = post_answers(server.url, bodies, CONCURRENCY)
            memory = server_memory(server)
        runs[f"workers_{workers}"] = {
            "workers": workers,
            **load.summary(),
            "memory_mb_per_worker": memory,
            "pss_mb_total": round(sum(m["pss"] for m in memory), 1),
        }
    results = {
        "concurrency": CONCURRENCY,
        "requests_per_configuration": args.requests,
        "encoder_backend": settings.encoder_backend,
        "runs": runs,
    }
    write_results("throughput", results)
    print({name: (run["per_second"], run["errors"]) for name, run in runs.items()})
    return 0


if __name__ == "__main__":
    raise SystemExit(main())

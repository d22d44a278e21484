"""The index layer at 100k and 1M passages: build time, bytes per passage, search latency and recall.

Passages are synthetic but shaped like the real ones: each vector is one of the bundled corpus's
passage embeddings plus Gaussian noise, renormalised, so the collection has the corpus's topical
clusters (many near-duplicates per topic, the hard case for approximate search). Queries are drawn
the same way. Recall@10 is measured against exact search over the same collection.

Every index is built, saved and loaded (memory-mapped) through `PassageIndex`, and timed through
`PassageIndex.search` one query at a time, as the retriever calls it.

    .venv/bin/python bench/scale.py                      # 100k and 1M, all index types
    .venv/bin/python bench/scale.py --sizes 100000 --types hnsw ivf
"""

from __future__ import annotations

import argparse
import json
import os
import platform
import tempfile
import time
from collections.abc import Sequence
from dataclasses import asdict
from pathlib import Path

import faiss
import numpy as np

from embeddings import Encoder, Entry, Manifest, PassageIndex
from embeddings.index import INDEX_TYPES, SearchOptions, choose_index_type, set_search_threads
from qa.indexing import load_corpus
from qa.passages import index_entries
from qa.settings import PROJECT_ROOT

RESULTS = PROJECT_ROOT / "bench" / "results" / "scale.json"
NOISE = 0.75
"""Noise norm relative to the unit centre: a passage's cosine to its centre is about 1/sqrt(1 + 0.75^2) = 0.8,
and two passages around one centre about 0.64, like paraphrases on one topic in the real corpus."""
SWEEPS: dict[str, tuple[SearchOptions, ...]] = {
    "flat": (SearchOptions(),),
    "hnsw": tuple(SearchOptions(hnsw_ef_search=ef) for ef in (64, 128, 256)),
    "ivf": tuple(
        SearchOptions(ivf_nprobe=nprobe, ivf_refine=refine) for nprobe, refine in ((16, 8), (32, 8), (32, 32), (64, 64))
    ),
}
BUILD_THREADS = faiss.omp_get_max_threads()
RETRIEVER_ASK = 120
"""Entries the retriever asks the index for at k=3 (3 x its 40 candidates per slot)."""


def corpus_centres(encoder: Encoder) -> tuple[np.ndarray, float]:
    """The bundled corpus's passage embeddings, and the seconds encoding them took."""
    articles, _ = load_corpus(PROJECT_ROOT / "corpus")
    texts = [text for _, text in index_entries(articles)]
    started = time.perf_counter()
    return encoder.encode(texts, progress=False), time.perf_counter() - started


def synthetic(centres: np.ndarray, n: int, seed: int, chunk: int = 100_000) -> np.ndarray:
    """`n` unit vectors scattered around randomly chosen centres."""
    rng = np.random.default_rng(seed)
    out = np.empty((n, centres.shape[1]), dtype=np.float32)
    for start in range(0, n, chunk):
        rows = min(chunk, n - start)
        noise = rng.standard_normal((rows, centres.shape[1]), dtype=np.float32) * (NOISE / np.sqrt(centres.shape[1]))
        block = centres[rng.integers(0, len(centres), rows)] + noise
        out[start : start + rows] = block / np.linalg.norm(block, axis=1, keepdims=True)
    return out


def exact_top(base: np.ndarray, queries: np.ndarray, k: int) -> np.ndarray:
    _, ids = faiss.knn(queries, base, k, metric=faiss.METRIC_INNER_PRODUCT)
    return ids


def percentiles_ms(seconds: Sequence[float]) -> dict[str, float]:
    ms = np.asarray(seconds) * 1000
    return {"p50_ms": round(float(np.percentile(ms, 50)), 3), "p99_ms": round(float(np.percentile(ms, 99)), 3)}


def time_searches(index: PassageIndex, queries: np.ndarray, n: int) -> tuple[list[float], list[list[int]]]:
    for query in queries[: min(50, len(queries))]:  # warm the mapping's page tables and caches
        index.search(query, n)
    seconds, found = [], []
    for query in queries:
        started = time.perf_counter()
        hits = index.search(query, n)
        seconds.append(time.perf_counter() - started)
        found.append([position for position, _ in hits])
    return seconds, found


def recall_at(found: list[list[int]], truth: np.ndarray, k: int) -> float:
    return float(np.mean([len(set(f[:k]) & set(t[:k])) / k for f, t in zip(found, truth[: len(found)], strict=True)]))


def rss_anon_kb() -> int:
    with open("/proc/self/status", encoding="utf-8") as status:
        return next(int(line.split()[1]) for line in status if line.startswith("RssAnon:"))


def measure(
    index_type: str, base: np.ndarray, queries: np.ndarray, truth: np.ndarray, timed_queries: int, workdir: Path
) -> dict:
    n = len(base)
    entries = [Entry(f"doc-{i // 40}", i % 40 + 1, 0, 1) for i in range(n)]
    manifest = Manifest("synthetic", base.shape[1], "synthetic", n, "now", index_type=index_type)  # type: ignore[arg-type]
    started = time.perf_counter()
    built = PassageIndex(base, entries, manifest)
    build_s = time.perf_counter() - started
    folder = built.save(workdir / index_type)
    del built
    set_search_threads(1)  # as `qa serve` searches
    anon_before = rss_anon_kb()
    started = time.perf_counter()
    loaded, _ = PassageIndex.load(workdir / index_type)
    load_s = time.perf_counter() - started
    anon_after_load = rss_anon_kb()
    index_bytes = (folder / "index.faiss").stat().st_size
    runs = []
    for options in SWEEPS[index_type]:
        index, _ = PassageIndex.load(workdir / index_type, options)
        seconds, found = time_searches(index, queries[:timed_queries], 10)
        ask_seconds, _ = time_searches(index, queries[: min(timed_queries, 200)], RETRIEVER_ASK)
        runs.append(
            {
                "options": {k: v for k, v in asdict(options).items() if index_type in k},
                "search_k10": percentiles_ms(seconds),
                f"search_k{RETRIEVER_ASK}": percentiles_ms(ask_seconds),
                "recall_at_10": round(recall_at(found, truth, 10), 4),
                "queries_timed": len(seconds),
            }
        )
        print(f"  {index_type} {runs[-1]}", flush=True)
    del loaded
    set_search_threads(BUILD_THREADS)
    return {
        "index_type": index_type,
        "build_s": round(build_s, 2),
        "load_s": round(load_s, 3),
        "index_bytes": index_bytes,
        "bytes_per_passage": round(index_bytes / n, 1),
        "anon_rss_added_by_load_kb": anon_after_load - anon_before,
        "entries_json_bytes_per_passage": round((folder / "entries.json").stat().st_size / n, 1),
        "runs": runs,
    }


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--sizes", type=int, nargs="+", default=[100_000, 1_000_000])
    parser.add_argument("--types", nargs="+", choices=INDEX_TYPES, default=list(INDEX_TYPES))
    parser.add_argument("--queries", type=int, default=1000, help="queries timed per approximate index")
    parser.add_argument("--flat-queries", type=int, default=200, help="queries timed for flat (slow at 1M)")
    parser.add_argument("--out", type=Path, default=RESULTS)
    args = parser.parse_args(argv)

    centres, encode_s = corpus_centres(Encoder())
    report: dict = {
        "machine": {
            "cpu_count": os.cpu_count(),
            "faiss_threads": {"build": BUILD_THREADS, "search": 1},
            "load_average_at_start": [round(x, 2) for x in os.getloadavg()],
            "platform": platform.platform(),
            "faiss": faiss.__version__,
            "note": "shared 2-core machine with other jobs running: timings are noisy, compare within one run",
        },
        "data": {
            "centres": len(centres),
            "dimension": int(centres.shape[1]),
            "noise_norm": NOISE,
            "corpus_encode_passages_per_s": round(len(centres) / encode_s, 1),
        },
        "defaults": asdict(SearchOptions()),
        "sizes": [],
    }
    queries = synthetic(centres, args.queries, seed=1)
    for n in args.sizes:
        print(f"{n} passages", flush=True)
        base = synthetic(centres, n, seed=0)
        started = time.perf_counter()
        truth = exact_top(base, queries, 10)
        size: dict = {
            "passages": n,
            "auto_picks": choose_index_type("auto", n),
            "exact_ground_truth_s": round(time.perf_counter() - started, 2),
            "types": [],
        }
        with tempfile.TemporaryDirectory(prefix="qa-scale-") as tmp:
            for index_type in args.types:
                timed = args.flat_queries if index_type == "flat" else args.queries
                size["types"].append(measure(index_type, base, queries, truth, timed, Path(tmp)))
        report["sizes"].append(size)
        del base
        report["machine"]["load_average_at_end"] = [round(x, 2) for x in os.getloadavg()]
        args.out.parent.mkdir(parents=True, exist_ok=True)
        args.out.write_text(json.dumps(report, indent=2) + "\n", encoding="utf-8")  # after each size: 1M is slow
        print(f"wrote {args.out}", flush=True)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())

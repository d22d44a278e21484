"""Cluster build: passages/s of a local build vs `qa index --ray` on one and on two worker nodes, same collection.

    .venv/bin/python -m bench.ray_build [--passages 20000]

A synthetic collection of about `--passages` one-sentence paragraphs (one passage each) is written to a
scratch folder; each build starts from an empty index folder. The Ray clusters run on loopback: a head that
takes no work and one, then two, worker nodes of one CPU each. On this 2-core machine the point is the
overhead Ray adds at one node, not speed-up. Besides the builds it measures, on the same cluster:

- per-actor throughput: passages/s an actor spends encoding, timed inside the actor;
- scheduling and serialisation per batch: the same batches through the same actor pool with a function that
  returns vectors of the right size without encoding, so the time is only Ray's.

From those it projects the embedding time for 100M passages on N nodes.
"""

from __future__ import annotations

import argparse
import math
import random
import statistics
import tempfile
import time
from collections.abc import Sequence
from pathlib import Path
from typing import Any

import numpy as np

from bench.harness import timed, write_results
from embeddings import Encoder
from embeddings.cache import text_key
from qa.distributed import ROWS_PER_CALL, _EmbedActor, build_index_on_ray, connect, import_ray
from qa.indexing import build_index, load_corpus
from qa.passages import index_entries
from tests.ray_cluster import LoopbackCluster

WORDS = (
    "committee report detention camp border village ration labour court witness testimony prisoner guard "
    "winter harvest province ministry inquiry resolution council decree family mine factory road river "
    "survey record petition hearing archive ledger statement interview delegation envoy treaty"
).split()
PARAGRAPHS_PER_FILE = 200
TARGET_PASSAGES = 100_000_000


def write_collection(folder: Path, passages: int, seed: int = 0) -> None:
    """Markdown files of one-sentence paragraphs, each sentence different, so each is one passage."""
    rng = random.Random(seed)
    folder.mkdir(parents=True)
    for number in range(math.ceil(passages / PARAGRAPHS_PER_FILE)):
        count = min(PARAGRAPHS_PER_FILE, passages - number * PARAGRAPHS_PER_FILE)
        lines = [f"# Synthetic report {number}\n"]
        for index in range(count):
            words = " ".join(rng.choice(WORDS) for _ in range(rng.randint(12, 30)))
            lines.append(f"Finding {number}-{index}: the {words}.\n")
        (folder / f"report-{number:05d}.md").write_text("\n".join(lines), encoding="utf-8")


class _TimedEmbed(_EmbedActor):
    """The build's actor, also saying how long it spent encoding each batch, and in which process."""

    def __call__(self, batch: dict[str, np.ndarray]) -> dict[str, Any]:
        import os

        started = time.perf_counter()
        super().__call__(batch)  # the vectors themselves are the build's business, not this measure's
        rows = len(batch["text"])
        return {"pid": [os.getpid()] * rows, "seconds": [(time.perf_counter() - started) / rows] * rows}


class _NoEncode:
    """Same inputs and output sizes as the embedding actor, without the model: what Ray alone costs a batch."""

    def __init__(self, dimension: int) -> None:
        self.dimension = dimension

    def __call__(self, batch: dict[str, np.ndarray]) -> dict[str, Any]:
        rows = np.zeros((len(batch["text"]), self.dimension), dtype=np.float32)
        return {"key": batch["key"], "vector": [row.tobytes() for row in rows]}


def pool_run(ray: Any, encoder: Encoder, texts: list[str], actors: int, timed_actor: bool) -> dict[str, Any]:
    """One pass of `texts` through an actor pool of `actors`, as the build sends them."""
    items = [{"key": text_key(encoder.model_id, text), "text": text} for text in texts]
    blocks = max(actors, math.ceil(len(texts) / ROWS_PER_CALL))
    dataset = ray.data.from_items(items, override_num_blocks=blocks)
    if timed_actor:
        kwargs = {"model_id": encoder.model_id, "batch_size": encoder.batch_size}
        embed: type = _TimedEmbed
    else:
        kwargs = {"dimension": encoder.dimension}
        embed = _NoEncode
    mapped = dataset.map_batches(
        embed,
        fn_constructor_kwargs=kwargs,
        batch_size=ROWS_PER_CALL,
        compute=ray.data.ActorPoolStrategy(size=actors),
        num_cpus=1,
    )
    started = time.perf_counter()
    done = mapped.materialize()  # runs the whole pass; the rows stay in the object store until read below
    seconds = time.perf_counter() - started
    batches = math.ceil(len(texts) / ROWS_PER_CALL)
    if not timed_actor:
        return {"seconds": round(seconds, 2), "batches": batches, "rows": done.count()}
    rows = done.take_all()
    encode_s: dict[int, float] = {}
    encoded: dict[int, int] = {}
    for row in rows:
        encode_s[row["pid"]] = encode_s.get(row["pid"], 0.0) + row["seconds"]
        encoded[row["pid"]] = encoded.get(row["pid"], 0) + 1
    per_actor = {str(pid): round(encoded[pid] / encode_s[pid], 1) for pid in encode_s}
    return {"seconds": round(seconds, 2), "batches": batches, "passages_per_s_by_actor": per_actor}


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--passages", type=int, default=20_000, help="synthetic passages (default 20000)")
    args = parser.parse_args(argv)
    encoder = Encoder()
    results: dict[str, Any] = {"passages_asked": args.passages, "rows_per_call": ROWS_PER_CALL}
    with tempfile.TemporaryDirectory(prefix="qa-bench-ray-") as scratch:
        root = Path(scratch)
        corpus = root / "collection"
        write_collection(corpus, args.passages)
        texts = [text for _, text in index_entries(load_corpus(corpus)[0])]
        results["passages"] = len(texts)
        local_s = timed(lambda: build_index(corpus, root / "local", encoder, progress=False))
        results["local"] = {"seconds": round(local_s, 1), "passages_per_s": round(len(texts) / local_s, 1)}
        cluster = LoopbackCluster(root / "ray")
        try:
            cluster.start(workers=1, head_cpus=0)
            for nodes in (1, 2):
                if nodes == 2:
                    cluster.add_worker()
                index_dir = root / f"ray-{nodes}"
                build_s = timed(
                    lambda d=index_dir: build_index_on_ray(cluster.address, corpus, d, encoder, progress=False)
                )
                results[f"ray_{nodes}_worker_nodes"] = {
                    "seconds": round(build_s, 1),
                    "passages_per_s": round(len(texts) / build_s, 1),
                    "overhead_vs_local": round(build_s / local_s - 1, 3),
                }
            ray = import_ray()
            connect(ray, cluster.address)
            try:
                ray.data.DataContext.get_current().enable_progress_bars = False
                timed_run = pool_run(ray, encoder, texts, 2, timed_actor=True)
                # Ray's own cost per batch is the slope between two passes without a model: the fixed cost of
                # starting a dataset and its actors cancels out.
                bare = [pool_run(ray, encoder, texts * times, 2, timed_actor=False) for times in (1, 4)]
            finally:
                ray.shutdown()
        finally:
            cluster.stop()
    per_actor = list(timed_run["passages_per_s_by_actor"].values())
    rate = statistics.median(per_actor)
    results["per_actor"] = {
        "passages_per_s_by_actor": timed_run["passages_per_s_by_actor"],
        "median_passages_per_s": round(rate, 1),
        "pool_pass_seconds": timed_run["seconds"],
    }
    per_batch_s = (bare[1]["seconds"] - bare[0]["seconds"]) / (bare[1]["batches"] - bare[0]["batches"])
    results["ray_overhead_per_batch"] = {
        "passes_without_model": bare,
        "ms_per_batch": round(1000 * per_batch_s, 1),
        "share_of_an_encoded_batch": round(per_batch_s / (ROWS_PER_CALL / rate), 4),
        "fixed_seconds_per_pass": round(bare[0]["seconds"] - bare[0]["batches"] * per_batch_s, 2),
        "note": "2-actor pool, no model: scheduling a batch, moving its texts in and its 1,536-byte vectors out. "
        "Slope between the two passes; the fixed part is starting the dataset and its actors",
    }
    batch_s = ROWS_PER_CALL / rate + per_batch_s
    results["projection_100M"] = {
        "assumes": "nodes of 2 cores with one actor per core, each batch of rows_per_call taking the measured "
        "per-actor encoding time plus Ray's measured per-batch cost; parsing and the FAISS build not included",
        "hours_by_nodes": {
            str(nodes): round(TARGET_PASSAGES / ROWS_PER_CALL * batch_s / (2 * nodes) / 3600, 1)
            for nodes in (1, 10, 100)
        },
    }
    write_results("ray_build", results)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())

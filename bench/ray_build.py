"""Cluster build: passages/s of a local build vs `qa index --ray` on one and on two worker nodes, same collection.

    .venv/bin/python -m bench.ray_build [--passages 20000]

A synthetic collection of about `--passages` one-sentence paragraphs (one passage each) is written to a
scratch folder; each build starts from an empty index folder. The Ray clusters run on loopback: a head that
takes no work and one worker node declared with all of this machine's cores (as `ray start` declares a
machine by default), then two worker nodes with half of them each, so every build, local or not, has the same
cores. On a 2-core machine the point is the overhead Ray adds at one node, not speed-up; local and one-node
builds alternate (`--rounds`), so that both meet the same load from other jobs. Each cluster build's parse and
embedding steps are timed from `qa.distributed`'s log. Besides the builds it measures, on the one-node cluster:

- per-actor throughput: passages/s an actor spends encoding, timed inside the actor;
- scheduling and serialisation per batch: the same batches through the same actor pool with a function that
  returns vectors of the right size without encoding, so the time is only Ray's.

From those it projects the embedding time for 100M passages on N nodes.
"""

from __future__ import annotations

import argparse
import logging
import math
import os
import random
import statistics
import tempfile
import time
from collections.abc import Sequence
from pathlib import Path
from typing import Any

import numpy as np

from bench.harness import timed, write_results
from bench.ray_cluster import LoopbackCluster
from embeddings import Encoder
from embeddings.cache import text_key
from qa.distributed import ROWS_PER_CALL, _EmbedActor, actor_arguments, build_index_on_ray, connect, import_ray
from qa.indexing import build_unlocked, embedded, load_corpus, parse_corpus
from qa.isolation import start_forkserver
from qa.passages import index_entries

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

        import torch

        started = time.perf_counter()
        super().__call__(batch)  # the vectors themselves are the build's business, not this measure's
        rows = len(batch["text"])
        seconds = [(time.perf_counter() - started) / rows] * rows
        return {"pid": [os.getpid()] * rows, "seconds": seconds, "threads": [torch.get_num_threads()] * rows}


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
        kwargs = actor_arguments(encoder)
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
    threads: dict[int, int] = {}
    for row in rows:
        encode_s[row["pid"]] = encode_s.get(row["pid"], 0.0) + row["seconds"]
        encoded[row["pid"]] = encoded.get(row["pid"], 0) + 1
        threads[row["pid"]] = row["threads"]
    return {
        "seconds": round(seconds, 2),
        "batches": batches,
        "passages_per_s_by_actor": {str(pid): round(encoded[pid] / encode_s[pid], 1) for pid in encode_s},
        "torch_threads_by_actor": {str(pid): threads[pid] for pid in threads},
    }


PHASES = {"joined": "join", "parsed": "parse", "embedded": "embed", "read": "read_back", "left": "leave"}
"""The steps `qa.distributed` logs the seconds of, by the first word of their message."""


class PhaseLog(logging.Handler):
    """The seconds `qa.distributed` logs for its steps (`PHASES`), by step, one entry per build."""

    def __init__(self) -> None:
        super().__init__(logging.INFO)
        self.seconds: dict[str, list[float]] = {step: [] for step in PHASES.values()}

    def emit(self, record: logging.LogRecord) -> None:
        message = record.getMessage()
        step = PHASES.get(message.split(" ", 1)[0])
        if step is not None and message.endswith(" s"):
            self.seconds[step].append(float(message.rsplit(" ", 2)[1]))


def ray_build(address: str, corpus: Path, index_dir: Path, encoder: Encoder, phases: PhaseLog) -> dict[str, Any]:
    """One cluster build from an empty index folder: its seconds, how many of them each logged step took, and
    the rest (the work a local build does too: entries, FAISS, lexicon, saving; and importing Ray once)."""
    load = round(os.getloadavg()[0], 2)
    seconds = timed(lambda: build_index_on_ray(address, corpus, index_dir, encoder, progress=False))
    steps = {f"{step}_seconds": phases.seconds[step][-1] for step in PHASES.values()}
    rest = round(seconds - sum(steps.values()), 1)
    return {"seconds": round(seconds, 1), **steps, "rest_seconds": rest, "load_average_1m": load}


def local_build(corpus: Path, index_dir: Path, encoder: Encoder) -> dict[str, Any]:
    """One local build from an empty index folder, as `qa.indexing.build_index` runs it (the same parse and
    encode steps through `build_unlocked`), with those two steps timed: the rest is the work both kinds of build
    do alike (entries, the cache, FAISS, the lexicon, saving)."""
    spent: dict[str, float] = {}

    def timing(step: str, call: Any) -> Any:
        def run(*arguments: Any) -> Any:
            started = time.perf_counter()
            result = call(*arguments)
            spent[f"{step}_seconds"] = round(time.perf_counter() - started, 1)
            return result

        return run

    load = round(os.getloadavg()[0], 2)
    start_forkserver()
    seconds = timed(
        lambda: build_unlocked(
            corpus,
            index_dir,
            encoder,
            "auto",
            parse=timing("parse", lambda directory, known: parse_corpus(directory, False, known)),
            encode=timing("embed", lambda texts: embedded(encoder, texts, False)),
        )
    )
    rest = seconds - sum(spent.values())
    return {"seconds": round(seconds, 1), **spent, "rest_seconds": round(rest, 1), "load_average_1m": load}


def build_row(runs: list[dict[str, Any]], passages: int, local_s: float | None) -> dict[str, Any]:
    """Builds of one kind: each run, and their mean (and its overhead against the local builds' mean)."""
    mean_s = statistics.mean(run["seconds"] for run in runs)
    row: dict[str, Any] = {"runs": runs, "seconds": round(mean_s, 1), "passages_per_s": round(passages / mean_s, 1)}
    if local_s is not None:
        row["overhead_vs_local"] = round(mean_s / local_s - 1, 3)
    return row


def compared(
    local: list[dict[str, Any]], one_node: list[dict[str, Any]], passages: int, parse_s: float
) -> dict[str, Any]:
    """The local and one-node rows from the rounds so far, with the overhead of each round (a local build and
    the one-node build right after it) and the median of those: one slow build, of either kind, moves the mean
    of its kind but not the median ratio."""
    local_row = {**build_row(local, passages, None), "parse_seconds": round(parse_s, 1)}
    one_node_row = build_row(one_node, passages, local_row["seconds"])
    by_round = [
        round(cluster_run["seconds"] / local_run["seconds"] - 1, 3)
        for local_run, cluster_run in zip(local, one_node, strict=True)
    ]
    one_node_row["overhead_by_round"] = by_round
    one_node_row["overhead_median"] = round(statistics.median(by_round), 3)
    return {"local": local_row, "ray_1_worker_node": one_node_row}


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--passages", type=int, default=20_000, help="synthetic passages (default 20000)")
    parser.add_argument("--rounds", type=int, default=2, help="local and one-node builds, alternated (default 2)")
    args = parser.parse_args(argv)
    encoder = Encoder()
    cores = os.cpu_count() or 1
    phases = PhaseLog()
    logging.getLogger("qa.distributed").addHandler(phases)
    logging.getLogger("qa.distributed").setLevel(logging.INFO)
    results: dict[str, Any] = {
        "passages_asked": args.passages,
        "rows_per_call": ROWS_PER_CALL,
        "cores": cores,
        "declared": f"every build gets this machine's {cores} cores: the local build one process of "
        f"{torch_threads()} PyTorch threads, one worker node declared with {cores} CPUs (one 1-CPU actor each), "
        f"two worker nodes with {max(1, cores // 2)} each; the head takes no work. Local and one-node builds "
        "alternate, so both meet the same load",
    }
    with tempfile.TemporaryDirectory(prefix="qa-bench-ray-") as scratch:
        root = Path(scratch)
        corpus = root / "collection"
        write_collection(corpus, args.passages)
        parse_s = timed(lambda: load_corpus(corpus))  # as the local build parses: one child process, file by file
        texts = [text for _, text in index_entries(load_corpus(corpus)[0])]
        results["passages"] = len(texts)
        local: list[dict[str, Any]] = []
        one_node: list[dict[str, Any]] = []
        cluster = LoopbackCluster(root / "ray-1").start(workers=1, head_cpus=0, worker_cpus=cores)
        try:
            for round_ in range(args.rounds):
                local.append(local_build(corpus, root / f"local-{round_}", encoder))
                one_node.append(ray_build(cluster.address, corpus, root / f"ray-1-{round_}", encoder, phases))
                results.update(compared(local, one_node, len(texts), parse_s))
                # Written after every round: on a busy machine a run may be stopped before its end.
                write_results("ray_build", {**results, "unfinished": f"stopped after round {round_ + 1}"})
            ray = import_ray()
            connect(ray, cluster.address)
            try:
                ray.data.DataContext.get_current().enable_progress_bars = False
                timed_run = pool_run(ray, encoder, texts, cores, timed_actor=True)
                # Ray's own cost per batch is the slope between two passes without a model: the fixed cost of
                # starting a dataset and its actors cancels out.
                bare = [pool_run(ray, encoder, texts * times, cores, timed_actor=False) for times in (1, 4)]
            finally:
                ray.shutdown()
        finally:
            cluster.stop()
        cluster = LoopbackCluster(root / "ray-2").start(workers=2, head_cpus=0, worker_cpus=max(1, cores // 2))
        try:
            two_nodes = [ray_build(cluster.address, corpus, root / "ray-2", encoder, phases)]
        finally:
            cluster.stop()
    results["ray_2_worker_nodes"] = build_row(two_nodes, len(texts), results["local"]["seconds"])
    per_actor = list(timed_run["passages_per_s_by_actor"].values())
    rate = statistics.median(per_actor)
    results["per_actor"] = {
        "passages_per_s_by_actor": timed_run["passages_per_s_by_actor"],
        "torch_threads_by_actor": timed_run["torch_threads_by_actor"],
        "median_passages_per_s": round(rate, 1),
        "pool_pass_seconds": timed_run["seconds"],
    }
    per_batch_s = (bare[1]["seconds"] - bare[0]["seconds"]) / (bare[1]["batches"] - bare[0]["batches"])
    results["ray_overhead_per_batch"] = {
        "passes_without_model": bare,
        "ms_per_batch": round(1000 * per_batch_s, 1),
        "share_of_an_encoded_batch": round(per_batch_s / (ROWS_PER_CALL / rate), 4),
        "fixed_seconds_per_pass": round(bare[0]["seconds"] - bare[0]["batches"] * per_batch_s, 2),
        "note": f"{cores}-actor pool, no model: scheduling a batch, moving its texts in and its 1,536-byte vectors "
        "out. Slope between the two passes; the fixed part is starting the dataset and its actors",
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


def torch_threads() -> int:
    """The intra-op threads PyTorch uses in this process (the local build's)."""
    import torch

    return torch.get_num_threads()


if __name__ == "__main__":
    raise SystemExit(main())

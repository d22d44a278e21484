"""`qa index --ray ADDRESS`: the same build as `qa.indexing`, with its parsing and embedding spread over a Ray cluster.

The corpus files are parsed by Ray tasks, each taking a run of files in folder order (one child process per
task parses them one after another, as a local build's one child does). Passages the embedding cache lacks go
through Ray Data `map_batches` on a pool of actors that each load the model once; the actors' vectors land as
Parquet shards, keyed by passage hash (`embeddings.cache.text_key`), in a shard folder beside the index. The
shards are the cluster's embedding cache: a later build (or a retry after a failure) reads the vectors it needs
back from them and sends only the rest to the cluster. The driver then builds the FAISS index from those
vectors and saves it as a local build does (`qa.indexing.build_unlocked`): the same manifest, entries and
payloads, published by moving `CURRENT` only once every vector is in hand.

The corpus folder and the index folder must be paths every node can read and write (a shared mount).
Ray is optional (`pip install '.[ray]'`) and imported only here, only when a cluster build is asked for.
"""

from __future__ import annotations

import hashlib
import logging
import math
import shutil
import socket
import time
import uuid
from collections.abc import Mapping
from pathlib import Path
from typing import Any

import numpy as np

from embeddings import Encoder
from embeddings.cache import text_key
from qa.errors import NotInstalled, QAError
from qa.folder import folder_files
from qa.indexing import (
    FileResult,
    IndexReport,
    ParsedCorpus,
    ParsedFile,
    build_unlocked,
    gather_corpus,
    parse_corpus_file,
    text_versions,
)
from qa.isolation import DEFAULT_LIMITS, ParseLimits, Worker
from qa.lock import index_build_lock
from qa.settings import DEFAULT_INDEX_LOCK_TIMEOUT_S

log = logging.getLogger(__name__)

SHARDS_DIR = "shards"
"""Folder of the index folder holding the Parquet shards, one subfolder per model."""
ROWS_PER_CALL = 256
"""Passages handed to an embedding actor per call: large enough that scheduling and serialising a batch cost
little against encoding it (bench/ray_build.py measures both), small enough that a lost actor loses little."""
ROWS_PER_SHARD = 16_384
"""Fewest passages per Parquet file of a run (the last file may hold fewer): one file per 256-row batch would
be 390,625 small files for 100M passages, each a file to open when a later build looks its keys up."""
FILES_PER_TASK = 64
"""Most files one parse task takes. A task per file would start a Ray worker's parse child (which imports the
parsers and Ray itself) per file: 100 files cost 24.8 s against 1.9 s locally (bench/results/ray_build.json)."""
TASKS_PER_CPU = 2
"""Parse tasks per cluster CPU (at least): enough that a CPU with the lighter files picks up another task."""
TOKEN_HINT = (
    "if the cluster uses token authentication, give this machine its token: RAY_AUTH_MODE=token and "
    "RAY_AUTH_TOKEN (or the file ~/.ray/auth_token) set to what `ray get-auth-token` prints on its head"
)
INSTALL_HINT = "Ray is not installed; install the optional extra with `pip install '.[ray]'` (ray[data])"


class ClusterBuildFailed(QAError):
    """A build on the Ray cluster did not complete; the index folder still serves its previous build."""


def build_index_on_ray(
    address: str,
    corpus_dir: Path,
    index_dir: Path,
    encoder: Encoder,
    progress: bool = True,
    lock_timeout: float = DEFAULT_INDEX_LOCK_TIMEOUT_S,
    index_type: str = "auto",
    limits: ParseLimits = DEFAULT_LIMITS,
) -> IndexReport:
    """`qa.indexing.build_index`, run on the Ray cluster at `address` (`auto` joins the one running here).

    `encoder` is the driver's: it names the model and dimension the actors must match, and encodes nothing.
    """
    ray = import_ray()
    with index_build_lock(index_dir, lock_timeout):
        started = time.perf_counter()
        connect(ray, address)
        log.info("joined the Ray cluster in %.1f s", time.perf_counter() - started)
        try:
            shards = ShardStore(index_dir / SHARDS_DIR, encoder.model_id, encoder.dimension)
            report = build_unlocked(
                corpus_dir,
                index_dir,
                encoder,
                index_type,
                parse=lambda directory, known: _guarded(
                    address, index_dir, lambda: parse_on_cluster(ray, directory, limits, known)
                ),
                encode=lambda texts: _guarded(
                    address, index_dir, lambda: embed_on_cluster(ray, shards, texts, encoder, progress)
                ),
                recall=shards.recall,
            )
            shards.prune()  # only now: until `CURRENT` names the new build, a re-run may need any run
            return report
        finally:
            started = time.perf_counter()
            ray.shutdown()
            log.info("left the Ray cluster in %.1f s", time.perf_counter() - started)


def import_ray() -> Any:
    try:
        import ray
        import ray.data  # noqa: F401  (the extra brings Ray Data and pyarrow with it)
    except ImportError as error:
        raise NotInstalled(f"{INSTALL_HINT} ({error})") from error
    return ray


def connect(ray: Any, address: str) -> None:
    """Join the cluster, shipping this installation's `qa` and `embeddings` so every node runs the same code."""
    import embeddings
    import qa

    modules = [str(Path(module.__file__).parent) for module in (qa, embeddings)]
    try:
        reach(address)
        ray.init(
            address=address,
            runtime_env={"py_modules": modules, "excludes": ["__pycache__"]},
            logging_level=logging.WARNING,
            log_to_driver=True,
        )
    except ray.exceptions.AuthenticationError as error:
        raise ClusterBuildFailed(f"the Ray cluster at {address!r} refused this machine; {TOKEN_HINT}") from error
    except (ConnectionError, RuntimeError, ValueError) as error:
        # A cluster with token authentication refuses a driver without its token the same way as no cluster at
        # all: Ray says only that it cannot connect (and logs "InvalidAuthToken" on its own).
        raise ClusterBuildFailed(
            f"cannot join the Ray cluster at {address!r} ({error}); start one with `ray start --head` "
            f"or give its address; {TOKEN_HINT}"
        ) from error


REACH_TIMEOUT_S = 10.0
"""How long a cluster's address may take to accept a connection before the build gives up on it."""


def reach(address: str) -> None:
    """Raise ConnectionError unless the head at a `host:port` (or `ray://host:port`) address accepts a connection.

    `ray.init` retries an address nothing answers at for minutes, printing Ray's own log lines, before it gives
    up; a name that does not resolve or a port that refuses is known in well under a second. `auto`, `local`
    and other schemes are left to Ray.
    """
    host, colon, port = address.removeprefix("ray://").rpartition(":")
    if not colon or not port.isdigit() or "://" in host:
        return
    try:
        socket.create_connection((host.strip("[]"), int(port)), timeout=REACH_TIMEOUT_S).close()
    except OSError as error:
        raise ConnectionError(f"nothing answers at {host}:{port}: {error.strerror or error}") from error


def _guarded(address: str, index_dir: Path, step: Any) -> Any:
    """Run one cluster step; a failure Ray gives up on becomes one clear error that says the old build serves."""
    try:
        return step()
    except QAError:
        raise
    except Exception as error:  # Ray raises many kinds (task, actor, object lost, Ray Data); each ends the build
        reason = str(error).strip().splitlines()[0] if str(error).strip() else type(error).__name__
        raise ClusterBuildFailed(
            f"the build on the Ray cluster at {address!r} failed ({type(error).__name__}: {reason}); "
            f"the previous index in {index_dir} still serves and its shards are kept, so running again "
            "re-embeds only what is missing"
        ) from error


def _parse_task(
    paths: list[str], directory: str, limits: ParseLimits, known: dict[str, ParsedFile]
) -> tuple[list[FileResult], dict[str, str]]:
    """A run of files parsed on a node by one child process under `limits` (each file's `known` outcome reused
    when its bytes have not changed), with that node's parser versions, which must be the driver's."""
    with Worker(limits) as worker:
        results = [
            parse_corpus_file(Path(path), Path(directory), worker, known.get(str(Path(path).relative_to(directory))))
            for path in paths
        ]
    return results, text_versions()


def task_runs(paths: list[Path], cpus: int) -> list[list[Path]]:
    """`paths` cut into consecutive runs of at most `FILES_PER_TASK`, at least `TASKS_PER_CPU` runs per CPU
    (while there are files for them), of sizes differing by one at most."""
    count = min(len(paths), max(TASKS_PER_CPU * cpus, math.ceil(len(paths) / FILES_PER_TASK)))
    return [paths[index * len(paths) // count : (index + 1) * len(paths) // count] for index in range(count)]


def parse_on_cluster(ray: Any, directory: Path, limits: ParseLimits, known: Mapping[str, ParsedFile]) -> ParsedCorpus:
    """Every file of `directory` parsed by Ray tasks over runs of files, gathered in folder order as a local
    build does."""
    task = ray.remote(num_cpus=1, max_retries=3)(_parse_task)
    started = time.perf_counter()
    runs = task_runs(folder_files(directory), cluster_cpus(ray))
    pending = [
        task.remote(
            [str(path) for path in run],
            str(directory),
            limits,
            {name: known[name] for path in run if (name := str(path.relative_to(directory))) in known},
        )
        for run in runs
    ]
    results: list[FileResult] = []
    for run_results, versions in ray.get(pending):
        if versions != text_versions():
            raise ClusterBuildFailed(
                f"a node parsed {run_results[0][0]} with other parser versions ({versions}) than this machine's "
                f"({text_versions()}); install the same versions on every node"
            )
        results.extend(run_results)
    log.info(
        "parsed %d files in %d tasks on the Ray cluster in %.1f s",
        len(results),
        len(runs),
        time.perf_counter() - started,
    )
    return gather_corpus(results)


def cluster_cpus(ray: Any) -> int:
    """The cluster's CPUs (at least one)."""
    return max(1, int(ray.cluster_resources().get("CPU", 1)))


class _EmbedActor:
    """A Ray Data actor: loads the model once, then embeds batch after batch of passages."""

    def __init__(self, model_dir: str, model_id: str, batch_size: int) -> None:
        self.encoder = Encoder(Path(model_dir), batch_size=batch_size)
        if self.encoder.model_id != model_id:
            raise ClusterBuildFailed(f"this node's model is {self.encoder.model_id}, the build's is {model_id}")

    def __call__(self, batch: dict[str, np.ndarray]) -> dict[str, Any]:
        vectors = self.encoder.encode(list(batch["text"]), progress=False)
        return {"key": batch["key"], "vector": [row.tobytes() for row in vectors]}


def actor_arguments(encoder: Encoder) -> dict[str, Any]:
    """What an embedding actor needs to load the driver's model (QA_MODEL_DIR's, when it is set), from the same
    folder: a path every node can read, like the corpus."""
    return {"model_dir": str(encoder.model_dir), "model_id": encoder.model_id, "batch_size": encoder.batch_size}


def embed_on_cluster(ray: Any, shards: ShardStore, texts: list[str], encoder: Encoder, progress: bool) -> np.ndarray:
    """Vectors for `texts`, in order, embedded by an actor pool and written as one new run of shards."""
    keys = [text_key(encoder.model_id, text) for text in texts]
    actors = cluster_cpus(ray)
    log.info("embedding %d passages on the Ray cluster with up to %d actors", len(texts), actors)
    ray.data.DataContext.get_current().enable_progress_bars = progress
    # A block per call's worth of passages: an actor loads the model (seconds of CPU) only for a call's worth of work,
    # so a build of a few passages (an incremental one) loads it once, not once per CPU for a few passages each.
    blocks = max(1, math.ceil(len(texts) / ROWS_PER_CALL))
    dataset = ray.data.from_items(
        [{"key": key, "text": text} for key, text in zip(keys, texts, strict=True)], override_num_blocks=blocks
    ).map_batches(
        _EmbedActor,
        fn_constructor_kwargs=actor_arguments(encoder),
        batch_size=ROWS_PER_CALL,
        batch_format="numpy",
        # An actor per block from the start, at most one per CPU. The pool shrinks to what survives a lost node.
        compute=ray.data.ActorPoolStrategy(min_size=1, max_size=actors, initial_size=min(actors, blocks)),
        num_cpus=1,
    )
    started = time.perf_counter()
    # The writes take no CPU of their own: the actors hold every CPU until the last batch, and a write that
    # waited for one would keep the whole run's vectors in the object store until then.
    run = shards.write(
        lambda folder: dataset.write_parquet(
            str(folder), min_rows_per_file=ROWS_PER_SHARD, ray_remote_args={"num_cpus": 0}
        )
    )
    log.info("embedded %d passages on the Ray cluster in %.1f s", len(texts), time.perf_counter() - started)
    started = time.perf_counter()
    found = shards.read(run, set(keys))
    log.info("read %d vectors back from the shards in %.1f s", len(found), time.perf_counter() - started)
    if len(found) != len(set(keys)):
        raise ClusterBuildFailed(f"the cluster returned {len(found)} vectors for {len(set(keys))} passages")
    return np.stack([found[key] for key in keys])


class ShardStore:
    """Parquet shards of (key, vector) for one model, in runs: one folder per cluster embedding that completed.

    A run is written under a `.partial` name and renamed when the write has finished, so a run that is
    visible is whole; one a failure cut short is never read, and is removed once it is an hour old.
    The store remembers the runs this build took vectors from or wrote: once the build is published, every
    other run holds nothing it uses (what it reused from the previous build is in its own embedding cache),
    and `prune` removes them.
    """

    def __init__(self, root: Path, model_id: str, dimension: int) -> None:
        self.folder = root / hashlib.sha256(model_id.encode()).hexdigest()[:16]
        self.dimension = dimension
        self.used: set[Path] = set()

    def runs(self) -> list[Path]:
        return sorted(p for p in self.folder.glob("run-*") if p.is_dir() and not p.name.endswith(".partial"))

    def write(self, write: Any) -> Path:
        """Call `write(folder)` on a new partial run and publish it as a complete run."""
        self.folder.mkdir(parents=True, exist_ok=True)
        self._drop_abandoned()
        run = self.folder / f"run-{time.strftime('%Y%m%d-%H%M%S')}-{uuid.uuid4().hex[:8]}"
        partial = run.with_name(run.name + ".partial")
        write(partial)
        partial.rename(run)
        self.used.add(run)
        return run

    def recall(self, keys: set[bytes]) -> Mapping[bytes, np.ndarray]:
        """The vectors of `keys` that any complete run holds."""
        found: dict[bytes, np.ndarray] = {}
        for run in self.runs():
            if vectors := self.read(run, keys - found.keys()):
                found.update(vectors)
                self.used.add(run)
        if found:
            log.info("%d passages found in the cluster's shards in %s", len(found), self.folder)
        return found

    def read(self, run: Path, keys: set[bytes]) -> dict[bytes, np.ndarray]:
        """The vectors of `keys` in one run, reading only the rows whose key is wanted."""
        if not keys:
            return {}
        import pyarrow as pa
        import pyarrow.dataset as ds

        wanted = pa.array(list(keys), type=pa.binary())
        table = ds.dataset(str(run), format="parquet").to_table(filter=ds.field("key").isin(wanted))
        vectors = np.frombuffer(b"".join(table.column("vector").to_pylist()), dtype=np.float32)
        return dict(zip(table.column("key").to_pylist(), vectors.reshape(-1, self.dimension), strict=True))

    def prune(self) -> list[Path]:
        """Remove the complete runs this build used nothing from; call it only once the build is published.
        Returns the runs removed."""
        unused = [run for run in self.runs() if run not in self.used]
        for run in unused:
            shutil.rmtree(run, ignore_errors=True)
        if unused:
            log.info("removed %d shard runs no build uses from %s", len(unused), self.folder)
        return unused

    def _drop_abandoned(self, after_s: float = 3600) -> None:
        for partial in self.folder.glob("run-*.partial"):
            if time.time() - partial.stat().st_mtime > after_s:
                shutil.rmtree(partial, ignore_errors=True)

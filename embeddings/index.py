"""The FAISS index and its passage table, kept on disk so that a crash never loses a good one.

Layout of the index folder: `CURRENT` names the complete build in use; each build is a folder
holding `index.faiss`, the entry table (`entries.npy`, `entry-documents.json`), `manifest.json` and
any payload files the caller adds.
A new build is written beside the old one and `CURRENT` is switched by an atomic rename, so a
reader sees either the old build or the new one, never half of one.

Every index type keeps the exact float32 vectors in a flat FAISS store (the flat index itself, the
HNSW graph's storage, or the refine stage behind IVF-PQ), so scores are always exact inner products
and `PassageIndex.vectors` is a view of that store, never a second copy. Builds, entry table included,
are loaded memory-mapped and read-only: server workers that load the same build share one copy in the
page cache.
"""

from __future__ import annotations

import json
import math
import os
import shutil
import time
from collections.abc import Mapping, Sequence
from dataclasses import asdict, dataclass, field, replace
from pathlib import Path
from typing import Any, Literal

import faiss
import numpy as np

from embeddings.entries import DOCS_FILE, ROWS_FILE, Entry, EntryTable
from embeddings.errors import QAError

FORMAT = 3
"""3: the entry table as memory-mapped uint32 columns. 2 (index types, memory-mapped FAISS) and 1 (flat
only) kept it in `entries.json`, parsed into Python objects by every process."""
_POINTER = "CURRENT"
_MANIFEST = "manifest.json"
_FILES = ("index.faiss", ROWS_FILE, DOCS_FILE, _MANIFEST)
_ABANDONED_AFTER_S = 3600
_MMAP = faiss.IO_FLAG_MMAP_IFC | faiss.IO_FLAG_READ_ONLY
"""Maps flat codes, HNSW graphs and inverted lists from the file instead of copying them into RAM."""

IndexType = Literal["flat", "hnsw", "ivf"]
INDEX_TYPES: tuple[IndexType, ...] = ("flat", "hnsw", "ivf")
FLAT_BELOW = 20_000
"""Passages under which `auto` picks exact search: a flat scan of 20k 384-d vectors is about 1-3 ms."""
IVF_FROM = 2_000_000
"""Passages from which `auto` picks IVF-PQ: HNSW's build time and graph memory grow past what one machine
comfortably holds (see bench/results/scale.json)."""
HNSW_M = 32
"""Graph neighbours per node; 32 is FAISS's usual choice for recall >= 0.95 on 100-1000-d embeddings."""
HNSW_EF_CONSTRUCTION = 200
"""Candidates weighed for each node's neighbours while the graph is built. At FAISS's default, 40, a search
could stall among the many near-duplicate entries of one long document (a paragraph, its sentences and
pairs) and miss another document's best entry: a wild dev question's evidence, at 0.59, was left out of
the 120 entries found, 98 of them the FCC order's, from 0.43 down. Over the wild collection's 33,597
entries, with the 196 dev questions of the four collections as queries, the exact best entry was missing
from 3 of the searches for 120 at efSearch 256 (2, 2, 1 with the entries added in three other orders), and
from none at 200 (none in any order), recall@10 0.988 -> 0.998 at the same search time. The build takes
2.6 times as long (24 s -> 61 s on two shared cores), which embedding the entries dwarfs."""


class IndexLoadError(QAError):
    """The index folder holds no usable build; the message says what is wrong."""


@dataclass(frozen=True)
class Manifest:
    """What a build was made from; a build whose model, corpus, index type or versions differ is stale."""

    model: str
    dimension: int
    corpus: str
    passages: int
    built_at: str
    index_type: IndexType = "flat"
    format: int = FORMAT
    versions: dict[str, str] = field(default_factory=dict)
    """Versions, by name, of what shaped the passages' text and offsets (parsers, sentence splitter): a
    build made with others would be quoted with offsets another version computed. Empty in builds made
    before versions were recorded."""
    corpus_dir: str | None = None
    """The folder of documents the build was made from, relative to the index folder (so a project moved or
    copied whole keeps its pairs): later commands read that folder, never another one by default. None in
    builds made before it was recorded."""
    decision: dict[str, Any] | None = None
    """The answer decision the caller fitted on this collection (`qa calibrate`); None until it fits one."""


@dataclass(frozen=True)
class SearchOptions:
    """Speed/recall knobs of the approximate index types, applied per search; flat ignores them."""

    hnsw_ef_search: int = 512
    """HNSW candidate list length; FAISS uses at least the number of results asked for. At 256 the wild
    collection's 65,303 entries missed the exact best entry in the 120 found for 2 of its 274 questions, at 512
    for none (search p50 0.42 -> 0.82 ms, a flat scan 10.8 ms); the sweep at 100k and 1M is in
    bench/results/scale.json."""
    ivf_nprobe: int = 64
    """IVF cells scanned per query."""
    ivf_rescore: int = 640
    """IVF-PQ candidates re-scored exactly against the stored vectors per search, however many results are
    asked for (at least that many): the cost of re-scoring stays fixed as the retriever asks deeper."""
    exact_filtered: int = 1_000
    """A search restricted to at most this many entries scores them exactly: an approximate index searched
    with a restriction that leaves few entries may miss some of them. Above it, the index searches with the
    restriction (FAISS ID selector), which was faster than gathering the entries' vectors: over 100,000
    random 384-dimension vectors, 500 entries took 1.5 ms exactly and 1.2 ms by selector (flat); 5,000
    took 45 ms and 13 ms."""


def rescore_factor(pool: int, wanted: int) -> int:
    """FAISS's refine k_factor that re-scores at least `pool` candidates for `wanted` results, and no fewer
    than `wanted`: a 640 pool is 64 per result at 10 results and 6 per result (720) at 120."""
    return max(1, math.ceil(pool / wanted))


def set_search_threads(threads: int) -> None:
    """FAISS threads for this process. One suits a server: a single query gains little from a second
    thread, and on a busy machine OpenMP's hand-offs cost more than the search (bench/scale.py: a flat
    20k search took 48 ms at p50 with two threads and 7 ms with one while other jobs ran)."""
    faiss.omp_set_num_threads(threads)


def choose_index_type(requested: str, passages: int) -> IndexType:
    """The index type to build: `requested` when forced, otherwise the one that fits `passages`."""
    if requested in INDEX_TYPES:
        return requested  # type: ignore[return-value]
    if requested != "auto":
        raise ValueError(f"index type must be auto, {', '.join(INDEX_TYPES)}; got {requested!r}")
    if passages < FLAT_BELOW:
        return "flat"
    return "hnsw" if passages < IVF_FROM else "ivf"


def ivf_layout(passages: int, dimension: int) -> tuple[int, int, int]:
    """(cells, PQ sub-quantizers, bits per code) for an IVF-PQ over `passages` vectors.

    Cells about 4 * sqrt(n), a power of two, with at least 39 training points each (FAISS's warning
    threshold); one 8-bit sub-quantizer per 8 dimensions; fewer bits when there are fewer than 256
    points to train a codebook on.
    """
    if passages < 1:
        raise ValueError("an IVF index needs at least one vector to train on")
    cells = 2 ** round(math.log2(max(1.0, 4 * math.sqrt(passages))))
    cells = max(1, min(cells, passages // 39))
    target = max(1, dimension // 8)
    subquantizers = max(m for m in range(1, target + 1) if dimension % m == 0)
    bits = min(8, max(1, int(math.log2(passages))))
    return cells, subquantizers, bits


def build_faiss(vectors: np.ndarray, index_type: IndexType) -> faiss.Index:
    """A FAISS inner-product index of `index_type` holding `vectors` (unit float32 rows)."""
    dimension = vectors.shape[1]
    if index_type == "flat":
        description = "Flat"
    elif index_type == "hnsw":
        description = f"HNSW{HNSW_M},Flat"
    else:
        cells, subquantizers, bits = ivf_layout(len(vectors), dimension)
        description = f"IVF{cells},PQ{subquantizers}x{bits},RFlat"
    index = faiss.index_factory(dimension, description, faiss.METRIC_INNER_PRODUCT)
    if index_type == "hnsw":
        index.hnsw.efConstruction = HNSW_EF_CONSTRUCTION
    if index_type == "ivf":
        # Polysemous codes speed up Hamming pre-filtering, which the refine step makes pointless; training them
        # takes longer than the rest of the build.
        faiss.downcast_index(faiss.extract_index_ivf(index)).do_polysemous_training = False
        index.train(_training_sample(vectors, cells))
    index.add(vectors)
    return index


def _training_sample(vectors: np.ndarray, cells: int) -> np.ndarray:
    """A fixed random sample of 64 rows per cell: k-means over every vector costs minutes at 1M, for no gain."""
    wanted = 64 * cells
    if len(vectors) <= wanted:
        return vectors
    rows = np.sort(np.random.default_rng(0).choice(len(vectors), wanted, replace=False))
    return np.ascontiguousarray(vectors[rows])


def _exact_store(index: faiss.Index) -> faiss.IndexFlat:
    """The flat index holding the exact vectors inside `index`."""
    if isinstance(index, faiss.IndexHNSW):
        index = faiss.downcast_index(index.storage)
    elif isinstance(index, faiss.IndexRefine):
        index = faiss.downcast_index(index.refine_index)
    if not isinstance(index, faiss.IndexFlat):
        raise ValueError(f"index holds no flat vector store: {type(index).__name__}")
    return index


def _vector_view(store: faiss.IndexFlat) -> np.ndarray:
    """A read-only numpy view of the store's vectors (memory-mapped when the store is); no copy."""
    if store.ntotal == 0:
        return np.zeros((0, store.d), dtype=np.float32)
    view = faiss.rev_swig_ptr(store.get_xb(), store.ntotal * store.d).reshape(store.ntotal, store.d)
    view.flags.writeable = False
    return view


def _search_parameters(
    index: faiss.Index, options: SearchOptions, k_factor: int, selector: faiss.IDSelector | None = None
) -> list[Any]:
    """FAISS per-search parameters, outermost first; later ones are referenced by the first (and must live as
    long). `k_factor` is the refine factor of an IVF-PQ; other index types ignore it. `selector` restricts
    the search to the entries it selects (for IVF-PQ, in the first stage: the second only re-scores)."""
    if isinstance(index, faiss.IndexHNSW):
        return [faiss.SearchParametersHNSW(efSearch=options.hnsw_ef_search, sel=selector)]
    if isinstance(index, faiss.IndexRefine):
        probe = faiss.SearchParametersIVF(nprobe=options.ivf_nprobe, sel=selector)
        return [faiss.IndexRefineSearchParameters(k_factor=k_factor, base_index_params=probe), probe]
    return [faiss.SearchParameters(sel=selector) if selector is not None else None]


def _exact_top(vectors: np.ndarray, allowed: np.ndarray, query: np.ndarray, n: int) -> list[tuple[int, float]]:
    """The `n` best of the `allowed` entries by exact inner product, best first, ties in position order."""
    scores = vectors[allowed] @ query
    best = np.argsort(-scores, kind="stable")[:n]
    return list(zip(allowed[best].tolist(), scores[best].tolist(), strict=True))


class PassageIndex:
    """Inner-product search over unit vectors (exact, HNSW or IVF-PQ), with the entry table beside it."""

    def __init__(
        self,
        vectors: np.ndarray,
        entries: Sequence[Entry],
        manifest: Manifest,
        options: SearchOptions | None = None,
    ) -> None:
        if vectors.ndim != 2 or vectors.shape[0] != len(entries):
            raise ValueError(f"{vectors.shape[0]} vectors for {len(entries)} entries")
        if vectors.shape[1] != manifest.dimension:
            raise ValueError(f"vectors have {vectors.shape[1]} dimensions, manifest says {manifest.dimension}")
        vectors = np.ascontiguousarray(vectors, dtype=np.float32)
        table = EntryTable.from_entries(entries)
        self._attach(build_faiss(vectors, manifest.index_type), table, manifest, options or SearchOptions())

    def _attach(self, index: faiss.Index, entries: EntryTable, manifest: Manifest, options: SearchOptions) -> None:
        if index.ntotal != len(entries) or index.d != manifest.dimension:
            raise ValueError(f"{index.ntotal} vectors of {index.d} dimensions for {len(entries)} entries")
        self._faiss = index
        self.vectors = _vector_view(_exact_store(index))
        self.entries = entries
        self.manifest = manifest
        self.options = options
        self._parameters: dict[int, list[Any]] = {}
        """Search parameters by refine factor: at most `ivf_rescore` of them, each made on first use."""
        self.build: Path | None = None
        """The build folder this index was loaded from; None for one built in memory."""

    def _parameters_for(self, n: int) -> Any:
        k_factor = rescore_factor(self.options.ivf_rescore, n)
        parameters = self._parameters.get(k_factor)
        if parameters is None:
            parameters = self._parameters[k_factor] = _search_parameters(self._faiss, self.options, k_factor)
        return parameters[0]

    def __len__(self) -> int:
        return len(self.entries)

    def search(self, query: np.ndarray, n: int, allowed: np.ndarray | None = None) -> list[tuple[int, float]]:
        """The `n` nearest entries to one query vector, as (entry position, score), best first.

        `allowed` (sorted entry positions) restricts the search to those entries before any ranking,
        so a filter never empties a result that the rest of the collection crowded out.
        """
        n = min(n, len(self.entries) if allowed is None else len(allowed))
        if n <= 0:
            return []
        query = np.asarray(query, dtype=np.float32).reshape(1, -1)
        if allowed is None:
            scores, ids = self._faiss.search(query, n, params=self._parameters_for(n))
        elif len(allowed) <= self.options.exact_filtered:
            return _exact_top(self.vectors, allowed, query[0], n)
        else:
            mask = np.zeros(len(self.entries), dtype=bool)
            mask[allowed] = True
            bits = np.packbits(mask, bitorder="little")
            selector = faiss.IDSelectorBitmap(len(self.entries), faiss.swig_ptr(bits))
            parameters = _search_parameters(
                self._faiss, self.options, rescore_factor(self.options.ivf_rescore, n), selector
            )
            scores, ids = self._faiss.search(query, n, params=parameters[0])
        # tolist() converts in C; a loop over numpy scalars costs more than a small search.
        return [(i, s) for i, s in zip(ids[0].tolist(), scores[0].tolist(), strict=True) if i >= 0]

    def save(self, folder: Path, payload: Mapping[str, bytes] | None = None) -> Path:
        """Write a new build and switch `CURRENT` to it; returns the build's folder."""
        folder.mkdir(parents=True, exist_ok=True)
        build = folder / f"build-{time.strftime('%Y%m%d-%H%M%S')}-{os.getpid()}-{time.monotonic_ns()}"
        partial = build.with_name(build.name + ".partial")
        partial.mkdir()
        try:
            _write_index(self._faiss, partial / "index.faiss")
            for name, data in {**self.entries.files(), **(payload or {})}.items():
                _write(partial / name, data)
            _write(partial / _MANIFEST, json.dumps(asdict(self.manifest), indent=2).encode())
            _fsync_dir(partial)
            partial.rename(build)
            pointer = folder / (_POINTER + ".tmp")
            _write(pointer, build.name.encode())
            os.replace(pointer, folder / _POINTER)
            _fsync_dir(folder)
        except BaseException:
            shutil.rmtree(partial, ignore_errors=True)
            raise
        _remove_old_builds(folder, keep=build.name)
        return build

    @classmethod
    def load(cls, folder: Path, options: SearchOptions | None = None) -> tuple[PassageIndex, Path]:
        """Load the build `CURRENT` names, memory-mapped; returns the index and the build folder.

        The mapping stays valid after a newer build replaces this one and its files are deleted
        (Linux keeps unlinked mapped files alive), so a running server keeps answering.
        """
        build = current_build(folder)
        manifest = _read_manifest(build)
        try:
            entries = EntryTable.load(build)
            index = faiss.read_index(str(build / "index.faiss"), _MMAP)
            loaded = cls.__new__(cls)
            loaded._attach(index, entries, manifest, options or SearchOptions())
            loaded.build = build
            return loaded, build
        except (OSError, ValueError, TypeError, KeyError, RuntimeError) as error:
            raise IndexLoadError(f"index build {build} is damaged: {error}") from error


def pointed_build(folder: Path) -> Path:
    """The build folder `CURRENT` points to, unchecked: a build of an older format still holds embeddings
    worth reusing."""
    pointer = folder / _POINTER
    if not pointer.is_file():
        raise IndexLoadError(f"no index in {folder}")
    build = folder / pointer.read_text(encoding="utf-8").strip()
    if build.parent != folder:
        raise IndexLoadError(f"index in {folder} is incomplete: {_POINTER} names no build folder in it")
    return build


def current_build(folder: Path) -> Path:
    """The build folder `CURRENT` points to, checked to be complete."""
    build = pointed_build(folder)
    if not all((build / name).is_file() for name in _FILES):
        if (build / _MANIFEST).is_file():
            _read_manifest(build)  # a build of another format has other files: say that, not "incomplete"
        raise IndexLoadError(f"index in {folder} is incomplete: {build.name} is missing files")
    return build


def read_manifest(folder: Path) -> Manifest:
    """The manifest of the current build, without loading any vectors."""
    return _read_manifest(current_build(folder))


def update_manifest(folder: Path, **changes: Any) -> Manifest:
    """Change fields of the current build's manifest in place; the file is replaced whole, never half written.

    The caller holds the index's build lock, so no new build switches `CURRENT` meanwhile.
    """
    build = current_build(folder)
    manifest = replace(_read_manifest(build), **changes)
    staged = build / (_MANIFEST + ".tmp")
    _write(staged, json.dumps(asdict(manifest), indent=2).encode())
    os.replace(staged, build / _MANIFEST)
    _fsync_dir(build)
    return manifest


def _read_manifest(build: Path) -> Manifest:
    """The build's manifest; a build of another format is refused before its fields are read."""
    try:
        fields = json.loads((build / _MANIFEST).read_text(encoding="utf-8"))
        written = fields.get("format")
        if written != FORMAT:
            raise IndexLoadError(
                f"index build {build} is in format {written}; this version reads format {FORMAT} only, "
                "so the index must be rebuilt"
            )
        manifest = Manifest(**fields)
    except (OSError, ValueError, TypeError, AttributeError) as error:
        raise IndexLoadError(f"index manifest in {build} is damaged: {error}") from error
    if not isinstance(manifest.versions, dict) or not all(
        isinstance(name, str) and isinstance(version, str) for name, version in manifest.versions.items()
    ):
        raise IndexLoadError(f"index manifest in {build} has versions that are not names and version strings")
    if manifest.index_type not in INDEX_TYPES:
        raise IndexLoadError(f"index manifest in {build} names an unknown index type {manifest.index_type!r}")
    return manifest


def _write_index(index: faiss.Index, path: Path) -> None:
    """`faiss.write_index` through a Python file, so a full disk is the OSError (ENOSPC) it is, not FAISS's
    RuntimeError, and the file is on disk (fsync) before `CURRENT` can name its build."""
    with open(path, "wb") as handle:
        faiss.write_index(index, faiss.PyCallbackIOWriter(handle.write))
        handle.flush()
        os.fsync(handle.fileno())


def _write(path: Path, data: bytes) -> None:
    with open(path, "wb") as handle:
        handle.write(data)
        handle.flush()
        os.fsync(handle.fileno())


def _fsync_dir(path: Path) -> None:
    fd = os.open(path, os.O_RDONLY)
    try:
        os.fsync(fd)
    finally:
        os.close(fd)


def _remove_old_builds(folder: Path, keep: str) -> None:
    """Drop superseded builds, and partial ones a crash left over an hour ago.

    A recent partial build may belong to another `qa index` still running, so it stays.
    """
    for child in folder.iterdir():
        if not child.is_dir() or not child.name.startswith("build-") or child.name == keep:
            continue
        abandoned = time.time() - child.stat().st_mtime > _ABANDONED_AFTER_S
        if not child.name.endswith(".partial") or abandoned:
            shutil.rmtree(child, ignore_errors=True)

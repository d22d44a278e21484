"""The FAISS index and its passage table, kept on disk so that a crash never loses a good one.

Layout of the index folder: `CURRENT` names the complete build in use; each build is a folder
holding `index.faiss`, `entries.json`, `manifest.json` and any payload files the caller adds.
A new build is written beside the old one and `CURRENT` is switched by an atomic rename, so a
reader sees either the old build or the new one, never half of one.
"""

from __future__ import annotations

import json
import os
import shutil
import time
from collections.abc import Mapping, Sequence
from dataclasses import asdict, dataclass
from pathlib import Path

import faiss
import numpy as np

FORMAT = 1
_POINTER = "CURRENT"
_FILES = ("index.faiss", "entries.json", "manifest.json")
_ABANDONED_AFTER_S = 3600


class IndexLoadError(Exception):
    """The index folder holds no usable build; the message says what is wrong."""


@dataclass(frozen=True)
class Entry:
    """What one vector encodes: `text[start:end]` of paragraph `paragraph` of document `doc_id`."""

    doc_id: str
    paragraph: int
    start: int
    end: int


@dataclass(frozen=True)
class Manifest:
    """What a build was made from; a build whose model or corpus differs is stale."""

    model: str
    dimension: int
    corpus: str
    passages: int
    built_at: str
    format: int = FORMAT


class PassageIndex:
    """Exact inner-product search over unit vectors, with the entry table beside it."""

    def __init__(self, vectors: np.ndarray, entries: Sequence[Entry], manifest: Manifest) -> None:
        if vectors.ndim != 2 or vectors.shape[0] != len(entries):
            raise ValueError(f"{vectors.shape[0]} vectors for {len(entries)} entries")
        if vectors.shape[1] != manifest.dimension:
            raise ValueError(f"vectors have {vectors.shape[1]} dimensions, manifest says {manifest.dimension}")
        self.vectors = np.ascontiguousarray(vectors, dtype=np.float32)
        self.entries = tuple(entries)
        self.manifest = manifest
        self._faiss = faiss.IndexFlatIP(manifest.dimension)
        self._faiss.add(self.vectors)

    def __len__(self) -> int:
        return len(self.entries)

    def search(self, query: np.ndarray, n: int) -> list[tuple[int, float]]:
        """The `n` nearest entries to one query vector, as (entry position, score), best first."""
        n = min(n, len(self.entries))
        if n <= 0:
            return []
        scores, ids = self._faiss.search(np.asarray(query, dtype=np.float32).reshape(1, -1), n)
        return [(int(i), float(s)) for i, s in zip(ids[0], scores[0], strict=True) if i >= 0]

    def save(self, folder: Path, payload: Mapping[str, bytes] | None = None) -> Path:
        """Write a new build and switch `CURRENT` to it; returns the build's folder."""
        folder.mkdir(parents=True, exist_ok=True)
        build = folder / f"build-{time.strftime('%Y%m%d-%H%M%S')}-{os.getpid()}-{time.monotonic_ns()}"
        partial = build.with_name(build.name + ".partial")
        partial.mkdir()
        try:
            faiss.write_index(self._faiss, str(partial / "index.faiss"))
            _write(partial / "entries.json", json.dumps([asdict(e) for e in self.entries]).encode())
            for name, data in (payload or {}).items():
                _write(partial / name, data)
            _write(partial / "manifest.json", json.dumps(asdict(self.manifest), indent=2).encode())
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
    def load(cls, folder: Path) -> tuple[PassageIndex, Path]:
        """Load the build `CURRENT` names; returns the index and the build folder."""
        build = current_build(folder)
        try:
            manifest = Manifest(**json.loads((build / "manifest.json").read_text(encoding="utf-8")))
            if manifest.format != FORMAT:
                raise IndexLoadError(f"index format {manifest.format} in {build}, this version reads {FORMAT}")
            entries = [Entry(**row) for row in json.loads((build / "entries.json").read_text(encoding="utf-8"))]
            flat = faiss.read_index(str(build / "index.faiss"))
            vectors = flat.reconstruct_n(0, flat.ntotal) if flat.ntotal else np.zeros((0, manifest.dimension))
            return cls(np.asarray(vectors), entries, manifest), build
        except IndexLoadError:
            raise
        except (OSError, ValueError, TypeError, KeyError, RuntimeError) as error:
            raise IndexLoadError(f"index build {build} is damaged: {error}") from error


def current_build(folder: Path) -> Path:
    """The build folder `CURRENT` points to, checked to be complete."""
    pointer = folder / _POINTER
    if not pointer.is_file():
        raise IndexLoadError(f"no index in {folder}")
    build = folder / pointer.read_text(encoding="utf-8").strip()
    if build.parent != folder or not all((build / name).is_file() for name in _FILES):
        raise IndexLoadError(f"index in {folder} is incomplete: {build.name} is missing files")
    return build


def read_manifest(folder: Path) -> Manifest:
    """The manifest of the current build, without loading any vectors."""
    build = current_build(folder)
    try:
        return Manifest(**json.loads((build / "manifest.json").read_text(encoding="utf-8")))
    except (OSError, ValueError, TypeError) as error:
        raise IndexLoadError(f"index manifest in {build} is damaged: {error}") from error


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

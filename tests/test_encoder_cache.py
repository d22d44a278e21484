"""Where `qa ask` finds the exported question encoder: the index folder's, else the one a full index folder sent
to the user's cache, so the graph is exported once and not again at every start."""

from __future__ import annotations

from pathlib import Path

from embeddings.onnx_model import TOKENIZER_FILE, onnx_path
from qa.assistant import ENCODER_CACHE, current_model_id, encoder_cache
from qa.settings import Settings


def _exported(cache: Path, settings: Settings) -> None:
    graph = onnx_path(cache, current_model_id(settings), settings.encoder_backend)
    graph.parent.mkdir(parents=True)
    graph.write_bytes(b"graph")
    (graph.parent / TOKENIZER_FILE).write_bytes(b"{}")


def test_an_encoder_exported_into_the_user_cache_is_used_while_the_index_folder_has_none(tmp_path: Path) -> None:
    settings = Settings(index_dir=tmp_path / "index", cache_dir=tmp_path / "cache")
    settings.index_dir.mkdir()
    _exported(tmp_path / "cache" / ENCODER_CACHE, settings)
    assert encoder_cache(settings) == tmp_path / "cache" / ENCODER_CACHE


def test_the_index_folders_own_encoder_comes_first(tmp_path: Path) -> None:
    settings = Settings(index_dir=tmp_path / "index", cache_dir=tmp_path / "cache")
    _exported(tmp_path / "cache" / ENCODER_CACHE, settings)
    _exported(tmp_path / "index" / ENCODER_CACHE, settings)
    assert encoder_cache(settings) == tmp_path / "index" / ENCODER_CACHE

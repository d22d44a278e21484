"""`qa index` on a build of the same documents that lacks what this version saves with a build."""

from __future__ import annotations

from pathlib import Path

import pytest

from cli.main import main
from embeddings import Encoder
from embeddings.index import current_build
from embeddings.onnx_model import is_exported, onnx_path
from qa.assistant import ENCODER_CACHE
from qa.lexical_index import LEXICON_FILE, LEXICON_FILES
from tests.conftest import build_small


def test_qa_index_rebuilds_a_build_saved_without_word_statistics(
    tmp_path: Path, north38_opening: str, encoder: Encoder, capsys: pytest.CaptureFixture[str]
) -> None:
    root = build_small(tmp_path, north38_opening, encoder)
    old = current_build(root / "index")
    for name in LEXICON_FILES:  # as an older version saved it
        (old / name).unlink()
    assert main(["index", "--corpus", str(root / "corpus"), "--index", str(root / "index")]) == 0
    said = capsys.readouterr().out
    assert f"building the index: the index build {old} has no saved word statistics" in said
    assert current_build(root / "index") != old
    assert (current_build(root / "index") / LEXICON_FILE).is_file()


def test_qa_index_keeps_a_fresh_build_the_library_made_and_only_exports_the_query_graph(
    tmp_path: Path, north38_opening: str, encoder: Encoder, capsys: pytest.CaptureFixture[str]
) -> None:
    """`build_index` (the library, a benchmark, a server's reindex) exports no ONNX query graph; `qa index` on the
    unchanged corpus then has nothing to rebuild, only the graph to write."""
    root = build_small(tmp_path, north38_opening, encoder)
    built = current_build(root / "index")
    assert main(["index", "--corpus", str(root / "corpus"), "--index", str(root / "index")]) == 0
    said = capsys.readouterr().out
    assert current_build(root / "index") == built
    assert "is up to date with" in said
    assert "building the index" not in said and "indexed" not in said
    assert is_exported(onnx_path(root / "index" / ENCODER_CACHE, encoder.model_id, "onnx"))

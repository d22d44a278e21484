"""`qa index` on a build of the same documents that lacks what this version saves with a build."""

from __future__ import annotations

from pathlib import Path

import pytest

from cli.main import main
from embeddings import Encoder
from embeddings.index import current_build
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

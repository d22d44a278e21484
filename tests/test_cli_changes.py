"""`qa add` and `qa remove` in this process: the file goes into or out of the index's own folder, and the
command says which documents changed."""

from __future__ import annotations

from pathlib import Path

import pytest

from cli.main import main
from embeddings import Encoder
from qa.indexing import indexed_articles
from tests.conftest import build_small

NOTE = "Water in the camps\n\nThe committee found that detainees had no clean water for three weeks.\n"


def test_qa_add_then_qa_remove_change_the_folder_and_the_index_and_say_which_documents(
    tmp_path: Path, north38_opening: str, encoder: Encoder, capsys: pytest.CaptureFixture[str]
) -> None:
    root = build_small(tmp_path, north38_opening, encoder)
    (tmp_path / "water.txt").write_text(NOTE, encoding="utf-8")
    index = ["--index", str(root / "index")]
    assert main(["add", str(tmp_path / "water.txt"), *index]) == 0
    assert capsys.readouterr().out.startswith("changed water-1\nindexed 2 documents")
    assert (root / "corpus" / "water.txt").read_text(encoding="utf-8") == NOTE
    assert "water-1" in {article.id for article in indexed_articles(root / "index")}
    assert main(["remove", "water-1", *index]) == 0
    assert capsys.readouterr().out.startswith("changed water-1\nindexed 1 documents")
    assert not (root / "corpus" / "water.txt").exists()
    assert "water-1" not in {article.id for article in indexed_articles(root / "index")}

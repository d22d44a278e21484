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


@pytest.fixture
def no_model(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """QA_MODEL_DIR naming an empty folder: a command that loads the model fails saying so."""
    (tmp_path / "no-model").mkdir()
    monkeypatch.setenv("QA_MODEL_DIR", str(tmp_path / "no-model"))


def test_qa_remove_of_an_id_not_in_the_index_says_so_before_loading_the_model(
    tmp_path: Path, north38_opening: str, encoder: Encoder, no_model: None, capsys: pytest.CaptureFixture[str]
) -> None:
    root = build_small(tmp_path, north38_opening, encoder)
    assert main(["remove", "not-there-1", "--index", str(root / "index")]) == 2
    assert capsys.readouterr().err == "error: no document with id 'not-there-1'\n"


def test_qa_add_of_a_file_that_is_no_document_says_so_before_loading_the_model(
    tmp_path: Path, north38_opening: str, encoder: Encoder, no_model: None, capsys: pytest.CaptureFixture[str]
) -> None:
    root = build_small(tmp_path, north38_opening, encoder)
    (tmp_path / "report.docx").write_bytes(b"not a zip archive at all, whatever the name says")
    assert main(["add", str(tmp_path / "report.docx"), "--index", str(root / "index")]) == 2
    assert capsys.readouterr().err.startswith("error: report.docx: not a Word document (not a zip archive")
    assert not (root / "corpus" / "report.docx").exists()

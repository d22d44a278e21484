"""The document store: a start maps it and decodes no document; an answer decodes the few it quotes."""

from __future__ import annotations

import logging
import shutil
from pathlib import Path

import numpy as np
import pytest

import qa.documents
from embeddings import Encoder
from embeddings.index import current_build
from qa import Assistant, Settings
from qa.corpus import Article, Paragraph, articles_to_json
from qa.documents import ARTICLES_FILE, DOCUMENT_FILES, Documents, Header, documents_files, unsaved_store
from tests.golden import questions


def _articles() -> list[Article]:
    return [
        Article(
            "report-1",
            "Camp 22: A Report",
            "Jane Roe",
            "2014-02-07",
            "report.pdf",
            (Paragraph(1, "Prisoners [1] testified.", 0, "text", "Camps", 2), Paragraph(2, "Camp 22 closed.", 26)),
            {1: "Testimony of 2013."},
            "https://example.org/report",
        ),
        Article("notes-1", None, None, None, "notes.txt", (Paragraph(1, "Über die Lager.", 0),)),
    ]


def _saved(folder: Path, articles: list[Article]) -> Path:
    for name, data in documents_files(articles).items():
        (folder / name).write_bytes(data)
    return folder


def test_a_saved_store_reads_back_every_document_as_it_was_indexed(tmp_path: Path) -> None:
    articles = _articles()
    assert list(Documents.load(_saved(tmp_path, articles))) == articles


def test_a_saved_store_is_mapped_and_decodes_no_document_until_one_is_asked_for(tmp_path: Path) -> None:
    documents = Documents.load(_saved(tmp_path, _articles()))
    assert isinstance(documents._rows.base, np.memmap)
    assert len(documents._decoded) == 0
    assert documents.by_id("notes-1").paragraphs[0].text == "Über die Lager."
    assert list(documents._decoded) == [1]


def test_documents_kept_decoded_are_bounded_by_the_size_of_their_rows(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    documents = Documents.load(_saved(tmp_path, _articles()))
    monkeypatch.setattr(qa.documents, "_KEPT_BYTES", 1)
    documents.by_id("report-1")
    documents.by_id("notes-1")
    assert list(documents._decoded) == [1]


def test_paragraphs_are_numbered_across_the_collection_in_document_order(tmp_path: Path) -> None:
    documents = Documents.load(_saved(tmp_path, _articles()))
    assert [(article.id, paragraph.index) for article, paragraph in map(documents.paragraph, range(3))] == [
        ("report-1", 1),
        ("report-1", 2),
        ("notes-1", 1),
    ]


def test_the_headers_and_name_words_come_from_the_store_without_decoding_a_document(tmp_path: Path) -> None:
    documents = Documents.load(_saved(tmp_path, _articles()))
    assert documents.headers == (
        Header("report-1", "Camp 22: A Report", "Jane Roe", "2014-02-07"),
        Header("notes-1", None, None, None),
    )
    assert documents.name_terms == {"camp", "22", "report", "jane", "roe"}
    assert len(documents._decoded) == 0


def test_a_build_saved_before_the_store_is_read_from_its_articles_and_says_so(
    tmp_path: Path, caplog: pytest.LogCaptureFixture
) -> None:
    articles = _articles()
    (tmp_path / ARTICLES_FILE).write_bytes(articles_to_json(articles))
    with caplog.at_level(logging.WARNING, logger="qa.documents"):
        documents = Documents.load(tmp_path)
    assert "re-run `qa index`" in caplog.text
    assert list(documents) == articles


def test_a_build_saved_before_the_store_is_one_qa_index_saves_again(tmp_path: Path) -> None:
    (tmp_path / ARTICLES_FILE).write_bytes(articles_to_json(_articles()))
    assert (
        unsaved_store(tmp_path) == f"the index build {tmp_path} has no document store (it was made by an older version)"
    )
    assert unsaved_store(_saved(tmp_path, _articles())) is None


def test_a_store_whose_offsets_do_not_fit_its_rows_is_refused(tmp_path: Path) -> None:
    folder = _saved(tmp_path, _articles())
    (folder / "document-rows.npy").write_bytes(documents_files(_articles()[:1])["document-rows.npy"])
    with pytest.raises(ValueError, match="document-rows.npy holds"):
        Documents.load(folder)


def test_a_start_builds_no_table_per_entry_and_decodes_no_document(assistant: Assistant, encoder: Encoder) -> None:
    loaded = Assistant.load(assistant.settings, encoder)
    assert isinstance(loaded.articles._rows.base, np.memmap)
    assert len(loaded.articles._decoded) == 0
    assert isinstance(loaded.retriever._paragraph_of, np.ndarray)
    assert isinstance(loaded.retriever._by_paragraph, np.ndarray)


def test_an_old_build_without_the_store_answers_as_one_with_it(
    assistant: Assistant, encoder: Encoder, tmp_path: Path
) -> None:
    old = tmp_path / "index"
    shutil.copytree(assistant.settings.index_dir, old)
    for name in DOCUMENT_FILES:
        (current_build(old) / name).unlink()
    settings = Settings(corpus_dir=assistant.settings.corpus_dir, index_dir=old)
    with_store = Assistant.load(assistant.settings, encoder)
    without = Assistant.load(settings, encoder)
    asked = questions()[:10]
    assert [without.ask(q, 3, "hybrid").text for q in asked] == [with_store.ask(q, 3, "hybrid").text for q in asked]

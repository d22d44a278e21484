"""Re-indexing embeds only new text: unchanged and renamed files cost nothing, removed ones drop out."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from embeddings import Encoder, PassageIndex
from embeddings.cache import CACHE_FILE, EmbeddingCache
from qa.indexing import IndexReport, build_index, indexed_articles
from qa.passages import index_entries
from qa.settings import PROJECT_ROOT

FIXTURES = PROJECT_ROOT / "eval" / "formats"
MD = "prison-food-rations.md"
HTML = "border-closures.html"


@pytest.fixture
def folder(tmp_path: Path) -> Path:
    corpus = tmp_path / "corpus"
    corpus.mkdir()
    shutil.copy(FIXTURES / MD, corpus / MD)
    return corpus


def build(corpus: Path, encoder: Encoder) -> IndexReport:
    return build_index(corpus, corpus.parent / "index", encoder, progress=False)


def test_unchanged_folder_embeds_nothing(folder: Path, encoder: Encoder) -> None:
    first = build(folder, encoder)
    again = build(folder, encoder)
    assert first.embedded == first.passages > 0
    assert (again.embedded, again.new_documents, again.new_footnotes) == (0, 0, 0)
    assert "0 passages embedded; reused: 1 documents, 3 footnotes" in again.summary()


def test_renamed_file_is_not_re_embedded(folder: Path, encoder: Encoder) -> None:
    build(folder, encoder)
    (folder / MD).rename(folder / "rations.md")
    report = build(folder, encoder)
    index, _ = PassageIndex.load(folder.parent / "index")
    assert report.embedded == 0
    assert {entry.doc_id for entry in index.entries} == {"rations-1"}


def test_edited_paragraph_embeds_only_its_new_passages(folder: Path, encoder: Encoder) -> None:
    first = build(folder, encoder)
    path = folder / MD
    path.write_text(path.read_text(encoding="utf-8").replace("300 grams", "250 grams"), encoding="utf-8")
    report = build(folder, encoder)
    assert 0 < report.embedded < first.passages / 2
    assert report.new_documents == 1


def test_removed_document_drops_out_of_index_and_cache(folder: Path, encoder: Encoder) -> None:
    shutil.copy(FIXTURES / HTML, folder / HTML)
    both = build(folder, encoder)
    (folder / HTML).unlink()
    report = build(folder, encoder)
    index, _ = PassageIndex.load(folder.parent / "index")
    cache = EmbeddingCache.load(folder.parent / "index", encoder.model_id, encoder.dimension)
    assert (both.documents, report.documents, report.embedded) == (2, 1, 0)
    assert {entry.doc_id for entry in index.entries} == {"prison-food-rations-1"}
    assert len(cache) == len({text for _, text in index_entries(indexed_articles(folder.parent / "index"))})


def test_cache_from_another_model_is_ignored(folder: Path, encoder: Encoder) -> None:
    build(folder, encoder)
    index_dir = folder.parent / "index"
    assert len(EmbeddingCache.load(index_dir, encoder.model_id, encoder.dimension)) > 0
    assert len(EmbeddingCache.load(index_dir, "another-model", encoder.dimension)) == 0
    assert any(index_dir.glob(f"build-*/{CACHE_FILE}"))


def test_skipped_files_are_reported_with_reasons_and_the_rest_indexed(folder: Path, encoder: Encoder) -> None:
    (folder / "slides.pptx").write_bytes(b"PK")
    (folder / "empty.html").write_bytes(b"")
    report = build(folder, encoder)
    assert report.documents == 1
    assert dict(report.skipped) == {
        "empty.html": "the file is empty",
        "slides.pptx": "unsupported format (.pptx); supported: .txt, .md, .markdown, .html, .htm, .pdf, .docx",
    }
    assert "skipped empty.html: the file is empty" in report.summary()

"""The index on disk: round trip, rebuild only on change, and no half-written build ever served."""

from __future__ import annotations

from importlib.metadata import version
from pathlib import Path

import numpy as np
import pytest

from embeddings import Encoder, Entry, IndexLoadError, Manifest, PassageIndex
from embeddings.entries import DOCS_FILE, ROWS_FILE
from embeddings.index import FORMAT, SearchOptions, choose_index_type, current_build, read_manifest, rescore_factor
from qa import Assistant, Settings
from qa.corpus import PARSER_VERSION
from qa.errors import IndexUnavailable
from qa.indexing import build_index, corpus_fingerprint, stale_reason, text_versions
from tests.conftest import NORTH38, Built


def test_index_round_trips_vectors_entries_and_manifest(tmp_path: Path) -> None:
    vectors = np.eye(4, dtype=np.float32)[:3]
    entries = [Entry("doc-1", i + 1, 0, 5) for i in range(3)]
    manifest = Manifest(model="m", dimension=4, corpus="c", passages=3, built_at="now")
    PassageIndex(vectors, entries, manifest).save(tmp_path)
    loaded, _ = PassageIndex.load(tmp_path)
    assert np.array_equal(loaded.vectors, vectors)
    assert list(loaded.entries) == entries
    assert loaded.manifest == manifest
    assert loaded.search(vectors[1], 1) == [(1, pytest.approx(1.0))]


def test_missing_index_is_reported_not_crashed(tmp_path: Path) -> None:
    with pytest.raises(IndexLoadError, match="no index in"):
        PassageIndex.load(tmp_path)


def test_an_unfinished_build_never_replaces_the_current_one(tmp_path: Path) -> None:
    manifest = Manifest(model="m", dimension=2, corpus="c", passages=1, built_at="now")
    build = PassageIndex(np.ones((1, 2), dtype=np.float32), [Entry("d", 1, 0, 1)], manifest).save(tmp_path)
    (tmp_path / "build-crashed.partial").mkdir()  # what a kill -9 mid-build leaves behind
    assert current_build(tmp_path) == build


def test_damaged_index_tells_the_user_to_rebuild(settings: Settings, encoder: Encoder, tmp_path: Path) -> None:
    broken = settings.model_copy(update={"index_dir": tmp_path})
    (tmp_path / "CURRENT").write_text("build-gone")
    with pytest.raises(IndexUnavailable, match="qa index"):
        Assistant.load(broken, encoder)


def test_index_is_stale_only_when_the_corpus_changes(north38_copy: Built, encoder: Encoder) -> None:
    corpus, index_dir = north38_copy.corpus, north38_copy.index
    assert (north38_copy.report.documents, north38_copy.report.footnotes) == (1, 27)
    assert stale_reason(index_dir, corpus, encoder.model_id) is None
    path = corpus / NORTH38
    path.write_text(path.read_text(encoding="utf-8").replace("may or may not", "might or might not"), encoding="utf-8")
    assert stale_reason(index_dir, corpus, encoder.model_id) == f"the documents in {corpus} changed since the build"


def test_unreadable_file_is_skipped_with_its_reason(north38_copy: Built, encoder: Encoder) -> None:
    broken = north38_copy.corpus / "broken.txt"
    broken.write_bytes(bytes.fromhex("89504e470d0a1a0a0000000d4948445200") + bytes(range(256)))
    report = build_index(north38_copy.corpus, north38_copy.index, encoder, progress=False)
    assert report.documents == 1
    assert report.skipped[0][0] == "broken.txt"
    assert "not text" in report.skipped[0][1]


def test_long_paragraphs_are_searchable_past_the_model_window(assistant: Assistant, encoder: Encoder) -> None:
    barter = next(p for a in assistant.articles for p in a.paragraphs if p.text.startswith("Holding a dialogue"))
    assert encoder.count_tokens(barter.text) > encoder.max_tokens
    hits = assistant.retriever.search("How many prisoners are held in the political prison labor camps?", 3)
    assert barter in [hit.paragraph for hit in hits]


@pytest.fixture(scope="module")
def clustered() -> np.ndarray:
    """600 unit vectors of 32 dimensions around 20 topics: enough to train an IVF-PQ, small enough to be quick."""
    rng = np.random.default_rng(7)
    centres = rng.standard_normal((20, 32)).astype(np.float32)
    rows = centres[rng.integers(0, 20, 600)] + rng.standard_normal((600, 32)).astype(np.float32)
    return rows / np.linalg.norm(rows, axis=1, keepdims=True)


def _index(vectors: np.ndarray, index_type: str, options: SearchOptions | None = None) -> PassageIndex:
    entries = [Entry("doc", i + 1, 0, 1) for i in range(len(vectors))]
    manifest = Manifest("m", vectors.shape[1], "c", len(vectors), "now", index_type=index_type)  # type: ignore[arg-type]
    return PassageIndex(vectors, entries, manifest, options)


def test_auto_keeps_small_collections_exact_and_picks_approximate_indexes_for_large_ones() -> None:
    assert [choose_index_type("auto", n) for n in (400, 19_999, 20_000, 1_000_000, 2_000_000)] == [
        "flat",
        "flat",
        "hnsw",
        "hnsw",
        "ivf",
    ]


def test_a_forced_index_type_wins_over_the_collection_size() -> None:
    assert choose_index_type("ivf", 400) == "ivf"


def test_an_unknown_index_type_is_named_in_the_error() -> None:
    with pytest.raises(ValueError, match="'annoy'"):
        choose_index_type("annoy", 400)


def test_the_bundled_corpus_is_indexed_exactly(assistant: Assistant) -> None:
    assert assistant.index.manifest.index_type == "flat"


@pytest.mark.parametrize("index_type", ["flat", "hnsw", "ivf"])
def test_every_index_type_round_trips_and_finds_what_it_found_before_saving(
    index_type: str, clustered: np.ndarray, tmp_path: Path
) -> None:
    built = _index(clustered, index_type)
    built.save(tmp_path)
    loaded, _ = PassageIndex.load(tmp_path)
    assert loaded.manifest.index_type == index_type
    assert np.array_equal(loaded.vectors, clustered)
    assert loaded.search(clustered[5], 5) == built.search(clustered[5], 5)


@pytest.mark.parametrize("index_type", ["hnsw", "ivf"])
def test_approximate_indexes_score_exactly_and_agree_with_flat_on_small_data(
    index_type: str, clustered: np.ndarray
) -> None:
    exact = _index(clustered, "flat").search(clustered[11], 5)
    assert _index(clustered, index_type).search(clustered[11], 5) == [(i, pytest.approx(s)) for i, s in exact]


def test_a_loaded_index_maps_its_vectors_from_the_file_read_only(clustered: np.ndarray, tmp_path: Path) -> None:
    build = _index(clustered, "hnsw").save(tmp_path)
    loaded, _ = PassageIndex.load(tmp_path)
    mapped = [line for line in Path("/proc/self/maps").read_text().splitlines() if str(build / "index.faiss") in line]
    assert mapped, "index.faiss is not memory-mapped"
    assert not loaded.vectors.flags.writeable


def test_a_loaded_index_maps_its_entry_table_from_the_file(clustered: np.ndarray, tmp_path: Path) -> None:
    build = _index(clustered, "flat").save(tmp_path)
    loaded, _ = PassageIndex.load(tmp_path)
    assert str(build / ROWS_FILE) in Path("/proc/self/maps").read_text(), "entries.npy is not memory-mapped"
    assert loaded.entries[5] == Entry("doc", 6, 0, 1)


def test_a_cut_short_entry_table_is_named_in_the_load_error(clustered: np.ndarray, tmp_path: Path) -> None:
    rows = _index(clustered, "flat").save(tmp_path) / ROWS_FILE
    rows.write_bytes(rows.read_bytes()[:-16])
    with pytest.raises(IndexLoadError, match="is damaged: entries.npy is cut short or is not an entry table"):
        PassageIndex.load(tmp_path)


def test_an_entry_table_naming_a_missing_document_is_refused(clustered: np.ndarray, tmp_path: Path) -> None:
    (_index(clustered, "flat").save(tmp_path) / DOCS_FILE).write_text("[]")
    with pytest.raises(IndexLoadError, match="entry rows name document 0 of only 0"):
        PassageIndex.load(tmp_path)


def test_ivf_rescores_a_fixed_pool_however_many_results_are_asked_for() -> None:
    assert [rescore_factor(640, wanted) for wanted in (3, 10, 120, 640, 1000)] == [214, 64, 6, 1, 1]


def test_ivf_returns_every_result_asked_for_when_the_pool_is_smaller(clustered: np.ndarray) -> None:
    exact = _index(clustered, "flat").search(clustered[11], 20)
    found = _index(clustered, "ivf", SearchOptions(ivf_rescore=1)).search(clustered[11], 20)
    assert len(found) == 20
    assert found[0] == (exact[0][0], pytest.approx(exact[0][1]))


def _make_older(build: Path, written: int) -> None:
    """Turn a build into one of format `written`: its entry table in entries.json, the format in the manifest."""
    for name in (ROWS_FILE, DOCS_FILE):
        (build / name).unlink()
    (build / "entries.json").write_text('[{"doc_id": "doc", "paragraph": 1, "start": 0, "end": 1}]')
    manifest = build / "manifest.json"
    manifest.write_text(manifest.read_text().replace(f'"format": {FORMAT}', f'"format": {written}'))


@pytest.mark.parametrize("written", [1, 2])
def test_an_index_of_an_older_format_asks_to_be_rebuilt(written: int, clustered: np.ndarray, tmp_path: Path) -> None:
    _make_older(_index(clustered[:1], "flat").save(tmp_path), written)
    with pytest.raises(
        IndexLoadError, match=f"format {written}; this version reads format 3 only, so the index must be rebuilt"
    ):
        PassageIndex.load(tmp_path)


def test_an_index_of_an_older_format_is_stale(north38_copy: Built, encoder: Encoder) -> None:
    _make_older(current_build(north38_copy.index), 2)
    assert stale_reason(north38_copy.index, north38_copy.corpus, encoder.model_id) is not None


def test_an_index_of_an_older_format_is_rebuilt_from_its_embedding_cache(north38_copy: Built, encoder: Encoder) -> None:
    _make_older(current_build(north38_copy.index), 2)
    again = build_index(north38_copy.corpus, north38_copy.index, encoder, progress=False)
    assert (again.passages, again.embedded) == (north38_copy.report.passages, 0)
    assert read_manifest(north38_copy.index).format == FORMAT


def test_asking_for_another_index_type_makes_the_index_stale(north38_copy: Built, encoder: Encoder) -> None:
    corpus, index_dir = north38_copy.corpus, north38_copy.index
    assert stale_reason(index_dir, corpus, encoder.model_id, "auto") is None
    assert stale_reason(index_dir, corpus, encoder.model_id, "hnsw") == (
        "the build is a flat index and hnsw is asked for"
    )


def _save_build_of(corpus: Path, index_dir: Path, versions: dict[str, str]) -> None:
    """A one-vector build that names `corpus`'s fingerprint and model "m", made with `versions`."""
    manifest = Manifest("m", 2, corpus_fingerprint(corpus), 1, "now", versions=versions)
    PassageIndex(np.ones((1, 2), dtype=np.float32), [Entry("d", 1, 0, 1)], manifest).save(index_dir)


def test_a_build_made_with_this_installations_versions_is_fresh(small_corpus: Path, tmp_path: Path) -> None:
    _save_build_of(small_corpus, tmp_path, text_versions())
    assert stale_reason(tmp_path, small_corpus, "m") is None


def test_a_build_made_with_another_sentence_splitter_version_is_stale_and_names_it(
    small_corpus: Path, tmp_path: Path
) -> None:
    _save_build_of(small_corpus, tmp_path, {**text_versions(), "pysbd": "0.0.1"})
    assert stale_reason(tmp_path, small_corpus, "m") == (
        f"the build was made with other versions of the parsers or sentence splitter: pysbd 0.0.1 -> {version('pysbd')}"
    )


def test_a_build_that_records_no_versions_is_stale_and_says_why(small_corpus: Path, tmp_path: Path) -> None:
    _save_build_of(small_corpus, tmp_path, {})
    assert stale_reason(tmp_path, small_corpus, "m") == (
        "the build was made with other versions of the parsers or sentence splitter: "
        "the build records no versions (it was made before they were recorded)"
    )


def test_the_recorded_versions_are_the_installed_parsers_and_splitter() -> None:
    versions = text_versions()
    assert versions["parser"] == PARSER_VERSION
    assert versions["pysbd"] == version("pysbd")
    assert versions["pdfplumber"] == version("pdfplumber")

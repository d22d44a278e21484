"""BM25's top passages: exactly a stable sort's first n, without sorting every score; and the word statistics
`qa index` saves with a build, loaded mapped and equal to what a start used to compute from the text."""

from __future__ import annotations

import json
import logging
import subprocess
import sys
from pathlib import Path

import bm25s
import numpy as np
import pytest
from hypothesis import given
from hypothesis import strategies as st

from embeddings import IndexLoadError
from embeddings.entries import Entry
from qa import Assistant
from qa.corpus import Article, Paragraph
from qa.lexical_index import (
    _BM25_NAMES,
    K1,
    LEXICON_FILE,
    LEXICON_FILES,
    LEXICON_FORMAT,
    B,
    LexicalIndex,
    Lexicon,
    _best,
    unsaved_statistics,
)
from qa.terms import TOKENS_VERSION, TermWeights, terms, tokens
from qa.vocabulary import VOCABULARY_FILES

PASSAGES = ["camp 22 prisoners", "the G8 urged", "camp survivors testified", "prisoners in camp 14"]


@given(st.lists(st.integers(0, 4), max_size=60), st.integers(0, 70))
def test_best_is_the_head_of_a_stable_descending_sort(values: list[int], n: int) -> None:
    scores = np.asarray(values, dtype=np.float32)  # few distinct values: ties at the cut are common
    expected = np.argsort(-scores, kind="stable")[:n]
    for spare in (None, np.empty_like(scores)):  # sorting a new copy, or into a thread's spare array
        positions, best = _best(scores, n, spare)
        assert positions == expected.tolist()
        assert best == scores[expected].tolist()


def test_top_ranks_by_bm25_and_keeps_passage_order_among_equals() -> None:
    index = LexicalIndex.from_texts(PASSAGES)
    ranked = [position for position, _ in index.top("camp prisoners", 10)]
    assert ranked[:2] == [0, 3]  # both words, in passages of equal length: tied, so in passage order
    assert set(ranked) == {0, 2, 3}  # "the G8 urged" shares no word and is left out


def test_top_returns_no_more_than_asked() -> None:
    assert [position for position, _ in LexicalIndex.from_texts(PASSAGES).top("camp", 1)] == [0]


@given(st.sets(st.integers(0, len(PASSAGES) - 1)), st.sampled_from(["camp prisoners", "camp camp 14", "G8", "none"]))
def test_the_scores_of_some_passages_are_those_of_scoring_them_all(chosen: set[int], question: str) -> None:
    index = LexicalIndex.from_texts(PASSAGES)
    positions = np.asarray(sorted(chosen), dtype=np.int64)
    assert index.scores_of(question, positions).tolist() == index.scores(question)[positions].tolist()


QUESTIONS = ["camp prisoners", "What did the G8 urge?", "survivors of camp 14", "unknown words only"]


def _articles() -> list[Article]:
    texts = [
        ["Camp 22 held prisoners. The G8 urged its closure."],
        ["Camp survivors testified.", "Prisoners in camp 14."],
    ]
    return [
        Article(f"doc-{n}", None, None, None, f"doc-{n}.txt", tuple(Paragraph(i, t, 0) for i, t in enumerate(ts, 1)))
        for n, ts in enumerate(texts, 1)
    ]


def _entries(articles: list[Article]) -> list[Entry]:
    """Each sentence-ish stretch of each paragraph: split at ". " so a paragraph holds several entries."""
    entries = []
    for article in articles:
        for paragraph in article.paragraphs:
            start = 0
            for part in paragraph.text.split(". "):
                entries.append(Entry(article.id, paragraph.index, start, start + len(part)))
                start += len(part) + 2
    return entries


def _saved(folder: Path, lexicon: Lexicon) -> Path:
    for name, data in lexicon.files().items():
        (folder / name).write_bytes(data)
    return folder


def _texts(articles: list[Article], entries: list[Entry]) -> list[str]:
    by_id = {article.id: article for article in articles}
    return [by_id[e.doc_id].paragraphs[e.paragraph - 1].text[e.start : e.end] for e in entries]


def test_a_saved_bm25_index_scores_as_the_one_built_from_the_texts(tmp_path: Path) -> None:
    built = LexicalIndex.from_texts(PASSAGES)
    for name, data in built.files().items():
        (tmp_path / name).write_bytes(data)
    loaded = LexicalIndex.load(tmp_path, built.vocabulary)
    for question in QUESTIONS:
        assert loaded.scores(question).tolist() == built.scores(question).tolist()
        assert loaded.top(question, 3) == built.top(question, 3)


def test_bm25_scores_are_bm25s_own_to_the_bit(tmp_path: Path) -> None:
    """The saved files are bm25s's format, and adding up a question's columns is what its `get_scores` does."""
    built = LexicalIndex.from_texts(PASSAGES)
    for name, data in built.files().items():
        (tmp_path / name).write_bytes(data)
    library = bm25s.BM25.load(tmp_path, **_BM25_NAMES, mmap=True, show_progress=False, verbosity=0)
    for question in ["camp prisoners camp", "survivors of camp 14", "What did the G8 urge?"]:
        expected = library.get_scores([token for token in tokens(question) if token in library.vocab_dict])
        assert built.scores(question).tobytes() == np.asarray(expected, dtype=np.float32).tobytes()


def test_a_loaded_lexicon_maps_its_arrays_instead_of_reading_them(tmp_path: Path) -> None:
    articles = _articles()
    entries = _entries(articles)
    loaded = Lexicon.of(_saved(tmp_path, Lexicon.build(articles, _texts(articles, entries))), articles, entries)
    assert isinstance(loaded.entry_terms.ids.base, np.memmap)
    assert isinstance(loaded.bm25._data.base, np.memmap)


def test_a_loaded_lexicon_holds_each_entry_and_paragraph_terms_as_tokenizing_gives_them(tmp_path: Path) -> None:
    articles = _articles()
    entries = _entries(articles)
    texts = _texts(articles, entries)
    loaded = Lexicon.of(_saved(tmp_path, Lexicon.build(articles, texts)), articles, entries)
    words = loaded.vocabulary
    assert [{words[n] for n in numbers} for numbers in loaded.entry_terms] == [terms(text) for text in texts]
    paragraphs = [terms(p.text) for a in articles for p in a.paragraphs]
    assert [{words[n] for n in numbers} for numbers in loaded.paragraph_terms] == paragraphs


def test_a_loaded_lexicon_weighs_terms_as_counting_the_paragraphs_does(tmp_path: Path) -> None:
    articles = _articles()
    entries = _entries(articles)
    loaded = Lexicon.of(_saved(tmp_path, Lexicon.build(articles, _texts(articles, entries))), articles, entries)
    counted = TermWeights.from_texts(p.text for a in articles for p in a.paragraphs)
    for question in QUESTIONS:
        assert [w for _, w in loaded.weights.of(terms(question)).weighted] == [
            w for _, w in counted.of(terms(question)).weighted
        ]


def test_a_start_maps_the_vocabulary_and_reads_no_list_of_terms(tmp_path: Path) -> None:
    articles = _articles()
    entries = _entries(articles)
    loaded = Lexicon.of(_saved(tmp_path, Lexicon.build(articles, _texts(articles, entries))), articles, entries)
    assert set(json.loads((tmp_path / LEXICON_FILE).read_text(encoding="utf-8"))) == {
        "format",
        "tokens",
        "bm25",
        "terms",
    }
    assert all(isinstance(array.base, np.memmap) for array in loaded.vocabulary._arrays())
    assert isinstance(loaded.weights.counts.base, np.memmap)


def test_serving_imports_neither_bm25s_nor_scipy() -> None:
    """bm25s's package imports scipy, a third of a second of every start; serving only adds up saved columns."""
    loaded = (
        "import sys, qa.assistant, web.app; print(sorted({m.split('.')[0] for m in sys.modules} & {'bm25s', 'scipy'}))"
    )
    root = Path(__file__).parents[1]  # this checkout's code, first on the path of `python -c`
    imported = subprocess.run([sys.executable, "-c", loaded], cwd=root, capture_output=True, text=True, check=True)
    assert imported.stdout.strip() == "[]"


def test_word_statistics_of_an_older_format_are_made_again_at_start_and_qa_index_is_told_why(
    tmp_path: Path, caplog: pytest.LogCaptureFixture
) -> None:
    articles = _articles()
    entries = _entries(articles)
    lexicon = Lexicon.build(articles, _texts(articles, entries))
    _saved(tmp_path, lexicon)
    for name in VOCABULARY_FILES:  # as format 1 saved the terms: a JSON list in `lexicon.json`
        (tmp_path / name).unlink()
    old = {"tokens": TOKENS_VERSION, "bm25": [K1, B], "words": lexicon.vocabulary[:]}
    (tmp_path / LEXICON_FILE).write_text(json.dumps(old), encoding="utf-8")
    with caplog.at_level(logging.WARNING, logger="qa.lexical_index"):
        made = Lexicon.of(tmp_path, articles, entries)
    assert f"saved its word statistics in format 1, not {LEXICON_FORMAT}" in caplog.text
    assert not isinstance(made.entry_terms.ids.base, np.memmap)
    assert unsaved_statistics(tmp_path) == (
        f"the index build {tmp_path} saved its word statistics in format 1, not {LEXICON_FORMAT}"
    )


def test_a_build_saved_without_a_lexicon_is_tokenized_at_start_and_says_so(
    tmp_path: Path, caplog: pytest.LogCaptureFixture
) -> None:
    articles = _articles()
    entries = _entries(articles)
    with caplog.at_level(logging.WARNING, logger="qa.lexical_index"):
        lexicon = Lexicon.of(tmp_path, articles, entries)
    assert "re-run `qa index`" in caplog.text
    words = lexicon.vocabulary
    assert [{words[n] for n in numbers} for numbers in lexicon.entry_terms] == [
        terms(text) for text in _texts(articles, entries)
    ]


def test_words_saved_by_another_tokenizer_version_are_tokenized_again_at_start(
    tmp_path: Path, caplog: pytest.LogCaptureFixture
) -> None:
    articles = _articles()
    entries = _entries(articles)
    _saved(tmp_path, Lexicon.build(articles, _texts(articles, entries)))
    saved = json.loads((tmp_path / LEXICON_FILE).read_text(encoding="utf-8"))
    (tmp_path / LEXICON_FILE).write_text(json.dumps({**saved, "tokens": TOKENS_VERSION - 1}), encoding="utf-8")
    with caplog.at_level(logging.WARNING, logger="qa.lexical_index"):
        lexicon = Lexicon.of(tmp_path, articles, entries)
    assert f"version {TOKENS_VERSION - 1} of the tokenizer" in caplog.text
    assert not isinstance(lexicon.entry_terms.ids.base, np.memmap)


def test_bm25_scores_saved_with_other_k1_and_b_are_made_again_at_start(
    tmp_path: Path, caplog: pytest.LogCaptureFixture
) -> None:
    articles = _articles()
    entries = _entries(articles)
    _saved(tmp_path, Lexicon.build(articles, _texts(articles, entries)))
    saved = json.loads((tmp_path / LEXICON_FILE).read_text(encoding="utf-8"))
    (tmp_path / LEXICON_FILE).write_text(json.dumps({**saved, "bm25": [1.5, 0.75]}), encoding="utf-8")
    with caplog.at_level(logging.WARNING, logger="qa.lexical_index"):
        lexicon = Lexicon.of(tmp_path, articles, entries)
    assert f"k1, b = [1.5, 0.75], not {[K1, B]}" in caplog.text
    assert not isinstance(lexicon.bm25._data.base, np.memmap)


def test_a_lexicon_for_other_entries_is_refused_as_damaged(tmp_path: Path) -> None:
    articles = _articles()
    entries = _entries(articles)
    _saved(tmp_path, Lexicon.build(articles, _texts(articles, entries)))
    with pytest.raises(IndexLoadError, match="entries"):
        Lexicon.of(tmp_path, articles, entries[:-1])


def test_a_cut_lexicon_file_is_refused_as_damaged(tmp_path: Path) -> None:
    articles = _articles()
    entries = _entries(articles)
    _saved(tmp_path, Lexicon.build(articles, _texts(articles, entries)))
    (tmp_path / LEXICON_FILE).write_text('{"terms": ', encoding="utf-8")
    with pytest.raises(IndexLoadError, match="damaged"):
        Lexicon.of(tmp_path, articles, entries)


def test_qa_index_saves_the_lexicon_the_assistant_maps(assistant: Assistant) -> None:
    build = assistant.index.build
    assert build is not None
    assert all((build / name).is_file() for name in LEXICON_FILES)
    assert isinstance(assistant.retriever.lexical._data.base, np.memmap)


def test_a_paragraph_using_the_word_three_times_outscores_a_three_word_line_using_it_once() -> None:
    index = LexicalIndex.from_texts(
        [
            "Repair of wells.",
            "The fund repaired wells in every district the drought reached; the wells it repaired were dug deeper "
            "to hold water through the dry season, and new wells were dug where villages asked for them.",
            "Schools reopened in the spring after the harvest.",
        ]
    )
    assert [position for position, _ in index.top("wells", 3)] == [1, 0]

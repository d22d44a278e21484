"""The collection's terms numbered in sorted order, found by number and by term in arrays a start maps."""

from __future__ import annotations

from pathlib import Path

import numpy as np

from qa.vocabulary import Vocabulary

TERMS = ["urg", "camp", "intern", "internation", "internationalis", "internationalisation", "été", "zo", "8"]


def _saved(folder: Path, vocabulary: Vocabulary) -> Vocabulary:
    for name, data in vocabulary.files().items():
        (folder / name).write_bytes(data)
    return Vocabulary.load(folder)


def test_terms_are_numbered_in_sorted_order_each_once() -> None:
    assert Vocabulary.of(TERMS + ["camp", "urg"])[:] == sorted(TERMS)


def test_each_term_is_found_by_its_number_in_a_loaded_vocabulary(tmp_path: Path) -> None:
    loaded = _saved(tmp_path, Vocabulary.of(TERMS))
    assert [loaded.number(term) for term in sorted(TERMS)] == list(range(len(TERMS)))


def test_terms_sharing_their_first_bytes_are_told_apart(tmp_path: Path) -> None:
    loaded = _saved(tmp_path, Vocabulary.of(TERMS))
    assert loaded[loaded.number("internationalis")] == "internationalis"
    assert loaded.number("internationali") is None  # a prefix of two terms longer than the searched column
    assert loaded.number("internationalisations") is None


def test_a_term_the_collection_does_not_use_has_no_number(tmp_path: Path) -> None:
    loaded = _saved(tmp_path, Vocabulary.of(TERMS))
    assert [loaded.number(term) for term in ["camps", "a", "zz", "", "éta"]] == [None] * 5


def test_a_loaded_vocabulary_maps_its_files(tmp_path: Path) -> None:
    loaded = _saved(tmp_path, Vocabulary.of(TERMS))
    assert all(isinstance(array.base, np.memmap) for array in loaded._arrays())


def test_an_empty_vocabulary_numbers_nothing(tmp_path: Path) -> None:
    loaded = _saved(tmp_path, Vocabulary.of([]))
    assert len(loaded) == 0
    assert loaded.number("camp") is None

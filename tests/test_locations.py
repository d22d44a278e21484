"""Which corpus folders `qa add`, `qa remove` and the admin API may change: never the installed package's own."""

from __future__ import annotations

from pathlib import Path

import pytest

from embeddings import Encoder
from qa.changes import add_documents
from qa.errors import CorpusError
from qa.locations import PACKAGE_DIR, bundled_corpus, changeable_corpus

WHEEL_CORPUS = PACKAGE_DIR / "bundled_corpus-as-a-wheel-ships-it"
"""Where an installed wheel's bundled corpus lies: a folder inside the package (in a checkout the package's
`bundled_corpus` is a link to `corpus/`, so a name of its own stands for the wheel's real folder)."""


def test_a_folder_inside_the_installed_package_is_refused_naming_the_way_out() -> None:
    with pytest.raises(CorpusError) as refused:
        changeable_corpus(WHEEL_CORPUS)
    assert "inside the installed package" in str(refused.value)
    assert "--corpus DIR (or QA_CORPUS_DIR)" in str(refused.value)
    assert "--index DIR (or QA_INDEX_DIR)" in str(refused.value)


def test_a_users_own_folder_is_changeable(tmp_path: Path) -> None:
    assert changeable_corpus(tmp_path) == tmp_path


def test_the_checkouts_bundled_corpus_lies_outside_the_package_and_is_changeable() -> None:
    assert changeable_corpus(bundled_corpus()) == bundled_corpus()


def test_adding_to_the_installed_packages_corpus_writes_nothing_there(tmp_path: Path, encoder: Encoder) -> None:
    with pytest.raises(CorpusError, match="--corpus DIR"):
        add_documents(WHEEL_CORPUS, tmp_path / "index", encoder, [("note.txt", b"Title\n\nA sentence of text.\n")])
    assert not WHEEL_CORPUS.exists()
    assert not (tmp_path / "index").exists()

"""Which corpus folders `qa add`, `qa remove` and the admin API may change: never the installed package's own."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

import qa.locations
from embeddings import Encoder
from qa.changes import add_documents
from qa.errors import CorpusError
from qa.locations import PACKAGE_DIR, bundled_corpus, changeable_corpus
from qa.settings import PROJECT_ROOT, Settings

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


def test_xdg_data_home_moves_an_installed_default_index_folder(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(qa.locations, "IN_CHECKOUT", False)  # as an installed wheel runs
    monkeypatch.delenv("QA_INDEX_DIR", raising=False)
    monkeypatch.setenv("XDG_DATA_HOME", str(tmp_path / "data"))
    assert Settings().index_dir == tmp_path / "data" / "footnote-qa" / "index"


def test_a_relative_xdg_data_home_is_ignored_as_the_spec_says(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(qa.locations, "IN_CHECKOUT", False)
    monkeypatch.delenv("QA_INDEX_DIR", raising=False)
    monkeypatch.setenv("XDG_DATA_HOME", "data")
    assert Settings().index_dir == Path.home() / ".local" / "share" / "footnote-qa" / "index"


def test_xdg_cache_home_moves_the_default_cache_folder(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv("QA_CACHE_DIR", raising=False)
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path / "cache"))
    assert Settings().cache_dir == tmp_path / "cache" / "footnote-qa"


def test_no_module_but_the_settings_reads_the_environment() -> None:
    reads = re.compile(r"os\.environ\.get\(|os\.environ\[[^]]+\](?!\s*=)|getenv\(|os\.environ\b(?!\[|\.setdefault)")
    found = [
        f"{path.relative_to(PROJECT_ROOT)}:{number}"
        for package in ("qa", "web", "eval", "cli", "embeddings")
        for path in sorted((PROJECT_ROOT / package).rglob("*.py"))
        for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1)
        if reads.search(line)
    ]
    assert found == []

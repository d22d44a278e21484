"""Session fixtures: the real model is loaded once, the real index built once, the real app served."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from fastapi.testclient import TestClient

from embeddings import Encoder
from qa import Assistant, Settings
from qa.corpus import Article, parse_text
from qa.indexing import build_index
from qa.settings import PROJECT_ROOT
from web.app import create_app

CORPUS = PROJECT_ROOT / "corpus"
HRNK = "hrnk-articles-by-board-members-fellows-and-staff.txt"
NORTH38 = "38north-a-serious-human-rights-negotiation-with-north-korea.txt"


@pytest.fixture(scope="session")
def corpus_texts() -> dict[str, str]:
    return {name: (CORPUS / name).read_text(encoding="utf-8") for name in (HRNK, NORTH38)}


@pytest.fixture(scope="session")
def north38_opening(corpus_texts: dict[str, str]) -> str:
    """The 38 North article's title and first three paragraphs: a corpus that indexes in a moment."""
    return "\n".join(corpus_texts[NORTH38].splitlines()[:8])


@pytest.fixture(scope="session")
def hrnk(corpus_texts: dict[str, str]) -> list[Article]:
    return parse_text(corpus_texts[HRNK], HRNK)


@pytest.fixture(scope="session")
def north38(corpus_texts: dict[str, str]) -> Article:
    (article,) = parse_text(corpus_texts[NORTH38], NORTH38)
    return article


def by_title(articles: list[Article], title: str) -> Article:
    return next(a for a in articles if a.title == title)


@pytest.fixture(scope="session")
def encoder() -> Encoder:
    return Encoder()


@pytest.fixture(scope="session")
def settings(tmp_path_factory: pytest.TempPathFactory) -> Settings:
    return Settings(corpus_dir=CORPUS, index_dir=tmp_path_factory.mktemp("index"))


@pytest.fixture(scope="session")
def assistant(settings: Settings, encoder: Encoder) -> Assistant:
    build_index(settings.corpus_dir, settings.index_dir, encoder, progress=False)
    return Assistant.open(settings, encoder=encoder, progress=False)


@pytest.fixture(scope="session")
def client(settings: Settings, assistant: Assistant) -> Iterator[TestClient]:
    with TestClient(create_app(settings, assistant)) as test_client:
        yield test_client


@pytest.fixture
def small_corpus(tmp_path: Path, corpus_texts: dict[str, str]) -> Path:
    """A private copy of the 38 North file, for tests that change a corpus."""
    folder = tmp_path / "corpus"
    folder.mkdir()
    (folder / NORTH38).write_text(corpus_texts[NORTH38], encoding="utf-8")
    return folder

"""Which sentence of a retrieved paragraph is quoted: the one holding what the question asks about."""

from __future__ import annotations

import pytest

from embeddings import Encoder
from qa import Assistant, Settings
from qa.compose import to_source
from qa.indexing import build_index

DOCUMENT = """# Migrants held at the border

Detention centres for migrants at the border have filled since the spring. Former detainees describe
the detention centres for migrants as crowded and cold.

Lawyers for migrants say the detention centres hold families for months. Migrants in the centres have
few visits from lawyers.

Conditions in detention centres for migrants have worsened, according to former detainees. Relatives may
visit once a month. The national inspection agency inspected four of them last spring and found overcrowding.
"""
QUESTION = "Which agency inspected the detention centres for migrants?"


@pytest.fixture(scope="module")
def migrants(tmp_path_factory: pytest.TempPathFactory, encoder: Encoder) -> Assistant:
    root = tmp_path_factory.mktemp("migrants")
    corpus = root / "corpus"
    corpus.mkdir()
    (corpus / "migrants.md").write_text(DOCUMENT, encoding="utf-8")
    settings = Settings(corpus_dir=corpus, index_dir=root / "index")
    build_index(settings.corpus_dir, settings.index_dir, encoder, progress=False)
    return Assistant.open(settings, encoder=encoder)


def test_the_sentence_holding_the_questions_rare_words_is_quoted_over_one_sharing_its_common_words(
    migrants: Assistant,
) -> None:
    (hit,) = migrants.retriever.search(QUESTION, 1)
    quote = " ".join(q.text for q in to_source(hit, "sentence", QUESTION).quotes)
    assert quote == "The national inspection agency inspected four of them last spring and found overcrowding."

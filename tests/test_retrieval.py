"""Dense, BM25 and fused retrieval over the real index."""

from __future__ import annotations

import pytest
from fastapi.testclient import TestClient

from qa import Assistant
from qa.retrieve import fuse

G8 = "What did the G8 urge North Korea to do?"


def test_fusion_ranks_what_both_lists_agree_on_first() -> None:
    assert fuse([[("a", 1), ("b", 1)], [("b", 1), ("c", 1)]]) == [("b", 1), ("a", 1), ("c", 1)]


@pytest.mark.parametrize("retriever", ["dense", "bm25", "hybrid"])
def test_every_retriever_finds_the_g8_paragraph_first(assistant: Assistant, retriever: str) -> None:
    (hit,) = assistant.retriever.search(G8, 1, retriever)
    assert "Group of 8 (now 7) for the first time urged North Korea" in hit.paragraph.text


def test_bm25_finds_nothing_for_words_the_corpus_never_uses(assistant: Assistant) -> None:
    assert assistant.retriever.search("zyxwv qwertz", 3, "bm25") == []


def test_hits_score_by_dense_evidence_whichever_retriever_ranked_them(assistant: Assistant) -> None:
    dense = {h.paragraph.text: h.score for h in assistant.retriever.search(G8, 5, "dense")}
    for hit in assistant.retriever.search(G8, 5, "bm25"):
        if hit.paragraph.text in dense:
            assert hit.score == pytest.approx(dense[hit.paragraph.text])


def test_no_paragraph_text_fills_two_slots(assistant: Assistant) -> None:
    for retriever in ("dense", "bm25", "hybrid"):
        texts = [
            h.paragraph.text for h in assistant.retriever.search("North Korea human rights dialogue", 10, retriever)
        ]
        assert len(texts) == len(set(texts))


def test_the_api_takes_a_retriever(client: TestClient) -> None:
    response = client.post("/api/answer", json={"question": G8, "k": 1, "retriever": "bm25"})
    assert response.status_code == 200
    assert "urged North Korea" in response.json()["sources"][0]["quotes"][0]["text"]


def test_the_api_names_an_unknown_retriever(client: TestClient) -> None:
    response = client.post("/api/answer", json={"question": G8, "retriever": "sparse"})
    assert response.status_code == 422
    assert "retriever" in response.json()["detail"]

"""The HTTP API and pages, through the real app with the real model and index."""

from __future__ import annotations

import pytest
from fastapi.testclient import TestClient

DIALOGUE_ID = "hrnk-articles-by-board-members-fellows-and-staff-1"


def test_answer_endpoint_returns_quotes_with_offsets_and_footnotes(client: TestClient) -> None:
    response = client.post("/api/answer", json={"question": "What did the G8 urge North Korea to do?"})
    assert response.status_code == 200
    body = response.json()
    assert body["abstained"] is False
    assert len(body["sources"]) + len(body["nearest"]) == 3
    top = body["sources"][0]
    assert top["document"] == {
        "id": DIALOGUE_ID,
        "title": "A Human Rights Dialogue with North Korea: Real or Illusory?",
        "author": "Roberta Cohen, HRNK Co-Chair",
        "date": "2014-10-16",
        "source": "hrnk-articles-by-board-members-fellows-and-staff.txt",
        "url": None,
    }
    for quote in top["quotes"]:
        assert top["passage"][quote["start"] : quote["end"]] == quote["text"]
    assert {"number": 11, "label": "11", "text": "G8 Final Communique, Lough Erne, 2013, para. 93."} in top["footnotes"]


def test_k_sets_the_most_sources_and_the_weak_ones_are_nearest_passages(client: TestClient) -> None:
    body = client.post("/api/answer", json={"question": "What did the G8 urge North Korea to do?", "k": 5}).json()
    best = body["sources"][0]["score"]
    assert len(body["sources"]) + len(body["nearest"]) == 5
    assert all(source["score"] >= best - 0.05 for source in body["sources"])
    assert all(source["score"] < best - 0.05 for source in body["nearest"])


def test_a_source_gives_the_sentences_around_its_quote_as_context(client: TestClient) -> None:
    top = client.post("/api/answer", json={"question": "What did the G8 urge North Korea to do?"}).json()["sources"][0]
    before, quote, after = top["context_before"], top["quotes"][0], top["context_after"]
    assert before["text"].endswith("over the COI’s findings.[10]")
    assert top["passage"][before["start"] : before["end"]] == before["text"]
    assert before["end"] < quote["start"] and quote["end"] < after["start"]
    assert 10 not in [note["number"] for note in top["footnotes"]]


@pytest.mark.parametrize(
    ("body", "message"),
    [
        ({"question": ""}, "question is empty"),
        ({"question": "   \n\t "}, "question is empty"),
        ({"question": "x" * 1001}, "question is 1001 characters long; the limit is 1000"),
        ({"question": "camps", "k": 0}, "k must be a whole number from 1 to 10, got 0"),
        ({"question": "camps", "k": 11}, "k must be a whole number from 1 to 10, got 11"),
        ({"question": "camps", "k": "3"}, "k must be a whole number from 1 to 10, got '3'"),
        ({"question": 42}, "question must be text, got 42"),
        ({}, "question: Field required"),
    ],
)
def test_bad_requests_get_422_with_a_message_naming_the_problem(client: TestClient, body: dict, message: str) -> None:
    response = client.post("/api/answer", json=body)
    assert response.status_code == 422
    assert message in response.json()["detail"]


def test_malformed_json_gets_422_not_500(client: TestClient) -> None:
    response = client.post("/api/answer", content=b'{"question": ', headers={"content-type": "application/json"})
    assert response.status_code == 422
    assert response.json()["detail"].startswith("request body is not valid JSON")


def test_document_endpoint_returns_paragraphs_and_footnotes(client: TestClient) -> None:
    body = client.get(f"/api/documents/{DIALOGUE_ID}").json()
    assert body["date"] == "2014-10-16"
    assert len(body["paragraphs"]) == 10
    assert body["footnotes"][10] == {
        "number": 11,
        "label": "11",
        "text": "G8 Final Communique, Lough Erne, 2013, para. 93.",
    }


def test_unknown_document_is_404_with_detail(client: TestClient) -> None:
    response = client.get("/api/documents/no-such-doc")
    assert response.status_code == 404
    assert response.json() == {"detail": "no document with id 'no-such-doc'"}


def test_home_page_is_a_labelled_form(client: TestClient) -> None:
    html = client.get("/").text
    assert '<form action="/ask" method="get"' in html
    assert '<label for="q">' in html


def test_ask_page_shows_quote_attribution_and_footnote(client: TestClient) -> None:
    response = client.get("/ask", params={"q": "What did the G8 urge North Korea to do?"})
    assert response.status_code == 200
    assert "to address international concerns about its human rights violations" in response.text
    assert "G8 Final Communique, Lough Erne, 2013, para. 93." in response.text
    assert "Roberta Cohen, HRNK Co-Chair" in response.text


def test_ask_page_escapes_the_question(client: TestClient) -> None:
    html = client.get("/ask", params={"q": "<script>alert(1)</script> camps"}).text
    assert "<script>alert(1)</script>" not in html
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in html


@pytest.mark.parametrize("path", ["/ask", "/ask?q=", "/ask?q=+++"])
def test_asking_nothing_shows_the_empty_form(client: TestClient, path: str) -> None:
    response = client.get(path)
    assert response.status_code == 200
    assert 'id="q"' in response.text
    assert 'role="alert"' not in response.text and "<blockquote>" not in response.text


def test_healthz_reports_documents_and_passages(client: TestClient) -> None:
    assert client.get("/healthz").json() == {"status": "ok", "documents": 28, "passages": 502}

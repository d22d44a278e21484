"""Filters by document, author and date restrict the candidates before ranking, on every retriever and index type."""

from __future__ import annotations

import json
from datetime import date

import numpy as np
import pytest
from fastapi.testclient import TestClient

from embeddings.entries import Entry
from embeddings.index import Manifest, PassageIndex, SearchOptions
from qa import Assistant
from qa.corpus import Article
from qa.errors import InvalidQuestion
from qa.filters import Filters
from tests.conftest import G8

DOCS = "hrnk-articles-by-board-members-fellows-and-staff-{}".format


def article(author: str | None = None, when: str | None = None) -> Article:
    return Article(id="a-1", title="T", author=author, date=when, source="a.txt", paragraphs=())


def test_a_partial_date_is_inside_a_range_only_when_its_whole_month_is() -> None:
    march = article(when="2017-03")
    assert Filters(date_from=date(2017, 3, 1), date_to=date(2017, 3, 31)).matches(march)
    assert not Filters(date_from=date(2017, 3, 15)).matches(march)


def test_a_document_without_a_date_is_outside_every_date_range() -> None:
    assert not Filters(date_from=date(1900, 1, 1)).matches(article())


def test_the_author_filter_ignores_case_and_spacing() -> None:
    assert Filters(author="roberta  COHEN").matches(article(author="Roberta Cohen, HRNK Co-Chair"))
    assert not Filters(author="Cohen").matches(article())


def test_a_range_that_ends_before_it_starts_is_an_error_naming_date_to() -> None:
    with pytest.raises(InvalidQuestion, match="^filters.date_to: 2014-01-01 is before date_from 2014-12-31"):
        Filters(date_from=date(2014, 12, 31), date_to=date(2014, 1, 1)).check({"a-1"})


def test_an_unknown_document_is_an_error_naming_the_field() -> None:
    with pytest.raises(InvalidQuestion, match="^filters.document: no document with id 'b-1'"):
        Filters(document="b-1").check({"a-1"})


def clustered(count: int = 600) -> np.ndarray:
    rng = np.random.default_rng(11)
    rows = rng.standard_normal((count, 32)).astype(np.float32)
    return rows / np.linalg.norm(rows, axis=1, keepdims=True)


@pytest.mark.parametrize("index_type", ["flat", "hnsw", "ivf"])
@pytest.mark.parametrize("exact_filtered", [0, 50_000], ids=["index-selector", "exact-subset"])
def test_a_restricted_search_returns_only_allowed_entries_the_nearest_first(
    index_type: str, exact_filtered: int
) -> None:
    vectors = clustered()
    entries = [Entry("doc", i + 1, 0, 1) for i in range(len(vectors))]
    manifest = Manifest("m", 32, "c", len(vectors), "now", index_type=index_type)  # type: ignore[arg-type]
    index = PassageIndex(vectors, entries, manifest, SearchOptions(exact_filtered=exact_filtered))
    allowed = np.arange(5, len(vectors), 9, dtype=np.int64)
    query = vectors[0]
    found = [position for position, _ in index.search(query, 5, allowed)]
    exact = allowed[np.argsort(-(vectors[allowed] @ query))[:5]].tolist()
    assert set(found) <= set(allowed.tolist())
    assert found[0] == exact[0]


@pytest.mark.parametrize("retriever", ["dense", "bm25", "hybrid"])
def test_every_source_comes_from_the_chosen_document(assistant: Assistant, retriever: str) -> None:
    answer = assistant.ask(G8, retriever=retriever, filters=Filters(document=DOCS(2)))  # type: ignore[arg-type]
    assert {s.article.id for s in [*answer.sources, *answer.nearest]} == {DOCS(2)}


def test_a_filtered_question_is_not_answered_from_the_unfiltered_cache(assistant: Assistant) -> None:
    assert assistant.ask(G8).sources[0].article.id == DOCS(1)
    filtered = assistant.ask(G8, filters=Filters(author="Carl Gershman"))
    assert {s.article.id for s in [*filtered.sources, *filtered.nearest]} == {DOCS(4)}


def test_a_date_range_keeps_only_documents_dated_inside_it(assistant: Assistant) -> None:
    answer = assistant.ask(G8, k=10, filters=Filters(date_from=date(2014, 1, 1), date_to=date(2014, 12, 31)))
    assert {s.article.id for s in [*answer.sources, *answer.nearest]} <= {DOCS(1), DOCS(2), DOCS(11)}


def test_the_api_takes_filters_on_the_short_path_and_the_route_alike(client: TestClient) -> None:
    body = {"question": G8, "filters": {"document": DOCS(2), "date_from": "2014-01-01"}}
    short = client.post("/api/answer", json=body)
    routed = client.post(
        "/api/answer", content=json.dumps(body), headers={"content-type": "application/vnd.example+json"}
    )
    assert (short.status_code, routed.status_code) == (200, 200)
    assert short.content == routed.content
    assert {s["document"]["id"] for s in short.json()["sources"] + short.json()["nearest"]} == {DOCS(2)}


@pytest.mark.parametrize(
    ("filters", "message"),
    [
        ({"date_from": "16/10/2014"}, "filters.date_from must be a date written YYYY-MM-DD, got '16/10/2014'"),
        ({"document": "no-such-document-1"}, "filters.document: no document with id 'no-such-document-1'"),
        ({"date_from": "2014-12-31", "date_to": "2014-01-01"}, "filters.date_to: 2014-01-01 is before date_from"),
        ({"publisher": "HRNK"}, "filters.publisher: "),
    ],
)
def test_invalid_filters_are_422_naming_the_field(client: TestClient, filters: dict, message: str) -> None:
    response = client.post("/api/answer", json={"question": G8, "filters": filters})
    assert response.status_code == 422
    assert response.json()["detail"].startswith(message)


def test_documents_are_listed_a_page_at_a_time_with_the_total(client: TestClient, assistant: Assistant) -> None:
    body = client.get("/api/documents?offset=2&limit=3").json()
    assert (body["total"], body["offset"], body["limit"]) == (len(assistant.articles), 2, 3)
    assert [d["id"] for d in body["documents"]] == [a.id for a in assistant.articles[2:5]]


def test_a_page_size_out_of_range_is_422_naming_limit(client: TestClient) -> None:
    response = client.get("/api/documents?limit=0")
    assert response.status_code == 422
    assert "limit: Input should be greater than or equal to 1" in response.json()["detail"]

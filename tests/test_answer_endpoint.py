"""POST /api/answer: one route answers every request, on threads the app owns, under the served settings' limits."""

from __future__ import annotations

import json

import pytest
from fastapi.testclient import TestClient

from qa import Assistant
from qa.settings import Settings
from tests.conftest import G8
from web.answer_endpoint import CACHE_HEADER, TIMING_HEADER
from web.app import create_app


def test_a_question_is_answered_with_its_cache_and_timing_headers(client: TestClient) -> None:
    response = client.post("/api/answer", json={"question": G8, "k": 2})
    assert response.status_code == 200
    assert response.headers["content-type"] == "application/json"
    assert response.headers[CACHE_HEADER] in ("hit", "miss")
    assert response.headers[TIMING_HEADER].startswith("answer;dur=")
    body = response.json()
    assert [s["rank"] for s in body["sources"] + body["nearest"]] == [1, 2]


def test_json_labelled_with_a_json_suffix_gets_the_same_answer(client: TestClient) -> None:
    body = {"question": G8, "k": 3}
    plain = client.post("/api/answer", json=body)
    suffixed = client.post(
        "/api/answer", content=json.dumps(body), headers={"content-type": "application/vnd.example+json"}
    )
    assert (plain.status_code, suffixed.status_code) == (200, 200)
    assert plain.content == suffixed.content


def test_the_answer_threads_open_and_close_with_the_app(settings: Settings, assistant: Assistant) -> None:
    app = create_app(settings, assistant)
    with TestClient(app) as client:
        threads = app.state.answer_threads
        assert client.post("/api/answer", json={"question": G8}).status_code == 200
    with pytest.raises(RuntimeError, match="shutdown"):
        threads.submit(print)


def test_the_question_limit_is_the_served_settings(settings: Settings, assistant: Assistant) -> None:
    narrow = settings.model_copy(update={"max_question_chars": 20})
    limited = Assistant(narrow, assistant.encoder, assistant.index, assistant.articles)
    with TestClient(create_app(narrow, limited)) as client:
        response = client.post("/api/answer", json={"question": "What did the G8 urge North Korea to do?"})
    assert response.status_code == 422
    assert response.json()["detail"] == "question is 39 characters long; the limit is 20"


def test_the_schema_names_the_settings_behind_its_limits(client: TestClient) -> None:
    fields = client.get("/openapi.json").json()["components"]["schemas"]["AnswerRequest"]["properties"]
    assert "QA_MAX_QUESTION_CHARS" in fields["question"]["description"]
    assert "QA_TOP_K" in fields["k"]["description"]


def test_the_answer_route_is_the_first_the_app_tries(settings: Settings) -> None:
    """Starlette tries the routes in turn: an answer does not first try the API docs' routes FastAPI adds at start."""
    routes = create_app(settings).router.routes
    assert getattr(routes[0], "path", None) == "/api/answer"

"""POST /api/answer's short path: it answers valid JSON itself and passes every other request on."""

from __future__ import annotations

import json
from collections.abc import Iterator

import pytest
from fastapi.testclient import TestClient
from starlette.applications import Starlette
from starlette.middleware import Middleware

from qa import Assistant
from tests.conftest import G8
from web.answer_endpoint import AnswerEndpoint


@pytest.fixture(scope="module")
def bare(assistant: Assistant) -> Iterator[TestClient]:
    """The endpoint in front of an app with no routes at all: whatever it passes on is a 404."""
    app = Starlette(middleware=[Middleware(AnswerEndpoint)])
    app.state.assistant = assistant
    with TestClient(app) as client:
        yield client


def test_a_valid_question_is_answered_without_the_router(bare: TestClient) -> None:
    response = bare.post("/api/answer", json={"question": G8, "k": 2})
    assert response.status_code == 200
    assert response.headers["content-type"] == "application/json"
    body = response.json()
    assert [s["rank"] for s in body["sources"] + body["nearest"]] == [1, 2]


@pytest.mark.parametrize(
    "request_args",
    [
        {"json": {"question": G8, "k": 0}},
        {"json": {"question": "   "}},
        {"content": b'{"question": '},
        {"content": json.dumps({"question": G8}), "headers": {"content-type": "text/plain"}},
    ],
    ids=["k-out-of-range", "blank-question", "malformed-json", "not-labelled-json"],
)
def test_other_requests_are_passed_on_with_their_body(bare: TestClient, request_args: dict) -> None:
    response = bare.post("/api/answer", **request_args)
    assert response.status_code == 404


def test_other_paths_and_methods_are_passed_on(bare: TestClient) -> None:
    assert bare.get("/api/answer").status_code == 404
    assert bare.post("/api/answers", json={"question": G8}).status_code == 404


def test_the_route_and_the_short_path_give_the_same_answer(client: TestClient) -> None:
    body = {"question": G8, "k": 3}
    short = client.post("/api/answer", json=body)
    # FastAPI reads any `application/*+json` body; the short path only plain JSON, so the route answers.
    routed = client.post(
        "/api/answer", content=json.dumps(body), headers={"content-type": "application/vnd.example+json"}
    )
    assert (short.status_code, routed.status_code) == (200, 200)
    assert short.content == routed.content

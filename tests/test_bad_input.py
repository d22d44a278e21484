"""Whatever a client sends, the answer is a 2xx or a `{"detail": ...}` saying what is wrong - never a 500."""

from __future__ import annotations

import pytest
from fastapi.testclient import TestClient
from starlette.types import Message, Receive, Scope, Send

from tests.conftest import run_apart
from web.limits import BodySizeLimit

LIMIT_MESSAGE = "request body is larger than 1048576 bytes, the limit this server accepts (QA_MAX_REQUEST_BYTES)"


def ask(client: TestClient, question: str, **extra: object) -> dict:
    response = client.post("/api/answer", json={"question": question, **extra})
    assert response.status_code == 200, response.text
    return response.json()


def test_control_characters_in_a_question_are_answered_and_echoed_verbatim(client: TestClient) -> None:
    question = "\x00\x07 prison camps \x1b[31m"
    body = ask(client, question)
    assert body["question"] == question
    assert body["abstained"] is False


def test_a_question_of_only_punctuation_is_an_abstention(client: TestClient) -> None:
    body = ask(client, "?!…;;--")
    assert body["abstained"] is True
    assert body["sources"] == []


def test_a_very_long_word_is_answered(client: TestClient) -> None:
    body = ask(client, "Pneumonoultramicroscopicsilicovolcanoconiosis" * 22)  # 990 characters, one word
    assert body["abstained"] is True


def test_template_syntax_in_a_question_is_never_evaluated_in_json(client: TestClient) -> None:
    body = ask(client, "{{ 7*7 }} {% raw %}camps")
    assert body["question"] == "{{ 7*7 }} {% raw %}camps"


def test_template_syntax_in_a_question_is_never_evaluated_in_the_page(client: TestClient) -> None:
    html = client.get("/ask", params={"q": "{{ 7*7 }} camps"}).text
    assert 'value="{{ 7*7 }} camps"' in html
    assert "49 camps" not in html


def test_html_in_a_question_comes_back_as_json_text_not_markup(client: TestClient) -> None:
    response = client.post("/api/answer", json={"question": "<img src=x onerror=alert(1)> camps"})
    assert response.headers["content-type"] == "application/json"
    assert response.json()["question"] == "<img src=x onerror=alert(1)> camps"


def test_html_in_a_question_is_escaped_in_the_page(client: TestClient) -> None:
    html = client.get("/ask", params={"q": "<img src=x onerror=alert(1)> camps"}).text
    assert "<img src=x" not in html
    assert "&lt;img src=x onerror=alert(1)&gt; camps" in html


def test_a_body_that_is_not_utf8_is_named(client: TestClient) -> None:
    response = client.post(
        "/api/answer", content=b'{"question": "\xff\xfe camps"}', headers={"content-type": "application/json"}
    )
    assert response.status_code == 400
    assert response.json() == {
        "detail": "request body is not valid UTF-8 ('utf-8' codec can't decode byte 0xff in position 14: "
        "invalid start byte)"
    }


@pytest.mark.parametrize(
    ("k", "message"),
    [
        (-1, "k must be a whole number from 1 to 10, got -1"),
        (10**30, f"k must be a whole number from 1 to 10, got {10**30}"),
        (2.5, "k must be a whole number from 1 to 10, got 2.5"),
        (True, "k must be a whole number from 1 to 10, got True"),
        ("three", "k must be a whole number from 1 to 10, got 'three'"),
    ],
)
def test_k_that_is_not_a_whole_number_from_1_to_10_is_named(client: TestClient, k: object, message: str) -> None:
    response = client.post("/api/answer", json={"question": "camps", "k": k})
    assert response.status_code == 422
    assert response.json() == {"detail": message}


def test_a_ten_megabyte_body_is_refused_with_413(client: TestClient) -> None:
    response = client.post("/api/answer", content=b" " * 10_000_000, headers={"content-type": "application/json"})
    assert response.status_code == 413
    assert response.json() == {"detail": LIMIT_MESSAGE}


def test_a_streamed_body_without_length_is_refused_once_it_passes_the_limit(client: TestClient) -> None:
    chunks = iter([b" " * 65_536] * 20)  # chunked transfer: no Content-Length to judge by
    response = client.post("/api/answer", content=chunks, headers={"content-type": "application/json"})
    assert response.status_code == 413
    assert response.json() == {"detail": LIMIT_MESSAGE}


def test_a_declared_oversize_body_is_refused_before_it_is_read() -> None:
    """The limit is checked against Content-Length first; neither the app nor `receive` is ever called."""
    sent: list[Message] = []

    async def app(scope: Scope, receive: Receive, send: Send) -> None:
        raise AssertionError("the app was called")

    async def receive() -> Message:
        raise AssertionError("the body was read")

    async def send(message: Message) -> None:
        sent.append(message)

    scope = {"type": "http", "headers": [(b"content-length", b"2048")]}
    run_apart(BodySizeLimit(app, max_bytes=1024)(scope, receive, send))
    assert sent[0]["status"] == 413
    assert (b"connection", b"close") in sent[0]["headers"]


@pytest.mark.parametrize("doc_id", ["..%5Cetc", "bad%20id!", "UPPER-case", "x--y", "%00", "a" * 201])
def test_a_document_id_that_is_not_a_plain_id_is_refused_before_lookup(client: TestClient, doc_id: str) -> None:
    response = client.get(f"/api/documents/{doc_id}")
    assert response.status_code == 422
    assert response.json()["detail"].startswith(
        "document id must be lowercase letters and digits joined by hyphens, up to 200 characters"
    )


@pytest.mark.parametrize("content_type", ["application/json", "application/problem+json"])
def test_a_lone_surrogate_in_a_question_is_a_422_naming_it(client: TestClient, content_type: str) -> None:
    """Both ways in: the answer endpoint's own path (plain JSON) and the FastAPI route (any other JSON type)."""
    body = b'{"question": "camps \\ud800"}'  # JSON's escape for half a UTF-16 pair
    response = client.post("/api/answer", content=body, headers={"content-type": content_type})
    assert response.status_code == 422
    assert response.json() == {
        "detail": "question contains U+D800 at character 7, a lone UTF-16 surrogate, which is not a character"
    }


def test_deeply_nested_json_is_a_422_naming_the_problem(client: TestClient) -> None:
    body = b'{"question": ' + b"[" * 100_000 + b"]" * 100_000 + b"}"
    response = client.post("/api/answer", content=body, headers={"content-type": "application/json"})
    assert response.status_code == 422
    assert response.json() == {"detail": "request body is not valid JSON (nested too deeply)"}


def test_a_5000_digit_number_is_a_422_naming_the_problem(client: TestClient) -> None:
    body = b'{"question": "camps", "k": ' + b"9" * 5000 + b"}"
    response = client.post("/api/answer", content=body, headers={"content-type": "application/json"})
    assert response.status_code == 422
    assert response.json() == {
        "detail": "request body is not valid JSON (Exceeds the limit (4300 digits) for integer string conversion: "
        "value has 5000 digits)"
    }


@pytest.mark.parametrize("path", ["/", "/ask?q=camps", "/documents", "/healthz"])
def test_head_is_answered_like_get(client: TestClient, path: str) -> None:
    response = client.head(path)
    assert response.status_code == 200
    assert response.headers["content-type"] == client.get(path).headers["content-type"]


@pytest.mark.parametrize(
    ("method", "path", "allowed"),
    [("PUT", "/documents", {"GET", "HEAD"}), ("DELETE", "/ask", {"GET", "HEAD"}), ("GET", "/api/answer", {"POST"})],
)
def test_a_method_not_allowed_says_which_are(client: TestClient, method: str, path: str, allowed: set[str]) -> None:
    response = client.request(method, path)
    assert response.status_code == 405
    assert set(response.headers["allow"].split(", ")) == allowed


ANSWER_FIELDS = "question (required), k, retriever, collection, filters"


@pytest.mark.parametrize(
    ("headers", "body", "got"),
    [
        ({"content-type": "application/json"}, b"", "an empty body"),
        ({"content-type": "application/json"}, b"null", "a JSON null"),
        ({"content-type": "application/json"}, b'["camps"]', "a JSON array"),
        ({"content-type": "text/plain"}, b'{"question": "camps"}', "Content-Type text/plain"),
        (
            {"content-type": "application/x-www-form-urlencoded"},
            b"question=camps",
            "Content-Type application/x-www-form-urlencoded",
        ),
    ],
)
def test_a_body_that_is_not_a_json_object_says_what_to_send(
    client: TestClient, headers: dict[str, str], body: bytes, got: str
) -> None:
    response = client.post("/api/answer", content=body, headers=headers)
    assert response.status_code == 422
    assert response.json() == {
        "detail": f"request body must be a JSON object with the fields {ANSWER_FIELDS}, sent as application/json; "
        f"got {got}"
    }


@pytest.mark.parametrize(
    ("filters", "message"),
    [
        ({"date_from": "yesterday"}, "filters.date_from must be a date written YYYY-MM-DD, got 'yesterday'"),
        ({"date_to": "2020-13-45"}, "filters.date_to must be a date written YYYY-MM-DD, got '2020-13-45'"),
        ({"author": ""}, "filters.author must be text of 1 to 200 characters, got ''"),
        ("camps", "filters must be an object with the fields document, author, date_from, date_to, got 'camps'"),
    ],
)
def test_a_bad_filter_is_named_with_what_is_allowed(client: TestClient, filters: object, message: str) -> None:
    response = client.post("/api/answer", json={"question": "camps", "filters": filters})
    assert response.status_code == 422
    assert response.json() == {"detail": message}

"""A document upload is held to QA_MAX_UPLOAD_BYTES, every other request to QA_MAX_REQUEST_BYTES."""

from __future__ import annotations

import pytest
from fastapi.testclient import TestClient
from starlette.types import Message, Receive, Scope, Send

from web.limits import BodySizeLimit

REQUEST_BYTES = 1_048_576
UPLOAD_BYTES = 20_000_000


async def read_all(scope: Scope, receive: Receive, send: Send) -> None:
    """An app that reads the whole body and says how long it was."""
    size, more = 0, True
    while more:
        message: Message = await receive()
        size += len(message.get("body", b""))
        more = message.get("more_body", False)
    body = str(size).encode()
    await send({"type": "http.response.start", "status": 200, "headers": [(b"content-length", b"%d" % len(body))]})
    await send({"type": "http.response.body", "body": body})


@pytest.fixture
def limited() -> TestClient:
    return TestClient(BodySizeLimit(read_all, max_bytes=REQUEST_BYTES, max_upload_bytes=UPLOAD_BYTES))


def test_an_upload_larger_than_the_request_limit_but_within_the_upload_limit_is_read(limited: TestClient) -> None:
    response = limited.post("/api/documents", files={"files": ("report.txt", b"x" * 5_000_000)})
    assert response.status_code == 200
    assert int(response.text) > 5_000_000


def test_an_upload_over_the_upload_limit_is_refused_naming_qa_max_upload_bytes(limited: TestClient) -> None:
    response = limited.post("/api/documents", files={"files": ("report.txt", b"x" * (UPLOAD_BYTES + 100_000))})
    assert response.status_code == 413
    assert response.json() == {
        "detail": "request body is larger than 20000000 bytes, the limit this server accepts (QA_MAX_UPLOAD_BYTES)"
    }


def test_another_request_over_the_request_limit_is_refused_naming_qa_max_request_bytes(limited: TestClient) -> None:
    response = limited.post("/api/answer", content=b" " * 2_000_000)
    assert response.status_code == 413
    assert response.json()["detail"].endswith("(QA_MAX_REQUEST_BYTES)")


def test_the_library_pages_upload_form_is_held_to_the_upload_limit(limited: TestClient) -> None:
    """The form browsers without JavaScript post to: a document of a few megabytes is an upload, not a question."""
    response = limited.post("/documents", files={"files": ("report.pdf", b"x" * 5_000_000)})
    assert response.status_code == 200
    assert int(response.text) > 5_000_000

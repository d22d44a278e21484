"""No debug output, no tracebacks, and no cross-origin reads unless an operator allows an origin."""

from __future__ import annotations

import pytest
from fastapi.testclient import TestClient
from pydantic import ValidationError
from starlette.types import Message

from qa import Assistant, Settings
from tests.conftest import run_apart
from web.app import create_app
from web.headers import PAGE_POLICY, relative_location

ORIGIN = "https://reader.example"
TOKEN = "a-long-enough-admin-token"
PREFLIGHT = {
    "Origin": ORIGIN,
    "Access-Control-Request-Method": "POST",
    "Access-Control-Request-Headers": "content-type",
}


def test_cross_origin_reads_are_closed_by_default(client: TestClient) -> None:
    response = client.post("/api/answer", json={"question": "camps", "k": 1}, headers={"Origin": ORIGIN})
    assert response.status_code == 200
    assert "access-control-allow-origin" not in response.headers
    assert "access-control-allow-origin" not in client.options("/api/answer", headers=PREFLIGHT).headers


def test_a_configured_origin_may_call_the_api(settings: Settings, assistant: Assistant) -> None:
    configured = settings.model_copy(update={"cors_origins": [ORIGIN]})
    with TestClient(create_app(configured, assistant)) as client:
        preflight = client.options("/api/answer", headers=PREFLIGHT)
        other = client.options("/api/answer", headers={**PREFLIGHT, "Origin": "https://elsewhere.example"})
    assert preflight.status_code == 200
    assert preflight.headers["access-control-allow-origin"] == ORIGIN
    assert "access-control-allow-origin" not in other.headers


def test_an_unexpected_error_is_a_plain_500_without_a_traceback(settings: Settings, assistant: Assistant) -> None:
    app = create_app(settings, assistant)

    @app.get("/api/fails")
    def fails() -> None:
        raise RuntimeError("secret detail from /etc/qa.conf")

    with TestClient(app, raise_server_exceptions=False) as client:
        response = client.get("/api/fails")
    assert app.debug is False
    assert response.status_code == 500
    assert response.json() == {"detail": "internal error; the server log has the details"}


def test_the_500_response_carries_the_security_headers_and_closes_the_connection(
    settings: Settings, assistant: Assistant
) -> None:
    app = create_app(settings, assistant)

    @app.get("/fails")
    def fails() -> None:
        raise RuntimeError("unexpected")

    with TestClient(app, raise_server_exceptions=False) as client:
        response = client.get("/fails")
    assert response.status_code == 500
    assert response.headers["content-security-policy"] == PAGE_POLICY
    assert response.headers["x-content-type-options"] == "nosniff"
    assert response.headers["referrer-policy"] == "no-referrer"
    assert response.headers["connection"] == "close"  # uvicorn closes it after a 500: the client must not reuse it


@pytest.mark.parametrize("token", ["", "   "])
def test_a_blank_admin_token_turns_admin_off(token: str) -> None:
    assert Settings(admin_token=token).admin_token is None


def test_a_short_admin_token_is_refused_naming_the_setting_but_not_the_token() -> None:
    with pytest.raises(ValidationError) as refused:
        Settings(admin_token="letmein-123")
    assert "QA_ADMIN_TOKEN is 11 characters; it must be at least 16" in str(refused.value)
    assert "letmein" not in str(refused.value)


@pytest.mark.parametrize("authorization", ["Bearer", "Bearer  ", "bearer"])
def test_bearer_with_nothing_after_it_never_authenticates(
    settings: Settings, assistant: Assistant, authorization: str
) -> None:
    for token in ("", TOKEN):  # a blank token is off (403); a real one is not matched by nothing (401)
        configured = Settings(**{**settings.model_dump(), "admin_token": token})
        with TestClient(create_app(configured, assistant)) as client:
            response = client.post("/api/admin/reload", headers={"Authorization": authorization})
        assert response.status_code == (403 if token == "" else 401)


def test_a_refused_admin_request_says_bearer_is_wanted(settings: Settings, assistant: Assistant) -> None:
    configured = settings.model_copy(update={"admin_token": Settings(admin_token=TOKEN).admin_token})
    with TestClient(create_app(configured, assistant)) as client:
        response = client.post("/api/admin/reload", headers={"Authorization": "Bearer wrong"})
    assert response.status_code == 401
    assert response.headers["www-authenticate"] == "Bearer"


def test_an_unauthenticated_upload_is_refused_before_its_body_is_read(settings: Settings, assistant: Assistant) -> None:
    """FastAPI parses a route's body before its dependencies run; a 1,000-part upload must not be parsed for a 401."""
    configured = settings.model_copy(update={"admin_token": Settings(admin_token=TOKEN).admin_token})
    app = create_app(configured, assistant)
    app.state.assistant = assistant  # what the lifespan does; this test calls the app directly, without it
    boundary = b"x" * 20
    body = (
        b"".join(
            b'--%s\r\nContent-Disposition: form-data; name="files"; filename="f%d.txt"\r\n\r\ntext\r\n' % (boundary, n)
            for n in range(1000)
        )
        + b"--%s--\r\n" % boundary
    )
    read: list[int] = []
    sent: list[Message] = []

    async def receive() -> Message:
        read.append(len(body))
        return {"type": "http.request", "body": body, "more_body": False}

    async def send(message: Message) -> None:
        sent.append(message)

    scope = {
        "type": "http",
        "http_version": "1.1",
        "method": "POST",
        "scheme": "http",
        "server": ("testserver", 80),
        "path": "/api/documents",
        "raw_path": b"/api/documents",
        "root_path": "",
        "query_string": b"",
        "headers": [
            (b"host", b"testserver"),
            (b"content-type", b"multipart/form-data; boundary=" + boundary),
            (b"content-length", str(len(body)).encode()),
        ],
    }
    run_apart(app(scope, receive, send))
    assert sent[0]["status"] == 401
    assert read == []


def test_the_host_header_never_reaches_a_page_or_a_redirect(web_client: TestClient) -> None:
    evil = {"Host": "evil.example"}
    for path in ("/", "/ask?q=What+did+the+G8+urge+North+Korea+to+do%3F", "/documents", "/documents/hostile-ledger-1"):
        response = web_client.get(path, headers=evil)
        assert response.status_code == 200, path
        assert "evil.example" not in response.text, path
    redirect = web_client.get("/documents/", headers=evil, follow_redirects=False)
    assert redirect.status_code == 307
    assert redirect.headers["location"] == "/documents"


def test_a_redirect_to_a_path_that_looks_like_a_host_stays_on_this_site() -> None:
    assert relative_location("http://evil.example//other.example/a?b=1") == "/other.example/a?b=1"

"""No debug output, no tracebacks, and no cross-origin reads unless an operator allows an origin."""

from __future__ import annotations

from fastapi.testclient import TestClient

from qa import Assistant, Settings
from web.app import create_app

ORIGIN = "https://reader.example"
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

"""`POST /api/admin/reload` switches the served index, only for the token holder, and never to a broken one."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from fastapi.testclient import TestClient
from pydantic import SecretStr

from qa import Assistant, Settings
from web.app import create_app

TOKEN = "reload-test-token"
AUTH = {"Authorization": f"Bearer {TOKEN}"}


def admin_client(settings: Settings, assistant: Assistant, **changes: object) -> Iterator[TestClient]:
    configured = settings.model_copy(update={"admin_token": SecretStr(TOKEN), **changes})
    with TestClient(create_app(configured, assistant)) as client:
        yield client


@pytest.fixture
def admin(settings: Settings, assistant: Assistant) -> Iterator[TestClient]:
    yield from admin_client(settings, assistant)


@pytest.fixture
def admin_on_empty_folder(settings: Settings, assistant: Assistant, tmp_path: Path) -> Iterator[TestClient]:
    yield from admin_client(settings, assistant, index_dir=tmp_path)


def test_reload_is_off_when_no_admin_token_is_set(client: TestClient) -> None:
    response = client.post("/api/admin/reload", headers=AUTH)
    assert response.status_code == 403
    assert response.json() == {"detail": "admin operations are off on this server; set QA_ADMIN_TOKEN to turn them on"}


def test_reload_needs_the_token(admin: TestClient) -> None:
    response = admin.post("/api/admin/reload", headers={"Authorization": "Bearer guess"})
    assert response.status_code == 401


def test_reload_serves_a_freshly_loaded_assistant(admin: TestClient, assistant: Assistant) -> None:
    response = admin.post("/api/admin/reload", headers=AUTH)
    assert response.status_code == 200
    assert response.json() == {
        "documents": 28,
        "passages": 502,
        "built_at": assistant.index.manifest.built_at,
    }
    assert admin.app.state.assistant is not assistant
    assert admin.app.state.assistant.encoder is assistant.encoder  # the model is shared, not loaded again


def test_a_reload_that_finds_no_index_is_503_and_the_old_index_serves_on(
    admin_on_empty_folder: TestClient, assistant: Assistant
) -> None:
    response = admin_on_empty_folder.post("/api/admin/reload", headers=AUTH)
    assert response.status_code == 503
    assert response.json()["detail"].startswith("no index in ")
    assert admin_on_empty_folder.app.state.assistant is assistant
    assert admin_on_empty_folder.get("/healthz").json()["documents"] == 28

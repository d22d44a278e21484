"""Adding and removing documents on a served index: admin token required, names and sizes checked."""

from __future__ import annotations

import shutil
from collections.abc import Iterator
from pathlib import Path

import pytest
from fastapi.testclient import TestClient

from bench.bomb_files import nested_html
from cli.main import main
from embeddings import Encoder
from qa import Settings
from qa.journal import change_lock
from qa.settings import PROJECT_ROOT
from tests.conftest import open_built
from web.app import create_app

FIXTURES = PROJECT_ROOT / "eval" / "formats"
TOKEN = "s3cret-admin-token"
AUTH = {"authorization": f"Bearer {TOKEN}"}


@pytest.fixture(scope="module")
def admin(tmp_path_factory: pytest.TempPathFactory, encoder: Encoder) -> Iterator[TestClient]:
    root = tmp_path_factory.mktemp("admin")
    (root / "corpus").mkdir()
    shutil.copy(FIXTURES / "prison-food-rations.md", root / "corpus")
    settings = Settings(
        corpus_dir=root / "corpus", index_dir=root / "index", admin_token=TOKEN, max_upload_bytes=10_000
    )
    with TestClient(create_app(settings, open_built(settings, encoder))) as client:
        yield client


def upload(client: TestClient, name: str, data: bytes, headers: dict[str, str] = AUTH):
    return client.post("/api/documents", files=[("files", (name, data))], headers=headers)


def test_document_routes_are_off_without_an_admin_token(client: TestClient) -> None:
    response = upload(client, "x.md", b"# X\n\nText.", headers={})
    assert response.status_code == 403
    assert "QA_ADMIN_TOKEN" in response.json()["detail"]


def test_wrong_token_is_refused(admin: TestClient) -> None:
    assert upload(admin, "x.md", b"text", headers={"authorization": "Bearer nope"}).status_code == 401


def test_uploaded_document_is_answered_from_and_then_removed(admin: TestClient) -> None:
    before = admin.app.state.assistant
    added = upload(admin, "border-closures.html", (FIXTURES / "border-closures.html").read_bytes())
    assert added.status_code == 201
    assert [d["id"] for d in added.json()["documents"]] == ["border-closures-1"]
    assert "new or changed: 1 documents" in added.json()["summary"]
    assert admin.app.state.assistant is not before
    answer = admin.post("/api/answer", json={"question": "How much do brokers charge for the crossing?", "k": 1})
    assert answer.json()["sources"][0]["document"]["id"] == "border-closures-1"
    removed = admin.delete("/api/documents/border-closures-1", headers=AUTH)
    assert removed.status_code == 200
    assert admin.get("/api/documents/border-closures-1").status_code == 404
    assert not (Path(admin.app.state.settings.corpus_dir) / "border-closures.html").exists()


@pytest.mark.parametrize(
    ("name", "status", "detail"),
    [
        ("../evil.md", 400, "must be a plain name without folders"),
        ("..hidden.md", 400, "must not start with '.' or contain '..'"),
        ("slides.pptx", 400, "unsupported format (.pptx)"),
        ("prison-food-rations.md", 409, "already in the corpus"),
    ],
)
def test_bad_upload_names_are_refused_with_the_reason(admin: TestClient, name: str, status: int, detail: str) -> None:
    response = upload(admin, name, b"# Title\n\nSome text.")
    assert response.status_code == status
    assert detail in response.json()["detail"]


def test_upload_over_the_size_limit_is_refused(admin: TestClient) -> None:
    response = upload(admin, "big.md", b"x" * 10_001)
    assert response.status_code == 413
    assert "10000-byte limit" in response.json()["detail"]


def test_a_deeply_nested_html_upload_is_refused_with_its_reason(admin: TestClient) -> None:
    response = upload(admin, "deep.html", nested_html(2_100, b"b"))  # deeper than libxml2 goes, under 10 KB
    assert response.status_code == 400
    assert response.json()["detail"] == "deep.html: its markup is nested more than 2048 levels deep, too deep to read"
    assert not (Path(admin.app.state.settings.corpus_dir) / "deep.html").exists()


def test_deleting_an_unknown_document_is_a_404(admin: TestClient) -> None:
    assert admin.delete("/api/documents/nope-1", headers=AUTH).status_code == 404


def test_qa_add_copies_into_the_folder_and_reindexes(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    corpus = tmp_path / "corpus"
    corpus.mkdir()
    code = main(["add", str(FIXTURES / "prison-food-rations.md"), "--corpus", str(corpus), "--index", str(tmp_path)])
    assert code == 0
    assert (corpus / "prison-food-rations.md").is_file()
    assert capsys.readouterr().out.startswith("changed prison-food-rations-1\nindexed 1 documents from 1 files")


def test_qa_remove_with_server_needs_the_token(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["remove", "doc-1", "--server", "http://127.0.0.1:9"]) == 2
    assert "QA_ADMIN_TOKEN" in capsys.readouterr().err


def test_a_change_while_another_holds_the_lock_is_a_503_saying_when_to_retry(tmp_path: Path, encoder: Encoder) -> None:
    (tmp_path / "corpus").mkdir()
    shutil.copy(FIXTURES / "prison-food-rations.md", tmp_path / "corpus")
    settings = Settings(
        corpus_dir=tmp_path / "corpus", index_dir=tmp_path / "index", admin_token=TOKEN, index_lock_timeout=0
    )
    with TestClient(create_app(settings, open_built(settings, encoder))) as client, change_lock(settings.index_dir, 0):
        response = upload(client, "late.md", b"# Late\n\nA document added while another change runs.")
    assert response.status_code == 503
    assert response.headers["retry-after"] == "5"
    assert "QA_INDEX_LOCK_TIMEOUT" in response.json()["detail"]
    assert not (tmp_path / "corpus" / "late.md").exists()

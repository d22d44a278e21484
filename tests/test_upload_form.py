"""The library page's upload form (browsers without JavaScript) says what became of each file, in plain words."""

from __future__ import annotations

import shutil
from collections.abc import Iterator

import pytest
from fastapi.testclient import TestClient

from embeddings import Encoder
from qa import Settings
from qa.settings import PROJECT_ROOT
from tests.conftest import open_built
from web.app import create_app

TOKEN = "s3cret-admin-token"
AUTH = {"authorization": f"Bearer {TOKEN}"}


@pytest.fixture(scope="module")
def form(tmp_path_factory: pytest.TempPathFactory, encoder: Encoder) -> Iterator[TestClient]:
    root = tmp_path_factory.mktemp("form")
    (root / "corpus").mkdir()
    shutil.copy(PROJECT_ROOT / "eval" / "formats" / "prison-food-rations.md", root / "corpus")
    settings = Settings(corpus_dir=root / "corpus", index_dir=root / "index", admin_token=TOKEN)
    with TestClient(create_app(settings, open_built(settings, encoder))) as client:
        yield client


def test_a_file_the_form_cannot_add_is_named_once_with_its_reason(form: TestClient) -> None:
    page = form.post("/documents", data={"token": TOKEN}, files=[("files", ("empty.txt", b""))]).text
    assert '<li class="error">empty.txt: the file is empty</li>' in page


def test_the_form_sent_without_a_token_asks_for_it(form: TestClient) -> None:
    response = form.post("/documents", files=[("files", ("notes.txt", b"Notes\n\nText.\n"))])
    assert response.status_code == 401
    assert '<li class="error">Enter the server&#39;s admin token to add documents.</li>' in response.text


def test_an_upload_whose_files_are_text_fields_says_how_to_send_them(form: TestClient) -> None:
    response = form.post("/api/documents", data={"files": "report.txt"}, headers=AUTH)
    assert response.status_code == 422
    assert response.json() == {
        "detail": "files.0: send each document as a multipart/form-data part named files, with its file name; "
        "it was sent as text"
    }


def test_an_upload_without_files_says_how_to_send_them(form: TestClient) -> None:
    response = form.post("/api/documents", headers=AUTH)
    assert response.status_code == 422
    assert response.json() == {
        "detail": "files: send each document as a multipart/form-data part named files, with its file name; "
        "none was sent"
    }


def test_a_form_upload_over_the_limit_gets_the_error_page_naming_the_setting(form: TestClient) -> None:
    """A browser posting the form shows the message on a page, not raw JSON; the API keeps its JSON."""
    too_big = [("files", ("report.txt", b"x" * (Settings().max_upload_bytes + 100_000)))]
    page = form.post("/documents", data={"token": TOKEN}, files=too_big)
    api = form.post("/api/documents", files=too_big, headers=AUTH)
    assert (page.status_code, api.status_code) == (413, 413)
    assert page.headers["content-type"].startswith("text/html")
    assert "the limit this server accepts (QA_MAX_UPLOAD_BYTES)" in page.text
    assert api.json()["detail"].endswith("(QA_MAX_UPLOAD_BYTES)")

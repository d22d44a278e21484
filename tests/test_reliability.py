"""Hostile and unlucky inputs a demanding user tries, each said in one clear line (or one 4xx in the one JSON
shape), never a traceback: the round-8 sweep of house-audit.md."""

from __future__ import annotations

import io
import zipfile
from collections.abc import Iterator

import httpx
import pytest
from fastapi.testclient import TestClient
from fpdf import FPDF

from embeddings import Encoder
from qa import Settings
from qa.errors import CorpusError
from qa.formats import parse_bytes
from tests.conftest import open_built
from web.app import create_app

TOKEN = "reliability-admin-token"
AUTH = {"authorization": f"Bearer {TOKEN}"}
WATER = "Water in the camps\n\nThe committee found that detainees had no clean water for three weeks.\n"


def locked_pdf(user_password: str) -> bytes:
    """A one-page PDF of text, encrypted; `user_password` empty opens without asking, as many reports do."""
    pdf = FPDF()
    pdf.add_page()
    pdf.set_font("helvetica", size=12)
    pdf.multi_cell(0, 10, "The committee found that detainees had no clean water for three weeks.")
    pdf.set_encryption(owner_password="owner-password", user_password=user_password)
    return bytes(pdf.output())


def test_a_pdf_locked_with_a_password_says_so() -> None:
    with pytest.raises(CorpusError) as refused:
        parse_bytes(locked_pdf("secret"), "locked.pdf")
    assert str(refused.value) == (
        "locked.pdf: the PDF is locked with a password to open it; save a copy without the password and add that"
    )


def test_a_pdf_encrypted_without_a_password_to_open_it_is_read() -> None:
    parsed = parse_bytes(locked_pdf(""), "restricted.pdf")
    assert "no clean water for three weeks" in parsed.articles[0].paragraphs[0].text


def test_a_docx_that_is_a_zip_of_other_things_says_it_is_not_a_word_document() -> None:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        archive.writestr("junk.bin", bytes(range(256)) * 8)
    with pytest.raises(CorpusError, match=r"^garbage.docx: not a Word document \(no document body\)$"):
        parse_bytes(buffer.getvalue(), "garbage.docx")


@pytest.fixture(scope="module")
def admin_api(tmp_path_factory: pytest.TempPathFactory, encoder: Encoder) -> Iterator[TestClient]:
    """A server of one small collection with adding on."""
    root = tmp_path_factory.mktemp("reliability")
    (root / "corpus").mkdir()
    (root / "corpus" / "water.txt").write_text(WATER, encoding="utf-8")
    settings = Settings(corpus_dir=root / "corpus", index_dir=root / "index", admin_token=TOKEN)
    with TestClient(create_app(settings, open_built(settings, encoder))) as client:
        yield client


def raw_upload(api: TestClient, filename: bytes) -> httpx.Response:
    """An upload whose part header carries `filename` byte for byte, as a hand-made client may send it (browsers
    and httpx percent-encode a newline or a quote)."""
    body = (
        b'--b\r\nContent-Disposition: form-data; name="files"; filename="' + filename + b'"\r\n'
        b"Content-Type: text/plain\r\n\r\nWater\n\nThe camps had no clean water.\r\n--b--\r\n"
    )
    headers = {**AUTH, "content-type": "multipart/form-data; boundary=b"}
    return api.post("/api/documents", content=body, headers=headers)


def test_a_nul_in_an_uploaded_name_is_named_as_a_control_character(admin_api: TestClient) -> None:
    refused = raw_upload(admin_api, b"a\x00b.txt")
    assert (refused.status_code, refused.json()) == (
        400,
        {
            "detail": "file name 'a\\x00b.txt' contains U+0000, a control character, which would hide or disguise "
            "the name; rename it"
        },
    )


def test_a_right_to_left_mark_in_an_uploaded_name_is_refused(admin_api: TestClient) -> None:
    refused = raw_upload(admin_api, "report\u202etxt.exe.txt".encode())
    assert refused.status_code == 400
    assert "U+202E RIGHT-TO-LEFT OVERRIDE" in refused.json()["detail"]

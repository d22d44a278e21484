"""Hostile and unlucky inputs a demanding user tries, each said in one clear line (or one 4xx in the one JSON
shape), never a traceback: the round-8 sweep of house-audit.md."""

from __future__ import annotations

import io
import zipfile

import pytest
from fpdf import FPDF

from qa.errors import CorpusError
from qa.formats import parse_bytes


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

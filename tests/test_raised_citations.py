"""Several notes cited by one raised run or by a bracket a line break cuts, in a PDF (issue 13, item 1).

Medical and science journals set a list or range of reference numbers raised and small after a word
("infection.¹⁻³", "wards.²,⁷⁻⁹"), and a bracketed list may be cut by a line break ("[5," then "6]"). Each number cited
is a marker of its own, and none of the digits is left in the sentence. The real documents of the collections
print neither (their raised lists are authors' affiliations, "Chang Chu1,2"), so the page is written here with
fpdf2, raised as a typesetter raises a superscript, and read back as any PDF is.
"""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
from fpdf import FPDF

from eval.reference import quote_in_reference, reference
from qa.corpus import Article
from qa.formats import parse_bytes

Part = tuple[str, bool]
"""A stretch of a line and whether it is set raised."""

LINES: list[list[Part]] = [
    [("Hypertension is common among adults admitted to hospital with the infection.", False), ("1–3", True)]
    + [(" Its", False)],
    [("effect on survival was measured in two cohorts", False), ("4", True)]
    + [(" and in a registry of wards [5,", False)],
    [("6] in older patients.", False), ("2,7-9", True), (" Later work found the same effect in other wards.", False)],
]
"""A paragraph citing a raised range (an en dash), a raised list with a range in it (a hyphen), and a bracketed list
cut by a line break."""


def references(numbers: range) -> dict[int, str]:
    """A numbered reference for each of `numbers`: "8. Author H. Study 8 of hospital wards. J Health. 2020."."""
    return {n: f"Author {chr(64 + n)}. Study {n} of hospital wards. J Health. 2020." for n in numbers}


def page(notes: dict[int, str]) -> bytes:
    """The paragraph of `LINES` over a "References" list of `notes`."""
    pdf = FPDF()
    pdf.core_fonts_encoding = "windows-1252"  # the en dash a range is printed with
    pdf.set_auto_page_break(False)
    pdf.add_page()
    for parts in LINES:
        for text, raised in parts:
            pdf.set_font("Helvetica", size=11)  # fpdf2 keeps a superscript's smaller size until the font is set again
            pdf.char_vpos = "SUP" if raised else "LINE"
            pdf.write(6, text)
        pdf.char_vpos = "LINE"
        pdf.ln(6)
    pdf.ln(6)
    for line, size in [("References", 14)] + [(f"{number}. {note}", 11) for number, note in notes.items()]:
        pdf.set_font("Helvetica", size=size)
        pdf.write(8, line)
        pdf.ln(10)
    return bytes(pdf.output())


def article(data: bytes) -> Article:
    (parsed,) = parse_bytes(data, "wards.pdf").articles
    return parsed


@pytest.fixture(scope="module")
def cited() -> Article:
    return article(page(references(range(1, 10))))


def test_a_raised_range_is_a_marker_of_every_number_it_runs_through(cited: Article) -> None:
    assert "admitted to hospital with the infection.[1][2][3] Its effect" in cited.paragraphs[0].text


def test_a_raised_list_holding_a_range_is_a_marker_of_each_number_it_cites(cited: Article) -> None:
    assert "in older patients.[2][7][8][9] Later work" in cited.paragraphs[0].text


def test_a_bracketed_list_a_line_break_cuts_is_a_marker_of_each_number_in_it(cited: Article) -> None:
    assert "in a registry of wards [5][6] in older patients." in cited.paragraphs[0].text


def test_every_number_a_range_or_list_cites_resolves_to_its_reference(cited: Article) -> None:
    (paragraph,) = cited.paragraphs
    assert [marker.number for marker in paragraph.markers] == [1, 2, 3, 4, 5, 6, 2, 7, 8, 9]
    assert all(paragraph.cites(marker) for marker in paragraph.markers)
    assert cited.footnote(8) == "Author H. Study 8 of hospital wards. J Health. 2020."


def test_a_number_of_a_raised_range_whose_note_is_missing_stays_a_marker_with_no_note() -> None:
    """The reference list stops at 8: the range "7-9" still cites 9, a marker with no note, never text."""
    uncited = article(page(references(range(1, 9))))
    (paragraph,) = uncited.paragraphs
    assert "in older patients.[2][7][8][9] Later work" in paragraph.text
    assert [marker.number for marker in paragraph.markers][-1] == 9
    assert uncited.footnote(9) is None
    assert uncited.footnote(8) == "Author H. Study 8 of hospital wards. J Health. 2020."


@pytest.mark.skipif(shutil.which("pdftotext") is None, reason="needs poppler's pdftotext")
def test_the_judge_finds_the_markers_of_a_raised_range_where_the_page_prints_it(cited: Article, tmp_path: Path) -> None:
    path = tmp_path / "wards.pdf"
    path.write_bytes(page(references(range(1, 10))))
    assert quote_in_reference(cited.paragraphs[0].text, reference(path))

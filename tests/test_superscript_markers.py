"""Note markers printed as Unicode superscript digit characters ("¹³", not a small raised "13"), in a PDF (issue 13).

Typst, where the font has them, prints a note's number with the superscript characters "¹", "²" and "³" in the
text's own size, and the other digits raised in smaller type; a number may mix the two ("¹" then a raised "4" for
14). Either way the page shows a raised number: a marker in the text and the opening of its note at the page's foot.
A superscript character after a unit with no note of its number ("40 km²") is the unit's power and stays as printed.
The page is written here with fpdf2, whose core fonts hold "¹²³" as Latin-1 characters, and read back as any PDF is.
"""

from __future__ import annotations

import pytest
from fpdf import FPDF

from qa.corpus import Article
from qa.formats import parse_bytes

Part = tuple[str, bool]
"""A stretch of a line and whether it is set raised in smaller type."""

BODY: list[list[Part]] = [
    [("The reserve covers 40 km² of old forest and was set aside by the province in 2019.¹³ Its", False)],
    [("rangers counted the deer herds again in the spring of 2021.¹", False), ("4", True), (" The count", False)],
    [("found more deer than in any year before it.", False)],
]
FOOT: list[list[Part]] = [
    [("¹³ Ministry of Forests, Annual Report 2019.", False)],
    [("¹", False), ("4", True), (" Reserve Rangers, Spring Census 2021.", False)],
]


def write(pdf: FPDF, lines: list[list[Part]], size: float, height: float) -> None:
    """`lines` one under another in Helvetica of `size`, each raised part smaller, as a typesetter raises a digit."""
    for parts in lines:
        for text, raised in parts:
            pdf.set_font("Helvetica", size=size)  # fpdf2 keeps a superscript's smaller size until the font is set again
            pdf.char_vpos = "SUP" if raised else "LINE"
            pdf.write(height, text)
        pdf.char_vpos = "LINE"
        pdf.ln(height)


@pytest.fixture(scope="module")
def article() -> Article:
    pdf = FPDF()
    pdf.set_auto_page_break(False)
    pdf.add_page()
    write(pdf, BODY, 11, 6)
    pdf.set_y(260)
    write(pdf, FOOT, 8, 4)
    (parsed,) = parse_bytes(bytes(pdf.output()), "reserve.pdf").articles
    return parsed


def test_superscript_characters_after_a_word_are_the_marker_of_their_number(article: Article) -> None:
    assert "set aside by the province in 2019.[13] Its rangers" in article.paragraphs[0].text


def test_a_note_opening_with_superscript_characters_is_the_note_of_their_number(article: Article) -> None:
    assert article.footnote(13) == "Ministry of Forests, Annual Report 2019."


def test_a_superscript_character_and_raised_digits_after_it_are_one_number(article: Article) -> None:
    assert "in the spring of 2021.[14] The count" in article.paragraphs[0].text
    assert article.footnote(14) == "Reserve Rangers, Spring Census 2021."


def test_a_superscript_character_with_no_note_of_its_number_stays_as_printed(article: Article) -> None:
    assert "The reserve covers 40 km² of old forest" in article.paragraphs[0].text


def test_the_notes_at_the_foot_are_no_body_text(article: Article) -> None:
    assert not any("Ministry of Forests" in paragraph.text for paragraph in article.paragraphs)

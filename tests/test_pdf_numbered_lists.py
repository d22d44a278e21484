"""Numbered list items in a PDF read as items, each its own paragraph, as bulleted ones do: GAO-06-1046's highlights
page sets its five key strategies as "1. ensure ..." to "5. allow ...", indented under their lead-in, the first item
wrapping to a hanging line. The same report runs enumerations through sentences ("(1) ... (2) ..."), some of whose
numbers wrap to a line's start: those stay in their paragraph.

Expected values are what the document prints, as `pdftotext` shows it.
"""

from __future__ import annotations

from qa.corpus import Article, Paragraph
from qa.settings import PROJECT_ROOT
from tests.parsed import articles

GRANTS = PROJECT_ROOT / "tests" / "data" / "wild" / "gao-06-1046-grants-management.pdf"


def report() -> Article:
    return articles(GRANTS)[0]


def paragraph(start: str) -> tuple[int, Paragraph]:
    """The place and paragraph of the report's first paragraph that starts with `start`."""
    return next((i, p) for i, p in enumerate(report().paragraphs) if p.text.startswith(start))


def test_each_item_of_an_indented_numbered_list_is_its_own_item() -> None:
    _, item = paragraph("2. periodically renegotiate")
    assert item.kind == "bullet"
    assert item.text == "2. periodically renegotiate and revise mechanisms and measures,"


def test_an_items_hanging_line_stays_with_its_item() -> None:
    _, item = paragraph("1. ensure mechanisms")
    assert item.text == "1. ensure mechanisms are of sufficient value to motivate desired behaviors,"


def test_the_last_item_ends_where_the_text_after_the_list_goes_back_to_the_margin() -> None:
    index, item = paragraph("5. allow")
    assert item.text == "5. allow for phased implementation."
    after = report().paragraphs[index + 1]
    assert after.kind == "text"
    assert after.text.startswith("In addition to these strategies, collaboration, oversight, and feedback also")


def test_an_enumeration_whose_numbers_wrap_to_line_starts_at_the_texts_edge_stays_one_paragraph() -> None:
    """The highlights' sidebar wraps "(1) challenges", "(2) mechanisms", "(3) strategies" to the start of three lines,
    in sequence, but flush with the sentence's other lines: a sentence, not a list."""
    _, found = paragraph("Maximizing the extent to which grants achieve")
    assert "examine (1) challenges to performance accountability in federal grants, (2) mechanisms" in found.text
    assert "(3) strategies the federal government can use" in found.text


def test_numbers_out_of_sequence_at_line_starts_stay_in_their_sentence() -> None:
    """ "(1) student attainment" and "(4) student participation" both open lines; (2) and (3) run mid-line."""
    _, found = paragraph("In contrast, performance measures and targets for Perkins III")
    assert "indicators: (1) student attainment of challenging" in found.text
    assert "both; and (4) student participation in and completion" in found.text


def test_a_tables_lettered_notes_each_read_as_their_own_item() -> None:
    """CRS sets a table's notes "a." to "g." under its "Notes:" paragraph, each hanging: one note, one paragraph."""
    paragraphs = articles(PROJECT_ROOT / "eval" / "real" / "docs" / "crs-election-grants-2026.pdf")[0].paragraphs
    index = next(i for i, p in enumerate(paragraphs) if p.text.startswith("b. These minimums were"))
    assert paragraphs[index].kind == "bullet"
    assert paragraphs[index].text == (
        "b. These minimums were for the combination of awards under HAVA’s general improvements and lever and punch "
        "card voting system replacement grant programs."
    )
    assert paragraphs[index - 1].text.startswith("a. Explanatory statements accompanying the FY2018 and FY2020")
    assert paragraphs[index + 1].text.startswith("c. A general provision of the FY2025 appropriations act (§1105)")

"""Numbered list items in a PDF read as items, each its own paragraph, as bulleted ones do: GAO-06-1046's highlights
page sets its five key strategies as "1. ensure ..." to "5. allow ...", indented under their lead-in, the first item
wrapping to a hanging line. The same report runs enumerations through sentences ("(1) ... (2) ..."), some of whose
numbers wrap to a line's start: those stay in their paragraph.

Expected values are what the document prints, as `pdftotext` shows it.
"""

from __future__ import annotations

import re
from pathlib import Path

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


def test_a_tables_notes_lettered_in_a_hanging_column_keep_their_letters() -> None:
    """CRS hangs another table's notes' letters "a." to "j." a gutter's width left of their texts: no column of text,
    so no letter is a paragraph of its own, and each note opens with its letter."""
    paragraphs = articles(PROJECT_ROOT / "eval" / "real" / "docs" / "crs-election-grants-2026.pdf")[0].paragraphs
    note = "a. Authorized amounts are listed here as they are presented in statutory language."
    index = next(i for i, p in enumerate(paragraphs) if p.text == note)
    assert paragraphs[index].kind == "bullet"
    assert paragraphs[index + 1].text.startswith("b. The MOVE Act assigned responsibility for administering this grant")
    assert not [p.text for p in paragraphs if re.fullmatch(r"(?:[a-k]\.\s*)+", p.text)]


def test_a_numbered_list_under_the_last_rows_of_a_table_ruled_across_is_a_list() -> None:
    """The ACL paper's page 2 opens with a booktabs table whose last two rows stand between two rules across the
    page, as a ruled head does; the two columns of prose under it, down to the page's foot, are no table's body,
    so the pipeline's steps "1)" and "2)" at the foot of its right column are items, each its own paragraph."""
    paragraphs = articles(PROJECT_ROOT / "tests" / "data" / "wild" / "acl-2020-s2orc-paper.pdf")[0].paragraphs
    first = next(i for i, p in enumerate(paragraphs) if p.text.startswith("1) Process PDFs"))
    assert [(p.kind, p.text) for p in paragraphs[first : first + 2]] == [
        (
            "bullet",
            "1) Process PDFs and LATEX sources to derive metadata, clean full text, inline citations and references, "
            "and bibliography entries,",
        ),
        ("bullet", "2) Select the best metadata and full text parses for each paper cluster,"),
    ]


def opening(path: Path, start: str) -> Paragraph:
    """The first paragraph of the document at `path` that starts with `start`."""
    return next(p for p in articles(path)[0].paragraphs if p.text.startswith(start))


def test_a_numbered_items_bold_lead_in_filling_its_first_line_is_no_heading() -> None:
    """The RDR index's questions for investors open each item with a bold lead-in; item 5's fills its first line, which
    ends in no sentence, as a heading's does. Its sentence goes on in lowercase under it: one item."""
    item = opening(PROJECT_ROOT / "tests" / "data" / "wild" / "rdr-index-2018-report.pdf", "5. Transparency about")
    assert item.kind == "bullet"
    assert item.text.startswith(
        "5. Transparency about handling of government demands and other third party requests affecting users’ "
        "expression and privacy rights: Does the company disclose policies"
    )


def test_a_bold_lead_in_over_two_lines_is_no_heading() -> None:
    """The RDR index 2017 opens a paragraph with a bold sentence over two full lines, the third going on in lowercase:
    neither bold line is a heading, and the sentence reads whole."""
    found = opening(PROJECT_ROOT / "eval" / "real" / "docs" / "rdr-index-2017.pdf", "The Apple App Store, Google")
    sentence = (
        "The Apple App Store, Google Play Store, and Samsung Galaxy Apps store are chokepoints for freedom of "
        "expression."
    )
    assert (found.kind, found.text[: len(sentence)]) == ("text", sentence)

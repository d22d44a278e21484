"""The SAPIENT Middleware Interface Control Document in the wild collection (tests/data/wild, see its manifest.jsonl):
a UK defence laboratory's specification written in Word 2016, every page marked "OFFICIAL" at its top and foot over
the document's number and page ("DSTL/PUB122781 Page 12"), its cover dated with an ordinal day ("11th May 2020").

Expected values are what the document prints, as `pdftotext` shows it.
"""

from __future__ import annotations

from qa.corpus import Article
from qa.formats.metadata import FORMS_OF_ADDRESS
from qa.formats.pdf import _HONORIFIC_RE
from qa.settings import PROJECT_ROOT
from tests.parsed import articles

ICD = PROJECT_ROOT / "tests" / "data" / "wild" / "dstl-2020-sapient-interface-control-document.pdf"


def document() -> Article:
    (only,) = articles(ICD)
    return only


def test_the_covers_two_title_lines_title_the_document() -> None:
    assert document().title == "SAPIENT Middleware Interface Control Document"


def test_the_covers_date_with_an_ordinal_day_dates_the_document() -> None:
    assert document().date == "2020-05-11"


def test_the_protective_marking_and_document_number_of_every_page_are_no_paragraphs() -> None:
    """The marking and the number repeat on every page; the report documentation page prints the marking once more
    as the value of its field "Report Protective Marking", in the text of its form."""
    texts = [p.text for p in document().paragraphs if p.page < 100]
    assert "OFFICIAL" not in texts
    assert not any(text.startswith("DSTL/PUB122781") for text in texts)


def test_the_body_reads_on_after_the_page_foot() -> None:
    """Section 1.3's paragraph runs from page 10 onto page 11 under the page's marking and number."""
    assert any(
        p.text.startswith("The SAPIENT concept is intended to support a range of different sensing modalities")
        and p.text.endswith("beyond the current instantiation.")
        for p in document().paragraphs
    )


def test_the_administration_pages_principal_authors_are_the_authors() -> None:
    """Page 2's table "Principal authors" lists "Dr G.F. Marshall" and "D.A.A. Faulkner" in its first column, each
    beside an address; the cover names no author, and the Info Author ("tdown") is printed nowhere."""
    assert document().author == "G.F. Marshall, D.A.A. Faulkner"


def test_a_section_number_set_at_a_tab_stop_heads_its_titles_line() -> None:
    """Page 23 sets "4.8.1" at the margin and "Reject Responses" at the body's edge; the page's other lines start
    at that edge, and the number was read after the paragraph above, opening its sentence ("4.8.1 Alert Response
    Messages are used ...")."""
    texts = [p.text for p in document().paragraphs]
    assert "4.8.1 Reject Responses" in texts
    assert any(text.startswith("Alert Response Messages are used where a response is required") for text in texts)


def test_a_heading_whose_number_stands_a_tab_apart_is_one_heading() -> None:
    """Page 25 sets the heading "5.3" a tab stop apart from "Location XML fields", in bold 12 pt: one heading."""
    headings = [p.text for p in document().paragraphs if p.kind == "heading"]
    assert "5.3 Location XML fields" in headings
    assert "5.3" not in headings


def test_a_chapters_lone_number_set_in_its_titles_type_heads_its_titles_line() -> None:
    """Page 17 sets the chapter's "4" at the margin in its title's 20 pt, the title at a tab stop, and the section
    numbers "4.1", "4.2.1" under it in the same margin: a chapter's number is no list item's, and each number heads
    its title's line. Before, the margin was read as a column of labels, each number a paragraph of its own."""
    headings = [p.text for p in document().paragraphs if p.kind == "heading"]
    assert "4 Interface Description Overview" in headings
    assert "4.1 Message Descriptions" in headings
    assert "4.2.1 Initialisation" in [p.text for p in document().paragraphs]
    assert "4" not in headings


def test_an_appendixs_letter_at_the_margin_heads_its_titles_line() -> None:
    """Page 92 opens appendix C with "C" in 20 pt beside its title's two lines, then "C.1", "C.1.1" in the margin."""
    headings = [p.text for p in document().paragraphs if p.kind == "heading"]
    assert "C SAPIENT Demonstration System Implementation -Specific Information" in headings
    assert "C.1 SAPIENT Demonstration System -Specific Architecture" in headings
    assert "C" not in headings


def test_a_chapters_numbers_in_two_columns_of_the_margin_each_head_their_titles_line() -> None:
    """Page 61 sets "9", "9.1" and "9.2" at the page's edge and "9.1.1" to "9.1.3" a tab stop in: the margin holds two
    columns of numbers, and the outer one was read apart from its titles, before the page's text."""
    texts = [p.text for p in document().paragraphs]
    assert "9 HLDMM – ASM Database Interaction" in texts
    assert "9.1 ASM – HLDMM Message Protocol Summary" in texts
    assert "9" not in texts
    assert "9.1" not in texts


def test_a_numbered_heading_in_the_bodys_type_and_leading_is_a_paragraph_of_its_own() -> None:
    """Page 50 sets "7.6.2" at the margin and "SensorTask – Command – detectionThreshold" at a tab stop, in the body's
    11 pt, the text going on under it at the body's leading: the heading opened the text's first sentence."""
    texts = [p.text for p in document().paragraphs]
    assert "7.6.2 SensorTask – Command – detectionThreshold" in texts
    assert any(text.startswith("The individual ASMs are expected to exhibit a level of autonomy.") for text in texts)


def test_the_labels_inside_a_framed_network_diagram_are_no_text() -> None:
    """Page 94 frames a network diagram (computers, switches and cables drawn in curves and lines) labelled in 6 pt
    ("LSI Server", "Cluster B Ethernet Switch (8 Port)", "Time Server"); its caption and text, in the body's 11 pt,
    stay."""
    texts = [p.text for p in document().paragraphs if p.page == 94]
    assert texts[:2] == [
        "Figure 4: SAPIENT Trial System Architecture",
        "Figure 4 shows the system architecture of the SAPIENT demonstration system.",
    ]
    assert not any("Ethernet Switch" in text or "Time Server" in text for text in texts)


def test_every_form_of_address_the_metadata_knows_is_taken_off_each_name_of_an_author_cell() -> None:
    """The cell's "Dr" is one of the metadata's forms of address (`FORMS_OF_ADDRESS`, one list for every format):
    each is taken off before each name of a cell (where the cell opens, or after a comma or "and"), with or without
    its full stop, "The" of "The Rt Hon" with it; within a name the word is the name's own ("Drew Lord")."""
    for word in FORMS_OF_ADDRESS:
        assert _HONORIFIC_RE.sub("", f"{word.capitalize()} Ana Ruiz and {word.capitalize()}. J. K. Lee") == (
            "Ana Ruiz and J. K. Lee"
        )
    assert _HONORIFIC_RE.sub("", "The Rt Hon Theresa May") == "Theresa May"
    assert _HONORIFIC_RE.sub("", "Drew Lord and Mrs Rita Revell") == "Drew Lord and Rita Revell"

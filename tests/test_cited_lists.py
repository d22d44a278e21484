"""Several notes cited at once, in the forms journals and reports print them (issue 13, item 1).

PLOS Medicine cites its numbered references in brackets, one ("[12]"), a list ("[17,18]") or a range ("[30–32]");
Frontiers cites them in parentheses ("(16–19)"). A marker cites one note, so a list or range is written as one
marker for each number it cites, and the judge finds that run of markers in the document as the list or range it
prints. A bracket that cites notes out of its reach (an example of citation styles) stays as printed.
"""

from __future__ import annotations

import shutil

import pytest

from eval.reference import quote_in_reference, reference
from qa.corpus import Article, Paragraph
from qa.settings import PROJECT_ROOT
from tests.parsed import articles
from tests.pdf_check import _pattern, reference_text

WILD = PROJECT_ROOT / "tests" / "data" / "wild"
PLOS = WILD / "plos-medicine-2022-unga-health-meetings.pdf"
RANGED = "As often used within the UN system to measure performance"
"""The PLOS paragraph that cites references 30, 31 and 32 as "[30–32]"."""
needs_pdftotext = pytest.mark.skipif(shutil.which("pdftotext") is None, reason="needs poppler's pdftotext")


@pytest.fixture(scope="module")
def plos() -> Article:
    (parsed,) = articles(PLOS)
    return parsed


def paragraph(found: Article, opening: str) -> Paragraph:
    return next(p for p in found.paragraphs if p.text.startswith(opening))


def paragraph_with(found: Article, words: str) -> Paragraph:
    return next(p for p in found.paragraphs if words in p.text)


def test_a_bracketed_range_is_a_marker_of_every_number_in_it(plos: Article) -> None:
    ranged = paragraph(plos, RANGED)
    assert "measure performance [30][31][32], the establishment" in ranged.text
    assert [marker.number for marker in ranged.markers] == [30, 31, 32]
    assert all(ranged.cites(marker) for marker in ranged.markers)


def test_references_cited_only_in_a_bracketed_range_are_notes(plos: Article) -> None:
    assert plos.footnotes[30].startswith("UN Decade of Action on Nutrition Secretariat. Advancing the global nutrition")
    assert plos.footnotes[31].startswith("United Nations HR Portal. Setting challenging performance goals.")
    assert plos.footnotes[32].startswith("Poister TH. Measuring performance in public and nonprofit organizations.")


def test_a_bracketed_list_is_a_marker_of_each_number_in_it(plos: Article) -> None:
    text = paragraph_with(plos, "if not properly tackled").text
    assert "tens of trillions of US dollars worldwide by 2050 if not properly tackled [17][18]. Countries" in text


@needs_pdftotext
def test_the_judge_finds_a_range_written_as_markers_where_the_document_prints_the_range(plos: Article) -> None:
    assert quote_in_reference(paragraph(plos, RANGED).text, reference(PLOS))


@needs_pdftotext
def test_the_judge_finds_no_printed_range_for_markers_that_leave_a_number_of_it_out(plos: Article) -> None:
    quote = paragraph(plos, RANGED).text.replace("[30][31][32]", "[30][32]")
    assert not quote_in_reference(quote, reference(PLOS))


def test_a_bracketed_list_citing_notes_out_of_its_reach_stays_as_printed() -> None:
    """The S2ORC paper's appendix gives "“[1, 3-5]”" as an example of a citation style, pages after its page-foot
    notes 1 to 5 were cited: it cites none of them."""
    (paper,) = articles(WILD / "acl-2020-s2orc-paper.pdf")
    examples = paragraph_with(paper, "BRACKET-style numbers")
    assert "BRACKET-style numbers (e.g. “[1, 3-5]”) and OTHER styles" in examples.text
    assert "expand bracket citation ranges (e.g. “[3]-[5]” should" in paragraph_with(paper, "expand bracket").text


def test_a_notes_first_marker_on_the_page_after_the_note_cites_it() -> None:
    """RDR's 2018 Index sets MTN's notes 4 and 5 at the foot of the page before their markers ("(F9).⁴" opens the
    next page's right column): the first marker of a number is its note's, wherever the layout put the note."""
    mtn = next(
        a for a in articles(WILD / "rdr-index-2018-report.pdf") if a.footnote(4) and "Zero Rating" in a.footnote(4)
    )
    shutdowns = paragraph(mtn, "Network management and shutdowns: MTN South Africa")
    assert "network management practices (F9).[4] MTN committed" in shutdowns.text
    (marker,) = (m for m in shutdowns.markers if m.number == 4)
    assert shutdowns.cites(marker)


@needs_pdftotext
def test_the_pdf_check_finds_a_range_written_as_markers_where_pdftotext_prints_the_range(plos: Article) -> None:
    """`tests.pdf_check`, which checks every paragraph against pdftotext, reads a run of markers as the judge does."""
    assert _pattern(paragraph(plos, RANGED).text).search(reference_text(PLOS))

"""Journal chrome and missing metadata on the wild collection's PDFs (tests/data/wild, see its manifest.jsonl):
what a page shows but does not print as text, and what the document prints about itself.

Expected values are what each document prints, as `pdftotext` shows it.
"""

from __future__ import annotations

import shutil

import pytest

from eval.reference import quote_in_reference, reference
from qa.corpus import Article
from qa.settings import PROJECT_ROOT
from tests.parsed import articles as parsed

WILD = PROJECT_ROOT / "tests" / "data" / "wild"
PLOS = "plos-medicine-2022-unga-health-meetings.pdf"
needs_poppler = pytest.mark.skipif(
    shutil.which("pdftotext") is None or shutil.which("pdftocairo") is None, reason="needs poppler-utils"
)


def article(name: str) -> Article:
    (only,) = parsed(WILD / name)
    return only


def test_white_placeholder_lines_on_the_white_page_are_not_read() -> None:
    """PLOS leaves five Crossmark placeholders ("a1111111111") painted white in the first page's margin, where
    nothing coloured is drawn behind them: on paper they are not there."""
    assert [p.text for p in article(PLOS).paragraphs if "a1111111111" in p.text] == []


def test_journal_record_under_the_journals_name_gives_the_published_date() -> None:
    """PLOS prints "Received: March 21, 2021", "Accepted: November 23, 2021" and "Published: January 13, 2022" in
    the first page's margin column, under "PLOS MEDICINE" in display type: the article is dated by the latest."""
    assert article(PLOS).date == "2022-01-13"


def test_journal_record_in_the_margin_is_not_quoted() -> None:
    texts = [p.text for p in article(PLOS).paragraphs]
    assert not any(text.startswith("Received: March 21, 2021") for text in texts)
    assert not any("Competing interests: The authors have declared" in text for text in texts)


def test_sign_off_name_over_its_job_is_the_author_of_a_document_with_no_byline() -> None:
    """The Federal Register's proposed rule prints no byline; it is signed at its end "Issued on August 3, 2020." /
    "Lance T. Gant," / "Director, Compliance & Airworthiness" / "Division, Aircraft Certification Service."."""
    assert article("federal-register-2020-17221.pdf").author == "Lance T. Gant"


@needs_poppler
def test_judge_reads_a_proof_without_its_invisible_queries() -> None:
    """The proof lays its copy-editor's queries as invisible text over the lines they query; pdftotext reads them
    into the sentence ("... AUthe : Pleasecheck...} TB HLM, ..."), the judge reads the page as it prints."""
    ref = reference(WILD / PLOS)
    assert quote_in_reference("Unlike the case of the TB HLM, the UHC HLM was promptly embraced.", ref)


@needs_poppler
def test_judge_still_fails_a_query_a_proof_hides() -> None:
    """The query's words are not in the document as it prints: a quote holding them is not verbatim."""
    ref = reference(WILD / PLOS)
    assert not quote_in_reference("Please check that the edits to the sentence", ref)
    assert not quote_in_reference("Pleasecheckthattheeditstothesentence", ref)


def test_orcid_badge_drawn_over_its_white_letters_is_not_read_into_the_byline() -> None:
    """PLOS draws each ORCID badge as a green disc over white letters "ID": the letters are covered, the reader sees
    the drawing. Read, they glued to the names ("Paolo RodiID")."""
    found = article(PLOS)
    assert [p.text for p in found.paragraphs if "RodiID" in p.text or "MendezID" in p.text] == []
    assert found.author == "Paolo Rodi, Werner Obermeyer, Ariel Pablos-Mendez, Andrea Gori, Mario C. Raviglione"


def test_first_page_header_block_ending_in_the_running_heads_doi_is_not_text() -> None:
    """Frontiers sets "TYPE Original Research", "PUBLISHED 02 September 2022" and "DOI 10.3389/fimmu.2022.915001"
    atop page 1, where later pages print "10.3389/fimmu.2022.915001" as their running head."""
    texts = [p.text for p in article("frontiers-2022-hypertension-sars-cov-2.pdf").paragraphs]
    assert not any("TYPE Original Research" in text or text.startswith("PUBLISHED") for text in texts)


def test_list_items_atop_figure_pages_numbered_by_the_list_are_not_running_heads() -> None:
    """The Federal Register's items "(6) In the Operating Procedures chapter," to "(10) ..." each stand atop a
    page that is mostly a figure: alike but for their numbers, which go up by two a page, not with the page."""
    texts = [p.text for p in article("federal-register-2020-17221.pdf").paragraphs]
    assert (
        "(7) In the Operating Procedures chapter, add the information in figure 6 to paragraph (h)(7) of this AD."
        in (texts)
    )
    assert (
        "(9) In the Operating Procedures chapter, add the information in figure 8 to paragraph (h)(9) of this AD."
        in (texts)
    )


def test_print_stamp_painted_white_is_not_read() -> None:
    """GPO's stamp ("VerDate Sep<11>2014 16:21 Aug 05, 2020 Jkt 250001 ...") is printed white at every page's foot."""
    texts = [p.text for p in article("federal-register-2020-17221.pdf").paragraphs]
    assert not any("VerDate" in text or "Jkt 250001" in text for text in texts)

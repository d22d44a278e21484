"""The SAPIENT Middleware Interface Control Document in the wild collection (tests/data/wild, see its manifest.jsonl):
a UK defence laboratory's specification written in Word 2016, every page marked "OFFICIAL" at its top and foot over
the document's number and page ("DSTL/PUB122781 Page 12"), its cover dated with an ordinal day ("11th May 2020").

Expected values are what the document prints, as `pdftotext` shows it.
"""

from __future__ import annotations

from qa.corpus import Article
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

"""An act of the European Union as the Official Journal prints it (the GDPR, OJ L 119, 4.5.2016): the Journal's section
headings in large type over the act's title in bold body type, and recitals numbered "(1)", "(2)" in a column hung
left of their text.

Expected values are what the document prints, as `pdftotext` shows it.
"""

from __future__ import annotations

from qa.corpus import Article
from qa.settings import PROJECT_ROOT
from tests.parsed import articles

GDPR = PROJECT_ROOT / "tests" / "data" / "wild" / "eu-oj-2016-679-gdpr.pdf"


def act() -> Article:
    (article,) = articles(GDPR)
    return article


def test_bold_lines_of_the_texts_size_that_print_the_info_title_title_the_act() -> None:
    assert act().title == (
        "REGULATION (EU) 2016/679 OF THE EUROPEAN PARLIAMENT AND OF THE COUNCIL of 27 April 2016 on the protection of "
        "natural persons with regard to the processing of personal data and on the free movement of such data, and "
        "repealing Directive 95/46/EC (General Data Protection Regulation)"
    )


def test_the_journals_larger_section_heading_over_the_title_is_not_text() -> None:
    assert not any(p.text == "REGULATIONS" for p in act().paragraphs)


def test_a_recital_number_hung_left_of_its_text_opens_that_recital() -> None:
    texts = [p.text for p in act().paragraphs]
    assert any(t.startswith("(2) The principles of, and rules on the protection of natural persons") for t in texts)
    assert any(t.startswith("(12) Article 16(2) TFEU mandates the European Parliament") for t in texts)


def test_no_recital_number_stands_alone_as_a_paragraph() -> None:
    assert not any(p.text in ("(1)", "(2)", "(4)", "(11)") for p in act().paragraphs)


def test_the_info_author_no_page_prints_is_no_author() -> None:
    """The Info Author is "Publications Office", the Journal's publisher, which no page of the act prints; the act
    names no author (the Parliament and the Council adopt it)."""
    assert act().author is None

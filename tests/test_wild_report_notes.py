"""Notes the InDesign report of the wild collection (tests/data/wild/rdr-index-2018-report.pdf, see its manifest entry)
sets in ways its typesetter did not mean: markers left in the text's size, a card's first note number left
unraised, a note whose wrapped lines cross the gutter, endnotes cited only after the company cards.

Expected values are what the report prints, as `pdftotext` shows it.
"""

from __future__ import annotations

from qa.corpus import Article
from qa.settings import PROJECT_ROOT
from tests.parsed import articles

REPORT = PROJECT_ROOT / "tests" / "data" / "wild" / "rdr-index-2018-report.pdf"


def holding(words: str) -> tuple[Article, str]:
    """The article with the paragraph that reads `words`, and that paragraph's text."""
    return next((a, p.text) for a in articles(REPORT) for p in a.paragraphs if words in p.text)


def test_markers_printed_in_the_texts_size_between_raised_95_and_98_cite_endnotes_96_and_97() -> None:
    """Page 75 prints "processes.96 And while ..." and "user information.97" in the text's own 10 points."""
    found, text = holding("Ooredoo and Etisalat from disclosing information")
    assert "about these processes.[96] And while Malaysia’s Official Secrets Act" in text
    assert text.endswith("how it handles third-party requests for user information.[97]")
    assert found.footnote(96).startswith("“Public Telecommunications License No. 1/2006” Telecommunications Regulatory")
    assert found.footnote(97).startswith("“Official Secrets Act 1972,” Act 88 (1972)")


def test_a_number_glued_after_a_full_stop_outside_the_marker_sequence_stays_text() -> None:
    """A resolution's symbol in a note ("A/HRC/32/L.20") is no marker 20."""
    assert any("A/HRC/32/L.20" in note for a in articles(REPORT) for note in a.footnotes.values())


def test_a_cards_first_note_whose_number_is_set_unraised_is_its_note_one() -> None:
    """Kakao's card prints its note 1 as "1 The research period ..." with the 1 in the notes' size, and its note 2
    with a raised 2: the foot's first line opens note 1, though earlier cards' feet went past 1."""
    found, text = holding("Kakao ranked sixth out of the 12 internet and mobile ecosystem companies evaluated")
    assert "affecting freedom of expression and privacy.[1]" in text
    assert found.footnote(1).startswith("The research period for the 2018 Index ran from January 13, 2017")
    assert "For Kakao’s performance in the 2017 Index" in found.footnote(1)
    assert not any(p.text.startswith("1 The research period") for p in found.paragraphs)


def test_a_card_note_whose_wrapped_line_crosses_the_gutter_is_whole() -> None:
    """Orange's note 3 opens at the left column's foot; its web address, wider than the column, runs under both."""
    found, text = holding("Requests for user information: Orange disclosed less")
    assert "requests for user information (P10, P11). While Orange provided some data" in text
    assert found.footnote(3) == (
        "“Orange and Human Rights: 2016 Report” (Orange, November 2017), https://www.orange.com/en/content/download/"
        "45336/1348812/version/7/file/Report+2016+Orange+Human+Rights+DIGITAL-VA.pdf."
    )
    assert not any(p.text.startswith(("[3] “Orange", "https://www.orange.com")) for p in found.paragraphs)


def test_endnotes_cited_only_by_the_chapter_after_the_cards_stand_once_with_it() -> None:
    """Notes 108 and 109 are cited on page 129, in the methodology chapter that follows the company cards."""
    found, text = holding("as in the 2017 Index.[108]")
    assert "as in the 2017 Index.[108] This enabled us to produce comparative analyses" in text
    assert (
        found.footnote(108)
        == "“2018 Companies,” Ranking Digital Rights, https://rankingdigitalrights.org/2018-companies/."
    )
    assert [a.id for a in articles(REPORT) if 108 in a.footnotes or 109 in a.footnotes] == [found.id]

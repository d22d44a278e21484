"""Code listings with numbered lines in a PDF: DIME Analytics' "Data for Development Impact" (2019, tufte-book,
tests/data/wild) prints its Stata do-files in a fixed-pitch face (Bera Sans Mono) with each line's number set small
in the text face a gutter to its left, blank lines numbered too. The numbers count the listing's lines and are none
of its text; the notes in the margin beside (web addresses in the same fixed-pitch face, one under another) keep
their numbers.

Expected values are the lines as the book prints them.
"""

from __future__ import annotations

from qa.corpus import Article
from qa.settings import PROJECT_ROOT
from tests.parsed import articles

BOOK = PROJECT_ROOT / "tests" / "data" / "wild" / "dime-2019-data-for-development-impact.pdf"


def book() -> Article:
    (only,) = articles(BOOK)
    return only


def page_texts(page: int) -> list[str]:
    return [p.text for p in book().paragraphs if p.page == page]


def test_a_listing_reads_its_lines_without_their_numbers() -> None:
    """Page 15's code.do: "1 * Load the auto dataset", "2 sysuse auto.dta , clear", "3" (blank), ..."""
    texts = page_texts(15)
    assert "* Load the auto dataset sysuse auto.dta , clear" in texts
    assert "* Load the results into memory clear svmat results , n(col)" in texts


def test_a_blank_numbered_line_of_a_listing_is_no_paragraph() -> None:
    assert not [text for page in (15, 41, 43) for text in page_texts(page) if text.isdigit()]


def test_a_listing_numbered_past_nine_reads_its_lines_without_their_numbers() -> None:
    """Page 41's randomization-cf.do numbers its lines 1 to 29; line 13 opens "* Identical randomization"."""
    assert any(text.startswith("* Identical randomization sysuse bpwide.dta , clear") for text in page_texts(41))


def test_a_two_line_listing_reads_its_lines_without_their_numbers() -> None:
    """Page 69's citation.tex: "1 With these tools, ... are writing" and "2 in a format ... control.\\cite{...}"."""
    assert (
        "With these tools, you can ensure that co-authors are writing in a format you can manage and control."
        "\\cite{flom2005latex}"
    ) in page_texts(69)


def test_a_note_beside_a_listing_is_the_note_its_marker_cites() -> None:
    """Page 15's notes 12 and 13 stand in the margin beside the body text that follows code.do."""
    assert book().footnotes[12] == "https://dimewiki.worldbank.org/wiki/ietoolkit"
    assert book().footnotes[13] == "https://dimewiki.worldbank.org/wiki/iefieldkit"


def test_margin_notes_of_fixed_pitch_web_addresses_numbered_one_after_another_keep_their_numbers() -> None:
    """Page 34's notes 83, 84 and 85 are each a web address in the listings' face, numbered 83, 84, 85 one under
    another at one pitch: lines apart, no listing's lines."""
    notes = book().footnotes
    assert notes[83] == "https://www.princeton.edu/~otorres/Panel101.pdf"
    assert notes[84] == "http://blogs.worldbank.org/impactevaluations/dealing-attrition-field-experiments"
    assert notes[85] == "https://dimewiki.worldbank.org/wiki/ieddtab"


def test_a_one_line_listings_number_is_no_word_of_its_line() -> None:
    """Page 70's pandoc.sh is one line, numbered "1" small in the margin on its baseline: no run of numbers counts
    it, and the note numbers raised over the margin's web addresses on the page stay theirs."""
    texts = page_texts(70)
    assert "pandoc -s -o main.docx main.tex --bibliography sample.bib --csl=[style].csl" in texts
    assert book().footnotes[184] == "http://pandoc.org/"

"""Notes set where a page's foot of small lines is not: in the outer margin of a Tufte-style book beside a page whose
lines run on into the margin, and at a report's page foot in the size of its text. Read from a few pages of two real
documents (tests/data/wild, see its manifest.jsonl), cut out of the whole so each test parses only the pages it needs:
DIME Analytics' "Data for Development Impact" (2019, pdfLaTeX, tufte-book: notes in the margin, code listings) and
Ranking Digital Rights' 2015 Corporate Accountability Index (company reports with notes at the text's size).

Expected values are the notes and lines as the pages print them.
"""

from __future__ import annotations

from functools import cache
from io import BytesIO

import pypdfium2

from qa.corpus import Article
from qa.formats import parse_bytes
from qa.settings import PROJECT_ROOT

WILD = PROJECT_ROOT / "tests" / "data" / "wild"
BOOK = WILD / "dime-2019-data-for-development-impact.pdf"
INDEX = WILD / "rdr-index-2015-report.pdf"


@cache
def pages(name: str, first: int, last: int) -> tuple[Article, ...]:
    """The documents the PDF `name` in tests/data/wild makes of its pages `first` to `last` (counted from 1) alone."""
    whole = pypdfium2.PdfDocument(WILD / name)
    part = pypdfium2.PdfDocument.new()
    part.import_pages(whole, list(range(first - 1, last)))
    data = BytesIO()
    part.save(data)
    return tuple(parse_bytes(data.getvalue(), name).articles)


def book(first: int, last: int) -> Article:
    (only,) = pages(BOOK.name, first, last)
    return only


def test_a_margin_column_of_notes_above_lines_running_into_the_margin_is_read_as_notes() -> None:
    """Page 65 cites four books beside their notes; a line of the text below them runs into the margin, so the
    margin's column ends above the page's last band. Before, each note was a paragraph ("[163] https://...")."""
    doc = book(60, 71)
    assert doc.footnotes[163] == "https://r4ds.had.co.nz/"
    assert doc.footnotes[164] == "https://scholar.harvard.edu/files/mcgovern/files/practical_introduction_to_stata.pdf"
    assert doc.footnotes[166] == "http://scunning.com/mixtape.html"
    assert not [p.text for p in doc.paragraphs if p.text.startswith(("[163]", "[179]", "[182]"))]


def test_a_margin_note_above_a_code_listing_wider_than_the_text_is_a_note() -> None:
    """Page 70 sets notes 182 to 184 beside a listing whose one line runs into the margin under them."""
    doc = book(60, 71)
    assert doc.footnotes[182] == (
        "Flom, P. (2005). LaTeX for academics and researchers who (think they) don’t need it. The PracTEX Journal, 4"
    )
    assert doc.footnotes[184] == "http://pandoc.org/"


def test_body_lines_beside_side_notes_are_no_headings_on_a_page_mostly_of_smaller_code() -> None:
    """Page 83 holds more lines of a listing (7.6 pt) than of text (10 pt); measured by the listing, each text line
    was taken for a heading, and note 193 beside them was read as a paragraph."""
    doc = book(80, 84)
    assert doc.footnotes[193] == "https://dimewiki.worldbank.org/wiki/ID_Variable_Properties"
    (text,) = [p.text for p in doc.paragraphs if p.text.startswith("The command compress")]
    assert text.endswith("makes it smaller on your computer and faster to send over a network or the internet.")


def test_a_side_note_on_the_baseline_of_a_logos_stray_letters_parts_from_them() -> None:
    """Page 28's note 57 stands level with the raised "A" and lowered "E" of two LaTeX logos in the text, grouped as
    a line of their own; the note ran into them ("A E A E[57] https://www.latex-project.org")."""
    doc = book(24, 30)
    assert doc.footnotes[57] == "https://www.latex-project.org"
    assert not [p.text for p in doc.paragraphs if "[57] https" in p.text]


def test_a_listing_caption_set_over_its_first_line_is_read_before_it() -> None:
    texts = [p.text for p in book(77, 77).paragraphs]
    assert texts.index("stata-loops.do") + 1 == texts.index("* This is BAD foreach i in potato cassava maize { }")
    assert "stata-whitespace-columns.do" in texts


def test_a_web_address_cut_after_a_dot_goes_on_with_its_file_type() -> None:
    """Note 113 breaks its address after "permutation-test." and sets "html" on the next line."""
    assert book(40, 43).footnotes[113] == "https://davegiles.blogspot.com/2019/04/what-is-permutation-test.html"


def test_notes_in_the_texts_size_whose_numbers_raised_markers_cite_are_notes() -> None:
    """Page 35 (Facebook) cites "users¹" and "users²" and sets "1. See http://..." and "2. See http://..." at its foot
    in the size of its text, under the "* S&P Capital IQ" note on the market cap."""
    (doc,) = [
        doc
        for doc in pages(INDEX.name, 30, 40)
        if any(p.text.startswith("Facebook, Inc. placed sixth") for p in doc.paragraphs)
    ]
    assert (
        doc.footnotes[1] == "See http://www.cnbc.com/2015/09/23/instagram-hits-400-million-users-beating-twitter.html"
    )
    assert doc.footnotes[2] == "See http://fortune.com/2015/09/04/whatsapp-900-million-users/"
    assert not [p.text for p in doc.paragraphs if p.text.startswith(("1. See", "* S&P"))]

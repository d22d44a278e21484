"""A memorandum of the Office of Management and Budget in the wild collection (tests/data/wild, see its
manifest.jsonl): M-24-15, written in Word (Acrobat PDFMaker), opening with a header of labelled lines ("MEMORANDUM FOR
...", "FROM: ...", "SUBJECT: ...") under the office's letterhead.

Expected values are what the document prints, as `pdftotext` shows it.
"""

from __future__ import annotations

from qa.corpus import Article
from qa.settings import PROJECT_ROOT
from tests.parsed import articles

MEMO = PROJECT_ROOT / "tests" / "data" / "wild" / "omb-m-24-15-modernizing-fedramp.pdf"


def first() -> Article:
    return articles(MEMO)[0]


def test_a_memorandums_from_line_names_its_author() -> None:
    """The header prints "FROM: SHALANDA D. YOUNG"; the file's Info Author, "Office of Management and Budget", names
    the office that published it, printed in the letterhead, not who sends the memorandum."""
    assert first().author == "SHALANDA D. YOUNG"


def test_a_memorandums_from_line_stays_in_its_text() -> None:
    """The header is the memorandum's own text, whom it is for and from and on what; taking its sender as the author
    leaves the line where it stands."""
    assert any(p.text.startswith("FROM: SHALANDA D. YOUNG") for p in first().paragraphs)

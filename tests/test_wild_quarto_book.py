"""A chapter of the UK Government Analysis Function's AQuA Book in the wild collection (tests/data/wild, see its
manifest.jsonl), as Quarto 1.8 renders a book's page: the chapter's number and title in one h1, the book's chapters
in a sidebar, the page's contents in the margin, callouts, and pandoc's end notes in
`<section id="footnotes" class="footnotes footnotes-end-of-document">`.

Expected values are what the page prints.
"""

from __future__ import annotations

from qa.corpus import Article
from qa.settings import PROJECT_ROOT
from tests.parsed import articles

CHAPTER = PROJECT_ROOT / "tests" / "data" / "wild" / "analysis-function-2025-aqua-book-introduction.html"


def chapter() -> Article:
    (only,) = articles(CHAPTER)
    return only


def texts() -> list[str]:
    return [paragraph.text for paragraph in chapter().paragraphs]


def test_a_book_chapter_is_titled_by_its_number_and_title_as_its_heading_prints_them() -> None:
    """The h1 holds "1" and "Introduction" in spans parted by a no-break space; `<title>` adds the book's name."""
    assert chapter().title == "1 Introduction"


def test_a_chapter_printing_no_byline_or_date_has_neither() -> None:
    assert chapter().author is None
    assert chapter().date is None


def test_the_books_sidebar_and_the_pages_contents_are_not_text() -> None:
    chrome = {"Table of contents", "Improving the book", "2 Definitions and concepts"}
    assert not any(text in chrome for text in texts())
    assert texts()[0].startswith("This version of the AQuA book is the final pre-publication draft.")


def test_pandocs_end_notes_are_the_notes_their_markers_cite() -> None:
    assert chapter().footnote(2) == "Managing Public Money, Annex 4.2 Use of models"
    assert "support the analytical assurance that is required for audit purposes [2]" in texts()

"""The U.S. Digital Service's Report to Congress of July 2017 in the wild collection (tests/data/wild, see its
manifest.jsonl): laid out in Adobe InDesign, one project a page in columns of unequal width, its cover dating it
beside the site's address ("July 2017 | usds.gov"), its justified lines' spaces narrowed to about a point.

Expected values are what the report prints, as `pdftotext` shows it.
"""

from __future__ import annotations

import shutil

import pytest

from eval.reference import quote_in_reference, reference
from qa.corpus import Article
from qa.settings import PROJECT_ROOT
from tests.parsed import articles

REPORT = PROJECT_ROOT / "tests" / "data" / "wild" / "usds-2017-july-report-to-congress.pdf"


def report() -> Article:
    (only,) = articles(REPORT)
    return only


def test_the_covers_title_titles_the_report() -> None:
    assert report().title == "Report to Congress"


def test_a_month_beside_the_publishers_address_after_a_bar_dates_the_report() -> None:
    assert report().date == "2017-07"


def test_a_report_whose_cover_names_no_author_has_none() -> None:
    """The office's name is only in its logo, an image; the introduction is signed by its acting administrator."""
    assert report().author is None


def test_spaces_narrowed_into_the_next_letter_by_justification_part_the_words() -> None:
    """The line's spaces keep their glyph's width but the next letter starts a point after the word before: each
    space's middle lies inside that letter, as a space drawn over a glyph's would."""
    assert any(
        "Train, Advise, Assist mission of Operation Resolute Support. This mission relies on" in p.text
        for p in report().paragraphs
    )


def page(number: int) -> list[str]:
    return [p.text for p in report().paragraphs if p.page == number]


def test_a_title_set_flush_right_over_the_right_column_is_read_before_both_columns() -> None:
    """Page 13's title ("Department of Defense (DoD)", a running title, over "Defense Personal Property System")
    stands right of the gutter, white space under it down to the columns' headings."""
    assert page(13)[:3] == ["Defense Personal Property System", "THE CHALLENGE", page(13)[2]]
    assert page(13)[2].startswith("The Defense Personal Property System (DPS) is USTRANSCOM’s logistics system")
    assert page(13)[3] == "THE SOLUTION"


def test_a_right_columns_heading_set_higher_than_the_left_columns_text_heads_the_right_column() -> None:
    """Page 11 sets "THE SOLUTION" a line above "THE CHALLENGE", under a title that runs across the gutter: the
    title is neither column's text, and the heading is read where its column starts, after the left column."""
    paragraphs = [p for p in report().paragraphs if p.page == 11]
    assert [p.text for p in paragraphs][:2] == ["Advisor Network (ANET)", "THE CHALLENGE"]
    solution = next(p for p in paragraphs if p.text.startswith("The Defense Digital Service (DDS) began development"))
    assert solution.section == "THE SOLUTION"


def test_a_timelines_dates_are_each_read_beside_their_event() -> None:
    """Page 16's milestones: a column of dates, each level with its event in the column beside it, in each of the
    page's two columns."""
    assert page(16)[1:5] == ["8/2014", "USDS Founded", "02/2015", "myUSCIS launches"]
    assert page(16)[page(16).index("11/2016") + 1] == "Hack the Army"


@pytest.mark.skipif(shutil.which("pdftotext") is None, reason="needs poppler's pdftotext")
def test_every_paragraph_of_the_report_is_verbatim_in_its_text() -> None:
    ref = reference(REPORT)
    assert [p.text for p in report().paragraphs if not quote_in_reference(p.text, ref)] == []

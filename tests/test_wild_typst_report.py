"""LIRNEasia's data governance report on Pakistan in the wild collection (tests/data/wild, see its manifest.jsonl): set
by Typst through Quarto, its cover printing the title, the project's name, the author and the date one under another,
its footnotes numbered through the report, the numbers written only with the digits 1, 2 and 3 set as Unicode
superscript characters ("¹", "²¹") where the font has them, the rest as raised digits.

Expected values are what the report prints, as `pdftotext` shows it.
"""

from __future__ import annotations

from qa.corpus import Article
from qa.settings import PROJECT_ROOT
from tests.parsed import articles

REPORT = PROJECT_ROOT / "tests" / "data" / "wild" / "lirneasia-2025-d4dasia-pakistan-data-governance.pdf"


def report() -> Article:
    (only,) = articles(REPORT)
    return only


def texts() -> list[str]:
    return [paragraph.text for paragraph in report().paragraphs]


def test_a_row_opening_with_a_superscript_digit_is_read_not_counted_as_a_line_number() -> None:
    """A note's number set as "¹" opens its row: `str.isdigit` holds for it, `int` refuses it, and the line-number
    check read it as a number; the report was "not a readable PDF"."""
    sentence = (
        "Under Section 8 of the National Archives Act, 1993, public records will be made available 20 years after "
        "their creation to the public for reference or research."
    )
    assert any(text.startswith(sentence) for text in texts())


def test_the_covers_largest_lines_title_the_report() -> None:
    assert report().title == "Data Governance Framework: Pakistan"


def test_the_date_under_the_author_on_the_cover_dates_the_report() -> None:
    """The cover prints "August 1, 2025"; the Info dict's CreationDate (2025-12-09) is the build's."""
    assert report().date == "2025-08-01"


def test_the_running_foot_is_not_text() -> None:
    assert not any("D4D Asia: Pakistan Data Governance Report" in text for text in texts())


def test_a_note_numbered_with_raised_digits_is_the_note_its_marker_cites() -> None:
    """Note 53, set as a raised "53" after "Germanwatch,", is cited in the sentence and printed at the page's foot."""
    assert report().footnote(53) == "Germanwatch, Global Climate Risk Index 2021."


def test_a_marker_printed_as_superscript_characters_cites_its_note() -> None:
    """The text's "Article 14.²" cites note 2, printed "²ConstitutionPK1973?" at the page's foot, its number hung."""
    assert any("the Constitution of Pakistan 1973 under Article 14.[2] However" in text for text in texts())
    assert report().footnote(2) == "ConstitutionPK1973?"


def test_a_note_at_the_foot_opening_with_superscript_characters_is_no_body_text() -> None:
    assert report().footnote(1) == "OECD, Going Digital Guide to Data Governance Policy Making."
    assert not any("Going Digital Guide" in text for text in texts())


def test_a_paragraph_runs_on_over_a_foot_of_superscript_numbered_notes() -> None:
    """Page 7 ends "... Islamic principles, and modern" over notes 2 to 4; page 8 goes on "legal developments."."""
    assert any("Islamic principles, and modern legal developments. Pakistan is governed" in text for text in texts())


def test_every_note_the_report_numbers_is_read() -> None:
    """The report's notes run from 1 to 212, through the report."""
    assert [number for number, _ in report().footnote_list()] == list(range(1, 213))


def test_the_name_set_alone_over_the_date_on_the_cover_is_the_author() -> None:
    """The cover sets the title, the project's name, "Muhammad Aslam Hayat" and "August 1, 2025" one under another."""
    assert report().author == "Muhammad Aslam Hayat"


def test_the_covers_author_is_no_heading() -> None:
    assert "Muhammad Aslam Hayat" not in texts()

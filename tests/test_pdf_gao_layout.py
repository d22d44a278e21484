"""A US GAO report (FrameMaker 7, Acrobat Distiller): a cover whose largest glyph is a logo's letter, charts whose
axis labels stand at a page's foot, and side tabs whose labels are printed too small to read beside the text."""

from __future__ import annotations

from pathlib import Path

import pytest
from fpdf import FPDF

from qa.corpus import Article
from qa.formats import parse_bytes
from tests.parsed import REAL, articles

REPORT = Path(__file__).parent / "data" / "wild" / "gao-05-927-managing-for-results.pdf"


@pytest.fixture(scope="module")
def report() -> tuple[Article, ...]:
    return articles(REPORT)


def texts(parsed: Article) -> list[str]:
    return [p.text for p in parsed.paragraphs]


def test_a_chart_axis_at_a_page_foot_is_no_note_so_the_letter_stays_one_article(report: tuple[Article, ...]) -> None:
    letter = report[0]
    assert sorted(letter.footnotes) == list(range(1, 40))
    assert letter.footnotes[30] == "GAO/GGD-96-118."
    assert letter.paragraphs[1].text.startswith("Report to the Chairman, Subcommittee")
    assert any(text.startswith("Agencies Can Use Performance Information to Manage") for text in texts(letter))


def test_a_logo_letter_on_the_cover_is_no_title_and_the_info_title_without_its_number_holds_the_printed_one(
    report: tuple[Article, ...],
) -> None:
    assert report[0].title == (
        "MANAGING FOR RESULTS: Enhancing Agency Use of Performance Information for Management Decision Making"
    )


def test_an_info_title_with_words_the_first_page_does_not_print_is_no_fuller_title() -> None:
    (example,) = articles(REPORT.parent / "google-docs-example.pdf")
    assert example.title == "Example document"


def test_a_side_tab_label_too_small_to_read_is_left_out(report: tuple[Article, ...]) -> None:
    paragraphs = [text for parsed in report for text in texts(parsed)]
    assert "September 9, 2005" in paragraphs
    assert not [text for text in paragraphs if text.endswith(("Letr", "Leter", "ApendxieIs", "AppendxiI"))]


def test_a_running_footer_numbered_in_roman_numerals_is_furniture(report: tuple[Article, ...]) -> None:
    paragraphs = [text for parsed in report for text in texts(parsed)]
    assert not [text for text in paragraphs if text.startswith("Page i ")]


def test_a_chart_column_of_numbers_no_longer_hides_the_endnote_of_its_first_number() -> None:
    """A chart's numbers at a page foot ("48", "48", "33", ...) read as note 48 raised the floor of page-foot notes
    and left the index's real endnote 48 out; its running footer, number beside it, stays furniture."""
    index = articles(REAL / "rdr-index-2017.pdf")
    assert index[0].footnotes[48].startswith("According to research by Access Now, the number of documented network")
    assert "RANKING DIGITAL RIGHTS" not in {text for article in index for text in article.footnotes.values()}


def test_a_small_date_beside_the_first_line_of_a_large_title_is_a_line_of_its_own_that_dates_the_report(
    report: tuple[Article, ...],
) -> None:
    assert [parsed.date for parsed in report] == ["2005-09"] * len(report)
    cover = [p.text for p in report[0].paragraphs if p.page == 1]
    assert not [text for text in cover if "MANAGING FOR" in text or text.startswith("September 2005")]


def test_labels_printed_small_over_a_diagram_image_are_no_paragraphs(report: tuple[Article, ...]) -> None:
    paragraphs = [text for parsed in report for text in texts(parsed)]
    assert not [text for text in paragraphs if text.startswith(("Identify Develop", "Recognize Identify"))]
    assert (
        "Figure 1: Practices That Can Enhance or Facilitate the Use of Performance Information for Management "
        "Decision Making" in paragraphs
    )


def test_a_raised_letter_opening_a_figure_note_is_a_word_of_its_own(report: tuple[Article, ...]) -> None:
    paragraphs = [text for parsed in report for text in texts(parsed)]
    assert "a There was a statistically significant difference between the 1997 and 2003 surveys." in paragraphs
    assert not [text for text in paragraphs if text.startswith("aThe")]


def test_a_contents_page_set_in_columns_of_labels_titles_and_page_numbers_is_no_paragraphs(
    report: tuple[Article, ...],
) -> None:
    """Its rows end in page numbers that start again at each list (chapters, the table, the figures); read a column
    at a time, the numbers ("1 3 5") and labels ("Appendix I:", "Figure 4: Figure 5:") were paragraphs."""
    paragraphs = [text for parsed in report for text in texts(parsed)]
    assert not {"Appendix I:", "Figure 4: Figure 5:", "1 3 5", "Letter"} & set(paragraphs)
    assert not [text for text in paragraphs if text.startswith("Results in Brief Background")]


def test_a_contents_entry_whose_title_ends_in_a_year_is_no_paragraph_when_its_page_number_stands_apart(
    report: tuple[Article, ...],
) -> None:
    """Figure 3's title ends "... Since 1997", its page number 6 set in the numbers' column: read as title and number
    it is a contents entry, as the entries around it are, not a paragraph of the front matter."""
    paragraphs = [text for parsed in report for text in texts(parsed)]
    assert not [text for text in paragraphs if "Since 1997 6" in text]


def test_a_contents_entry_carried_over_to_the_next_page_is_no_paragraph(report: tuple[Article, ...]) -> None:
    """The list of figures fills page i to its foot and ends atop page ii with one entry (figure 9, page 32): too few
    to make a run of entries alone, it goes on with the list; the abbreviations under it stay."""
    paragraphs = [text for parsed in report for text in texts(parsed)]
    assert not [text for text in paragraphs if "Runway Incursions 32" in text]
    assert "Abbreviations" in paragraphs


def test_a_print_job_code_beside_the_last_page_footer_is_furniture_with_it(report: tuple[Article, ...]) -> None:
    """The last page prints "(450365)" before the footer "Page 44 GAO-05-927 Managing for Results" every page sets."""
    paragraphs = [text for parsed in report for text in texts(parsed)]
    assert not [text for text in paragraphs if "GAO-05-927 Managing for Results" in text]
    last = [p.text for p in report[-1].paragraphs if p.page == 48][-1]
    assert last.startswith("Human Capital: Preliminary Observations on Proposed DOD") and last.endswith("2005.")


def test_text_over_a_page_background_tiled_in_image_strips_is_no_diagram_label() -> None:
    """Each of five strips is under half the page; taken together they hold the page's body text, so the small
    notes over them are text, not a picture's labels (a regression guard for `_labels`)."""
    paragraphs = [text for parsed in articles(REAL / "gao-infant-formula-2006.pdf") for text in texts(parsed)]
    assert (
        "Note: Healthy People 2010 proposed the exclusive breastfeeding goals for public comment in August 2005."
        in (paragraphs)
    )


def test_a_cover_date_set_small_beside_a_large_title_line_dates_the_document_and_leaves_the_title_whole() -> None:
    """A 12-point date a gutter left of a 36-point title's first line, within its height (fpdf2)."""
    pdf = FPDF(unit="pt", format="letter")
    pdf.add_page()
    pdf.set_font("Helvetica", size=36)
    pdf.text(220, 190, "WATER RIGHTS")
    pdf.text(220, 226, "IN THE VALLEY")
    pdf.set_font("Helvetica", size=12)
    pdf.text(33, 178, "March 2011")
    pdf.set_font("Helvetica", size=11)
    pdf.set_y(300)
    pdf.multi_cell(0, 14, "The valley's farms drew more water than its river gave in each of the last five years.")
    (parsed,) = parse_bytes(bytes(pdf.output()), "cover.pdf").articles
    assert parsed.date == "2011-03"
    assert parsed.title == "WATER RIGHTS IN THE VALLEY"


def test_the_logos_motto_drawn_over_its_curves_is_no_paragraph(report: tuple[Article, ...]) -> None:
    """The Highlights page draws GAO's logo in curves, its motto "Accountability Integrity Reliability" set in 6-point
    type over them, above the page's "Highlights" heading."""
    found = [text for parsed in report for text in texts(parsed)]
    assert not any("Integrity Reliability" in text for text in found)
    assert "Highlights" in found


def test_the_covers_logo_letter_and_report_number_below_the_title_are_no_paragraphs(
    report: tuple[Article, ...],
) -> None:
    """Under its title and date the cover prints only the logo (a letter of a logo font, 95 points) and the
    report's number "GAO-05-927": the publisher's, not the report's text."""
    found = texts(report[0])
    assert "a" not in found
    assert "GAO-05-927" not in found


def test_the_covers_addressee_above_the_title_stays(report: tuple[Article, ...]) -> None:
    """The logo "GAO", set in the margin level with the addressee's first line, is a line of its own; the
    addressee, over the title and no heading (a line over a cover's title is text), is one paragraph."""
    assert texts(report[0])[:2] == [
        "GAO",
        "Report to the Chairman, Subcommittee on Government Management, Finance and Accountability, Committee on "
        "Government Reform, House of Representatives",
    ]


def test_a_sentence_carried_over_to_a_page_with_side_headings_runs_on_from_the_page_before() -> None:
    """GAO-06-1046's page 15 sets its side headings lower than its first line, which ends a sentence of page 14: the
    headings are read where they stand, not before the carried-over text."""
    texts = [p.text for a in articles(REPORT.parent / "gao-06-1046-grants-management.pdf") for p in a.paragraphs]
    assert any(
        "which ORC returns to ProFac on a quarterly basis only if ProFac obtains a sufficient level of performance."
        in text
        for text in texts
    )


def test_a_side_heading_is_read_before_the_text_level_with_it() -> None:
    texts = [p.text for a in articles(REPORT.parent / "gao-06-1046-grants-management.pdf") for p in a.paragraphs]
    at = texts.index("Trade-offs and Challenges Exist in Ensuring Performance Accountability in Federal Grants")
    assert texts[at + 1].startswith("The trade-offs and challenges associated with performance accountability")


def test_a_tables_last_cell_on_a_page_never_runs_into_the_next_pages_continued_line(
    report: tuple[Article, ...],
) -> None:
    """Appendix I's table breaks over a page: its last cell, "... competitive grant" in the third column, ends the
    page, and the next page opens with "(Continued From Previous Page)" over the table's head again."""
    paragraphs = texts(report[1])
    start = paragraphs.index("Direct federal; credit; block/formula grants; competitive grant")
    assert paragraphs[start + 1 : start + 3] == ["(Continued From Previous Page)", "Department or agency"]


def test_a_web_address_ending_its_line_stays_apart_from_the_next_lines_hyphened_label(
    report: tuple[Article, ...],
) -> None:
    """The back page lists GAO's contacts one to a line: "Web site: www.gao.gov/fraudnet/fraudnet.htm" over "E-mail:
    fraudnet@gao.gov". The label's hyphen is no piece of the address above it."""
    contacts = next(text for parsed in report for text in texts(parsed) if "fraudnet.htm" in text)
    assert "Web site: www.gao.gov/fraudnet/fraudnet.htm E-mail: fraudnet@gao.gov" in contacts

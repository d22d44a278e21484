"""Real published PDFs (eval/real/docs): list pages read in columns, side bylines, sign-offs and covering letters.

Expected values are what each document prints, as `pdftotext` shows it and the manifest records it.
"""

from __future__ import annotations

import re
import shutil

import pytest

from eval.reference import quote_in_reference, reference
from qa.corpus import Article
from tests.parsed import REAL
from tests.parsed import articles as parsed


def articles(name: str) -> tuple[Article, ...]:
    return parsed(REAL / name)


def test_real_summary_pages_side_byline_is_the_author_and_the_summary_reads_on_beside_it() -> None:
    (report,) = articles("crs-election-grants-2026.pdf")
    assert report.author == "Karen L. Shanton"
    summary = next(p.text for p in report.paragraphs if p.text.startswith("States and localities have primary"))
    assert summary.endswith("to adopt, reject, implement, or maintain election administration policies and practices.")
    assert "Analyst in American" not in summary


def test_real_covers_imprint_below_the_title_and_date_is_no_paragraph() -> None:
    """The CRS cover prints, under the title and "Updated April 20, 2026", only its imprint at the page's foot:
    "Congressional Research Service", "https://crsreports.congress.gov" and the report's number "R46646". The text
    opens with the summary page's title (its sidebar prints the number again, beside the summary)."""
    (report,) = articles("crs-election-grants-2026.pdf")
    texts = [p.text for p in report.paragraphs]
    assert texts[0] == "Election Administration: Federal Grant Programs for States and Localities"
    assert "Congressional Research Service" not in texts
    assert "https://crsreports.congress.gov" not in texts


def test_real_two_column_brief_is_signed_by_its_author_at_the_end_of_its_text() -> None:
    (brief,) = articles("crs-common-rule-2026.pdf")
    assert brief.author == "Amanda K. Sarata"
    assert not any("Amanda K. Sarata" in p.text for p in brief.paragraphs)


def test_real_covering_letters_date_gives_the_report_its_day() -> None:
    letter, slides, appendix = articles("gao-infant-formula-2006.pdf")
    assert {letter.date, slides.date, appendix.date} == {"2006-02-08"}
    # the office the cover prints above the title (and as the letter's letterhead), not the letter's signatory
    assert {letter.author, slides.author, appendix.author} == {"United States Government Accountability Office"}


def test_real_cover_names_the_issuing_body_above_the_title() -> None:
    assert {section.author for section in articles("rdr-index-2017.pdf")} == {"RANKING DIGITAL RIGHTS"}


def test_real_initial_capital_over_stacked_spaces_keeps_its_word_whole() -> None:
    """Word left one space per line of the cover's frame stacked at the frame's left edge, under a large "U" and
    "R": pdfplumber gives them as characters, and read as text they split "United" and "Report"."""
    letter, _, _ = articles("gao-infant-formula-2006.pdf")
    assert [p.text for p in letter.paragraphs[:2]] == ["GAO", "Report to Congressional Addressees"]


@pytest.mark.skipif(shutil.which("pdftotext") is None, reason="needs poppler's pdftotext")
def test_real_figure_list_in_two_columns_reads_each_item_whole_with_no_bullet_after_it() -> None:
    items = [
        p.text
        for article in articles("rdr-index-2017.pdf")
        for p in article.paragraphs
        if p.page == 97 and p.kind == "bullet"
    ]
    assert "2017 Company Ranking" in items
    assert len(items) == 20
    judged = reference(REAL / "rdr-index-2017.pdf")
    # pdftotext reads the column's overflow "F7)" at the head of the page, away from "(F5-": only that item differs
    assert [item for item in items if not quote_in_reference(item, judged)] == [items[9]]
    assert items[9].endswith("Content and Accounts (F5-F7)")


def test_real_cover_dated_at_its_foot_and_a_profile_page_read_section_by_section() -> None:
    index = articles("rdr-index-2017.pdf")
    assert index[0].date == "2017-03"
    texts = [p.text for article in index for p in article.paragraphs if p.page == 49]
    requests = next(text for text in texts if text.startswith("Requests for user information: Apple"))
    assert requests.endswith("requests because user communications are end-to-end encrypted, Apple should state this.")
    assert "about whether it conducts any form of human rights" not in requests  # the section above's right column


def paragraph_texts(name: str) -> list[str]:
    return [paragraph.text for article in articles(name) for paragraph in article.paragraphs]


@pytest.mark.skipif(shutil.which("pdftotext") is None, reason="needs poppler's pdftotext")
def test_real_profiles_key_facts_box_never_runs_on_into_the_next_pages_analysis() -> None:
    # each company profile sets its market facts in a box beside the analysis, ending "Website: ..." above the page's
    # foot; the next page opens with the category analysis: the box's lines are a paragraph of their own, verbatim
    judged = reference(REAL / "rdr-index-2017.pdf")
    boxes = [text for text in paragraph_texts("rdr-index-2017.pdf") if "Website:" in text]
    assert len(boxes) == 22
    assert [text for text in boxes if not quote_in_reference(text, judged)] == []


def test_real_label_in_a_smaller_size_does_not_run_into_the_label_beside_it() -> None:
    # a telecom profile's score card: the country (9 pt) under its operating company ends one column, the
    # "TELECOMMUNICATIONS RANK" label (10 pt) heads the next; the first profile's labels share their row over their
    # figures, a score card's heads left out with the figures (`_figure_heads`)
    labels = [text for text in paragraph_texts("rdr-index-2017.pdf") if text.endswith("TELECOMMUNICATIONS RANK")]
    assert labels == 9 * ["TELECOMMUNICATIONS RANK"]


def test_real_score_cards_display_figures_are_left_out_of_the_text() -> None:
    # "35 %" and the rank "7" are set at 25-60 pt in a profile's score card: a chart's values, no sentence
    texts = paragraph_texts("rdr-index-2017.pdf")
    assert [text for text in texts if "%" in text and re.search(r"[^\W\d_]", text) is None] == []


def test_real_print_header_cut_in_two_by_a_column_gutter_is_still_page_furniture() -> None:
    # the browser's "03/10/2023, 19:52 ... Cabinet Office - Wikipedia" tops every page; on page 3 the infobox's
    # gutter parts its date from its title, and neither part may stay in the text
    texts = paragraph_texts("wikipedia-cabinet-office-2023.pdf")
    assert [text for text in texts if "19:52" in text or "- Wikipedia" in text] == []


def page_texts(name: str, pages: set[int]) -> list[str]:
    return [p.text for article in articles(name) for p in article.paragraphs if p.page in pages]


@pytest.mark.skipif(shutil.which("pdftotext") is None, reason="needs poppler's pdftotext")
def test_real_small_running_head_printed_over_a_large_side_title_is_a_line_of_its_own() -> None:
    # each appendix's first page sets its title at 27 pt in the side bar, and the 8 pt running head "Appendix I:
    # Briefing Slides" a little lower, over the title's letters: read as one line, the two titles' letters interleave
    judged = reference(REAL / "gao-infant-formula-2006.pdf")
    texts = page_texts("gao-infant-formula-2006.pdf", {8, 38, 41})
    assert [text for text in texts if not quote_in_reference(text, judged)] == []


def test_real_footer_printed_twice_in_two_fonts_at_one_place_is_left_out() -> None:
    # page 19 prints its running footer twice over itself, the second copy in another font, drifting off the first
    # and missing a letter ("Accountablity"), with the report's name set off the page's left edge: neither copy reads
    texts = page_texts("rdr-index-2017.pdf", {19})
    assert [text for text in texts if "Accountab" in text or "RANKING" in text] == []


def test_real_note_number_whose_opening_quote_is_raised_with_it_opens_a_note() -> None:
    # "⁵“AT&T’s Commitment ...”": the opening quote took the note number's superscript style
    notes = {text for article in articles("rdr-index-2017.pdf") for text in article.footnotes.values()}
    assert any(text.startswith("“AT&T’s Commitment to Freedom of Expression and Privacy,”") for text in notes)
    assert not any("AT&T’s Commitment to Freedom" in text for text in paragraph_texts("rdr-index-2017.pdf"))


def test_real_table_of_two_columns_of_several_line_cells_reads_each_column_apart() -> None:
    # the bill-comparison tables set a label ("Amount of / Funding") beside a question of several lines, in a band of
    # columns nested in the page's: each label is read whole, not line by line across the question beside it
    texts = paragraph_texts("crs-election-grants-2026.pdf")
    assert "Amount of Funding" in texts
    assert not any(text.startswith("Amount of Is the total amount") for text in texts)


def test_real_table_under_a_ruled_head_never_joins_a_row_label_to_another_rows_amount() -> None:
    # the grant-programs table is ruled only above and below its head row; its cells are read a column at a time, and
    # the label column's last cell ends where the column does, not at the head of the amounts column beside it
    texts = paragraph_texts("crs-election-grants-2026.pdf")
    assert "Protection and advocacy (P&A) system grant program (52 U.S.C. §§21061-21062)" in texts
    assert not any("Protection and advocacy (P&A)" in text and "$15.0 million" in text for text in texts)


def test_real_last_note_line_beside_the_running_footer_ends_the_note_and_the_notes_above_stay_notes() -> None:
    # a profile's last note ends on the running footer's row, with the page number across the page: that row is a band
    # of its own under the notes, and its line still ends the last note, so the notes above it are read as notes
    notes = {text for article in articles("rdr-index-2017.pdf") for text in article.footnotes.values()}
    assert any(
        text.startswith("“On Amendments to the Federal Law")
        and text.endswith("Procedure Code of the Russian Federation,” Federal Law 264–FZ (2015).")
        for text in notes
    )
    assert not any("Form 20-F, Annual Report 2015" in text for text in paragraph_texts("rdr-index-2017.pdf"))


def test_real_last_page_footer_with_the_report_number_and_version_after_it_is_left_out() -> None:
    """Every page's footer prints "Congressional Research Service" alone; the last page's prints the report's number,
    version and date after it, in the same row at the page's foot: furniture all the same. The disclaimer stays."""
    texts = paragraph_texts("crs-election-grants-2026.pdf")
    assert not [text for text in texts if text.startswith("Congressional Research Service R46646")]
    disclaimer = "This document was prepared by the Congressional Research Service (CRS)."
    assert any(text.startswith(disclaimer) for text in texts)


def test_real_table_cells_in_a_segment_above_a_tables_own_lettered_notes_open_no_page_foot_note() -> None:
    """The landscape table on page 6 sets "50 states and DC: $5 million" at the foot of one of its cell columns, over
    its own notes lettered "b." to "e.": no numbered note goes on from 50, so neither the cell nor the letters are a
    note 50, and the report stays one article."""
    (report,) = articles("crs-election-grants-2026.pdf")
    assert not report.footnotes[50].startswith("states and DC")
    assert "50 states and DC: $5 million Eligible territories: $1 million" in paragraph_texts(
        "crs-election-grants-2026.pdf"
    )


def test_real_text_under_a_chart_picture_drawn_over_it_is_left_out() -> None:
    """A briefing slide's chart is a picture drawn over a text line ("Source: National Immunization Survey") that
    its own printed source line ("Sources: National Immunization Survey and Healthy People 2010 goals.") hides."""
    _, slides, _ = articles("gao-infant-formula-2006.pdf")
    texts = [p.text for p in slides.paragraphs]
    assert "Source: National Immunization Survey" not in texts
    assert any(t.startswith("NIS data show:") for t in texts)


def test_real_markers_the_index_prints_no_note_for_stay_markers_with_null_notes() -> None:
    """MTN's governance paragraph (page 83) cites notes 5, 6 and 7 ("(G1)5", "(G3).6", "(G4).7"), but the page's
    foot prints note 5 alone, and no other page prints a 6 or 7 of MTN's run: the report left them out, so the
    markers stay markers, 6 and 7 with no note, and note 5 is the one printed."""
    mtn = next(
        article for article in articles("rdr-index-2017.pdf") if article.paragraphs[0].text == "MTN GROUP LIMITED"
    )
    governance = next(p for p in mtn.paragraphs if p.text.startswith("MTN received the ninth-highest score"))
    assert [(m.number, mtn.footnote(m.number) is None) for m in governance.markers] == [
        (5, False),
        (6, True),
        (7, True),
    ]
    assert sorted(mtn.footnotes) == [1, 2, 3, 4, 5]


def test_real_sentence_run_on_over_a_page_break_is_read_whole_before_the_caption_and_shaded_box_opening_the_page() -> (
    None
):
    """Page 17's right column ends "... in the commercial context, as well"; page 18 opens with Figure 2's caption
    over its right column and a shaded box of a link over its left column, the sentence going on under the box."""
    texts = [p.text for article in articles("rdr-index-2017.pdf") for p in article.paragraphs]
    whole = next(text for text in texts if text.startswith("The addition of Yandex and Baidu revealed that"))
    assert whole.endswith(
        "information in the commercial context, as well as the security measures it takes to protect user information."
    )
    assert texts.index("Figure 2 | Telecommunications Companies") == texts.index(whole) + 1


def test_real_table_s_lettered_notes_under_a_notes_lead_in_are_the_table_s_text() -> None:
    """Table 3's foot (page 14) sets "Notes:" alone on a line over its lettered notes ("a. Authorized amounts ...").
    No sentence of the text cites them, so they are no notes section of the document's: they are read as text
    under the section the table stands in, not dropped."""
    (report,) = articles("crs-election-grants-2026.pdf")
    texts = [(p.text, p.section) for p in report.paragraphs]
    notes = texts.index(("Notes:", "Requirements Payments Program"))
    assert texts[notes + 1] == (
        "a. Authorized amounts are listed here as they are presented in statutory language.",
        "Requirements Payments Program",
    )


def test_real_heading_after_a_table_heads_the_text_under_it() -> None:
    """After the senior civil servants' table (page 4), the "Buildings" heading heads the paragraphs under it, though
    the table's reading flags its line as a cell: a heading is inside a table only when the block after it is too."""
    (page,) = articles("wikipedia-cabinet-office-2023.pdf")
    main = next(p for p in page.paragraphs if p.text.startswith("The main building of the Cabinet Office"))
    assert main.section == "Buildings"

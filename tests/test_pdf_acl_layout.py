"""A two-column conference paper (pdfTeX, ACL style): the first page's venue footer under both columns, a symbol
note opening a column's foot, words hyphenated at line ends, and the authors printed under the title."""

from __future__ import annotations

from pathlib import Path

import pytest
from fpdf import FPDF

from qa.compose import Citation, Quote, cite
from qa.corpus import Article, Paragraph
from qa.formats import parse_bytes
from tests.parsed import articles

PAPER = Path(__file__).parent / "data" / "wild" / "acl-2020-s2orc-paper.pdf"


@pytest.fixture(scope="module")
def paper() -> Article:
    (parsed,) = articles(PAPER)
    return parsed


def texts(parsed: Article) -> list[str]:
    return [p.text for p in parsed.paragraphs]


def test_notes_above_a_venue_footer_under_both_columns_resolve(paper: Article) -> None:
    assert (
        paper.footnotes[1]
        == "Instructions for access to the data and model are available at https://github.com/allenai/s2orc/."
    )
    assert paper.footnotes[2] == "https://arxiv.org"
    assert paper.footnotes[3] == "https://www.ncbi.nlm.nih.gov/pmc"
    assert paper.footnotes[6] == "http://aan.how/"


def test_the_first_page_venue_footer_and_its_page_number_are_no_paragraphs(paper: Article) -> None:
    assert not [text for text in texts(paper) if "Annual Meeting" in text or text == "4969"]


def test_a_symbol_note_opening_a_column_foot_is_no_body_text(paper: Article) -> None:
    assert not [text for text in texts(paper) if "equal contribution" in text]


def test_note_urls_at_a_column_foot_are_not_joined_into_a_paragraph(paper: Article) -> None:
    assert not [text for text in texts(paper) if "https://arxiv.org" in text or "http://aan.how/" in text]


def test_authors_printed_under_the_title_with_affiliation_marks_are_the_author(paper: Article) -> None:
    assert paper.author == "Kyle Lo, Lucy Lu Wang, Mark Neumann, Rodney Kinney, Daniel S. Weld"


def test_the_printed_author_line_is_no_paragraph(paper: Article) -> None:
    assert not [text for text in texts(paper) if text.startswith("Kyle Lo")]


def test_the_affiliations_under_a_marked_author_line_are_no_paragraph(paper: Article) -> None:
    assert not [text for text in texts(paper) if "Allen Institute" in text or "@allenai.org" in text]


def test_an_info_author_list_separated_by_semicolons_is_given_as_a_list() -> None:
    pdf = FPDF()
    pdf.set_title("Detention Conditions in Three Provinces")
    pdf.set_author("Ana Ruiz ; Lee Kim")
    pdf.add_page()
    pdf.set_font("Helvetica", size=11)
    for _ in range(3):
        pdf.multi_cell(
            0,
            6,
            "Ana Ruiz and Lee Kim visited the camps twice a year and counted the detainees in each block.",
            new_x="LMARGIN",
        )
    (parsed,) = parse_bytes(bytes(pdf.output()), "doc.pdf").articles
    assert parsed.author == "Ana Ruiz, Lee Kim"


def test_a_word_the_vocabulary_knows_is_made_whole_across_a_line_end(paper: Article) -> None:
    text = " ".join(texts(paper))
    assert "limitations" in text
    assert "necessary" in text
    assert "limi-tations" not in text and "neces-sary" not in text


def two_lines(first: str, second: str) -> str:
    """The paragraph an fpdf2 page makes of two lines set one under the other."""
    pdf = FPDF()
    pdf.add_page()
    pdf.set_font("Helvetica", size=11)
    for text in (first, second):
        pdf.cell(0, 5, text)
        pdf.ln(5)
    (parsed,) = parse_bytes(bytes(pdf.output()), "doc.pdf").articles
    return parsed.paragraphs[0].text


def test_a_line_end_hyphen_inside_a_word_is_dropped() -> None:
    assert two_lines("The monitors found the visits neces-", "sary to count the detainees.") == (
        "The monitors found the visits necessary to count the detainees."
    )


def test_a_compound_of_two_words_keeps_its_hyphen_at_a_line_end() -> None:
    assert two_lines("The monitors asked for the co-", "operation of the camp guards.") == (
        "The monitors asked for the co-operation of the camp guards."
    )


def test_a_hyphenated_form_printed_within_a_line_keeps_its_hyphen_at_a_line_end() -> None:
    assert two_lines("Wardens and monitors co-ordinate visits; they co-", "ordinate transfers too.") == (
        "Wardens and monitors co-ordinate visits; they co-ordinate transfers too."
    )


def test_a_table_ruled_booktabs_way_across_both_columns_is_no_paragraphs(paper: Article) -> None:
    assert not [text for text in texts(paper) if "1.0M 1.0M" in text or text.startswith("S2ORC (PDF-parse)")]


def test_a_table_ruled_booktabs_way_inside_one_column_is_no_paragraphs(paper: Article) -> None:
    assert not [text for text in texts(paper) if "Inline cite spans" in text or "93.3" in text]


PROSE = "Monitors visited the camps twice a year and counted the detainees held in each block of the camp."
CAPTION = "Table 1: Detainees counted in each province."


def booktabs_page(filled: bool) -> list[str]:
    """The paragraphs of a page of prose, a table ruled across only (booktabs: 0.8 pt over its head and under its
    body, 0.5 pt under its head; each rule a stroked line, or a filled rectangle as pdfTeX draws `\\hrule`), its
    caption, and more prose."""
    pdf = FPDF(unit="pt", format="A4")
    pdf.add_page()
    pdf.set_font("Times", size=10)
    pdf.multi_cell(0, 12, PROSE, new_x="LMARGIN", new_y="NEXT")
    pdf.ln(12)
    left, right, y = pdf.l_margin, pdf.w - pdf.r_margin, pdf.get_y()
    rows = [("Province", "Camps", "Detainees"), ("North", "12", "4,100"), ("South", "7", "2,350")]
    for place, row in enumerate(rows):
        for column, cell in enumerate(row):
            pdf.text(left + 10 + column * 150, y + 13 + place * 14 + (3 if place else 0), cell)
    for height, weight in [(y, 0.8), (y + 17, 0.5), (y + 48, 0.8)]:
        if filled:
            pdf.rect(left, height, right - left, weight, style="F")
        else:
            pdf.set_line_width(weight)
            pdf.line(left, height, right, height)
    pdf.set_y(y + 60)
    pdf.multi_cell(0, 12, CAPTION, new_x="LMARGIN", new_y="NEXT")
    pdf.ln(12)
    pdf.multi_cell(0, 12, PROSE, new_x="LMARGIN", new_y="NEXT")
    (parsed,) = parse_bytes(bytes(pdf.output()), "doc.pdf").articles
    return texts(parsed)


def test_the_cells_between_a_heavy_top_rule_a_lighter_head_rule_and_a_heavy_bottom_rule_are_left_out() -> None:
    assert booktabs_page(filled=False) == [PROSE, CAPTION, PROSE]


def test_booktabs_rules_drawn_as_thin_filled_rectangles_leave_the_cells_out_too() -> None:
    assert booktabs_page(filled=True) == [PROSE, CAPTION, PROSE]


def test_a_displayed_fraction_and_its_equation_number_are_no_paragraphs(paper: Article) -> None:
    assert not [text for text in texts(paper) if "2×J" in text or "∪" in text]


def test_numbered_section_headings_set_in_a_medium_weight_font_are_headings(paper: Article) -> None:
    """pdfTeX sets bold Times as URW's "NimbusRomNo9L-Medi": no "Bold" in the name, yet it is the bold weight."""
    kinds = {p.text: p.kind for p in paper.paragraphs}
    assert kinds["1 Introduction"] == "heading"
    assert kinds["2.1 Processing PDFs"] == "heading"
    assert kinds["Abstract"] == "heading"


def test_a_bold_appendix_heading_ends_the_references_so_the_appendix_is_read(paper: Article) -> None:
    assert "B PDF filters" in texts(paper)
    assert any(
        text.startswith("In this work, we distinguish between bibliography entries and inline") for text in texts(paper)
    )


def test_the_meeting_days_in_the_first_page_venue_footer_date_the_paper_to_their_month(paper: Article) -> None:
    """The footer prints "July 5 - 10, 2020." under "Proceedings of the 58th Annual Meeting ..."."""
    assert paper.date == "2020-07"


def test_a_word_set_in_small_capitals_is_made_whole_across_a_line_end_hyphen(paper: Article) -> None:
    text = " ".join(texts(paper))
    assert "Each bibliography entry in both GROBID and LATEX parses are linked" in text
    assert "LA-TEX" not in text


def paragraph(parsed: Article, opening: str) -> Paragraph:
    return next(p for p in parsed.paragraphs if p.text.startswith(opening))


def test_a_bracketed_number_typed_as_an_example_in_the_appendix_is_a_word_citing_no_note(paper: Article) -> None:
    """Appendix A's example of a citation marker, “[1]”, is typed at body size on the baseline in a paper whose notes
    are cited by raised markers: the page prints an example, so it is a word and cites no note."""
    cited = paragraph(paper, "There is often variation in the representation")
    assert "(e.g. “[1]” or “[ABC2019]”)" in cited.text
    assert cited.markers == ()


def test_raised_examples_in_the_appendix_are_markers_citing_no_footnote_of_the_first_page(paper: Article) -> None:
    cited = paragraph(paper, "In this example, the narrative inline citation")
    assert "superscripts (e.g. “[1][2]”)" in cited.text
    assert [m.number for m in cited.markers] == [1, 2]
    assert [cited.text[at : at + 3] for at in cited.noteless] == ["[1]", "[2]"]
    assert cited.literal == ()


def test_a_raised_example_in_the_appendix_is_quoted_with_a_null_note(paper: Article) -> None:
    cited = paragraph(paper, "In this example, the narrative inline citation")
    whole = Quote(cited.text, 0, len(cited.text))
    assert cite(paper, cited, [whole]) == (Citation(1, None), Citation(2, None))


def test_a_marker_on_the_page_of_its_footnote_still_cites_it(paper: Article) -> None:
    assert [m.number for m in paragraph(paper, "Prior to running GROBID").markers] == [20]
    assert [m.number for m in paragraph(paper, "We introduce S2ORC,").markers] == [1]


def test_a_marker_on_the_page_of_its_footnote_is_quoted_with_its_note(paper: Article) -> None:
    cited = paragraph(paper, "We introduce S2ORC,")
    whole = Quote(cited.text, 0, len(cited.text))
    assert cite(paper, cited, [whole]) == (Citation(1, paper.footnotes[1]),)
    assert paper.footnotes[1].startswith("Instructions for access to the data")

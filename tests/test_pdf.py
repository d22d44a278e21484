"""PDFs as producers other than fpdf2 write them: markers, notes, columns, furniture and metadata found by structure."""

from __future__ import annotations

import re
import shutil
import subprocess
from pathlib import Path

import pytest
from fpdf import FPDF

from qa.corpus import Article
from qa.formats import parse_bytes
from tests.parsed import REAL, articles
from tests.pdf_check import unmatched

FIXTURES = Path(__file__).parent / "fixtures"


def article(path: Path) -> Article:
    (parsed,) = articles(path)
    return parsed


def texts(parsed: Article) -> list[str]:
    return [p.text for p in parsed.paragraphs]


@pytest.fixture(scope="module")
def reportlab() -> Article:
    return article(FIXTURES / "reportlab-report.pdf")


@pytest.fixture(scope="module")
def chromium() -> Article:
    return article(FIXTURES / "chromium-report.pdf")


def one_page(lines: list[tuple[str, int]], **info: str) -> Article:
    """A one-page fpdf2 PDF of (text, font size) lines, with the given Info fields."""
    pdf = FPDF()
    pdf.set_title(info.get("title", ""))
    pdf.set_author(info.get("author", ""))
    pdf.add_page()
    for text, size in lines:
        pdf.set_font("Helvetica", size=size)
        pdf.cell(0, size * 0.45, text)
        pdf.ln(size * 0.45)
    (parsed,) = parse_bytes(bytes(pdf.output()), "doc.pdf").articles
    return parsed


def test_superscripts_set_with_a_rise_become_markers_glued_where_they_stand(reportlab: Article) -> None:
    assert texts(reportlab)[0].startswith("Detainees reported that cells built for ten held thirty people.[1] Monitors")


def test_a_note_number_after_a_sum_never_becomes_part_of_it(reportlab: Article) -> None:
    assert texts(reportlab)[1].startswith("The authorities spent $1,250[2] per detainee")


def test_a_footnote_whose_number_stands_alone_on_its_line_is_resolved(reportlab: Article) -> None:
    assert reportlab.footnotes[1] == "Interviews with former detainees, district two, March 2021."
    assert reportlab.footnotes[2] == "Ministry budget statement, 2021, table 4."


def test_endnotes_under_a_notes_heading_include_a_bracketed_number_without_space(reportlab: Article) -> None:
    assert reportlab.footnotes[3] == "“A/HRC/43/CRP.4”, para. 12."
    assert reportlab.footnotes[4] == "Clinic log books seen by the monitors, 2021."


def test_the_endnote_section_ends_at_the_next_heading(reportlab: Article) -> None:
    assert texts(reportlab)[-2:] == ["Annex", "The monitors thank the families who spoke with them."]


def test_two_columns_are_read_one_after_the_other(reportlab: Article) -> None:
    medical = next(text for text in texts(reportlab) if text.startswith("Medical care"))
    assert medical.endswith("about the conditions they found there over the course of the year.")
    assert [p.text for p in reportlab.paragraphs if p.kind == "heading"] == ["Overcrowding", "Annex"]


def test_contents_running_header_and_page_numbers_are_never_paragraphs(reportlab: Article) -> None:
    joined = " ".join(texts(reportlab))
    assert "....." not in joined and "Contents" not in joined and "Field Report" not in joined
    assert all(not text.isdigit() for text in texts(reportlab))


def test_printed_title_byline_and_date_win_over_placeholder_info(reportlab: Article) -> None:
    assert (reportlab.title, reportlab.author, reportlab.date) == (
        "Detention Conditions in the Northern Districts",
        "Ana Ruiz",
        "2021-05-03",
    )


def test_browser_superscripts_and_columns(chromium: Article) -> None:
    assert texts(chromium)[1].endswith(
        "most visits.[1] Families waited outside for hours without news of the "
        "detainees held there, and the registers of visits were not shown to the monitors."
    )
    assert texts(chromium)[2].startswith("The centres held 4,210[2] people")
    assert texts(chromium)[3].startswith("Detainees described the interrogations in detail")
    assert chromium.footnotes == {1: "Monitors' visit log, 2021.", 2: "Register of the centres, 31 December 2021."}


def test_a_url_wrapped_at_a_line_end_gets_no_space(chromium: Article) -> None:
    url = "https://www.example.org/detention/rules/2021/pre-trial-access-to-counsel.html"
    assert f"published at {url} for anyone" in texts(chromium)[5]


def test_a_file_name_in_info_title_is_not_a_title(chromium: Article) -> None:
    assert (chromium.title, chromium.author, chromium.date) == ("Access to Counsel in Pre-Trial Detention", None, None)


def test_a_line_end_hyphen_is_dropped_only_for_a_word_the_document_attests() -> None:
    parsed = one_page(
        [("The review was compre-", 11), ("hensive and EU-", 11), ("based staff joined a comprehensive survey.", 11)]
    )
    assert texts(parsed) == ["The review was comprehensive and EU-based staff joined a comprehensive survey."]


def test_a_generic_heading_is_never_the_title_and_info_title_is_used_when_nothing_else_is() -> None:
    parsed = one_page([("Contents", 20), ("Prisons hold twice their capacity.", 11)], title="Prison Capacity Review")
    assert parsed.title == "Prison Capacity Review"


def covered_report(top: str, later: str) -> Article:
    """A two-page fpdf2 report whose cover prints `top` above its title, and whose second page prints `later`."""
    pdf = FPDF()
    pdf.add_page()
    for text, size in ((top, 11), ("Water in Detention", 24), ("Prisons hold twice their capacity.", 11)):
        pdf.set_font("Helvetica", size=size)
        pdf.cell(0, size * 0.45, text)
        pdf.ln(size * 0.6)
    pdf.add_page()
    pdf.set_font("Helvetica", size=11)
    for text in ("Detainees share one tap between forty people in most wings.", later):
        pdf.cell(0, 5, text)
        pdf.ln(6)
    (parsed,) = parse_bytes(bytes(pdf.output()), "doc.pdf").articles
    return parsed


def test_the_body_a_cover_names_above_its_title_and_the_report_names_again_is_its_author() -> None:
    report = covered_report("Centre for Detention Studies", "About the Centre for Detention Studies: a research group.")
    assert report.author == "Centre for Detention Studies"
    assert "Centre for Detention Studies" not in [p.text for p in report.paragraphs]


def test_a_cover_line_the_report_never_prints_again_is_no_author() -> None:
    assert covered_report("Centre for Detention Studies", "The wings were inspected twice.").author is None


def test_a_cover_label_with_a_number_is_no_author() -> None:
    assert covered_report("Policy Brief 7", "Other issues of the Policy Brief 7 series are online.").author is None


def test_placeholder_or_program_info_author_is_none() -> None:
    for author in ("Microsoft Office User", "admin", "report_final_v2", "draft.docx", "Audit Office, http://x.gov"):
        assert one_page([("Prisons hold twice their capacity.", 11)], author=author).author is None
    printed = [("Prisons hold twice their capacity, Mina Park found.", 11)]
    assert one_page(printed, author="Mina Park").author == "Mina Park"


def test_an_info_author_no_page_prints_is_no_author() -> None:
    """Programs fill the Info Author with a publisher's or an account's name the document never prints."""
    assert one_page([("Prisons hold twice their capacity.", 11)], author="Mina Park").author is None


def test_a_login_as_info_author_is_no_author() -> None:
    for author in ("localuser", "jdoe", "m.park"):
        assert one_page([("Prisons hold twice their capacity.", 11)], author=author).author is None


def test_a_marker_without_its_note_stays_a_marker() -> None:
    pdf = FPDF()
    pdf.add_page()
    pdf.set_font("Helvetica", size=11)
    pdf.write(6, "Prisons hold twice their capacity.")
    pdf.char_vpos = "SUP"
    pdf.write(6, "7")
    (parsed,) = parse_bytes(bytes(pdf.output()), "doc.pdf").articles
    assert texts(parsed) == ["Prisons hold twice their capacity.[7]"]
    assert parsed.footnotes == {}


def test_real_two_column_report_metadata_and_quotes() -> None:
    parsed = article(REAL / "crs-common-rule-2026.pdf")
    assert parsed.title == (
        "The Federal Policy for the Protection of Human Research Subjects (Common Rule): Overview and Issues"
    )
    assert parsed.date == "2026-04-10"
    assert any(p.text.startswith("The 2018 Common Rule defines human subjects research") for p in parsed.paragraphs)


@pytest.mark.skipif(shutil.which("pdftotext") is None, reason="needs poppler's pdftotext")
@pytest.mark.parametrize("path", [FIXTURES / "reportlab-report.pdf", FIXTURES / "chromium-report.pdf"])
def test_generated_paragraphs_are_found_in_an_independent_extraction(path: Path) -> None:
    total, missing = unmatched(path)
    assert total >= 6 and len(missing) <= 1


def footnoted_pdf(
    pages: list[tuple[list[tuple[str, int]], dict[int, str]]], title: str = "", endnotes: dict[int, str] | None = None
) -> bytes:
    """Pages of paragraphs each ending in a superscript marker, with the given notes set small at each page's foot.

    `endnotes` go on a last page, under a "Notes" heading.
    """
    pdf = FPDF()
    pdf.set_title(title)
    pdf.set_auto_page_break(False)
    for paragraphs, notes in pages:
        pdf.add_page()
        for text, number in paragraphs:
            pdf.set_font("Helvetica", size=11)
            pdf.write(6, text)
            pdf.char_vpos = "SUP"
            pdf.write(6, str(number))
            pdf.char_vpos = "LINE"
            pdf.ln(12)
        pdf.set_y(-24 - 6 * len(notes))
        for number, note in notes.items():
            pdf.set_font("Helvetica", size=8)
            pdf.char_vpos = "SUP"
            pdf.write(4, str(number))
            pdf.char_vpos = "LINE"
            pdf.set_font("Helvetica", size=8)  # fpdf2 keeps a superscript's smaller size until the font is set again
            pdf.write(4, " " + note)
            pdf.ln(6)
    if endnotes:
        pdf.add_page()
        for line, size in [("Notes", 14)] + [(f"{number}. {note}", 11) for number, note in endnotes.items()]:
            pdf.set_font("Helvetica", size=size)
            pdf.write(8, line)
            pdf.ln(10)
    return bytes(pdf.output())


CELLS = "Cells built for ten detainees held thirty of them."
FOOD = "Food was rationed to one meal a day in both districts."
WATER = "Water was cut off for days at a time in the summer."
VISITS = "Visits were refused to most families for the whole year."


def test_note_numbers_that_start_again_make_one_article_per_run_each_with_its_own_notes() -> None:
    data = footnoted_pdf(
        [([(CELLS, 1)], {1: "Interview, 2021."}), ([(FOOD, 1)], {1: "Ministry data, 2020."})], "Prisons"
    )
    first, second = parse_bytes(data, "doc.pdf").articles
    assert (first.id, texts(first), first.footnotes) == ("doc-1", [f"{CELLS}[1]"], {1: "Interview, 2021."})
    assert (second.id, texts(second), second.footnotes) == ("doc-2", [f"{FOOD}[1]"], {1: "Ministry data, 2020."})


def test_every_run_keeps_the_documents_metadata_and_numbers_its_paragraphs_from_one() -> None:
    data = footnoted_pdf(
        [([(CELLS, 1)], {1: "Interview, 2021."}), ([(FOOD, 1)], {1: "Ministry data, 2020."})], "Prisons"
    )
    first, second = parse_bytes(data, "doc.pdf").articles
    assert (
        (first.title, first.author, first.date) == (second.title, second.author, second.date) == ("Prisons", None, None)
    )
    assert [(p.index, p.page) for p in first.paragraphs + second.paragraphs] == [(1, 1), (1, 2)]


def test_each_runs_notes_are_written_under_its_own_paragraphs() -> None:
    data = footnoted_pdf([([(CELLS, 1)], {1: "Interview, 2021."}), ([(FOOD, 1)], {1: "Ministry data, 2020."})])
    parsed = parse_bytes(data, "doc.pdf")
    assert parsed.text == (
        f"{CELLS}[1]\n\n———\n\n[1] Interview, 2021.\n\n{FOOD}[1]\n\n———\n\n[1] Ministry data, 2020.\n"
    )
    assert [p.offset for a in parsed.articles for p in a.paragraphs] == [0, parsed.text.index(FOOD)]


def test_notes_whose_numbers_go_on_keep_one_article() -> None:
    data = footnoted_pdf([([(CELLS, 1)], {1: "Interview, 2021."}), ([(FOOD, 2)], {2: "Ministry data, 2020."})])
    (parsed,) = parse_bytes(data, "doc.pdf").articles
    assert parsed.footnotes == {1: "Interview, 2021.", 2: "Ministry data, 2020."}


def test_a_note_printed_at_the_foot_of_two_pages_is_a_note_not_a_running_footer() -> None:
    data = footnoted_pdf([([(CELLS, 1)], {1: "Company filings, 2017."}), ([(FOOD, 2)], {2: "Company filings, 2017."})])
    (parsed,) = parse_bytes(data, "doc.pdf").articles
    assert (texts(parsed), parsed.footnotes) == (
        [f"{CELLS}[1]", f"{FOOD}[2]"],
        {1: "Company filings, 2017.", 2: "Company filings, 2017."},
    )


def test_a_page_without_notes_whose_markers_go_back_opens_the_next_run() -> None:
    """Its notes were not found, so its marker [1] must not borrow note 1 of the run before it."""
    data = footnoted_pdf(
        [
            ([(CELLS, 1), (FOOD, 2)], {1: "Interview, 2021.", 2: "Ministry data, 2020."}),
            ([(WATER, 1)], {}),
            ([(VISITS, 2)], {2: "Budget, 2019."}),
        ]
    )
    first, second = parse_bytes(data, "doc.pdf").articles
    assert [p.page for p in first.paragraphs] == [1, 1]
    assert (texts(second), second.footnotes) == ([f"{WATER}[1]", f"{VISITS}[2]"], {2: "Budget, 2019."})


def test_endnotes_go_to_the_pages_whose_markers_they_answer_not_to_footnoted_pages_after_them() -> None:
    data = footnoted_pdf(
        [([(CELLS, 1), (FOOD, 2)], {}), ([(WATER, 1)], {1: "Company policy, 2016."})],
        endnotes={1: "Interview, 2021.", 2: "Ministry data, 2020."},
    )
    chapter, profile = parse_bytes(data, "doc.pdf").articles
    assert (texts(chapter), chapter.footnotes) == (
        [f"{CELLS}[1]", f"{FOOD}[2]"],
        {1: "Interview, 2021.", 2: "Ministry data, 2020."},
    )
    assert (texts(profile), profile.footnotes) == ([f"{WATER}[1]"], {1: "Company policy, 2016."})


def letters(text: str) -> str:
    """Only the letters and digits: pdftotext sets a note's opening quote apart from its first word."""
    return re.sub(r"\W+", "", text)


@pytest.mark.skipif(shutil.which("pdftotext") is None, reason="needs poppler's pdftotext")
def test_real_index_gives_its_endnotes_to_its_chapters_and_each_profile_the_notes_at_its_own_page_feet() -> None:
    path = REAL / "rdr-index-2017.pdf"
    chapters, *profiles = articles(path)
    assert len(profiles) == 22
    assert chapters.footnotes[4].startswith("“Corporate Accountability Index,” Ranking Digital Rights")
    cited = [(profile, m.number) for profile in profiles for p in profile.paragraphs for m in p.markers]
    # AT&T's note 5 and Orange's note 4 open with a quote set raised like their numbers, and are notes too; Yandex's,
    # Etisalat's and Samsung's last notes end on the running footer's row, and their notes are notes, not cited text;
    # MTN's marker 3 is printed in the text's size ("the Middle East.3 It offers"), between its raised 2 and 4
    assert (len(cited), sum(number in profile.footnotes for profile, number in cited)) == (123, 121)
    pages: dict[int, str] = {}
    for profile in profiles:
        for paragraph in profile.paragraphs:
            for marker in paragraph.markers:
                if (note := profile.footnotes.get(marker.number)) is not None:
                    # a paragraph runs on to the next page; a profile may set a note at the foot of the page before
                    # its marker (Twitter's note 3 under its key facts, cited atop the next page's analysis)
                    near = range(paragraph.page - 1, paragraph.page + 2)
                    for page in near:
                        pages.setdefault(page, letters(pdftotext_page(path, page)))
                    assert letters(note)[:40] in "".join(pages[page] for page in near)


def chapters_pdf(chapters: list[tuple[str, str, str]]) -> bytes:
    """Chapters of a heading, a paragraph citing note 1 and a "Notes" section giving note 1, on one page."""
    pdf = FPDF()
    pdf.add_page()
    for heading, text, note in chapters:
        for line, size in ((heading, 18), (text, 11), ("Notes", 14), (f"1. {note}", 11)):
            pdf.set_font("Helvetica", size=size)
            pdf.write(8, line)
            if line == text:
                pdf.char_vpos = "SUP"
                pdf.write(8, "1")
                pdf.char_vpos = "LINE"
            pdf.ln(14)
    return bytes(pdf.output())


def test_a_chapter_whose_endnotes_number_again_from_one_is_an_article_of_its_own() -> None:
    data = chapters_pdf([("Cells", CELLS, "Interview, 2021."), ("Food", FOOD, "Ministry data, 2020.")])
    first, second = parse_bytes(data, "doc.pdf").articles
    assert (texts(first)[-1], first.footnotes) == (f"{CELLS}[1]", {1: "Interview, 2021."})
    assert (texts(second), second.footnotes) == (["Food", f"{FOOD}[1]"], {1: "Ministry data, 2020."})


def pdftotext_page(path: Path, page: int) -> str:
    """The page as poppler's `pdftotext` reads it, white space collapsed: an extraction independent of ours."""
    text = subprocess.run(
        ["pdftotext", "-f", str(page), "-l", str(page), str(path), "-"], capture_output=True, text=True
    )
    return " ".join(text.stdout.split())


@pytest.mark.skipif(shutil.which("pdftotext") is None, reason="needs poppler's pdftotext")
def test_real_report_whose_slides_number_their_notes_again_resolves_each_marker_to_its_own_note() -> None:
    path = REAL / "gao-infant-formula-2006.pdf"
    letter, slides, appendix = articles(path)
    assert [a.id for a in (letter, slides, appendix)] == [f"gao-infant-formula-2006-{n}" for n in (1, 2, 3)]
    cited = next(p for p in letter.paragraphs if p.markers)
    slide = next(p for p in slides.paragraphs if p.markers)
    assert ([m.number for m in cited.markers], cited.page) == ([1], 4)
    assert ([m.number for m in slide.markers], slide.page) == ([1], 12)
    assert letter.footnotes[1] in pdftotext_page(path, 4)
    assert slides.footnotes[1] in pdftotext_page(path, 12)
    assert letter.footnotes[1] != slides.footnotes[1]
    markers = [(a, m.number) for a in (letter, slides, appendix) for p in a.paragraphs for m in p.markers]
    assert len(markers) == 21 and all(number in a.footnotes for a, number in markers)


def test_a_month_and_year_dateline_is_given_to_the_month() -> None:
    parsed = one_page([("Prison Capacity Review", 20), ("March 2017", 11), ("Prisons hold twice their capacity.", 11)])
    assert (parsed.title, parsed.date) == ("Prison Capacity Review", "2017-03")


def test_real_infobox_beside_the_text_is_read_apart_from_it() -> None:
    parsed = article(REAL / "wikipedia-cabinet-office-2023.pdf")
    joint = next(text for text in texts(parsed) if text.startswith("The Joint Intelligence Committee"))
    assert joint.startswith("The Joint Intelligence Committee was founded in 1936 and transferred to the department")
    assert (parsed.title, parsed.author, parsed.date) == ("Cabinet Office", None, None)
    markers = [m.number for p in parsed.paragraphs for m in p.markers]
    assert len(markers) == 16 and all(number in parsed.footnotes for number in markers)


@pytest.mark.skipif(shutil.which("pdftotext") is None, reason="needs poppler's pdftotext")
def test_real_endnoted_chapter_quotes_are_all_found_by_pdftotext_and_its_markers_resolve() -> None:
    path = REAL / "rdr-policing-speech-2018.pdf"
    parsed = article(path)
    total, missing = unmatched(path)
    assert (total, missing) == (52, [])
    assert parsed.title == "6. Policing speech"
    markers = [m.number for p in parsed.paragraphs for m in p.markers]
    assert len(markers) == 23 and all(number in parsed.footnotes for number in markers)


def test_real_slides_bullets_drawn_as_unmapped_glyphs_start_list_items_of_their_own() -> None:
    path = REAL / "gao-infant-formula-2006.pdf"
    _, slides, _ = articles(path)
    start = next(i for i, p in enumerate(slides.paragraphs) if p.text.startswith("Health benefits of breastfeeding"))
    assert [(p.kind, p.text) for p in slides.paragraphs[start : start + 3]] == [
        ("text", "Health benefits of breastfeeding include:"),
        ("bullet", "Infants: Less likely to get childhood diabetes or asthma and have fewer ear infections."),
        ("bullet", "Mothers: Less likely to get certain types of cancer."),
    ]


def paragraph_texts(path: Path) -> list[str]:
    return [p.text for parsed in articles(path) for p in parsed.paragraphs]


def test_real_table_ruled_down_its_columns_reads_each_cell_apart_not_a_row_run_together() -> None:
    # the notice's cost table has rules over and under its head and rules down its columns, and dot leaders that fill
    # each cell to the next: read row by row, its cells ran into one line ("FCC OPS installation ... 1 work-hour ...")
    texts = paragraph_texts(Path(__file__).parent / "data" / "wild" / "federal-register-2020-17221.pdf")
    labour = "1 work-hour × $85 per hour = $85 ......"
    assert " ".join([labour] * 3) in texts
    assert not any("FCC OPS installation" in text and "work-hour" in text for text in texts)


def test_real_table_closed_by_a_rule_reads_each_column_of_cells_apart_though_it_has_too_few_rows_for_a_gutter() -> None:
    # the grant-programs table's last page holds two rows between its ruled head and its closing rule: too few for a
    # gutter between columns of running text, but no row's text crosses the gaps between its cells
    texts = paragraph_texts(REAL / "crs-election-grants-2026.pdf")
    assert "Mock elections grant program (52 U.S.C. §§21071-21072)" in texts
    assert "FY2003: $200,000 Subsequent six fiscal years: Such sums as necessary" in texts
    assert not any(text.startswith("Mock elections grant FY2003") for text in texts)


def test_real_bold_lead_in_broken_at_its_line_end_goes_on_into_its_item_not_a_heading_of_its_own() -> None:
    # a summary bullet opens in bold, and its bold first line ends in "short-" with the word going on, in roman type, in
    # the line below: no heading breaks its last word, so the line is the item's start, not a heading over it
    texts = paragraph_texts(REAL / "rdr-index-2017.pdf")
    lead = "Freedom of expression is getting short-changed. How do company actions affect our ability to publish"
    assert any(text.startswith(lead) for text in texts)
    assert not any(text.endswith("getting short-") for text in texts)


def test_a_document_with_no_body_lines_signs_no_names() -> None:
    """Found by the generated-PDF property test: every line set aside left `_signed` no lines to pair."""
    from qa.formats.pdf import _signed

    assert _signed([]) == {}

"""Word documents as Word saves them: footnotes and endnotes resolved, core properties believed only when real."""

from __future__ import annotations

import io
import re
import zipfile
from collections.abc import Callable
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from qa.corpus import Article
from qa.errors import CorpusError
from qa.formats import parse_bytes
from qa.formats.document import Parsed
from qa.sentences import note_key
from qa.settings import PROJECT_ROOT
from tests.parsed import articles

FIXTURES = PROJECT_ROOT / "tests" / "fixtures"
LIBREOFFICE_FORM = PROJECT_ROOT / "tests" / "data" / "wild" / "ndrb-2016-discharge-review-decision.docx"
"""A review board's decision: core creator "CAP", core title its letterhead's first line, saved years after."""
WORD_MANUAL = PROJECT_ROOT / "tests" / "data" / "wild" / "docx4j-getting-started-2023.docx"
SMALL = (FIXTURES / "two-endnotes.docx").read_bytes()
WORD_FILES = ("footnote-and-endnote.docx", "two-footnotes.docx", "two-endnotes.docx", "determination-and-findings.docx")


def parse_path(path: Path) -> Parsed:
    return parse_bytes(path.read_bytes(), path.name)


def only_article(name: str) -> Article:
    (article,) = parse_path(FIXTURES / name).articles
    return article


def with_core(name: str | Path, **fields: str) -> bytes:
    """The fixture (or the Word file at a path) with its core properties' fields (`title`, `creator`,
    `identifier`, `lastModifiedBy`) set as a program might."""

    def edit(core: str) -> str:
        for key, value in fields.items():
            tag = f"cp:{key}" if key == "lastModifiedBy" else f"dc:{key}"
            core = re.sub(rf"<{tag}\s*/>|<{tag}>.*?</{tag}>", f"<{tag}>{value}</{tag}>", core)
            if f"<{tag}>" not in core:
                core = core.replace("</cp:coreProperties>", f"<{tag}>{value}</{tag}></cp:coreProperties>")
        return core

    return with_core_xml(name, edit)


def with_dates(name: str, created: str, modified: str) -> bytes:
    """The fixture with the times its core properties say the file was created and last saved."""

    def edit(core: str) -> str:
        for key, value in (("created", created), ("modified", modified)):
            core = re.sub(rf"(<dcterms:{key}[^>]*>).*?(</dcterms:{key}>)", rf"\g<1>{value}\g<2>", core)
        return core

    return with_core_xml(name, edit)


def with_core_xml(name: str | Path, edit: Callable[[str], str]) -> bytes:
    """The fixture with `docProps/core.xml` rewritten by `edit`, every other part as it was."""
    return with_parts(name, {"docProps/core.xml": edit})


def with_parts(name: str | Path, edits: dict[str, Callable[[str], str]]) -> bytes:
    """The fixture (or the Word file at a path: `FIXTURES / path` is the path) with each part named in `edits`
    rewritten by its function, every other part as it was."""
    source = zipfile.ZipFile(FIXTURES / name)
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w") as target:
        for info in source.infolist():
            data = source.read(info)
            edit = edits.get(info.filename)
            target.writestr(info, edit(data.decode("utf-8")) if edit else data)
    return out.getvalue()


DATE_STYLE = '<w:style w:type="paragraph" w:styleId="Date"><w:name w:val="Date"/></w:style>'


def with_date_paragraph(name: str, text: str) -> bytes:
    """The fixture opening with a paragraph `text` set in Word's `Date` style."""
    paragraph = f'<w:p><w:pPr><w:pStyle w:val="Date"/></w:pPr><w:r><w:t>{text}</w:t></w:r></w:p>'
    return with_parts(
        name,
        {
            "word/document.xml": lambda xml: xml.replace("<w:body>", f"<w:body>{paragraph}", 1),
            "word/styles.xml": lambda xml: xml.replace("</w:styles>", f"{DATE_STYLE}</w:styles>"),
        },
    )


def test_footnote_and_endnote_are_numbered_in_one_sequence_footnotes_first() -> None:
    article = only_article("footnote-and-endnote.docx")
    assert [p.text for p in article.paragraphs] == [
        "Endnotes and footnotes test",
        "Paragraph 1[1]",
        "Paragraph 2[2]",
    ]
    assert dict(article.footnotes) == {1: "This is a footnote", 2: "This is an endnote"}


def test_two_footnotes_in_one_paragraph_keep_the_order_they_are_cited_in() -> None:
    article = only_article("two-footnotes.docx")
    assert [p.text for p in article.paragraphs] == ["Ouch[1].[2]"]
    assert dict(article.footnotes) == {1: "A tachyon walks into a bar.", 2: "Fin."}


def test_endnotes_alone_are_numbered_from_one() -> None:
    article = only_article("two-endnotes.docx")
    assert [p.text for p in article.paragraphs] == ["Ouch[1].[2]"]
    assert dict(article.footnotes) == {1: "A tachyon walks into a bar.", 2: "Fin."}


def test_notes_are_laid_out_below_the_text_as_every_format_does() -> None:
    assert (
        parse_path(FIXTURES / "two-footnotes.docx").text
        == "Ouch[1].[2]\n\n———\n\n[1] A tachyon walks into a bar.\n[2] Fin.\n"
    )


def test_every_marker_of_the_fixtures_finds_its_note() -> None:
    for name in WORD_FILES:
        article = only_article(name)
        assert all(m.number in article.footnotes for p in article.paragraphs for m in p.markers), name


@pytest.mark.parametrize("name", WORD_FILES)
def test_every_paragraph_is_a_slice_of_the_extracted_text(name: str) -> None:
    parsed = parse_path(FIXTURES / name)
    for p in parsed.articles[0].paragraphs:
        assert parsed.text[p.offset : p.offset + len(p.text)] == p.text


def test_core_author_and_date_are_the_documents() -> None:
    article = only_article("footnote-and-endnote.docx")
    assert (article.author, article.date) == ("Stuart Watt", "2021-05-09")


def test_the_date_is_the_last_save_not_the_files_creation() -> None:
    """A file keeps the creation time of the file it was started from (a template, last year's report saved under a
    new name); its last save is the date of the text it holds, the version a quote cites."""
    data = with_dates("two-footnotes.docx", created="2009-03-02T10:00:00Z", modified="2014-06-10T11:11:00Z")
    assert parse_bytes(data, "report.docx").articles[0].date == "2014-06-10"


def test_a_date_the_document_prints_in_the_date_style_comes_before_its_files_dates() -> None:
    (article,) = parse_bytes(with_date_paragraph("two-footnotes.docx", "3 May 2021"), "report.docx").articles
    assert article.date == "2021-05-03"
    assert [p.text for p in article.paragraphs] == ["Ouch[1].[2]"]


def test_a_date_style_paragraph_that_holds_no_date_stays_a_paragraph() -> None:
    (article,) = parse_bytes(with_date_paragraph("two-footnotes.docx", "Spring term"), "report.docx").articles
    assert article.date == "2014-06-10"
    assert [p.text for p in article.paragraphs] == ["Spring term", "Ouch[1].[2]"]


def test_a_file_never_saved_again_is_dated_by_its_creation() -> None:
    assert only_article("two-endnotes.docx").date == "2015-01-19"


def test_a_first_line_that_is_no_heading_is_not_taken_for_the_title() -> None:
    assert only_article("footnote-and-endnote.docx").title is None


def test_without_core_properties_the_title_is_the_first_heading_and_not_a_paragraph() -> None:
    article = only_article("determination-and-findings.docx")
    assert (article.title, article.author, article.date) == ("DETERMINATION & FINDINGS", None, None)
    assert article.paragraphs[0].text.startswith("This is a determination and findings for contract type.")


WILD = PROJECT_ROOT / "tests" / "data" / "wild"


def test_a_title_styled_paragraph_after_helper_text_names_the_document() -> None:
    """18F's template sets its name in Word's Title style under a table of helper text; the line break typed in
    it ("[Program]" / "Statement of ...") is one title, not two."""
    (article,) = articles(WILD / "18f-agile-solicitation-template.docx")
    assert article.title == "[Program] Statement of Objectives for [Product]"
    assert article.title not in [p.text for p in article.paragraphs]


def test_a_smaller_title_styled_line_above_the_title_stays_a_paragraph() -> None:
    """ "[Agency/State]", Title-styled at 24 points over the 30-point title, is the agency's line, not the name."""
    (article,) = articles(WILD / "18f-agile-solicitation-template.docx")
    texts = [p.text for p in article.paragraphs]
    assert texts[texts.index("[Agency/State]") + 1] == "Background and Purpose"


def test_a_real_core_title_is_believed() -> None:
    data = with_core("footnote-and-endnote.docx", title="Access to Water in Detention")
    assert parse_bytes(data, "report.docx").articles[0].title == "Access to Water in Detention"


@pytest.mark.parametrize(
    ("title", "creator"), [("Document1", "jsmith"), ("Microsoft Word - report.docx", "Administrator")]
)
def test_placeholder_core_title_and_login_creator_are_no_metadata(title: str, creator: str) -> None:
    article = parse_bytes(with_core("footnote-and-endnote.docx", title=title, creator=creator), "r.docx").articles[0]
    assert (article.title, article.author) == (None, None)


def test_initials_as_the_core_creator_that_the_text_never_prints_are_no_author() -> None:
    (article,) = articles(LIBREOFFICE_FORM)
    assert article.author != "CAP"


def test_capitals_as_the_core_creator_that_the_text_prints_stay_the_author() -> None:
    (article,) = parse_bytes(with_core(LIBREOFFICE_FORM, creator="NDRB"), "decision.docx").articles
    assert article.author == "NDRB"


def test_a_core_title_the_body_prints_below_its_first_line_is_no_title() -> None:
    """The decision's core title is its letterhead's first line ("DEPARTMENT OF THE NAVY"), which the body prints
    among its paragraphs, after the record's fields: the department, not the document's name."""
    (article,) = articles(LIBREOFFICE_FORM)
    assert article.title != "DEPARTMENT OF THE NAVY"


def test_a_letterhead_under_the_core_title_names_the_issuing_body_and_the_document() -> None:
    """The letterhead the core title opens prints "NAVAL DISCHARGE REVIEW BOARD (NDRB)", whose initials the text
    speaks of the board by ("The NDRB did note ..."), over "DISCHARGE REVIEW DECISIONAL DOCUMENT"."""
    (article,) = articles(LIBREOFFICE_FORM)
    assert (article.author, article.title) == ("NAVAL DISCHARGE REVIEW BOARD", "DISCHARGE REVIEW DECISIONAL DOCUMENT")


def test_a_letterhead_taken_for_title_and_author_is_no_paragraph_of_the_text() -> None:
    """The letterhead's three lines name the department, the board and the document: its names, not a passage to
    quote. The board's name is still read where the text prints it in a sentence."""
    texts = [p.text for p in articles(LIBREOFFICE_FORM)[0].paragraphs]
    assert not {"DEPARTMENT OF THE NAVY", "NAVAL DISCHARGE REVIEW BOARD (NDRB)"} & set(texts)
    assert "DISCHARGE REVIEW DECISIONAL DOCUMENT" not in texts
    assert any(text.startswith("The Naval Discharge Review Board (NDRB), under its responsibility") for text in texts)


def test_a_printed_title_wins_over_a_different_core_title() -> None:
    (article,) = parse_bytes(with_core(WORD_MANUAL, title="Getting Started draft"), "manual.docx").articles
    assert article.title == "Docx4j - Getting Started"


def test_a_date_field_the_document_prints_comes_before_its_files_dates() -> None:
    """The field "Date: 20161130 Location: ..." dates the decision; the file was created in 2017 and last saved in
    2020, and the fields that date events the record lists ("Date of Discharge: 20070817") date no document."""
    (article,) = articles(LIBREOFFICE_FORM)
    assert article.date == "2016-11-30"


def test_a_web_address_identifier_is_the_documents_url() -> None:
    data = with_core("footnote-and-endnote.docx", identifier="https://example.org/reports/water")
    assert parse_bytes(data, "report.docx").articles[0].url == "https://example.org/reports/water"


def test_a_document_without_an_address_has_no_url() -> None:
    assert only_article("footnote-and-endnote.docx").url is None


@pytest.mark.parametrize(
    ("data", "reason"),
    [
        (b"PK\x03\x04 not really a zip", "notes.docx: not a Word document"),
        (
            (FIXTURES / "two-endnotes.docx").read_bytes().replace(b"word/document.xml", b"word/docxment.xml"),
            r"notes.docx: not a Word document \(no document body\)",
        ),
    ],
)
def test_unreadable_word_files_are_named_with_the_reason(data: bytes, reason: str) -> None:
    with pytest.raises(CorpusError, match=f"^{reason}"):
        parse_bytes(data, "notes.docx")


@settings(max_examples=60, deadline=None)
@given(cut=st.integers(min_value=1, max_value=len(SMALL) - 1), flip=st.integers(min_value=0, max_value=len(SMALL) - 1))
def test_a_damaged_word_file_parses_or_names_its_problem(cut: int, flip: int) -> None:
    damaged = bytearray(SMALL)
    damaged[flip] ^= 0xFF
    for data in (SMALL[:cut], bytes(damaged)):
        try:
            parse_bytes(data, "damaged.docx")
        except CorpusError as error:
            assert str(error).startswith("damaged.docx: ")


ORDER = "../data/wild/fcc-15-24-open-internet-order.docx"
"""The FCC's order, under `FIXTURES` as `with_parts` names files: its caption is a table of three columns, the
matter ("In the Matter of" / "Protecting and Promoting the Open Internet"), a column of ")" and the docket number."""


def test_a_caption_tables_left_column_names_the_document_without_its_opening_formula() -> None:
    article = articles(FIXTURES / ORDER)[0]
    assert article.title == "Protecting and Promoting the Open Internet"


def test_the_caption_stays_the_orders_text() -> None:
    article = articles(FIXTURES / ORDER)[0]
    texts = [p.text for p in article.paragraphs]
    assert texts[3:6] == ["In the Matter of", "Protecting and Promoting the Open Internet", "GN Docket No. 14-28"]


def test_the_body_an_order_is_issued_by_is_its_author_by_the_full_name_its_heading_prints() -> None:
    """ "By the Commission:" under the heading "Before the" / "Federal Communications Commission"."""
    article = articles(FIXTURES / ORDER)[0]
    assert article.author == "Federal Communications Commission"


def test_an_order_that_does_not_say_who_issues_it_has_no_author() -> None:
    data = with_parts(ORDER, {"word/document.xml": lambda xml: xml.replace("By the Commission:", "Adopted:", 1)})
    assert parse_bytes(data, "order.docx").articles[0].author is None


def test_each_separate_statement_is_an_article_by_the_member_its_heading_names() -> None:
    """Five statements follow the order, each headed by its Commissioner: "Statement of" over the name, or the name
    on the heading's line, in the letters it is typed in. The Chairman's cites no note and so shares Appendix B's
    run of note numbers, Commissioner Rosenworcel's shares Commissioner Clyburn's: each heading still starts the
    member's own article."""
    order = articles(FIXTURES / ORDER)
    assert [(a.paragraphs[1].text, a.author) for a in order[2:]] == [
        ("CHAIRMAN TOM WHEELER", "CHAIRMAN TOM WHEELER"),
        ("COMMISSIONER MIGNON L. CLYBURN", "Commissioner Mignon L. Clyburn"),
        ("COMMISSIONER JESSICA ROSENWORCEL", "COMMISSIONER JESSICA ROSENWORCEL"),
        ("Re: Protecting and Promoting the Open Internet, GN Docket No. 14-28.", "COMMISSIONER AJIT PAI"),
        ("COMMISSIONER MICHAEL O’RIELLY", "Commissioner Michael O’Rielly"),
    ]


def test_a_run_word_shows_in_capitals_reads_in_capitals_and_names_its_author_as_typed() -> None:
    """Commissioner Clyburn's heading is typed "Statement of" / "Commissioner Mignon L. Clyburn" in runs set in all
    capitals (`w:caps`): the page shows, and a PDF of it prints, capitals. The name, a name, keeps its letters."""
    clyburns = articles(FIXTURES / ORDER)[3]
    assert [p.text for p in clyburns.paragraphs[:2]] == ["STATEMENT OF", "COMMISSIONER MIGNON L. CLYBURN"]
    assert clyburns.author == "Commissioner Mignon L. Clyburn"


def test_a_heading_style_in_capitals_shows_its_headings_in_capitals() -> None:
    """The order's `heading 1` sets capitals: its first section, typed "Introduction", is shown "INTRODUCTION"."""
    paragraphs = articles(FIXTURES / ORDER)[0].paragraphs
    assert ("INTRODUCTION", "heading") in [(p.text, p.kind) for p in paragraphs]
    assert "Introduction" not in [p.text for p in paragraphs]


def test_a_run_that_turns_its_styles_capitals_off_reads_as_typed() -> None:
    """The order's centred bold style sets capitals; its masthead turns them off in its runs and shows "Federal
    Communications Commission", while the signature under the ordering clauses, in the same style, is in capitals."""
    texts = [p.text for p in articles(FIXTURES / ORDER)[0].paragraphs]
    assert texts[1] == "Federal Communications Commission"
    assert "FEDERAL COMMUNICATIONS COMMISSION" in texts


def test_small_capitals_read_in_capitals() -> None:
    """The review board's decision sets its section names in small capitals (`w:smallCaps`), typed "Discussion":
    the page shows no lower-case letter."""
    texts = [p.text for p in articles(LIBREOFFICE_FORM)[0].paragraphs]
    assert {"DISCUSSION", "DECISION", "SUMMARY OF SERVICE"} <= set(texts)
    assert "Discussion" not in texts


def test_the_text_before_a_statement_keeps_the_orders_author() -> None:
    """Appendix B's section ends where the Chairman's statement begins: the appendix is the body's, to its end."""
    article = articles(FIXTURES / ORDER)[1]
    assert (article.paragraphs[0].text, article.author) == ("APPENDIX B", "Federal Communications Commission")
    assert article.paragraphs[-1].text.startswith("The Commission will send a copy of the Order")


def test_a_statement_heading_that_names_no_person_names_no_author() -> None:
    """ "Statement of" over "Work" in place of the Commissioner's name: a statement of work is nobody's."""
    clyburn = "Commissioner Mignon L. Clyburn"
    data = with_parts(ORDER, {"word/document.xml": lambda xml: xml.replace(clyburn, "Work", 1)})
    clyburns = parse_bytes(data, "order.docx").articles[3]
    assert (clyburns.paragraphs[0].text, clyburns.author) == ("STATEMENT OF", "Federal Communications Commission")


def test_a_first_table_without_a_column_of_brackets_is_no_caption() -> None:
    """With its ")" marks gone the order's first table is a table like any other: it names nothing."""
    data = with_parts(ORDER, {"word/document.xml": lambda xml: xml.replace("<w:t>)</w:t>", "<w:t></w:t>")})
    assert parse_bytes(data, "order.docx").articles[0].title is None


def with_body_before(name: str, paragraphs: str) -> bytes:
    """The fixture with `paragraphs` (WordprocessingML) opening its body."""
    return with_parts(name, {"word/document.xml": lambda xml: xml.replace("<w:body>", f"<w:body>{paragraphs}", 1)})


TRACKED = ' w:id="{}" w:author="Editor" w:date="2024-01-01T00:00:00Z"'


def test_a_passage_moved_with_tracked_changes_is_read_once_where_it_now_stands() -> None:
    """Word keeps a moved passage at both ends: struck through in `w:moveFrom`, in place in `w:moveTo`."""
    moved = "<w:r><w:t>The moved sentence.</w:t></w:r>"
    body = (
        f"<w:p><w:moveTo{TRACKED.format(1)}>{moved}</w:moveTo></w:p>"
        "<w:p><w:r><w:t>The sentence between.</w:t></w:r></w:p>"
        f"<w:p><w:moveFrom{TRACKED.format(2)}>{moved}</w:moveFrom></w:p>"
    )
    (found,) = parse_bytes(with_body_before("two-footnotes.docx", body), "moved.docx").articles
    assert [p.text for p in found.paragraphs] == ["The moved sentence.", "The sentence between.", "Ouch[1].[2]"]


def test_tracked_deletions_are_not_read_and_insertions_are() -> None:
    body = (
        '<w:p><w:r><w:t xml:space="preserve">Keep </w:t></w:r>'
        f"<w:del{TRACKED.format(1)}><w:r><w:delText>struck </w:delText></w:r></w:del>"
        f'<w:ins{TRACKED.format(2)}><w:r><w:t xml:space="preserve">added </w:t></w:r></w:ins>'
        "<w:r><w:t>words.</w:t></w:r></w:p>"
    )
    (found,) = parse_bytes(with_body_before("two-footnotes.docx", body), "revised.docx").articles
    assert found.paragraphs[0].text == "Keep added words."


COMMENTS = (
    '<w:comments xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main">'
    '<w:comment w:id="0" w:author="Reviewer"><w:p><w:r><w:t>Cite the source here.</w:t></w:r></w:p></w:comment>'
    "</w:comments>"
)
COMMENTS_RELATIONSHIP = (
    '<Relationship Id="rIdComments" Target="comments.xml" '
    'Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/comments"/></Relationships>'
)


def test_a_reviewers_comment_is_no_part_of_the_text_it_is_anchored_to() -> None:
    """Word keeps a comment in `word/comments.xml`, anchored to a stretch of the body by a range and a reference."""
    body = (
        '<w:p><w:commentRangeStart w:id="0"/><w:r><w:t>A claim.</w:t></w:r><w:commentRangeEnd w:id="0"/>'
        '<w:r><w:commentReference w:id="0"/></w:r></w:p>'
    )
    data = with_parts(
        "two-footnotes.docx",
        {
            "word/document.xml": lambda xml: xml.replace("<w:body>", f"<w:body>{body}", 1),
            "word/_rels/document.xml.rels": lambda xml: xml.replace("</Relationships>", COMMENTS_RELATIONSHIP),
        },
    )
    out = io.BytesIO()
    with zipfile.ZipFile(io.BytesIO(data)) as source, zipfile.ZipFile(out, "w") as target:
        for info in source.infolist():
            target.writestr(info, source.read(info))
        target.writestr("word/comments.xml", COMMENTS)
    parsed = parse_bytes(out.getvalue(), "commented.docx")
    assert [p.text for p in parsed.articles[0].paragraphs][0] == "A claim."
    assert "Cite the source" not in parsed.text


FEDRAMP_REQUIREMENTS = WILD / "fedramp-2017-tailored-li-saas-requirements.docx"
"""GSA's template (Word 2010, a contractor's accounts as creator): a two-line title, 10 footnotes, re-saved in 2018."""
FEDRAMP_FRAMEWORK = WILD / "fedramp-2018-vulnerability-risk-adjustment-framework.docx"
"""A cover drawn as a text box (DrawingML with its VML copy), a contents and a list of figures, 3 footnotes."""


def test_a_cover_drawn_as_a_text_box_is_read_once() -> None:
    """Word writes the cover's text box as DrawingML and again as VML for older readers (`mc:Fallback`)."""
    texts = [p.text for p in articles(FEDRAMP_FRAMEWORK)[0].paragraphs]
    assert texts[:4] == ["DRAFT", "Version 0.1", "February 16, 2018", "DOCUMENT REVISION HISTORY"]


def test_a_cover_title_in_display_type_names_the_document_when_the_core_title_is_printed_nowhere() -> None:
    """The core title ("FedRAMP Vulnerability Risk Adjustment Framework") is in no line of the document; the cover
    sets "Automated Vulnerability Risk Adjustment Framework" in its largest type, beside the one-word stamp
    "DRAFT" in the same type. The cover's line is the title, and no paragraph."""
    (framework,) = articles(FEDRAMP_FRAMEWORK)
    assert framework.title == "Automated Vulnerability Risk Adjustment Framework"
    assert framework.title not in [p.text for p in framework.paragraphs]


def test_a_core_title_printed_in_the_body_is_not_replaced_by_a_cover_line() -> None:
    """The requirements' core title is its cover's first line, which `_title_lines` continues; no display line
    of the cover replaces it."""
    assert articles(FEDRAMP_REQUIREMENTS)[0].title == (
        "FedRAMP Tailored Security Requirements for Low Impact-Software as a Service (LI-SaaS) Cloud Services"
    )


def test_a_contents_and_a_list_of_figures_are_no_text_titles_included() -> None:
    """The list of figures repeats the figure's caption with its page number ("... Approval Process 3"); the two
    lists' names ("Table of Contents", "List of Figures") are in a plain style, known by the lines under them."""
    texts = [p.text for p in articles(FEDRAMP_FRAMEWORK)[0].paragraphs]
    assert not {"Table of Contents", "List of Figures", "Figure 1. CVSS Approval Process 3"} & set(texts)
    assert "Figure 1. CVSS Approval Process" in texts


def test_the_date_printed_on_the_cover_comes_before_the_date_the_file_was_saved_again() -> None:
    """Both files were saved again the day they were put on the site (core created = modified, 2018-04-18 and
    2018-03-16); their covers print "August 23, 2017" and "February 16, 2018" under the version."""
    assert articles(FEDRAMP_REQUIREMENTS)[0].date == "2017-08-23"
    assert articles(FEDRAMP_FRAMEWORK)[0].date == "2018-02-16"


def test_without_a_date_on_its_cover_a_document_is_dated_by_its_file() -> None:
    """The cover's date taken out: the revision table's numeric dates ("8/24/2017") and the dates inside sentences
    are no cover's, so the date of the file's last save stands."""
    undated = {"word/document.xml": lambda xml: xml.replace(">August 23<", "><").replace(">2017<", "><")}
    data = with_parts(FEDRAMP_REQUIREMENTS, undated)
    assert parse_bytes(data, "requirements.docx").articles[0].date == "2018-04-18"


def test_a_title_set_over_two_lines_in_one_style_is_whole_though_the_core_title_is_its_first() -> None:
    (article,) = articles(FEDRAMP_REQUIREMENTS)
    assert article.title == (
        "FedRAMP Tailored Security Requirements for Low Impact-Software as a Service (LI-SaaS) Cloud Services"
    )
    assert [p.text for p in article.paragraphs][:2] == ["Version 3.1", "August 23, 2017"]


def test_an_account_name_of_words_run_together_is_no_author() -> None:
    """Core creator "StephenFLevitas" (the template's Company is the contractor's): a login, never printed. With
    the revision table's author column headed otherwise, the document names no author."""
    unsigned = {"word/document.xml": lambda xml: xml.replace("<w:t>Author</w:t>", "<w:t>Owner</w:t>")}
    assert parse_bytes(with_parts(FEDRAMP_REQUIREMENTS, unsigned), "r.docx").articles[0].author is None


def test_the_one_name_a_revision_tables_author_column_prints_on_every_row_is_the_author() -> None:
    """Both files' creators are staff accounts ("StephenFLevitas", "BrianHConrad"); their revision histories
    print "FedRAMP PMO" in the Author column of every version (the requirements' table keeps two blank rows)."""
    assert articles(FEDRAMP_REQUIREMENTS)[0].author == "FedRAMP PMO"
    assert articles(BOUNDARY)[0].author == "FedRAMP PMO"


def test_an_author_column_naming_several_authors_names_no_author() -> None:
    one_row = {"word/document.xml": lambda xml: xml.replace('<w:t xml:space="preserve"> PMO</w:t>', "<w:t>-</w:t>", 1)}
    assert parse_bytes(with_parts(FEDRAMP_REQUIREMENTS, one_row), "r.docx").articles[0].author is None


def test_a_name_written_with_spaces_stays_the_author_of_a_file_only_its_creator_saved() -> None:
    edited = with_core(FEDRAMP_REQUIREMENTS, creator="Stephen F. Levitas", lastModifiedBy="Stephen F. Levitas")
    (article,) = parse_bytes(edited, "r.docx").articles
    assert article.author == "Stephen F. Levitas"


def test_an_unprinted_creator_of_a_file_another_account_saved_last_gives_way_to_the_printed_author() -> None:
    """The fixture's lastModifiedBy is "ScottDWilliams": the file passed between hands, and its cover names the
    office that issues it."""
    (article,) = parse_bytes(with_core(FEDRAMP_REQUIREMENTS, creator="Stephen F. Levitas"), "r.docx").articles
    assert article.author == "FedRAMP PMO"


def test_every_footnote_of_the_fedramp_files_is_resolved_where_it_is_cited() -> None:
    (requirements,) = articles(FEDRAMP_REQUIREMENTS)
    (framework,) = articles(FEDRAMP_FRAMEWORK)
    assert sorted(requirements.footnotes) == list(range(1, 11))
    assert sorted(framework.footnotes) == [1, 2, 3]
    cited = " ".join(p.text for p in requirements.paragraphs)
    assert "integrity, and availability.[5] FedRAMP follows" in cited
    assert requirements.footnotes[8].startswith("Agencies have the responsibility of managing users and agency data")
    assert framework.footnotes[1] == (
        "FedRAMP considers the critical impact level to be included within the high impact level categorization."
    )


SIGNIFICANT_CHANGE = WILD / "fedramp-2018-significant-change-policies.docx"
BOUNDARY = WILD / "fedramp-2022-authorization-boundary-guidance.docx"


def test_a_template_style_based_on_heading_1_is_a_heading() -> None:
    """ "GSA Section" is based on `heading 1` and numbered by the template's list; it sets no outline level itself,
    so it has its base's, as in Word's navigation pane: a heading, not a list item (shown in its capitals)."""
    paragraphs = articles(FEDRAMP_REQUIREMENTS)[0].paragraphs
    kinds = {p.text: p.kind for p in paragraphs}
    assert kinds["PURPOSE"] == kinds["AUTHORITY"] == "heading"
    cited = next(p for p in paragraphs if p.text.startswith("The Federal Information Security Management Act[1]"))
    assert cited.section == "AUTHORITY"


def test_a_numbered_list_item_given_an_outline_level_by_hand_stays_a_list_item() -> None:
    """The on-boarding steps are a numbered list in `List Paragraph`, each with a direct outline level 1; the
    numbered section headings (`heading 1`, in capitals, and `heading 2`) stay headings."""
    kinds = {p.text: p.kind for p in articles(SIGNIFICANT_CHANGE)[0].paragraphs}
    assert kinds["3PAO: Conducts eligibility evaluation."] == "bullet"
    assert kinds["The change was approved by the AO."] == "bullet"
    assert kinds["INTRODUCTION"] == kinds["Purpose"] == "heading"


def test_a_title_printed_over_two_lines_in_two_styles_is_the_core_title_and_no_paragraph() -> None:
    (article,) = articles(SIGNIFICANT_CHANGE)
    assert article.title == "FedRAMP Significant Change Policies and Procedures"
    assert [p.text for p in article.paragraphs][:2] == ["Version 1.0", "August 28, 2018"]


def test_a_paragraph_in_the_toc_heading_style_is_no_contents_line_so_the_line_above_it_stays() -> None:
    """ "Revision History" is set in `TOC Heading` over the revision table; the cover's date above it is no
    contents' title, and it dates the document (the file was last saved 2021-02-14)."""
    assert articles(SIGNIFICANT_CHANGE)[0].date == "2018-08-28"


def test_the_lines_of_words_table_of_contents_building_block_are_no_text() -> None:
    """Google Docs' export sets the contents' lines in plain styles inside Word's `Table of Contents` building
    block; its title "TABLE OF CONTENTS" is known by the lines under it."""
    texts = [p.text for p in articles(BOUNDARY)[0].paragraphs]
    assert not {"TABLE OF CONTENTS", "Purpose 1", "Network Diagram 10"} & set(texts)
    assert {"Purpose", "Network Diagram"} <= set(texts)


def test_both_footnotes_of_the_significant_change_policy_are_resolved_where_they_are_cited() -> None:
    (article,) = articles(SIGNIFICANT_CHANGE)
    assert sorted(article.footnotes) == [1, 2]
    cited = " ".join(p.text for p in article.paragraphs)
    assert "to appropriate organizational officials.”[1]" in cited
    assert "the security state of the information system[2], a security state" in cited
    assert all(
        note.startswith("National Institute of Standards and Technology (NIST)") for note in article.footnotes.values()
    )


def test_numbered_section_names_set_bold_in_display_type_by_hand_are_headings() -> None:
    """The solicitation template numbers its sections with a list ("1.0", "2.0") and sets their names in bold
    14-point type by hand, in `Normal`; its list items stay list items in the body's 12-point type."""
    paragraphs = articles(WILD / "18f-agile-solicitation-template.docx")[0].paragraphs
    kinds = {p.text: p.kind for p in paragraphs}
    assert kinds["Background and Purpose"] == kinds["Scope"] == kinds["Objectives"] == "heading"
    assert kinds["Include a brief summary of your agency’s mission."] == "bullet"
    assert next(p for p in paragraphs if p.text == "1.1 Background").section == "Background and Purpose"


def test_a_non_breaking_hyphen_is_the_character_it_stands_for() -> None:
    """The policy numbers its tables and figures with Word's `w:noBreakHyphen` ("Table 1‑1"): the text holds U+2011,
    as a reader copying it out (and mammoth) gets it, not the hyphen-minus."""
    texts = [p.text for p in articles(SIGNIFICANT_CHANGE)[0].paragraphs]
    assert "Table 1\u20111. Roles and Responsibilities" in texts
    assert "Table 1-1. Roles and Responsibilities" not in texts


DENTAL_BRIEF = WILD / "ncd-2017-dental-care-policy-brief.docx"
"""NCD's policy brief: one footnote Word prints "*" (its footnotes are numbered in the chicago style) and 34 endnotes
it prints 1-34."""


def test_endnotes_printed_in_digits_keep_the_numbers_the_page_prints_beside_a_footnote_printed_as_a_symbol() -> None:
    (article,) = articles(DENTAL_BRIEF)
    cited = next(p.text for p in article.paragraphs if "rely on Medicaid" in p.text)
    assert "health insurance coverage;[27] and Medicaid" in cited
    assert article.footnotes[27].startswith("The Arc. “Still in the Shadows")
    assert article.footnotes[34]


def test_a_footnote_printed_as_a_symbol_is_numbered_after_the_endnotes_printed_in_digits() -> None:
    (article,) = articles(DENTAL_BRIEF)
    cited = next(p.text for p in article.paragraphs if p.text.startswith("This policy brief is designed"))
    assert "(I/DD)[35] continue to experience" in cited
    assert article.footnotes[35] == (
        "NCD recognizes that not all people with I/DD require particular accommodations when receiving dental care."
    )
    assert max(article.footnotes) == 35


def test_a_reference_whose_custom_mark_is_switched_off_is_numbered_as_any() -> None:
    """The o2r review, exported by Google Docs, writes `w:customMarkFollows="0"` on every footnote reference."""
    (article,) = articles(WILD / "o2r-2020-reproducible-research-review-v2.docx")
    assert sorted(article.footnotes) == [1, 2, 3, 4, 5, 6, 7]


def _custom_marked(mark: str) -> Article:
    """two-footnotes.docx with its first reference given the custom mark `mark`, typed in the run after it."""
    custom = f'<w:footnoteReference w:customMarkFollows="1" w:id="1"/></w:r><w:r><w:t>{mark}</w:t>'
    data = with_parts(
        "two-footnotes.docx",
        {"word/document.xml": lambda xml: xml.replace('<w:footnoteReference w:id="1"/></w:r>', f"{custom}</w:r>", 1)},
    )
    (article,) = parse_bytes(data, "two-footnotes.docx").articles
    return article


def test_a_reference_with_a_symbol_as_its_custom_mark_is_marked_with_that_symbol() -> None:
    """Word counts a reference with a typed mark in no sequence: the footnote cited after it is footnote 1, and the
    "*" the author typed is the marker a reader sees, not a number of ours beside it."""
    article = _custom_marked("*")
    assert [p.text for p in article.paragraphs] == ["Ouch[*].[1]"]
    assert article.footnote_list() == [(note_key("*"), "A tachyon walks into a bar."), (1, "Fin.")]


def test_a_reference_with_a_custom_mark_that_is_no_symbol_is_numbered_after_the_counted_notes() -> None:
    """A mark of letters ("a") is no note label of ours: the note is numbered after the others, its mark kept."""
    article = _custom_marked("a")
    assert [p.text for p in article.paragraphs] == ["Ouch[2]a.[1]"]
    assert dict(article.footnotes) == {1: "Fin.", 2: "A tachyon walks into a bar."}


def test_notes_start_at_the_number_the_settings_set() -> None:
    data = with_parts(
        "two-endnotes.docx",
        {"word/settings.xml": lambda xml: xml.replace("<w:endnotePr>", '<w:endnotePr><w:numStart w:val="5"/>', 1)},
    )
    (article,) = parse_bytes(data, "two-endnotes.docx").articles
    assert [p.text for p in article.paragraphs] == ["Ouch[5].[6]"]
    assert dict(article.footnotes) == {5: "A tachyon walks into a bar.", 6: "Fin."}


def test_a_cover_line_spelling_out_the_core_creators_initials_is_the_author_and_no_paragraph() -> None:
    """Core creator "NCD"; the brief's first line, in the cover's largest type, is "National Council on
    Disability"."""
    (article,) = articles(DENTAL_BRIEF)
    assert article.author == "National Council on Disability"
    assert "National Council on Disability" not in [p.text for p in article.paragraphs]


def test_the_cover_line_in_the_largest_type_under_the_authors_name_and_mission_line_is_the_title() -> None:
    """The core title ("National Disability Policy: A Progress Report") is another report's, printed nowhere. Under
    the agency's name and its mission line (a sentence in a type of its own, still the cover), the brief's name and
    "Fall 2017" share the largest type: the date line names nothing."""
    (article,) = articles(DENTAL_BRIEF)
    assert article.title == (
        "Neglected for Too Long: Dental Care for People with Intellectual and Developmental Disabilities"
    )
    texts = [p.text for p in article.paragraphs]
    assert article.title not in texts
    assert texts[0].startswith("An independent federal agency making recommendations")


def test_a_season_printed_on_the_cover_dates_the_document_to_its_year() -> None:
    """The cover prints "Fall 2017" under the title; the file was last saved 2017-11-14. No month is made up."""
    assert articles(DENTAL_BRIEF)[0].date == "2017"


def test_notes_numbered_afresh_in_each_section_keep_the_numbers_word_prints_each_run_an_article() -> None:
    """The FCC's order restarts its footnotes in each section (`w:numRestart` "eachSect"): the order's run 1-1777,
    Appendix B's from 1, and each Commissioner's statement from 1. Each run is an article (and so is each statement
    in it, `test_each_separate_statement_is_an_article_by_the_member_its_heading_names`); the Chairman's and
    Commissioner Rosenworcel's statements cite no note."""
    runs = articles(FIXTURES / ORDER)
    assert [len(article.footnotes) for article in runs] == [1777, 173, 0, 2, 0, 487, 76]
    assert [min(article.footnotes, default=None) for article in runs] == [1, 1, None, 1, None, 1, 1]
    appendix = runs[1]
    assert appendix.paragraphs[0].text == "APPENDIX B"
    assert "Regulatory Flexibility Act of 1980 (RFA),[1] as amended" in appendix.paragraphs[2].text
    assert appendix.footnotes[172] == "5 U.S.C. § 801(a)(1)(A)."
    assert runs[5].paragraphs[0].text == "DISSENTING STATEMENT OF COMMISSIONER AJIT PAI"


def test_without_a_restart_the_notes_count_on_through_the_sections_each_statement_with_the_notes_it_cites() -> None:
    """One run of numbers, 1-2515: the order and its appendix are one article, and each statement an article of
    its own that holds the notes its markers cite, numbered on from the text before it."""
    continuous = {
        part: lambda xml: xml.replace('<w:numRestart w:val="eachSect"/>', "")
        for part in ("word/document.xml", "word/settings.xml")
    }
    articles = parse_bytes(with_parts(ORDER, continuous), "order.docx").articles
    order, pai = articles[0], articles[4]
    assert [len(article.footnotes) for article in articles] == [1950, 0, 2, 0, 487, 76]
    assert sorted(note for article in articles for note in article.footnotes) == list(range(1, 2516))
    assert "Regulatory Flexibility Act of 1980 (RFA),[1778] as amended" in " ".join(p.text for p in order.paragraphs)
    assert (min(pai.footnotes), pai.author) == (1953, "COMMISSIONER AJIT PAI")

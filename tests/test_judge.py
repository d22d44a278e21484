"""The eval's judge checks quotes and notes against an extraction made without our parsers, so it can fail.

Negative controls: a wrong quote, a wrong note and a wrong document are each caught.
"""

from __future__ import annotations

import shutil
from dataclasses import replace
from pathlib import Path

import pytest
from fpdf import FPDF

from eval.dataset import DocumentRecord, GoldFootnote, Question
from eval.metrics import judge, metadata_verdicts, notes_resolved, quote_is_faithful
from eval.reference import (
    LINE_HYPHEN,
    Reference,
    front_matter_lines,
    furniture_lines,
    is_not_text,
    join_line_hyphens,
    normalize,
    note_in_reference,
    quote_in_reference,
    reference,
)
from qa.compose import Answer, Citation, Quote, Source
from qa.corpus import Article, Paragraph
from qa.settings import PROJECT_ROOT
from tests.parsed import REAL, articles
from tests.test_docx import with_parts

FORMATS = PROJECT_ROOT / "eval" / "formats"
PDF = FORMATS / "forced-labour-report.pdf"
HTML = FORMATS / "border-closures.html"
MARKDOWN = FORMATS / "prison-food-rations.md"

needs_pdftotext = pytest.mark.skipif(shutil.which("pdftotext") is None, reason="poppler-utils not installed")


def article(path: object) -> Article:
    (parsed,) = articles(path)  # type: ignore[arg-type]
    return parsed


def source_of(doc: Article, paragraph: Paragraph, quote: Quote | None = None) -> Source:
    quote = quote or Quote(paragraph.text, 0, len(paragraph.text))
    notes = tuple(Citation(m.number, doc.footnote(m.number)) for m in paragraph.markers)
    return Source(1, 0.9, doc, paragraph, (quote,), notes)


def with_marker(doc: Article) -> Paragraph:
    return next(p for p in doc.paragraphs if p.markers and doc.footnote(p.markers[0].number))


@needs_pdftotext
@pytest.mark.parametrize("path", [PDF, HTML, MARKDOWN], ids=lambda p: p.suffix)
def test_every_parsed_paragraph_stands_in_the_independent_extraction(path: object) -> None:
    doc = article(path)
    ref = reference(path)  # type: ignore[arg-type]
    assert [p.text for p in doc.paragraphs if not quote_in_reference(p.text, ref)] == []


@needs_pdftotext
@pytest.mark.parametrize("path", [PDF, HTML, MARKDOWN], ids=lambda p: p.suffix)
def test_every_parsed_note_stands_in_the_independent_extraction_under_its_number(path: object) -> None:
    doc = article(path)
    ref = reference(path)  # type: ignore[arg-type]
    assert doc.footnotes
    assert [n for n, text in doc.footnotes.items() if not note_in_reference(n, text, ref)] == []


@needs_pdftotext
def test_an_invisible_format_character_the_parser_dropped_does_not_make_a_quote_unfaithful() -> None:
    ref = Reference((normalize("Coordinates: 41\ufeff°17′S 174\u200b°27′E lie in the harbour."),))
    assert quote_in_reference("Coordinates: 41°17′S 174°27′E lie in the harbour.", ref)
    assert not quote_in_reference("Coordinates: 41°18′S 174°27′E lie in the harbour.", ref)


@needs_pdftotext
def test_a_note_whose_number_reading_order_sets_apart_is_found_beside_it_in_the_layout() -> None:
    ref = reference(PROJECT_ROOT / "eval" / "real" / "docs" / "rdr-index-2017.pdf")
    note = "For Microsoft’s performance in the 2015 Index, see: https://rankingdigitalrights.org/index2015/companies/microsoft."
    assert note_in_reference(1, note, ref)
    assert not note_in_reference(2, note, ref)


S2ORC = PROJECT_ROOT / "tests" / "data" / "wild" / "acl-2020-s2orc-paper.pdf"
"""Page 7's foot note 15 is a URL under its raised number; reading order sets the number lines above, and the layout
sets a line of the right column between the two."""


@needs_pdftotext
def test_a_note_whose_number_layout_parts_from_its_text_is_found_in_the_content_stream_order() -> None:
    assert note_in_reference(15, "https://github.com/google-research/bert", reference(S2ORC))


@needs_pdftotext
def test_a_note_read_in_the_content_stream_order_under_another_number_is_not_the_documents() -> None:
    ref = reference(S2ORC)
    assert not note_in_reference(14, "https://github.com/google-research/bert", ref)
    assert not note_in_reference(16, "https://github.com/google-research/bert", ref)
    assert not note_in_reference(15, "https://github.com/allenai/scibert", ref)


def test_a_quote_with_one_word_changed_is_not_faithful() -> None:
    doc = article(PDF)
    paragraph = with_marker(doc)
    words = paragraph.text.split(" ")
    changed = " ".join(words[:3] + ["not"] + words[3:])
    forged = replace(paragraph, text=changed)
    assert quote_is_faithful(source_of(doc, paragraph), reference(PDF))
    assert not quote_is_faithful(source_of(doc, forged), reference(PDF))


@needs_pdftotext
def test_a_marker_with_another_number_is_not_verbatim() -> None:
    doc = article(PDF)
    paragraph = with_marker(doc)
    marker = paragraph.markers[0]
    renumbered = paragraph.text[: marker.start] + f"[{marker.number + 5}]" + paragraph.text[marker.end :]
    assert not quote_in_reference(renumbered, reference(PDF))


@needs_pdftotext
def test_a_note_given_another_notes_text_is_not_the_documents() -> None:
    doc = article(PDF)
    first, second = sorted(doc.footnotes)[:2]
    assert note_in_reference(first, doc.footnotes[first], reference(PDF))
    assert not note_in_reference(first, doc.footnotes[second], reference(PDF))


@needs_pdftotext
def test_a_quote_credited_to_another_document_is_not_faithful() -> None:
    pdf, html = article(PDF), article(HTML)
    paragraph = with_marker(html)
    assert quote_is_faithful(source_of(html, paragraph), reference(HTML))
    assert not quote_is_faithful(source_of(pdf, paragraph), reference(PDF))


def test_the_judge_counts_a_wrong_note_as_miscited() -> None:
    doc = article(MARKDOWN)
    paragraph = with_marker(doc)
    number = paragraph.markers[0].number
    other = next(text for n, text in doc.footnotes.items() if n != number)
    question = Question("x", "dev", "q", True, (paragraph.text[:40],), (GoldFootnote(doc.id, number),))
    right = source_of(doc, paragraph)
    wrong = replace(right, footnotes=(Citation(number, other),))
    references = {doc.id: reference(MARKDOWN)}
    verdicts = [judge(question, [], Answer("q", False, "", (s,)), references) for s in (right, wrong)]
    assert [(v.cited, v.correctly_cited, v.gold_cited) for v in verdicts] == [(1, 1, 1), (1, 0, 1)]


def test_a_line_end_hyphen_joins_only_into_a_word_the_document_uses() -> None:
    text = "The EU-\nbased group wrote a compre-\nhensive report. It is comprehensive."
    assert normalize(join_line_hyphens(text)) == "The EU-based group wrote a comprehensive report. It is comprehensive."


def test_a_line_end_unicode_hyphen_joins_only_into_a_word_the_document_uses_and_else_stays_as_printed() -> None:
    text = "A cost\u2010\neffective and compre\u2010\nhensive report. It is comprehensive."
    assert normalize(join_line_hyphens(text)) == "A cost\u2010effective and comprehensive report. It is comprehensive."


def test_a_line_end_hyphen_stays_where_the_document_prints_the_compound_within_a_line() -> None:
    """RFC 2616 prints "max-age" within its lines and "maxage" only in "s-maxage": "max-" / "age" is the compound."""
    text = "Use s-maxage or max-age. Note: with the max-\nage directive."
    assert normalize(join_line_hyphens(text)) == "Use s-maxage or max-age. Note: with the max-age directive."


def test_a_line_end_soft_hyphen_always_joins_its_word() -> None:
    assert normalize(join_line_hyphens("It should be technolo\u00ad\ngically neutral.")) == (
        "It should be technologically neutral."
    )


def test_html_reference_numbers_ordered_list_items_as_a_browser_shows_them() -> None:
    ref = reference(HTML)
    number, text = next(iter(article(HTML).footnotes.items()))
    assert note_in_reference(number, text, ref)
    assert not note_in_reference(number + 20, text, ref)


SIDE_CHAINS = PROJECT_ROOT / "tests" / "data" / "wild" / "pmc-pubreader-2012-side-chains.html"
BETWEEN_SPACE_IMAGES = "The interface residues were defined as those losing > 1 Å2 SASA upon binding."


def test_html_reference_reads_an_image_inside_a_sentence_as_a_gap_between_its_neighbours() -> None:
    """The page sets the thin spaces around `>` as images (`losing<img>&gt;<img>1<img>Å<sup>2</sup>`)."""
    assert quote_in_reference(BETWEEN_SPACE_IMAGES, reference(SIDE_CHAINS))


def test_html_quote_between_space_images_with_a_changed_number_is_not_faithful() -> None:
    assert not quote_in_reference(BETWEEN_SPACE_IMAGES.replace("> 1", "> 2"), reference(SIDE_CHAINS))


PANDOC_PAPER = PROJECT_ROOT / "tests" / "data" / "wild" / "joss-inara-2022-article-writing.md"
LABEL_IN_CODE_SPAN = (
    "In fact, the identifier of a note can be any sequence of characters, like [^marker], but may not contain "
    "whitespace characters."
)
NOTE_IN_BLOCK_QUOTE = "Articles are published under a Creative Commons license[2]. Software should use"
IMAGE_WITH_ATTRIBUTES = (
    'The Markdown ![Nyan cat](nyan-cat.png){height="9pt"} includes the image "nyan-cat.png" while scaling it to a '
    "height of 9 pt."
)


MYST_PAGE = PROJECT_ROOT / "tests" / "data" / "wild" / "jupyter-book-content-blocks-myst.md"


def test_markdown_reference_shows_a_myst_role_as_its_text() -> None:
    """``{term}`MyST Markdown` `` shows "MyST Markdown"; a code span showing a role's syntax keeps it as written."""
    ref = reference(MYST_PAGE)
    assert quote_in_reference("if you're using an interface that does not support MyST Markdown, it will", ref)
    assert quote_in_reference("{ref}`See index names <index-names>`: See index names", ref)


def test_markdown_reference_shows_a_backtick_fenced_admonition_as_prose_without_its_options() -> None:
    ref = reference(MYST_PAGE)
    assert quote_in_reference("For example, do not do this:", ref)
    assert not quote_in_reference(":class: warning", ref)


def test_markdown_reference_shows_a_fenced_directives_title_as_its_first_line() -> None:
    """ "````{margin} A note on nesting": MyST prints the title; cmark-gfm alone keeps only the fence's first word."""
    assert quote_in_reference("A note on nesting You can nest admonitions", reference(MYST_PAGE))


def test_markdown_reference_leaves_a_directive_shown_inside_a_code_block_as_written() -> None:
    """The page shows a titled directive's syntax inside a fenced block: that fence line is text, not a title."""
    assert quote_in_reference("```{admonition} Here's your admonition", reference(MYST_PAGE))


def test_markdown_reference_shows_a_note_label_in_a_code_span_as_written() -> None:
    assert quote_in_reference(LABEL_IN_CODE_SPAN, reference(PANDOC_PAPER))


def test_markdown_reference_shows_a_note_label_in_a_code_block_as_written() -> None:
    """The paper shows the footnote syntax in a fenced block before showing what it renders to."""
    assert quote_in_reference("[^1]: An open license that allows reuse.", reference(PANDOC_PAPER))


def test_markdown_reference_numbers_a_label_outside_code_as_its_note() -> None:
    assert quote_in_reference(NOTE_IN_BLOCK_QUOTE, reference(PANDOC_PAPER))


def test_markdown_quote_with_a_note_under_another_number_is_not_faithful() -> None:
    assert not quote_in_reference(NOTE_IN_BLOCK_QUOTE.replace("[2]", "[3]"), reference(PANDOC_PAPER))


def test_markdown_reference_drops_pandoc_attributes_after_an_image_but_not_in_a_code_span() -> None:
    assert quote_in_reference(IMAGE_WITH_ATTRIBUTES, reference(PANDOC_PAPER))


def test_markdown_quote_holding_an_image_attribute_after_the_image_is_not_faithful() -> None:
    quote = IMAGE_WITH_ATTRIBUTES.replace('"nyan-cat.png" while', '"nyan-cat.png" {height="9pt"} while')
    assert not quote_in_reference(quote, reference(PANDOC_PAPER))


def record(titles: tuple[str, ...], authors: tuple[str, ...], date: str | None) -> DocumentRecord:
    return DocumentRecord("doc.txt", "doc-1", titles, authors, date, ())


def parsed(title: str | None, author: str | None, date: str | None) -> Article:
    return Article("doc-1", title, author, date, "doc.txt", ())


def test_metadata_the_document_does_not_print_counts_as_invented() -> None:
    verdicts = metadata_verdicts(parsed("Contents", "admin", "2020-01-01"), record((), (), None))
    assert verdicts == {"title": "wrong", "author": "wrong", "date": "wrong"}


def test_metadata_left_out_counts_as_missing_and_null_for_null_as_correct() -> None:
    verdicts = metadata_verdicts(parsed(None, None, None), record(("A Report",), (), "2020-05-14"))
    assert verdicts == {"title": "missing", "author": "correct", "date": "missing"}


def test_a_date_more_precise_than_printed_is_wrong() -> None:
    assert metadata_verdicts(parsed(None, None, "2019-05-01"), record((), (), "2019-05"))["date"] == "wrong"


def test_titles_match_any_printed_form_and_authors_as_a_set_of_names() -> None:
    printed = record(("Left Behind", "Left Behind: Children in Care"), ("Ann Lee", "Bo Kim"), None)
    verdicts = metadata_verdicts(parsed("Left behind: children in care", "Bo Kim and Ann Lee", None), printed)
    assert verdicts == {"title": "correct", "author": "correct", "date": "correct"}


def test_a_name_printed_with_unicodes_hyphen_is_the_name_typed_with_a_hyphen() -> None:
    """Word's PDFs print a typed "-" as U+2010 ("Pan‐Canadian"): the same name as the manifest's."""
    printed = record(("Pan-Canadian Approach",), ("Pan-Canadian Steering Committee",), None)
    verdicts = metadata_verdicts(
        parsed("Pan\u2010Canadian Approach", "Pan\u2010Canadian Steering Committee", None), printed
    )
    assert verdicts == {"title": "correct", "author": "correct", "date": "correct"}


def test_names_written_surname_first_are_split_at_semicolons_only() -> None:
    printed = record((), ("Cole, Jared P.; Novak, Whitney K.",), None)
    assert metadata_verdicts(parsed(None, "Cole, Jared P.; Novak, Whitney K.", None), printed)["author"] == "correct"
    assert metadata_verdicts(parsed(None, "Cole, Jared P.", None), printed)["author"] == "wrong"


@needs_pdftotext
def test_a_chrome_name_inside_a_sentence_of_the_pdf_is_text() -> None:
    """CRS prints "Congressional Research Service" alone on its cover and in every page's footer (the chrome the
    manifest names), and in the disclaimer's sentence "This document was prepared by the Congressional Research
    Service (CRS).", which is the report's own text."""
    ref = reference(REAL / "crs-election-grants-2026.pdf", ("Congressional Research Service",))
    assert not is_not_text("This document was prepared by the Congressional Research Service (CRS). CRS serves", ref)


@needs_pdftotext
def test_a_chrome_name_standing_alone_or_glued_to_a_sentence_is_still_chrome() -> None:
    ref = reference(REAL / "crs-election-grants-2026.pdf", ("Congressional Research Service",))
    assert is_not_text("Congressional Research Service", ref)
    assert is_not_text("States administer elections. Congressional Research Service R46646", ref)


@needs_pdftotext
def test_a_chrome_name_inside_a_heading_wrapped_over_lines_is_text() -> None:
    """The RDR index's heading "ABOUT THE RANKING / DIGITAL RIGHTS CORPORATE / ACCOUNTABILITY INDEX" names the
    project its every page's running header prints alone ("RANKING DIGITAL RIGHTS")."""
    ref = reference(REAL / "rdr-index-2017.pdf", ("RANKING DIGITAL RIGHTS",))
    assert not is_not_text("ABOUT THE RANKING DIGITAL RIGHTS CORPORATE ACCOUNTABILITY INDEX", ref)
    assert is_not_text("The company disclosed RANKING DIGITAL RIGHTS nothing about its policy.", ref)


@needs_pdftotext
def test_a_chrome_label_opening_its_line_is_chrome_whatever_follows() -> None:
    """The wild review's "Keywords: Open reproducible research, ..." opens its line: a label, no sentence naming it."""
    path = PROJECT_ROOT / "tests" / "data" / "wild" / "o2r-2020-reproducible-research-review.pdf"
    ref = reference(path, ("Keywords: Open reproducible research",))
    line = "Keywords: Open reproducible research, open science, computational statistics, scholarly communication"
    assert is_not_text(line, ref)


def test_front_matter_lines_are_not_text() -> None:
    text = '+++\ntitle = "Rights"\nauthors = ["Ann Lee"]\n+++\n\nBody text.\n'
    assert front_matter_lines(text) == ('title = "Rights"', 'authors = ["Ann Lee"]')
    ref = Reference(("Body text.",), front_matter_lines(text))
    assert is_not_text('authors = ["Ann Lee"]', ref)
    assert not is_not_text("Body text.", ref)


def test_a_gold_note_counts_as_resolved_only_where_its_evidence_stands_with_the_note_defined() -> None:
    doc = article(MARKDOWN)
    paragraph = with_marker(doc)
    number = paragraph.markers[0].number
    ask = Question("x", "dev", "q", True, (paragraph.text[:40],), (GoldFootnote(doc.id, number),))
    wrong = Question("y", "dev", "q", True, (paragraph.text[:40],), (GoldFootnote(doc.id, number + 50),))
    assert notes_resolved([ask, wrong], [doc]) == (1, 2)


@needs_pdftotext
def test_a_note_running_on_at_the_next_page_foot_is_the_documents() -> None:
    path = REAL / "crs-election-grants-2026.pdf"
    (doc,) = articles(path)
    ref = reference(path)
    assert [n for n in (6, 30, 37, 41) if not note_in_reference(n, doc.footnotes[n], ref)] == []
    assert not note_in_reference(6, doc.footnotes[30], ref)


WILD = PROJECT_ROOT / "tests" / "data" / "wild"
NOTICE = WILD / "federal-register-2020-17221.pdf"
"""Three columns a page; pdftotext reads another column and the page's furniture into the middle of a sentence."""
LION_AIR = (
    "On October 29, 2018, a Boeing Model 737–8 airplane operated by Lion Air (Lion Air Flight 610) was involved in an "
    "accident after takeoff from Soekarno-Hatta International Airport in Jakarta, Indonesia, resulting in 189 "
    "fatalities."
)
"""Breaks off at "Soekarno-" at a column's foot on page 1 and goes on at the top of page 2, under its header lines."""
INVESTIGATION = (
    "Investigation of the accident has been completed by the Indonesian authorities (Komite Nasional Keselamatan "
    "Transportasi (KNKT)) with assistance from the National Transportation Safety Board (NTSB) and the FAA of the "
    "United States, the manufacturer, and the operator."
)
"""The sentence after `LION_AIR`, on page 2."""
INVITATION = (
    "The FAA invites you to participate in this rulemaking by submitting written comments, data, or views about "
    "this proposal."
)
"""A sentence of page 1, in another paragraph than `LION_AIR`."""
MELODIE = WILD / "melodie-paper-draft-2023.pdf"
ABM4ALL = (
    "It is published and maintained on the GitHub organization page of ABM4ALL[1], a developing community among "
    "agent-based modelers for sharing ideas and resources."
)
"""pdftotext prints the superscript note number glued to the word and a space before the comma: `ABM4ALL1 ,`."""


@needs_pdftotext
def test_a_sentence_broken_off_at_a_column_foot_is_found_across_the_page_furniture_after_it() -> None:
    assert quote_in_reference(LION_AIR, reference(NOTICE))


@needs_pdftotext
def test_a_sentence_going_on_in_the_next_column_of_its_page_is_found_across_the_columns_between() -> None:
    summary = (
        "SUMMARY: The FAA proposes to adopt a new airworthiness directive (AD) for Pilatus Aircraft Ltd. Model "
        "PC–12/47E airplanes."
    )
    assert quote_in_reference(summary, reference(NOTICE))


@needs_pdftotext
def test_two_sentences_running_on_over_a_page_break_are_found() -> None:
    assert quote_in_reference(f"{LION_AIR} {INVESTIGATION}", reference(NOTICE))


@needs_pdftotext
def test_a_quote_across_a_column_break_with_a_changed_word_is_not_faithful() -> None:
    assert not quote_in_reference(LION_AIR.replace("189", "190"), reference(NOTICE))


@needs_pdftotext
def test_a_quote_across_a_column_break_with_a_dropped_word_is_not_faithful() -> None:
    assert not quote_in_reference(LION_AIR.replace("Jakarta, ", ""), reference(NOTICE))


@needs_pdftotext
def test_two_sentences_of_neighbouring_pages_glued_together_are_not_faithful() -> None:
    ref = reference(NOTICE)
    assert quote_in_reference(INVITATION, ref) and quote_in_reference(INVESTIGATION, ref)
    assert not quote_in_reference(f"{INVITATION} {INVESTIGATION}", ref)


DECISION = WILD / "bia-2022-matter-of-laguerre.txt"
"""Plain text from a PDF, one line per paragraph: a paragraph a page breaks goes on below the page's notes, its
number and the next page's running head."""
MATHIS = (
    "First, the Court instructed adjudicators to ascertain whether there is a State court decision that "
    "“definitively answers the question.”"
)
"""Breaks off at "whether there" at the foot of page 3 and goes on "is a State court decision" atop page 4."""


def test_a_sentence_a_text_files_page_breaks_is_found_across_the_lines_between_its_halves() -> None:
    assert quote_in_reference(MATHIS, reference(DECISION))


def test_a_sentence_across_a_text_files_page_break_with_a_changed_word_is_not_faithful() -> None:
    assert not quote_in_reference(MATHIS.replace("State court", "Federal court"), reference(DECISION))


def test_two_paragraphs_of_a_text_file_glued_over_a_page_break_are_not_faithful() -> None:
    """Page 8's last paragraph ends its sentence; page 9 opens a paragraph of its own."""
    ending = "penalty provision at section 780-113(f)(1) of the Pennsylvania Consolidated Statutes."
    opening = "Section 780-113(a)(30) prohibits “the manufacture, delivery, or possession"
    ref = reference(DECISION)
    assert quote_in_reference(ending, ref) and quote_in_reference(opening, ref)
    assert not quote_in_reference(f"{ending} {opening}", ref)


@needs_pdftotext
def test_a_superscript_marker_printed_apart_from_the_comma_after_it_is_the_quotes_marker() -> None:
    assert quote_in_reference(ABM4ALL, reference(MELODIE))


@needs_pdftotext
def test_a_superscript_marker_with_another_number_is_not_the_quotes_marker() -> None:
    assert not quote_in_reference(ABM4ALL.replace("[1]", "[2]"), reference(MELODIE))


def test_a_line_on_most_pages_with_a_page_number_is_page_furniture() -> None:
    pages = [f"Annual Report · Page {n} of 3\n{body}\nCabinet Office\n" for n, body in enumerate(("A.", "B.", "C."))]
    assert furniture_lines(pages) == frozenset({"Annual Report · Page # of #"})


def test_a_line_on_one_page_in_three_is_not_page_furniture() -> None:
    pages = ["Annual Report 2020 of the board\nBody.", "Other body.", "More body."]
    assert furniture_lines(pages) == frozenset()


@needs_pdftotext
def test_a_note_quoted_with_its_number_set_alone_on_the_line_above_is_found() -> None:
    note = (
        "[7] “Privacy Policy - General terms of use for the website and Etisalat’s online services,” Etisalat, "
        "May 24, 2015, http://www.etisalat.ae/en/generic/privacy-policy.jsp."
    )
    ref = reference(REAL / "rdr-index-2017.pdf")
    assert quote_in_reference(note, ref)
    assert not quote_in_reference(note.replace("[7]", "[8]"), ref)


def test_a_page_counter_a_print_time_and_a_web_address_on_every_page_are_page_furniture() -> None:
    pages = [f"{n}/3\n03/10/2023, 19:52\nhttps://example.org/wiki/Page\nText {body}.\n" for n, body in enumerate("ABC")]
    assert furniture_lines(pages) == frozenset({"#/#", "#/#/#, #:#", "https://example.org/wiki/Page"})


RDR = REAL / "rdr-index-2017.pdf"
INCLUDES = (
    "This includes information about users’ ability to publish, transmit, or access content that may be constrained "
    "or blocked—and under whose authority and for what reasons."
)
"""On page 8 of the RDR index, whose number pdftotext sets alone between "This includes" and "information"."""
REQUESTS = (
    "Mail.Ru and Samsung were the only two internet and mobile companies that did not disclose any information on "
    "policies for responding to requests by governments and private parties for user information (P10-P11)."
)
"""On page 59 of the RDR index, where pdftotext sets a number alone between "for user" and "information"."""


@needs_pdftotext
def test_a_page_number_glued_into_a_sentence_between_two_of_its_lines_is_not_verbatim() -> None:
    ref = reference(RDR)
    assert quote_in_reference(INCLUDES, ref)
    assert not quote_in_reference(INCLUDES.replace("includes information", "includes 8 information"), ref)


@needs_pdftotext
def test_a_number_set_on_a_line_of_its_own_inserted_mid_sentence_is_not_verbatim() -> None:
    ref = reference(RDR)
    assert quote_in_reference(REQUESTS, ref)
    assert not quote_in_reference(REQUESTS.replace("user information", "user 5 information"), ref)


@needs_pdftotext
def test_a_page_number_made_a_note_marker_is_not_verbatim() -> None:
    assert not quote_in_reference(INCLUDES.replace("includes information", "includes[8] information"), reference(RDR))


@needs_pdftotext
def test_a_row_of_a_charts_values_each_set_on_a_line_of_its_own_is_verbatim() -> None:
    ref = reference(RDR)
    assert quote_in_reference("65 62 58 53 50 48 35 28 26 22 22 13", ref)
    assert not quote_in_reference("65 62 58 53 50 48 35 28 26 22 13 22", ref)


def test_a_number_of_the_text_made_a_note_marker_is_not_verbatim() -> None:
    ref = Reference(("Under Article 5 every person has the right to liberty.",))
    assert quote_in_reference("Under Article 5 every person has the right to liberty.", ref)
    assert not quote_in_reference("Under Article[5] every person has the right to liberty.", ref)


def test_a_marker_written_with_a_leading_zero_is_the_notes_marker_and_no_other() -> None:
    """MacDowell's e-text numbers its notes `[01]`-`[15]`: the parser reads `[01]` as note 1, quoted as written."""
    ref = reference(PROJECT_ROOT / "tests" / "data" / "wild" / "gutenberg-macdowell-critical-historical-essays.txt")
    sentence = "derives its impressiveness directly from rhythm.{} What would that shudder of horror"
    assert quote_in_reference(sentence.format("[01]"), ref)
    assert not quote_in_reference(sentence.format("[02]"), ref)


def test_a_note_marker_glued_to_its_word_may_stand_as_a_bare_number() -> None:
    ref = Reference(("Every person has the right to liberty.5 No one shall be detained.",))
    assert quote_in_reference("Every person has the right to liberty.[5] No one shall be detained.", ref)


def test_a_superscript_is_not_the_digit_it_folds_to() -> None:
    ref = Reference((normalize("The island covers 10² km and the lake 1½ km."),))
    assert quote_in_reference("The island covers 10² km and the lake 1½ km.", ref)
    assert not quote_in_reference("The island covers 102 km and the lake 1½ km.", ref)
    assert not quote_in_reference("The island covers 10² km and the lake 11⁄2 km.", ref)


def test_a_ligature_reads_as_its_letters() -> None:
    assert quote_in_reference("The final report.", Reference((normalize("The ﬁnal report."),)))


def test_a_circled_number_a_roman_numeral_and_an_ellipsis_are_not_the_plain_characters_they_fold_to() -> None:
    ref = Reference((normalize("Step ① of Part Ⅳ waits…"),))
    assert quote_in_reference("Step ① of Part Ⅳ waits…", ref)
    assert not quote_in_reference("Step 1 of Part Ⅳ waits…", ref)
    assert not quote_in_reference("Step ① of Part IV waits…", ref)
    assert not quote_in_reference("Step ① of Part Ⅳ waits...", ref)


def test_a_hyphen_may_be_missing_from_a_printed_pages_text_only_where_the_page_breaks_the_word_at_it() -> None:
    quote = "The state-owned firm will re-cover the roof."
    assert quote_in_reference(
        quote, Reference((f"The state{LINE_HYPHEN}owned firm will re{LINE_HYPHEN}cover the roof.",), printed=True)
    )
    assert quote_in_reference("The stateowned firm", Reference((f"The state{LINE_HYPHEN}owned firm",), printed=True))
    assert not quote_in_reference(
        quote, Reference((f"The state{LINE_HYPHEN}owned firm will recover the roof.",), printed=True)
    )
    assert not quote_in_reference(quote, Reference(("The state-owned firm will recover the roof.",)))


@needs_pdftotext
def test_a_hyphen_the_page_does_not_print_inside_a_line_is_not_verbatim(tmp_path: Path) -> None:
    lines = [
        "The wellknown state-",
        "owned firm will recover the roof. The state-owned",
        "firm and the stateowned bank.",
    ]
    ref = reference(printed_lines(tmp_path, lines))
    assert quote_in_reference("The wellknown state-owned firm will recover the roof.", ref)
    assert quote_in_reference("The wellknown stateowned firm will recover the roof.", ref)
    assert quote_in_reference("The state-owned firm and the stateowned bank.", ref)
    assert not quote_in_reference("The well-known state-owned firm will recover the roof.", ref)
    assert not quote_in_reference("The wellknown state-owned firm will re-cover the roof.", ref)
    assert not quote_in_reference("The state-owned firm and the state-owned bank.", ref)


@needs_pdftotext
def test_a_quote_stopping_at_a_line_end_hyphen_inside_a_word_is_not_verbatim(tmp_path: Path) -> None:
    ref = reference(printed_lines(tmp_path, ["The survey covers WIC and non-", "participants alike."]))
    assert quote_in_reference("The survey covers WIC and non-participants alike.", ref)
    assert not quote_in_reference("The survey covers WIC and non-", ref)


@needs_pdftotext
def test_a_web_address_broken_at_a_hyphen_over_lines_is_verbatim_with_its_hyphen(tmp_path: Path) -> None:
    ref = reference(printed_lines(tmp_path, ["See (https://example.org/2018%20-", "%20035%20Report.pdf) for it."]))
    assert quote_in_reference("See (https://example.org/2018%20-%20035%20Report.pdf) for it.", ref)
    assert not quote_in_reference("See (https://example.org/2018%20-%20036%20Report.pdf) for it.", ref)


def test_white_space_inside_a_web_address_is_allowed_only_in_a_printed_pages_text() -> None:
    quote = "See https://example.org/reports/2020 for the data."
    wrapped = "See https://example.org/re ports/2020 for the data."
    assert quote_in_reference(quote, Reference((wrapped,), printed=True))
    assert not quote_in_reference(quote, Reference((wrapped,)))


def test_a_marker_closing_a_quote_is_not_the_first_digit_of_a_longer_note_number() -> None:
    quote = "This AD was prompted by reports.[1]"
    for source in ("This AD was prompted by reports.12 The FAA", "This AD was prompted by reports.¹² The FAA"):
        assert quote_in_reference(quote.replace("[1]", "[12]"), Reference((normalize(source),)))
        assert not quote_in_reference(quote, Reference((normalize(source),)))


def printed_lines(folder: Path, lines: list[str]) -> Path:
    """A one-page PDF that prints `lines` one under the other, as pdftotext reads them back."""
    pdf = FPDF()
    pdf.add_page()
    pdf.set_font("Helvetica", size=11)
    for line in lines:
        pdf.cell(0, 6, line, new_x="LMARGIN", new_y="NEXT")
    path = folder / "lines.pdf"
    path.write_bytes(bytes(pdf.output()))
    return path


@needs_pdftotext
def test_a_number_line_is_a_notes_number_only_alone_and_above_words_not_going_on_in_lower_case(tmp_path: Path) -> None:
    lines = ["The board met in March and", "12", "approved the budget.", "7", "The minutes are kept online."]
    ref = reference(printed_lines(tmp_path, [*lines, "3", "4", "Totals by region."]))
    assert quote_in_reference("[7] The minutes are kept online.", ref)
    assert not quote_in_reference("[12] approved the budget.", ref)
    assert not quote_in_reference("[4] Totals by region.", ref)


KRAMDOWN_RFC = WILD / "kramdown-rfc-cubic-draft.md"
DRAFT = """---
title: A Draft
informative:
  HR08:
    title: Hybrid Slow Start
--- abstract

Slow start {{HR08}} is described in {{slow-start}}; CUBIC obsoletes {{?RFC8312}} and follows {{!RFC5681}}.
The list is archived at [](https://example.org/list).
"""


def test_every_paragraph_of_a_kramdown_rfc_draft_stands_in_the_reference() -> None:
    ref = reference(KRAMDOWN_RFC)
    paragraphs = [p.text for p in article(KRAMDOWN_RFC).paragraphs]
    assert any("[RFC8312]" in text for text in paragraphs)
    assert [text for text in paragraphs if not quote_in_reference(text, ref)] == []


def test_kramdown_rfc_citations_read_as_the_draft_prints_them(tmp_path: Path) -> None:
    path = tmp_path / "draft.md"
    path.write_text(DRAFT)
    ref = reference(path)
    assert quote_in_reference("CUBIC obsoletes [RFC8312] and follows [RFC5681].", ref)
    assert quote_in_reference("Slow start [HR08] is described in {{slow-start}};", ref)


def test_a_kramdown_rfc_citation_under_another_label_is_not_verbatim(tmp_path: Path) -> None:
    path = tmp_path / "draft.md"
    path.write_text(DRAFT)
    ref = reference(path)
    assert not quote_in_reference("CUBIC obsoletes [RFC8313] and follows [RFC5681].", ref)
    assert not quote_in_reference("is described in [slow-start];", ref)  # a section, not a listed reference


def test_a_link_without_text_reads_as_its_address(tmp_path: Path) -> None:
    path = tmp_path / "draft.md"
    path.write_text(DRAFT)
    ref = reference(path)
    assert quote_in_reference("The list is archived at https://example.org/list.", ref)
    assert not quote_in_reference("The list is archived at .", ref)


def test_a_kramdown_rfc_front_matter_closed_by_a_section_fence_is_not_text() -> None:
    ref = reference(KRAMDOWN_RFC)
    assert is_not_text("title: CUBIC for Fast Long-Distance Networks", ref)


AGILE_TEMPLATE = WILD / "18f-agile-solicitation-template.docx"
WORD_FIXTURES = PROJECT_ROOT / "tests" / "fixtures"


@pytest.mark.parametrize(
    "path",
    [AGILE_TEMPLATE, *(WORD_FIXTURES / f"{n}.docx" for n in ("footnote-and-endnote", "two-endnotes"))],
    ids=lambda p: p.stem,
)
def test_every_paragraph_of_a_word_file_stands_in_the_reference(path: Path) -> None:
    ref = reference(path)
    assert [p.text for p in article(path).paragraphs if not quote_in_reference(p.text, ref)] == []


def test_a_word_files_quote_with_one_word_changed_is_not_faithful() -> None:
    text = next(p.text for p in article(AGILE_TEMPLATE).paragraphs if " the " in p.text)
    assert not quote_in_reference(text.replace(" the ", " a ", 1), reference(AGILE_TEMPLATE))


def test_word_footnotes_and_endnotes_stand_in_the_reference_under_their_numbers() -> None:
    ref = reference(WORD_FIXTURES / "footnote-and-endnote.docx")
    assert note_in_reference(1, "This is a footnote", ref)
    assert note_in_reference(2, "This is an endnote", ref)
    assert not note_in_reference(2, "This is a footnote", ref)
    assert quote_in_reference("Paragraph 2[2]", ref)
    assert not quote_in_reference("Paragraph 2[1]", ref)


def test_word_endnotes_are_numbered_after_the_footnotes_even_when_cited_first(tmp_path: Path) -> None:
    def swap(body: str) -> str:
        footnote, endnote = '<w:footnoteReference w:id="1"/>', '<w:endnoteReference w:id="1"/>'
        return body.replace(footnote, "\0").replace(endnote, footnote).replace("\0", endnote)

    path = tmp_path / "endnote-first.docx"
    path.write_bytes(with_parts("footnote-and-endnote.docx", {"word/document.xml": swap}))
    ref = reference(path)
    assert quote_in_reference("Paragraph 1[2]", ref) and quote_in_reference("Paragraph 2[1]", ref)
    assert note_in_reference(1, "This is a footnote", ref) and note_in_reference(2, "This is an endnote", ref)
    assert [p.text for p in article(path).paragraphs if not quote_in_reference(p.text, ref)] == []


def test_word_endnotes_printed_in_digits_keep_their_printed_numbers_beside_a_symbol_footnote() -> None:
    """NCD's brief prints its one footnote as "*" (chicago style) and its endnotes 1-34: the reference numbers them
    as the parser does, the endnotes as printed and the footnote after them."""
    path = WILD / "ncd-2017-dental-care-policy-brief.docx"
    ref = reference(path)
    assert quote_in_reference("health insurance coverage;[27] and Medicaid", ref)
    assert note_in_reference(35, "NCD recognizes that not all people with I/DD require particular accommodations", ref)
    assert not note_in_reference(
        1, "NCD recognizes that not all people with I/DD require particular accommodations", ref
    )
    notes = article(path).footnotes
    assert [n for n, text in notes.items() if not note_in_reference(n, text, ref)] == []


def test_word_notes_stand_in_the_reference_from_the_number_the_settings_start_them_at(tmp_path: Path) -> None:
    path = tmp_path / "started-at-five.docx"
    start = '<w:endnotePr><w:numStart w:val="5"/>'
    path.write_bytes(
        with_parts("two-endnotes.docx", {"word/settings.xml": lambda xml: xml.replace("<w:endnotePr>", start)})
    )
    ref = reference(path)
    assert quote_in_reference("Ouch[5].[6]", ref)
    assert note_in_reference(5, "A tachyon walks into a bar.", ref) and note_in_reference(6, "Fin.", ref)


@needs_pdftotext
def test_a_word_in_small_capitals_that_pdftotext_splits_is_verbatim_and_its_letters_still_count() -> None:
    """pdftotext prints the paper's small-capital "SciBERT" as "S CI BERT" and its LaTeX logo as "L AT E X"."""
    ref = reference(PROJECT_ROOT / "tests" / "data" / "wild" / "acl-2020-s2orc-paper.pdf")
    assert quote_in_reference("16.4B tokens, nearly five times larger than the corpus for SCIBERT.", ref)
    assert quote_in_reference("structured full text from 8.1M open-access PDFs and 1.5M LATEX source files.", ref)
    assert not quote_in_reference("structured full text from 8.1M open-access PDFs and 1.5M LATEK source files.", ref)
    assert not quote_in_reference("structured fulltext from 8.1M open-access PDFs and 1.5M LATEX source files.", ref)


RENDERED = """Report to the [security team][team] and to the [records team](https://example.org/a_(b)) using
the [incident process]({{ "/incidents/" | url }}), as *every* step is **written** down<sup><a href="#fn1">[1]</a></sup>.

[team]: https://example.org/team
"""


def test_markdown_reads_as_rendered_reference_links_addresses_with_brackets_and_inline_html(tmp_path: Path) -> None:
    path = tmp_path / "page.md"
    path.write_text(RENDERED)
    quote = (
        "Report to the security team and to the records team using the incident process, "
        "as every step is written down[1]."
    )
    assert quote_in_reference(quote, reference(path))


def test_a_rendered_markdown_quote_with_one_word_changed_is_not_faithful(tmp_path: Path) -> None:
    path = tmp_path / "page.md"
    path.write_text(RENDERED)
    assert not quote_in_reference("Report to the safety team and to the records team", reference(path))
    assert not quote_in_reference("Report to the [security team][team]", reference(path))


SLIP_OPINION = WILD / "scotus-2013-tarrant-v-herrmann.pdf"
OVER_THE_NOTE_RULE = (
    "In 2007, Tarrant sought a water resource permit from the Oklahoma Water Resources Board (OWRB),[5] respondents "
    "here, to take 310,000 acre feet[6] per year of surface water from the Kiamichi River, a tributary of the Red "
    "River located in Oklahoma."
)


@needs_pdftotext
def test_a_sentence_going_on_past_the_dashed_rule_over_the_notes_to_the_next_page_is_found() -> None:
    """pdftotext sets the page's last line, the rule of dashes and the notes under it in one block."""
    assert quote_in_reference(OVER_THE_NOTE_RULE, reference(SLIP_OPINION))


@needs_pdftotext
def test_a_sentence_past_the_dashed_rule_with_a_changed_number_is_not_faithful() -> None:
    assert not quote_in_reference(OVER_THE_NOTE_RULE.replace("310,000", "31,000"), reference(SLIP_OPINION))


FRONTIERS = WILD / "frontiers-2022-hypertension-sars-cov-2.pdf"


@needs_pdftotext
def test_a_sentence_going_on_at_a_column_pdftotext_prints_before_it_is_found() -> None:
    """Page 2's right column stands a hair higher than its left one, so pdftotext prints it first; the left column's
    last sentence goes on at the right column's top, a block printed before the one it ends."""
    assert quote_in_reference("All study participants were examined by study physicians.", reference(FRONTIERS))


@needs_pdftotext
def test_a_sentence_going_on_at_a_column_printed_before_it_with_a_changed_word_is_not_faithful() -> None:
    assert not quote_in_reference("All study participants were examined by study doctors.", reference(FRONTIERS))


@needs_pdftotext
def test_a_paragraphs_last_sentence_glued_to_a_block_printed_before_it_is_not_faithful() -> None:
    """Between two sentences a quote may cross only a page's end: a block ending a sentence mid-page ends its
    paragraph, whichever block pdftotext printed before it."""
    glued = "hyperinflammation in patients with COVID-19 (2). by study physicians."
    assert not quote_in_reference(glued, reference(FRONTIERS))


@needs_pdftotext
def test_a_tables_label_glued_to_a_figure_pdftotext_prints_before_it_is_not_faithful() -> None:
    """Table 3's "Headache (yes/no)" row reads 8/17, not the 25/0 of the row above: a label and the narrower column of
    figures beside it are no two columns of text, so the figures' block may not go on from the label's."""
    assert not quote_in_reference("Headache (yes/no) 25/0", reference(FRONTIERS))


@needs_pdftotext
def test_a_raised_power_is_found_where_pdftotext_sets_its_digit_on_the_line_apart_or_glued() -> None:
    """pdftotext prints "1 x" / "10 6 /ml" and "2 x 105 PBMCs" for the page's 10⁶ and 10⁵."""
    ref = reference(FRONTIERS)
    assert quote_in_reference("to obtain a cell count of 1 x 10⁶/ml in cell culture medium", ref)
    assert quote_in_reference("Therefore, 2 x 10⁵ PBMCs were either incubated", ref)


@needs_pdftotext
def test_a_power_flattened_into_another_number_is_not_faithful_where_pdftotext_sets_it_apart() -> None:
    assert not quote_in_reference("to obtain a cell count of 1 x 106/ml in cell culture medium", reference(FRONTIERS))
    assert not quote_in_reference("to obtain a cell count of 1 x 10⁷/ml in cell culture medium", reference(FRONTIERS))


@needs_pdftotext
def test_two_lines_set_apart_side_by_side_are_no_columns_a_sentence_goes_on_across() -> None:
    """The letter's "Sincerely," stands to the right above "Enclosure" at the margin: read after it, it is no column
    top the enclosure line's words go on at."""
    ref = reference(WILD / "house-clerk-committee-votes-2020.pdf")
    assert not quote_in_reference("Enclosure Sincerely,", ref)


@needs_pdftotext
def test_a_column_of_a_band_above_a_figure_is_not_where_a_sentence_under_it_goes_on() -> None:
    """Page 7 of the proposed rule sets three columns of text, figures under them, then two more columns: item (3)
    ends its column ("replace the existing Airspeed Unreliable") and goes on beside it, not at item (1) over the
    figures, though pdftotext prints that first."""
    ref = reference(WILD / "federal-register-2020-17221.pdf")
    assert not quote_in_reference(
        "(3) In the Operating Procedures chapter, replace the existing Airspeed Unreliable (1) In the Certificate "
        "Limitations and Operating Procedures chapters, remove the information",
        ref,
    )


def test_html_reference_numbers_a_decimal_styled_bullet_list_as_a_browser_shows_it() -> None:
    """PubMed Central styles its reference `<ul>` `list-style-type:decimal`: a browser shows "26." before the 26th."""
    ref = reference(SIDE_CHAINS)
    text = article(SIDE_CHAINS).footnotes[26]
    assert note_in_reference(26, text, ref)
    assert not note_in_reference(27, text, ref)


def test_a_run_of_markers_stands_in_the_source_as_one_bracketed_range() -> None:
    """The page prints "[21-23]", the parse "[21][22][23]"."""
    quote = "Studies of the crystal packing effect on the surface side chains [21][22][23] showed"
    assert quote_in_reference(quote, reference(SIDE_CHAINS))


def test_a_run_of_markers_that_ends_on_another_number_than_the_printed_range_is_not_faithful() -> None:
    quote = "Studies of the crystal packing effect on the surface side chains [21][22][24] showed"
    assert not quote_in_reference(quote, reference(SIDE_CHAINS))


STRETCHED = PROJECT_ROOT / "tests" / "data" / "wild" / "ca1-2020-calvary-chapel-v-mills.pdf"
"""A court's opinion in double-spaced Courier, fully justified: pdftotext prints each word of a stretched line apart."""


@needs_pdftotext
def test_a_sentence_over_a_stretched_line_pdftotext_prints_word_by_word_is_found() -> None:
    quote = "This interlocutory appeal arises out of the chaotic early weeks of the COVID-19 pandemic."
    assert quote_in_reference(quote, reference(STRETCHED))


@needs_pdftotext
def test_words_of_two_lines_of_a_stretched_page_run_together_are_not_found() -> None:
    """The words of the first line, then those of the third, skipping the stretched line between."""
    quote = "This interlocutory appeal arises Defendant-appellee Janet T. Mills, the Governor of Maine,"
    assert not quote_in_reference(quote, reference(STRETCHED))


@needs_pdftotext
def test_words_of_a_stretched_line_and_of_the_line_under_it_interleaved_are_not_found() -> None:
    quote = "out of the chaotic Defendant-appellee early weeks"
    assert not quote_in_reference(quote, reference(STRETCHED))


def test_a_marker_printed_in_parentheses_apart_from_its_word_is_the_quotes_marker() -> None:
    """EUR-Lex prints the Official Journal's markers as " (3)" after the word they mark."""
    ref = reference(PROJECT_ROOT / "tests" / "data" / "wild" / "eu-oj-2022-868-data-governance-act.html")
    sentence = "as defined in the Annex to Commission Recommendation 2003/361/EC{} and start-ups to thrive"
    assert quote_in_reference(sentence.format("[3],"), ref)
    assert not quote_in_reference(sentence.format("[4],"), ref)


def test_a_number_in_parentheses_glued_to_its_word_is_no_marker() -> None:
    ref = Reference(("Under Article 5(3) every person has the right to liberty.",))
    assert not quote_in_reference("Under Article 5[3] every person has the right to liberty.", ref)


def test_a_note_labelled_with_a_leading_zero_is_found_under_its_number() -> None:
    """MacDowell's e-text labels its notes `[01]`-`[15]` where it gathers them, as its markers are written."""
    path = PROJECT_ROOT / "tests" / "data" / "wild" / "gutenberg-macdowell-critical-historical-essays.txt"
    (parsed,) = articles(path)
    assert note_in_reference(1, parsed.footnotes[1], reference(path))
    assert not note_in_reference(2, parsed.footnotes[1], reference(path))


def test_a_note_cited_under_another_number_on_a_one_page_reference_is_not_the_documents() -> None:
    """A text file is one page: MacDowell's note 5 runs over ten lines, and a "6" printed anywhere before its words
    is no label of it. Under its own number it is the document's; under 6 it is not."""
    path = PROJECT_ROOT / "tests" / "data" / "wild" / "gutenberg-macdowell-critical-historical-essays.txt"
    (doc,) = articles(path)
    ref = reference(path)
    assert doc.footnotes[5].startswith("The fundamental doctrine of the Pythagorean philosophy")
    assert note_in_reference(5, doc.footnotes[5], ref)
    assert [n for n in (4, 6, 12) if note_in_reference(n, doc.footnotes[5], ref)] == []


def test_a_note_cited_by_a_marker_written_with_a_leading_zero_counts_as_cited_in_the_quote() -> None:
    """MacDowell's quote holds `[01]` as printed: its note 1 is the quote's own, and rightly cited; the same note
    given under another number (2) is not."""
    path = PROJECT_ROOT / "tests" / "data" / "wild" / "gutenberg-macdowell-critical-historical-essays.txt"
    (doc,) = articles(path)
    paragraph = next(p for p in doc.paragraphs if any(m.number == 1 for m in p.markers))
    assert "[01]" in paragraph.text
    question = Question("x", "dev", "q", True, (paragraph.text[:40],), (GoldFootnote(doc.id, 1),))
    right = replace(source_of(doc, paragraph), footnotes=(Citation(1, doc.footnotes[1]),))
    wrong = replace(right, footnotes=(Citation(2, doc.footnotes[1]),))
    references = {doc.id: reference(path)}
    verdicts = [judge(question, [], Answer("q", False, "", (s,)), references) for s in (right, wrong)]
    assert [(v.cited, v.correctly_cited) for v in verdicts] == [(1, 1), (1, 0)]


def test_a_notes_words_under_markdowns_label_in_a_code_example_are_not_that_note() -> None:
    """The JOSS paper on writing shows `[^1]: An open license that allows reuse.` in a code block; rendered, that
    note is its second (`[^markers]` is cited first). Note 2 is the document's; the same words as note 1 are not."""
    path = PROJECT_ROOT / "tests" / "data" / "wild" / "joss-inara-2022-article-writing.md"
    (doc,) = articles(path)
    ref = reference(path)
    assert doc.footnotes[2] == "An open license that allows reuse."
    assert note_in_reference(2, doc.footnotes[2], ref)
    assert not note_in_reference(1, doc.footnotes[2], ref)


def test_a_word_note_whose_line_break_the_reference_reads_as_no_space_is_the_documents() -> None:
    """The FCC order's note 750 breaks its line with Word's carriage return, which mammoth drops: the reference reads
    "discounts).See also". The note is the document's under its number, and under its neighbours' it is not."""
    path = WILD / "fcc-15-24-open-internet-order.docx"
    doc = articles(path)[0]
    ref = reference(path)
    assert "discounts). See also" in normalize(doc.footnotes[750])
    assert note_in_reference(750, doc.footnotes[750], ref)
    assert not note_in_reference(749, doc.footnotes[750], ref)
    assert not note_in_reference(751, doc.footnotes[750], ref)


def test_word_notes_of_a_section_that_numbers_them_afresh_stand_in_the_reference_under_the_printed_number() -> None:
    """The FCC order restarts its footnotes in each section: Appendix B's note 172 is printed 172, not 1949."""
    path = WILD / "fcc-15-24-open-internet-order.docx"
    appendix = articles(path)[1]
    ref = reference(path)
    assert note_in_reference(172, appendix.footnotes[172], ref)
    assert not note_in_reference(1777 + 172, appendix.footnotes[172], ref)
    assert quote_in_reference(appendix.paragraphs[2].text, ref)


def test_the_reference_reads_a_word_files_capitals_as_word_shows_them() -> None:
    """The FCC order types Commissioner Clyburn's heading "Statement of" in a run set in capitals, and its first
    section "Introduction" in `heading 1`, a style in capitals: the page shows capitals, and so does the reference,
    where mammoth alone would give the letters as typed; a run turning its style's capitals off stays as typed."""
    ref = reference(WILD / "fcc-15-24-open-internet-order.docx")
    assert quote_in_reference("STATEMENT OF", ref)
    assert quote_in_reference("INTRODUCTION", ref)
    assert not quote_in_reference("Statement of Commissioner Mignon L. Clyburn", ref)
    assert quote_in_reference("Before the Federal Communications Commission", ref)


GDPR = WILD / "eu-oj-2016-679-gdpr.pdf"


@needs_pdftotext
def test_a_letter_spaced_heading_pdftotext_cuts_inside_its_words_is_verbatim() -> None:
    """The Official Journal spreads the letters of its section headings; pdftotext prints "Sec ti on 1" and
    "Tr an s p ar enc y a nd mo da li tie s" where the page reads "Section 1" and "Transparency and modalities"."""
    ref = reference(GDPR)
    assert quote_in_reference("Section 1", ref)
    assert quote_in_reference("Transparency and modalities", ref)
    assert quote_in_reference("Competence, tasks and powers", ref)


@needs_pdftotext
def test_a_letter_spaced_heading_with_one_letter_changed_is_not_verbatim() -> None:
    ref = reference(GDPR)
    assert not quote_in_reference("Transparancy and modalities", ref)
    assert not quote_in_reference("Competence, tasks and duties", ref)


@needs_pdftotext
def test_a_line_of_short_words_keeps_its_spaces() -> None:
    """A line like "It is so ordered." has short words, every one a word of the opinion: no letter-spacing, so a quote
    that runs its words together is not what the page prints."""
    ref = reference(SLIP_OPINION)
    assert quote_in_reference("It is so ordered.", ref)
    assert not quote_in_reference("It isso ordered.", ref)


OVER_THE_BRACKETED_NOTE = (
    "The possibility for the controller or processor to use standard data-protection clauses adopted by the "
    "Commission or by a supervisory authority should prevent controllers or processors neither from including the "
    "standard data-protection clauses in a wider contract, such as a contract between the processor and another "
    "processor, nor from adding other clauses or additional safeguards"
)


@needs_pdftotext
def test_a_sentence_going_on_past_a_foot_note_numbered_in_brackets_to_the_next_page_is_found() -> None:
    """pdftotext sets the page's foot note "(1) Regulation (EU) No 182/2011 ..." straight under its last line."""
    assert quote_in_reference(OVER_THE_BRACKETED_NOTE, reference(GDPR))


@needs_pdftotext
def test_a_sentence_going_on_past_a_foot_note_numbered_in_brackets_with_a_changed_word_is_not_faithful() -> None:
    assert not quote_in_reference(OVER_THE_BRACKETED_NOTE.replace("wider contract", "larger contract"), reference(GDPR))
    assert not quote_in_reference("neither from including the Regulation (EU) No 182/2011", reference(GDPR))


@needs_pdftotext
def test_a_word_the_page_breaks_at_a_soft_hyphen_is_verbatim_whole_and_not_in_pieces() -> None:
    """Recital 15 prints "technolo-" over "gically" with a soft hyphen (U+00AD), which pdftotext keeps there."""
    ref = reference(GDPR)
    assert quote_in_reference("the protection of natural persons should be technologically neutral", ref)
    assert not quote_in_reference("the protection of natural persons should be technolo gically neutral", ref)


TRUSTING_IDENTITIES = WILD / "imsc-2011-trusting-identities-consultation-draft.pdf"
"""Prints every hyphen as U+2010 HYPHEN, "cost\u2010" ending a line over "effective"."""


@needs_pdftotext
def test_a_compound_the_page_breaks_at_a_unicode_hyphen_is_verbatim_with_its_hyphen() -> None:
    ref = reference(TRUSTING_IDENTITIES)
    assert quote_in_reference("and enabled by cost\u2010effective and innovative", ref)
    assert not quote_in_reference("and enabled by cost\u2010 effective and innovative", ref)


MARGIN_NUMBERED = PROJECT_ROOT / "tests" / "data" / "wild" / "gutenberg-hoffman-mide-wiwin-1891.html"
"""Its printed page numbers stand mid-sentence in the markup, placed in the margin by its CSS (`position: absolute`)."""


def test_a_page_number_the_stylesheet_sets_in_the_margin_is_no_word_of_the_sentence_it_breaks() -> None:
    assert quote_in_reference("upon a single reservation, where they continue", reference(MARGIN_NUMBERED))


def test_a_changed_word_beside_a_margin_page_number_still_fails() -> None:
    assert not quote_in_reference("upon a single reservation, where they remain", reference(MARGIN_NUMBERED))


PLEADING = PROJECT_ROOT / "tests" / "data" / "wild" / "ca2-2010-gildernew-v-quarantillo.pdf"
"""An opinion typed on pleading paper: every page's lines numbered 1 to 21 in the left margin, fully justified, two
spaces after a sentence; pdftotext's reading order sets the numbers between the lines and a line's second sentence
in a block of its own."""
TWO_SPACE_SENTENCE = (
    "Plaintiff indicated that he expected to leave the United States in June of 2004 and remain abroad for one year."
)
"""Page 3, lines 2 to 4: it opens after "affairs.”" and two spaces, and line 4 goes on "He did not indicate"."""
OVER_THE_PAGE = (
    "Plaintiff contends that the CIS improperly denied his application because his absence from the country for over"
    " fourteen months – from September 16, 2004 to November 23, 2005 – does not, as the CIS contends, disqualify him"
    " from naturalized citizenship under 8 U.S.C. § 1427."
)
"""Page 2, lines 7 to 10, then page 3's line 1 and 2, over the footer "Page 2 of 9"."""


@needs_pdftotext
def test_a_sentence_after_two_spaces_on_a_line_of_pleading_paper_is_found() -> None:
    assert quote_in_reference(TWO_SPACE_SENTENCE, reference(PLEADING))


@needs_pdftotext
def test_a_sentence_of_pleading_paper_going_on_at_the_next_pages_first_numbered_line_is_found() -> None:
    assert quote_in_reference(OVER_THE_PAGE, reference(PLEADING))


@needs_pdftotext
def test_a_sentence_of_pleading_paper_with_a_changed_word_is_not_faithful() -> None:
    assert not quote_in_reference(TWO_SPACE_SENTENCE.replace("June", "July"), reference(PLEADING))


@needs_pdftotext
def test_a_sentence_of_pleading_paper_missing_one_of_its_lines_is_not_faithful() -> None:
    """Line 3 ("expected to leave the United States in June of 2004 and") left out."""
    assert not quote_in_reference("Plaintiff indicated that he remain abroad for one year.", reference(PLEADING))


@needs_pdftotext
def test_a_margins_line_number_inside_a_sentence_of_pleading_paper_is_not_verbatim() -> None:
    """Line 4's number, which the margin prints before "remain abroad", is no word of the sentence."""
    quote = TWO_SPACE_SENTENCE.replace("and remain", "and 4 remain")
    assert not quote_in_reference(quote, reference(PLEADING))


@needs_pdftotext
def test_a_sentence_of_pleading_paper_quoted_from_another_document_is_not_faithful() -> None:
    assert not quote_in_reference(TWO_SPACE_SENTENCE, reference(STRETCHED))


STAKEHOLDERS = WILD / "uscourts-2012-cmecf-additional-stakeholders-report.pdf"
"""A court committee's report whose front matter numbers its pages i, ii, iii at their feet, under running lines."""


@needs_pdftotext
def test_a_sentence_across_a_page_break_over_a_roman_page_number_is_found() -> None:
    """Page i ends "... an individual member of the task force was", its number "i" under it; page ii goes on,
    under the running header and date, "assigned to each of the more than 60 constituent groups ..."."""
    quote = (
        "As more fully explained herein, an individual member of the task force was assigned to each of the more "
        "than 60 constituent groups with whom we determined to interact."
    )
    assert quote_in_reference(quote, reference(STAKEHOLDERS))


@needs_pdftotext
def test_a_sentence_across_a_roman_page_number_with_a_changed_word_is_not_found() -> None:
    quote = (
        "As more fully explained herein, an individual member of the task force was assigned to each of the more "
        "than 70 constituent groups with whom we determined to interact."
    )
    assert not quote_in_reference(quote, reference(STAKEHOLDERS))


@needs_pdftotext
def test_a_sentence_across_a_roman_page_number_missing_a_word_is_not_found() -> None:
    quote = "an individual member of the task force assigned to each of the more than 60 constituent groups"
    assert not quote_in_reference(quote, reference(STAKEHOLDERS))


@needs_pdftotext
def test_the_foot_of_page_i_and_the_top_of_page_iii_are_no_sentence() -> None:
    """Page ii between them: two pages' edges that do not meet."""
    quote = "an individual member of the task force was the basic premise on which the future data exchanges"
    assert not quote_in_reference(quote, reference(STAKEHOLDERS))


@needs_pdftotext
def test_a_roman_page_number_is_no_word_inside_a_quote() -> None:
    """The page number "i" left in the quote, where the sentence crosses it, is not what the page reads."""
    quote = "an individual member of the task force was i assigned to each of the more than 60 constituent groups"
    assert not quote_in_reference(quote, reference(STAKEHOLDERS))


TRANSCRIPT = (
    "We have no transcript of that conference, but Governor Mills apparently agreed to file an expedited response "
    "to the Chapel's request for some sort of interim injunctive relief."
)
"""A sentence of the First Circuit's opinion over a page break: page 6 ends "We have no transcript of that", then
its foot note 1 and its number "- 6 -"; page 7's first line, under the docket's running header, is stretched so
wide that pdftotext prints each of its words apart, the header's pieces among them."""


@needs_pdftotext
def test_a_sentence_across_a_page_break_onto_a_line_printed_word_by_word_is_found() -> None:
    assert quote_in_reference(TRANSCRIPT, reference(STRETCHED))


@needs_pdftotext
def test_a_sentence_across_a_page_break_read_whole_only_with_its_stretched_lines_is_found() -> None:
    """Page 14 ends in two stretched lines whose words pdftotext prints among each other's; page 15 goes on."""
    quote = (
        'Examples of such circumstances include an interlocutory order that would cause "trade secrets [to] be '
        "revealed,\" Chronicle Publ'g Co. v. Hantzis, 902 F.2d 1028, 1031 (1st Cir. 1990), or one that would "
        '"irretrievably" deprive a party of "an important tactical litigation advantage," Kartell v. Blue Shield of '
        "Mass., Inc., 687 F.2d 543, 552 (1st Cir. 1982)."
    )
    assert quote_in_reference(quote, reference(STRETCHED))


@needs_pdftotext
def test_a_sentence_across_a_page_break_onto_a_stretched_line_with_a_changed_word_is_not_found() -> None:
    assert not quote_in_reference(TRANSCRIPT.replace("apparently agreed", "apparently refused"), reference(STRETCHED))


@needs_pdftotext
def test_a_sentence_across_a_page_break_onto_a_stretched_line_missing_a_word_is_not_found() -> None:
    assert not quote_in_reference(
        TRANSCRIPT.replace("conference, but Governor", "conference, Governor"), reference(STRETCHED)
    )


@needs_pdftotext
def test_the_foot_of_page_6_and_the_top_of_page_8_are_no_sentence() -> None:
    """Page 8 opens "alone.": page 7 stands between."""
    assert not quote_in_reference("We have no transcript of that alone.", reference(STRETCHED))


@needs_pdftotext
def test_the_foot_of_a_page_and_the_top_of_the_same_page_are_no_sentence() -> None:
    """Page 7 ends "... by the parties' agreement" and opens "conference, but Governor Mills": read backwards."""
    quote = "cannot be conferred on a federal court by the parties' agreement conference, but Governor Mills"
    assert not quote_in_reference(quote, reference(STRETCHED))


@needs_pdftotext
def test_a_sentence_across_a_page_break_is_not_found_in_another_document() -> None:
    assert not quote_in_reference(TRANSCRIPT, reference(STAKEHOLDERS))


def test_a_space_a_web_page_sets_before_its_note_reference_link_is_no_space_between_words(tmp_path: Path) -> None:
    """Pandoc and Quarto write `black box <a role="doc-noteref"><sup>1</sup></a> analysis`: the number is a marker,
    set against the word before it as a printed superscript is, so the quote's marker matches it there, and the
    number read as a word of the text does not."""
    page = tmp_path / "guidance.html"
    page.write_text(
        "<html><body><ul><li>assuring black box "
        '<a href="#fn1" class="footnote-ref" id="fnref1" role="doc-noteref"><sup>1</sup></a>'
        " analysis, including AI</li></ul></body></html>",
        encoding="utf-8",
    )
    ref = reference(page)
    assert quote_in_reference("assuring black box [1] analysis, including AI", ref)
    assert not quote_in_reference("assuring black box 1 analysis, including AI", ref)


@needs_pdftotext
def test_a_dash_set_alone_at_a_line_end_is_verbatim_where_the_page_prints_it(tmp_path: Path) -> None:
    """pdftotext drops a hyphen ending a line even where it stands alone between spaces, a dash ("our expenses -" /
    "up from 51%" comes out "our expenses up from 51%"): the page prints the dash, so the quote holds it."""
    ref = reference(printed_lines(tmp_path, ["Income covered 85% of our expenses -", "up from 51% the year before."]))
    assert quote_in_reference("Income covered 85% of our expenses - up from 51% the year before.", ref)
    assert not quote_in_reference("Income covered 85% of our expenses up from 51% the year before.", ref)
    assert not quote_in_reference("Income covered 85% of our expenses -up from 51% the year before.", ref)


IDENTITIES = WILD / "imsc-2011-trusting-identities-consultation-draft.pdf"
"""Page 10 sets a box's "Source:" lines beside the body column, level with its lines, and pdftotext weaves them into
the column's block: "the question “Who are” / "Source: http://…" / "you?” Also, the question"."""


@needs_pdftotext
def test_a_sentence_whose_lines_pdftotext_weaves_with_a_box_beside_them_is_found() -> None:
    ref = reference(IDENTITIES)
    assert quote_in_reference(
        "Unlike the physical world with documents or cards you carry in your wallet, there is no recognized online "
        "equivalent that authoritatively answers the question “Who are you?”",
        ref,
    )
    assert quote_in_reference(
        "Also, the question “Is this you?” is equally difficult to answer because you are not standing in front of "
        "a person who can visually verify that it is you.",
        ref,
    )


@needs_pdftotext
def test_a_sentence_woven_with_a_box_beside_it_with_a_changed_word_is_not_faithful() -> None:
    quote = "Also, the question “Is this you?” is equally difficult to answer because you are standing in front of"
    assert not quote_in_reference(quote, reference(IDENTITIES))


S2ORC = WILD / "acl-2020-s2orc-paper.pdf"


@needs_pdftotext
def test_a_hyphen_set_against_small_capitals_at_a_line_end_is_no_spaced_dash() -> None:
    """The page breaks the logo "LATEX" as "LA-" / "TEX" in small capitals, whose letters pdftotext parts, the hyphen
    a word of its own: it stands against the "A", no space between, so the word reads whole."""
    ref = reference(S2ORC)
    assert quote_in_reference("Each bibliography entry in both GROBID and LATEX parses are linked", ref)
    assert not quote_in_reference("Each bibliography entry in both GROBID and LA - TEX parses are linked", ref)


KYRGYZ = WILD / "openownership-2019-kyrgyz-republic-extractives.pdf"
_ITEM = (
    "Entities applying for licenses through all license-issuing mechanisms should be required to declare their "
    "beneficial owners."
)


@needs_pdftotext
def test_a_list_item_is_verbatim_under_the_label_the_page_prints_beside_it() -> None:
    """pdftotext reads the report's numbered recommendations with their labels apart ("4. 5. 6. 7." then the items);
    the page prints "5." at this item's first line."""
    assert quote_in_reference(f"5. {_ITEM}", reference(KYRGYZ))


@needs_pdftotext
def test_a_list_item_under_a_label_the_page_prints_beside_another_item_is_not_verbatim() -> None:
    assert not quote_in_reference(f"4. {_ITEM}", reference(KYRGYZ))


@needs_pdftotext
def test_a_ligature_pdftotext_prints_as_a_private_use_character_reads_as_the_letters_its_glyph_name_spells() -> None:
    """The report's Utopia maps its "Th" ligature (glyph "T_h") to U+E031, which pdftotext prints as it is; the page
    prints "licenses. This puts", which a quote without the letters does not hold."""
    ref = reference(KYRGYZ)
    assert quote_in_reference("The Kyrgyz Republic has the potential to become a leader", ref)
    assert quote_in_reference("This puts the Kyrgyz Republic on course to implement", ref)
    assert not quote_in_reference("mining licenses. is puts the Kyrgyz Republic on course", ref)


@needs_pdftotext
def test_a_heading_is_verbatim_under_the_number_the_page_prints_on_its_baseline() -> None:
    """pdftotext reads the paper's section number "7" as a line of its own before "Related work"; the page prints the
    two on one baseline at the head of the right column."""
    assert quote_in_reference("7 Related work", reference(S2ORC))


@needs_pdftotext
def test_a_heading_under_a_number_the_page_prints_beside_another_heading_is_not_verbatim() -> None:
    assert not quote_in_reference("3 Related work", reference(S2ORC))


LIRNEASIA = WILD / "lirneasia-2025-d4dasia-pakistan-data-governance.pdf"


@needs_pdftotext
def test_a_sentence_goes_on_over_a_page_end_after_the_notes_pdftotext_sets_straight_under_its_last_line() -> None:
    """Page 11 ends "As a result, many / women remain unregistered, ... a national ID card, or" and pdftotext prints
    the page's notes in smaller type straight under that line, no blank line between; page 12 opens "the right to
    vote.20"."""
    quote = (
        "As a result, many women remain unregistered, with no access to civic services, a national ID card, or the "
        "right to vote.[20]"
    )
    assert quote_in_reference(quote, reference(LIRNEASIA))


CANADA = WILD / "openownership-2020-canada-consultation-response.pdf"


@needs_pdftotext
def test_a_note_marker_pdftotext_prints_as_a_line_of_its_own_above_its_line_stands_after_its_word() -> None:
    """Page 14 prints "owners.²⁴" and "Group.”²⁵" in smaller type raised against the words' ends; pdftotext prints each
    number on a line of its own above the line ("24" / "that Agrofert ... beneficial owners.")."""
    ref = reference(CANADA)
    assert quote_in_reference("one of five beneficial owners.[24] Agrofert has denied any wrongdoing", ref)
    assert quote_in_reference("the Slovak companies of the Agrofert Group.”[25] However, as TI states", ref)


@needs_pdftotext
def test_a_note_marker_raised_against_another_word_is_not_verbatim() -> None:
    ref = reference(CANADA)
    assert not quote_in_reference("one of five beneficial owners.[25] Agrofert has denied any wrongdoing", ref)
    assert not quote_in_reference("one of five beneficial[24] owners. Agrofert has denied any wrongdoing", ref)


UN_BRIEF = WILD / "unmiss-2025-q3-brief-violence-affecting-civilians.pdf"


@needs_pdftotext
def test_a_sentence_goes_on_at_the_top_of_the_right_column_of_a_band_headed_over_its_left_column() -> None:
    """Page 9's band "VICTIMS" heads its left column alone; the left column ends "... followed by Eastern Equatoria
    (14" and the right column goes on level with the text under the heading, "individuals) and Warrap (14
    individuals) States.", which pdftotext prints first."""
    quote = (
        "The highest number of child victims were documented in Central Equatoria State (22 individuals), followed by "
        "Eastern Equatoria (14 individuals) and Warrap (14 individuals) States."
    )
    assert quote_in_reference(quote, reference(UN_BRIEF))
    assert not quote_in_reference(
        "followed by Eastern Equatoria (14 individuals) States. Compared with the previous quarter", reference(UN_BRIEF)
    )


ADA_STATEMENT = WILD / "ada-2011-olmstead-integration-mandate-statement.md"


def test_a_liquid_note_tag_is_the_raised_number_the_site_prints() -> None:
    """ADA.gov writes its notes as a Jekyll plugin's tags: `{% fn 9 %}` after the words, `{% fnbody 9 %}` at the end;
    the page prints a raised number, not the tag."""
    ref = reference(ADA_STATEMENT)
    sentence = (
        "To comply with the ADA’s integration mandate, public entities must reasonably modify their policies, "
        "procedures or practices when necessary to avoid discrimination."
    )
    assert quote_in_reference(f"{sentence}[9]", ref)
    assert not quote_in_reference(f"{sentence}[8]", ref)


def test_a_liquid_details_tag_is_the_summary_the_site_prints_over_its_block(tmp_path: Path) -> None:
    page = tmp_path / "guidance.md"
    page.write_text(
        "{% details 1. Who may file? expandable %}\nA. Anyone may file.{% fn 1 %}\n{% enddetails %}\n\n"
        "{% fnbody 1 %}\n28 C.F.R. § 35.170.\n{% endfnbody %}\n",
        encoding="utf-8",
    )
    ref = reference(page)
    assert quote_in_reference("1. Who may file?", ref)
    assert quote_in_reference("A. Anyone may file.[1]", ref)
    assert "expandable" not in ref.text and "{%" not in ref.text


JOINT_COUNCILS = WILD / "joint-councils-2018-declaration-on-digital-identity.pdf"


@needs_pdftotext
def test_a_page_with_a_word_set_partly_above_its_top_edge_is_read() -> None:
    """Pages 3 to 5 of the declaration draw a frame over the page's top edge, which pdftotext boxes as a word with a
    negative top (yMin="-3.761181"); the judge's reading reads the page around it."""
    assert quote_in_reference(
        "While Quebec did not endorse the Declaration, it remains committed to collaborating with other governments",
        reference(JOINT_COUNCILS),
    )


DATA_GOVERNANCE_ACT = WILD / "eu-oj-2022-868-data-governance-act.html"
JOURNAL = "Official Journal of the European Union"


def test_a_chrome_name_inside_a_sentence_of_an_html_page_is_text() -> None:
    """EUR-Lex heads the act with the Journal's header, "Official Journal of the European Union" alone in a cell (the
    chrome the manifest names); Articles 33 and 38 name the Journal inside their sentences, and a quote of the
    sentence may open at its own start, inside its paragraph."""
    ref = reference(DATA_GOVERNANCE_ACT, (JOURNAL,))
    assert not is_not_text(
        "A decision to revoke shall put an end to the delegation of the power specified in that decision. It shall "
        f"take effect the day following the publication of the decision in the {JOURNAL} or at a later date "
        "specified therein.",
        ref,
    )
    assert not is_not_text(
        "This Regulation shall enter into force on the twentieth day following that of its publication in the "
        f"{JOURNAL}.",
        ref,
    )


def test_a_chrome_name_an_html_page_prints_alone_is_still_chrome_there() -> None:
    ref = reference(DATA_GOVERNANCE_ACT, (JOURNAL,))
    assert is_not_text(JOURNAL, ref)
    assert is_not_text(f"3.6.2022 EN {JOURNAL} L 152/1", ref)


def page_reference(tmp_path: Path, body: str, chrome: str, name: str = "page.html") -> Reference:
    """The judge's reading of an HTML page `name` holding `body`, with `chrome` the string the page shows as chrome."""
    path = tmp_path / name
    path.write_text(f"<html><body>{body}</body></html>", encoding="utf-8")
    return reference(path, (chrome,))


def test_a_chrome_string_a_page_never_shows_alone_is_chrome_after_words_too(tmp_path: Path) -> None:
    """A footer's sentence or a heading's anchor holds the chrome after other words, as a sentence of the text would:
    where the page shows the string nowhere on its own, every place it stands is the chrome the manifest means."""
    ref = page_reference(tmp_path, "<h2>History [edit]</h2><p>Body text.</p>", "[edit]")
    assert is_not_text("History [edit]", ref)
    footer = page_reference(
        tmp_path, "<p>Body text.</p><footer>Site ℠ is a service mark of Ann Lee.</footer>", "is a service mark"
    )
    assert is_not_text("Site ℠ is a service mark of Ann Lee.", footer)


def test_a_chrome_string_after_only_numbers_and_signs_stands_alone(tmp_path: Path) -> None:
    """A copyright footer ("© 2025 Site Name.") opens with no word of a sentence: it is chrome like the masthead."""
    ref = page_reference(tmp_path, "<header>Site Name</header><footer>© 2025 Site Name.</footer>", "Site Name")
    assert is_not_text("© 2025 Site Name.", ref)


def test_an_html_line_break_inside_a_paragraph_is_no_line_of_the_text(tmp_path: Path) -> None:
    """A browser shows a line break of the page's source as a space: the chrome name wrapped onto a source line of its
    own inside a sentence stands after that sentence's words."""
    ref = page_reference(tmp_path, "<header>Site Name</header><p>Read the notes of\nSite Name today.</p>", "Site Name")
    assert not is_not_text("Read the notes of Site Name today.", ref)
    assert ref.pages == ("Site Name Read the notes of Site Name today.",)


OWNERSHIP_VERIFICATION = WILD / "openownership-2020-verification-briefing.pdf"


@needs_pdftotext
def test_a_word_pdftotext_joins_at_a_line_end_hyphen_reads_as_the_document_prints_it() -> None:
    """pdftotext drops the hyphen of "conflict-" / "related" at the UN brief's line ends; the brief prints
    "conflict-related" within lines too, so the document reads the compound with its hyphen."""
    ref = reference(UN_BRIEF)
    assert "the impact of conflict-related violence" in ref.text
    assert "conflictrelated" not in ref.text
    assert not ref.reads("the impact of conflictrelated violence")


@needs_pdftotext
def test_a_word_broken_at_a_line_end_hyphen_and_printed_nowhere_else_reads_either_way() -> None:
    """The verification briefing prints "over-" / "seeing" and "inel-" / "igible" across line ends, and neither word
    elsewhere, whole or hyphenated: the page does not say whether the hyphen is the author's."""
    ref = reference(OWNERSHIP_VERIFICATION)
    assert ref.reads("the body over-seeing the register – of over 4,000 companies with ineligible information.")
    assert ref.reads("the body overseeing the register – of over 4,000 companies with inel-igible information.")
    assert not ref.reads("the body over seeing the register")


@needs_pdftotext
def test_a_word_broken_at_a_column_end_hyphen_reads_as_printed_where_the_whole_word_is_nowhere_else() -> None:
    """Page 14's left column ends "incorrectly writ-" and the right column opens "ten bibliography entries", the
    hyphen a character of the text layer (U+002D, not a soft hyphen); the paper prints "written" nowhere else, so
    nothing attests the whole word: the quote reads as the page prints it."""
    ref = reference(S2ORC)
    assert quote_in_reference("stems from incorrectly writ-ten bibliography entries or mistakes", ref)
    assert not quote_in_reference("stems from incorrectly written bibliography entries or mistakes", ref)


def test_a_front_matter_lead_reads_as_the_layout_renders_it() -> None:
    """ADA.gov's layout prints `{{page.lead | markdownify}}`: the lead's `&rsquo;` and `<em>` are shown as a
    character and an italic word, not as written in the front matter."""
    assert quote_in_reference(
        "Yet many people who could and want to live, work, and receive services in integrated settings are still "
        "waiting for the promise of Olmstead to be fulfilled.",
        reference(ADA_STATEMENT),
    )


def test_a_bare_web_address_s_escapes_read_as_the_page_prints_them() -> None:
    """kramdown, which prints the OMB memorandum's page, applies "www.\\[agency\\].gov/data"'s escapes; cmark-gfm
    links the bare address as written, backslashes and all. The judge reads the address as the page prints it."""
    memo = reference(WILD / "omb-2013-m-13-13-open-data-policy.md")
    assert quote_in_reference("must be listed at www.[agency].gov/data in a human- and machine-readable format", memo)

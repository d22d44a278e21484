"""Three policy documents of producers the wild collection lacked (tests/data/wild, see its manifest.jsonl): the
Government of Canada's consultation draft of the Pan-Canadian Trust Framework's public sector profile (2020), a Word
2013 file with Word footnotes; the Pan-Canadian Assurance Model (2010), a Word document printed to PostScript and
made a PDF by GPL Ghostscript 8.15; and the W3C Technical Architecture Group's Ethical Web Principles, the ReSpec
source that a browser turns into the page, half of it Markdown typed into the HTML.

Expected values are what each document prints (for the PDF, as `pdftotext` shows it).
"""

from __future__ import annotations

from tests.parsed import WILD, article

PROFILE = WILD / "pctf-2020-public-sector-profile-v1-1-consultation-draft.docx"
ASSURANCE_MODEL = WILD / "imsc-2010-pan-canadian-assurance-model.pdf"
PRINCIPLES = WILD / "w3c-tag-2024-ethical-web-principles.html"


def test_a_consultation_draft_is_dated_by_its_cover_field() -> None:
    """The cover's table of fields prints "Date:" beside "2020-02-20"."""
    assert article(PROFILE).date == "2020-02-20"


def test_a_word_footnote_is_read_and_cited_where_its_reference_stands() -> None:
    """ "Analyses" carries the reference of note 12, which names the study of name and date of birth."""
    profile = article(PROFILE)
    assert (
        profile.footnote(12) == "NASPO IDPV Project, Report of the IDPV Identity Resolution Project, February 17, 2014"
    )
    assert any(
        paragraph.text.startswith("It is generally agreed that name and date of birth")
        and "Analyses[12] have shown" in paragraph.text
        for paragraph in profile.paragraphs
    )


def test_a_ghostscript_report_keeps_its_cover_title_and_date() -> None:
    """The cover prints "Pan-Canadian Assurance Model" in its largest type and "March 3, 2010" under the working
    group."""
    model = article(ASSURANCE_MODEL)
    assert (model.title, model.date) == ("Pan-Canadian Assurance Model", "2010-03-03")


def test_a_ghostscript_reports_footnotes_are_read_from_the_page_foot() -> None:
    """Page 33 (printed 26) raises 7 after "compensating factor"; its note stands under a short rule at the foot."""
    model = article(ASSURANCE_MODEL)
    assert model.footnote(7) == "Compensating factor is equivalent to ‘compensating control’"
    assert any("defines the concept of compensating factor[7]." in paragraph.text for paragraph in model.paragraphs)


def test_a_respec_source_is_titled_by_its_title_element_and_names_no_author_or_date() -> None:
    """The editors are named only in ReSpec's configuration script, and the date is written by ReSpec when it
    runs: the file prints neither."""
    principles = article(PRINCIPLES)
    assert (principles.title, principles.author, principles.date) == ("Ethical Web Principles", None, None)


def test_text_typed_between_sections_without_an_element_is_read_as_paragraphs() -> None:
    """The introduction stands in <body> as bare lines between the status section and the principles' sections,
    its paragraphs parted by blank lines; a browser shows it as it shows the <p>s."""
    texts = [paragraph.text for paragraph in article(PRINCIPLES).paragraphs]
    assert texts[texts.index("## Introduction {#intro}") + 1].startswith(
        "The web should empower an equitable, informed and interconnected society. It has been, and should continue"
    )
    assert any(
        text.startswith("The web should also support human rights, dignity and personal agency.") for text in texts
    )


def test_a_status_line_under_a_covers_title_is_no_byline() -> None:
    """The cover prints "Final Version" under the title, over the working group: two capitalised words, as a name
    is, that state the document's status."""
    model = article(ASSURANCE_MODEL)
    assert "Final Version" not in (model.author or "")
    assert "Final Version" in [paragraph.text for paragraph in model.paragraphs if paragraph.page == 1]

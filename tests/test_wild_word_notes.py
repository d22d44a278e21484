"""Word files of the wild collection from producers beside Word itself (see tests/data/wild/manifest.jsonl): the o2r
review's revision as Google Docs exports it (no core properties, a labelled byline, footnotes beside typed citations
of a numbered reference list), docx4j's "Getting Started" as Word 16 saved it (footnotes holding addresses, code
in the text) and a Naval Discharge Review Board decision as LibreOffice saved it (prose typed in a heading style).

Expected values are what each file prints, as Word shows it.
"""

from __future__ import annotations

from pathlib import Path

from qa.corpus import Article, Paragraph
from qa.settings import PROJECT_ROOT
from tests.parsed import articles

WILD = PROJECT_ROOT / "tests" / "data" / "wild"
GOOGLE_DOCS = WILD / "o2r-2020-reproducible-research-review-v2.docx"
WORD_MANUAL = WILD / "docx4j-getting-started-2023.docx"
LIBREOFFICE_FORM = WILD / "ndrb-2016-discharge-review-decision.docx"


def only(path: Path) -> Article:
    (found,) = articles(path)
    return found


def holding(found: Article, words: str) -> Paragraph:
    return next(p for p in found.paragraphs if words in p.text)


def test_google_docs_export_without_core_properties_takes_its_printed_title_and_no_date() -> None:
    found = only(GOOGLE_DOCS)
    assert found.title == (
        "Publishing computational research - A review of infrastructures for reproducible and transparent scholarly "
        "communication"
    )
    assert found.date is None


def test_labelled_byline_names_the_authors_without_their_addresses_and_marks() -> None:
    """Printed "Authors: Markus Konkol* (m.konkol@uni-muenster.de), Daniel Nüst, Laura Goulier (Institute for ...)"."""
    assert only(GOOGLE_DOCS).author == "Markus Konkol, Daniel Nüst, Laura Goulier"


def test_labelled_byline_and_the_line_explaining_its_mark_are_no_paragraphs() -> None:
    texts = [p.text for p in only(GOOGLE_DOCS).paragraphs]
    assert not any(text.startswith(("Authors:", "* Corresponding author")) for text in texts)


def test_keywords_between_the_byline_and_the_first_heading_are_front_matter_not_text() -> None:
    """The review prints "Keywords: Open reproducible research, open science, computational statistics, scholarly
    communication" under its byline, above its "Abstract" heading, as its PDF does."""
    found = only(GOOGLE_DOCS)
    assert [(p.kind, p.text) for p in found.paragraphs[:2]] == [("heading", "Abstract"), ("heading", "Background")]
    assert not any(p.text.startswith("Keywords") for p in found.paragraphs)


def test_google_docs_footnotes_resolve_with_their_addresses_whole() -> None:
    found = only(GOOGLE_DOCS)
    assert len(found.footnotes) == 7
    assert "through discussions at conferences[1] and workshops[2]." in holding(found, "We identified the").text
    assert found.footnote(1) == (
        "One conference we attended: EGU General Assembly 2019 (last access of this and the following URLs: 22nd May "
        "2020); it also had a session on open science."
    )
    assert found.footnote(5) == (
        "MyBinder costs: https://mybinder.org/v2/gh/jupyterhub/binder-billing/master?urlpath=lab/tree/analyze_data.ipynb"
    )


def test_typed_citation_of_the_reference_list_is_words_beside_the_footnote_marker_of_the_same_number() -> None:
    """The paragraph cites footnote 5 ("costs[5]", a footnote reference) and reference 5 of its list ("successful
    [5]", typed): only the first is a marker."""
    paragraph = holding(only(GOOGLE_DOCS), "MyBinder.org published an initial estimate")
    cited = paragraph.text.index("costs[5]") + len("costs")
    typed = paragraph.text.index("rarely successful [5]") + len("rarely successful ")
    assert typed in paragraph.literal
    assert cited not in paragraph.literal


def test_word_manual_takes_its_title_style_title_and_its_core_author_and_date() -> None:
    found = only(WORD_MANUAL)
    assert (found.title, found.author, found.date) == ("Docx4j - Getting Started", "Jason Harrop", "2023-01-15")


def test_word_manual_contents_lines_with_page_numbers_are_no_paragraphs() -> None:
    assert not any(p.text == "What is docx4j?4" for p in only(WORD_MANUAL).paragraphs)


def test_word_footnotes_holding_a_sentence_or_an_address_resolve_whole() -> None:
    found = only(WORD_MANUAL)
    assert len(found.footnotes) == 4
    assert holding(found, "working in Eclipse without").text == (
        "The project should now be working in Eclipse without errors[2]."
    )
    assert found.footnote(2).startswith("If you get the error 'Access restriction: The type is not accessible")
    assert found.footnote(2).endswith('and add an access rule, "Accessible, **".')
    assert "Office 2010 supports[4] transitional" in holding(found, "Strict and Transitional conformance").text
    assert found.footnote(4) == (
        "http://blogs.msdn.com/b/dmahugh/archive/2010/04/06/office-s-support-for-iso-iec-29500-strict.aspx"
    )


def test_bracketed_indexes_in_code_printed_in_the_text_are_no_markers() -> None:
    """An XPath in the manual's text, "/root[1]/customer[1]", holds no footnote reference."""
    paragraph = holding(only(WORD_MANUAL), "<w:dataBinding w:xpath=")
    assert [paragraph.text[i : i + 3] for i in paragraph.literal] == ["[1]", "[1]"]


def test_paragraph_of_several_sentences_in_a_heading_style_is_text() -> None:
    """The decision types its reasoning ("The Naval Discharge Review Board (NDRB), under its responsibility to examine
    ...", three sentences) over the `Heading 1` style, its bold turned off."""
    paragraph = holding(only(LIBREOFFICE_FORM), "under its responsibility to examine the propriety")
    assert paragraph.kind == "text"
    assert paragraph.text.endswith("the pertinent standards of equity and propriety were met.")


def test_paragraphs_after_prose_in_a_heading_style_are_not_filed_under_it() -> None:
    found = only(LIBREOFFICE_FORM)
    assert holding(found, "Issue 3:").section is None
    assert not any(p.section and len(p.section.split()) > 40 for p in found.paragraphs)

"""Three policy documents in the wild collection (tests/data/wild, see its manifest.jsonl), each from a producer or in
a layout the collection had not met: the Treasury Board of Canada's Directive on Identity Management (Word 2013, a
policy instrument numbered as an outline, each clause's number at the margin and its text at a tab stop), Open
Ownership and Global Witness's briefing on the UK's beneficial ownership register (its producer stripped, fonts
without ToUnicode maps, 35 bracketed notes at the page foot), and Open Ownership's technical guidance on relational
database design (Word for Mac's own export, no Producer).

Expected values are what each document prints, as `pdftotext` shows it.
"""

from __future__ import annotations

from qa.corpus import Article
from qa.formats.line_hyphens import document_words, hyphen_break
from qa.formats.pdf import _in_outline_order
from qa.settings import PROJECT_ROOT
from tests.parsed import articles

WILD = PROJECT_ROOT / "tests" / "data" / "wild"
DIRECTIVE = WILD / "tbs-2018-directive-on-identity-management.pdf"
BRIEFING = WILD / "openownership-global-witness-2017-uk-register-lessons.pdf"
GUIDANCE = WILD / "openownership-2021-relational-database-design.pdf"


def directive() -> Article:
    (only,) = articles(DIRECTIVE)
    return only


def briefing() -> Article:
    (only,) = articles(BRIEFING)
    return only


def guidance() -> Article:
    (only,) = articles(GUIDANCE)
    return only


def headings(document: Article) -> list[str]:
    return [paragraph.text for paragraph in document.paragraphs if paragraph.kind == "heading"]


def test_directive_is_titled_and_dated_by_its_cover_and_authored_by_its_issuer() -> None:
    """The cover prints "Treasury Board of Canada", "Directive on Identity Management" and "FINAL 22 May 2018"; the
    Info Author ("McIntyre, Margaret") is the file's maker."""
    assert (directive().title, directive().author, directive().date) == (
        "Directive on Identity Management",
        "Treasury Board of Canada",
        "2018-05-22",
    )


def test_section_numbers_hung_at_the_margin_open_their_titles_and_clauses() -> None:
    """Page 2 sets "1." at the margin and "Effective date" at a tab stop, "1.1" and its clause's text likewise, and
    the items "3.1.1" to "3.1.3" a tab stop further in: each number is read where it stands, not as a column of
    numbers before the page's text."""
    assert headings(directive())[1:5] == [
        "1. Effective date",
        "2. Authorities",
        "3. Objectives and expected results",
        "4. Requirements",
    ]
    texts = [paragraph.text for paragraph in directive().paragraphs]
    assert "1.2 This directive replaces the Directive on Identity Management, dated July 1, 2009." in texts
    assert "3.2 The expected results of this directive are as follows:" in texts
    assert any(text.startswith("3.1.2 To manage identity consistently and collaboratively") for text in texts)


def test_a_column_of_figures_is_in_no_outline_order() -> None:
    """Section numbers go on as an outline numbers its parts; a table's figures ("1.5", "2.3") do not."""
    assert _in_outline_order(["1.", "1.1", "1.2", "2.", "2.1", "3.", "3.1", "3.2", "4.", "4.1"])
    assert _in_outline_order(["4.1.7.1", "4.1.7.2", "4.1.7.3"])
    assert not _in_outline_order(["1.5", "2.3", "4.1"])


def test_joint_briefing_is_titled_and_dated_by_its_cover() -> None:
    """The cover prints "October 2017" over the title; the PDF has no Info Title or dates."""
    assert (briefing().title, briefing().date) == (
        "Learning the lessons from the UK’s public beneficial ownership register",
        "2017-10",
    )


def test_bracketed_notes_of_the_briefing_are_read_with_their_numbers() -> None:
    """Notes "[1]" to "[35]" stand at the page foot, each opening with its bracketed number."""
    assert (
        briefing().footnote(33) == "Lexology - Bech-Bruun, “Mandatory Registration of Beneficial Owners”, 31 May 2017."
    )
    assert any(
        "to update the central register within 28 days of any change to its beneficial ownership.[22]" in paragraph.text
        for paragraph in briefing().paragraphs
    )


def test_word_for_mac_guidance_is_titled_and_dated_by_its_cover() -> None:
    """The cover prints the title under "Technical Guidance" and "December 2021" at its foot."""
    assert (guidance().title, guidance().date) == (
        "Relational database design considerations for beneficial ownership information",
        "2021-12",
    )


def test_a_series_label_over_the_title_the_text_also_prints_in_lower_case_is_no_author() -> None:
    """The cover and every page head print "Technical Guidance", but the text also writes "technical guidance on ...":
    a common phrase, not the name of the body that issues the guidance, which names no author."""
    assert guidance().author is None


def test_clauses_numbered_a_word_space_from_their_text_each_open_a_paragraph() -> None:
    """Page 3 sets "4.1.3 Documenting identity management risks ..." with its number a word space from its text,
    and "4.1.4" to "4.1.7" likewise, their later lines hung under their text: each clause is a paragraph."""
    texts = [paragraph.text for paragraph in directive().paragraphs]
    assert (
        "4.1.1.3 Accuracy and rightful use by individuals, organizations and devices of credential and identity "
        "information are required;" in texts
    )
    assert (
        "4.1.3 Documenting identity management risks, program impacts, required levels of assurance, and risk "
        "mitigation options;"
    ) in texts
    assert any(text.startswith("4.1.7 Accepting trusted digital identities") for text in texts)


def test_a_grid_whose_head_cells_are_shaded_reads_a_row_at_a_time_each_cell_whole() -> None:
    """Table 1 (page 6) shades its head's cells inside their borders: the shades' sides stand inside the body's
    wider cells. Each body cell is read whole, a row at a time ("Evidence of" over "identity", then each level's
    requirement)."""
    texts = [paragraph.text for paragraph in directive().paragraphs]
    first = texts.index("No restriction on what is provided as evidence")
    assert texts[first + 1 : first + 3] == [
        "One instance of evidence of identity",
        "Two instances of evidence of identity (at least one must be foundational evidence of identity)",
    ]


def test_a_cover_credit_naming_organisations_is_the_briefing_s_byline() -> None:
    """The cover prints "A joint briefing by" over "OpenOwnership and Global Witness" where a paper sets its byline:
    the organisations are the author, and the credit is front matter, no paragraph of the text."""
    assert briefing().author == "OpenOwnership and Global Witness"
    assert not any("A joint briefing by" in paragraph.text for paragraph in briefing().paragraphs)


def test_two_bracketed_notes_sharing_a_printed_line_are_two_notes() -> None:
    """Page 2's foot prints "[3] UK, Ukraine, Denmark. [4] List of EITI countries ..." on one line."""
    assert briefing().footnote(3) == "UK, Ukraine, Denmark."
    assert briefing().footnote(4) == (
        "List of EITI countries introducing public registers for extractive industries available here"
    )


def test_a_marker_wrapped_to_a_line_of_its_own_ends_the_sentence_it_cites_from() -> None:
    """Page 5 sets "[19]" in the notes' smaller type alone on the line under "... only 5 had been granted."."""
    texts = [paragraph.text for paragraph in briefing().paragraphs]
    assert "[19]" not in texts
    assert any(text.endswith("and of these only 5 had been granted. [19]") for text in texts)


def test_words_hyphenated_at_a_line_end_are_made_whole_where_the_second_part_only_ends_a_word() -> None:
    """The briefing breaks "exempt-" / "ing", "exist-" / "ing", "relation-" / "ship": neither part is a word the
    document prints elsewhere, and the second is a word's ending, so each hyphen only breaks its word."""
    text = " ".join(paragraph.text for paragraph in briefing().paragraphs)
    assert "a rigorous process for exempting information for publication" in text
    assert "report their stake as existing on a range" in text
    assert not any(broken in text for broken in ("exempt-ing", "exist-ing", "relation-ship"))


def test_subsection_titles_set_in_a_medium_weight_are_headings() -> None:
    """Each subsection's title is set in AtlasGrotesk-Medium at the text's size, the text in PublicoText-Roman."""
    assert headings(briefing())[3:10] == [
        "II. A model of best practice",
        "Publishing as open data",
        "Case-by-case exemptions for personal security",
        "Providing & updating the information",
        "Collaboration with registry users",
        "Penalties",
        "III. Areas for improvement",
    ]


def test_a_sentence_set_large_under_a_section_title_opens_the_section_s_text() -> None:
    """Under "II. A model of best practice" a lead-in sentence in 18-point type opens the section."""
    (lead,) = [paragraph for paragraph in briefing().paragraphs if paragraph.text.startswith("In setting up the")]
    assert (lead.kind, lead.section) == ("text", "II. A model of best practice")


def test_a_line_end_hyphen_before_a_word_of_its_own_stays() -> None:
    """A hyphen joins words: before a word of the vocabulary that ends no other word ("operation") it may be the
    author's, and stays; before letters that only end words ("ing", "igence") it breaks one. The letters opening a
    line after a hyphen count as a word only where the document prints them elsewhere."""
    words = document_words(["a rigorous process for exempt-", "ing information", "co-", "operation"])
    assert not {"exempt", "ing"} & words
    assert hyphen_break("a rigorous process for exempt-", "ing information", words) == "whole"
    assert hyphen_break("co-", "operation", words) == "compound"


def test_a_row_label_wrapped_over_lines_in_its_cell_is_one_heading() -> None:
    """Table 1 (page 6) sets each row's label in bold in its first cell, wrapped to the cell's width ("Evidence of"
    over "identity"): the label heads its row whole, and its second line is no paragraph of its own."""
    found = headings(directive())
    assert "Evidence of identity" in found
    assert "Accuracy of identity information" in found
    assert "Linkage of identity information to individual" in found
    texts = [paragraph.text for paragraph in directive().paragraphs]
    assert "identity" not in texts
    assert "identity information to individual" not in texts


def test_clauses_under_a_table_on_a_page_ruled_off_at_its_header_and_footer_read_whole() -> None:
    """Page 7 prints Table 1's last row under its head again, then clauses A.2.4.1 to A.2.4.4, each number at the
    margin and its second line at the text's tab stop. The page's footer rule, a little wider than the table, is no
    rule of the table: the clauses are no cells of it, each clause one paragraph."""
    texts = [paragraph.text for paragraph in directive().paragraphs]
    assert (
        "A.2.4.1 Level 4: very high confidence required in the electronic representation of a person, used "
        "exclusively by that same person;"
    ) in texts
    assert (
        "A.2.4.4 Level 1: little confidence required in the electronic representation of a person, used exclusively "
        "by that same person."
    ) in texts
    assert not any(text.startswith(("person, used", "used exclusively")) for text in texts)


def test_a_question_set_bold_in_the_text_s_size_heads_the_text_under_it() -> None:
    """Page 2 sets "What led to the creation of the UK register?" in AtlasGrotesk-Medium at the text's size, as it
    sets its subsections' titles, with the text's paragraph gap above and under it: a title ending in a question
    mark, and the three paragraphs under it its section's."""
    paragraphs = briefing().paragraphs
    (question,) = [
        paragraph for paragraph in paragraphs if paragraph.text == "What led to the creation of the UK register?"
    ]
    assert (question.kind, headings(briefing())[:2]) == ("heading", ["I. Intoduction", question.text])
    under = [paragraph for paragraph in paragraphs if paragraph.section == question.text]
    assert under[0].text.startswith("The UK committed to introduce a register of beneficial ownership")


def test_headings_read_in_a_table_end_with_the_table() -> None:
    """Table 1 runs from page 6 to page 7, where its head ("Requirement", "Level 1" ... "Level 4") is printed again
    over its last row; clause A.2.4 under it belongs to the section the table stands in, not to "Level 4"."""
    (clause,) = [paragraph for paragraph in directive().paragraphs if paragraph.text.startswith("A.2.4 Assurance")]
    assert clause.section == "Credential assurance levels"

"""Round 29's web and plain-text documents in the wild collection (tests/data/wild, see its manifest.jsonl): the
Justice Department's statement on the ADA's integration mandate and Olmstead, a Jekyll page of ADA.gov whose
footnotes and questions are the site's own Liquid tags; GSA's best practices for Section 508 complaint processes, a
Jekyll page of Section508.gov written mostly as raw HTML lists, its one note in HTML; and the Revised 508 Standards
Applicability Checklist, a Word form of checkbox content controls.

Expected values are what each document prints, as its source shows it.
"""

from __future__ import annotations

from qa.corpus import Article
from tests.parsed import WILD, article

STATEMENT = WILD / "ada-2011-olmstead-integration-mandate-statement.md"
PRACTICES = WILD / "gsa-2024-section-508-complaint-process-best-practices.md"
CHECKLIST = WILD / "gsa-2018-revised-508-standards-applicability-checklist.docx"


def texts(found: Article) -> list[str]:
    return [paragraph.text for paragraph in found.paragraphs]


def test_statement_title_is_its_front_matter_s_without_inline_html_and_its_date_the_publish_date() -> None:
    """The layout prints the title with "Olmstead" in italics (`<em>Olmstead</em>`); `publish-date` is the key the
    site dates its pages by ("2011-06-22 00:00:00", a YAML datetime). No person signs the statement."""
    found = article(STATEMENT)
    assert (found.title, found.author, found.date) == (
        "Statement of the Department of Justice on Enforcement of the Integration Mandate of Title II of the "
        "Americans with Disabilities Act and Olmstead v. L.C.",
        None,
        "2011-06-22",
    )


def test_liquid_footnote_tags_are_the_statement_s_markers_and_notes() -> None:
    """`{% fn 3 %}` after the words marks note 3, whose text is the `{% fnbody 3 %}` block at the end: the notes
    are no paragraphs of the text, and no tag is left in it."""
    found = article(STATEMENT)
    assert [number for number, _ in found.footnote_list()] == list(range(1, 22))
    assert found.footnote(3) == "42 U.S.C. § 12132."
    assert found.footnote(19).startswith("HCBS waivers may cover a range of services, including residential supports")
    assert any(text.endswith("or be subjected to discrimination by any such entity.[3]") for text in texts(found))
    assert any(
        "Home and Community Based Services (“HCBS”) waivers,[19] crisis services" in text for text in texts(found)
    )
    assert "42 U.S.C. § 12132." not in texts(found)
    assert not any("{%" in text for text in texts(found))


def test_liquid_details_summary_is_a_heading_over_its_answer() -> None:
    """`{% details 9. Can budget cuts violate the ADA and <em>Olmstead</em>? expandable %}` shows the question as the
    summary a reader opens, italics and all, without the block's option word; the answer is in its section."""
    found = article(STATEMENT)
    question = "9. Can budget cuts violate the ADA and Olmstead?"
    (answer,) = [paragraph for paragraph in found.paragraphs if paragraph.text.startswith("A. Yes, budget cuts")]
    assert question in [paragraph.text for paragraph in found.paragraphs if paragraph.kind == "heading"]
    assert answer.section == question
    numbered = [p.text.split(".")[0] for p in found.paragraphs if p.kind == "heading" and p.text.endswith("?")]
    assert numbered == [str(number) for number in range(1, 19)]


def test_words_under_a_rule_in_an_html_block_are_a_paragraph() -> None:
    """The closing notice is written on the line under `<hr>`, in the same HTML block: a browser shows it."""
    found = article(STATEMENT)
    assert any(
        text.startswith("The Americans with Disabilities Act authorizes the Department of Justice (the Department)")
        for text in texts(found)
    )


def test_practices_metadata_is_the_front_matter_s_title_and_created_date() -> None:
    """The layout prints `created` as the page's "Reviewed/Updated" date; no person is named."""
    found = article(PRACTICES)
    assert (found.title, found.author, found.date) == (
        "Best Practices For Establishing And Maintaining a Formal Section 508 Complaint Process",
        None,
        "2024-08-28",
    )


def test_an_html_list_item_s_own_words_come_before_the_list_it_holds() -> None:
    """`<li>Describe the complaint intake process.<ol type="a"><li>Identify complaints ...` reads the item's
    sentence, then its sub-items; so do the words a sub-item holds over its own bulleted list."""
    texts_found = texts(article(PRACTICES))
    intake = texts_found.index("Describe the complaint intake process.")
    assert texts_found[intake + 1].startswith("Identify complaints that include references to technology access")
    information = texts_found.index(
        "Provide requirements for the information needed to investigate a complaint, such as:"
    )
    assert texts_found[information + 1 : information + 3] == ["Name", "Contact information"]
    assert "Define timeframes for the agency and complainant. For example:" in texts_found


def test_practices_html_footnote_is_its_note_and_its_hidden_label_no_paragraph() -> None:
    """The notes list's heading "Footnote" is styled `visibility: hidden` (a label for screen readers)."""
    found = article(PRACTICES)
    assert [number for number, _ in found.footnote_list()] == [1]
    assert found.footnote(1) == "Section 508 conformance of these have not been verified."
    assert "Below are examples of agency complaint forms:[1]" in texts(found)
    assert texts(found)[-1].startswith("The Department of State is another example of an agency")


def test_checklist_is_titled_by_its_title_paragraph() -> None:
    """Its credit and date are printed only in the first page's footer, read as metadata (the last test)."""
    assert article(CHECKLIST).title == "Revised 508 Standards Applicability Checklist"


def test_checklist_items_in_checkbox_content_controls_are_paragraphs_under_their_headings() -> None:
    """Each item is a Word checkbox content control (the glyph ☐ in a `w:sdt`) and its label: one paragraph an
    item, in the section of the heading over it, the box no word of it."""
    found = article(CHECKLIST)
    software = [p.text for p in found.paragraphs if p.section == "Software Standards"]
    assert software == ["502 Interoperability with Assistive Technology", "503 Application", "504 Authoring Tools"]
    assert not any("☐" in p.text for p in found.paragraphs)


def test_checklist_author_and_date_are_its_first_page_footer_s_credit_and_date() -> None:
    """The first section names only a first-page footer: "This checklist was developed by the U.S. Federal
    Government Revised 508 Standards Transition Workgroup. ..." over "Reviewed/Updated: April 2018". The printed
    month beats the core properties' 2018-04-20, the credit the creator "RachelLFlagg"; the footer is no text."""
    found = article(CHECKLIST)
    assert (found.author, found.date) == (
        "U.S. Federal Government Revised 508 Standards Transition Workgroup",
        "2018-04",
    )
    assert not any("Reviewed/Updated" in p.text or "Workgroup" in p.text for p in found.paragraphs)


def test_statement_opens_with_the_front_matter_s_lead_paragraph_its_layout_prints() -> None:
    """The layout prints `{{page.lead | markdownify}}` under the title: the lead's entities and `<em>` read as shown;
    its `description` is the page's meta description and no paragraph."""
    texts = [p.text for p in article(STATEMENT).paragraphs]
    assert texts[0].startswith("In the years since the Supreme Court’s decision in Olmstead v. L.C., 527 U.S. 581")
    assert texts[0].endswith("are still waiting for the promise of Olmstead to be fulfilled.")
    assert texts[1].startswith("In 2009, on the tenth anniversary")
    assert not any(text.startswith("This technical assistance guide is created") for text in texts)

"""Round 30's web, Markdown, Word and plain-text documents in the wild collection (tests/data/wild, see its
manifest.jsonl): OMB's Open Data Policy memorandum M-13-13, a Jekyll page written in kramdown's own syntax
(attribute lists, a generated table of contents) with 41 footnotes; the Tribunals (Scotland) Act 2014 as an HTML5
drafting fragment, its cross-references linked to the subsections they name; NIST's draft usability section of
SP 800-63A from Word 2011 for Mac; and CFPB's Source Code Policy as plain text, an outline set with hanging indents.

Expected values are what each document prints, as its source shows it.
"""

from __future__ import annotations

from eval.reference import quote_in_reference, reference
from qa.corpus import Article
from tests.parsed import WILD, article

MEMO = WILD / "omb-2013-m-13-13-open-data-policy.md"
ACT = WILD / "scotland-2014-tribunals-act-html5-drafting.html"
DRAFT = WILD / "nist-2016-sp800-63a-usability-section-draft.docx"
POLICY = WILD / "cfpb-2013-source-code-policy.txt"


def texts(found: Article) -> list[str]:
    return [paragraph.text for paragraph in found.paragraphs]


def test_memo_is_titled_by_its_front_matter_and_prints_no_date() -> None:
    """The layout prints the front matter's title as the page's heading; the memorandum's date is printed nowhere."""
    found = article(MEMO)
    assert found.title == "M-13-13 — Memorandum for the Heads of Executive Departments and Agencies"
    assert found.date is None


def test_kramdown_attribute_lists_are_no_words_of_the_memo() -> None:
    """`{: #from}` on the line under the signatories and `**Subject:**{: .from}` set an id and a class, which
    kramdown, the site's renderer, never prints: the last signatory reads as the others do, a name over a title."""
    found = texts(article(MEMO))
    assert "Subject: Open Data Policy—Managing Information as an Asset" in found
    assert found[found.index("Dominic J. Mancini") + 1] == (
        "Deputy Administrator, Office of Information and Regulatory Affairs"
    )
    assert not any("{:" in text for text in found)


def test_a_list_item_asking_for_the_table_of_contents_is_not_text() -> None:
    """`* Table of Contents` over `{:toc}`: kramdown prints the page's contents in the item's place, never its words."""
    assert "Table of Contents" not in texts(article(MEMO))


def test_memo_footnotes_written_after_a_space_are_its_markers_and_notes() -> None:
    """Each `[^n]` follows a space ("unless otherwise noted. [^15]"); the 41 definitions close the file."""
    found = article(MEMO)
    assert [number for number, _ in found.footnote_list()] == list(range(1, 42))
    assert found.footnote(15).startswith("Structured information is to be contrasted with unstructured information")
    assert any(text.endswith("unless otherwise noted. [15]") for text in texts(found))


def test_the_judge_reads_no_kramdown_attribute_list_either() -> None:
    """The judge renders with cmark-gfm, which knows no attribute lists; kramdown's are taken out first."""
    page = reference(MEMO)
    assert quote_in_reference("Subject: Open Data Policy—Managing Information as an Asset", page)
    assert not quote_in_reference("{: .from}", page)


def test_act_fragment_is_titled_by_its_heading_and_names_no_author_or_date() -> None:
    """An HTML fragment with no `<head>`: its `<h1>` is the title; the Act prints no date of Royal Assent."""
    found = article(ACT)
    assert (found.title, found.author, found.date) == ("Tribunals (Scotland) Act 2014", None, None)


def test_a_cross_reference_linked_to_a_subsection_is_no_note_marker() -> None:
    """Section 8 links "section 7(1) or (2)" to section 7's subsections; `(2)` is a subsection's number, not a
    note's marker, for subsection (2) does not open with it: section 7 keeps its text and the Act has no notes."""
    found = article(ACT)
    business = [p.text for p in found.paragraphs if p.section == "7. Business arrangements"]
    assert business[0].startswith("The Lord President is responsible for making and maintaining appropriate")
    assert len(business) == 2
    assert found.footnote_list() == []


def test_draft_section_is_dated_by_its_core_properties_and_names_no_author() -> None:
    """The section prints no date or author; its core properties are dated the day it was committed."""
    found = article(DRAFT)
    assert (found.author, found.date) == (None, "2016-08-26")


def test_policy_opening_with_its_first_section_has_no_title() -> None:
    """The first line, "1. USE OF EXTERNAL OPEN SOURCE SOFTWARE", is the first section's heading, over its items."""
    found = article(POLICY)
    assert (found.title, found.author, found.date) == (None, None, None)
    assert found.paragraphs[0].kind == "heading"
    assert found.paragraphs[1].section == "1. USE OF EXTERNAL OPEN SOURCE SOFTWARE"


def test_outline_items_set_with_hanging_indents_are_paragraphs_of_their_own() -> None:
    """No blank line parts the items: each label (`b)`, `a.`, `i.` to `vii.`) stands at its own column, its
    wrapped lines under its words."""
    found = texts(article(POLICY))
    reasons = [text.split(".")[0] for text in found if text.split(".")[0] in ("i", "ii", "iii", "iv", "v", "vi", "vii")]
    assert reasons == ["i", "ii", "iii", "iv", "v", "vi", "vii"]
    assert any(text.startswith("a. There are several positive aspects of OSS") for text in found)
    assert any(text.startswith("d. CFPB cybersecurity staff determine") for text in found)


def test_memo_from_list_names_its_signatories_as_authors() -> None:
    """The memorandum's head prints "From:" over its four signatories, each name over the office signed in, and
    "Subject:" under them: the memorandum is from all four; the list stays in its text."""
    found = article(MEMO)
    assert found.author == "Sylvia M. Burwell, Steven VanRoekel, Todd Park, Dominic J. Mancini"
    assert texts(found)[:3] == ["From:", "Sylvia M. Burwell", "Director"]


def test_act_fragment_keeps_its_part_chapter_and_cross_headings() -> None:
    """The fragment has no navigation and no link off the page: it is read whole, each Part (`<h2>`), chapter
    (`<h3>`) and cross-heading (`<h4>`) a heading over the sections (`<h5>`) under it."""
    headings = [p.text for p in article(ACT).paragraphs if p.kind == "heading"]
    assert headings[:4] == [
        "PART 1 - The Scottish Tribunals",
        "CHAPTER 1 - Establishment and leadership",
        "Establishment and headship etc.",
        "1. Establishment of the Tribunals",
    ]
    assert sum(heading.startswith("PART ") for heading in headings) == 8
    assert headings[-1] == "84. Short title"


def test_act_section_of_cross_references_comes_through_whole() -> None:
    """Section 8's subsection (2) lists "section 7(1) or (2)," and two more, each number a link to the subsection
    it names: the list is the Act's words, not a list of links."""
    delegation = [p.text for p in article(ACT).paragraphs if p.section == "8. Delegation of functions"]
    assert delegation == [
        "The Lord President may delegate to the President of Tribunals the exercise of any of the functions "
        "mentioned in subsection (2).",
        "That is, the functions exercisable by the Lord President by virtue of—",
        "section 7(1) or (2),",
        "section 33(1) or (2), or",
        "section 34(1) or (2).",
    ]


def test_draft_opening_with_its_top_level_heading_is_titled_by_it() -> None:
    """No `Title` paragraph and an empty core title; the section opens with "9. Usability Considerations", set in
    the same heading style as its subsections and none higher: the document's name, not a paragraph of its text."""
    found = article(DRAFT)
    assert found.title == "9. Usability Considerations"
    assert found.paragraphs[0].text.startswith("ISO/IEC 9241-11 defines usability as:")

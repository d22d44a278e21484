"""Round 28's web and plain-text documents in the wild collection (tests/data/wild, see its manifest.jsonl): a civil
society statement in an Eleventy site's Markdown whose notes are raised numbers typed as HTML, a DHS directive in a
Jekyll site's Markdown dated by its first line, a Board of Veterans' Appeals decision as the VA publishes it in plain
text, under field lines, and a CDC workshop's code of conduct as Jekyll 3.10 built it on the author's machine; with
the Wikimedia Foundation post of the real collection (eval/real/docs), whose one note is marked with an asterisk.

Expected values are what each document prints, as its source shows it.
"""

from __future__ import annotations

from qa.corpus import Article
from qa.sentences import note_key
from tests.parsed import REAL, WILD, article

STATEMENT = WILD / "freeolabini-2019-statement-digital-rights-defenders.md"
DIRECTIVE = WILD / "dhs-2018-bod-18-02-securing-high-value-assets.md"
DECISION = WILD / "bva-2025-a25084404-ptsd-rating-tdiu-effective-date.txt"
CODE = WILD / "cdc-2025-bioinformatics-workshop-code-of-conduct.html"
POST = REAL / "wikimedia-turkey-access-restored.html"


def texts(found: Article) -> list[str]:
    return [paragraph.text for paragraph in found.paragraphs]


def test_statement_metadata_is_its_front_matter_s_title_and_date_and_no_author() -> None:
    """The statement speaks as "The undersigning civil society organizations": no byline."""
    found = article(STATEMENT)
    assert (found.title, found.author, found.date) == (
        "Statement for the Protection of Digital Rights Defenders",
        None,
        "2019-12-17",
    )


def test_raised_numbers_typed_as_html_are_the_statement_s_note_markers_and_notes() -> None:
    """`defenders.<sup>1</sup>` marks the note the paragraph `<sup>1</sup>Amnesty International, ...` gives under
    the text's rule; the notes are no paragraphs, and the signatories after them are still the text's."""
    found = article(STATEMENT)
    assert [number for number, _ in found.footnote_list()] == [1, 2, 3]
    assert found.footnote(2) == "https://twitter.com/davidakaye/status/1117489081397547008"
    assert found.footnote(3).startswith("Universal City Studios v. Corley, 429 F.3d 445 (2000) Junger v. Daley")
    assert any(text.endswith("activists and other human rights defenders.[1]") for text in texts(found))
    assert any("like Ola Bini[2]. Coding is just another form" in text for text in texts(found))
    assert not any(text.startswith(("1Amnesty", "Amnesty International, Ecuador")) for text in texts(found))
    assert "Access Now" in texts(found)


def test_directive_is_titled_by_its_front_matter_and_dated_by_its_first_line() -> None:
    """The page prints "May 7, 2018" alone above its subject; the line stays the text's first paragraph."""
    found = article(DIRECTIVE)
    assert (found.title, found.author, found.date) == ("Binding Operational Directive 18-02", None, "2018-05-07")
    assert texts(found)[0] == "May 7, 2018"


def test_directive_footnotes_defined_under_a_footnotes_heading_are_its_notes() -> None:
    found = article(DIRECTIVE)
    assert [number for number, _ in found.footnote_list()] == list(range(1, 9))
    assert found.footnote(4) == (
        "Most agencies have an appropriate Rules of Engagement on file with DHS and do not need to sign another."
    )
    assert "Footnotes" not in texts(found)


def test_decision_is_dated_by_its_date_line_under_a_header_line_that_holds_two_dates() -> None:
    """The header line "Decision Date: 09/30/25<tab>Archive Date: 09/30/25" reads as no date; the line "DATE:
    September 30, 2025" under the docket number does."""
    assert article(DECISION).date == "2025-09-30"


def test_decision_s_record_number_under_its_label_is_no_title() -> None:
    """The decision prints no title: its first line is "Citation Nr: A25084404"."""
    found = article(DECISION)
    assert found.title is None
    assert texts(found)[:3] == ["Citation Nr: A25084404", "DOCKET NO. 250716-566207", "ORDER"]


def test_code_of_conduct_is_titled_by_its_heading_and_names_no_author_or_date() -> None:
    """The page prints its title twice (the template's h1 and the Markdown's), no byline and no date."""
    found = article(CODE)
    assert (found.title, found.author, found.date) == ("Creating a Culture of Innovation", None, None)
    assert "This is our code of conduct (adapted from 18F’s Code of Conduct)." in texts(found)[2]


def test_a_post_s_closing_paragraph_opening_with_an_asterisk_is_the_note_its_text_marks() -> None:
    """The post types "... is actively being restored.* This latest development ..." and closes with the paragraph
    "* We have received reports that several internet service providers in Turkey ..."."""
    found = article(POST)
    assert found.footnote(note_key("*")).startswith("We have received reports that several internet service")
    assert texts(found)[0].startswith(
        "Today, on Wikipedia’s 19th birthday, the Wikimedia Foundation has received reports that access to "
        "Wikipedia in Turkey is actively being restored.[*] This latest development follows"
    )
    assert not any(text.startswith("*") for text in texts(found))


def test_decision_s_signature_block_names_its_author_and_is_text_not_headings() -> None:
    """Under the last paragraph the decision prints "M. HYLAND" over "Veterans Law Judge" over "Board of Veterans'
    Appeals" and the attorney's line, then its closing notice: the name and office are who wrote it, and the lines
    stay the text's, the notice under the section it closes."""
    found = article(DECISION)
    assert found.author == "M. HYLAND, Veterans Law Judge"
    signature = [
        paragraph for paragraph in found.paragraphs if paragraph.text.startswith(("M. HYLAND", "Veterans Law"))
    ]
    assert [(paragraph.kind, paragraph.section) for paragraph in signature] == [("text", "Effective Dates")] * 2
    assert found.paragraphs[-1].section == "Effective Dates"


def test_decision_s_page_break_notice_and_mark_are_no_paragraphs() -> None:
    """The Word original's page break is left as "(Continued on the next page)" over a line holding only "?"."""
    found = article(DECISION)
    assert not {"(Continued on the next page)", "?"} & set(texts(found))
    assert any(
        text.startswith("After careful review of the evidence of record, the Board finds an earlier")
        for text in texts(found)
    )


def test_directive_s_lettered_sub_items_are_read_with_the_numbered_item_they_are_indented_under() -> None:
    """ "2.  Within 7 days ... for the Agency's lead POC and backup POC:" over the paragraphs "    a. Name", "    b.
    Position/Title", ...: CommonMark reads the lettered lines as paragraphs of item 2, not items of the list."""
    found = article(DIRECTIVE)
    item = next(text for text in texts(found) if text.startswith("Within 7 days of the issuance"))
    assert item.endswith(
        "lead POC and backup POC: a. Name b. Position/Title c. Email addresses: Unclassified and, if available, "
        "classified accounts d. Phone number"
    )
    assert not any(text.startswith(("a. ", "b. ")) for text in texts(found))


def test_statement_s_signatories_one_a_line_between_hard_breaks_are_a_paragraph_each() -> None:
    """Under "### Signatories" each name ends in a hard break (two spaces): a line of its own to a reader."""
    found = article(STATEMENT)
    signatories = [paragraph.text for paragraph in found.paragraphs if paragraph.section == "Signatories"]
    assert len(signatories) == 37
    assert signatories[:3] == ["Access Now", "Amnesty International", "Arab Digital Expression Foundation - ADEF"]
    assert signatories[-1] == "Vigilance for Democracy and the Civic State"


def test_code_of_conduct_s_canonical_address_on_the_builder_s_machine_is_no_page_address() -> None:
    """Its canonical link and og:url are "http://localhost:4000/code-of-conduct/", Jekyll's development server."""
    assert article(CODE).url is None

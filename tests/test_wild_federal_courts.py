"""Three documents of the federal courts in the wild collection (tests/data/wild, see its manifest.jsonl), from
producers the collection had not held: a Second Circuit opinion typed in WordPerfect on pleading paper (its lines
numbered 1 to 21 down every page's left margin), a Ninth Circuit opinion typeset in VERSACOMP, and a report of the
Administrative Office of the U.S. Courts written in WordPerfect.

Expected values are what each document prints, as `pdftotext` shows it.
"""

from __future__ import annotations

from qa.corpus import Article
from qa.settings import PROJECT_ROOT
from tests.parsed import articles

WILD = PROJECT_ROOT / "tests" / "data" / "wild"
PLEADING = WILD / "ca2-2010-gildernew-v-quarantillo.pdf"
TYPESET = WILD / "ca9-2010-mortimer-v-baca.pdf"
REPORT = WILD / "uscourts-2012-cmecf-additional-stakeholders-report.pdf"


def first(path: object) -> Article:
    return articles(path)[0]  # type: ignore[arg-type]


def texts(path: object) -> list[str]:
    return [p.text for p in first(path).paragraphs]


def test_pleading_papers_line_numbers_are_no_paragraphs() -> None:
    """Every page after the caption numbers its lines 1 to 21 in the left margin; none of them is text."""
    assert not [t for t in texts(PLEADING) if t.isdigit()]


def test_pleading_papers_line_numbers_are_no_words_of_the_lines_beside_them() -> None:
    """Line 20's number stood before "disqualify him" and page 2's line 1 after "contends,": both are gone, and the
    sentence runs whole across the page break."""
    assert any(
        "from September 16, 2004 to November 23, 2005 – does not, as the CIS contends, disqualify him from"
        " naturalized citizenship under 8 U.S.C. § 1427." in t
        for t in texts(PLEADING)
    )


def test_double_spaced_lines_between_line_numbers_read_as_one_paragraph() -> None:
    """Read with its line numbers, each double-spaced line was a paragraph of its own."""
    opening = "Plaintiff, a native and citizen of Ireland, commenced this action seeking"
    assert any(t.startswith(opening) for t in texts(PLEADING))
    assert "this action seeking, inter alia, a declaratory judgment that" not in texts(PLEADING)


def test_caption_footnotes_of_the_pleading_resolve() -> None:
    """The caption's raised 1 after "JANET NAPOLITANO," and 2 after "Defendants-Appellees." open the page's notes."""
    notes = first(PLEADING).footnotes
    assert notes[1].startswith("Pursuant to Federal Rule of Appellate Procedure 43(c)(2), Janet Napolitano has")
    assert notes[2] == (
        "The Clerk of the Court is respectfully directed to amend the official caption in this action to conform to"
        " the caption in this opinion."
    )


def test_typeset_opinions_running_head_and_reporter_page_numbers_are_no_text() -> None:
    """Every page after the first prints "MORTIMER v. BACA" beside the reporter's page number (2086-2100)."""
    assert not [t for t in texts(TYPESET) if "MORTIMER v. BACA" in t or t.strip().isdigit()]


def test_typeset_opinions_note_under_a_closing_quotation_resolves() -> None:
    """The raised 1 stands after the closing quotation mark: (CV 98-4111).”1"""
    article = first(TYPESET)
    assert any("as part of an injunction in Vanke v. Block (CV 98-4111).”[1]" in p.text for p in article.paragraphs)
    assert article.footnotes[1].startswith("In Vanke, the district court issued a preliminary injunction against the")


def test_reports_footnotes_resolve_where_their_markers_stand() -> None:
    """Note 9 is marked after "12 MB." and says why some courts raised their limits."""
    article = first(REPORT)
    assert any("the average file size limit for appellate courts is 12 MB.[9]" in p.text for p in article.paragraphs)
    assert article.footnotes[9] == (
        "As a result of this issue being identified by the ASFRG, some courts have changed their procedures to allow"
        " larger file size limits."
    )


def test_a_headnote_number_opening_a_paragraph_cites_no_note() -> None:
    """Mortimer's opinion numbers its reasoning as the reporter's headnotes do ("[1] The conclusion that ..."), and
    its page-foot notes 1 and 2 are cited by raised markers; the "[1]" opening a paragraph is the paragraph's
    label, not a citation of note 1 (the Vanke injunction)."""
    found = [p for article in articles(TYPESET) for p in article.paragraphs]
    (labelled,) = [p for p in found if p.text.startswith("[1] The conclusion that the district court")]
    assert labelled.literal[0] == 0
    assert 1 not in [marker.number for marker in labelled.markers]


def test_a_treatises_subsection_typed_in_brackets_cites_no_note() -> None:
    """Mortimer's notes are cited by raised numbers; "¶ 134.22[2][b]", typed in the text's size on its baseline, is
    a subsection of Moore's Federal Practice: its "[2]" stays in the quote and cites no note 2."""
    found = [p for article in articles(TYPESET) for p in article.paragraphs]
    (cited,) = [p for p in found if "See also Hegler, 50 F.3d at 1475 (same); Moore’s Federal Practice" in p.text]
    assert "Moore’s Federal Practice ¶ 134.22[2][b]. Here, even though there was not a trial" in cited.text
    assert cited.markers == ()


def test_typeset_opinions_title_is_the_case_its_running_head_names() -> None:
    """The first page sets the court's name large and lists the parties beside the docket's column; every later
    page's head names the case beside the reporter's page number ("2086 MORTIMER v. BACA")."""
    assert first(TYPESET).title == "MORTIMER v. BACA"


def test_an_opinions_author_line_closed_by_a_colon_names_its_judge() -> None:
    """The Ninth Circuit opens the opinion "CALLAHAN, Circuit Judge:"."""
    assert first(TYPESET).author == "CALLAHAN, Circuit Judge"


def test_an_opinions_title_is_the_case_name_its_first_page_prints_over_the_caption() -> None:
    """Gildernew's first page prints "Gildernew v. Gantner" under the docket number, over the court's name and a
    caption parting "FRANCIS B. GILDERNEW," from "ANDREA QUARANTILLO, ..." by "–v.–"; the text cites the decision
    below as "Gildernew v. Quarantillo", which is not this case's name."""
    assert first(PLEADING).title == "Gildernew v. Gantner"


def test_an_appeals_opinion_is_dated_the_day_its_case_was_decided() -> None:
    """The caption prints "(Argued: January 25, 2010" and, a wide space to its right, "Decided: February 4, 2010)":
    labelled events in the order they happened, set apart by space and in brackets."""
    assert first(PLEADING).date == "2010-02-04"


def test_the_organisation_a_cover_prints_over_its_postal_address_is_the_reports_author() -> None:
    """Under the title and "February 27, 2012" the cover prints "Administrative Office of the U. S. Courts" over "One
    Columbus Circle, N.E." and "Washington, DC 20544"."""
    assert first(REPORT).author == "Administrative Office of the U. S. Courts"


def test_a_column_of_labels_is_read_label_by_label_with_the_text_beside_each() -> None:
    """Appendix C sets "Issue:" and "Action:" in a narrow column at the left, each on the row of the first line of its
    text at the right: each label is read just before its text, not all of them before all of the texts."""
    page = [p.text for article in articles(REPORT) for p in article.paragraphs if p.page == 45]
    start = page.index("Issue:")
    assert [text[:40] for text in page[start : start + 4]] == [
        "Issue:",
        "Should the Next Generation of CM/ECF be ",
        "Action:",
        "The Subcommittee adopted the ASFRG’s rec",
    ]

"""Three reports of the Human Rights Council's Working Group on the Universal Periodic Review in the wild collection
(tests/data/wild, see its manifest.jsonl), United Nations documents of producers the collection lacked: Iceland's
(A/HRC/19/13, 2011), exported by Word 2010 from the UN's document template, Ecuador's (A/HRC/8/20, 2008), made by
Acrobat Distiller 5.0 in the base-14 fonts, and Monaco's (A/HRC/25/12, 2014), the template's layout distilled by
Acrobat Distiller 8.0. Each closes with the recommendations set in bold, numbered in the text's weight ("61.4.") or in
bold ("2."), and an annex listing the State's delegation.

Expected values are what each document prints, as `pdftotext` shows it.
"""

from __future__ import annotations

from qa.corpus import Article
from tests.parsed import WILD, article

ICELAND = WILD / "un-hrc-2011-a-hrc-19-13-upr-iceland.pdf"
ECUADOR = WILD / "un-hrc-2008-a-hrc-8-20-upr-ecuador.pdf"
MONACO = WILD / "un-hrc-2014-a-hrc-25-12-upr-monaco.pdf"


def texts(report: Article, kind: str | None = None) -> list[str]:
    return [paragraph.text for paragraph in report.paragraphs if kind is None or paragraph.kind == kind]


def test_reports_are_dated_by_the_date_under_their_symbol() -> None:
    """Page 1 prints "16 December 2011", "13 May 2008" and "3 January 2014" at the top right, under the document's
    symbol."""
    dates = (article(ICELAND).date, article(ECUADOR).date, article(MONACO).date)
    assert dates == ("2011-12-16", "2008-05-13", "2014-01-03")


def test_a_delegations_roster_closing_the_report_names_no_author() -> None:
    """The annex lists the members one a line, each entry a name and a post closed by a semicolon ("Mr. Augusto Saá,
    Director-General of Human Rights and Social Affairs, Ministry for Foreign" over "Affairs;"): no one signs the
    report."""
    author = article(ECUADOR).author or ""
    assert not any(name in author for name in ("Saá", "Saldaña", "Rivadeneira", "Jalkh"))


def test_bold_recommendations_carried_over_lines_are_read_as_items_not_headings() -> None:
    """Each recommendation's lines are bold and open in capitals; the last ends the entry with a semicolon or a full
    stop ("... Rights of Persons with" over "Disabilities and its Optional Protocol (Chile);")."""
    assert (
        "61.4. Suggest the ratification of the Convention on the Rights of Persons with Disabilities and its Optional "
        "Protocol (Chile);"
    ) in texts(article(ICELAND))
    assert (
        "2. Continue human rights training of police forces (United Kingdom of Great Britain and Northern Ireland)."
        in texts(article(ECUADOR))
    )
    headings = texts(article(ICELAND), "heading") + texts(article(ECUADOR), "heading")
    assert not any(heading.endswith((";", "Ireland).")) for heading in headings)


def test_a_recommendation_beside_its_number_alone_on_the_row_is_no_heading() -> None:
    """Page 14 sets "63.2." a tab apart from its item's bold first line ("Ratify, as soon as possible, the
    International Convention for the"): the number opens the item's paragraph, no heading's and none of its own."""
    assert any(
        text.startswith("63.2. Ratify, as soon as possible, the International Convention for the Protection of All")
        for text in texts(article(ICELAND), "text")
    )
    assert "63.2." not in texts(article(ICELAND))


def test_a_note_numbered_after_a_recommendation_is_read_and_cited() -> None:
    """Recommendation 63.15 ends "(Brazil);1"; the note at the foot of page 15 quotes the recommendation as made."""
    iceland = article(ICELAND)
    assert iceland.footnote(1) == (
        "The recommendation made during the interactive dialogue was stated as follows: “Give further consideration to "
        "the incorporation of the definition of discrimination against women contained in article 1 of the Convention "
        "in its national legislation.” (Brazil)."
    )
    assert any(text.endswith("in its national legislation (Brazil);[1]") for text in texts(iceland))


def test_entries_run_into_one_item_each_closed_by_a_semicolon_read_as_the_item() -> None:
    """Monaco's page 16 runs two States' recommendations into item 90.4, each on its own bold line closed by a
    semicolon ("... against Torture (Brazil);" over "Ratify the Optional Protocol to the Convention against Torture
    (France);")."""
    assert (
        "90.4 Ratify the Optional Protocol to the Convention against Torture (Brazil); Ratify the Optional Protocol to "
        "the Convention against Torture (France);"
    ) in texts(article(MONACO))
    assert not any(heading.endswith(";") for heading in texts(article(MONACO), "heading"))


def test_an_item_carried_from_a_pages_foot_to_the_next_page_reads_whole() -> None:
    """Item 90.16 fills page 16's last lines ("... as well as to the Convention on the") and ends on page 17
    ("Non-Applicability of Statutory Limitations to War Crimes and Crimes against Humanity (Uruguay);")."""
    assert any(
        text.startswith("90.16 Accelerate the internal procedures to ratify the Rome Statute")
        and text.endswith("to War Crimes and Crimes against Humanity (Uruguay);")
        for text in texts(article(MONACO))
    )


def test_a_reports_title_is_its_largest_bold_line_under_the_symbol_block_not_the_mastheads_organ() -> None:
    """Page 1 prints "United Nations" over "General Assembly" at the top left (Iceland's Info Title is "United
    Nations"), the symbol block at the right, the session lines, then the title in bold: over two lines in 17-point
    type with its note's asterisk ("Periodic Review*"), or, in Ecuador's older layout, on one line in the text's
    size under the agenda item's "UNIVERSAL PERIODIC REVIEW" in bold capitals."""
    titles = {article(path).title for path in (ICELAND, ECUADOR, MONACO)}
    assert titles == {"Report of the Working Group on the Universal Periodic Review"}
    assert not any(text.startswith("Report of the Working Group") for text in texts(article(ICELAND), "heading"))


def test_the_working_group_a_reports_title_names_is_its_author() -> None:
    """No one signs the reports; each title names the Working Group whose report it is, and the masthead the organ
    it reports to ("United Nations", "General Assembly")."""
    authors = {article(path).author for path in (ICELAND, ECUADOR, MONACO)}
    assert authors == {"Working Group on the Universal Periodic Review"}


def test_the_job_number_at_page_ones_foot_is_no_paragraph() -> None:
    """Page 1 closes with the job number ("GE.11-17401", "GE.08-13324 (E)") and Monaco's with its barcode's line
    "*1410028*" under it: the printing office's number, no part of the text."""
    for path, number in ((ICELAND, "GE.11-17401"), (ECUADOR, "GE.08-13324"), (MONACO, "GE.14-10028")):
        assert not any(number in text or "*1410028*" in text for text in texts(article(path)))


def test_item_numbers_set_a_tab_apart_on_successive_rows_each_open_their_own_item() -> None:
    """Monaco's page 17 sets "91.6" and "91.7" a tab left of their items' first lines, on two rows one under the
    other; Iceland's page 15 wraps item 63.27's last line "(Iran);" back under its number."""
    monaco = texts(article(MONACO))
    assert "91.6 Decriminalize defamation and make it part of the Civil Code (Ireland);" in monaco
    assert any(text.startswith("91.7 Take measures in order that the Constitution") for text in monaco)
    assert "63.27. Support Muslims by enabling them to freely practice their religion (Iran);" in texts(
        article(ICELAND), "text"
    )

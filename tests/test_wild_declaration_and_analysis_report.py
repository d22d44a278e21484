"""Two government PDFs of producers the wild collection lacked (tests/data/wild, see its manifest.jsonl): the Joint
Councils' declaration on digital identity, a Word letter assembled in Acrobat Pro DC on framed legal-size pages, in
English and then in French, and an analysis report of the Department of Homeland Security's NCCIC, written in Word and
stripped of its producer, which prints its reference number and its date on one row under the masthead.

Expected values are what each document prints, as `pdftotext` shows it.
"""

from __future__ import annotations

from tests.parsed import WILD, article, articles

DECLARATION = WILD / "joint-councils-2018-declaration-on-digital-identity.pdf"
REPORT = WILD / "nccic-2016-ar-16-20173-network-infrastructure-devices.pdf"


def test_declaration_is_titled_by_its_two_bold_lines_and_left_undated() -> None:
    """Page 1 prints "Joint Councils" over "Declaration on Digital Identity" and no date; the file has no Info
    Title."""
    declaration = article(DECLARATION)
    assert (declaration.title, declaration.date) == ("Joint Councils Declaration on Digital Identity", None)


def test_declaration_is_written_by_the_body_its_valediction_stands_over() -> None:
    """Page 1 closes "Sincerely," over "The Members of Joint Councils", before the French text of pages 2 and 3; no
    person signs it (Info Author "Maria Luisa Willan", the file's maker)."""
    assert article(DECLARATION).author == "The Members of Joint Councils"


def test_declarations_commitments_are_read_as_its_items_in_english_and_french() -> None:
    """Three bulleted commitments in each language, the French after the English."""
    items = [paragraph.text for paragraph in article(DECLARATION).paragraphs if paragraph.kind == "bullet"]
    assert len(items) == 6
    assert items[2].startswith("Confirming that the digital identity information, which is issued by jurisdictions")
    assert items[5].startswith("confirmer que l’information sur l’identité numérique")


def test_report_number_before_a_dash_in_the_info_title_is_no_part_of_the_title() -> None:
    """Info Title "AR-16-20173 - The Increasing Threat ..."; page 1 prints "Reference Number: AR-16-20173" on a row
    of its own and the title under it."""
    title = "The Increasing Threat to Network Infrastructure Devices and Recommended Mitigations"
    assert articles(REPORT)[0].title == title


def test_date_set_beside_the_reference_number_on_one_row_dates_the_report() -> None:
    """Page 1's row "Reference Number: AR-16-20173" at the left, "August 30, 2016" at the right."""
    assert articles(REPORT)[0].date == "2016-08-30"


def test_declarations_asterisked_foot_line_is_a_note_no_marker_cites() -> None:
    """Page 1's foot prints "*While Quebec did not endorse the Declaration, ..." in 8-point type under the 12-point
    text, and no "*" in the text: a note, not the declaration's last paragraph."""
    declaration = article(DECLARATION)
    assert not any(paragraph.text.startswith("*While Quebec") for paragraph in declaration.paragraphs)
    assert [text[:48] for text in declaration.footnotes.values()] == [
        "While Quebec did not endorse the Declaration, it"
    ]


def test_report_is_read_as_one_article_per_run_of_annex_reference_numbers() -> None:
    """Annexes 1 and 3 each list "[1] http://..." under "References:" (the same address), annex 2 "1." to "3.";
    each annex's text cites its own "[1]" ("... malicious web pages [1]."), so each run of numbers is its own."""
    report = articles(REPORT)
    asa = "http://tools.cisco.com/security/center/content/CiscoSecurityAdvisory/cisco-sa-20141008-asa"
    assert [dict(part.footnotes) for part in report[::2]] == [{1: asa}, {1: asa}]
    assert report[1].footnotes[3] == "http://www.cisco.com/c/en/us/about/security-center/integrity-assurance.html"
    assert any(paragraph.text.endswith("malicious web pages [1].") for paragraph in report[0].paragraphs)
    assert report[1].paragraphs[0].text == "Technical Annex 2: Cisco ROMMON Integrity"


def test_report_s_unnumbered_reference_list_is_read_as_its_text() -> None:
    """Page 9 prints "References" over seven linked titles with no numbers: no notes, so the heading and the titles
    are the report's text, not dropped."""
    paragraphs = articles(REPORT)[0].paragraphs
    listed = [paragraph.text for paragraph in paragraphs if paragraph.section == "References"]
    assert listed[0] == "Cisco SYNful Knock Security Advisory"
    assert len(listed) == 7


def test_report_s_page_number_beside_a_lettered_step_is_no_paragraph() -> None:
    """Page 10's foot prints "10 of 15" at the left margin, under a step "a." set a tab from its text: every page
    numbers itself so, and it is no paragraph of the report's."""
    texts = [paragraph.text for part in articles(REPORT) for paragraph in part.paragraphs]
    assert not any(text.endswith("of 15") for text in texts)


def test_report_s_row_of_reference_number_and_date_is_no_heading() -> None:
    """Page 1 sets "Reference Number: AR-16-20173" and "August 30, 2016" in bold on one row, a gutter apart, and
    the report's author in two lines at the top right, level with the DHS seal at the left."""
    report = articles(REPORT)[0]
    (row,) = [paragraph for paragraph in report.paragraphs if paragraph.text.startswith("Reference Number:")]
    assert row.kind == "text"
    assert report.author == "National Cybersecurity and Communications Integration Center"


def test_report_s_lettered_step_over_the_page_s_foot_opens_its_item() -> None:
    """Page 10 ends on step "a." set a tab from its text, whose second line runs under the text, not the letter;
    "10 of 15" stands at the left margin far below: the step is one item, the letter before its text."""
    paragraphs = articles(REPORT)[0].paragraphs
    (step,) = [paragraph for paragraph in paragraphs if "use the export webvpn customization" in paragraph.text]
    assert step.text.startswith("a. From the command line interface")
    assert step.kind == "bullet"
    assert "a." not in [paragraph.text for paragraph in paragraphs]


def test_report_s_band_over_its_title_is_no_heading() -> None:
    """Page 1 prints "ANALYSIS REPORT" in spaced capitals on a shaded band over the disclaimer, both over the title:
    the document's kind, and no section the disclaimer belongs to."""
    paragraphs = articles(REPORT)[0].paragraphs
    band = next(paragraph for paragraph in paragraphs if paragraph.text == "ANALYSIS REPORT")
    disclaimer = next(paragraph for paragraph in paragraphs if paragraph.text.startswith("DISCLAIMER:"))
    assert (band.kind, disclaimer.section) == ("text", None)

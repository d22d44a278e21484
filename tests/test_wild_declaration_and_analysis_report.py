"""Two government PDFs of producers the wild collection lacked (tests/data/wild, see its manifest.jsonl): the Joint
Councils' declaration on digital identity, a Word letter assembled in Acrobat Pro DC on framed legal-size pages, in
English and then in French, and an analysis report of the Department of Homeland Security's NCCIC, written in Word and
stripped of its producer, which prints its reference number and its date on one row under the masthead.

Expected values are what each document prints, as `pdftotext` shows it.
"""

from __future__ import annotations

from tests.parsed import WILD, article

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
    assert article(REPORT).title == title


def test_date_set_beside_the_reference_number_on_one_row_dates_the_report() -> None:
    """Page 1's row "Reference Number: AR-16-20173" at the left, "August 30, 2016" at the right."""
    assert article(REPORT).date == "2016-08-30"

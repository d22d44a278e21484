"""A two-page PDF report written with fpdf2, line by line, so tests know exactly what it holds.

It has what real reports have: a running header, page numbers, superscript note markers, notes at
the foot of both pages, a word hyphenated at a line end (and printed whole in a note, which is what
lets the parser join it), a paragraph that runs across the page break, and a section heading.
`python -m tests.pdf_fixture OUT.pdf` writes it (the eval set's copy).
"""

from __future__ import annotations

import sys
from datetime import UTC, datetime
from pathlib import Path

from fpdf import FPDF

TITLE = "Forced Labour in Detention"
AUTHOR = "Mina Park"
RUNNING_HEADER = "Detention Monitor - Annual Report 2023"

Part = tuple[str, bool]
"""A stretch of a line and whether it is set as a superscript."""

PAGE_1: list[list[list[Part]]] = [
    [
        [("Former prisoners describe sixteen-hour shifts in the mines and forests, with no pay and with", False)],
        [("quotas that guards raise whenever a work team meets them. Those who fall short lose their food", False)],
        [("rations, and repeat failures are punished by solitary confine-", False)],
        [("ment for a week or more.", False), ("1", True)],
    ],
    [
        [("The labour is not incidental to detention but its purpose: the camps supply coal, timber and", False)],
        [("gold to state enterprises, and the value of the output is recorded as a contribution to the plan", False)],
        [("for the province in which the camp lies, according to accounts given by two former officials of", False)],
    ],
]
PAGE_2: list[list[list[Part]]] = [
    [
        [("the provincial economic committee.", False), ("2", True)],
    ],
    [[("Findings", False)]],
    [
        [("The monitor recorded 41 deaths from accidents in the mines between 2019 and 2022.", False), ("3", True)],
    ],
]
NOTES_1 = [
    ("1", "Interview with a former prisoner held in solitary confinement, Seoul, March 2022."),
    ("2", "Testimony of two former officials, 2021."),
]
NOTES_2 = [("3", "Detention Monitor casualty database, entries 2019-2022.")]


class _Report(FPDF):
    def header(self) -> None:
        self.set_font("Helvetica", size=9)
        self.cell(0, 6, RUNNING_HEADER, align="C")
        self.ln(12)

    def footer(self) -> None:
        self.set_y(-12)
        self.set_font("Helvetica", size=9)
        self.cell(0, 6, str(self.page_no()), align="C")


def _paragraphs(pdf: FPDF, paragraphs: list[list[list[Part]]]) -> None:
    for paragraph in paragraphs:
        heading = paragraph == [[("Findings", False)]]
        pdf.set_font("Helvetica", "B" if heading else "", 14 if heading else 10)
        for line in paragraph:
            for text, superscript in line:
                pdf.char_vpos = "SUP" if superscript else "LINE"
                pdf.write(5, text)
            pdf.char_vpos = "LINE"
            pdf.ln(5)
        pdf.ln(4)


def _notes(pdf: FPDF, notes: list[tuple[str, str]]) -> None:
    pdf.set_y(-40)
    pdf.set_font("Helvetica", size=8)
    for number, text in notes:
        pdf.char_vpos = "SUP"
        pdf.write(4, number)
        pdf.char_vpos = "LINE"
        pdf.write(4, " " + text)
        pdf.ln(4)


def report_pdf() -> bytes:
    """The report's bytes (fpdf2 output is deterministic once the creation date is fixed)."""
    pdf = _Report(format="A4")
    pdf.set_title(TITLE)
    pdf.set_author(AUTHOR)
    pdf.set_creation_date(datetime(2023, 1, 1, tzinfo=UTC))
    pdf.set_auto_page_break(False)
    pdf.add_page()
    pdf.set_font("Helvetica", "B", 18)
    pdf.cell(0, 10, TITLE)
    pdf.ln(14)
    _paragraphs(pdf, PAGE_1)
    _notes(pdf, NOTES_1)
    pdf.add_page()
    _paragraphs(pdf, PAGE_2)
    _notes(pdf, NOTES_2)
    return bytes(pdf.output())


LINKED_REPORT_FILE = "water-report.pdf"
LINKED_REPORT_URL = "https://example.org/files/water-report.pdf"


def linked_report_pdf() -> bytes:
    """A short report whose first page links to the report's own address (its file name), with a title,
    byline and dateline, and the answer to a question about wells on its second page."""
    pdf = FPDF(format="A4")
    pdf.set_creation_date(datetime(2023, 1, 1, tzinfo=UTC))
    pdf.add_page()
    pdf.set_font("Helvetica", "B", 20)
    pdf.cell(0, 12, "Water in the Eastern District")
    pdf.ln(14)
    pdf.set_font("Helvetica", size=11)
    for line in ("By Ana Ruiz", "3 May 2021"):
        pdf.cell(0, 6, line)
        pdf.ln(8)
    pdf.cell(0, 6, f"Download: {LINKED_REPORT_URL}", link=LINKED_REPORT_URL)
    pdf.ln(10)
    pdf.multi_cell(
        0,
        6,
        "Monitors visited every village in the district during the dry season and spoke with families, "
        "teachers and health workers about the water they could reach.",
    )
    pdf.add_page()
    pdf.multi_cell(
        0, 6, "Wells in the eastern district ran dry in August, and families walked four hours a day for water."
    )
    return bytes(pdf.output())


if __name__ == "__main__":
    Path(sys.argv[1]).write_bytes(report_pdf())

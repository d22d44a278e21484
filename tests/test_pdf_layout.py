"""PDF pages laid out as reports lay them out: bullet lists in columns, bands of columns under headings,
overprinted text, and the bylines and datelines of a report's opening and closing pages.

Each page is written with fpdf2 at exact positions, so a test knows what a reader sees where.
"""

from __future__ import annotations

import shutil
import subprocess
from pathlib import Path

import pytest
from fpdf import FPDF

from qa.corpus import Article
from qa.formats import parse_bytes

UNICODE_FONT = Path("/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf")
"""A font with a bullet glyph (the PDF core fonts have none); skipped where the system lacks it."""

LEFT_ITEMS = [f"Finding {n}: cells held {n + 2} times their capacity" for n in range(1, 8)]
RIGHT_ITEMS = [f"Figure {n}: deaths in custody by province" for n in range(1, 8)]
PROSE = "Guards raised the quotas whenever a work team met them, and rations were cut for those who fell short."


def parsed(pdf: FPDF) -> Article:
    (article,) = parse_bytes(bytes(pdf.output()), "doc.pdf").articles
    return article


def texts(article: Article) -> list[str]:
    return [p.text for p in article.paragraphs]


def pdftotext(data: bytes, tmp_path: Path) -> str:
    path = tmp_path / "doc.pdf"
    path.write_bytes(data)
    return " ".join(subprocess.run(["pdftotext", str(path), "-"], capture_output=True, text=True).stdout.split())


def bullet_columns() -> FPDF:
    """A page of two columns of bulleted items, each bullet a tab's width left of its item."""
    pdf = FPDF()
    pdf.add_font("DejaVu", fname=str(UNICODE_FONT))
    pdf.add_page()
    pdf.set_font("DejaVu", size=10)
    for row, (left, right) in enumerate(zip(LEFT_ITEMS, RIGHT_ITEMS, strict=True)):
        y = 30 + 9 * row
        for x, item in ((15, left), (110, right)):
            pdf.text(x, y, "•")
            pdf.text(x + 6, y, item)
    return pdf


@pytest.mark.skipif(not UNICODE_FONT.exists(), reason="needs the DejaVu Sans font for a bullet glyph")
def test_bullets_of_a_right_column_open_its_items_and_never_end_the_left_columns_lines() -> None:
    article = parsed(bullet_columns())
    assert texts(article) == LEFT_ITEMS + RIGHT_ITEMS
    assert {p.kind for p in article.paragraphs} == {"bullet"}


@pytest.mark.skipif(shutil.which("pdftotext") is None, reason="needs poppler's pdftotext")
@pytest.mark.skipif(not UNICODE_FONT.exists(), reason="needs the DejaVu Sans font for a bullet glyph")
def test_bulleted_items_in_columns_are_found_in_an_independent_extraction(tmp_path: Path) -> None:
    pdf = bullet_columns()
    reference = pdftotext(bytes(pdf.output()), tmp_path)
    assert all(text in reference for text in texts(parsed(pdf)))


def banded_page() -> FPDF:
    """Two sections, each a heading over two columns of prose, the heading alone in the left column."""
    pdf = FPDF()
    pdf.add_page()
    pdf.set_font("Helvetica", size=24)
    pdf.text(15, 20, TITLE[0])
    y = 40.0
    for section in ("Governance", "Privacy"):
        pdf.set_font("Helvetica", "B", size=16)
        pdf.text(15, y, section)
        pdf.set_font("Helvetica", size=10)
        for side, x in (("left", 15), ("right", 110)):
            for line in range(6):
                pdf.text(x, y + 12 + 5 * line, f"{section} {side} column line {line + 1} of the")
            pdf.text(x, y + 12 + 5 * 6, f"{section} {side} column ends here.")
        y += 70
    return pdf


def column(section: str, side: str) -> str:
    """One column of a section of `banded_page` as one paragraph."""
    return " ".join(
        [f"{section} {side} column line {n} of the" for n in range(1, 7)] + [f"{section} {side} column ends here."]
    )


def test_a_heading_alone_beside_blank_space_opens_a_new_band_of_columns() -> None:
    assert texts(parsed(banded_page())) == [
        "Governance",
        column("Governance", "left"),
        column("Governance", "right"),
        "Privacy",
        column("Privacy", "left"),
        column("Privacy", "right"),
    ]


def test_text_printed_twice_in_the_same_place_is_read_once() -> None:
    pdf = FPDF()
    pdf.add_page()
    pdf.set_font("Helvetica", size=11)
    for dx in (0, 0.1):  # a fake bold: the line drawn again a tenth of a point to the right
        pdf.text(20 + dx, 30, PROSE)
    assert texts(parsed(pdf)) == [PROSE]


def report(pages: list[list[tuple[str, int, float]]]) -> Article:
    """A report of pages of (text, size, left edge in mm) lines set one under the other."""
    pdf = FPDF()
    for lines in pages:
        pdf.add_page()
        y = 20.0
        for text, size, x in lines:
            pdf.set_font("Helvetica", size=size)
            pdf.text(x, y, text)
            y += size * 0.5
    return parsed(pdf)


TITLE = ("Forced Labour in Detention", 22, 15.0)
SENTENCES = [
    "Former prisoners describe sixteen-hour shifts in the mines and the forests.",
    "The camps supply coal, timber and gold to state enterprises.",
    "Visits were refused to most families for the whole year.",
    "Food was rationed to one meal a day in both districts.",
    "Water was cut off for days at a time in the summer.",
    "Cells built for ten detainees held thirty of them.",
    "Guards raised the quotas whenever a work team met them.",
    "Two former officials confirmed the accounts of the prisoners.",
    "The monitor recorded deaths from accidents in the mines.",
]


def body(page: int) -> list[tuple[str, int, float]]:
    """Three lines of prose of their own for each page: lines repeated from page to page would be furniture."""
    return [(text, 10, 15.0) for text in SENTENCES[3 * page : 3 * page + 3]]


def test_a_name_over_its_job_title_on_the_page_after_the_cover_is_the_author() -> None:
    article = report(
        [[TITLE, *body(0)], [("Mina Park", 9, 150.0), ("Analyst in Labour Rights", 9, 150.0), *body(1)], [*body(2)]]
    )
    assert article.author == "Mina Park"
    assert "Mina Park" not in texts(article)


def test_a_sign_off_of_name_and_job_title_closing_the_text_is_the_author() -> None:
    article = report([[TITLE, *body(0)], [*body(1)], [*body(2), ("Mina Park, Specialist in Labour Law", 10, 15.0)]])
    assert article.author == "Mina Park"


def test_a_team_listed_with_their_jobs_names_no_author() -> None:
    team = [("- Mina Park, Director", 10, 15.0), ("- Li Wei, Analyst", 10, 15.0)]
    article = report([[TITLE, *body(0)], [*team, *body(1)], [*body(2)]])
    assert article.author is None


def test_a_letters_addressee_over_an_office_is_not_the_author() -> None:
    addressee = [("The Honorable Ana Ruiz", 10, 15.0), ("Chairman", 10, 15.0)]
    article = report([[TITLE, *body(0)], [*body(1)], [*addressee, *body(2)]])
    assert article.author is None


def test_a_covering_letters_full_date_makes_the_covers_month_exact() -> None:
    article = report(
        [[TITLE, ("February 2006", 12, 15.0), *body(0)], [*body(1)], [("February 8, 2006", 10, 100.0), *body(2)]]
    )
    assert article.date == "2006-02-08"


def test_a_full_date_of_another_month_leaves_the_covers_month() -> None:
    article = report([[TITLE, ("February 2006", 12, 15.0), *body(0)], [("March 8, 2006", 10, 100.0), *body(1)]])
    assert article.date == "2006-02"


def test_a_month_and_year_at_the_foot_of_a_cover_in_columns_is_the_date() -> None:
    pdf = FPDF()
    pdf.add_page()
    pdf.set_font("Helvetica", size=22)
    pdf.text(15, 30, TITLE[0])
    pdf.set_font("Helvetica", size=10)
    for line, text in enumerate(SENTENCES[:7]):
        pdf.text(15, 50 + 6 * line, text[:40])
        pdf.text(110, 50 + 6 * line, text[-40:])
    pdf.text(15, 280, "example.org/report2017")
    pdf.text(170, 280, "MARCH 2017")
    assert parsed(pdf).date == "2017-03"


def test_a_month_and_year_beside_a_label_in_a_column_is_no_date() -> None:
    pdf = FPDF()
    pdf.add_page()
    pdf.set_font("Helvetica", size=22)
    pdf.text(15, 30, TITLE[0])
    pdf.set_font("Helvetica", size=10)
    for line, text in enumerate(SENTENCES[:7]):
        pdf.text(15, 50 + 6 * line, text[:40])
        pdf.text(110, 50 + 6 * line, "Formed" if line == 3 else text[-40:])
        if line == 3:
            pdf.text(130, 50 + 6 * line, "December 1916")
    pdf.text(15, 280, "example.org/report2017")
    assert parsed(pdf).date is None

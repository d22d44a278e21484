"""Boxes of text set side by side on a page of one column: each read top to bottom, the left one first, as a reader
(and poppler's `pdftotext`) reads them, not row by row across the gap between them.

Ranking Digital Rights' 2015 Index (tests/data/wild/rdr-index-2015-report.pdf, see its manifest entry) opens each
company's profile with a list of the services it evaluated beside a box of the company's industry, domicile and
market value, whose lines stand a point or two apart from one another at their left edge.
"""

from __future__ import annotations

from qa.settings import PROJECT_ROOT
from tests.parsed import articles

REPORT = PROJECT_ROOT / "tests" / "data" / "wild" / "rdr-index-2015-report.pdf"


def texts() -> list[str]:
    return [p.text for article in articles(REPORT) for p in article.paragraphs]


def test_a_profiles_list_of_services_is_read_to_its_end_before_the_box_beside_it() -> None:
    found = texts()
    at = found.index("Services evaluated:")
    assert found[at : at + 8] == [
        "Services evaluated:",
        "Facebook (social network)",
        "Instagram (photo and video sharing)",
        "WhatsApp (messaging platform)",
        "Industry:",
        "Internet Software and Services",
        "Domicile: United States",
        "Market Cap: USD 274,823 million[*]",  # its "* S&P Capital IQ" note at the page's foot, over notes 1 and 2
    ]


def test_no_label_of_a_profiles_box_runs_on_from_the_label_of_the_list_beside_it() -> None:
    """Before, the profiles read "Operating company evaluated: Industry:" and "Services evaluated: Domicile: India"."""
    found = texts()
    assert not any("evaluated: Industry:" in text or "evaluated: Domicile:" in text for text in found)
    assert "Services evaluated:" in found
    assert "Domicile: India" in found


def test_a_profiles_web_address_and_stock_ticker_are_read_apart() -> None:
    found = texts()
    at = found.index("www.facebook.com")
    assert found[at + 1] == "NasdaqGS: FB"


def test_a_box_whose_lines_start_just_left_of_its_shared_edge_is_read_apart_whole() -> None:
    """Twitter's profile box starts "Internet Software and Services" a third of a point left of the edge its other
    lines share: the gutter stands left of it too, and the line is the box's, not the list's beside it."""
    found = texts()
    at = found.index("Twitter (micro-blogging platform) Vine (video creation and sharing)")
    assert found[at + 1 : at + 4] == ["Industry:", "Internet Software and Services", "Domicile: United States"]


def test_a_boxs_line_starting_a_point_left_of_the_edge_most_of_its_lines_share_is_read_apart() -> None:
    """Orange's profile box (page 66) starts "Industry", "Domicile:" and "Market Cap:" at 354 points and its
    industry's name at 352.7, on the baseline of "Orange (France)" in the list beside it: the two were read as one
    line, "Orange (France) Diversified Telecommunication Services"."""
    found = texts()
    at = found.index("Operating company evaluated:", found.index("www.orange.com"))
    assert found[at : at + 7] == [
        "Operating company evaluated:",
        "Orange (France)",
        "Services evaluated:",
        "Mobile Fixed line broadband",
        "Industry",
        "Diversified Telecommunication Services",
        "Domicile: France",
    ]

"""Every format gives the document's own address when the document states it, and None when it does not."""

from __future__ import annotations

import pytest
from fpdf import FPDF

from qa.formats import parse_bytes
from qa.formats.pdf import _own_url

PAGE = "<html><head>{head}<title>Water Report</title></head><body><h1>Water Report</h1><p>{text}</p></body></html>"
TEXT = "Wells in the district ran dry in the summer of that year, and families walked hours for water."


def html_url(head: str) -> str | None:
    return parse_bytes(PAGE.format(head=head, text=TEXT).encode(), "page.html").articles[0].url


def test_html_canonical_link_is_the_url() -> None:
    head = '<link rel="canonical" href="https://example.org/water"><meta property="og:url" content="https://x.org/">'
    assert html_url(head) == "https://example.org/water"


def test_html_og_url_is_the_url_without_a_canonical_link() -> None:
    assert html_url('<meta property="og:url" content="https://example.org/og-water">') == "https://example.org/og-water"


@pytest.mark.parametrize("head", ["", '<link rel="canonical" href="/water">', '<meta property="og:url" content="n/a">'])
def test_html_without_an_absolute_address_has_no_url(head: str) -> None:
    assert html_url(head) is None


def markdown_url(front: str) -> str | None:
    return parse_bytes(f"---\ntitle: Water\n{front}---\n\n{TEXT}\n".encode(), "post.md").articles[0].url


def test_markdown_front_matter_url_is_the_url() -> None:
    assert markdown_url("url: https://example.org/posts/water\n") == "https://example.org/posts/water"


def test_markdown_relative_url_is_no_url() -> None:
    assert markdown_url("url: /posts/water/\n") is None


def pdf_with_link(target: str) -> bytes:
    pdf = FPDF()
    pdf.add_page()
    pdf.set_font("Helvetica", size=11)
    pdf.multi_cell(0, 6, TEXT)
    pdf.cell(0, 6, "Download this report", link=target)
    return bytes(pdf.output())


def test_pdf_link_to_its_own_file_name_is_the_url() -> None:
    data = pdf_with_link("https://example.org/files/water-report.pdf")
    assert parse_bytes(data, "water-report.pdf").articles[0].url == "https://example.org/files/water-report.pdf"


def test_pdf_link_to_another_address_is_no_url() -> None:
    assert parse_bytes(pdf_with_link("https://example.org/files/other.pdf"), "water-report.pdf").articles[0].url is None


def test_pdf_info_url_field_is_the_url() -> None:
    assert _own_url({"URL": "https://example.org/r.pdf"}, [], "report.pdf") == "https://example.org/r.pdf"


@pytest.mark.parametrize(
    "address", ["http://localhost:1313/posts/water/", "http://127.0.0.1:8000/water", "http://192.168.1.20/water"]
)
def test_html_address_on_the_builder_s_machine_or_network_is_no_url(address: str) -> None:
    """A static site built on its author's machine writes its development server's address as canonical."""
    assert html_url(f'<link rel="canonical" href="{address}"><meta property="og:url" content="{address}">') is None

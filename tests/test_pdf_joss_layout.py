"""A one-column journal paper (LuaHBTeX, the Journal of Open Source Software): the journal's record of the article in
a narrow column beside the first page's text, and the authors under the title, each with an affiliation number."""

from __future__ import annotations

from pathlib import Path

import pytest

from qa.corpus import Article
from tests.parsed import articles

PAPER = Path(__file__).parent / "data" / "wild" / "joss-2025-omock-paper.pdf"


@pytest.fixture(scope="module")
def paper() -> Article:
    (parsed,) = articles(PAPER)
    return parsed


def texts(parsed: Article) -> list[str]:
    return [p.text for p in parsed.paragraphs]


@pytest.mark.parametrize(
    "printed",
    ["DOI: 10.21105/joss.08178", "Editor: Julia Romanowska", "Reviewers", "@louisahsmith", "Published: 12 September"],
)
def test_the_margin_column_beside_the_first_page_text_is_no_paragraph(paper: Article, printed: str) -> None:
    assert not [text for text in texts(paper) if printed in text]


def test_the_licence_lines_of_the_margin_column_are_no_paragraph(paper: Article) -> None:
    assert not [text for text in texts(paper) if "retain copyright" in text]


def test_the_latest_dated_line_of_the_margin_column_is_the_date(paper: Article) -> None:
    """It prints "Submitted: 10 February 2025" and "Published: 12 September 2025"."""
    assert paper.date == "2025-09-12"


def test_authors_wrapped_over_lines_under_the_title_with_affiliation_numbers_are_the_author(paper: Article) -> None:
    assert paper.author == (
        "Mike Du, Núria Mercadé-Besora, Marta Alcalde-Herraiz, Xihang Chen, Yuchen Guo, Kim López-Güell, "
        "Edward Burn, Martí Català"
    )


def test_the_author_lines_and_the_affiliation_under_them_are_no_paragraphs(paper: Article) -> None:
    assert not [text for text in texts(paper) if "Mike Du" in text or "Català" in text or "Health Data" in text]


def test_the_text_opens_at_its_first_heading(paper: Article) -> None:
    assert texts(paper)[:2] == [
        "Summary",
        "omock is an R package that allows users to create mock patient level data formatted in the Observational "
        "Medical Outcomes Partnership (OMOP) Common Data Model (CDM) (Overhage et al., 2011). This package provides a "
        "flexible and efficient way to create synthetic datasets in OMOP CDM format, facilitating the testing and "
        "validation of packages and analytic codes.",
    ]

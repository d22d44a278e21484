"""DIME Analytics' "Data for Development Impact" (2019), a pdfLaTeX book in the tufte-book class (tests/data/wild, see
its manifest.jsonl): its Info Author lists the four authors as the title page's `\\and` leaves them, parted by runs of
spaces, and its notes are sidenotes in the outer margin.

Expected values are the book's names and notes as printed.
"""

from __future__ import annotations

from qa.corpus import Article
from qa.settings import PROJECT_ROOT
from tests.parsed import articles

BOOK = PROJECT_ROOT / "tests" / "data" / "wild" / "dime-2019-data-for-development-impact.pdf"


def book() -> Article:
    (only,) = articles(BOOK)
    return only


def test_an_info_author_whose_names_runs_of_spaces_part_gives_each_name() -> None:
    assert book().author == "Kristoffer Bjärkefur, Luíza Cardoso de Andrade, Benjamin Daniels, Maria Jones"


def test_a_sidenote_set_in_the_outer_margin_is_the_note_its_marker_cites() -> None:
    doc = book()
    (text,) = [p.text for p in doc.paragraphs if p.text.startswith("The empirical revolution in development research")]
    assert "Three major components make up this scrutiny: credibility,[15] transparency,[16] and" in text
    assert doc.footnotes[16] == (
        "Christensen, G. and Miguel, E. (2018). Transparency, reproducibility, and the credibility of economics"
        " research. Journal of Economic Literature, 56(3):920–80"
    )

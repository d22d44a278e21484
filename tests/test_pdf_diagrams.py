"""Diagrams drawn as outlined boxes with a few short lines in each: a trial's flow diagram counts its participants
screened, excluded and randomised. Read as text, each box became a paragraph ("3430 Excluded 10 Younger than 18 y
...") that a question's nearest passage could be; they are the figure's labels, left out like a picture's, while the
figure's caption and the text around it stay."""

from __future__ import annotations

from pathlib import Path

from qa.corpus import Article
from tests.parsed import articles

JAMA = Path(__file__).parent / "data" / "wild" / "jama-netw-open-2022-glasses-sars-cov-2.pdf"


def on_page(parsed: tuple[Article, ...], page: int) -> list[str]:
    return [p.text for article in parsed for p in article.paragraphs if p.page == page]


def test_the_boxes_of_a_flow_diagram_are_no_paragraphs() -> None:
    page = on_page(articles(JAMA), 5)
    assert not any("Completed screening form" in text or "Excluded" in text for text in page)


def test_a_flow_diagrams_rounded_box_is_no_paragraph() -> None:
    """The diagram draws its "Randomized" step as a rounded box: curves, not a rectangle."""
    assert "3717 Randomized" not in on_page(articles(JAMA), 5)


def test_a_flow_diagrams_caption_and_the_text_above_it_stay() -> None:
    page = on_page(articles(JAMA), 5)
    assert "Figure 1. Flow Diagram of Participants" in page
    assert page[0].startswith("masks at least 50% of the time, while the corresponding proportion in the control")


def test_the_sentences_that_report_a_flow_diagrams_counts_stay() -> None:
    page = on_page(articles(JAMA), 4)
    assert any(text.startswith("Of the 7506 individuals who completed the screening form, 3717") for text in page)

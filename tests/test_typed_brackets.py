"""Bracketed numbers typed in the text's own size, read by the document's own marker style (`_typed_subsections`).

A document that cites its notes with raised numbers prints a typed "[2]" as words (a treatise's subsection in the
Ninth Circuit's opinion, `test_wild_federal_courts`; the S2ORC paper's examples of citation styles); a document
that cites its references with typed brackets keeps them as markers, glued to a year or not.
"""

from __future__ import annotations

from qa.corpus import Paragraph
from qa.settings import PROJECT_ROOT
from tests.parsed import articles

WILD = PROJECT_ROOT / "tests" / "data" / "wild"


def holding(name: str, words: str) -> Paragraph:
    return next(p for article in articles(WILD / name) for p in article.paragraphs if words in p.text)


def test_a_journal_citing_its_references_in_typed_brackets_keeps_them_as_markers() -> None:
    """PLOS Medicine types "[2]" after a year: "(HIV/AIDS) in 2001 [2], with follow-up HLMs in 2006 [3]"."""
    found = holding("plos-medicine-2022-unga-health-meetings.pdf", "with follow-up HLMs in 2006 [3], 2011 [4]")
    assert [marker.number for marker in found.markers][:5] == [1, 2, 3, 4, 5]


def test_typed_examples_of_citation_styles_in_a_raised_marker_paper_are_words() -> None:
    """The S2ORC paper raises its note markers; its typed "BRACKET (e.g. [2])" and "“[3]-[5]”" are examples."""
    found = holding("acl-2020-s2orc-paper.pdf", "citation style of a paper as BRACKET (e.g. [2]), NAME-YEAR")
    assert "(e.g. “[3]-[5]” should be expanded to “[3], [4], [5]” before linking)" in found.text
    assert [marker.number for marker in found.markers] == [12]

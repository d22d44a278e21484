"""Government reports of the wild collection made in Word and a browser (tests/data/wild, see its manifest.jsonl):
GAO-06-1046 (Acrobat PDFMaker 6 for Word, side headings in a wide left margin), GAO-05-927 (FrameMaker, the same
house layout) and 18F's Partnership Principles (a Google Doc printed from Chrome on a Mac, Quartz PDFContext).

Expected values are what each document prints, as `pdftotext` shows it.
"""

from __future__ import annotations

from pathlib import Path

from qa.corpus import Article
from qa.settings import PROJECT_ROOT
from tests.parsed import articles

WILD = PROJECT_ROOT / "tests" / "data" / "wild"
GRANTS = WILD / "gao-06-1046-grants-management.pdf"
RESULTS = WILD / "gao-05-927-managing-for-results.pdf"
PARTNERSHIP = WILD / "18f-partnership-principles-2017.pdf"


def report(path: Path) -> Article:
    return articles(path)[0]


def after(found: Article, text: str) -> tuple[str, str, str]:
    """The kind and text of the paragraph that reads exactly `text`, and the text of the paragraph after it."""
    index = next(i for i, p in enumerate(found.paragraphs) if p.text == text)
    return found.paragraphs[index].kind, text, found.paragraphs[index + 1].text


def test_a_side_heading_in_the_margin_is_a_heading_before_the_paragraph_it_stands_beside() -> None:
    """ "Results in Brief" is set level with the paragraph's first line, a wide gutter to its left: no word of it."""
    kind, _, text = after(report(GRANTS), "Results in Brief")
    assert kind == "heading"
    assert text.startswith("Although there are various ways to design grants to encourage performance accountability,")
    assert text.endswith("can influence the extent of performance accountability achieved.")


def test_the_same_house_layout_from_framemaker_reads_its_side_heading_apart_too() -> None:
    kind, _, text = after(report(RESULTS), "Results in Brief")
    assert kind == "heading"
    assert text.startswith("Agencies can use performance information to make various types of")


def test_a_side_heading_of_two_lines_is_read_whole_before_its_text() -> None:
    """ "Child Support" over "Enforcement" stands beside the paragraph's first two lines."""
    kind, _, text = after(report(GRANTS), "Child Support Enforcement")
    assert kind == "heading"
    assert text.startswith("The CSE program was established in 1975 by Title IV-D of the Social Security Act")


def test_a_side_heading_in_the_texts_own_type_is_read_apart_from_its_text() -> None:
    """ "Execute Mechanisms Consistently" is set a point larger than the text, not in heading type."""
    _, _, text = after(report(GRANTS), "Execute Mechanisms Consistently")
    assert text.startswith("The grantor must execute the mechanisms consistently and as designed to preserve")


def test_a_bullet_level_with_a_side_headings_line_opens_its_own_item() -> None:
    """The bullet of "ensure grantor and grantee technical capacity" reaches up beside the heading's line
    "Performance" (17 points), which it overlaps less than its own item's line."""
    items = [p.text for p in report(GRANTS).paragraphs if p.kind == "bullet"]
    assert "ensure appropriate measurement selection and usage," in items
    assert "ensure grantor and grantee technical capacity, and" in items


def test_the_reports_footnotes_resolve_from_their_markers() -> None:
    found = report(GRANTS)
    assert sorted(found.footnotes) == list(range(1, 28))
    assert found.footnote(6) == "Pub. L. No. 98-502."
    assert any("The Single Audit Act,[6] for example, requires grantees" in p.text for p in found.paragraphs)


def test_a_google_doc_printed_from_a_browser_has_its_two_line_title_and_no_byline() -> None:
    found = report(PARTNERSHIP)
    assert (found.title, found.author) == ("18F Partnership Principles", None)


def test_ligatures_of_a_browser_printed_document_read_as_their_letters() -> None:
    texts = [p.text for p in report(PARTNERSHIP).paragraphs]
    assert "Understanding your problem first" in texts
    assert not any("\ufb01" in text or "\ufb00" in text or "\ufb03" in text for text in texts)


def test_a_bulleted_item_running_over_a_page_break_stays_one_item() -> None:
    item = next(p for p in report(PARTNERSHIP).paragraphs if p.text.startswith("Authority to make decisions:"))
    assert item.kind == "bullet"
    assert item.text.endswith("to the project without additional review from superiors.")


def test_a_covers_logo_in_the_margin_does_not_take_the_title_from_the_large_lines_beside_it() -> None:
    """The cover sets "GAO" in 36 points in the margin, level with the addressee, and the title in 36 points below:
    the title's lines are the title, none of them left as a paragraph."""
    found = report(GRANTS)
    assert (
        found.title == "GRANTS MANAGEMENT: Enhancing Performance Accountability Provisions Could Lead to Better Results"
    )
    assert not {"GRANTS", "MANAGEMENT", "Enhancing"} & {p.text for p in found.paragraphs}

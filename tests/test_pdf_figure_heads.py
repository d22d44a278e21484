"""Cells read across as prose: a score card's heads over its figures, a ranking set as columns without rules, and an
appendix reprinting a memo in a larger size than the report. Read as lines, the heads run together into a phrase no
one wrote and the ranking into paragraphs of names and figures; measured against the report's body, every line of
the memo was a heading. Heads with their figures and unruled tables are left out like other tables; the memo's
sentences and items are read as the page prints them."""

from __future__ import annotations

from pathlib import Path

from qa.corpus import Article
from tests.parsed import REAL, articles

WILD = Path(__file__).parent / "data" / "wild"
CARD = WILD / "rdr-index-2020-baidu.pdf"
REPORT = WILD / "uscourts-2012-cmecf-additional-stakeholders-report.pdf"


def on_page(parsed: tuple[Article, ...], page: int) -> list[str]:
    return [p.text for article in parsed for p in article.paragraphs if p.page == page]


def kinds(parsed: tuple[Article, ...]) -> dict[str, str]:
    return {p.text: p.kind for article in parsed for p in article.paragraphs}


def test_a_score_cards_heads_over_its_figures_are_no_paragraph() -> None:
    page = on_page(articles(WILD / "rdr-index-2018-report.pdf"), 85)
    assert "RANK SCORE DIFFERENCE FROM 2017" not in page
    assert "Apple Inc." in page
    assert "Key Findings:" in page


def test_the_names_over_a_set_of_dials_and_their_figures_are_no_paragraphs() -> None:
    page = on_page(articles(CARD), 2)
    assert "Governance Freedom of Expression Privacy" not in page
    assert "11% 13% 37%" not in page


def test_the_caption_under_a_set_of_dials_stays() -> None:
    page = on_page(articles(CARD), 2)
    assert (
        "We rank companies on their governance, and on their policies and practices a ecting freedom of expression"
        " and privacy." in page
    )


def test_a_ranking_set_in_columns_without_rules_is_no_paragraph() -> None:
    page = on_page(articles(CARD), 1)
    assert not any("Verizon Media" in text or "53%" in text for text in page)


def test_the_text_beside_a_ranking_set_in_columns_stays() -> None:
    page = on_page(articles(CARD), 1)
    assert page[0] == "Digital platforms"
    assert any(
        text.startswith("Headquartered in China, Baidu provides a wide range of internet services") for text in page
    )
    assert any(
        text.startswith("Baidu tied with Alibaba for 10th place out of the 14 digital platforms") for text in page
    )


def test_the_head_row_over_a_ranking_set_in_columns_is_no_paragraph() -> None:
    page = on_page(articles(WILD / "rdr-index-2018-report.pdf"), 21)
    assert not any("COMPANY" in text or "SCORE TOTAL" in text for text in page)


def test_the_rows_of_a_rankings_longer_column_past_the_others_are_no_paragraph() -> None:
    """RDR 2018's Figure 1 ranks 12 internet companies beside 10 telecommunications companies: its last two rows hold
    only a name and a score each."""
    page = on_page(articles(WILD / "rdr-index-2018-report.pdf"), 21)
    assert not any("Mail.Ru" in text or "Baidu" in text for text in page)


def test_the_caption_and_group_titles_over_a_ranking_set_in_columns_stay() -> None:
    page = on_page(articles(WILD / "rdr-index-2018-report.pdf"), 21)
    assert "Figure 1 | The 2018 Corporate Accountability Index ranking" in page
    assert "Internet and mobile ecosystem companies" in page
    assert "Telecommunications companies" in page


def test_a_memo_set_larger_than_the_report_around_it_is_read_as_sentences_not_headings() -> None:
    found = kinds(articles(REPORT))
    sentence = (
        "The Securities and Exchange Commission is a federal agency whose mission is to “protect investors, maintain"
        " fair, orderly, and efficient markets, and facilitate capital formation.[1]”"
    )
    assert found[sentence] == "text"


def test_a_memos_numbered_items_are_items() -> None:
    found = kinds(articles(REPORT))
    assert found["1. Standardize system across courts;"] == "bullet"
    assert found["2. Provide single sign-on for multiple courts;"] == "bullet"


def test_a_memos_headings_stand_out_from_its_own_text() -> None:
    found = kinds(articles(REPORT))
    assert found["BACKGROUND"] == "heading"
    assert found["RECOMMENDATIONS"] == "heading"


def test_a_paragraph_read_before_a_score_cards_heads_does_not_run_on_into_the_text_after_them() -> None:
    page = on_page(articles(WILD / "rdr-index-2018-report.pdf"), 85)
    analysis = next(text for text in page if text.startswith("Apple placed seventh out of the 12 internet"))
    assert analysis.endswith("U.S. law prevents companies from disclosing the exact number of government requests for")


def test_a_slides_title_set_a_little_larger_than_its_text_and_wrapped_is_one_heading() -> None:
    found = kinds(articles(REAL / "gao-infant-formula-2006.pdf"))
    title = (
        "Formula Marketing: Extent of Marketing Difficult to Quantify; Data Show Mass Media Advertising Has Increased"
    )
    assert found[title] == "heading"


def test_a_slides_points_set_larger_than_the_report_are_items_not_headings() -> None:
    found = kinds(articles(REAL / "gao-infant-formula-2006.pdf"))
    assert found["Marketing data is generally proprietary and not regularly collected by government agencies."] == (
        "bullet"
    )
    assert found["Our review was conducted in accordance with generally accepted government auditing standards."] == (
        "text"
    )

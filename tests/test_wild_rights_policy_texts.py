"""Three policy texts on rights in the wild collection (tests/data/wild, see its manifest.jsonl), each from a producer
the collection had not held: a page of the 2019 Ranking Digital Rights Index in its Jekyll source, whose notes live in
the front matter for the layout to print at the page's foot; Open Ownership's draft declaration of the Disclosure
Principles, a Word file typed with no heading style at all, its name a centred bold line; and GitHub's statement against
modern slavery in GitHub Docs' site-policy Markdown.

Expected values are what each page prints.
"""

from __future__ import annotations

from pathlib import Path

from qa.corpus import Article
from qa.settings import PROJECT_ROOT
from tests.parsed import articles

WILD = PROJECT_ROOT / "tests" / "data" / "wild"
SUMMARY = WILD / "rdr-index-2019-executive-summary.md"
PRINCIPLES = WILD / "openownership-2019-disclosure-principles-draft.docx"
STATEMENT = WILD / "github-2018-statement-against-modern-slavery.md"


def article(path: Path) -> Article:
    (only,) = articles(path)
    return only


def test_jekyll_page_without_a_title_key_is_titled_by_its_heading_and_names_no_author_or_date() -> None:
    """The front matter has layout keys only; the body opens with a Setext h1 "Executive summary"."""
    assert (article(SUMMARY).title, article(SUMMARY).author, article(SUMMARY).date) == ("Executive summary", None, None)


def test_notes_the_front_matter_holds_for_the_layout_are_the_pages_notes() -> None:
    """`footnotes: |` holds five `<p class="footnotes"><span>[n]</span> ...</p>`, printed under "Footnotes"."""
    assert [number for number, _ in article(SUMMARY).footnote_list()] == [1, 2, 3, 4, 5]
    assert article(SUMMARY).footnote(1) == "Figures as of April 18, 2019. Bloomberg Markets, www.bloomberg.com/markets"


def test_raised_number_linked_to_the_notes_heading_is_a_marker() -> None:
    """`... nearly USD 5 trillion.[<sup>1</sup>](#footnotes) Their products ...`: the page shows a raised 1."""
    assert any(
        "combined market capitalization of nearly USD 5 trillion.[1] Their products" in paragraph.text
        for paragraph in article(SUMMARY).paragraphs
    )


def test_word_draft_typed_without_styles_is_named_by_its_centred_bold_first_line() -> None:
    """No Title style, no heading style, no core title: the first paragraph is centred and bold."""
    assert article(PRINCIPLES).title == (
        "Declaration of national commitment to meet the Beneficial Ownership Transparency Disclosure Principles"
    )
    assert article(PRINCIPLES).paragraphs[0].text == "A new global norm of beneficial ownership transparency"


def test_word_draft_saved_last_by_another_account_than_its_creator_names_no_author() -> None:
    """Core creator "Baisya Rajib", lastModifiedBy "Loren Treisman": two accounts, neither printed; the draft names
    no author (docx4j's guide, which its creator alone saved, keeps him: tests/test_wild_word_notes.py)."""
    assert article(PRINCIPLES).author is None


def test_word_drafts_footnote_is_read_and_marked_where_it_is_cited() -> None:
    assert article(PRINCIPLES).footnote(1).startswith("Countries eligible for overseas development assistance.")
    assert any("development assistance eligible countries[1] receive" in p.text for p in article(PRINCIPLES).paragraphs)


def test_site_policy_page_is_titled_by_its_front_matter_and_names_no_author_or_date() -> None:
    """No h1; "_2018 statement_" names the year the statement covers, not a date of publication."""
    assert (article(STATEMENT).title, article(STATEMENT).author, article(STATEMENT).date) == (
        "GitHub Statement Against Modern Slavery and Child Labor",
        None,
        None,
    )


def test_bullet_written_with_a_tab_after_its_asterisk_is_an_item() -> None:
    """`   *\tWomen and girls are disproportionately affected ...` among items written `   * `."""
    (item,) = (p for p in article(STATEMENT).paragraphs if p.text.startswith("Women and girls are disproportionately"))
    assert item.kind == "bullet"


def test_word_draft_saved_last_by_another_account_takes_no_date_from_its_core_properties() -> None:
    """It prints no date; created 2019-03-04 by one account and modified 2019-05-23 by another (the day it was
    uploaded): a draft that passed between hands, whose saves date neither the text nor its issue."""
    assert article(PRINCIPLES).date is None

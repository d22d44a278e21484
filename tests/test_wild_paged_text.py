"""A Board of Immigration Appeals decision as plain text extracted from the agency's PDF (tests/data/wild, see its
manifest.jsonl): no form feeds, one line per paragraph, and on each of its 13 pages a running head at the top, the
page's notes and its number at the foot.

Expected values are what the decision prints.
"""

from __future__ import annotations

from qa.corpus import Article
from qa.settings import PROJECT_ROOT
from tests.parsed import articles

DECISION = PROJECT_ROOT / "tests" / "data" / "wild" / "bia-2022-matter-of-laguerre.txt"
RUNNING_HEAD = "Cite as 28 I&N Dec. 437 (BIA 2022) Interim Decision #4035"


def decision() -> Article:
    (article,) = articles(DECISION)
    return article


def texts() -> list[str]:
    return [p.text for p in decision().paragraphs]


def test_the_running_head_on_every_page_is_not_the_title_the_caption_under_it_is() -> None:
    assert decision().title == "Matter of Emmanuel LAGUERRE, Respondent"


def test_the_decided_line_gives_the_date() -> None:
    assert decision().date == "2022-01-20"


def test_the_opinions_opening_line_gives_its_author() -> None:
    assert decision().author == "GORMAN, Appellate Immigration Judge"


def test_no_paragraph_is_the_running_head_or_a_page_number() -> None:
    assert not any(RUNNING_HEAD in text or text.strip().isdigit() for text in texts())


def test_every_marker_glued_to_its_word_resolves_to_the_note_at_its_page_foot() -> None:
    article = decision()
    markers = [(p.page, m.number) for p in article.paragraphs for m in p.markers]
    # notes 4 and 5 are marked atop pages 7 and 8, in paragraphs the page before breaks: a paragraph's page is where
    # it starts
    assert markers == [(1, 1), (2, 2), (3, 3), (6, 4), (7, 5), (9, 6)]
    assert (
        article.footnote(4)
        == "We note that Gibson is the only published case the respondent cites in support of this argument."
    )
    assert next(p.text for p in article.paragraphs if p.markers).endswith(
        "has appealed from this decision.[1] The DHS’s appeal will be sustained, the removal proceedings will be"
        " reinstated, and the record will be remanded to the Immigration Judge for further proceedings."
    )


def test_notes_are_no_paragraphs() -> None:
    assert not any(text.startswith(("1 The Board heard", "5 At the time", "6 Other circuits")) for text in texts())
    assert not any(text.startswith("(2) Any controlled dangerous substance") for text in texts())


def test_a_note_quoting_a_statute_keeps_the_statute_under_it() -> None:
    note = decision().footnote(5)
    assert note is not None
    assert note.startswith("At the time of the respondent’s conviction, section 2C:35-10(a) of the New Jersey Statutes")
    assert note.endswith("be required to perform not less than 100 hours of community service.")


def test_a_note_breaking_off_mid_citation_runs_on_at_the_next_page_foot() -> None:
    note = decision().footnote(6)
    assert note is not None
    assert "759 F.3d 977, 985 (9th Cir. 2014) (citations omitted). But see Johnson v. Barr" in note
    assert not any(text.startswith("Cir. 2014) (citations omitted).") for text in texts())


def test_a_body_line_opening_with_a_number_no_marker_points_to_stays_text() -> None:
    assert any(text.startswith("18 Pa. Stat. and Cons. Stat. § 7512(a) (West 2015)") for text in texts())
    assert sorted(decision().footnotes) == [1, 2, 3, 4, 5, 6]


def test_a_paragraph_a_page_breaks_mid_sentence_is_one_paragraph_on_the_page_it_starts() -> None:
    """Page 3 ends "... to ascertain whether there", page 4 goes on "is a State court decision that ..." under the
    page's note, its number and the running head."""
    (paragraph,) = [p for p in decision().paragraphs if "whether there is a State court decision" in p.text]
    assert paragraph.page == 3
    assert paragraph.text.startswith("In Mathis, the Supreme Court set forth three inquires")
    assert "Second, the Court instructed adjudicators to determine" in paragraph.text


def test_a_paragraph_going_on_in_lower_case_after_a_citations_number_is_one_paragraph() -> None:
    """Page 12 breaks off inside a citation ("See Pereida v. Wilkinson, 141"), page 13 goes on "S. Ct. 754"."""
    assert any("See Pereida v. Wilkinson, 141 S. Ct. 754, 767 (2021)" in text for text in texts())


def test_a_paragraph_ending_its_sentence_at_a_page_foot_stays_apart_from_the_next_pages_first() -> None:
    """Page 8 ends a paragraph with its sentence; page 9 opens a paragraph of its own ("Section 780-113(a)(30)")."""
    opening = next(p for p in decision().paragraphs if p.text.startswith("Section 780-113(a)(30) prohibits"))
    previous = decision().paragraphs[opening.index - 2]
    assert (previous.page, opening.page) == (8, 9)
    assert previous.text.startswith("The DHS also argues that section 2C:35-10(a)(1) is similar")


def test_a_heading_at_a_page_top_is_joined_to_nothing() -> None:
    assert "C. Record of Conviction" in texts()


def test_the_counsel_listed_under_labels_is_no_heading_over_the_opinion() -> None:
    """ "FOR RESPONDENT: ..." over "FOR THE DEPARTMENT OF HOMELAND SECURITY: ...": a list of fields."""
    paragraphs = decision().paragraphs
    counsel = next(p for p in paragraphs if p.text.startswith("FOR RESPONDENT:"))
    opening = next(p for p in paragraphs if p.text.startswith("In a decision dated August 10, 2020"))
    assert (counsel.kind, opening.section) == ("text", None)

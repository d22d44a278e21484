"""Court opinions' titles, paragraph numbers and page heads, on three opinions of the wild collection
(tests/data/wild, see its manifest.jsonl): a US Supreme Court slip opinion (PScript5/Distiller), a state supreme
court's opinion typed in Word 2013 with its paragraphs numbered in the margin, and a federal court of appeals'
opinion typed in Courier under a caption that names its parties' roles.

Expected values are what each document prints, as `pdftotext` shows it.
"""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from eval.reference import quote_in_reference, reference
from qa.corpus import Article
from qa.settings import PROJECT_ROOT
from tests.parsed import articles

WILD = PROJECT_ROOT / "tests" / "data" / "wild"
STATE = WILD / "ncsc-2022-gift-surplus-opinion.pdf"
SLIP = WILD / "scotus-2013-tarrant-v-herrmann.pdf"
TYPED = WILD / "ca1-2020-calvary-chapel-v-mills.pdf"
needs_pdftotext = pytest.mark.skipif(shutil.which("pdftotext") is None, reason="needs poppler's pdftotext")


def only(path: Path) -> Article:
    (article,) = articles(path)
    return article


def texts(path: Path) -> list[str]:
    return [p.text for p in only(path).paragraphs]


def after(path: Path, text: str) -> str:
    """The paragraph that follows the one reading `text`."""
    found = texts(path)
    return found[found.index(text) + 1]


def test_case_caption_under_the_courts_name_is_the_title() -> None:
    """The largest line of page 1 is the court's name, in 15-point bold, which heads every opinion it issues; the
    caption set under it in capitals, parted by "v.", names this case."""
    assert only(SLIP).title == "TARRANT REGIONAL WATER DISTRICT v. HERRMANN ET AL."


def test_caption_the_running_head_prints_is_the_title_where_page_one_lists_every_party() -> None:
    """Page 1 lists the parties over ten left-aligned lines, with their roles; the running head gives the case's
    name."""
    assert only(STATE).title == "GIFT SURPLUS, LLC V. STATE EX REL. COOPER"


def test_caption_naming_its_parties_roles_gives_the_case_name_the_text_cites_not_the_courts_name() -> None:
    """Page 1 sets "United States Court of Appeals" in 24 points over the caption "CALVARY CHAPEL OF BANGOR, /
    Plaintiff, Appellant, / v. / JANET T. MILLS, in her official capacity as ... / Defendant, Appellee." in the
    text's size; the opinion cites the case decided below by the same parties as "Calvary Chapel of Bangor v.
    Mills"."""
    assert only(TYPED).title == "Calvary Chapel of Bangor v. Mills"


def test_caption_naming_its_parties_roles_stays_in_the_text() -> None:
    """The title shortens the caption (the governor by surname, her capacity left out): the parties as printed
    stay readable."""
    party = "JANET T. MILLS, in her official capacity as Governor of the State of Maine, Defendant, Appellee."
    assert party in texts(TYPED)


def test_a_case_named_in_a_sentence_gives_no_title() -> None:
    """The opinions cite cases in their text ("Hest Techs., Inc. v. State ex rel. Perdue"): parties in lower case
    are no caption."""
    assert only(STATE).title != "Hest Techs., Inc. v. State ex rel. Perdue"
    assert any(t.startswith("Hest Techs., Inc. v. State ex rel. Perdue, 366 N.C. 289") for t in texts(STATE))


def test_paragraph_number_in_the_margin_is_a_paragraph_of_its_own() -> None:
    """The number "¶ 15" stands in the left margin beside the paragraph's first line, in the text's line:
    pdftotext reads it apart, and the paragraph's first sentence starts after it."""
    assert "¶ 15" in texts(STATE)
    assert after(STATE, "¶ 15").startswith("On appeal, plaintiffs first argue the Court of Appeals erred")


def test_paragraph_number_in_the_margin_opens_a_new_paragraph() -> None:
    """Paragraph 12 ends a full line with a sentence, and paragraph 13 starts one line space below: double-spaced
    text shows no gap between them, but the number in the margin opens paragraph 13."""
    assert after(STATE, "¶ 13").startswith("Defendants appealed the trial court’s judgment to the Court of Appeals.")
    assert not [t for t in texts(STATE) if "Defendants appealed the trial court’s judgment" in t and "¶ 12" in t]


def test_paragraph_numbers_at_page_feet_are_no_running_footer() -> None:
    """The numbers "¶ 8" and "¶ 29" stand in the last row of their pages, and read alike with the number ignored:
    numbers in the margin label paragraphs, they are no page furniture."""
    numbers = [t for t in texts(STATE) if t.startswith("¶")]
    assert numbers == [f"¶ {n}" for n in range(1, 38)]


@needs_pdftotext
def test_paragraphs_that_open_beside_a_margin_number_are_verbatim() -> None:
    ref = reference(STATE)
    opening = [after(STATE, t) for t in texts(STATE) if t.startswith("¶")]
    assert len(opening) == 37
    assert [t for t in opening if not quote_in_reference(t[:200], ref)] == []


def test_first_pages_own_head_numbered_like_every_other_page_is_no_paragraph() -> None:
    """Page 1 opens with "(Slip Opinion)  OCTOBER TERM, 2012  1", printed on no other page; every page's first row
    sets its page number apart at one end as it does."""
    assert not [t for t in texts(SLIP) if "OCTOBER TERM" in t or "(Slip Opinion)" in t]


def test_judge_heading_the_opinion_with_the_title_after_the_name_is_the_author() -> None:
    """The opinion opens under the counsel list with "HUDSON, Justice.", a line of its own: the judge as the court
    prints her, not the Info Author, an account name ("localuser") printed nowhere."""
    assert only(STATE).author == "HUDSON, Justice"


def test_judge_cited_in_a_sentence_with_the_title_after_the_name_is_no_author_line() -> None:
    """The opinion cites dissents as "(Ervin, J., dissenting)" inside its sentences: the line it stands in goes on."""
    assert any("(Ervin, J., dissenting)" in text for text in texts(STATE))
    assert only(STATE).author != "Ervin, J"


def test_judge_line_with_an_office_of_words_running_into_the_first_sentence_is_the_author() -> None:
    """Page 3 opens "SELYA, Circuit Judge.  This interlocutory appeal arises": the opinion's first sentence goes on
    in the same line. Page 1's panel, "Before Howard, Chief Judge, Selya and Barron, Circuit Judges.", comes first
    and is no such line."""
    assert only(TYPED).author == "SELYA, Circuit Judge"


def test_courts_name_printed_again_over_the_opinion_is_no_heading() -> None:
    """Page 5 prints "SUPREME COURT OF THE UNITED STATES" over the opinion's caption, as page 1 does over the
    syllabus's: the court that issues the opinion, no heading of the caption and the text under it."""
    paragraphs = only(SLIP).paragraphs
    assert not [p for p in paragraphs if p.text == "SUPREME COURT OF THE UNITED STATES"]
    opening = next(p for p in paragraphs if p.text.startswith("JUSTICE SOTOMAYOR delivered the opinion of the Court."))
    assert opening.section is None
    assert "No. 11–889" in texts(SLIP)


def test_judge_delivering_the_opinion_is_the_author_not_the_syllabus_note() -> None:
    """The syllabus ends "SOTOMAYOR, J., delivered the opinion for a unanimous Court." (the Reporter's summary, no
    part of the opinion); the opinion opens "JUSTICE SOTOMAYOR delivered the opinion of the Court.\""""
    assert only(SLIP).author == "JUSTICE SOTOMAYOR"


def test_the_last_of_the_dated_events_the_first_page_lists_is_the_date() -> None:
    """Page 1 prints "No. 11–889. Argued April 23, 2013—Decided June 13, 2013": the opinion is dated by the
    decision, the last event."""
    assert only(SLIP).date == "2013-06-13"


def test_a_part_label_centred_over_its_part_is_a_heading_not_the_paragraphs_first_word() -> None:
    """The opinion's parts open with "I" over "A" over the text, each set alone in the middle of the line."""
    paragraphs = only(SLIP).paragraphs
    at = next(i for i, p in enumerate(paragraphs) if p.text.startswith("The Red River (or River) begins"))
    assert [(p.text, p.kind) for p in paragraphs[at - 2 : at]] == [("I", "heading"), ("A", "heading")]
    assert not any(p.text.startswith(("I A The Red River", "1 The background notion")) for p in paragraphs)


def test_a_column_of_chart_values_is_no_part_label() -> None:
    """The 2017 index's bar charts print their values one above the other: a run of numbers labels no part."""
    parsed = articles(PROJECT_ROOT / "eval" / "real" / "docs" / "rdr-index-2017.pdf")
    headings = {p.text for a in parsed for p in a.paragraphs if p.kind == "heading"}
    assert not headings & {"88", "81", "74", "60", "50"}


def test_a_rule_typed_as_underscores_under_the_masthead_is_no_paragraph() -> None:
    assert not any(set(text) <= set("_—–- ") for text in texts(SLIP))


ST_PIERRE = WILD / "ca5-2022-st-pierre-v-standard-insurance.pdf"


def test_caption_in_small_capitals_parted_by_versus_gives_the_case_name_not_the_courts_name() -> None:
    """Page 1 sets "United States Court of Appeals / for the Fifth Circuit" in 24 points over the caption "Vanessa St.
    Pierre, / Plaintiff—Appellant, / versus / Standard Insurance Company; Dearborn National Life Insurance Company,
    / Defendants—Appellees." in small capitals, read in mixed case; the opinion calls the first party "St. Pierre"
    throughout, and the case is named by the first party of each side."""
    assert only(ST_PIERRE).title == "St. Pierre v. Standard Insurance Company"

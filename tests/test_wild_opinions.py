"""Three court opinions of the wild collection (tests/data/wild, see its manifest.jsonl): a state supreme court's
opinion typed double-spaced in Word 2013 with footnotes a point smaller than its text, a US Supreme Court slip
opinion whose Reporter's syllabus is set in the same small type as the opinion's footnotes, and a federal court of
appeals' opinion typed in Courier, double-spaced and fully justified.

Expected values are what each document prints, as `pdftotext` shows it.
"""

from __future__ import annotations

from qa.corpus import Article
from qa.settings import PROJECT_ROOT
from tests.parsed import articles

WILD = PROJECT_ROOT / "tests" / "data" / "wild"
STATE = WILD / "ncsc-2022-gift-surplus-opinion.pdf"
SLIP = WILD / "scotus-2013-tarrant-v-herrmann.pdf"
TYPED = WILD / "ca1-2020-calvary-chapel-v-mills.pdf"


def only(path: object) -> Article:
    (article,) = articles(path)  # type: ignore[arg-type]
    return article


def texts(path: object) -> list[str]:
    return [p.text for p in only(path).paragraphs]


def test_double_spaced_paragraph_reads_as_one_paragraph_not_one_per_line() -> None:
    """Every line of the opinion stands 1.4 of its size below the one before, wider than a paragraph gap."""
    text = next(t for t in texts(STATE) if "sued Governor" in t)
    assert text.startswith("Gift Surplus, LLC, and Sandhill Amusements, Inc., (plaintiffs) sued Governor Roy")
    assert (
        "As we held over one hundred years ago and reaffirmed when plaintiffs appeared before this Court challenging"
        " the video sweepstakes ban twelve years ago,"
    ) in text


def test_footnote_a_point_smaller_than_the_text_resolves_and_leaves_the_text() -> None:
    """The notes are set in 11.04 points under 12-point text: 0.92 of it, as small as a note is."""
    assert only(STATE).footnotes[1] == (
        "A fuller history of the General Assembly’s efforts to combat the circumvention of gambling laws is provided"
        " in Hest, 366 N.C. at 289–92."
    )
    assert not [t for t in texts(STATE) if t.startswith("[1] A fuller history")]


def test_syllabus_set_in_the_notes_size_is_text_not_footnotes() -> None:
    """The syllabus pages hold nothing larger than 9 points: numbered holdings there open no notes."""
    assert "1. The Compact does not pre-empt the Oklahoma water statutes. Pp. 9–22." in texts(SLIP)
    assert only(SLIP).footnotes[1].startswith("Interpretive comments were included in the Compact")


def test_note_line_wrapping_at_a_number_goes_on_with_the_note() -> None:
    """Note 4's line "5 and 40 percent of undesignated water ..." follows "originating in subbasin": the foot's
    notes open with raised numbers, so a plain 5 opens no note."""
    assert (
        "originating in subbasin 5 and 40 percent of undesignated water flowing into subbasin 5"
        in (only(SLIP).footnotes[4])
    )
    assert only(SLIP).footnotes[5].startswith("Under §2.10 of the Compact each signatory State retains")


def test_note_going_on_under_the_next_pages_rule_of_dashes_is_whole() -> None:
    """Note 6 breaks at "Dic-"; the next page's foot holds only its rule ("——————") and "tionary 19 (1966).\""""
    assert only(SLIP).footnotes[6].endswith("Webster’s Third New International Dictionary 19 (1966).")
    assert not [t for t in texts(SLIP) if t in ("——————", "tionary 19 (1966).")]


def test_a_running_head_three_rows_deep_is_no_paragraph() -> None:
    """Each page heads the text with the case name (or the page's cite), the docket line and "Opinion of the Court":
    a third row, under two that repeat too, is page furniture as they are."""
    assert [t for path in (STATE, SLIP) for t in texts(path) if "Opinion of the Court" in t] == []


def test_a_sentence_running_over_a_page_break_under_the_running_head_is_whole() -> None:
    assert any(
        "there would be no guaranteed flow of water to Louisiana." in t and "At issue in this case" in t
        for t in texts(SLIP)
    )


def test_fully_justified_typewriter_line_reads_across_its_wide_word_spaces() -> None:
    """Justified Courier stretches the opinion's word spaces to 19 points and the two after a full stop to 38: lined
    up on a few rows, they looked like a gutter, and "United" and "(2020)" were read after "Carefully balancing"."""
    assert any(
        "S. Bay United Pentecostal Church v. Newsom, 140 S. Ct. 1613, 1613 (2020) (Roberts, C.J., concurring)."
        " Carefully balancing these considerations" in t
        for t in texts(TYPED)
    )


def test_typed_caption_page_list_of_amici_reads_in_order() -> None:
    """The caption page's list of amici churches is typed the same way: no column of it is read apart."""
    assert any(
        "on brief for Emmanuel Bible Baptist Church, Grace Community Chapel, First Church of Waterville," in t
        for t in texts(TYPED)
    )


def test_footnote_in_the_text_size_under_a_short_rule_resolves_and_leaves_the_text() -> None:
    """The typed opinion sets its notes in the text's own 12 points under a short drawn rule at the page's foot: the
    rule, not the size, says where the notes begin."""
    assert only(TYPED).footnotes[1] == (
        "The Chapel claimed violations of the Free Exercise Clause of the First Amendment (Count I); the First"
        " Amendment right to peaceful assembly (Count II); the Free Speech Clause of the First Amendment (Count III);"
        " the Establishment Clause of the First Amendment (Count IV); the Equal Protection Clause of the Fourteenth"
        " Amendment (Count V); the Guarantee Clause of Article IV (Count VI); the Maine Constitution's guarantee of"
        " free exercise of religion (Count VII); the Maine Constitution's freedom of speech guarantee (Count VIII);"
        " legislative prerogatives (Count IX); and the Religious Land Use and Institutionalized Persons Act, 42"
        " U.S.C. §§ 2000cc-2000cc-5 (Count X)."
    )
    assert not [t for t in texts(TYPED) if "The Chapel claimed violations" in t]


def test_sentence_broken_by_a_ruled_foot_of_notes_in_the_text_size_reads_whole() -> None:
    """Page 6 ends "We have no transcript of that" over note 1; page 7 goes on "conference, but Governor Mills"."""
    assert any(
        "We have no transcript of that conference, but Governor Mills apparently agreed" in t for t in texts(TYPED)
    )


def test_every_ruled_foot_of_notes_resolves_and_the_text_runs_past_it() -> None:
    """Page 10's foot holds note 2 under its own short rule; the sentence over it goes on at page 11's top."""
    assert only(TYPED).footnotes[2] == (
        "Even if these circumstances qualified as a close call — and we do not believe that they do — our settled"
        ' practice when confronted with borderline cases is to "resolve[] against immediate appealability."'
        " Morales Feliciano v. Rullan, 303 F.3d 1, 7 (1st Cir. 2002)."
    )
    assert any('to file any opposition to the amicus motion")' in t for t in texts(TYPED))

"""The kind of words a question asks for, and where a sentence holds them."""

from __future__ import annotations

import pytest

from qa.answer_type import marks, wanted


@pytest.mark.parametrize(
    ("question", "kind"),
    [
        ("How many prisoners are held?", "quantity"),
        ("How long was he groomed to succeed his father?", "quantity"),
        ("When did the office open?", "date"),
        ("In what year was the report published?", "date"),
        ("What did the G8 urge North Korea to do?", None),
    ],
)
def test_a_question_asks_for_a_quantity_a_date_or_any_sentence(question: str, kind: str | None) -> None:
    assert wanted(question) == kind


def test_a_quantity_is_a_number_with_its_scale_or_unit_never_a_marker_a_date_or_the_question_s_own() -> None:
    text = "Camp 22 held some 2.5 million people for twenty years, said the October 1, 2012 report.[15]"
    assert [text[s.start : s.end] for s in marks(text, "How many were held in Camp 22?")] == [
        "2.5 million",
        "twenty years",
    ]


def test_a_date_is_a_day_month_and_year_or_a_year() -> None:
    text = "On March 21, 2013 the Council adopted it, and it reported in 2014.[1]"
    assert [text[s.start : s.end] for s in marks(text, "When was it adopted?")] == ["March 21, 2013", "2014"]

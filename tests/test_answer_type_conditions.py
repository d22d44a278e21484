"""A "when" asking under what condition asks no date, and a "where" asking for a source or a role asks no place."""

from __future__ import annotations

import pytest

from qa.answer_type import answer_type, gives_answer_type


@pytest.mark.parametrize(
    "question",
    [
        "When may a tenant withhold rent?",
        "When can an applicant appeal the refusal?",
        "When does the exemption not apply?",
        "When doesn't the warranty cover repairs?",
        "When does the right to erasure apply?",
        "When do conflicts of interest arise?",
        "When is a permit required for the works?",
    ],
)
def test_a_when_with_a_modal_a_negation_or_a_verb_of_applying_asks_a_condition(question: str) -> None:
    assert answer_type(question) == "other"


@pytest.mark.parametrize(
    "question",
    [
        "When does the regulation start to apply?",
        "When did the tariff apply to imports from Canada?",
        "When will the rule take effect?",
        "When does the committee meet?",
        "When was the permit required for the first time?",
    ],
)
def test_a_when_in_the_past_or_future_or_of_a_start_still_asks_a_date(question: str) -> None:
    assert answer_type(question) == "date"


@pytest.mark.parametrize(
    "question",
    [
        "Where does the word 'quarantine' come from?",
        "Where does the ballad get its sadness from, according to the editor?",
        "Where do the new categories fit among the old ones?",
        "Where does the minister stand on tariffs?",
        "Where does this reasoning lead?",
    ],
)
def test_a_where_asking_a_source_a_role_or_a_consequence_asks_no_place(question: str) -> None:
    assert answer_type(question) == "other"


@pytest.mark.parametrize(
    "question",
    [
        "Where was the treaty signed?",
        "Where is the archive kept?",
        "Where does the river reach the sea?",
        "Where did the delegates travel, apart from France?",
    ],
)
def test_a_where_asking_a_location_asks_a_place(question: str) -> None:
    assert answer_type(question) == "place"


def test_a_circumstance_without_a_date_answers_a_when_asking_a_condition() -> None:
    circumstance = "The exemption does not apply to firms that were never registered."
    assert gives_answer_type(circumstance, "When does the exemption not apply?")
    assert not gives_answer_type(circumstance, "When did the exemption first apply?")


def test_a_source_that_is_no_name_answers_a_where_from() -> None:
    source = "The poem draws its sadness from the refrain that closes each stanza."
    assert gives_answer_type(source, "Where does the poem get its sadness from?")
    assert not gives_answer_type(source, "Where was the poem first printed?")

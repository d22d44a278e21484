"""A question's first interrogative sets the kind of answer it wants; a quote agrees when it gives one."""

from __future__ import annotations

from pathlib import Path

import pytest

from qa import Assistant
from qa.answer_type import answer_type, gives_answer_type, marks

WILD = Path(__file__).parent / "data" / "wild"


@pytest.mark.parametrize(
    ("question", "kind"),
    [
        ("How many Americans has North Korea held in recent years?", "quantity"),
        ("By how many dollars did donations fall?", "quantity"),
        ("What percentage of infants were breastfed?", "quantity"),
        ("How long was he groomed to succeed his father?", "quantity"),
        ("When did the office open?", "date"),
        ("In what year was the rule first published?", "date"),
        ("Who chaired the inquiry?", "agent"),
        ("Which organisation issues the notes?", "agent"),
        ("Where was the office set up?", "place"),
        ("What did the G8 urge North Korea to do?", "other"),
        ("Botswana", "other"),
    ],
)
def test_the_question_words_name_the_kind_of_answer(question: str, kind: str) -> None:
    assert answer_type(question) == kind


def test_the_first_interrogative_decides_so_a_why_question_that_says_how_many_asks_why() -> None:
    assert answer_type("Why did the report say how many prisoners were held?") == "other"


def test_a_clause_before_a_comma_and_another_interrogative_is_not_the_question() -> None:
    assert answer_type("When talks stalled before, what did the government want in return?") == "other"


def test_a_number_in_words_or_digits_gives_a_quantity() -> None:
    question = "How many Americans has North Korea held?"
    assert gives_answer_type("Currently, there are two, including a university student", question)
    assert gives_answer_type("some 100,000 are estimated to have families in the North", question)


def test_years_markers_and_the_questions_own_numbers_are_not_the_quantity() -> None:
    question = "How many prisoners were held in Camp 22?"
    assert not gives_answer_type("In September 2012, Camp 22 was reported closed.[4]", question)


def test_a_when_question_needs_a_date_or_year() -> None:
    assert gives_answer_type("The office opened in Seoul in June 2015.", "When did the office open?")
    assert not gives_answer_type("The office opened in Seoul.", "When did the office open?")


def test_a_when_question_asking_what_one_should_do_asks_no_kind_so_a_circumstance_answers_it() -> None:
    guide = (WILD / "gds-way-incident-management.md").read_text(encoding="utf-8")
    advice = next(line for line in guide.splitlines() if "as soon as you detect an incident" in line)
    question = "When should containment measures start?"
    assert answer_type(question) == "other"
    assert gives_answer_type(advice, question)


def test_a_who_question_needs_a_name_the_question_does_not_hold() -> None:
    assert gives_answer_type("The inquiry was chaired by Michael Kirby.", "Who chaired the inquiry?")
    assert not gives_answer_type("The inquiry was chaired by a judge.", "Who chaired the inquiry?")


def test_a_quantity_is_a_number_with_its_scale_or_unit_never_a_marker_a_date_or_the_questions_own() -> None:
    text = "Camp 22 held some 2.5 million people for twenty years, said the October 1, 2012 report.[15]"
    assert [text[s.start : s.end] for s in marks(text, "How many were held in Camp 22?")] == [
        "2.5 million",
        "twenty years",
    ]


def test_a_date_is_a_day_month_and_year_or_a_year() -> None:
    text = "On March 21, 2013 the Council adopted it, and it reported in 2014.[1]"
    assert [text[s.start : s.end] for s in marks(text, "When was it adopted?")] == ["March 21, 2013", "2014"]


def test_a_question_asking_no_kind_is_agreed_with_by_any_text() -> None:
    assert gives_answer_type("Any sentence at all.", "Why did talks stall?")


def test_an_on_topic_question_about_a_figure_never_given_is_not_answered(assistant: Assistant) -> None:
    answer = assistant.ask("By how many dollars did donations to the World Food Program for North Korea fall?")
    assert answer.abstained
    assert answer.sources == ()
    assert "World Food Program" in answer.nearest[0].paragraph.text


def test_a_question_whose_figure_is_quoted_is_answered(assistant: Assistant) -> None:
    answer = assistant.ask("About how many Korean Americans have relatives living in North Korea?")
    assert not answer.abstained
    assert "100,000" in answer.sources[0].quotes[0].text


def test_a_number_after_a_capitalised_word_inside_a_sentence_names_something_and_is_no_quantity() -> None:
    text = "Funding is set out in Table 2 and Table 3, since the COVID-19 pandemic."
    assert marks(text, "How much did the act provide?") == ()


def test_a_number_after_the_word_opening_a_sentence_is_a_quantity() -> None:
    text = "About 40 people were held. Some 100,000 fled."
    found = [text[m.start : m.end] for m in marks(text, "How many people were held?")]
    assert found == ["40", "100,000"]


def test_a_word_opening_a_sentence_after_a_note_marker_is_no_name() -> None:
    text = "The ledger was signed by the camp commandant.[1] Each entry named a village."
    assert marks(text, "Who signed the ledger?") == ()


def test_a_lists_item_labels_count_nothing() -> None:
    """The FCC's 2015 Open Internet order (tests/data/wild), the passage a wild dev question about form letters
    reached: its only numbers label the items of a list."""
    text = (
        "We solicited feedback on whether the Commission should: (1) establish an advisory opinion process, akin to "
        "“business review letters” issued by the Department of Justice (DOJ), and/or non-binding staff opinions, "
        "through which parties could ask the Commission for a statement of its current enforcement intentions with "
        "respect to certain practices under the new rules;[594] and (2) publish enforcement advisories that provide "
        "additional insight into the application of the rules.[595]"
    )
    assert not gives_answer_type(text, "How many of the comments on the open Internet rules were form letters?")


def test_a_list_is_counted_by_its_number_not_its_item_labels() -> None:
    """The FAA's proposed airworthiness directive for the Boeing 737 MAX (tests/data/wild)."""
    text = (
        "To address the unsafe condition, the FAA proposes to require four design changes: (1) Installing updated "
        "flight control software (with new control laws) for the FCC operational program software (OPS), (2) "
        "installing updated MDS display processing computer (DPC) software to generate an AOA disagree alert,[9] (3) "
        "revising certain AFM flightcrew operating procedures, and (4) changing the routing of horizontal stabilizer "
        "trim wires."
    )
    found = [text[m.start : m.end] for m in marks(text, "How many design changes does the FAA propose?")]
    assert found == ["four"]

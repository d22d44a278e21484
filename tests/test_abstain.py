"""Questions asking for a figure the documents never give are not answered with another figure."""

from __future__ import annotations

from qa import Assistant
from qa.abstain import asks_for_quantity, states_quantity


def test_how_many_and_how_much_ask_for_a_quantity() -> None:
    assert asks_for_quantity("How many Americans has North Korea held in recent years?")
    assert asks_for_quantity("By how many dollars did donations fall?")
    assert not asks_for_quantity("What did the G8 urge North Korea to do?")


def test_a_number_in_words_or_digits_states_a_quantity() -> None:
    question = "How many Americans has North Korea held?"
    assert states_quantity("Currently, there are two, including a university student", question)
    assert states_quantity("some 100,000 are estimated to have families in the North", question)


def test_years_markers_and_the_questions_own_numbers_are_not_the_quantity() -> None:
    question = "How many prisoners were held in Camp 22?"
    assert not states_quantity("In September 2012, Camp 22 was reported closed.[4]", question)


def test_an_on_topic_question_about_a_figure_never_given_is_not_answered(assistant: Assistant) -> None:
    answer = assistant.ask("By how many dollars did donations to the World Food Program for North Korea fall?")
    assert answer.abstained
    assert answer.sources == ()
    assert "World Food Program" in answer.nearest[0].paragraph.text


def test_a_question_whose_figure_is_quoted_is_answered(assistant: Assistant) -> None:
    answer = assistant.ask("About how many Korean Americans have relatives living in North Korea?")
    assert not answer.abstained
    assert "100,000" in answer.sources[0].quotes[0].text

"""A "where" question is answered by a place said in words or by an address, not only by a capitalised name."""

from __future__ import annotations

import pytest

from qa.answer_type import gives_answer_type, marks


def _marked(text: str, question: str) -> list[str]:
    return [text[span.start : span.end] for span in marks(text, question)]


@pytest.mark.parametrize(
    ("text", "place"),
    [
        ("The definitions are always placed at the bottom of the printed page.", "at the bottom"),
        ("Old releases are kept in a separate folder next to the program.", "in a separate folder"),
        ("The minutes are published on the society's website every month.", "on the society's website"),
    ],
)
def test_a_preposition_of_place_and_a_noun_naming_a_place_answer_where(text: str, place: str) -> None:
    assert place in _marked(text, "Where are the notes of the manual kept?")


@pytest.mark.parametrize(
    ("text", "address"),
    [
        (
            "After the move the old pages will be available at oldsite.example.org/archive for a year.",
            "oldsite.example.org/archive",
        ),
        (
            "The reports are listed at https://example.com/reports/2020 with their data.",
            "https://example.com/reports/2020",
        ),
        ("Each run writes its output to /srv/build/output and keeps the logs.", "/srv/build/output"),
    ],
)
def test_a_web_address_a_domain_or_a_file_path_answers_where(text: str, address: str) -> None:
    assert address in _marked(text, "Where will the results be found?")


def test_a_where_question_is_not_answered_by_a_text_naming_no_place() -> None:
    assert not gives_answer_type(
        "The settings are read once and cached for the session.", "Where are the settings kept?"
    )


def test_the_place_a_question_names_itself_is_its_topic_not_its_answer() -> None:
    assert not gives_answer_type("The log is rotated in the log folder every night.", "Where in the folder is the log?")


def test_a_which_country_question_still_wants_named_places_not_a_place_in_words() -> None:
    question = "Which two countries hosted the talks?"
    assert not gives_answer_type("The talks were held in a small building near the border area.", question)
    assert gives_answer_type("The talks were held in Norway and in Sweden.", question)

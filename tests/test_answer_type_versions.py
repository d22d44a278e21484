"""A question asking which version or release of something is answered by a version number."""

from __future__ import annotations

import pytest

from qa.answer_type import answer_type, gives_answer_type, marks


@pytest.mark.parametrize(
    "question",
    [
        "Which Foo release first supported plugins?",
        "In which version of the compiler did the flag stop working?",
        "What version of the library does the guide require?",
    ],
)
def test_a_which_or_what_version_or_release_asks_for_a_version(question: str) -> None:
    assert answer_type(question) == "version"


@pytest.mark.parametrize(
    ("text", "version"),
    [
        ("Plugins arrived in Foo 1.39.0 after a long review.", "1.39.0"),
        ("The flag was removed in version 3 of the compiler.", "version 3"),
        ("Fixes are backported to release-1.0 only.", "release-1.0"),
        ("Packages still support 1.0.x for now.", "1.0.x"),
    ],
)
def test_numbers_joined_by_dots_or_a_number_after_version_or_release_give_a_version(text: str, version: str) -> None:
    question = "Which release of the compiler dropped the flag?"
    assert [text[span.start : span.end] for span in marks(text, question)] == [version]


def test_a_text_naming_versions_without_a_number_gives_none() -> None:
    question = "In which version of the book did the panels stop being used?"
    assert not gives_answer_type("Previous versions of the book used panels; these now use cards instead.", question)


def test_an_amount_with_a_decimal_point_is_no_version() -> None:
    question = "Which release of the app reached its users first?"
    assert not gives_answer_type("The app reached 2.5 million users, 1.5% of them abroad.", question)

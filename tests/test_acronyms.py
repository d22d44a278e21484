"""A document's own definitions of its acronyms: the full name's initials spell the short form."""

from __future__ import annotations

from qa.acronyms import definitions


def test_an_acronym_in_brackets_after_its_full_name_is_defined_both_ways() -> None:
    text = "GAO purchased data, the Government Accountability Office (GAO) said."
    assert definitions(text) == {"GAO": "Government Accountability Office", "Government Accountability Office": "GAO"}


def test_the_full_name_is_the_run_of_capitalised_words_whose_initials_spell_it() -> None:
    text = "in partnership with the Committee for Human Rights in North Korea (HRNK), DigitalGlobe"
    assert definitions(text)["HRNK"] == "Human Rights in North Korea"


def test_a_bracket_whose_letters_are_not_the_initials_before_it_defines_nothing() -> None:
    assert definitions("The resolution adopted by the Human Rights Council (UN) was endorsed.") == {}

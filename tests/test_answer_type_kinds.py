"""The kind of answer a question asks for, read from its head noun, and the number that answers it: of the kind
asked (money, a percentage, a ratio), never a citation's volume or page. Sentences are from the dev collections."""

from __future__ import annotations

import pytest

from qa.answer_type import answer_type, counted, gives_answer_type, marks, measure, names_counted


def marked(text: str, question: str) -> list[str]:
    return [text[span.start : span.end] for span in marks(text, question)]


@pytest.mark.parametrize(
    ("question", "kind"),
    [
        ("What is the minimum wage for prison guards?", "quantity"),
        ("What was the Cabinet Office's budget for 2022-23?", "quantity"),
        (
            "Which six countries voted against the Human Rights Council resolution endorsing the inquiry's report?",
            "place",
        ),
        ("Which members of the Rust moderation team resigned?", "agent"),
        ("What was the date of the Leap Day deal?", "date"),
    ],
)
def test_the_head_noun_after_what_or_which_names_the_kind_of_answer(question: str, kind: str) -> None:
    assert answer_type(question) == kind


@pytest.mark.parametrize(
    "question",
    [
        "What did the report say about the budget?",
        "What kind of fee is charged?",
        "What unsafe condition led to the proposed AD for Pilatus PC-12/47E airplanes?",
    ],
)
def test_a_measure_noun_past_a_verb_a_preposition_or_a_noun_of_kind_is_not_the_head(question: str) -> None:
    assert answer_type(question) == "other"


def test_a_wage_is_answered_by_money_not_by_another_number() -> None:
    question = "What is the minimum wage for prison guards?"
    assert measure(question) == "money"
    assert not gives_answer_type(
        "Former prisoners describe sixteen-hour shifts in the mines and forests, with no pay and with quotas that "
        "guards raise whenever a work team meets them.",
        question,
    )


def test_how_much_did_they_authorize_is_answered_by_a_sum_of_money() -> None:
    question = "How much did HAVA authorize in total for requirements payments over FY2003-FY2005?"
    text = "HAVA authorized a total of $3 billion for the requirements payments program and 40 states applied."
    assert marked(text, question) == ["$3 billion"]


def test_how_much_of_a_thing_is_answered_by_an_amount_in_its_unit_not_by_a_count() -> None:
    question = "How much weight did released detainees lose in detention?"
    assert measure(question) == "amount"
    assert marked(
        "A medical survey of 120 released detainees found that two thirds had lost more than ten kilograms during "
        "their detention.[3]",
        question,
    ) == ["ten kilograms"]
    assert not gives_answer_type(
        "And accordingly, the US must not shy away from raising the most difficult issue—the release of tens of "
        "thousands of men, women and children held in political prison camps",
        question,
    )


def test_a_number_spelled_inside_a_word_of_the_question_is_not_its_topic() -> None:
    question = "How many detainees were released from detention?"
    assert marked("The camp released ten detainees.", question) == ["ten"]


def test_a_percentage_question_needs_a_percentage() -> None:
    question = "What percentage of WIC infants had ever been breastfed?"
    assert not gives_answer_type(
        "Non-WIC: Percentage of infants who had ever been breastfed exceeded goal, but rates at 6 and 12 months did "
        "not.",
        question,
    )
    assert marked(
        "64 percent of WIC infants had ever been breastfed, compared to 78 percent of non-WIC infants.", question
    ) == [
        "64 percent",
        "78 percent",
    ]


def test_how_much_faster_needs_a_ratio_not_a_count_of_packages() -> None:
    question = "How much faster is Melodie than Mesa?"
    assert not gives_answer_type(
        "Finally, for those who are familiar with Mesa or AgentPy, a comparison between Melodie and the two packages "
        "is provided in the documentation, based on the same covid contagion model developed with all the three "
        "packages.",
        question,
    )
    assert marked("Melodie ran the model 3 times faster, and 40% faster on one core.", question) == ["3 times", "40%"]


def test_a_citations_volume_and_pages_are_not_a_count() -> None:
    text = (
        "HHS, “Statement of Organization, Functions, and Delegations of Authority; Administration for Community "
        "Living,” 77 Federal Register 23250-23260, April 18, 2012."
    )
    assert marks(text, "How many institutional review boards are registered with HHS?") == ()


def test_a_page_or_section_after_its_locator_is_not_a_count() -> None:
    question = "How many prisoners are held?"
    assert marks("Cha and Gallucci, Toward a New Policy and Strategy for North Korea, p. 8.", question) == ()
    assert marks("that broad consent has been obtained (45 C.F.R. §46.104(d)(7)).", question) == ()


def test_a_year_range_is_a_date_and_no_quantity() -> None:
    text = "Funding for 2022-23 rose, and the 2019–2021 programme ended."
    assert marked(text, "When was the programme funded?") == ["2022-23", "2019–2021"]
    assert marks(text, "How many programmes were funded?") == ()


def test_an_identifier_of_three_numbers_is_no_year_range() -> None:
    text = "On November 7, 2018, the FAA issued Emergency AD 2018–23–51 as an interim corrective action."
    assert marked(text, "When did the FAA issue its emergency order?") == ["November 7, 2018", "2018"]


def test_a_question_counting_the_names_it_asks_for_needs_that_many() -> None:
    question = "Which six countries voted against the Human Rights Council resolution endorsing the inquiry's report?"
    assert not gives_answer_type(
        "Its purported show of cooperation in May (in the past North Korea rejected all UPR recommendations) might "
        "also be linked to the resolution adopted by the Human Rights Council, 30 to 6, endorsing the COI report.",
        question,
    )
    assert gives_answer_type(
        "The six were China, Russia, Cuba, Venezuela, Belarus and Eritrea.",
        question,
    )


def test_a_year_ending_a_title_does_not_date_what_is_asked() -> None:
    text = (
        "For example, the House passed two bills in the 117th Congress—the Freedom to Vote: John R. Lewis Act "
        "(H.R. 5746, passed 220-203) and a version of the For the People Act of 2021 (H.R. 1, passed 220-210)."
    )
    assert marks(text, "When did House legislative counsel start drafting bills in XML?") == ()
    assert marked("The Act was passed in 2021.", "When was the Act passed?") == ["2021"]


def test_a_name_the_question_gives_in_another_form_is_its_topic_not_its_answer() -> None:
    text = (
        "Until now, I have stayed silent regarding all these current topics: from Richard M. Stallman (RMS)'s public "
        "statements, to his resignation from the Free Software Foundation (FSF), to the Epstein scandal and its "
        "connection to MIT."
    )
    assert marked(text, "Who replaced Stallman as president of the FSF?") == ["Epstein", "MIT"]


def test_a_name_sharing_only_the_last_word_of_a_longer_name_in_the_question_is_an_answer() -> None:
    text = "And it is South Korea that has agreed to host the UN office to continue the monitoring."
    assert marked(text, "Which country other than North Korea agreed to host the office?") == ["South Korea", "UN"]


def test_a_person_named_by_office_in_lower_case_answers_who() -> None:
    text = (
        "HAVA lists GSA as the administrator for the act’s general improvements and lever and punch card voting "
        "system replacement grant programs."
    )
    question = "Who runs the lever and punch card voting system replacement grant program?"
    assert marked(text, question) == ["GSA", "the administrator"]
    assert marked("The motion was tabled by the committee chair.", "Who tabled the motion?") == ["the committee chair"]


def test_the_office_the_question_asks_about_is_not_its_answer() -> None:
    assert marks("The motion was tabled by the committee chair.", "Who is the committee chair?") == ()


def test_a_name_after_the_is_an_institution_and_no_answer_to_which_members() -> None:
    text = (
        "Any set would likely leave out some person or group who needed to be involved, but to get this unblocked, "
        "we started with all top-level team leads, project directors to the Foundation, all core team members, and "
        "the new moderation team members, to discuss next steps."
    )
    question = "Which members of the Rust moderation team resigned?"
    assert not gives_answer_type(text, question)
    assert marked("Two members, Ana Ruiz and Lee Chen, resigned.", question) == ["Ana Ruiz", "Lee Chen"]


def test_a_name_after_the_answers_which_organisation() -> None:
    text = "The grants are paid out by the Election Assistance Commission each year."
    assert marked(text, "Which agency pays the grants?") == ["Election Assistance Commission"]


def test_a_measure_word_used_as_the_verb_is_not_the_head() -> None:
    assert answer_type("Which agency pays the grants?") == "agent"


def test_how_long_is_answered_by_a_duration_in_its_unit_not_a_count() -> None:
    question = "How long was Kuhn affiliated with the FSF?"
    text = (
        "Now that I've left the FSF Board of Directors, FSF's Voting Membership, and all my FSF volunteer roles "
        "(which ends my 22-year uninterrupted affiliation with the FSF), I can now comment."
    )
    assert marked(text, question) == ["22-year"]
    assert marks("Kuhn sat on two of its boards.", question) == ()


def test_an_outline_section_number_counts_nothing() -> None:
    question = "How many risks must a department document?"
    text = "4.1.3 Documenting identity management risks, program impacts, required levels of assurance;"
    assert marked(text, question) == []
    assert marked("The index rose by 4.1 points.", question) == ["4.1"]


def test_how_much_does_it_contribute_is_answered_by_a_sum_of_money() -> None:
    question = "How much do donors in the UK contribute to international aid?"
    assert measure(question) == "money"
    assert not gives_answer_type(
        "In the UK, international aid is one of the largest targets of giving (26%).", question
    )


def test_how_many_counts_the_words_it_names_but_not_a_class_or_a_name() -> None:
    assert counted("How many humanitarian aid workers were killed?") == {"humanitarian", "aid", "worker"}
    assert counted("How many copies of the first edition were printed?") == {"copi"}
    assert counted("How many people died in the accident?") == frozenset()
    assert counted("How many federal agencies did GAO examine?") == frozenset()
    assert counted("How many times did the committee meet?") == frozenset()
    assert counted("How many Americans trust the companies they do business with?") == frozenset()


def test_a_count_of_something_else_does_not_answer_how_many() -> None:
    text = (
        "Creative Commons Affiliate Network includes over 500 researchers, activists, legal, education and policy "
        "advocates, and volunteers who serve as CC representatives in over 85 countries."
    )
    assert not names_counted(text, "How many staff does the network employ?")
    assert names_counted(text, "How many researchers does the network include?")

"""The answer decision: fitted on several collections; it answers keyword look-ups, refuses off-subject questions."""

from __future__ import annotations

import pytest

from eval.fit_decision import Asking, leave_one_out
from qa import Assistant
from qa.calibration import Sample, choose_threshold, fit, fit_decision, rates
from qa.corpus import Article, Paragraph
from qa.decision import (
    MIN_DOCUMENT_NAMES,
    SIGNAL_NAMES,
    Decision,
    Signals,
    is_keyword_match,
    name_coverage,
    names_of,
    question_names,
    signals,
)


def sample(answerable: bool, score: float, coverage: float, names: float = 1.0) -> Sample:
    return Sample("c", "q", answerable, Signals(score, coverage, names))


ROWS = [
    *(sample(True, 0.8 + i / 100, 0.6) for i in range(10)),
    *(sample(False, 0.5 + i / 100, 0.2, 0.5) for i in range(10)),
    sample(True, 0.9, 0.7, 1.0),
    sample(False, 0.85, 0.7, 0.0),
]


def test_fitting_weighs_every_signal_toward_answering() -> None:
    weights, _ = fit(ROWS)
    assert len(weights) == len(SIGNAL_NAMES)
    assert all(weight > 0 for weight in weights)


def test_the_fitted_decision_separates_the_questions_it_was_fitted_on() -> None:
    weights, bias = fit(ROWS)
    decision = Decision(weights, bias)
    decision = decision.at(choose_threshold(decision, ROWS, max_false_abstention=0.0))
    abstention, false_abstention = rates(decision, ROWS)
    assert false_abstention == 0.0
    assert abstention >= 0.9


def test_the_threshold_never_silences_more_answerable_questions_than_allowed() -> None:
    weights, bias = fit(ROWS)
    hard = [*ROWS, sample(True, 0.4, 0.1), sample(True, 0.45, 0.1)]
    decision = Decision(weights, bias)
    threshold = choose_threshold(decision, hard, max_false_abstention=0.05)
    assert rates(decision.at(threshold), hard)[1] <= 0.05


def test_the_false_abstention_budget_holds_in_every_collection_not_only_pooled() -> None:
    """One answer of a small collection may not be silenced because a large one answers everything."""
    large = [Sample("large", f"l{i}", True, Signals(0.9, 0.8, 1.0)) for i in range(40)]
    small = [Sample("small", f"s{i}", True, Signals(0.9, 0.8, 1.0)) for i in range(9)]
    quiet = Sample("small", "quiet", True, Signals(0.6, 0.3, 1.0))
    off = [Sample("small", f"u{i}", False, Signals(0.55 + i / 100, 0.2, 1.0)) for i in range(10)]
    rows = [*large, *small, quiet, *off]
    decision = Decision((10.0,), -7.0)
    threshold = choose_threshold(decision, rows, max_false_abstention=0.03)
    assert decision.at(threshold).answers(quiet.signals)
    assert rates(decision.at(threshold), rows)[1] == 0.0


def test_the_shipped_decision_was_fitted_on_these_signals() -> None:
    decision = Decision.load()
    assert len(decision.weights) == len(SIGNAL_NAMES)
    assert 0.0 < decision.threshold < 1.0


def test_a_name_the_passage_never_mentions_lowers_name_coverage() -> None:
    question = "What did Pope Francis say about North Korean refugees?"
    assert name_coverage(question, "North Korean refugees face forced return.") == 0.5
    assert name_coverage("What do the camps supply?", "anything") == 1.0


def test_a_name_is_held_by_a_word_at_most_two_letters_longer() -> None:
    assert name_coverage("Where did Kim go?", "The Kims' house.") == 1.0
    assert name_coverage("Where did Kim go?", "Kimura left.") == 0.0
    assert name_coverage("What did Pope Francis say?", "Francis spoke.") == 0.5


def test_a_name_is_held_by_any_word_starting_with_it_not_only_its_first_occurrence() -> None:
    assert name_coverage("Where did Kim go?", "Ekim and Kimura met the Kims.") == 1.0
    assert name_coverage("Where did Kim go?", "Ekim and Kimura met.") == 0.0


def test_a_keyword_matches_a_passage_holding_it_verbatim_whatever_the_case_and_spacing() -> None:
    assert is_keyword_match("g8  communique", "the G8 Communique of 2013")
    assert not is_keyword_match("G8 communique", "the G8 summit issued a communique")
    assert not is_keyword_match("what did the G8 say", "what did the G8 say")


@pytest.mark.parametrize("question", ["the", "The", "of the", "and"])
def test_stop_words_alone_are_not_a_keyword_look_up(question: str) -> None:
    assert not is_keyword_match(question, "The camp was razed. The")


def test_a_one_word_question_a_passage_holds_is_answered_with_that_passage(assistant: Assistant) -> None:
    answer = assistant.ask("Botswana")
    assert not answer.abstained
    assert "Botswana" in answer.sources[0].paragraph.text


def test_a_question_about_someone_the_documents_never_mention_is_not_answered(assistant: Assistant) -> None:
    assert assistant.ask("What did Pope Francis say about North Korean refugees?").abstained


def test_multiword_names_past_the_first_word_are_the_questions_names() -> None:
    assert question_names("What did Pope Francis say about North Korean refugees?") == [
        "Pope Francis",
        "North Korean",
    ]
    assert question_names("Who chaired the inquiry?") == []


def test_a_hyphenated_name_is_held_by_its_parts_as_a_passage_splits_them() -> None:
    assert name_coverage("How long was Kim Jong-il groomed?", "Kim Jong il was groomed for years.") == 1.0
    assert name_coverage("What did HAVA give over FY2003-FY2005?", "HAVA gave it in FY2003 and FY2005.") == 1.0


def test_a_possessive_or_plural_name_is_held_by_its_plain_form() -> None:
    assert names_of("What was the Cabinet Office's budget?") == {"cabinet", "office"}
    assert name_coverage("What did Congress's committees and the Koreans say?", "Congress heard a Korean.") == 1.0


def _document(*texts: str, note: str = "A note.") -> Article:
    paragraphs = tuple(Paragraph(i, text, 0) for i, text in enumerate(texts))
    return Article("report-1", "A report", "A. Author", None, "report.txt", paragraphs, {1: note})


def test_document_name_coverage_counts_names_used_anywhere_in_the_document_notes_included() -> None:
    document = _document("Kim Jong Un met envoys in 2018.", "The summit ended.", note="Singapore, 12 June.")
    question = "What did Kim Jong Un agree at the Singapore summit in 2018 in Hanoi?"
    assert signals(question, 0.8, 0.5, "The summit ended.", document).document_names == 5 / 6


def test_a_question_most_of_whose_names_the_document_never_uses_is_not_answered_however_confident() -> None:
    passage = "Kim Jong Un wrote to the commission."
    question = "What did Donald Trump and Kim Jong Un agree on at their 2018 summit in Singapore?"
    evidence = signals(question, 1.0, 1.0, passage, _document(passage))
    assert evidence.document_names < MIN_DOCUMENT_NAMES
    assert Decision.load().confidence(evidence) > 0.9
    assert not Decision.load().answers(evidence)


def test_the_document_is_searched_only_when_the_passage_holds_under_half_the_names() -> None:
    """The document holds at least what its passage holds, so a passage naming enough settles it."""
    question = "What did Kim Jong Un say in Pyongyang?"
    assert signals(question, 0.8, 0.5, "Kim Jong Un spoke.", _document("Nothing here.")).document_names == 1.0


def test_a_question_naming_a_year_its_document_never_uses_is_not_answered() -> None:
    passage = "Congress appropriated $1.5 billion for the grants between FY2018 and FY2026."
    evidence = signals("How much did Congress appropriate in FY2027?", 1.0, 1.0, passage, _document(passage))
    assert evidence.document_names == 0.5 and not evidence.document_numbers
    assert not Decision.load().answers(evidence)
    named = signals("How much did Congress appropriate in FY2026?", 1.0, 1.0, passage, _document(passage))
    assert named.document_numbers


def _collection(name: str, answer_scores: list[float]) -> Asking:
    """Answerable questions at `answer_scores`, unanswerable ones from 0.3 to 0.48, and no foreign ones."""
    own = [Sample(name, f"{name}-a{i}", True, Signals(score, 0.5, 1.0)) for i, score in enumerate(answer_scores)]
    own += [Sample(name, f"{name}-u{i}", False, Signals(0.3 + i / 50, 0.5, 1.0)) for i in range(10)]
    return Asking(own, {})


def test_leaving_a_collection_out_fits_nothing_of_it() -> None:
    """A collection whose answers score lower than the others' is served by a fit that saw it, not by one that
    did not: left out, its low answers are silenced, which is what a new collection would see."""
    asking = {
        "high": _collection("high", [0.8 + i / 100 for i in range(10)]),
        "also high": _collection("also high", [0.8 + i / 100 for i in range(10)]),
        "low": _collection("low", [0.55 + i / 100 for i in range(10)]),
    }
    everything = fit_decision([row for each in asking.values() for row in each.rows()], 0.0)
    assert rates(everything, asking["low"].rows())[1] == 0.0
    held_out = leave_one_out(asking, 0.0)
    assert held_out["low"]["held_out"]["low"]["false_abstention"] > 0.5
    assert held_out["high"]["held_out"]["high"]["false_abstention"] == 0.0


def test_a_held_out_collections_questions_are_not_asked_of_the_others_as_foreign() -> None:
    mine = Sample("other (foreign)", "x", False, Signals(0.9, 0.5, 1.0))
    theirs = Sample("other (foreign)", "y", False, Signals(0.9, 0.5, 1.0))
    asking = Asking([], {"held": [mine], "third": [theirs]})
    assert asking.rows(without="held") == [theirs]


def test_a_number_before_a_name_qualifies_it_and_the_document_need_not_use_it() -> None:
    passage = "The London Games cost nine billion pounds, three times the first estimate."
    evidence = signals("What did the 2012 London Games cost?", 0.9, 0.5, passage, _document(passage))
    assert evidence.document_numbers
    assert Decision.load().answers(evidence)


def test_a_number_after_a_name_identifies_it_and_the_document_must_use_it() -> None:
    passage = "Camp 14 held prisoners for life."
    evidence = signals("Who ran Camp 22?", 0.9, 0.5, passage, _document(passage))
    assert not evidence.document_numbers

"""Where the weak sources of the bundled dev answers stand, and what a cut on the best source costs."""

from __future__ import annotations

from collections import Counter

import pytest

from eval.dataset import DEFAULT_SET, load_questions
from eval.runner import read_corpus
from eval.weak_sources import CUTS, Asked, answer_all, figures, quote_coverage
from qa import Assistant
from qa.settings import PROJECT_ROOT


@pytest.fixture(scope="module")
def bundled_dev(assistant: Assistant) -> Asked:
    """The bundled corpus's dev questions as answered from 3 passages (the test split is held out)."""
    questions = load_questions(DEFAULT_SET, read_corpus(PROJECT_ROOT / "corpus"))
    return answer_all(assistant, [q for q in questions if q.split == "dev"], 3, "bundled")


def test_every_weak_source_is_the_best_source_of_its_answer(bundled_dev: Asked) -> None:
    kinds = sum((s.weak for s in bundled_dev.shown), Counter())
    assert dict(kinds) == {"best": 4, "unanswerable": 1}


def test_an_answer_quotes_one_source_when_no_other_scores_as_well(bundled_dev: Asked) -> None:
    assert {s.sources for s in bundled_dev.shown} == {1}


def test_without_a_cut_the_figures_are_those_qa_eval_reports(bundled_dev: Asked) -> None:
    assert figures(bundled_dev, lambda s: False) == {
        "weak_sources": 0.156,
        "answer_support": 0.839,
        "false_abstention": 0.0,
    }


def test_a_margin_cut_turns_answers_into_abstentions_and_costs_support(bundled_dev: Asked) -> None:
    values, make = CUTS["margin under"]
    assert 0.03 in values
    assert figures(bundled_dev, make(0.03)) == {
        "weak_sources": 0.08,
        "answer_support": 0.742,
        "false_abstention": 0.194,
    }


def test_quote_coverage_is_the_share_of_the_question_terms_the_quote_holds(assistant: Assistant) -> None:
    question = "Botswana"
    (source, *_) = assistant.composer.compose(question, assistant.retriever.search(question, 3)).sources
    assert quote_coverage(question, source) == 1.0
    assert quote_coverage("Botswana submarines", source) == 0.5


def test_a_standout_cut_abstains_where_the_best_source_stands_little_above_the_last_retrieved(
    bundled_dev: Asked,
) -> None:
    values, make = CUTS["standout under"]
    assert 0.1 in values
    assert figures(bundled_dev, make(0.1)) == {
        "weak_sources": 0.143,
        "answer_support": 0.774,
        "false_abstention": 0.129,
    }

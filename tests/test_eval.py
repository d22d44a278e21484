"""The evaluation set is sound, and the system reaches its measured thresholds on it."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from eval.dataset import DEFAULT_SET, EvalSetError, load_questions
from eval.metrics import summarize
from eval.runner import CALIBRATION_FILE, evaluate
from qa import Assistant
from qa.settings import DEFAULT_ABSTAIN_BELOW


@pytest.fixture(scope="module")
def figures(assistant: Assistant, corpus_texts: dict[str, str]) -> dict[str, float | None]:
    questions = load_questions(DEFAULT_SET, corpus_texts)
    return summarize(evaluate(assistant, questions, 3, corpus_texts))


def test_eval_set_has_80_questions_split_dev_and_test(corpus_texts: dict[str, str]) -> None:
    questions = load_questions(DEFAULT_SET, corpus_texts)
    assert len(questions) == 80
    assert sum(not q.answerable for q in questions) >= 6
    assert {q.split for q in questions} == {"dev", "test"}


def test_evidence_that_is_not_verbatim_fails_loudly(tmp_path: Path, corpus_texts: dict[str, str]) -> None:
    bad = tmp_path / "bad.jsonl"
    row = {"id": "x", "question": "q", "answerable": True, "evidence": ["words never written"], "footnotes": []}
    bad.write_text(json.dumps(row) + "\n")
    with pytest.raises(EvalSetError, match="bad.jsonl:1 .*not verbatim"):
        load_questions(bad, corpus_texts)


def test_every_quote_is_verbatim(figures: dict[str, float | None]) -> None:
    assert figures["quote_fidelity"] == 1.0


def test_no_footnote_is_misattributed(figures: dict[str, float | None]) -> None:
    assert figures["footnote_precision"] == 1.0


def test_retrieval_reaches_measured_recall(figures: dict[str, float | None]) -> None:
    assert figures["recall@1"] >= 0.80
    assert figures["recall@3"] >= 0.88


def test_answers_quote_the_evidence_and_cite_its_notes(figures: dict[str, float | None]) -> None:
    assert figures["answer_support"] >= 0.75
    assert figures["footnote_recall"] >= 0.80


def test_abstention_beats_chance_without_silencing_answers(figures: dict[str, float | None]) -> None:
    assert figures["abstention"] >= 0.30
    assert figures["false_abstention"] <= 0.12


def test_default_threshold_is_the_calibrated_one() -> None:
    assert json.loads(CALIBRATION_FILE.read_text())["threshold"] == DEFAULT_ABSTAIN_BELOW

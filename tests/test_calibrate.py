"""Your own collection: `qa calibrate` fits the answer decision on your questions, and `qa eval` measures it."""

from __future__ import annotations

import os
import shutil
from pathlib import Path

import pytest

from cli.main import main
from embeddings import Encoder
from embeddings.index import read_manifest, update_manifest
from eval.calibrate import calibrate_index
from eval.dataset import DEFAULT_SET
from qa import Assistant, Settings
from qa.calibration import CalibrationError, Sample, fit_decision, rates
from qa.decision import Decision, Signals
from qa.indexing import build_index, save_decision
from tests.conftest import NORTH38

ANSWERED = "What did the G8 urge North Korea to do?"


@pytest.fixture
def own(tmp_path: Path, settings: Settings, assistant: Assistant, encoder: Encoder) -> Assistant:
    """An assistant over a copy of the session's bundled index, so a calibration stays in this test; the copy
    records the bundled folder as its corpus, as a build of it there would."""
    copy = shutil.copytree(settings.index_dir, tmp_path / "index")
    update_manifest(copy, corpus_dir=os.path.relpath(settings.corpus_dir.resolve(), copy.resolve()))
    return Assistant.open(settings.model_copy(update={"index_dir": copy}), encoder=encoder)


def test_calibrating_keeps_a_decision_fitted_on_the_questions_in_the_index_manifest(own: Assistant) -> None:
    assert read_manifest(own.settings.index_dir).decision is None
    record = calibrate_index(own, DEFAULT_SET, "all", k=3, max_false_abstention=0.03)
    kept = read_manifest(own.settings.index_dir).decision
    assert kept == record
    assert kept["fitted_on"] == "all questions of questions.jsonl"
    assert kept["dev"]["questions"]["questions"] == 80
    assert Decision.from_record(kept, "manifest") != Decision.load()


def test_answers_from_a_calibrated_index_use_its_decision(own: Assistant, encoder: Encoder) -> None:
    assert own.composer.decision == Decision.load()
    assert not own.ask(ANSWERED).abstained
    shipped = Decision.load()
    save_decision(own.settings.index_dir, Decision(shipped.weights, shipped.bias, threshold=1.0).record())
    reopened = Assistant.open(own.settings, encoder=encoder)
    assert reopened.composer.decision.threshold == 1.0
    assert reopened.ask(ANSWERED).abstained


def test_a_rebuilt_index_keeps_its_calibration(own: Assistant, encoder: Encoder) -> None:
    record = Decision((1.0, 2.0, 3.0), -4.0, 0.25).record()
    save_decision(own.settings.index_dir, record)
    build_index(own.settings.corpus_dir, own.settings.index_dir, encoder, progress=False)
    assert read_manifest(own.settings.index_dir).decision == record


def test_calibrating_without_unanswerable_questions_is_refused() -> None:
    rows = [Sample("questions", f"q{i}", True, Signals(0.5 + i / 100, 0.5, 1.0)) for i in range(10)]
    with pytest.raises(CalibrationError, match="got 10 answerable and 0 unanswerable"):
        fit_decision(rows)


def test_eval_skips_a_file_the_index_skipped(
    tmp_path: Path, north38_opening: str, encoder: Encoder, capsys: pytest.CaptureFixture[str]
) -> None:
    corpus = tmp_path / "corpus"
    corpus.mkdir()
    (corpus / NORTH38).write_text(north38_opening, encoding="utf-8")
    (corpus / "empty.pdf").write_bytes(b"")
    report = build_index(corpus, tmp_path / "index", encoder, progress=False)
    assert [name for name, _ in report.skipped] == ["empty.pdf"]
    questions = tmp_path / "my.jsonl"
    questions.write_text(
        '{"id": "a", "question": "What did the US insist upon in its talks with the USSR during the Cold War?", '
        '"answerable": true, "evidence": ["it insisted upon an expanded information flow"], "footnotes": []}\n',
        encoding="utf-8",
    )
    code = main(["eval", "--corpus", str(corpus), "--index", str(tmp_path / "index"), "--set", str(questions)])
    assert code == 0
    assert "questions" in capsys.readouterr().out


def test_the_threshold_budget_counts_from_what_the_rules_already_leave_unanswered() -> None:
    ruled_out = [Sample("questions", f"r{i}", True, Signals(0.9, 0.9, 1.0), ruled_out=True) for i in range(2)]
    answerable = [Sample("questions", f"a{i}", True, Signals(0.8 + i / 100, 0.6, 1.0)) for i in range(10)]
    unanswerable = [Sample("questions", f"u{i}", False, Signals(0.5 + i / 100, 0.2, 0.5)) for i in range(10)]
    decision = fit_decision(ruled_out + answerable + unanswerable, max_false_abstention=0.0)
    assert rates(decision, ruled_out + answerable + unanswerable) == (1.0, 2 / 12)

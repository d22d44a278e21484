"""`qa calibrate`: fit the answer decision on a user's own questions and keep it with their index.

The question file is the one `qa eval` reads (docs/evaluate-your-documents.md); this module only reads
it and hands the questions to `qa.calibration`, which asks them and fits.
"""

from __future__ import annotations

import argparse
import json
from pathlib import Path

from eval.dataset import load_questions
from eval.runner import indexed_corpus
from qa.assistant import Assistant, validate_k
from qa.calibration import Asked, CalibrationError, calibrate
from qa.indexing import save_decision
from qa.settings import Settings


def calibrate_index(
    assistant: Assistant, question_set: Path, split: str, k: int, max_false_abstention: float
) -> dict[str, object]:
    """Fit on the `split` questions of `question_set` (or all) and keep the decision in the assistant's index."""
    questions = load_questions(question_set, indexed_corpus(assistant))
    chosen = [q for q in questions if split == "all" or q.split == split]
    if not chosen:
        raise CalibrationError(
            f"{question_set} has no {split} questions; mark the ones to calibrate on with "
            '"split": "dev", or calibrate on all with --split all'
        )
    record = calibrate(
        assistant,
        [Asked(q.id, q.question, q.answerable) for q in chosen],
        validate_k(k),
        max_false_abstention,
        fitted_on=f"{split} questions of {question_set.name}",
    )
    settings = assistant.settings
    save_decision(settings.index_dir, record, settings.index_lock_timeout)
    return record


def run_cli(args: argparse.Namespace, settings: Settings) -> int:
    validate_k(args.k)
    if not args.question_set.is_file():  # before the model loads, as every check that needs none
        raise CalibrationError(f"no question file {args.question_set}; see docs/evaluate-your-documents.md")
    assistant = Assistant.open(settings)
    record = calibrate_index(assistant, args.question_set, args.split, args.k, args.max_false_abstention)
    print(json.dumps(record, indent=1))
    print(f"kept in the manifest of {settings.index_dir}; answers from this index use it from now on")
    return 0

"""`python -m eval.fit_decision`: fit the answer decision on the dev splits of every collection at once.

Every collection is asked its own dev questions and, as unanswerable, the other collections'
answerable dev questions. The fit is `qa.calibration`'s: a ridge logistic regression over the
signals, and the threshold abstaining most within `--max-false-abstention` on the answerable dev
questions. Test splits are never read.
"""

from __future__ import annotations

import argparse
import json
from collections.abc import Sequence

from eval.collections import COLLECTIONS, Collection
from eval.dataset import Question, load_questions
from eval.runner import read_corpus
from qa import Assistant, calibration
from qa.calibration import L2, Asked, Sample, figures, fit_decision
from qa.decision import DECISION_FILE, MAX_FALSE_ABSTENTION


def dev_questions(collection: Collection) -> list[Question]:
    return [q for q in load_questions(collection.questions, read_corpus(collection.corpus)) if q.split == "dev"]


def asked(questions: Sequence[Question]) -> list[Asked]:
    return [Asked(q.id, q.question, q.answerable) for q in questions]


def samples(collection: Collection, k: int, foreign: Sequence[Question]) -> list[Sample]:
    """Each dev question's signals, as the assistant computes them when it answers.

    `foreign` are the other collections' answerable dev questions: asked of this collection they are
    off-topic, unanswerable questions with real wording, which a collection's own question set has few of.
    """
    assistant = Assistant.open(collection.settings())
    off_topic = [Asked(q.id, q.question, False) for q in foreign]
    return calibration.samples(assistant, asked(dev_questions(collection)), k, collection.name) + calibration.samples(
        assistant, off_topic, k, f"{collection.name} (foreign)"
    )


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--k", type=int, default=3, help="passages retrieved per question (default 3)")
    parser.add_argument(
        "--max-false-abstention",
        type=float,
        default=MAX_FALSE_ABSTENTION,
        help=f"share of answerable dev questions the threshold may silence (default {MAX_FALSE_ABSTENTION})",
    )
    args = parser.parse_args(argv)
    own = {c.name: dev_questions(c) for c in COLLECTIONS}
    rows = [
        row
        for collection in COLLECTIONS
        for row in samples(
            collection, args.k, [q for name, qs in own.items() if name != collection.name for q in qs if q.answerable]
        )
    ]
    decision = fit_decision(rows, args.max_false_abstention)
    record = decision.record() | {
        "fitted_on": "dev splits of "
        + ", ".join(c.name for c in COLLECTIONS)
        + ", each collection also asked the others' answerable dev questions as unanswerable",
        "l2": L2,
        "max_false_abstention": args.max_false_abstention,
        "dev": figures(decision, rows),
    }
    DECISION_FILE.write_text(json.dumps(record, indent=1) + "\n", encoding="utf-8")
    print(json.dumps(record, indent=1))
    print(f"written to {DECISION_FILE}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())

"""`python -m eval.fit_decision`: fit the answer decision on the dev splits of every collection at once.

Every collection is asked its own dev questions and, as unanswerable, the other collections'
answerable dev questions. A logistic regression over `qa.decision.Signals`, with a little L2 so that
three signals and a few hundred questions cannot overfit, solved by Newton's method (numpy; no learning library
is needed for a model this small). The threshold is then chosen on the same dev questions: the one that
abstains most on unanswerable questions while wrongly abstaining at most `--max-false-abstention`
on answerable ones. Test splits are never read.
"""

from __future__ import annotations

import argparse
import json
from collections.abc import Sequence
from dataclasses import dataclass

import numpy as np

from eval.collections import COLLECTIONS, Collection
from eval.dataset import Question, load_questions
from eval.runner import read_corpus
from qa import Assistant
from qa.compose import assess
from qa.decision import DECISION_FILE, SIGNAL_NAMES, Decision, Signals

L2 = 0.1
"""Ridge on the weights (not the bias): keeps them small where a few questions would push them apart."""


@dataclass(frozen=True)
class Sample:
    collection: str
    question_id: str
    answerable: bool
    signals: Signals
    ruled_out: bool = False
    """The rules before the model already abstain (an answer type the quote lacks, an unknown name)."""


def dev_questions(collection: Collection) -> list[Question]:
    return [q for q in load_questions(collection.questions, read_corpus(collection.corpus)) if q.split == "dev"]


def samples(collection: Collection, k: int, foreign: Sequence[Question]) -> list[Sample]:
    """Each dev question's signals, as the assistant computes them when it answers.

    `foreign` are the other collections' answerable dev questions: asked of this collection they are
    off-topic, unanswerable questions with real wording, which a collection's own question set has few of.
    """
    assistant = Assistant.open(collection.settings())
    asked = [(q, q.answerable, collection.name) for q in dev_questions(collection)]
    asked += [(q, False, f"{collection.name} (foreign)") for q in foreign]
    rows = []
    for question, answerable, group in asked:
        hits = assistant.retriever.search(question.question, k)
        answer = assistant.composer.at(0.0).compose(question.question, hits)
        evidence = assess(hits[0], question.question)
        rows.append(Sample(group, question.id, answerable, evidence, answer.abstained))
    return rows


def fit(rows: Sequence[Sample], l2: float = L2, steps: int = 50) -> tuple[tuple[float, ...], float]:
    """Weights and bias of the L2-regularised logistic regression of answerability on the signals,
    over the questions the rules leave to the model."""
    rows = [row for row in rows if not row.ruled_out]
    features = np.array([row.signals.vector() for row in rows], dtype=np.float64)
    labels = np.array([row.answerable for row in rows], dtype=np.float64)
    design = np.hstack([features, np.ones((len(rows), 1))])
    penalty = np.diag([l2] * features.shape[1] + [0.0])
    theta = np.zeros(design.shape[1])
    for _ in range(steps):
        p = 1.0 / (1.0 + np.exp(-(design @ theta)))
        gradient = design.T @ (p - labels) + penalty @ theta
        hessian = design.T @ (design * (p * (1 - p))[:, None]) + penalty
        step = np.linalg.solve(hessian, gradient)
        theta -= step
        if np.max(np.abs(step)) < 1e-9:
            break
    return tuple(round(float(w), 4) for w in theta[:-1]), round(float(theta[-1]), 4)


def rates(decision: Decision, rows: Sequence[Sample]) -> tuple[float, float]:
    """Abstention on unanswerable and false abstention on answerable questions."""
    answerable = [r.ruled_out or not decision.answers(r.signals) for r in rows if r.answerable]
    unanswerable = [r.ruled_out or not decision.answers(r.signals) for r in rows if not r.answerable]
    return sum(unanswerable) / max(len(unanswerable), 1), sum(answerable) / max(len(answerable), 1)


def choose_threshold(decision: Decision, rows: Sequence[Sample], max_false_abstention: float) -> float:
    """The confidence threshold abstaining most on unanswerable, within the false-abstention budget.

    Ties go to the lowest threshold, which silences the fewest answers.
    """
    confidences = sorted({round(decision.confidence(r.signals), 4) for r in rows})
    candidates = [0.0] + [round((a + b) / 2, 4) for a, b in zip(confidences, confidences[1:], strict=False)]
    best = (-1.0, 0.0)
    for threshold in candidates:
        trial = Decision(decision.weights, decision.bias, threshold)
        abstention, false_abstention = rates(trial, rows)
        if false_abstention <= max_false_abstention and abstention > best[0]:
            best = (abstention, threshold)
    return best[1]


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--k", type=int, default=3, help="passages retrieved per question (default 3)")
    parser.add_argument(
        "--max-false-abstention",
        type=float,
        default=0.03,
        help="share of answerable dev questions the threshold may silence (default 0.03)",
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
    weights, bias = fit(rows)
    unthresholded = Decision(weights, bias)
    decision = Decision(weights, bias, choose_threshold(unthresholded, rows, args.max_false_abstention))
    per_collection = {}
    for group in dict.fromkeys(r.collection for r in rows):
        mine = [r for r in rows if r.collection == group]
        abstention, false_abstention = rates(decision, mine)
        per_collection[group] = {
            "dev_questions": len(mine),
            "abstention": round(abstention, 3),
            "false_abstention": round(false_abstention, 3),
        }
    record = {
        "signals": list(SIGNAL_NAMES),
        "weights": list(decision.weights),
        "bias": decision.bias,
        "threshold": decision.threshold,
        "fitted_on": "dev splits of "
        + ", ".join(c.name for c in COLLECTIONS)
        + ", each collection also asked the others' answerable dev questions as unanswerable",
        "l2": L2,
        "max_false_abstention": args.max_false_abstention,
        "dev": per_collection,
    }
    DECISION_FILE.write_text(json.dumps(record, indent=1) + "\n", encoding="utf-8")
    print(json.dumps(record, indent=1))
    print(f"written to {DECISION_FILE}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())

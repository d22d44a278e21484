"""Fitting the answer decision (`qa.decision`) on questions whose answerability is known.

A logistic regression over `qa.decision.Signals`, with a little L2 so that three signals and a few
dozen questions cannot overfit, solved by Newton's method (numpy; no learning library is needed for a
model this small). The threshold is then chosen on the same questions: the one that abstains most on
unanswerable questions while wrongly abstaining at most `max_false_abstention` on answerable ones.

The shipped decision (`qa/decision.json`) is fitted this way on the project's own collections
(`python -m eval.fit_decision`); `qa calibrate` fits one on a user's questions about their own
collection and keeps it in that index's manifest, where it takes precedence over the shipped one.
The questions come from the caller: this module only asks them and fits.
"""

from __future__ import annotations

import time
from collections.abc import Sequence
from dataclasses import dataclass

import numpy as np

from qa.assistant import Assistant
from qa.compose import Answer, assess
from qa.decision import MAX_FALSE_ABSTENTION, Decision, Signals, is_keyword_match
from qa.errors import QAError
from qa.retrieve import Hit

L2 = 0.1
"""Ridge on the weights (not the bias): keeps them small where a few questions would push them apart."""
MIN_PER_KIND = 5
"""Answerable and unanswerable questions, each, that a fit needs among those the rules leave to the model:
with fewer, one question decides the weights (fitted on 6 and 1, a model weighed the score against answering)."""


class CalibrationError(QAError):
    """The questions cannot fit a decision (one kind only, or none); the message says what to add."""


@dataclass(frozen=True)
class Sample:
    collection: str
    """The group the question was asked in, for figures per group."""
    question_id: str
    answerable: bool
    signals: Signals
    ruled_out: bool = False
    """The rules before the model already abstain (an answer type the quote lacks, an unknown name)."""


@dataclass(frozen=True)
class Asked:
    """A question to fit on, as the caller's question file gives it."""

    id: str
    question: str
    answerable: bool


def samples(assistant: Assistant, questions: Sequence[Asked], k: int, group: str) -> list[Sample]:
    """Each question's signals for its best passage, as the assistant computes them when it answers."""
    rows = []
    for asked in questions:
        hits = assistant.retriever.search(asked.question, k)
        if not hits:
            continue
        answer = assistant.composer.at(0.0).compose(asked.question, hits)
        rows.append(Sample(group, asked.id, asked.answerable, decided_signals(answer, hits), answer.abstained))
    return rows


def decided_signals(answer: Answer, hits: Sequence[Hit]) -> Signals:
    """The decision's signals for the source `answer` was decided on (`decided_on`), composed from `hits`."""
    return assess(decided_on(answer, hits), answer.question)


def decided_on(answer: Answer, hits: Sequence[Hit]) -> Hit:
    """The hit whose signals the decision read for `answer`: its first source's (`qa.compose.lead` may answer from
    one ranked below the first), the first hit when it abstained or answered a keyword question, which no decision
    reads."""
    if answer.abstained or is_keyword_match(answer.question, answer.sources[0].paragraph.text):
        return hits[0]
    return hits[answer.sources[0].rank - 1]


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
    """The confidence threshold abstaining most on unanswerable, within the false-abstention budget of every group.

    The budget holds in each group (collection) that has answerable questions, not over all of them pooled:
    the target is per collection, and a pooled budget lets one collection's many easy questions pay for
    silencing another's (fitted pooled on the dev splits, the threshold rose from 0.17 to 0.43 by giving
    up one of 31 bundled answers, 0.032, within 0.03 of the 85 answerable dev questions pooled).
    The budget is what the threshold adds to the answerable questions the rules already leave unanswered:
    a budget counted from zero would be spent by the rules alone on some collections, and leave the model
    no threshold at all. Ties go to the lowest threshold, which silences the fewest answers.
    """
    groups = [
        [r for r in rows if r.collection == group]
        for group in dict.fromkeys(r.collection for r in rows if r.answerable)
    ]
    allowed = [rates(decision.at(0.0), group)[1] + max_false_abstention for group in groups]
    confidences = sorted({round(decision.confidence(r.signals), 4) for r in rows})
    candidates = [0.0] + [round((a + b) / 2, 4) for a, b in zip(confidences, confidences[1:], strict=False)]
    best = (-1.0, 0.0)
    for threshold in candidates:
        trial = decision.at(threshold)
        within = all(rates(trial, group)[1] <= limit for group, limit in zip(groups, allowed, strict=True))
        abstention = rates(trial, rows)[0]
        if within and abstention > best[0]:
            best = (abstention, threshold)
    return best[1]


def fit_decision(rows: Sequence[Sample], max_false_abstention: float = MAX_FALSE_ABSTENTION) -> Decision:
    """The fitted model with its chosen threshold; the rows need enough answerable and unanswerable questions
    among those the rules leave to the model (`MIN_PER_KIND`), or there is nothing to separate."""
    if not 0.0 <= max_false_abstention < 1.0:
        raise CalibrationError(f"max false abstention must be from 0 up to 1, got {max_false_abstention}")
    left = [row for row in rows if not row.ruled_out]
    answerable, unanswerable = sum(r.answerable for r in left), sum(not r.answerable for r in left)
    if min(answerable, unanswerable) < MIN_PER_KIND:
        raise CalibrationError(
            f"calibrating needs at least {MIN_PER_KIND} answerable and {MIN_PER_KIND} unanswerable questions that "
            f"the rules leave to the decision; got {answerable} answerable and {unanswerable} unanswerable (questions "
            "asking how many or when whose best quote holds no number or date, or naming someone the documents "
            'never mention, are not counted; unanswerable ones have "answerable": false and no evidence)'
        )
    weights, bias = fit(rows)
    return Decision(weights, bias).at(choose_threshold(Decision(weights, bias), rows, max_false_abstention))


def figures(decision: Decision, rows: Sequence[Sample]) -> dict[str, dict[str, float | int]]:
    """Per group: how many questions, abstention on the unanswerable, false abstention on the answerable."""
    per_group = {}
    for group in dict.fromkeys(r.collection for r in rows):
        mine = [r for r in rows if r.collection == group]
        abstention, false_abstention = rates(decision, mine)
        per_group[group] = {
            "questions": len(mine),
            "answerable": sum(r.answerable for r in mine),
            "abstention": round(abstention, 3),
            "false_abstention": round(false_abstention, 3),
        }
    return per_group


def calibrate(
    assistant: Assistant,
    questions: Sequence[Asked],
    k: int,
    max_false_abstention: float = MAX_FALSE_ABSTENTION,
    fitted_on: str = "",
) -> dict[str, object]:
    """Fit the decision on `questions` asked of this assistant's collection; the record to keep with the index."""
    rows = samples(assistant, questions, k, "questions")
    decision = fit_decision(rows, max_false_abstention)
    return decision.record() | {
        "fitted_on": fitted_on,
        "fitted_at": time.strftime("%Y-%m-%dT%H:%M:%SZ", time.gmtime()),
        "k": k,
        "l2": L2,
        "max_false_abstention": max_false_abstention,
        "ruled_out_by_rules": sum(r.ruled_out for r in rows),
        "dev": figures(decision, rows),
    }

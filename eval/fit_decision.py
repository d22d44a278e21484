"""`python -m eval.fit_decision`: fit the answer decision on the dev splits of every collection at once.

Every collection is asked its own dev questions and, as unanswerable, the other collections'
answerable dev questions whose evidence it does not hold (`foreign`). The fit is `qa.calibration`'s: a
ridge logistic regression over the signals, and the threshold abstaining most within
`--max-false-abstention` on the answerable dev questions. Test splits are never read.

One command remakes `qa/decision.json` from the indexes `make eval` builds, and writes beside it how the
same fit transfers: leave one collection out (fit on the others' dev questions, judged on its own), the
measure of a decision that must hold on collections it was never fitted on.
"""

from __future__ import annotations

import argparse
import json
from collections.abc import Mapping, Sequence
from dataclasses import dataclass

from eval.collections import COLLECTIONS, Collection
from eval.dataset import Question, load_questions
from eval.reference import Reference
from eval.runner import read_corpus
from qa import Assistant, calibration
from qa.calibration import L2, Asked, Sample, figures, fit_decision
from qa.decision import DECISION_FILE, MAX_FALSE_ABSTENTION, SIGNAL_NAMES


def dev_questions(collection: Collection, references: Mapping[str, Reference]) -> list[Question]:
    """The collection's dev questions, their evidence checked against its `references` (`read_corpus`)."""
    return [q for q in load_questions(collection.questions, references) if q.split == "dev"]


def foreign(questions: Sequence[Question], references: Mapping[str, Reference]) -> list[Question]:
    """Another collection's answerable questions that these documents cannot answer: none of their evidence is here.

    Collections share documents and editions: the wild collection's 2018 Corporate Accountability Index report
    repeats passages of the real collection's 2017 index and 2018 report on policing speech, and its volume of
    Paine's writings holds the Rights of Man the real collection holds on its own. Asked of wild, 9 of the real
    collection's 48 answerable dev questions find their evidence verbatim and are answered right; counted as
    unanswerable, they were 9 of the 29 foreign questions wild "wrongly" answered (and 1 wild question holds its
    evidence in the real collection's Rights of Man).
    """
    return [
        q
        for q in questions
        if q.answerable
        and not any(reference.reads(evidence) for evidence in q.evidence for reference in references.values())
    ]


def asked(questions: Sequence[Question]) -> list[Asked]:
    return [Asked(q.id, q.question, q.answerable) for q in questions]


@dataclass(frozen=True)
class Asking:
    """One collection's dev questions and, as unanswerable, each other collection's answerable dev questions."""

    own: list[Sample]
    foreign: dict[str, list[Sample]]
    """By the collection the question was written for."""

    def rows(self, without: str | None = None) -> list[Sample]:
        """All of them, less the questions written for the collection `without` (held out)."""
        return self.own + [row for origin, rows in self.foreign.items() if origin != without for row in rows]


def ask(
    collection: Collection, k: int, own: Mapping[str, Sequence[Question]], references: Mapping[str, Reference]
) -> Asking:
    """Each dev question's signals, as the assistant computes them when it answers.

    The foreign questions are off-topic, unanswerable questions with real wording, which a collection's own
    question set has few of; `references` are this collection's documents, to leave out those they answer.
    """
    assistant = Assistant.open(collection.settings())
    off_topic = {
        origin: calibration.samples(
            assistant,
            [Asked(q.id, q.question, False) for q in foreign(qs, references)],
            k,
            f"{collection.name} (foreign)",
        )
        for origin, qs in own.items()
        if origin != collection.name
    }
    return Asking(calibration.samples(assistant, asked(own[collection.name]), k, collection.name), off_topic)


def leave_one_out(asking: Mapping[str, Asking], max_false_abstention: float) -> dict[str, dict[str, object]]:
    """Per collection: its dev figures under a decision fitted on the other collections' dev questions only.

    The other collections are asked neither its questions nor theirs about it: nothing of the held-out
    collection reaches the fit.
    """
    held_out = {}
    for name, mine in asking.items():
        rows = [row for other, them in asking.items() if other != name for row in them.rows(without=name)]
        decision = fit_decision(rows, max_false_abstention)
        held_out[name] = {"fitted": decision.record(), "held_out": figures(decision, mine.rows())}
    return held_out


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
    references = {c.name: read_corpus(c.corpus) for c in COLLECTIONS}
    own = {c.name: dev_questions(c, references[c.name]) for c in COLLECTIONS}
    asking = {c.name: ask(c, args.k, own, references[c.name]) for c in COLLECTIONS}
    rows = [row for each in asking.values() for row in each.rows()]
    decision = fit_decision(rows, args.max_false_abstention)
    record = decision.record() | {
        "fitted_on": "dev splits of "
        + ", ".join(c.name for c in COLLECTIONS)
        + ", each collection also asked the others' answerable dev questions as unanswerable, less those whose"
        + " evidence it holds",
        "l2": L2,
        "max_false_abstention": args.max_false_abstention,
        "dev": figures(decision, rows),
        "leave_one_collection_out": leave_one_out(asking, args.max_false_abstention),
    }
    DECISION_FILE.write_text(json.dumps(record, indent=1) + "\n", encoding="utf-8")
    print(json.dumps(record, indent=1))
    print(f"signals {', '.join(SIGNAL_NAMES)}; written to {DECISION_FILE}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())

"""`python -m eval.weak_sources`: where the weak sources of answers stand, and what cutting them would cost.

A weak source is one shown as an answer that holds no evidence for the question (`eval.metrics.is_weak`).
`qa.compose.Composer.strong` already keeps a further source only when it scores as well as the best one and
would answer on its own, so an answer nearly always quotes one source: the question is whether the weak ones
left are further sources (a cut relative to the best would remove them) or the best source itself (only
abstaining removes it). Each weak source is counted by where it stands (`weak_kind`), and each candidate cut
on the best source is applied at every value in `CUTS` to the pooled dev splits of all the collections: an
answer whose best source falls under the cut is an abstention, and the table gives, per collection, the weak
share, answer support and false abstention it leaves. Test splits are never read.
"""

from __future__ import annotations

import argparse
import json
from collections import Counter
from collections.abc import Callable, Sequence
from dataclasses import dataclass

from eval.collections import COLLECTIONS, Collection
from eval.dataset import Question, find_manifest, load_manifest, load_questions
from eval.metrics import holds_evidence, is_weak
from eval.runner import RETRIEVAL_DEPTH, indexed_corpus
from qa.assistant import Assistant
from qa.compose import Answer, Source
from qa.retrieve import Hit
from qa.terms import question_terms, terms

BM25_DEPTH = RETRIEVAL_DEPTH
"""How far down the BM25 ranking the best source is looked for (the most a search returns); below it, it
counts as ranked just after."""


@dataclass(frozen=True)
class Shown:
    """One answer that was given (not abstained), with what a cut on its best source would read."""

    collection: str
    answerable: bool
    sources: int
    weak: Counter[str]
    """Its weak sources by `weak_kind`."""
    supported: bool
    """Whether a quote holds evidence (`eval.metrics.judge`)."""
    margin: float
    """The best source's score less the runner-up's among the passages retrieved (1.0 with no runner-up)."""
    bm25_rank: int
    """The best source's rank in the BM25 ranking of the same question (BM25_DEPTH + 1 when not in it)."""
    quote_coverage: float
    """Share of the question's content terms that the best source's quote holds."""
    standout: float
    """The best source's score less the last one's of the RETRIEVAL_DEPTH passages retrieved: how far it stands above
    the question's own spread of scores (the index keeps no collection-wide score statistics to read it against)."""


def weak_kind(question: Question, source: Source, best: Source) -> str | None:
    """Where a source shown as an answer stands if it is weak: "unanswerable" (any source of an answer to a
    question the documents do not answer), "best" (the source the answer was decided from holds no evidence),
    "further" (another source without evidence); None when it is not weak."""
    if not is_weak(question, source):
        return None
    if not question.answerable:
        return "unanswerable"
    return "best" if source is best else "further"


def quote_coverage(question: str, source: Source) -> float:
    """Share of the question's content terms (stemmed) that the source's quote holds; 0 without any."""
    wanted = question_terms(question)
    quoted = terms(" ".join(quote.text for quote in source.quotes))
    return len(wanted & quoted) / len(wanted) if wanted else 0.0


def shown(
    collection: str, question: Question, hits: Sequence[Hit], lexical: Sequence[Hit], answer: Answer, floor: float
) -> Shown:
    """What an answer given from `hits` shows, with its best source's standing in the BM25 ranking `lexical` and
    above `floor`, the score of the last passage retrieved."""
    best = answer.sources[0]
    runner_up = next((hit.score for hit in hits if hit.paragraph is not best.paragraph), best.score - 1.0)
    bm25_rank = next((hit.rank for hit in lexical if hit.paragraph is best.paragraph), BM25_DEPTH + 1)
    return Shown(
        collection=collection,
        answerable=question.answerable,
        sources=len(answer.sources),
        weak=Counter(kind for s in answer.sources if (kind := weak_kind(question, s, best)) is not None),
        supported=question.answerable
        and any(holds_evidence(question, quote.text) for s in answer.sources for quote in s.quotes),
        margin=best.score - runner_up,
        bm25_rank=bm25_rank,
        quote_coverage=quote_coverage(question.question, best),
        standout=best.score - floor,
    )


@dataclass(frozen=True)
class Asked:
    """A collection's dev questions as answered: the answers given, and how many were answerable."""

    shown: list[Shown]
    answerable: int
    abstained_answerable: int


def ask(collection: Collection, k: int) -> Asked:
    """The collection's dev questions, answered from the first `k` passages retrieved, as `qa eval` does."""
    assistant = Assistant.open(collection.settings())
    manifest = find_manifest(collection.questions, collection.corpus)
    not_text = {record.file: record.not_text for record in load_manifest(manifest)} if manifest else {}
    questions = load_questions(collection.questions, indexed_corpus(assistant, not_text))
    return answer_all(assistant, [q for q in questions if q.split == "dev"], k, collection.name)


def answer_all(assistant: Assistant, questions: Sequence[Question], k: int, collection: str) -> Asked:
    """Each question answered from the first `k` passages retrieved; the answers given kept as `Shown`."""
    given, abstained = [], 0
    for question in questions:
        retrieved = assistant.retriever.search(question.question, RETRIEVAL_DEPTH)
        hits = retrieved[:k]
        answer = assistant.composer.compose(question.question, hits)
        if answer.abstained:
            abstained += question.answerable
            continue
        lexical = assistant.retriever.search(question.question, BM25_DEPTH, "bm25")
        given.append(shown(collection, question, hits, lexical, answer, retrieved[-1].score))
    return Asked(given, sum(q.answerable for q in questions), abstained)


Cut = Callable[[Shown], bool]
"""True when the answer's best source falls under the cut: the answer would abstain."""

CUTS: dict[str, tuple[tuple[float, ...], Callable[[float], Cut]]] = {
    "margin under": ((0.005, 0.01, 0.02, 0.03, 0.05, 0.08), lambda v: lambda s: s.margin < v),
    "bm25 rank from": ((2, 3, 4, 6, 10), lambda v: lambda s: s.bm25_rank >= v),
    "margin under 0.05 and bm25 rank from": ((2, 3, 5), lambda v: lambda s: s.margin < 0.05 and s.bm25_rank >= v),
    "quote coverage under": ((0.3, 0.4, 0.5, 0.6), lambda v: lambda s: s.quote_coverage < v),
    "standout under": ((0.1, 0.15, 0.2), lambda v: lambda s: s.standout < v),
}
"""Each candidate cut on the best source and the values tried: the margin to the runner-up, the agreement of
the BM25 ranking (the best source's rank there), the question's terms the quote holds, and how far the best
source stands above the last passage retrieved."""


def figures(asked: Asked, cut: Cut) -> dict[str, float | None]:
    """Weak share of the sources shown, answer support and false abstention once `cut` abstains on its answers."""
    kept = [s for s in asked.shown if not cut(s)]
    sources = sum(s.sources for s in kept)
    weak = sum(sum(s.weak.values()) for s in kept)
    silenced = sum(s.answerable for s in asked.shown if cut(s))
    answerable = asked.answerable or None
    return {
        "weak_sources": round(weak / sources, 3) if sources else None,
        "answer_support": round(sum(s.supported for s in kept) / answerable, 3) if answerable else None,
        "false_abstention": round((asked.abstained_answerable + silenced) / answerable, 3) if answerable else None,
    }


def pooled(asked: Sequence[Asked]) -> Asked:
    return Asked(
        [s for a in asked for s in a.shown],
        sum(a.answerable for a in asked),
        sum(a.abstained_answerable for a in asked),
    )


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--k", type=int, default=3, help="passages retrieved per question (default 3)")
    args = parser.parse_args(argv)
    asked = {c.name: ask(c, args.k) for c in COLLECTIONS}
    asked["pooled"] = pooled(list(asked.values()))
    report: dict[str, object] = {
        "weak_by_kind": {name: dict(sum((s.weak for s in a.shown), Counter())) for name, a in asked.items()},
        "no cut": {name: figures(a, lambda s: False) for name, a in asked.items()},
    }
    for name, (values, make) in CUTS.items():
        for value in values:
            report[f"{name} {value}"] = {collection: figures(a, make(value)) for collection, a in asked.items()}
    print(json.dumps(report, indent=1))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())

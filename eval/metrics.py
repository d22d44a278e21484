"""Per-question judgements and their totals. Pure: they see answers and source texts, nothing else."""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass

from eval.dataset import Question
from qa.compose import Answer, Source
from qa.retrieve import Hit


@dataclass(frozen=True)
class Judgement:
    """How one answer fared."""

    question: Question
    evidence_rank: int | None
    """Rank (1-based) of the first retrieved paragraph holding an evidence string; None if none."""
    abstained: bool
    supported: bool
    quotes: int
    faithful_quotes: int
    cited: int
    correctly_cited: int
    gold_footnotes: int
    gold_cited: int
    top_score: float


def evidence_rank(question: Question, hits: Sequence[Hit]) -> int | None:
    for hit in hits:
        if any(evidence in hit.paragraph.text for evidence in question.evidence):
            return hit.rank
    return None


def quote_is_faithful(source: Source, source_text: str) -> bool:
    """Each quote is its passage's slice, and the passage stands verbatim where it says in its file."""
    paragraph = source.paragraph
    if source_text[paragraph.offset : paragraph.offset + len(paragraph.text)] != paragraph.text:
        return False
    return all(paragraph.text[q.start : q.end] == q.text and q.text for q in source.quotes)


def note_is_defined_in_article(source_text: str, start: int, end: int, number: int, text: str) -> bool:
    """Whether `[number] text` is defined in the source file between the article's bounds."""
    pattern = re.compile(rf"\[{number}\]\s*{re.escape(text)}")
    return pattern.search(source_text, start, end) is not None


def judge(
    question: Question,
    hits: Sequence[Hit],
    answer: Answer,
    sources_text: Mapping[str, str],
    article_bounds: Mapping[str, tuple[int, int]],
) -> Judgement:
    """Judge one answer against its question's gold evidence and footnotes."""
    quotes = faithful = cited = correct = gold_cited = 0
    gold = {(f.document, f.number) for f in question.footnotes}
    for source in answer.sources + answer.nearest:
        text = sources_text[source.article.source]
        quotes += len(source.quotes)
        faithful += len(source.quotes) if quote_is_faithful(source, text) else 0
    for source in answer.sources:
        text = sources_text[source.article.source]
        start, end = article_bounds[source.article.id]
        for note in source.footnotes:
            if note.text is None:
                continue  # a marker the source never defines: shown as such, not a citation
            cited += 1
            marker = f"[{note.number}]"
            inside = any(marker in quote.text for quote in source.quotes)
            if inside and note_is_defined_in_article(text, start, end, note.number, note.text):
                correct += 1
            if (source.article.title, note.number) in gold:
                gold_cited += 1
                gold.discard((source.article.title, note.number))
    supported = not answer.abstained and any(
        evidence in quote.text for source in answer.sources for quote in source.quotes for evidence in question.evidence
    )
    return Judgement(
        question=question,
        evidence_rank=evidence_rank(question, hits),
        abstained=answer.abstained,
        supported=supported,
        quotes=quotes,
        faithful_quotes=faithful,
        cited=cited,
        correctly_cited=correct,
        gold_footnotes=len(question.footnotes),
        gold_cited=gold_cited,
        top_score=hits[0].score if hits else 0.0,
    )


def _ratio(numerator: float, denominator: float) -> float | None:
    return numerator / denominator if denominator else None


def rank_figures(ranks: Sequence[int | None]) -> dict[str, float | None]:
    """Recall at 1, 3 and 10 and mean reciprocal rank of the evidence, over answerable questions."""
    figures: dict[str, float | None] = {
        f"recall@{n}": _ratio(sum(r is not None and r <= n for r in ranks), len(ranks)) for n in (1, 3, 10)
    }
    figures["mrr"] = _ratio(sum(1 / r for r in ranks if r), len(ranks))
    return figures


def summarize(judgements: Iterable[Judgement]) -> dict[str, float | None]:
    """The eval table's figures for a group of judgements (None where nothing was measured)."""
    items = list(judgements)
    answerable = [j for j in items if j.question.answerable]
    unanswerable = [j for j in items if not j.question.answerable]
    return {
        "questions": len(items),
        "answerable": len(answerable),
        **rank_figures([j.evidence_rank for j in answerable]),
        "answer_support": _ratio(sum(j.supported for j in answerable), len(answerable)),
        "quote_fidelity": _ratio(sum(j.faithful_quotes for j in items), sum(j.quotes for j in items)),
        "footnote_recall": _ratio(sum(j.gold_cited for j in answerable), sum(j.gold_footnotes for j in answerable)),
        "footnote_precision": _ratio(sum(j.correctly_cited for j in items), sum(j.cited for j in items)),
        "abstention": _ratio(sum(j.abstained for j in unanswerable), len(unanswerable)),
        "false_abstention": _ratio(sum(j.abstained for j in answerable), len(answerable)),
    }


@dataclass(frozen=True)
class SweepPoint:
    """The answer figures at one abstention threshold."""

    threshold: float
    abstention: float | None
    false_abstention: float | None
    answer_support: float | None


def sweep_point(threshold: float, judgements: Iterable[Judgement]) -> SweepPoint:
    figures = summarize(judgements)
    return SweepPoint(threshold, figures["abstention"], figures["false_abstention"], figures["answer_support"])


def candidate_thresholds(judgements: Sequence[Judgement]) -> list[float]:
    """Midpoints between neighbouring top scores, plus one below all: every distinct decision."""
    scores = sorted({round(j.top_score, 4) for j in judgements})
    if not scores:
        return []
    return [round(scores[0] - 0.01, 4)] + [round((a + b) / 2, 4) for a, b in zip(scores, scores[1:], strict=False)]


def choose_threshold(points: Sequence[SweepPoint]) -> float:
    """The threshold maximizing abstention on unanswerable minus false abstention on answerable.

    Ties go to the lower threshold, which silences fewer answers.
    """
    scored = [p for p in points if p.abstention is not None and p.false_abstention is not None]
    if not scored:
        raise ValueError("calibration needs both answerable and unanswerable questions")
    return max(scored, key=lambda p: (p.abstention - p.false_abstention, -p.threshold)).threshold


def retrieval_summary(
    questions: Sequence[Question], ranks: Sequence[int | None], top_scores: Sequence[float], threshold: float
) -> dict[str, float | None]:
    """The eval table's figures for a system that only ranks paragraphs (the peer): no quotes, no notes."""
    answerable = [r for q, r in zip(questions, ranks, strict=True) if q.answerable]
    silent = [q.answerable for q, score in zip(questions, top_scores, strict=True) if score < threshold]
    unanswerable = len(questions) - len(answerable)
    return {
        **dict.fromkeys(summarize(()), None),
        "questions": len(questions),
        "answerable": len(answerable),
        **rank_figures(answerable),
        "abstention": _ratio(silent.count(False), unanswerable),
        "false_abstention": _ratio(silent.count(True), len(answerable)),
    }

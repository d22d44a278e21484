"""Per-question judgements and their totals. Pure: they see answers and source texts, nothing else."""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from functools import lru_cache
from pathlib import PurePath

from eval.dataset import DocumentRecord, GoldFootnote, Question
from eval.reference import Reference, is_not_text, normalize, note_in_reference, quote_in_reference
from qa.compose import Answer, Source
from qa.corpus import Article, Paragraph, slugify
from qa.retrieve import Hit
from qa.sentences import NOTE_MARKER_RE, note_key, printed_key, split_sentences


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
    chrome_quotes: int = 0
    """Quotes holding a string the document shows but did not write as text (chrome, front matter)."""
    sources: int = 0
    """Sources quoted as the answer (the nearest passages, shown as not an answer, aside)."""
    weak_sources: int = 0
    """Of those, the ones holding no evidence: see `is_weak`."""
    extra_sentences: int | None = None
    """Sentences quoted beyond those holding the evidence (see `extra_sentences`); None when not measured."""


@lru_cache(maxsize=8192)
def _plain(text: str) -> str:
    """Text without note markers, in single spaces: how evidence strings are written. Kept per text: every
    source is searched for each evidence string, at every threshold of a sweep."""
    return normalize(NOTE_MARKER_RE.sub("", text))


def holds_evidence(question: Question, text: str) -> bool:
    """Whether a passage or quote holds one of the question's evidence strings, markers aside."""
    plain = _plain(text)
    return any(_plain(evidence) in plain for evidence in question.evidence)


def cited_notes(article: Article, paragraph: Paragraph) -> list[str]:
    """The texts of the notes the paragraph's markers cite, in its article (a noteless marker cites none)."""
    notes = (article.footnote(m.number, paragraph.page) for m in paragraph.markers if paragraph.cites(m))
    return [note for note in notes if note is not None]


def passage_holds_evidence(question: Question, article: Article, paragraph: Paragraph) -> bool:
    """Whether a paragraph holds an evidence string, in its own text or in a note it cites: an answer from it shows
    the note beneath the sentence citing it, so evidence a document put in a note is found there."""
    return holds_evidence(question, paragraph.text) or any(
        holds_evidence(question, note) for note in cited_notes(article, paragraph)
    )


def answer_holds_evidence(question: Question, source: Source) -> bool:
    """Whether a source's quotes, or the notes they cite (`Source.footnotes`: only markers inside a quote), hold an
    evidence string. A note the paragraph cites outside the quote is not shown, so it supports nothing."""
    return any(holds_evidence(question, quote.text) for quote in source.quotes) or any(
        note.text is not None and holds_evidence(question, note.text) for note in source.footnotes
    )


def evidence_rank(question: Question, hits: Sequence[Hit]) -> int | None:
    for hit in hits:
        if passage_holds_evidence(question, hit.article, hit.paragraph):
            return hit.rank
    return None


def is_weak(question: Question, source: Source) -> bool:
    """A source shown as an answer that holds no evidence for the question.

    For an answerable question: no evidence string in the source's paragraph or the notes it cites. For an
    unanswerable one nothing is evidence, so every source of an answer given to it is weak.
    """
    return not question.answerable or not passage_holds_evidence(question, source.article, source.paragraph)


@lru_cache(maxsize=4096)
def evidence_sentences(question: Question, text: str) -> frozenset[int]:
    """The fewest adjacent sentences of a paragraph that together hold an evidence string.

    Empty when the paragraph holds none. Of equally short runs, the first is taken. Kept per question and
    paragraph: a sweep judges the same sources at every threshold, and splitting and searching them again
    was most of its time (24 s of CPU for 40 thresholds on the dev split, measured).
    """
    sentences = split_sentences(text)
    for length in range(1, len(sentences) + 1):
        for first in range(len(sentences) - length + 1):
            last = first + length - 1
            if holds_evidence(question, text[sentences[first].start : sentences[last].end]):
                return frozenset(range(first, last + 1))
    return frozenset()


def extra_sentences(question: Question, answer: Answer) -> int | None:
    """Sentences quoted beyond the evidence, over the answer's sources whose paragraph holds evidence.

    A quote of exactly the sentences holding an evidence string scores 0; each further sentence
    quoted from such a paragraph counts 1. Sources without evidence are left to `is_weak`; None
    when the answer abstained, the question is unanswerable, or no source holds evidence.
    """
    if answer.abstained or not question.answerable:
        return None
    extra: int | None = None
    for source in answer.sources:
        text = source.paragraph.text
        evidence = evidence_sentences(question, text)
        if not evidence:
            continue
        quoted = {
            i
            for i, sentence in enumerate(split_sentences(text))
            if any(q.start <= sentence.start and sentence.end <= q.end for q in source.quotes)
        }
        extra = (extra or 0) + len(quoted - evidence)
    return extra


def quote_is_faithful(source: Source, reference: Reference) -> bool:
    """Each quote is a slice of its passage, and its words stand in the document as read by other means."""
    paragraph = source.paragraph
    return all(
        q.text and paragraph.text[q.start : q.end] == q.text and quote_in_reference(q.text, reference)
        for q in source.quotes
    )


def _gold_key(note: GoldFootnote, source: Source) -> bool:
    """A gold note names its article by id or title, or its file by the id of the file's first article
    (a report whose note numbers restart is parsed into one article per numbering run)."""
    article = source.article
    first_of_file = f"{slugify(PurePath(article.source).stem)}-1"
    return note.document in (article.id, article.title, first_of_file)


def _same_label(gold: int, key: int) -> bool:
    """Whether a gold note's key names the note of `key`: by its label as printed (`printed_key`). A gold note given
    by its label ("*") names every note of its article printed so, as a reader reading the label can only name it: an
    article may mark a note with "*" on one page and another note with "*" on a later one (`note_key`'s `reuse`)."""
    return printed_key(gold) == printed_key(key)


def judge(
    question: Question,
    hits: Sequence[Hit],
    answer: Answer,
    references: Mapping[str, Reference],
) -> Judgement:
    """Judge one answer against its question's gold evidence and footnotes.

    `references` holds each article's independent extraction (`eval.reference`), keyed by article id:
    quotes and notes are checked against it, never against the parser's own text.
    """
    quotes = faithful = cited = correct = gold_cited = chrome = 0
    gold = set(question.footnotes)
    for source in answer.sources + answer.nearest:
        reference = references[source.article.id]
        quotes += len(source.quotes)
        faithful += len(source.quotes) if quote_is_faithful(source, reference) else 0
        chrome += sum(is_not_text(quote.text, reference) for quote in source.quotes)
    for source in answer.sources:
        reference = references[source.article.id]
        for note in source.footnotes:
            if note.text is None:
                continue  # a marker the source never defines: shown as such, not a citation
            cited += 1
            # as the quote writes it: `[1]`, or `[01]` where the source numbers its notes with a leading zero; a
            # symbol by its label as printed, whichever of its article's notes of that label it is (`printed_key`)
            inside = printed_key(note.number) in {
                note_key(m.group(1)) for quote in source.quotes for m in NOTE_MARKER_RE.finditer(quote.text)
            }
            if inside and note_in_reference(note.number, note.text, reference):
                correct += 1
            found = next((g for g in gold if _same_label(g.number, note.number) and _gold_key(g, source)), None)
            if found is not None:
                gold_cited += 1
                gold.discard(found)
    supported = not answer.abstained and any(answer_holds_evidence(question, source) for source in answer.sources)
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
        chrome_quotes=chrome,
        sources=len(answer.sources),
        weak_sources=sum(is_weak(question, source) for source in answer.sources),
        extra_sentences=extra_sentences(question, answer),
    )


def _ratio(numerator: float, denominator: float) -> float | None:
    return numerator / denominator if denominator else None


def _mean(values: Sequence[float]) -> float | None:
    return _ratio(sum(values), len(values))


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
        "chrome_quotes": sum(j.chrome_quotes for j in items),
        "weak_sources": _ratio(sum(j.weak_sources for j in items), sum(j.sources for j in items)),
        "extra_sentences": _mean([j.extra_sentences for j in answerable if j.extra_sentences is not None]),
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


def candidate_thresholds(values: Iterable[float]) -> list[float]:
    """Midpoints between neighbouring values, plus one below all: every distinct decision a threshold makes."""
    scores = sorted({round(value, 4) for value in values})
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


Verdict = str
"""How one metadata field fared: "correct", "wrong" (including invented where none is printed) or "missing"."""
_FOLD = str.maketrans({"’": "'", "‘": "'", "“": '"', "”": '"', "–": "-", "—": "-", "\u2010": "-", "\u2011": "-"})
"""Typographic quotes and dashes as typed: the same words in a manifest and on the page. Unicode's hyphen (U+2010)
and non-breaking hyphen (U+2011), which Word's PDFs print for a typed "-" ("Pan‐Canadian"), are that hyphen."""
_NAME_SPLIT_RE = re.compile(r"\s*(?:,|;|&|\band\b)\s*")
_INVERTED_SPLIT_RE = re.compile(r"\s*(?:;|&|\band\b)\s*")


def _names(author: str) -> set[str]:
    """The names in an author line, printed or parsed, split the same way on both sides.

    Names written surname first ("Cole, Jared P.; Novak, Whitney K.") hold a comma of their own, so a line
    that has a semicolon is split at semicolons (and "&", "and") only; other lines at commas too.
    """
    pattern = _INVERTED_SPLIT_RE if ";" in author else _NAME_SPLIT_RE
    return {_fold(name) for name in pattern.split(author) if name.strip()}


def _fold(text: str) -> str:
    return normalize(text).translate(_FOLD).casefold().strip(" .,:;")


def _verdict(printed: set[str], found: set[str]) -> Verdict:
    if found == printed:
        return "correct"
    return "missing" if not found else "wrong"


def metadata_verdicts(article: Article, record: DocumentRecord) -> dict[str, Verdict]:
    """Title, author and date as parsed against what the document prints; a date is only as precise as printed."""
    titles = {_fold(t) for t in record.titles}
    title = _fold(article.title) if article.title else None
    return {
        "title": _verdict(titles, titles if title in titles else {title} - {None}),
        "author": _verdict(
            {name for author in record.authors for name in _names(author)},
            _names(article.author or ""),
        ),
        "date": _verdict({record.date} if record.date else set(), {article.date} if article.date else set()),
    }


def notes_resolved(questions: Iterable[Question], articles: Sequence[Article]) -> tuple[int, int]:
    """Gold notes the parser resolves where their evidence stands, and gold notes in all (parsing, not answering).

    A gold note counts as resolved when a paragraph holding the question's evidence has its marker and
    that paragraph's article defines the note; whether an answer then quotes it is `footnote_recall`.
    """
    resolved = total = 0
    for question in questions:
        holding = [(a, p) for a in articles for p in a.paragraphs if holds_evidence(question, p.text)]
        for note in question.footnotes:
            total += 1
            resolved += any(
                _same_label(m.number, note.number) and p.cites(m) and a.footnote(m.number, p.page) is not None
                for a, p in holding
                for m in p.markers
            )
    return resolved, total

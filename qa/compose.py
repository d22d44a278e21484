"""Retrieved paragraphs -> the answer: verbatim extracts, their attribution and their footnotes.

Nothing here writes a word of its own about the question: every quote is a slice of its
paragraph, and every footnote cited has its marker inside a quote.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

import jinja2

from qa.corpus import Article, Paragraph
from qa.decision import Decision, Signals, is_keyword_match, signals
from qa.retrieve import Hit, ScoredSpan
from qa.sentences import Span, leans_on_previous, split_sentences

MAX_QUOTE_CHARS = 700
"""Beyond about this length a quote stops being an extract; extra sentences are left out."""
CLOSE_TO_BEST = 0.1
"""A further sentence is quoted too when it scores within this much of the best stretch."""
PAIR_SLACK = 0.1
"""A sentence is quoted with its neighbour when the pair scores within this much of it alone."""
NEAREST_SHOWN = 3
_SPLIT_PARAGRAPHS_KEPT = 16384
"""Paragraphs whose sentence boundaries are remembered; more than the bundled corpus has."""


@dataclass(frozen=True)
class Quote:
    """A verbatim piece of a paragraph: `paragraph.text[start:end] == text`."""

    text: str
    start: int
    end: int


@dataclass(frozen=True)
class Citation:
    """A footnote marker inside a quote, resolved in the quote's own article (None: undefined)."""

    number: int
    text: str | None


@dataclass(frozen=True)
class Source:
    rank: int
    score: float
    article: Article
    paragraph: Paragraph
    quotes: tuple[Quote, ...]
    footnotes: tuple[Citation, ...]


@dataclass(frozen=True)
class Answer:
    question: str
    abstained: bool
    text: str
    """The answer rendered by the template, ready to paste."""
    sources: tuple[Source, ...]
    nearest: tuple[Source, ...] = ()
    """On abstention, the closest passages, which are explicitly not an answer."""


@lru_cache(maxsize=_SPLIT_PARAGRAPHS_KEPT)
def _sentences(text: str) -> tuple[tuple[Span, ...], frozenset[Span]]:
    """Splitting is most of the cost of quoting, and the same paragraphs are quoted again and again."""
    sentences = split_sentences(text)
    return sentences, frozenset(sentences)


def select_quotes(text: str, spans: Sequence[ScoredSpan]) -> tuple[Quote, ...]:
    """The sentences of a paragraph that answer best, verbatim, as runs of adjacent sentences."""
    sentences, sentence_set = _sentences(text)
    if not sentences:
        return ()
    whole = Span(sentences[0].start, sentences[-1].end)
    candidates = [s for s in spans if s.span != whole or len(sentences) <= 2] or list(spans)
    if not candidates:
        return (Quote(text[whole.start : whole.end], whole.start, whole.end),)
    single = {s.span: s.score for s in candidates if s.span in sentence_set}
    best = max(candidates, key=lambda s: s.score)
    if _span_length(best.span) > MAX_QUOTE_CHARS and single:
        inside = {span: score for span, score in single.items() if _within(span, best.span)}
        best = ScoredSpan(*max((inside or single).items(), key=lambda item: item[1]))
    if best.span in single:
        pairs = [s for s in candidates if _within(best.span, s.span) and s.span != best.span and s.span != whole]
        partner = max(pairs, key=lambda s: s.score, default=None)
        if partner and partner.score >= best.score - PAIR_SLACK and _span_length(partner.span) <= MAX_QUOTE_CHARS:
            best = partner
    chosen = {i for i, sentence in enumerate(sentences) if _within(sentence, best.span)}
    first = min(chosen)
    if first > 0 and leans_on_previous(text[sentences[first].start :]):
        chosen.add(first - 1)
    for i, sentence in enumerate(sentences):
        if i in chosen or single.get(sentence, -2.0) < best.score - CLOSE_TO_BEST:
            continue
        if _length(sentences, chosen | {i}) <= MAX_QUOTE_CHARS:
            chosen.add(i)
    return tuple(_runs(text, sentences, sorted(chosen)))


def _within(inner: Span, outer: Span) -> bool:
    return outer.start <= inner.start and inner.end <= outer.end


def _span_length(span: Span) -> int:
    return span.end - span.start


def _length(sentences: Sequence[Span], chosen: set[int]) -> int:
    return sum(_span_length(sentences[i]) for i in chosen)


def _runs(text: str, sentences: Sequence[Span], chosen: list[int]) -> list[Quote]:
    runs: list[list[int]] = []
    for i in chosen:
        if runs and runs[-1][-1] == i - 1:
            runs[-1].append(i)
        else:
            runs.append([i])
    quotes = []
    for run in runs:
        start, end = sentences[run[0]].start, sentences[run[-1]].end
        quotes.append(Quote(text[start:end], start, end))
    return quotes


def cite(article: Article, paragraph: Paragraph, quotes: Sequence[Quote]) -> tuple[Citation, ...]:
    """Footnotes whose markers stand inside the quotes, in order, each once."""
    numbers: dict[int, None] = {}
    for marker in paragraph.markers:
        if any(q.start <= marker.start and marker.end <= q.end for q in quotes):
            numbers.setdefault(marker.number)
    return tuple(Citation(n, article.footnote(n)) for n in numbers)


def to_source(hit: Hit) -> Source:
    quotes = select_quotes(hit.paragraph.text, hit.spans)
    return Source(hit.rank, hit.score, hit.article, hit.paragraph, quotes, cite(hit.article, hit.paragraph, quotes))


def assess(question: str, hit: Hit, source: Source) -> Signals:
    """The decision's signals for the best hit: its scores, and its quote for the answer type."""
    quote = " ".join(q.text for q in source.quotes)
    return signals(question, hit.score, hit.coverage, hit.paragraph.text, quote)


class Composer:
    """Decides whether the hits answer the question and renders the answer through its template."""

    def __init__(self, decision: Decision) -> None:
        self.decision = decision
        environment = jinja2.Environment(
            loader=jinja2.FileSystemLoader(Path(__file__).parent / "templates"),
            undefined=jinja2.StrictUndefined,
            autoescape=False,  # plain text; the HTML pages escape on their own
            keep_trailing_newline=True,
        )
        self._template = environment.get_template("answer.txt.j2")

    def compose(self, question: str, hits: Sequence[Hit]) -> Answer:
        found = tuple(to_source(hit) for hit in hits)
        sources = self.answering(question, hits, found)
        if not sources:
            nearest = found[:NEAREST_SHOWN]
            text = self._template.render(question=question, abstained=True, sources=(), nearest=nearest)
            return Answer(question, True, text, (), nearest)
        text = self._template.render(question=question, abstained=False, sources=sources, nearest=())
        return Answer(question, False, text, sources)

    def answering(self, question: str, hits: Sequence[Hit], sources: Sequence[Source]) -> tuple[Source, ...]:
        """All the sources, or none when the best one is not an answer (`qa.decision`).

        A keyword question (one to three words) is answered by the passages that hold it verbatim.
        """
        if not sources:
            return ()
        keyword = tuple(s for s in sources if is_keyword_match(question, s.paragraph.text))
        if keyword:
            return keyword
        if not self.decision.answers(assess(question, hits[0], sources[0])):
            return ()
        return tuple(sources)

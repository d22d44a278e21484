"""Retrieved paragraphs -> the answer: verbatim extracts, their attribution and their footnotes.

Nothing here writes a word of its own about the question: every quote is a slice of its
paragraph, and every footnote cited has its marker inside a quote.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

import jinja2

from qa.abstain import asks_for_quantity, states_quantity
from qa.corpus import Article, Paragraph
from qa.retrieve import Hit, ScoredSpan
from qa.sentences import Span, leans_on_previous

MAX_QUOTE_CHARS = 700
"""Beyond about this length a quote stops being an extract; extra sentences are left out."""
CLOSE_TO_BEST = 0.1
"""A further sentence is quoted too when it scores within this much of the best stretch."""
PAIR_SLACK = 0.1
"""A sentence is quoted with its neighbour when the pair scores within this much of it alone."""
NEAREST_SHOWN = 3


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


def sentences_of(spans: Sequence[ScoredSpan]) -> tuple[Span, ...]:
    """A paragraph's sentences, in order, recovered from its indexed spans instead of splitting it again.

    The index holds each sentence alone, with its neighbour and within the whole paragraph
    (`qa.passages.paragraph_spans`), so the shortest span starting at a position is the sentence that
    starts there. Quotes are thereby cut exactly where the index cut, and no answer pays for a split
    (pysbd takes several milliseconds per paragraph on first use).
    """
    shortest: dict[int, Span] = {}
    for scored in spans:
        known = shortest.get(scored.span.start)
        if known is None or scored.span.end < known.end:
            shortest[scored.span.start] = scored.span
    return tuple(sorted(shortest.values(), key=lambda span: span.start))


def select_quotes(text: str, spans: Sequence[ScoredSpan]) -> tuple[Quote, ...]:
    """The sentences of a paragraph that answer best, verbatim, as runs of adjacent sentences.

    `spans` are every indexed span of the paragraph with its score (see `sentences_of`).
    """
    sentences = sentences_of(spans)
    sentence_set = frozenset(sentences)
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


class Composer:
    """Decides whether the hits answer the question and renders the answer through its template."""

    def __init__(self, abstain_below: float) -> None:
        self.abstain_below = abstain_below
        environment = jinja2.Environment(
            loader=jinja2.FileSystemLoader(Path(__file__).parent / "templates"),
            undefined=jinja2.StrictUndefined,
            autoescape=False,  # plain text; the HTML pages escape on their own
            keep_trailing_newline=True,
        )
        self._template = environment.get_template("answer.txt.j2")

    def compose(self, question: str, hits: Sequence[Hit]) -> Answer:
        found = tuple(to_source(hit) for hit in hits)
        sources = self.answering(question, found)
        if not sources:
            nearest = found[:NEAREST_SHOWN]
            text = self._template.render(question=question, abstained=True, sources=(), nearest=nearest)
            return Answer(question, True, text, (), nearest)
        text = self._template.render(question=question, abstained=False, sources=sources, nearest=())
        return Answer(question, False, text, sources)

    def answering(self, question: str, sources: Sequence[Source]) -> tuple[Source, ...]:
        """All the sources, or none when the best one is not an answer.

        It is not when it scores under the threshold, or when the question asks for a quantity and
        its quotes state none: a lower-ranked number is then more likely a different figure.
        """
        if not sources or sources[0].score < self.abstain_below:
            return ()
        if asks_for_quantity(question) and not any(states_quantity(q.text, question) for q in sources[0].quotes):
            return ()
        return tuple(sources)

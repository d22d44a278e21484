"""Question -> ranked paragraphs, each with the score of every indexed stretch inside it."""

from __future__ import annotations

import re
from collections.abc import Mapping, Sequence
from dataclasses import dataclass

import numpy as np

from embeddings import Encoder, PassageIndex
from qa.corpus import Article, Paragraph
from qa.lexical import TermWeights, terms
from qa.sentences import Span

PARAGRAPH_TERM_WEIGHT = 0.2
"""How much rare-term overlap with the whole paragraph adds to its dense score when ranking."""
SPAN_TERM_WEIGHT = 0.3
"""How much rare-term overlap adds to a sentence's dense score when choosing what to quote."""
_CANDIDATES_PER_SLOT = 40
"""Entries fetched per requested paragraph: several entries share a paragraph, and duplicates drop out."""


@dataclass(frozen=True)
class ScoredSpan:
    span: Span
    score: float


@dataclass(frozen=True)
class Hit:
    """A retrieved paragraph. `score` is its best entry's; `spans` scores every entry inside it."""

    article: Article
    paragraph: Paragraph
    score: float
    rank: int
    spans: tuple[ScoredSpan, ...]


def _fold(text: str) -> str:
    """Text with markers, punctuation and case removed, to spot the same passage twice."""
    return re.sub(r"\W+|\[\d+\]", " ", text.lower()).strip()


class Retriever:
    """Dense retrieval over the passage index, one hit per distinct paragraph."""

    def __init__(
        self,
        encoder: Encoder,
        index: PassageIndex,
        articles: Sequence[Article],
        paragraph_term_weight: float = PARAGRAPH_TERM_WEIGHT,
        span_term_weight: float = SPAN_TERM_WEIGHT,
    ) -> None:
        self.encoder = encoder
        self.paragraph_term_weight = paragraph_term_weight
        self.span_term_weight = span_term_weight
        self.weights = TermWeights.from_texts(p.text for a in articles for p in a.paragraphs)
        self.index = index
        self._articles: Mapping[str, Article] = {a.id: a for a in articles}
        self._by_paragraph: dict[tuple[str, int], list[int]] = {}
        self._entry_terms: list[set[str]] = []
        for position, entry in enumerate(index.entries):
            self._by_paragraph.setdefault((entry.doc_id, entry.paragraph), []).append(position)
            text = self._paragraph((entry.doc_id, entry.paragraph)).text
            self._entry_terms.append(terms(text[entry.start : entry.end]))
        # Tokenized once here, so a request never re-reads the corpus's text.
        self._paragraph_terms = {key: terms(self._paragraph(key).text) for key in self._by_paragraph}
        self._folded = {key: _fold(self._paragraph(key).text) for key in self._by_paragraph}

    def _paragraph(self, key: tuple[str, int]) -> Paragraph:
        return self._articles[key[0]].paragraphs[key[1] - 1]

    def search(self, question: str, k: int) -> list[Hit]:
        """The `k` best distinct paragraphs for `question`, best first."""
        if k < 1:
            raise ValueError(f"k must be at least 1, got {k}")
        query = self.encoder.encode_query(question)
        return self.rank(question, query, k)

    def rank(self, question: str, query: np.ndarray, k: int) -> list[Hit]:
        """Rank paragraphs for a question whose embedding is `query`."""
        wanted = terms(question)
        best: dict[tuple[str, int], float] = {}
        for position, score in self.index.search(query, k * _CANDIDATES_PER_SLOT):
            entry = self.index.entries[position]
            best.setdefault((entry.doc_id, entry.paragraph), score)
        scored = [
            (score + self.paragraph_term_weight * self.weights.overlap(wanted, self._paragraph_terms[key]), key)
            for key, score in best.items()
        ]
        hits: list[Hit] = []
        seen: set[str] = set()
        for score, key in sorted(scored, key=lambda item: -item[0]):
            if self._folded[key] in seen:
                continue
            seen.add(self._folded[key])
            spans = self._span_scores(key, query, wanted)
            hits.append(Hit(self._articles[key[0]], self._paragraph(key), score, len(hits) + 1, spans))
            if len(hits) == k:
                break
        return hits

    def _span_scores(self, key: tuple[str, int], query: np.ndarray, wanted: set[str]) -> tuple[ScoredSpan, ...]:
        positions = self._by_paragraph[key]
        scores = self.index.vectors[positions] @ query
        scored = []
        for position, score in zip(positions, scores, strict=True):
            entry = self.index.entries[position]
            overlap = self.weights.overlap(wanted, self._entry_terms[position])
            scored.append(ScoredSpan(Span(entry.start, entry.end), float(score) + self.span_term_weight * overlap))
        return tuple(scored)

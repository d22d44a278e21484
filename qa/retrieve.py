"""Question -> ranked paragraphs, each with the score of every indexed stretch inside it."""

from __future__ import annotations

import re
from collections.abc import Mapping, Sequence
from dataclasses import dataclass

import numpy as np

from embeddings import Encoder, PassageIndex
from qa.corpus import Article, Paragraph
from qa.sentences import Span

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

    def __init__(self, encoder: Encoder, index: PassageIndex, articles: Sequence[Article]) -> None:
        self.encoder = encoder
        self.index = index
        self._articles: Mapping[str, Article] = {a.id: a for a in articles}
        self._by_paragraph: dict[tuple[str, int], list[int]] = {}
        for position, entry in enumerate(index.entries):
            self._by_paragraph.setdefault((entry.doc_id, entry.paragraph), []).append(position)

    def search(self, question: str, k: int) -> list[Hit]:
        """The `k` best distinct paragraphs for `question`, best first."""
        if k < 1:
            raise ValueError(f"k must be at least 1, got {k}")
        query = self.encoder.encode([question])[0]
        return self.rank(query, k)

    def rank(self, query: np.ndarray, k: int) -> list[Hit]:
        """Rank paragraphs for an already embedded question."""
        best: dict[tuple[str, int], float] = {}
        for position, score in self.index.search(query, k * _CANDIDATES_PER_SLOT):
            entry = self.index.entries[position]
            key = (entry.doc_id, entry.paragraph)
            best.setdefault(key, score)
        hits: list[Hit] = []
        seen: set[str] = set()
        for key, score in sorted(best.items(), key=lambda item: -item[1]):
            article = self._articles[key[0]]
            paragraph = article.paragraphs[key[1] - 1]
            folded = _fold(paragraph.text)
            if folded in seen:
                continue
            seen.add(folded)
            hits.append(Hit(article, paragraph, score, len(hits) + 1, self._span_scores(key, query)))
            if len(hits) == k:
                break
        return hits

    def _span_scores(self, key: tuple[str, int], query: np.ndarray) -> tuple[ScoredSpan, ...]:
        positions = self._by_paragraph[key]
        scores = self.index.vectors[positions] @ query
        entries = self.index.entries
        return tuple(
            ScoredSpan(Span(entries[p].start, entries[p].end), float(s))
            for p, s in zip(positions, scores, strict=True)
        )

"""Term overlap weighted by rarity: the signal that tells "urged North Korea" from "North Korea".

Dense embeddings of short sentences drift toward whatever shares the question's commonest words
(here, "North Korea"). Weighting the question's words by how rare they are in the corpus lets the
sentence that carries the rare, specific words win.
"""

from __future__ import annotations

import math
import re
from collections import Counter
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from functools import lru_cache

_TOKEN_RE = re.compile(r"[^\W\d_]+|\d+")
"""Letters and digits apart, so "G8" meets "Group of 8" on the 8."""
_STOPWORDS = frozenset(
    """a an the and or but if of to in on at by for with from as into about over after before between under
    is are was were be been being am do does did done doing have has had having can could would should
    will shall may might must what which who whom whose when where why how that this these those there
    here it its they them their he him his she her we us our you your i me my not no nor so than then
    too very also any all some such each other more most own same only just up out off again further
    once say said tell told according document documents article text source""".split()
)
_SUFFIXES = ("ings", "ing", "ies", "ied", "ed", "es", "s", "e")
_MARKER_RE = re.compile(r"\[\d+\]")
_STEMS_KEPT = 1 << 16
"""Distinct words whose stems are remembered: a corpus's vocabulary, and every question's words."""


@lru_cache(maxsize=_STEMS_KEPT)
def stem(word: str) -> str:
    """A deliberately light stemmer: enough for urge/urged and camp/camps, never over-merging much."""
    for suffix in _SUFFIXES:
        if word.endswith(suffix) and len(word) - len(suffix) >= 3:
            word = word[: -len(suffix)]
            return word + "y" if suffix in ("ies", "ied") else word
    return word


def tokens(text: str) -> list[str]:
    """The stemmed content words of a text in order, repeats kept (BM25 counts them), markers excluded."""
    text = _MARKER_RE.sub(" ", text.lower())
    return [
        stem(token)
        for token in _TOKEN_RE.findall(text)
        if token not in _STOPWORDS and (len(token) > 1 or token.isdigit())
    ]


def terms(text: str) -> set[str]:
    """The distinct stemmed content words of a text."""
    return set(tokens(text))


@dataclass(frozen=True)
class TermWeights:
    """Inverse document frequency of each term over the corpus's paragraphs."""

    idf: Mapping[str, float]
    unseen: float

    @classmethod
    def from_texts(cls, texts: Iterable[str]) -> TermWeights:
        counts: Counter[str] = Counter()
        total = 0
        for text in texts:
            counts.update(terms(text))
            total += 1
        idf = {term: math.log((total + 1) / (count + 0.5)) for term, count in counts.items()}
        return cls(idf, math.log((total + 1) / 0.5))

    def of(self, question_terms: set[str]) -> QuestionTerms:
        """The question's terms with their weights, looked up once for all the texts it is matched to."""
        weighted = tuple((term, self.idf.get(term, self.unseen)) for term in sorted(question_terms))
        return QuestionTerms(weighted, sum(weight for _, weight in weighted))


@dataclass(frozen=True)
class QuestionTerms:
    """A question's distinct terms and their corpus weights."""

    weighted: tuple[tuple[str, float], ...]
    total: float

    def overlap(self, present: set[str]) -> float:
        """Share of the question's term weight found among `present`, the `terms` of a text, from 0 to 1."""
        if not self.total:
            return 0.0
        found = 0.0  # a plain loop: this runs for every candidate of every question
        for term, weight in self.weighted:
            if term in present:
                found += weight
        return found / self.total

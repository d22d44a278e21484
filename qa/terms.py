"""Term overlap weighted by rarity: the signal that tells "urged the government" from "the government".

Dense embeddings of short sentences drift toward whatever shares the question's commonest words
(in a collection about one country, its name). Weighting the question's words by how rare they are
in the corpus lets the sentence that carries the rare, specific words win.
"""

from __future__ import annotations

import math
import re
import threading
from collections import Counter
from collections.abc import Iterable, Mapping
from collections.abc import Set as AbstractSet
from dataclasses import dataclass
from functools import cached_property, lru_cache

import Stemmer
from bm25s.stopwords import STOPWORDS_EN_PLUS

from qa.sentences import MARKER_RE

TOKENS_VERSION = 1
"""Raised whenever `tokens` gives other tokens for some text: word statistics a build saved with another
version (`qa.lexical_index.Lexicon`) are not used, but made again at start until `qa index` runs."""
STEMMER_ALGORITHM = "english"
"""Snowball's English stemmer (Porter2): urge/urged/urging meet, and so do camp/camps."""
_TOKEN_RE = re.compile(r"[^\W\d_]+|\d+")
"""Letters and digits apart, so "G20" meets "Group of 20" on the 20."""
_STOPWORDS = frozenset(STOPWORDS_EN_PLUS)
"""NLTK's 179 English stop words as bm25s ships them: pronouns, determiners, auxiliaries, prepositions.
The same words decide what a quote highlights, and Lucene's 33 (bm25s's `stopwords="en"`) would
mark "what", "did" or "which" in every quote. On the eval, neither list wins: Lucene's scored one or
two dev questions higher per retriever, NLTK's one or two test questions."""
_STEMS_KEPT = 1 << 16
"""Distinct words whose stems are remembered: a corpus's vocabulary, and every question's words."""
_stemmers = threading.local()
"""One stemmer per thread: a PyStemmer object is not safe to share between threads."""


@lru_cache(maxsize=_STEMS_KEPT)
def stem(word: str) -> str:
    """The Snowball stem of a lower-case word, remembered: the answer path stems every candidate's words."""
    stemmer = getattr(_stemmers, "stemmer", None)
    if stemmer is None:
        stemmer = _stemmers.stemmer = Stemmer.Stemmer(STEMMER_ALGORITHM)
    return stemmer.stemWord(word)


def tokens(text: str) -> list[str]:
    """The stemmed content words of a text in order, repeats kept (BM25 counts them), markers excluded."""
    text = MARKER_RE.sub(" ", text.lower())
    return [
        stem(token)
        for token in _TOKEN_RE.findall(text)
        if token not in _STOPWORDS and (len(token) > 1 or token.isdigit())
    ]


def terms(text: str) -> set[str]:
    """The distinct stemmed content words of a text."""
    return set(tokens(text))


@lru_cache(maxsize=1024)
def question_terms(question: str) -> frozenset[str]:
    """The `terms` of a question, remembered for recent questions: ranking and quoting one answer ask for them
    several times (the question, and each paragraph quoted)."""
    return frozenset(tokens(question))


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
        return cls.from_counts(counts, total)

    @classmethod
    def from_counts(cls, counts: Mapping[str, int], total: int) -> TermWeights:
        """The weights from how many of `total` texts hold each term, as `qa index` saves them."""
        idf = {term: math.log((total + 1) / (count + 0.5)) for term, count in counts.items()}
        return cls(idf, math.log((total + 1) / 0.5))

    def of(self, question_terms: AbstractSet[str]) -> QuestionTerms:
        """The question's terms with their weights, looked up once for all the texts it is matched to."""
        weighted = tuple((term, self.idf.get(term, self.unseen)) for term in sorted(question_terms))
        return QuestionTerms(weighted, sum(weight for _, weight in weighted))


@dataclass(frozen=True)
class QuestionTerms:
    """A question's distinct terms and their corpus weights."""

    weighted: tuple[tuple[str, float], ...]
    total: float

    @cached_property
    def terms(self) -> frozenset[str]:
        return frozenset(term for term, _ in self.weighted)

    def new_terms(self, present: AbstractSet[str]) -> int:
        """How many of `present`, the `terms` of a text, the question does not use: what the text adds to it."""
        return len(present) - len(self.terms & present)  # no copy of `present`, which is the larger

    def overlap(self, present: AbstractSet[str]) -> float:
        """Share of the question's term weight found among `present`, the `terms` of a text, from 0 to 1."""
        return self.overlaps((present,))[0]

    def overlaps(self, texts: Iterable[AbstractSet[str]]) -> list[float]:
        """The `overlap` of each of `texts`' term sets, in one call: a question is matched to about 150 of them."""
        weighted, total = self.weighted, self.total
        shares = []
        for present in texts:
            found = 0.0  # plain loops, summing in the order of `weighted`, as every score is compared with others
            for term, weight in weighted:
                if term in present:
                    found += weight
            shares.append(found / total if total else 0.0)
        return shares

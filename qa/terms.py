"""Term overlap weighted by rarity: the signal that tells "urged the government" from "the government".

Dense embeddings of short sentences drift toward whatever shares the question's commonest words
(in a collection about one country, its name). Weighting the question's words by how rare they are
in the corpus lets the sentence that carries the rare, specific words win.
"""

from __future__ import annotations

import importlib.util
import math
import re
import threading
from collections.abc import Iterable
from collections.abc import Set as AbstractSet
from dataclasses import dataclass
from functools import cached_property, lru_cache

import numpy as np
import Stemmer

from qa.sentences import NOTE_MARKER_RE
from qa.vocabulary import Vocabulary

TOKENS_VERSION = 1
"""Raised whenever `tokens` gives other tokens for some text: word statistics a build saved with another
version (`qa.lexical_index.Lexicon`) are not used, but made again at start until `qa index` runs."""
STEMMER_ALGORITHM = "english"
"""Snowball's English stemmer (Porter2): urge/urged/urging meet, and so do camp/camps."""
_TOKEN_RE = re.compile(r"[^\W\d_]+|\d+")
"""Letters and digits apart, so "G20" meets "Group of 20" on the 20."""


def _library_stop_words() -> frozenset[str]:
    """bm25s's `STOPWORDS_EN_PLUS`, run from its `stopwords` module alone: importing the package imports scipy,
    which serving never uses: 0.42 s of a start at load average 7.5 (`python -X importtime`)."""
    package = importlib.util.find_spec("bm25s")
    if package is None or not package.submodule_search_locations:
        raise ImportError("bm25s is not installed; it ships the stop word list")
    spec = importlib.util.spec_from_file_location(
        "bm25s.stopwords", f"{package.submodule_search_locations[0]}/stopwords.py"
    )
    if spec is None or spec.loader is None:
        raise ImportError("bm25s has no stopwords module")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return frozenset(module.STOPWORDS_EN_PLUS)


_STOPWORDS = _library_stop_words()
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
    text = NOTE_MARKER_RE.sub(" ", text.lower())
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


@dataclass(frozen=True, eq=False)
class TermWeights:
    """Inverse document frequency of each term over the corpus's paragraphs, worked out for a question's terms only.

    The counts are by term number (`qa.vocabulary`), as `qa index` saves them: a start maps them and makes
    nothing per term.
    """

    vocabulary: Vocabulary
    counts: np.ndarray
    """How many paragraphs hold each term, by term number."""
    total: int
    """How many paragraphs there are."""

    @classmethod
    def from_texts(cls, texts: Iterable[str]) -> TermWeights:
        sets = [terms(text) for text in texts]
        vocabulary = Vocabulary.of(term for text_terms in sets for term in text_terms)
        held = [number for text_terms in sets for number in vocabulary.numbers(text_terms)]
        return cls(vocabulary, np.bincount(np.asarray(held, dtype=np.int64), minlength=len(vocabulary)), len(sets))

    def knows(self, term: str) -> bool:
        """Whether some paragraph holds the term."""
        number = self.vocabulary.number(term)
        return number is not None and bool(self.counts[number])

    def of(self, question_terms: AbstractSet[str]) -> QuestionTerms:
        """The question's terms with their weights, looked up once for all the texts it is matched to."""
        weighted = tuple(self._weighted(term) for term in sorted(question_terms))
        return QuestionTerms(weighted, sum(weight for _, weight in weighted))

    def _weighted(self, term: str) -> tuple[int, float]:
        """The term's number (-1 for a term the collection does not use) and its rarity: the rarest there can be
        for a term no paragraph holds."""
        number = self.vocabulary.number(term)
        held = 0 if number is None else int(self.counts[number])
        return (-1 if number is None else number), math.log((self.total + 1) / (held + 0.5))


@dataclass(frozen=True)
class QuestionTerms:
    """A question's distinct terms, by number (`qa.vocabulary`; -1 for a term the collection does not use), and their
    corpus weights."""

    weighted: tuple[tuple[int, float], ...]
    total: float

    @cached_property
    def terms(self) -> frozenset[int]:
        return frozenset(number for number, _ in self.weighted if number >= 0)

    def new_terms(self, present: AbstractSet[int]) -> int:
        """How many of `present`, the term numbers of a text, the question does not use: what the text adds to it."""
        return len(present) - len(self.terms & present)  # no copy of `present`, which is the larger

    def overlap(self, present: AbstractSet[int]) -> float:
        """Share of the question's term weight found among `present`, the term numbers of a text, from 0 to 1."""
        return self.overlaps((present,))[0]

    def overlaps(self, texts: Iterable[AbstractSet[int]]) -> list[float]:
        """The `overlap` of each of `texts`' sets of term numbers, in one call: a question meets about 150 of them."""
        weighted, total, asked = self.weighted, self.total, self.terms
        shares = []
        known: dict[frozenset[int], float] = {frozenset(): 0.0}
        for present in texts:
            # Most texts hold none of the question's few terms, and the rest hold one of a few subsets of them (a
            # question meets about 100 such texts and 30 subsets): the intersection (C, over the smaller set) finds
            # the subset, and each subset is summed in Python once.
            held = asked & present
            share = known.get(held)
            if share is None:
                found = 0.0  # plain loops, summing in the order of `weighted`, as every score is compared with others
                for number, weight in weighted:
                    if number in held:
                        found += weight
                share = known[held] = found / total if total else 0.0
            shares.append(share)
        return shares

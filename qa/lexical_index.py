"""BM25 over the same passages the dense index holds, so the two rankings can be fused entry for entry,
and the other word statistics the retriever keeps: each term's rarity and each entry's and paragraph's terms.

Tokens are `qa.terms.tokens`: the same Snowball stems and stop words as the term-overlap bonus,
so "urged" meets "urge" in both. Tokenizing a collection is slow (two minutes and 2.5 GB at a million passages),
so `qa index` does it once and saves it all with the build (`Lexicon.files`), every term by its number in the
collection's vocabulary (`qa.vocabulary`); a server maps those files (`Lexicon.load`), and its workers share the
pages as they share the FAISS index. A start reads nothing per term.
"""

from __future__ import annotations

import json
import logging
import tempfile
import threading
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from typing import TYPE_CHECKING, Any, overload

import numpy as np

from embeddings import IndexLoadError
from embeddings.entries import Entry
from qa.corpus import Article
from qa.documents import Documents
from qa.terms import TOKENS_VERSION, TermWeights, tokens
from qa.vocabulary import VOCABULARY_FILES, Vocabulary, mapped, npy_bytes

if TYPE_CHECKING:
    import bm25s

log = logging.getLogger(__name__)

K1 = 0.9
B = 0.4
"""Term-frequency saturation and length normalisation: Anserini's defaults (Lin et al.), in place of bm25s's
1.5 and 0.75, which let a three-word heading outscore the paragraph that uses the question's word three
times. Measured on the dev splits (k1 0.6-1.2, b 0.3-0.75): recall@1 of BM25 alone on the real documents
0.583 -> 0.708 and of hybrid on the bundled set 0.742 -> 0.839, formats unchanged; b 0.3-0.5 all did as well."""


QUESTIONS_KEPT = 1024
"""Recent questions whose term numbers are kept (`LexicalIndex._numbers`), as `qa.terms.question_terms` keeps."""


class LexicalIndex:
    """BM25 scores of every passage for a question's words.

    bm25s makes the scores, one column of a sparse matrix per term, numbered as the vocabulary numbers them, and
    saves them in its format; a question's scores are the sum of its terms' columns. A start maps the matrix's
    arrays without importing bm25s, whose package imports scipy (0.42 s of a start at load average 7.5, `python -X
    importtime`), which adding up columns does not need.
    """

    def __init__(
        self, vocabulary: Vocabulary, data: np.ndarray, indices: np.ndarray, indptr: np.ndarray, size: int
    ) -> None:
        if len(indptr) != len(vocabulary) + 2:  # a column per term, and bm25s's empty token's
            raise ValueError(f"BM25 scores for {len(indptr) - 2} terms, not the vocabulary's {len(vocabulary)}")
        self.vocabulary = vocabulary
        self._data, self._indices, self._indptr = data, indices, indptr
        self.size = size
        self._built: bm25s.BM25 | None = None
        """bm25s's index, kept where this one was built, to be saved in its format."""
        self._work = _Workspace()
        self._numbers = lru_cache(maxsize=QUESTIONS_KEPT)(self._question_numbers)
        """`_question_numbers`, remembered: an answer scores a question twice (ranking, then reranking)."""

    @classmethod
    def of(cls, tokenized: Iterable[list[str]], vocabulary: Vocabulary, numbers: dict[str, int]) -> LexicalIndex:
        """BM25 over the tokenized passages; `numbers` gives each of their terms its number in `vocabulary`."""
        import bm25s  # only where an index is made: serving imports none of it (see above)

        empty = len(vocabulary)
        passages = [[numbers[term] for term in words] or [empty] for words in tokenized]
        built = bm25s.BM25(k1=K1, b=B)
        # bm25s's own token for a passage with no content words, so every passage keeps its row
        built.index((passages, numbers | {"": empty}), show_progress=False)
        scores = built.scores
        index = cls(vocabulary, scores["data"], scores["indices"], scores["indptr"], int(scores["num_docs"]))
        index._built = built
        return index

    @classmethod
    def from_texts(cls, texts: Sequence[str]) -> LexicalIndex:
        """BM25 over `texts`, numbering their own vocabulary."""
        tokenized = [tokens(text) for text in texts]
        vocabulary = Vocabulary.of(term for words in tokenized for term in words)
        return cls.of(tokenized, vocabulary, {term: number for number, term in enumerate(vocabulary)})

    def files(self) -> dict[str, bytes]:
        """The index as the files `load` maps: bm25s's own format, under names of this build's."""
        if self._built is None:
            raise ValueError("only an index made here is saved; a loaded one is already in its build")
        with tempfile.TemporaryDirectory(prefix="qa-bm25-") as folder:
            self._built.save(folder, **_BM25_NAMES, show_progress=False)
            return {name: (Path(folder) / name).read_bytes() for name in _BM25_NAMES.values()}

    @classmethod
    def load(cls, build: Path, vocabulary: Vocabulary) -> LexicalIndex:
        """The index saved in `build`, its score matrix mapped read-only as bm25s's `load(mmap=True)` maps it."""
        params = json.loads((build / _BM25_NAMES["params_name"]).read_text(encoding="utf-8"))
        data, indices, indptr = (mapped(build / _BM25_NAMES[f"{name}_name"]) for name in ("data", "indices", "indptr"))
        return cls(vocabulary, data, indices, indptr, int(params["num_docs"]))

    def scores(self, question: str) -> np.ndarray:
        """One BM25 score per passage, in passage order; all zero when no question word is indexed."""
        scores = np.zeros(self.size, dtype=np.float32)
        self._add_scores(question, scores)
        return scores

    def scores_of(self, question: str, positions: np.ndarray) -> np.ndarray:
        """The BM25 score of each passage at `positions` (sorted, distinct), as `scores` gives it, found in each of
        the question's terms' columns by binary search: a reranker scoring a few dozen candidates does not pay
        for the whole collection's scores (3-7 ms a question at a million passages)."""
        found = np.zeros(len(positions), dtype=np.float32)
        for number in self._numbers(question):
            start, end = self._indptr[number : number + 2].tolist()
            column = self._indices[start:end]
            at = np.minimum(np.searchsorted(column, positions), max(len(column) - 1, 0))
            held = column[at] == positions if len(column) else np.zeros(len(positions), dtype=bool)
            found[held] += self._data[start:end][at[held]]
        return found

    def _add_scores(self, question: str, scores: np.ndarray) -> None:
        """Add the question's terms' columns to `scores`, in the question's order, repeats included, with
        `np.add.at`, as bm25s's `get_scores` adds them: the same float32 sums, to the bit (and at 1M twice as fast
        as `+=` on the fancy-indexed scores, 3.0-3.6 against 6.8-7.7 ms a question)."""
        for number in self._numbers(question):
            start, end = self._indptr[number : number + 2].tolist()
            np.add.at(scores, self._indices[start:end], self._data[start:end])

    def _question_numbers(self, question: str) -> tuple[int, ...]:
        """The numbers of the question's tokens the collection uses, in order, repeats kept (each adds its column)."""
        return tuple(self.vocabulary.numbers(tokens(question)))

    def top(self, question: str, n: int, allowed: np.ndarray | None = None) -> list[tuple[int, float]]:
        """The `n` best-scoring passages with a question word, as (position, score), best first.

        Ties keep passage order, exactly as a stable sort of all scores would, but only the best
        `n` are sorted: a full sort of a million scores costs tens of milliseconds per question.
        `allowed` (passage positions) masks every other passage out before ranking.

        The scores and their sorted copy are written into this thread's two arrays, made once: two new arrays of
        a million scores a question cost 2,864 page faults and 3.9 ms of system time at 1M (`resource.getrusage`),
        whenever the C library hands such sizes out as fresh pages.
        """
        work = self._work
        if work.scores is None:
            work.scores, work.spare = np.empty(self.size, dtype=np.float32), np.empty(self.size, dtype=np.float32)
        scores = work.scores
        scores.fill(0)
        self._add_scores(question, scores)
        if allowed is not None:
            np.take(scores, allowed, out=work.spare[: len(allowed)])
            scores.fill(0)
            scores[allowed] = work.spare[: len(allowed)]
        return [(p, s) for p, s in zip(*_best(scores, n, work.spare), strict=True) if s > 0]


class _Workspace(threading.local):
    """One thread's arrays for ranking a question's scores (`LexicalIndex.top`)."""

    scores: np.ndarray | None = None
    spare: np.ndarray | None = None


_BM25_NAMES = {
    "data_name": "bm25-data.npy",
    "indices_name": "bm25-indices.npy",
    "indptr_name": "bm25-indptr.npy",
    "vocab_name": "bm25-vocab.json",
    "params_name": "bm25-params.json",
}
"""The names bm25s's files take in a build folder, beside the dense index's."""


def _best(scores: np.ndarray, n: int, spare: np.ndarray | None = None) -> tuple[list[int], list[float]]:
    """Positions and values of the `n` largest scores, largest first, ties in position order; `spare`, an array as
    long as `scores`, is written over instead of sorting a new copy."""
    if n <= 0 or not len(scores):
        return [], []
    if n >= len(scores):
        chosen = np.arange(len(scores))
    else:
        # The n-th largest score, from a sort of the values alone: on BM25's many equal scores
        # (mostly zeros) numpy's partition and argpartition degrade badly (38 ms and 4 ms for 1M
        # scores where sorting took 2 ms), and an argsort must also move the positions.
        in_order = np.sort(scores) if spare is None else _sorted_into(scores, spare)
        cut = in_order[len(scores) - n]
        above = np.flatnonzero(scores > cut)
        chosen = np.concatenate([above, np.flatnonzero(scores == cut)[: n - len(above)]])
    ordered = chosen[np.argsort(-scores[chosen], kind="stable")]
    return ordered.tolist(), scores[ordered].tolist()


def _sorted_into(values: np.ndarray, spare: np.ndarray) -> np.ndarray:
    np.copyto(spare, values)
    spare.sort()
    return spare


class TermSets(Sequence[set[int]]):
    """The distinct terms of each of a run of texts, by number, kept in one flat array with offsets.

    A million Python sets cost each worker gigabytes and a minute to make; two integer arrays are
    saved with the build and mapped, so workers share them, and a text's set is made when asked for.
    """

    def __init__(self, ids: np.ndarray, offsets: np.ndarray) -> None:
        if offsets.ndim != 1 or not len(offsets) or int(offsets[-1]) != len(ids):
            raise ValueError(f"term offsets do not end at the {len(ids)} term numbers they index")
        self.ids = ids
        self.offsets = offsets
        self._size = len(offsets) - 1

    @classmethod
    def of(cls, tokenized: Iterable[Iterable[str]], numbers: dict[str, int]) -> TermSets:
        """The term sets of `tokenized` texts; new terms are numbered in `numbers`, in the order first met."""
        ids: list[int] = []
        offsets = [0]
        for text_tokens in tokenized:
            for term in dict.fromkeys(text_tokens):
                number = numbers.get(term)
                if number is None:
                    number = numbers[term] = len(numbers)
                ids.append(number)
            offsets.append(len(ids))
        return cls(np.asarray(ids, dtype=np.uint32), np.asarray(offsets, dtype=np.int64))

    def renumbered(self, new_numbers: np.ndarray) -> TermSets:
        """The same sets with term `n` numbered `new_numbers[n]`."""
        return TermSets(new_numbers[self.ids], self.offsets)

    def __len__(self) -> int:
        return self._size

    @overload
    def __getitem__(self, position: int) -> set[int]: ...

    @overload
    def __getitem__(self, position: slice) -> list[set[int]]: ...

    def __getitem__(self, position: int | slice) -> set[int] | list[set[int]]:
        if isinstance(position, slice):
            return [self[i] for i in range(*position.indices(len(self)))]
        if not 0 <= position < self._size:
            raise IndexError(f"text {position} of {self._size}")
        start, end = self.offsets[position : position + 2].tolist()
        return set(self.ids[start:end].tolist())  # the answer path asks for ~100

    def __iter__(self) -> Iterator[set[int]]:
        return (self[i] for i in range(len(self)))


LEXICON_FILE = "lexicon.json"
"""What the saved statistics were made with (their format, tokenizer and BM25 parameters), and the number of terms."""
LEXICON_FORMAT = 2
"""Raised whenever the saved files change. Format 1 (before 2026-11-27) kept the terms as a JSON list, numbered in the
order first met, which every start read into a list and three dicts: 0.5 s at a million passages (load average 7)."""
_ARRAYS = ("entry-terms", "entry-term-offsets", "paragraph-terms", "paragraph-term-offsets", "paragraph-counts")
"""The lexicon's arrays, each saved as `<name>.npy` and mapped read-only."""


@dataclass(frozen=True, eq=False)
class Lexicon:
    """Every word statistic the retriever needs: BM25, term rarity, and the terms of each entry and paragraph."""

    bm25: LexicalIndex
    weights: TermWeights
    entry_terms: TermSets
    """By entry position, as the dense index numbers them."""
    paragraph_terms: TermSets
    """By paragraph number: every paragraph of every document, in document order (`qa.documents`)."""

    @property
    def vocabulary(self) -> Vocabulary:
        return self.weights.vocabulary

    @classmethod
    def build(cls, articles: Sequence[Article], entry_texts: Sequence[str]) -> Lexicon:
        """Tokenize every entry and paragraph once: the slow part of a start, done by `qa index`."""
        entry_tokens = [tokens(text) for text in entry_texts]
        met: dict[str, int] = {}
        entry_sets = TermSets.of(entry_tokens, met)
        paragraph_sets = TermSets.of((tokens(p.text) for a in articles for p in a.paragraphs), met)
        vocabulary = Vocabulary.of(met)
        numbers = {term: number for number, term in enumerate(vocabulary)}
        sorted_number = np.asarray([numbers[term] for term in met], dtype=np.uint32)
        del met
        bm25 = LexicalIndex.of(entry_tokens, vocabulary, numbers)
        del entry_tokens, numbers
        paragraph_sets = paragraph_sets.renumbered(sorted_number)
        counts = np.bincount(paragraph_sets.ids, minlength=len(vocabulary)).astype(np.uint32)
        weights = TermWeights(vocabulary, counts, len(paragraph_sets))
        return cls(bm25, weights, entry_sets.renumbered(sorted_number), paragraph_sets)

    def files(self) -> dict[str, bytes]:
        """The lexicon as the files `load` maps, for `qa index` to save (and fsync) with the build."""
        entries, paragraphs = self.entry_terms, self.paragraph_terms
        arrays = (entries.ids, entries.offsets, paragraphs.ids, paragraphs.offsets, self.weights.counts)
        files = {f"{name}.npy": npy_bytes(array) for name, array in zip(_ARRAYS, arrays, strict=True)}
        saved = {"format": LEXICON_FORMAT, "tokens": TOKENS_VERSION, "bm25": [K1, B], "terms": len(self.vocabulary)}
        return files | {LEXICON_FILE: json.dumps(saved).encode()} | self.vocabulary.files() | self.bm25.files()

    @classmethod
    def _load(cls, build: Path, terms: int) -> Lexicon:
        """The lexicon saved in `build` with `terms` terms, its arrays memory-mapped; a damaged one is a
        ValueError or OSError."""
        vocabulary = Vocabulary.load(build)
        entry_ids, entry_offsets, paragraph_ids, paragraph_offsets, counts = (
            mapped(build / f"{name}.npy") for name in _ARRAYS
        )
        if not len(vocabulary) == len(counts) == terms:
            raise ValueError(f"{len(vocabulary)} terms and {len(counts)} term counts for {terms} terms")
        paragraph_terms = TermSets(paragraph_ids, paragraph_offsets)
        return cls(
            LexicalIndex.load(build, vocabulary),
            TermWeights(vocabulary, counts, len(paragraph_terms)),
            TermSets(entry_ids, entry_offsets),
            paragraph_terms,
        )

    @classmethod
    def of(cls, build: Path | None, articles: Sequence[Article], entries: Sequence[Entry]) -> Lexicon:
        """The lexicon `qa index` saved in `build`; made here, more slowly, for a build saved without one or
        with words tokenized by another version of `qa.terms.tokens`."""
        documents = Documents.of(articles)
        if build is not None:
            try:
                saved = _saved(build)
                if (why := _unusable(saved)) is None:
                    lexicon = cls._load(build, saved["terms"])
                    if len(lexicon.entry_terms) != len(entries) or lexicon.bm25.size != len(entries):
                        raise ValueError(f"{len(lexicon.entry_terms)} entries' terms for {len(entries)} entries")
                    if len(lexicon.paragraph_terms) != documents.paragraph_count:
                        raise ValueError(
                            f"{len(lexicon.paragraph_terms)} paragraph term sets for {documents.paragraph_count} "
                            "paragraphs"
                        )
                    return lexicon
            except (OSError, ValueError, KeyError, TypeError) as error:
                raise IndexLoadError(f"the word statistics in index build {build} are damaged: {error}") from error
            log.warning(
                "the index build %s %s: tokenizing the collection now, which takes time and memory in every "
                "process; re-run `qa index` to save them",
                build,
                why,
            )
        texts = [documents.by_id(e.doc_id).paragraphs[e.paragraph - 1].text[e.start : e.end] for e in entries]
        return cls.build(documents, texts)


def _saved(build: Path) -> dict[str, Any] | None:
    """What `lexicon.json` of `build` says, or None for a build saved without one."""
    path = build / LEXICON_FILE
    return json.loads(path.read_text(encoding="utf-8")) if path.is_file() else None


def _unusable(saved: dict[str, Any] | None) -> str | None:
    """Why saved word statistics cannot be used as they are (so are made again), or None when they can."""
    if saved is None:
        return "has no saved word statistics (it was made by an older version)"
    if saved.get("format", 1) != LEXICON_FORMAT:
        return f"saved its word statistics in format {saved.get('format', 1)}, not {LEXICON_FORMAT}"
    if saved["tokens"] != TOKENS_VERSION:
        return f"saved words tokenized by version {saved['tokens']} of the tokenizer, not {TOKENS_VERSION}"
    if saved.get("bm25") != [K1, B]:
        return f"saved BM25 scores made with k1, b = {saved.get('bm25')}, not {[K1, B]}"
    return None


def unsaved_statistics(build: Path) -> str | None:
    """Why `qa index` must save `build`'s word statistics again, or None when they are saved and usable: a
    build without them answers, but every process start tokenizes the whole collection."""
    try:
        why = _unusable(_saved(build))
    except (OSError, ValueError, KeyError, TypeError) as error:
        return f"the word statistics in index build {build} are damaged: {error}"
    return None if why is None else f"the index build {build} {why}"


LEXICON_FILES = (LEXICON_FILE, *(f"{name}.npy" for name in _ARRAYS), *VOCABULARY_FILES, *_BM25_NAMES.values())
"""Every file `Lexicon.files` adds to a build."""

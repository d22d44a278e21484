"""BM25 over the same passages the dense index holds, so the two rankings can be fused entry for entry,
and the other word statistics the retriever keeps: each term's rarity and each entry's and paragraph's terms.

Tokens are `qa.terms.tokens`: the same Snowball stems and stop words as the term-overlap bonus,
so "urged" meets "urge" in both. bm25s keeps the scores as a sparse matrix; a query costs a few
sparse row sums. Tokenizing a collection is slow (two minutes and 2.5 GB at a million passages), so
`qa index` does it once and saves it all with the build (`Lexicon.files`); a server maps those files
(`Lexicon.load`), and its workers share the pages as they share the FAISS index.
"""

from __future__ import annotations

import io
import json
import logging
import tempfile
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any, overload

import bm25s
import numpy as np

from embeddings import IndexLoadError
from embeddings.entries import Entry
from qa.corpus import Article
from qa.documents import Documents
from qa.terms import TOKENS_VERSION, TermWeights, tokens

log = logging.getLogger(__name__)

_EMPTY = ""
"""bm25s's token for a passage with no content words, so every passage keeps its row."""
K1 = 0.9
B = 0.4
"""Term-frequency saturation and length normalisation: Anserini's defaults (Lin et al.), in place of bm25s's
1.5 and 0.75, which let a three-word heading outscore the paragraph that uses the question's word three
times. Measured on the dev splits (k1 0.6-1.2, b 0.3-0.75): recall@1 of BM25 alone on the real documents
0.583 -> 0.708 and of hybrid on the bundled set 0.742 -> 0.839, formats unchanged; b 0.3-0.5 all did as well."""


class LexicalIndex:
    """BM25 scores of every passage for a question's words."""

    def __init__(self, texts: Sequence[str]) -> None:
        self._attach(_bm25_of([tokens(text) for text in texts]))

    def _attach(self, bm25: bm25s.BM25) -> None:
        self._bm25 = bm25
        self.size = int(bm25.scores["num_docs"])
        self._vocabulary = bm25.vocab_dict

    def files(self) -> dict[str, bytes]:
        """The index as the files `load` maps: bm25s's own format, under names of this build's."""
        with tempfile.TemporaryDirectory(prefix="qa-bm25-") as folder:
            self._bm25.save(folder, **_BM25_NAMES, show_progress=False)
            return {name: (Path(folder) / name).read_bytes() for name in _BM25_NAMES.values()}

    @classmethod
    def load(cls, build: Path) -> LexicalIndex:
        """The index saved in `build`, its score matrix memory-mapped read-only."""
        bm25 = bm25s.BM25.load(build, **_BM25_NAMES, mmap=True, show_progress=False, verbosity=0)
        for name in ("data", "indices", "indptr"):
            bm25.scores[name] = _mapped(bm25.scores[name])
        loaded = cls.__new__(cls)
        loaded._attach(bm25)
        return loaded

    def scores(self, question: str) -> np.ndarray:
        """One BM25 score per passage, in passage order; all zero when no question word is indexed."""
        known = [token for token in tokens(question) if token in self._vocabulary and token != _EMPTY]
        if not known:
            return np.zeros(self.size, dtype=np.float32)
        return np.asarray(self._bm25.get_scores(known), dtype=np.float32)

    def top(self, question: str, n: int, allowed: np.ndarray | None = None) -> list[tuple[int, float]]:
        """The `n` best-scoring passages with a question word, as (position, score), best first.

        Ties keep passage order, exactly as a stable sort of all scores would, but only the best
        `n` are sorted: a full sort of a million scores costs tens of milliseconds per question.
        `allowed` (passage positions) masks every other passage out before ranking.
        """
        scores = self.scores(question)
        if allowed is not None:
            masked = np.zeros_like(scores)
            masked[allowed] = scores[allowed]
            scores = masked
        return [(p, s) for p, s in zip(*_best(scores, n), strict=True) if s > 0]


def _bm25_of(tokenized: Iterable[list[str]]) -> bm25s.BM25:
    bm25 = bm25s.BM25(k1=K1, b=B)
    bm25.index([words or [_EMPTY] for words in tokenized], show_progress=False)
    return bm25


_BM25_NAMES = {
    "data_name": "bm25-data.npy",
    "indices_name": "bm25-indices.npy",
    "indptr_name": "bm25-indptr.npy",
    "vocab_name": "bm25-vocab.json",
    "params_name": "bm25-params.json",
}
"""The names bm25s's files take in a build folder, beside the dense index's."""


def _best(scores: np.ndarray, n: int) -> tuple[list[int], list[float]]:
    """Positions and values of the `n` largest scores, largest first, ties in position order."""
    if n <= 0 or not len(scores):
        return [], []
    if n >= len(scores):
        chosen = np.arange(len(scores))
    else:
        # The n-th largest score, from a sort of the values alone: on BM25's many equal scores
        # (mostly zeros) numpy's partition and argpartition degrade badly (38 ms and 4 ms for 1M
        # scores where sorting took 2 ms), and an argsort must also move the positions.
        cut = np.sort(scores)[len(scores) - n]
        above = np.flatnonzero(scores > cut)
        chosen = np.concatenate([above, np.flatnonzero(scores == cut)[: n - len(above)]])
    ordered = chosen[np.argsort(-scores[chosen], kind="stable")]
    return ordered.tolist(), scores[ordered].tolist()


class TermSets(Sequence[set[str]]):
    """The distinct terms of each of a run of texts, kept as term numbers in one flat array with offsets.

    A million Python sets cost each worker gigabytes and a minute to make; two integer arrays are
    saved with the build and mapped, so workers share them, and a text's set is made when asked for.
    """

    def __init__(self, ids: np.ndarray, offsets: np.ndarray, words: Sequence[str]) -> None:
        if offsets.ndim != 1 or not len(offsets) or int(offsets[-1]) != len(ids):
            raise ValueError(f"term offsets do not end at the {len(ids)} term numbers they index")
        self.ids = ids
        self.offsets = offsets
        self._words = words
        self._size = len(offsets) - 1

    @classmethod
    def of(cls, tokenized: Iterable[Iterable[str]], numbers: dict[str, int], words: list[str]) -> TermSets:
        """The term sets of `tokenized` texts; new terms are numbered in `numbers` and appended to `words`."""
        ids: list[int] = []
        offsets = [0]
        for text_tokens in tokenized:
            for term in dict.fromkeys(text_tokens):
                number = numbers.get(term)
                if number is None:
                    number = numbers[term] = len(words)
                    words.append(term)
                ids.append(number)
            offsets.append(len(ids))
        return cls(np.asarray(ids, dtype=np.uint32), np.asarray(offsets, dtype=np.int64), words)

    def __len__(self) -> int:
        return self._size

    @overload
    def __getitem__(self, position: int) -> set[str]: ...

    @overload
    def __getitem__(self, position: slice) -> list[set[str]]: ...

    def __getitem__(self, position: int | slice) -> set[str] | list[set[str]]:
        if isinstance(position, slice):
            return [self[i] for i in range(*position.indices(len(self)))]
        if not 0 <= position < self._size:
            raise IndexError(f"text {position} of {self._size}")
        start, end = self.offsets[position : position + 2].tolist()
        return set(map(self._words.__getitem__, self.ids[start:end].tolist()))  # the answer path asks for ~100

    def __iter__(self) -> Iterator[set[str]]:
        return (self[i] for i in range(len(self)))


LEXICON_FILE = "lexicon.json"
"""The term numbering (a list of terms) and the paragraph count the rarity of terms is taken over."""
_ARRAYS = ("entry-terms", "entry-term-offsets", "paragraph-terms", "paragraph-term-offsets", "paragraph-counts")
"""The lexicon's arrays, each saved as `<name>.npy` and mapped read-only."""


@dataclass(frozen=True)
class Lexicon:
    """Every word statistic the retriever needs: BM25, term rarity, and the terms of each entry and paragraph."""

    bm25: LexicalIndex
    weights: TermWeights
    entry_terms: TermSets
    """By entry position, as the dense index numbers them."""
    paragraph_terms: TermSets
    """By paragraph number: every paragraph of every document, in document order (`qa.documents`)."""

    @classmethod
    def build(cls, articles: Sequence[Article], entry_texts: Sequence[str]) -> Lexicon:
        """Tokenize every entry and paragraph once: the slow part of a start, done by `qa index`."""
        entry_tokens = [tokens(text) for text in entry_texts]
        numbers: dict[str, int] = {}
        words: list[str] = []
        entry_terms = TermSets.of(entry_tokens, numbers, words)
        bm25 = LexicalIndex.__new__(LexicalIndex)
        bm25._attach(_bm25_of(entry_tokens))
        del entry_tokens
        paragraph_sets = TermSets.of((tokens(p.text) for a in articles for p in a.paragraphs), numbers, words)
        counts = np.bincount(paragraph_sets.ids, minlength=len(words)).astype(np.uint32)
        return cls._of(bm25, words, counts, entry_terms, paragraph_sets)

    @classmethod
    def _of(
        cls, bm25: LexicalIndex, words: list[str], counts: np.ndarray, entry_terms: TermSets, paragraph_sets: TermSets
    ) -> Lexicon:
        held = {word: count for word, count in zip(words, counts.tolist(), strict=True) if count}
        weights = TermWeights.from_counts(held, len(paragraph_sets))
        return cls(bm25, weights, entry_terms, paragraph_sets)

    def files(self) -> dict[str, bytes]:
        """The lexicon as the files `load` maps, for `qa index` to save (and fsync) with the build."""
        sets = self.paragraph_terms
        words = list(sets._words)
        counts = np.bincount(sets.ids, minlength=len(words)).astype(np.uint32)
        arrays = (self.entry_terms.ids, self.entry_terms.offsets, sets.ids, sets.offsets, counts)
        files = {f"{name}.npy": _npy(array) for name, array in zip(_ARRAYS, arrays, strict=True)}
        files[LEXICON_FILE] = json.dumps(
            {"tokens": TOKENS_VERSION, "bm25": [K1, B], "words": words}, ensure_ascii=False
        ).encode()
        return files | self.bm25.files()

    @classmethod
    def _load(cls, build: Path, words: list[str]) -> Lexicon:
        """The lexicon saved in `build` with the terms `words`, its arrays memory-mapped; a damaged one is a
        ValueError or OSError."""
        if not isinstance(words, list) or not all(isinstance(word, str) for word in words):
            raise ValueError(f"{LEXICON_FILE} holds no list of terms")
        arrays = [_mapped(np.load(build / f"{name}.npy", mmap_mode="r", allow_pickle=False)) for name in _ARRAYS]
        entry_ids, entry_offsets, paragraph_ids, paragraph_offsets, counts = arrays
        if len(counts) != len(words):
            raise ValueError(f"{len(counts)} term counts for {len(words)} terms")
        return cls._of(
            LexicalIndex.load(build),
            words,
            counts,
            TermSets(entry_ids, entry_offsets, words),
            TermSets(paragraph_ids, paragraph_offsets, words),
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
                    lexicon = cls._load(build, saved["words"])
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


LEXICON_FILES = (LEXICON_FILE, *(f"{name}.npy" for name in _ARRAYS), *_BM25_NAMES.values())
"""Every file `Lexicon.files` adds to a build."""


def _mapped(array: np.ndarray) -> np.ndarray:
    """A mapped array as a plain ndarray over the same pages: slicing an `np.memmap` costs 7 us, a view's 1.3."""
    return array.view(np.ndarray)


def _npy(array: np.ndarray) -> bytes:
    buffer = io.BytesIO()
    np.save(buffer, np.ascontiguousarray(array), allow_pickle=False)
    return buffer.getvalue()

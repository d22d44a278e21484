"""Question -> ranked paragraphs, each with the score of every indexed passage inside it."""

from __future__ import annotations

import re
from collections.abc import Collection, Iterable, Sequence
from dataclasses import dataclass
from functools import lru_cache
from itertools import chain

import numpy as np

from embeddings import Encoder, PassageIndex
from qa.answer_type import answer_type, gives_answer_type
from qa.corpus import Article, Paragraph
from qa.decision import is_keyword_match, is_keyword_question, question_names
from qa.documents import Documents
from qa.inputs import RetrieverName, validate_k, validate_retriever
from qa.lexical_index import Lexicon
from qa.passages import context_of, sentence_spans
from qa.remembered import Remembered
from qa.sentences import NOTE_MARKER_RE, Span
from qa.terms import QuestionTerms, question_terms, terms

PARAGRAPH_TERM_WEIGHT = 0.2
"""How much rare-term overlap with the whole paragraph, read in its context (`Retriever.context_terms`), adds to its
dense score when ranking."""
SPAN_TERM_WEIGHT = 1.5
"""How much rare-term overlap adds to a sentence's dense score when choosing what to quote.

A sentence alone is a short text, and its cosine with the question drifts toward whichever sentence
shares the question's common words; the one holding the question's rare words is more often the
evidence. Measured on the dev splits of all three eval collections (0.3, 0.6, 1.0, 1.5, 2.0, 3.0):
1.5 raised answer support on the bundled set from 0.677 to 0.742 and on the real documents from
0.625 to 0.646, with formats unchanged; 2.0 and above quoted more extra sentences."""
PIECE_WEIGHT = 0.1
"""How much a paragraph's best quotable piece (a sentence or a pair, scored as for quoting) adds to its dense
evidence score when the dense retriever ranks its first `RERANK_POOL` paragraphs (BM25 and hybrid keep their
own order).

A long paragraph's best entry is often the paragraph whole, whose cosine says it is on the topic; the
piece score says one sentence of it carries the question's rare words. Measured on the dev splits of
all three eval collections (0.05, 0.1, 0.15, 0.2, 0.3): at 0.1 recall@3 rose on the bundled set from
0.903 to 0.935 and on the real documents from 0.896 to 0.917, answer support from 0.742 to 0.774 and
from 0.708 to 0.729, footnote recall from 0.789 to 0.842 and from 0.677 to 0.710; recall@1 rose on
the bundled set (0.806 -> 0.839) and fell on the real documents (0.771 -> 0.729); formats unchanged.
From 0.2 recall@1 fell on both."""
WINDOW_SENTENCES = 4
"""How many neighbouring sentences make a window (`windows_of`), one more piece of a paragraph when ranking.

An answer is sometimes told over several sentences of a paragraph ("From the eleven applications, eight allow
self-hosting for free. ... The three commercial providers, namely Authorea, Code Ocean, and Gigantum, provide the
service in exchange for payment"), no sentence or pair of which holds the question's words ("eleven", "commercial",
"charge"); a window's score is its sentences' mean cosine plus the rare-term bonus of their words
together (`Retriever._best_windows`), and the best piece (`PIECE_WEIGHT`) is the better of the paragraph's best
sentence or pair and its best window. No vector is added: the sentences' own vectors are read. Measured on the dev
splits of all four eval collections (windows of 2 to 6 sentences, weighed as a piece or 1.5 to 10 times as much,
docs/past-measurements.md): at 4, as a piece, recall@1 rose on the wild collection 0.743 -> 0.752 and answer support
0.628 -> 0.637, recall@3 on the real documents 0.896 -> 0.917; the bundled and formats sets unchanged."""
LEXICAL_WEIGHT = 0.02
"""How much BM25 agreement adds when the dense retriever reranks its first `RERANK_POOL` paragraphs: each
paragraph's best entry's BM25 score over the best among the candidates, a share from 0 to 1.

The dense score misses a passage that uses the question's own words when a neighbour on the same topic is
closer in embedding space; agreement of the lexical ranking breaks such near ties. Fitted by grid (0, 0.01,
0.02, 0.03, 0.05, 0.1) on the dev splits of all three eval collections together: at 0.02 recall@1 rose on the
bundled set 0.839 -> 0.871 and on the real documents 0.729 -> 0.750, recall@3 on the bundled set 0.935 ->
0.968, formats unchanged; from 0.05 the bundled recall@1 fell to 0.806. Left out of the fit, each collection
kept its figures (bundled: the weight fitted on the other two, 0.01, left it unchanged; real: 0.02, +1 question).
"""
TYPED_WEIGHT = 0.03
"""Added when the dense retriever reranks its first `RERANK_POOL` paragraphs to a paragraph whose best piece gives
the kind of answer the question asks for (a number for "how many", a date for "when", a name for "who";
`qa.answer_type`), for a question asking a kind.

The composer answers only from a first source whose quote gives that kind (`qa.compose.Composer.answering`): a
neighbour on the same subject ranked first without it makes the answer abstain, or quote a number of something
else, while the paragraph giving it waits second. Measured on the dev splits of all four eval collections (0.01,
0.02, 0.03, 0.05; docs/past-measurements.md, "The best source without evidence"): at 0.03 recall@1 rose on the wild
collection 0.692 -> 0.703 and answer support 0.621 -> 0.631, false abstention fell 0.113 -> 0.092; on the real
documents recall@1 0.812 -> 0.833 and support 0.771 -> 0.792, and one unanswerable question was answered by a count
of something else (abstention 1.0 -> 0.929); bundled and formats unchanged. 0.05 ranked as 0.03; 0.01 gained only
one wild question."""
NOTE_PENALTY = 0.1
"""Taken off the cosine of a note's entry (`qa.passages.note_entries`) wherever it scores its paragraph or the
sentence citing it. Most notes are references ("Anna Fifield, "North Korea shows no sign...," Washington Post,
2016."), whose titles share a topic's words with the question while the evidence stands in the text; a note wins
only where it matches the question clearly better than the paragraph's own words do."""
RERANK_POOL = 10
"""Paragraphs reranked by their piece score, however few are asked for: an answer of k=3 and the
eval's recall@10 then rank alike. A pool of 20 or 30 ranked the dev splits no differently."""
_CANDIDATES_PER_SLOT = 40
"""Entries fetched per requested paragraph: several entries share a paragraph, and duplicates drop out."""
RRF_K = 60
"""Reciprocal rank fusion's damping constant, the value of Cormack et al. (2009); see README."""
FRAGMENT_WORDS = 12
"""A paragraph shorter than this that does not end like a sentence is a label: a heading the layout did not
mark, a table cell, a line of a form (`is_fragment`). Its few words can match a short question almost
exactly, and a label is no answer."""
FRAGMENT_PENALTY = 0.1
"""Taken off a label's dense evidence score."""
MIN_NEW_TERMS = 4
"""A paragraph adding fewer content words than this to the question's own says little the question did not."""
FEW_NEW_TERMS_PENALTY = 0.1
"""Taken off the dense evidence score of a paragraph that adds fewer than `MIN_NEW_TERMS` content words.

Small enough that a short sentence giving only the number asked for still ranks first; measured with
`FRAGMENT_PENALTY` on the dev splits of all three eval collections (README, "How it works"): on the real
documents recall@1 0.667 -> 0.708, recall@3 0.812 -> 0.833, the bundled and formats sets unchanged."""
TERM_SETS_KEPT = 1 << 12
"""Paragraphs' and entries' term sets kept once a question has reached them (`qa.remembered`), in each table:
about what 100 questions reach, under 20 MB for both (a set is 1.8 kB for an entry and 2.8 kB for a
paragraph on average on the bundled corpus). As many paragraphs' entry spans are kept: 0.9 kB a paragraph there."""
QUESTIONS_KEPT = 1024
"""Recent questions whose weighted terms and known names are kept, as `qa.terms.question_terms` keeps their terms."""
_SENTENCE_END_RE = re.compile(r"[.!?…:;][\"'”’)\]]*$")
"""The end of a sentence, closing quotes and brackets after its stop allowed."""


@dataclass(frozen=True)
class ScoredSpan:
    span: Span
    score: float


@dataclass(frozen=True)
class Hit:
    """A retrieved paragraph, ranked by the retriever asked for.

    `score` is always the dense evidence score (best entry's cosine plus the rare-term bonus, less the
    penalties for a label and for adding little to the question), whichever retriever ranked it, so one
    abstention threshold means the same for all of them.
    `spans` scores every entry inside the paragraph, for choosing what to quote.
    """

    article: Article
    paragraph: Paragraph
    score: float
    rank: int
    spans: tuple[ScoredSpan, ...]
    coverage: float = 0.0
    """Share of the question's term weight (by rarity in this collection) that the paragraph holds."""
    names_known: bool = True
    """Whether every name the question gives is used somewhere in the collection (`qa.decision`)."""


def _fold(text: str) -> str:
    """Text with markers, punctuation and case removed, to spot the same passage twice."""
    return re.sub(r"\W+", " ", NOTE_MARKER_RE.sub(" ", text.lower())).strip()


def pieces_of(spans: Sequence[Span]) -> tuple[int, ...]:
    """Which of a paragraph's `spans` (by position) are passages shorter than the whole paragraph (all of them, for a
    one-sentence paragraph): a property of the paragraph, kept with it, where `best_piece` is asked per question."""
    start, end = min(span.start for span in spans), max(span.end for span in spans)
    pieces = tuple(i for i, span in enumerate(spans) if (span.start, span.end) != (start, end))
    return pieces or tuple(range(len(spans)))


def note_offsets(spans: Sequence[Span], contextual: bool) -> frozenset[int]:
    """Which of a paragraph's entries (by position among its `spans`) are notes' entries. A paragraph's entries are
    its own spans, each once, then its entry read in context (`qa.passages.context_entry`) where it has a title or
    heading (`contextual`), then its notes' entries, each repeating the span of the sentence citing it."""
    first_note = len(set(spans)) + contextual
    return frozenset(range(first_note, len(spans)))


def best_piece(scores: Sequence[float], pieces: Sequence[int]) -> float:
    """The best of `scores`, those of a paragraph's spans, for a passage shorter than the whole paragraph (the
    whole, for a one-sentence paragraph): `pieces` are those spans' positions (`pieces_of`)."""
    return max(map(scores.__getitem__, pieces))


def windows_of(spans: Sequence[Span]) -> tuple[tuple[int, ...], ...]:
    """Which of a paragraph's `spans` (by position) are the sentences of each run of `WINDOW_SENTENCES` neighbouring
    sentences, in order; none for a paragraph of fewer sentences. A property of the paragraph, kept with it."""
    first: dict[Span, int] = {}
    for i, span in enumerate(spans):
        first.setdefault(span, i)  # a note's entry repeats its sentence's span after the paragraph's own
    sentences = [first[span] for span in sentence_spans(spans)]
    return tuple(
        tuple(sentences[start : start + WINDOW_SENTENCES]) for start in range(len(sentences) - WINDOW_SENTENCES + 1)
    )


def is_fragment(text: str) -> bool:
    """Whether a paragraph is a short line that does not end like a sentence (footnote markers aside)."""
    plain = NOTE_MARKER_RE.sub("", text).rstrip()
    return len(plain.split()) < FRAGMENT_WORDS and not _SENTENCE_END_RE.search(plain)


Key = int
"""A paragraph's number across the collection (`qa.documents`)."""


def fuse(rankings: Iterable[Sequence[Key]], k: int = RRF_K) -> list[Key]:
    """Reciprocal rank fusion: each ranking gives a paragraph 1/(k + rank); the sums decide."""
    fused: dict[Key, float] = {}
    for ranking in rankings:
        for rank, key in enumerate(ranking, start=1):
            fused[key] = fused.get(key, 0.0) + 1.0 / (k + rank)
    return sorted(fused, key=lambda key: -fused[key])


class Retriever:
    """Dense, BM25 or fused retrieval over the passage index, one hit per distinct paragraph."""

    def __init__(
        self,
        encoder: Encoder,
        index: PassageIndex,
        articles: Sequence[Article],
        paragraph_term_weight: float = PARAGRAPH_TERM_WEIGHT,
        span_term_weight: float = SPAN_TERM_WEIGHT,
        piece_weight: float = PIECE_WEIGHT,
    ) -> None:
        self.encoder = encoder
        self.piece_weight = piece_weight
        self.paragraph_term_weight = paragraph_term_weight
        self.span_term_weight = span_term_weight
        self.documents = Documents.of(articles)
        lexicon = Lexicon.of(index.build, self.documents, index.entries)
        self.weights = lexicon.weights
        self.index = index
        # What a request needs per entry is found in arrays made at once from the mapped entry table: a start
        # builds nothing per entry or per paragraph, and a request never re-reads the corpus's text. Paragraphs
        # are keyed by their number across the collection (`qa.documents`).
        self._paragraph_of = self.documents.paragraph_numbers(index.entries)
        """The paragraph number of each entry."""
        self._by_paragraph = np.argsort(self._paragraph_of, kind="stable")
        """Entry positions grouped by paragraph, in position order within each."""
        counts = np.bincount(self._paragraph_of, minlength=self.documents.paragraph_count)
        self._paragraph_start = np.concatenate([[0], np.cumsum(counts)])
        """Where each paragraph's entries begin in `_by_paragraph`; after the last, the number of entries."""
        columns = index.entries.columns
        # Plain views over the mapped columns: indexing an `np.memmap` makes another memmap, 7 us each time.
        self._starts, self._ends = columns["start"].view(np.ndarray), columns["end"].view(np.ndarray)
        self._entry_terms = Remembered(lexicon.entry_terms.__getitem__, TERM_SETS_KEPT)
        self._paragraph_terms = Remembered(lexicon.paragraph_terms.__getitem__, TERM_SETS_KEPT)
        self._context_terms = Remembered(self.context_terms, TERM_SETS_KEPT)
        self._spans = Remembered(self._paragraph_spans, TERM_SETS_KEPT)
        """The spans of each paragraph's entries, in order, kept once a question has reached the paragraph."""
        self._pieces = Remembered(lambda key: pieces_of(self._spans[key]), TERM_SETS_KEPT)
        self._notes = Remembered(
            lambda key: note_offsets(self._spans[key], bool(context_of(*self.documents.paragraph(key)))),
            TERM_SETS_KEPT,
        )
        """`note_offsets` of each paragraph's spans, kept as they are."""
        """`pieces_of` each paragraph's spans, kept as they are."""
        self._windows = Remembered(
            lambda key: np.array(windows_of(self._spans[key]), dtype=np.intp).reshape(-1, WINDOW_SENTENCES),
            TERM_SETS_KEPT,
        )
        """`windows_of` each paragraph's spans, kept as an array of one row a window."""
        self._folded: dict[Key, str] = {}
        """`_fold` of each paragraph a question has reached, made on first use: a start never reads every text."""
        self._fragments: dict[Key, bool] = {}
        """Whether each paragraph a question has reached is a label (`is_fragment`), found on first use."""
        self.lexical = lexicon.bm25
        self._wanted = lru_cache(maxsize=QUESTIONS_KEPT)(lambda question: self.weights.of(question_terms(question)))
        """Each recent question's weighted terms: looking its terms up in the vocabulary is a binary search each."""
        self._knows_names = lru_cache(maxsize=QUESTIONS_KEPT)(self.knows_names)

    def knows_names(self, question: str) -> bool:
        """Whether each multi-word name in the question has a word the collection uses (text, titles, bylines)."""
        knows, names = self.weights.knows, self.documents.name_terms
        return all(
            any(term in names or knows(term) for term in question_terms(name)) or not question_terms(name)
            for name in question_names(question)
        )

    def context_terms(self, key: Key) -> set[int]:
        """The term numbers of a paragraph read where it stands: its own, its section heading's and its document's
        title's.

        A paragraph leaves unsaid what its heading and title already said: under "Minor releases" in a post on
        Julia's releases, "Minor releases are branched every four months" never names Julia, and a question asking
        how often Julia branches a minor release met its rare word only in the post's other paragraphs. Measured on
        the dev splits of all four eval collections (heading, title, both): with both, recall@1 rose on the real
        documents 0.792 -> 0.812 and on the wild collection 0.713 -> 0.723, recall@3 on the wild one 0.822 ->
        0.842, the bundled and formats sets unchanged. Only the ranking bonus reads them: the coverage the answer
        decision was fitted on (`Hit.coverage`) counts the paragraph's own words.
        """
        article, paragraph = self.documents.paragraph(key)
        context = terms(f"{paragraph.section or ''} {article.title or ''}")
        return self._paragraph_terms[key] | set(self.weights.vocabulary.numbers(context))

    def _paragraph(self, key: Key) -> Paragraph:
        return self.documents.paragraph(key)[1]

    def _entries(self, key: Key) -> np.ndarray:
        """The positions of the paragraph's entries, in order."""
        return self._by_paragraph[self._paragraph_start[key] : self._paragraph_start[key + 1]]

    def search(
        self,
        question: str,
        k: int,
        retriever: RetrieverName = "dense",
        documents: Collection[str] | None = None,
    ) -> list[Hit]:
        """The `k` best distinct paragraphs for `question`, best first; only from `documents` (ids) if given."""
        query = self.encoder.encode_query(question)
        return self.rank(question, query, k, retriever, documents)

    def rank(
        self,
        question: str,
        query: np.ndarray,
        k: int,
        retriever: RetrieverName = "dense",
        documents: Collection[str] | None = None,
    ) -> list[Hit]:
        """Rank paragraphs for a question whose embedding is `query`.

        `documents` restricts the candidates before ranking: the dense search and BM25 see only
        their passages, so the best `k` of them are found however the rest of the collection ranks.
        """
        k, retriever = validate_k(k), validate_retriever(retriever)
        wanted = self._wanted(question)
        depth = k * _CANDIDATES_PER_SLOT
        allowed = self._positions(documents)
        dense = self._dense_scores(query, wanted, depth, allowed)
        if retriever == "dense":
            order = sorted(dense, key=dense.__getitem__, reverse=True)
        elif retriever == "bm25":
            order = self._bm25_order(question, depth, allowed)
        else:
            order = fuse(
                [sorted(dense, key=dense.__getitem__, reverse=True), self._bm25_order(question, depth, allowed)]
            )
        holding: set[Key] = set()
        if is_keyword_question(question):
            order, holding = self._verbatim_first(question, order + self._bm25_order(question, depth, allowed))
        keys = self._distinct(order, max(k, RERANK_POOL) if retriever == "dense" else k)
        scores = [dense[key] if key in dense else self._dense_score(key, query, wanted) for key in keys]
        spans = list(map(self._spans.get, keys))
        groups = list(map(self._entries, keys))
        vectors = self.index.vectors
        # One product per paragraph, as ever: BLAS sums a row differently in a larger product (about one score in
        # six moved by a bit on the bundled index), and a quote is chosen by comparing these scores. Made once for
        # both the quoting scores and the windows.
        cosines = [vectors[positions] @ query for positions in groups]
        span_scores = self._span_scores(keys, groups, cosines, wanted)
        if retriever == "dense":
            lexical = self._lexical_shares(question, groups)
            pieces = list(map(self._pieces.get, keys))
            windows = self._best_windows(keys, groups, cosines, wanted)
            verbatim = [key in holding for key in keys]
            typed = self._typed(question, keys, spans, span_scores, pieces)
            chosen = self._rerank(scores, pieces, span_scores, windows, verbatim, lexical, typed, k)
        else:
            chosen = list(range(len(keys)))
        coverage = wanted.overlaps(self._paragraph_terms[keys[i]] for i in chosen)
        known = self._knows_names(question)
        return [
            Hit(
                *self.documents.paragraph(keys[i]),
                scores[i],
                rank,
                tuple(map(ScoredSpan, spans[i], span_scores[i])),
                share,
                known,
            )
            for rank, (i, share) in enumerate(zip(chosen, coverage, strict=True), start=1)
        ]

    def _distinct(self, order: Iterable[Key], n: int) -> list[Key]:
        """The first `n` paragraphs of `order` whose text, folded (`_fold`), no earlier one has."""
        keys: list[Key] = []
        seen: set[str] = set()
        for key in order:
            folded = self._folded.get(key)
            if folded is None:
                folded = self._folded[key] = _fold(self._paragraph(key).text)
            if folded in seen:
                continue
            seen.add(folded)
            keys.append(key)
            if len(keys) == n:
                break
        return keys

    def _rerank(
        self,
        scores: Sequence[float],
        pieces: Sequence[Sequence[int]],
        span_scores: Sequence[Sequence[float]],
        windows: Sequence[float],
        verbatim: Sequence[bool],
        lexical: Sequence[float],
        typed: Sequence[bool],
        k: int,
    ) -> list[int]:
        """Which `k` of the paragraphs (by position) rank best by dense evidence score plus `PIECE_WEIGHT` times
        the best piece's score (its best sentence or pair, or its best window of sentences, `windows`),
        `LEXICAL_WEIGHT` times the BM25 share and `TYPED_WEIGHT` where the best piece gives the kind of answer asked
        for (`typed`), best first; the paragraphs holding a keyword question as written still first."""
        weight = self.piece_weight
        return sorted(
            range(len(scores)),
            key=lambda i: (
                verbatim[i],
                scores[i]
                + weight * max(best_piece(span_scores[i], pieces[i]), windows[i])
                + LEXICAL_WEIGHT * lexical[i]
                + TYPED_WEIGHT * typed[i],
            ),
            reverse=True,
        )[:k]

    def _typed(
        self,
        question: str,
        keys: Sequence[Key],
        spans: Sequence[Sequence[Span]],
        span_scores: Sequence[Sequence[float]],
        pieces: Sequence[Sequence[int]],
    ) -> list[bool]:
        """Whether each paragraph's best piece (its best-scoring sentence or pair, as `best_piece` reads it) gives the
        kind of answer the question asks for; all False for a question asking none, which every text answers."""
        if answer_type(question) == "other":
            return [False] * len(keys)
        typed = []
        for key, paragraph_spans, scores, paragraph_pieces in zip(keys, spans, span_scores, pieces, strict=True):
            best = max(paragraph_pieces, key=scores.__getitem__)
            span, text = paragraph_spans[best], self._paragraph(key).text
            typed.append(gives_answer_type(text[span.start : span.end], question))
        return typed

    def _best_windows(
        self, keys: Sequence[Key], groups: Sequence[np.ndarray], cosines: Sequence[np.ndarray], wanted: QuestionTerms
    ) -> list[float]:
        """Each paragraph's best window's score (`windows_of`): the mean cosine of its sentences plus the rare-term
        bonus of their words together, as a span's for quoting; -inf for a paragraph with no window. `groups` are the
        paragraphs' entry positions and `cosines` their entries' cosines with the question, in order.

        A window's words count only where the question uses them, so each sentence's terms are first cut down to the
        question's (a set of a few numbers) and a window joins those; its means are taken all at once, each over
        the same four float32 values in the same order as one `np.mean` each: summed by `np.add.reduce`, as `np.mean`
        sums, then divided in float32, which rounds to the same float32 as `np.mean`'s division in float64 (a float64
        quotient of two float32 values rounds to float32 correctly), without `np.mean`'s Python layer (about 5 us a
        paragraph)."""
        best = []
        asked, entry_terms = wanted.terms, self._entry_terms.get
        for key, positions, paragraph_cosines in zip(keys, groups, cosines, strict=True):
            windows = self._windows[key]
            if not len(windows):
                best.append(-np.inf)
                continue
            rows, entries = windows.tolist(), positions.tolist()  # plain ints: indexing numpy makes a scalar each time
            held = {i: asked & entry_terms(entries[i]) for i in dict.fromkeys(chain.from_iterable(rows))}
            shares = wanted.overlaps(set().union(*(held[i] for i in window)) for window in rows)
            means = (np.add.reduce(paragraph_cosines[windows], axis=1) / WINDOW_SENTENCES).tolist()
            best.append(max(mean + self.span_term_weight * share for mean, share in zip(means, shares, strict=True)))
        return best

    def _lexical_shares(self, question: str, groups: Sequence[np.ndarray]) -> list[float]:
        """Each paragraph's best entry's BM25 score as a share of the best such score among the paragraphs, whose
        entry positions are `groups` (0 when none holds a question word)."""
        if not groups:
            return []
        positions = np.concatenate(groups)
        order = np.argsort(positions)
        found = np.empty(len(positions), dtype=np.float32)
        found[order] = self.lexical.scores_of(question, positions[order])
        best = np.maximum.reduceat(found, np.cumsum([0] + [len(group) for group in groups[:-1]]))
        top = float(best.max())
        return (best / top).tolist() if top > 0 else [0.0] * len(groups)

    def _verbatim_first(self, question: str, order: list[Key]) -> tuple[list[Key], set[Key]]:
        """A keyword look-up: the paragraphs that hold the words as written come first, in their order;
        with them, the set of those paragraphs."""
        unique = list(dict.fromkeys(order))
        holding = {key: None for key in unique if is_keyword_match(question, self._paragraph(key).text)}
        return list(holding) + [key for key in unique if key not in holding], set(holding)

    def _positions(self, documents: Collection[str] | None) -> np.ndarray | None:
        """The sorted entry positions of `documents`' passages; None for no restriction."""
        if documents is None:
            return None
        positions, first, start = self.documents.positions, self.documents.first, self._paragraph_start
        chosen = [positions[doc_id] for doc_id in documents if doc_id in positions]
        found = [self._by_paragraph[start[first[d]] : start[first[d + 1]]] for d in chosen]
        return np.sort(np.concatenate(found)).astype(np.int64) if found else np.zeros(0, dtype=np.int64)

    def _dense_scores(
        self, query: np.ndarray, wanted: QuestionTerms, depth: int, allowed: np.ndarray | None = None
    ) -> dict[Key, float]:
        """Dense evidence score of each paragraph among the `depth` nearest (allowed) entries."""
        best: dict[Key, float] = {}
        found = self.index.search(query, depth, allowed)
        keys, notes = self._paragraphs_and_notes([position for position, _ in found])
        for key, note, (_, score) in zip(keys, notes, found, strict=True):
            if note:
                score -= NOTE_PENALTY
            if score > best.get(key, -np.inf):
                best[key] = score
        return {
            key: score + bonus for (key, score), bonus in zip(best.items(), self._bonuses(best, wanted), strict=True)
        }

    def _dense_score(self, key: Key, query: np.ndarray, wanted: QuestionTerms) -> float:
        """The same score for a paragraph the dense search did not reach (BM25 found it)."""
        cosines = self.index.vectors[self._entries(key)] @ query - self._note_penalties(key)
        return float(np.max(cosines)) + self._bonuses([key], wanted)[0]

    def _paragraphs_and_notes(self, positions: list[int]) -> tuple[list[Key], list[bool]]:
        """The paragraph of each entry at `positions`, and whether the entry is a note's (`note_offsets`); each entry's
        place in its paragraph found for all of them in one numpy step, as a search returns about a hundred."""
        keys = self._paragraph_of[positions]
        offsets = (np.asarray(positions, dtype=np.int64) - self._by_paragraph[self._paragraph_start[keys]]).tolist()
        keys = keys.tolist()
        notes = list(map(self._notes.get, keys))
        return keys, [offset in held for offset, held in zip(offsets, notes, strict=True)]

    def _note_penalties(self, key: Key) -> np.ndarray:
        """`NOTE_PENALTY` for each of the paragraph's entries that is a note's, 0 for the others, in order."""
        penalties = np.zeros(self._paragraph_start[key + 1] - self._paragraph_start[key])
        penalties[list(self._notes[key])] = NOTE_PENALTY
        return penalties

    def _bonuses(self, keys: Iterable[Key], wanted: QuestionTerms) -> list[float]:
        """Each paragraph's rare-term bonus (its terms read in context, `context_terms`), less the penalties for a
        label and for a paragraph that adds little to the question (its own terms); for all of a question's
        candidates in one call, as there are about 35."""
        keys = list(keys)
        present = list(map(self._paragraph_terms.get, keys))
        shares = wanted.overlaps(map(self._context_terms.get, keys))
        bonuses = []
        for key, own, share in zip(keys, present, shares, strict=True):
            fragment = self._fragments.get(key)
            if fragment is None:
                fragment = self._fragments[key] = is_fragment(self._paragraph(key).text)
            bonuses.append(
                self.paragraph_term_weight * share
                - FRAGMENT_PENALTY * fragment
                - FEW_NEW_TERMS_PENALTY * (wanted.new_terms(own) < MIN_NEW_TERMS)
            )
        return bonuses

    def _bm25_order(self, question: str, depth: int, allowed: np.ndarray | None = None) -> list[Key]:
        """Paragraphs by their best entry's BM25 score; entries without a question word are left out, and so are notes'
        entries: a reference note's title words match a topic's words as exactly as the text's do (on the bundled dev
        split they cost BM25 one question's recall@1), while the dense ranking discounts them (`NOTE_PENALTY`)."""
        keys, notes = self._paragraphs_and_notes(
            [position for position, _ in self.lexical.top(question, depth, allowed)]
        )
        return list(dict.fromkeys(key for key, note in zip(keys, notes, strict=True) if not note))

    def _span_scores(
        self, keys: Sequence[Key], groups: Sequence[np.ndarray], cosines: Sequence[np.ndarray], wanted: QuestionTerms
    ) -> list[list[float]]:
        """The score for quoting of each entry of each paragraph, in the order of `_spans`: its cosine (`cosines`,
        the entries at `groups`) less the note penalty, plus the rare-term bonus; the term overlaps of all the
        paragraphs' entries found in one call."""
        if not groups:
            return []
        shares = wanted.overlaps(map(self._entry_terms.get, np.concatenate(groups).tolist()))
        # A paragraph without notes has no penalty to take off: subtracting its zeros would only make a float64
        # copy of the same values, which the concatenation makes anyway. The bonus is then added to all of them at
        # once, in float64, as Python's floats added it one by one.
        products = [
            paragraph_cosines - self._note_penalties(key) if self._notes[key] else paragraph_cosines
            for key, paragraph_cosines in zip(keys, cosines, strict=True)
        ]
        scores = (np.concatenate(products, dtype=np.float64) + self.span_term_weight * np.asarray(shares)).tolist()
        ends = np.cumsum([len(positions) for positions in groups]).tolist()
        return [scores[start:end] for start, end in zip([0, *ends[:-1]], ends, strict=True)]

    def _paragraph_spans(self, key: Key) -> tuple[Span, ...]:
        """The spans of the paragraph's entries, in order."""
        positions = self._entries(key)
        return tuple(map(Span, self._starts[positions].tolist(), self._ends[positions].tolist()))

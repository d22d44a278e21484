"""BM25 over the same passages the dense index holds, so the two rankings can be fused entry for entry.

Tokens are `qa.terms.tokens`: the same Snowball stems and stop words as the term-overlap bonus,
so "urged" meets "urge" in both. bm25s keeps the scores as a sparse matrix; a query costs a few
sparse row sums, which is why it is built once when the retriever is, never per request.
"""

from __future__ import annotations

from collections.abc import Sequence

import bm25s
import numpy as np

from qa.terms import tokens

_EMPTY = ""
"""bm25s's token for a passage with no content words, so every passage keeps its row."""


class LexicalIndex:
    """BM25 scores of every passage for a question's words."""

    def __init__(self, texts: Sequence[str]) -> None:
        self.size = len(texts)
        self._bm25 = bm25s.BM25()
        self._bm25.index([tokens(text) or [_EMPTY] for text in texts], show_progress=False)
        self._vocabulary = self._bm25.vocab_dict

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

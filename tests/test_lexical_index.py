"""BM25's top passages: exactly a stable sort's first n, without sorting every score."""

from __future__ import annotations

import numpy as np
from hypothesis import given
from hypothesis import strategies as st

from qa.lexical_index import LexicalIndex, _best

PASSAGES = ["camp 22 prisoners", "the G8 urged", "camp survivors testified", "prisoners in camp 14"]


@given(st.lists(st.integers(0, 4), max_size=60), st.integers(0, 70))
def test_best_is_the_head_of_a_stable_descending_sort(values: list[int], n: int) -> None:
    scores = np.asarray(values, dtype=np.float32)  # few distinct values: ties at the cut are common
    expected = np.argsort(-scores, kind="stable")[:n]
    positions, best = _best(scores, n)
    assert positions == expected.tolist()
    assert best == scores[expected].tolist()


def test_top_ranks_by_bm25_and_keeps_passage_order_among_equals() -> None:
    index = LexicalIndex(PASSAGES)
    ranked = [position for position, _ in index.top("camp prisoners", 10)]
    assert ranked[:2] == [0, 3]  # both words, in passages of equal length: tied, so in passage order
    assert set(ranked) == {0, 2, 3}  # "the G8 urged" shares no word and is left out


def test_top_returns_no_more_than_asked() -> None:
    assert [position for position, _ in LexicalIndex(PASSAGES).top("camp", 1)] == [0]

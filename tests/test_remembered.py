"""`Remembered`: a lookup made once per key while the key is among the most recently asked."""

from __future__ import annotations

from qa.remembered import Remembered


def test_a_value_is_made_once_for_a_key_asked_for_again() -> None:
    made: list[int] = []
    squares = Remembered(lambda n: made.append(n) or n * n, size=4)
    assert [squares[3], squares[3], squares[2], squares[3]] == [9, 9, 4, 9]
    assert made == [3, 2]


def test_only_the_keys_asked_for_most_recently_are_kept() -> None:
    made: list[int] = []
    squares = Remembered(lambda n: made.append(n) or n * n, size=2)
    for n in (1, 2, 3, 1):
        squares[n]
    assert made == [1, 2, 3, 1]

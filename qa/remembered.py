"""A lookup whose recent answers are kept, for tables that build each answer when asked."""

from __future__ import annotations

from collections.abc import Callable, Hashable
from functools import lru_cache
from typing import Generic, TypeVar

K = TypeVar("K", bound=Hashable)
V = TypeVar("V")


class Remembered(Generic[K, V]):
    """`lookup(key)` as `remembered[key]`, made once for each of the `size` keys asked for most recently.

    The lexicon's term sets (`qa.lexical_index`) are kept as arrays, so that a start maps them instead
    of building them, and every look-up makes a new set: about 70 per question on the answer path, most
    of them for paragraphs and entries that earlier questions reached too. The values are shared by
    every caller, so none may change them.
    """

    def __init__(self, lookup: Callable[[K], V], size: int) -> None:
        self.get: Callable[[K], V] = lru_cache(maxsize=size)(lookup)
        """The same look-up as a function, for `map` over many keys."""

    def __getitem__(self, key: K) -> V:
        return self.get(key)

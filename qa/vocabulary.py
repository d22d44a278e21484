"""The collection's distinct terms, numbered in sorted order and kept as arrays a start maps instead of reading.

At a million passages a collection has some 160,000 distinct terms. Read into a Python list and a dict from
term to number, they cost every process a third of a second to start and tens of megabytes of its own; the
retriever's term sets (`qa.lexical_index`) hold term numbers, so a question needs only its own few words
numbered. The terms are saved sorted, so that a term's number is its place in that order: UTF-8 bytes one
after another, with where each term starts, and each term's first bytes in a fixed-width column that numpy
searches without decoding anything (`number`).
"""

from __future__ import annotations

import bisect
import io
from collections.abc import Iterable, Sequence
from pathlib import Path
from typing import overload

import numpy as np

_PREFIX = 8
"""Bytes of each term kept in the searched column: most terms are this short or differ within it."""
_ARRAYS = ("vocabulary-bytes", "vocabulary-offsets", "vocabulary-prefixes")
VOCABULARY_FILES = tuple(f"{name}.npy" for name in _ARRAYS)
"""Every file `Vocabulary.files` adds to a build."""


class Vocabulary(Sequence[str]):
    """Terms numbered 0, 1, ... in sorted (code point) order; `number(term)` finds one, `vocabulary[n]` reads one."""

    def __init__(self, data: np.ndarray, offsets: np.ndarray, prefixes: np.ndarray) -> None:
        if offsets.ndim != 1 or not len(offsets) or int(offsets[-1]) != len(data) or len(prefixes) != len(offsets) - 1:
            raise ValueError(f"{len(offsets)} term offsets and {len(prefixes)} prefixes for {len(data)} bytes")
        self._data = data
        self._offsets = offsets
        self._prefixes = prefixes

    @classmethod
    def of(cls, terms: Iterable[str]) -> Vocabulary:
        """The vocabulary of `terms` (repeats allowed): what `qa index` saves."""
        encoded = sorted({term.encode() for term in terms})  # UTF-8's byte order is code point order
        offsets = np.zeros(len(encoded) + 1, dtype=np.int64)
        offsets[1:] = np.cumsum([len(term) for term in encoded])
        data = np.frombuffer(b"".join(encoded), dtype=np.uint8)
        return cls(data, offsets, np.array(encoded, dtype=f"S{_PREFIX}"))

    @classmethod
    def load(cls, build: Path) -> Vocabulary:
        """The vocabulary saved in `build`, memory-mapped read-only: nothing is read per term."""
        return cls(*(mapped(build / name) for name in VOCABULARY_FILES))

    def files(self) -> dict[str, bytes]:
        """The vocabulary as the files `load` maps."""
        return {name: npy_bytes(array) for name, array in zip(VOCABULARY_FILES, self._arrays(), strict=True)}

    def _arrays(self) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
        return self._data, self._offsets, self._prefixes

    def __len__(self) -> int:
        return len(self._prefixes)

    @overload
    def __getitem__(self, number: int) -> str: ...

    @overload
    def __getitem__(self, number: slice) -> list[str]: ...

    def __getitem__(self, number: int | slice) -> str | list[str]:
        if isinstance(number, slice):
            return [self[i] for i in range(*number.indices(len(self)))]
        return self._bytes(range(len(self))[number]).decode()

    def _bytes(self, number: int) -> bytes:
        start, end = self._offsets[number : number + 2].tolist()
        return self._data[start:end].tobytes()

    def number(self, term: str) -> int | None:
        """The term's number, or None for a term the collection does not use."""
        encoded = term.encode()
        prefix = encoded[:_PREFIX]
        low = int(self._prefixes.searchsorted(prefix, "left"))
        if len(encoded) <= _PREFIX:  # its own prefix (numpy's fixed-width bytes drop trailing NULs; terms hold none)
            return low if low < len(self) and self._prefixes[low] == prefix else None
        high = int(self._prefixes.searchsorted(prefix, "right"))  # longer terms that share the prefix
        found = bisect.bisect_left(range(low, high), encoded, key=self._bytes) + low
        return found if found < high and self._bytes(found) == encoded else None

    def numbers(self, terms: Iterable[str]) -> list[int]:
        """The numbers of those of `terms` the collection uses, in order."""
        return [number for term in terms if (number := self.number(term)) is not None]


def mapped(path: Path) -> np.ndarray:
    """The array saved in `path`, memory-mapped read-only, as a plain ndarray over the same pages: slicing an
    `np.memmap` costs 7 us, a view's 1.3."""
    return np.load(path, mmap_mode="r", allow_pickle=False).view(np.ndarray)


def npy_bytes(array: np.ndarray) -> bytes:
    buffer = io.BytesIO()
    np.save(buffer, np.ascontiguousarray(array), allow_pickle=False)
    return buffer.getvalue()

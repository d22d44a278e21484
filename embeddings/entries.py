"""The entry table: the passage (which span of which paragraph) each vector encodes, stored as columns of integers.

At a million passages a tuple of `Entry` objects costs about 358 bytes a passage of private memory in
every process; the same table as four uint32 columns is 16 bytes a passage, memory-mapped from the
build, so server workers share one copy in the page cache. Document ids, repeated across a document's
entries, are kept once each in a small JSON list that the `doc` column points into.
"""

from __future__ import annotations

import io
import json
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import overload

import numpy as np

ROWS_FILE = "entries.npy"
DOCS_FILE = "entry-documents.json"
ROW_DTYPE = np.dtype([("doc", "<u4"), ("paragraph", "<u4"), ("start", "<u4"), ("end", "<u4")])
_CHUNK = 65_536
"""Rows converted to Python at a time while iterating: one conversion in C per chunk, bounded memory."""


@dataclass(frozen=True)
class Entry:
    """What one vector encodes: `text[start:end]` of paragraph `paragraph` of document `doc_id`."""

    doc_id: str
    paragraph: int
    start: int
    end: int


class EntryTable(Sequence[Entry]):
    """A read-only sequence of `Entry`, one per vector, backed by a (usually memory-mapped) numpy array."""

    def __init__(self, rows: np.ndarray, doc_ids: Sequence[str]) -> None:
        if rows.dtype != ROW_DTYPE or rows.ndim != 1:
            raise ValueError(f"entry rows must be a 1-d array of {ROW_DTYPE}, got {rows.ndim}-d {rows.dtype}")
        if len(rows) and int(rows["doc"].max()) >= len(doc_ids):
            raise ValueError(f"entry rows name document {int(rows['doc'].max())} of only {len(doc_ids)}")
        self._rows = rows
        self._doc_ids = tuple(doc_ids)

    @classmethod
    def from_entries(cls, entries: Iterable[Entry]) -> EntryTable:
        """The table of `entries`, in order; a table is returned as it is."""
        if isinstance(entries, EntryTable):
            return entries
        positions: dict[str, int] = {}
        columns = [(positions.setdefault(e.doc_id, len(positions)), e.paragraph, e.start, e.end) for e in entries]
        return cls(np.array(columns, dtype=ROW_DTYPE), list(positions))

    @classmethod
    def load(cls, build: Path) -> EntryTable:
        """The build's table, memory-mapped read-only; a damaged file is named in a ValueError."""
        try:
            rows = np.load(build / ROWS_FILE, mmap_mode="r", allow_pickle=False)
        except (ValueError, EOFError) as error:
            raise ValueError(f"{ROWS_FILE} is cut short or is not an entry table ({error})") from error
        doc_ids = json.loads((build / DOCS_FILE).read_text(encoding="utf-8"))
        if not isinstance(doc_ids, list) or not all(isinstance(d, str) for d in doc_ids):
            raise ValueError(f"{DOCS_FILE} is not a list of document ids")
        return cls(rows, doc_ids)

    @property
    def columns(self) -> np.ndarray:
        """The rows as stored (`ROW_DTYPE`, usually mapped), for work done on every entry at once, in numpy."""
        return self._rows

    @property
    def doc_ids(self) -> tuple[str, ...]:
        """The document ids the `doc` column numbers."""
        return self._doc_ids

    def files(self) -> dict[str, bytes]:
        """The table as the files `load` reads back."""
        buffer = io.BytesIO()
        np.save(buffer, np.ascontiguousarray(self._rows), allow_pickle=False)
        return {ROWS_FILE: buffer.getvalue(), DOCS_FILE: json.dumps(self._doc_ids).encode()}

    def __len__(self) -> int:
        return len(self._rows)

    @overload
    def __getitem__(self, position: int) -> Entry: ...

    @overload
    def __getitem__(self, position: slice) -> EntryTable: ...

    def __getitem__(self, position: int | slice) -> Entry | EntryTable:
        if isinstance(position, slice):
            return EntryTable(self._rows[position], self._doc_ids)
        doc, paragraph, start, end = self._rows.item(position)
        return Entry(self._doc_ids[doc], paragraph, start, end)

    def __iter__(self) -> Iterator[Entry]:
        doc_ids = self._doc_ids
        for first in range(0, len(self._rows), _CHUNK):
            for doc, paragraph, start, end in self._rows[first : first + _CHUNK].tolist():
                yield Entry(doc_ids[doc], paragraph, start, end)

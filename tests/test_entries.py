"""The entry table: a compact, read-only sequence that gives back exactly the entries it was made from."""

from __future__ import annotations

import io

import numpy as np
import pytest

from embeddings.entries import DOCS_FILE, ROWS_FILE, Entry, EntryTable

ENTRIES = [Entry("north-38", 1, 0, 120), Entry("north-38", 1, 0, 58), Entry("hrnk-3", 4, 12, 96)]


def test_a_table_gives_back_its_entries_in_order_by_iteration_and_position() -> None:
    table = EntryTable.from_entries(ENTRIES)
    assert list(table) == ENTRIES
    assert [table[0], table[-1]] == [ENTRIES[0], ENTRIES[2]]


def test_a_slice_of_a_table_is_a_table_of_those_entries() -> None:
    part = EntryTable.from_entries(ENTRIES)[1:]
    assert isinstance(part, EntryTable)
    assert list(part) == ENTRIES[1:]


def test_a_table_stores_each_document_id_once_and_16_bytes_per_entry() -> None:
    files = EntryTable.from_entries(ENTRIES).files()
    rows = np.load(io.BytesIO(files[ROWS_FILE]))
    assert files[DOCS_FILE] == b'["north-38", "hrnk-3"]'
    assert rows.tolist() == [(0, 1, 0, 120), (0, 1, 0, 58), (1, 4, 12, 96)]
    assert rows.itemsize == 16


def test_rows_of_another_layout_are_refused_with_their_type() -> None:
    with pytest.raises(ValueError, match="got 1-d int64"):
        EntryTable(np.zeros(3, dtype=np.int64), ["doc"])

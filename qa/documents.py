"""The indexed documents as a build stores them: read one at a time, when an answer or a page needs it.

Parsing every document's JSON into `Article` and `Paragraph` objects took a serving process most of a
minute and gigabytes at a million passages, for documents of which a question quotes three. So `qa index`
saves each document's JSON row (`qa.corpus.article_row`) end to end in one file, with the byte offset of
each row and the number of each document's first paragraph in arrays beside it; a start maps those
files, and a document is decoded (by `qa.corpus.article_from_row`, the one reader) when it is asked for.
What every request may need of every document, its id, title, author and date, is kept in a small
columnar JSON file, and so are the words of the titles and bylines (the names a question may use).

Paragraphs are numbered across the whole collection, in document order: paragraph `index` of the
document at position `d` is number `first[d] + index - 1`, the key the retriever uses for it.
"""

from __future__ import annotations

import io
import json
import logging
import threading
from collections import OrderedDict
from collections.abc import Iterable, Iterator, Mapping, Sequence
from dataclasses import dataclass
from functools import cached_property
from pathlib import Path
from typing import Any, overload

import numpy as np

from embeddings.entries import EntryTable
from qa.corpus import Article, Paragraph, article_from_row, article_row
from qa.terms import terms

log = logging.getLogger(__name__)

ARTICLES_FILE = "articles.json"
"""Every document in one JSON list: what builds saved before the document store, read only to serve those."""
HEADERS_FILE = "documents.json"
ROWS_FILE = "document-rows.npy"
OFFSETS_FILE = "document-offsets.npy"
PARAGRAPHS_FILE = "document-paragraphs.npy"
DOCUMENT_FILES = (HEADERS_FILE, ROWS_FILE, OFFSETS_FILE, PARAGRAPHS_FILE)
"""Every file `documents_files` adds to a build."""
_KEPT_BYTES = 32 << 20
"""Documents kept decoded, up to this many bytes of stored rows (objects take a few times more): the ones recent
questions reached, so that a question asked again decodes none, while a worker's memory stays bounded."""


@dataclass(frozen=True)
class Header:
    """What the filters read of a document, without its text."""

    id: str
    title: str | None
    author: str | None
    date: str | None


def documents_files(articles: Iterable[Article]) -> dict[str, bytes]:
    """The document store of `articles`, in order, as the files `Documents.load` maps: for `qa index` to save."""
    return _files([article_row(article) for article in articles])


def _files(rows: list[dict[str, Any]]) -> dict[str, bytes]:
    """The store of the documents `rows` (`qa.corpus.article_row`) hold."""
    encoded = [json.dumps(row, ensure_ascii=False).encode("utf-8") for row in rows]
    offsets = np.zeros(len(encoded) + 1, dtype=np.int64)
    np.cumsum([len(row) for row in encoded], out=offsets[1:])
    first = np.zeros(len(rows) + 1, dtype=np.int64)
    np.cumsum([len(row["paragraphs"]) for row in rows], out=first[1:])
    names = {term for row in rows for term in terms(" ".join(x for x in (row["title"], row["author"]) if x))}
    headers = {
        "ids": [row["id"] for row in rows],
        "titles": [row["title"] for row in rows],
        "authors": [row["author"] for row in rows],
        "dates": [row["date"] for row in rows],
        "name_terms": sorted(names),
    }
    return {
        HEADERS_FILE: json.dumps(headers, ensure_ascii=False).encode("utf-8"),
        ROWS_FILE: _npy(np.frombuffer(b"".join(encoded), dtype=np.uint8)),
        OFFSETS_FILE: _npy(offsets),
        PARAGRAPHS_FILE: _npy(first),
    }


def unsaved_store(build: Path) -> str | None:
    """Why `qa index` must save `build` again to give it a document store, or None when it has one: a build
    without one answers, but every process start reads every document."""
    if (build / HEADERS_FILE).is_file():
        return None
    return f"the index build {build} has no document store (it was made by an older version)"


class Documents(Sequence[Article]):
    """The collection's documents in index order, each decoded from its stored row on first use."""

    def __init__(self, files: Mapping[str, bytes | Path]) -> None:
        """From the store's files: bytes in memory, or paths in a build, whose arrays are mapped read-only.

        A damaged store is a ValueError (or OSError, KeyError, TypeError) naming what does not fit.
        """
        headers = json.loads(_read(files[HEADERS_FILE]))
        self._ids: list[str] = headers["ids"]
        self._titles: list[str | None] = headers["titles"]
        self._authors: list[str | None] = headers["authors"]
        self._dates: list[str | None] = headers["dates"]
        self.name_terms = frozenset(headers["name_terms"])
        """The words of every title and byline, for telling whether a name a question gives is known."""
        self._rows = _array(files[ROWS_FILE])
        self._offsets = _array(files[OFFSETS_FILE])
        self.first = _array(files[PARAGRAPHS_FILE])
        """The number of each document's first paragraph, and after the last the count of all paragraphs."""
        count = len(self._ids)
        if not all(len(column) == count for column in (self._titles, self._authors, self._dates)):
            raise ValueError(f"{HEADERS_FILE} does not give every one of its {count} documents a title, author, date")
        if len(self._offsets) != count + 1 or len(self.first) != count + 1:
            raise ValueError(f"{OFFSETS_FILE} or {PARAGRAPHS_FILE} does not hold {count + 1} numbers")
        if int(self._offsets[-1]) != len(self._rows):
            raise ValueError(f"{ROWS_FILE} holds {len(self._rows)} bytes, its offsets end at {int(self._offsets[-1])}")
        self._decoded: OrderedDict[int, tuple[Article, int]] = OrderedDict()
        """Recently used documents, least recent first, with their rows' sizes."""
        self._kept = 0
        """The bytes of the rows of `_decoded`."""
        self._lock = threading.Lock()

    @classmethod
    def of(cls, articles: Iterable[Article]) -> Documents:
        """The store of `articles`, in memory; a store is returned as it is."""
        if isinstance(articles, Documents):
            return articles
        return cls(documents_files(articles))

    @classmethod
    def load(cls, build: Path) -> Documents:
        """The build's store, mapped; made here, reading every document, for a build saved before stores were."""
        if (build / HEADERS_FILE).is_file():
            return cls({name: build / name for name in DOCUMENT_FILES})
        log.warning(
            "%s: reading every document now, which takes time and memory in every process; re-run `qa index` "
            "to save one",
            unsaved_store(build),
        )
        return cls(_files(json.loads((build / ARTICLES_FILE).read_bytes())))

    def __len__(self) -> int:
        return len(self._ids)

    @overload
    def __getitem__(self, position: int) -> Article: ...

    @overload
    def __getitem__(self, position: slice) -> list[Article]: ...

    def __getitem__(self, position: int | slice) -> Article | list[Article]:
        if isinstance(position, slice):
            return [self[i] for i in range(*position.indices(len(self)))]
        if position < 0:
            position += len(self)
        if not 0 <= position < len(self):
            raise IndexError(f"document {position} of {len(self)}")
        with self._lock:
            kept = self._decoded.get(position)
            if kept is not None:
                self._decoded.move_to_end(position)
                return kept[0]
        start, end = self._offsets[position : position + 2].tolist()
        article = article_from_row(json.loads(self._rows[start:end].tobytes()))
        with self._lock:
            if position not in self._decoded:
                self._decoded[position] = (article, end - start)
                self._kept += end - start
            while self._kept > _KEPT_BYTES and len(self._decoded) > 1:
                self._kept -= self._decoded.popitem(last=False)[1][1]
        return article

    def __iter__(self) -> Iterator[Article]:
        return (self[i] for i in range(len(self)))

    @cached_property
    def positions(self) -> dict[str, int]:
        """Each document's position by id."""
        return {doc_id: position for position, doc_id in enumerate(self._ids)}

    def by_id(self, doc_id: str) -> Article:
        """The document with this id; KeyError if there is none."""
        return self[self.positions[doc_id]]

    @cached_property
    def headers(self) -> tuple[Header, ...]:
        """Every document's id, title, author and date, made on first use (a filtered question's)."""
        columns = (self._ids, self._titles, self._authors, self._dates)
        return tuple(Header(*values) for values in zip(*columns, strict=True))

    @property
    def paragraph_count(self) -> int:
        return int(self.first[-1])

    def paragraph(self, number: int) -> tuple[Article, Paragraph]:
        """The document holding paragraph `number` (counted across the collection) and the paragraph."""
        position = int(np.searchsorted(self.first, number, side="right")) - 1
        article = self[position]
        return article, article.paragraphs[number - int(self.first[position])]

    def paragraph_numbers(self, entries: EntryTable) -> np.ndarray:
        """The number of the paragraph each entry points into, computed for all entries at once."""
        columns = entries.columns
        try:
            documents = np.array([self.positions[doc_id] for doc_id in entries.doc_ids], dtype=np.int64)
        except KeyError as error:
            raise ValueError(f"the entry table names document {error.args[0]!r}, which is not stored") from None
        position = documents[columns["doc"]] if len(columns) else np.zeros(0, dtype=np.int64)
        index = columns["paragraph"].astype(np.int64)
        counts = self.first[position + 1] - self.first[position]
        if np.any(index < 1) or np.any(index > counts):
            raise ValueError("the entry table points at paragraphs its documents do not have")
        return self.first[position] + index - 1


def _read(source: bytes | Path) -> bytes:
    return source if isinstance(source, bytes) else source.read_bytes()


def _array(source: bytes | Path) -> np.ndarray:
    """A saved array; from a path, mapped read-only (as a plain ndarray view: slicing a memmap costs more)."""
    if isinstance(source, bytes):
        return np.load(io.BytesIO(source), allow_pickle=False)
    return np.load(source, mmap_mode="r", allow_pickle=False).view(np.ndarray)


def _npy(array: np.ndarray) -> bytes:
    buffer = io.BytesIO()
    np.save(buffer, np.ascontiguousarray(array), allow_pickle=False)
    return buffer.getvalue()

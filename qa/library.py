"""Adding files to the corpus folder and removing them, then re-indexing: `qa add/remove` and the admin API.

A change is applied to the folder, the index is rebuilt incrementally (only new text is embedded),
and if the build fails the folder is put back as it was, so folder and index never disagree.
"""

from __future__ import annotations

import os
import secrets
import threading
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from pathlib import Path

from embeddings import Encoder
from qa.corpus import Article
from qa.errors import CorpusError, DocumentConflict, DocumentNotFound, IndexBusy
from qa.folder import corpus_files, unindexed_reason
from qa.indexing import IndexReport, build_index
from qa.isolation import DEFAULT_LIMITS, ParseLimits, Worker
from qa.names import hidden_character
from qa.settings import DEFAULT_INDEX_LOCK_TIMEOUT_S

MAX_NAME_BYTES = 255
"""NAME_MAX of ext4, XFS, APFS and NTFS (which counts UTF-16 units, at most as many)."""

_CHANGES = threading.Lock()
"""One change to a corpus folder at a time in this process: each is a write followed by a rebuild."""


@dataclass(frozen=True)
class Change:
    """The documents a change added or removed, and the rebuild that followed."""

    documents: tuple[Article, ...]
    report: IndexReport


def check_name(name: str) -> str:
    """A file name safe to create in the corpus folder and to show: no folders, no `..`, nothing a screen hides,
    a length file systems accept, a supported suffix."""
    if not name or name != name.strip() or "/" in name or "\\" in name or "\0" in name:
        raise CorpusError(f"file name {name!r} must be a plain name without folders or surrounding spaces")
    if name.startswith(".") or ".." in name:
        raise CorpusError(f"file name {name!r} must not start with '.' or contain '..'")
    if hidden := hidden_character(name):
        raise CorpusError(f"file name {name!r} contains {hidden}, which would hide or disguise the name; rename it")
    if (size := len(name.encode("utf-8"))) > MAX_NAME_BYTES:
        raise CorpusError(f"file name {name[:40]!r}... is {size} bytes in UTF-8; file systems allow {MAX_NAME_BYTES}")
    if reason := unindexed_reason(Path(name)):
        raise CorpusError(f"{name}: {reason}")
    return name


def add_documents(
    corpus_dir: Path,
    index_dir: Path,
    encoder: Encoder,
    files: Sequence[tuple[str, bytes]],
    progress: bool = False,
    *,
    lock_timeout: float = DEFAULT_INDEX_LOCK_TIMEOUT_S,
    limits: ParseLimits = DEFAULT_LIMITS,
) -> Change:
    """Copy new documents into the corpus folder and re-index; each must parse into text first, under `limits`."""
    with Worker(limits) as worker:
        known = {article.id for path in corpus_files(corpus_dir) for article in _articles(worker, path, corpus_dir)}
        added = _parse_new(worker, corpus_dir, files, known)

    def apply() -> Callable[[], None]:
        for name, data in files:
            _write_new(corpus_dir / name, data)

        def undo() -> None:
            for name, _ in files:
                (corpus_dir / name).unlink(missing_ok=True)

        return undo

    return _change(corpus_dir, index_dir, encoder, tuple(added), apply, progress, lock_timeout, limits)


def _parse_new(worker: Worker, corpus_dir: Path, files: Sequence[tuple[str, bytes]], known: set[str]) -> list[Article]:
    """The documents of files to add, each parsed in `worker`'s child; refused if a name or an id is taken."""
    added: list[Article] = []
    for name, data in files:
        check_name(name)
        if (corpus_dir / name).exists():
            raise DocumentConflict(f"{name} is already in the corpus; remove it first to replace it")
        articles = [a for a in worker.parse(data, name).articles if a.paragraphs]
        if not articles:
            raise CorpusError(f"{name}: no paragraphs of text found")
        if clash := sorted(known.intersection(a.id for a in articles)):
            raise DocumentConflict(f"{name} would have document id {clash[0]}, which another file already has")
        known.update(a.id for a in articles)
        added.extend(articles)
    return added


def remove_document(
    corpus_dir: Path,
    index_dir: Path,
    encoder: Encoder,
    doc_id: str,
    articles: Sequence[Article],
    progress: bool = False,
    *,
    lock_timeout: float = DEFAULT_INDEX_LOCK_TIMEOUT_S,
    limits: ParseLimits = DEFAULT_LIMITS,
) -> Change:
    """Delete the file that holds document `doc_id` (with every document in that file) and re-index."""
    article = next((a for a in articles if a.id == doc_id), None)
    if article is None:
        raise DocumentNotFound(f"no document with id {doc_id!r}")
    path = corpus_dir / article.source
    if not path.is_file():
        raise DocumentNotFound(f"document {doc_id!r} came from {article.source}, which is no longer in {corpus_dir}")
    removed = tuple(a for a in articles if a.source == article.source)

    def apply() -> Callable[[], None]:
        data = path.read_bytes()
        path.unlink()
        return lambda: _write_new(path, data)

    return _change(corpus_dir, index_dir, encoder, removed, apply, progress, lock_timeout, limits)


def _change(
    corpus_dir: Path,
    index_dir: Path,
    encoder: Encoder,
    documents: tuple[Article, ...],
    apply: Callable[[], Callable[[], None]],
    progress: bool,
    lock_timeout: float,
    limits: ParseLimits,
) -> Change:
    """Apply a change and rebuild, waiting at most `lock_timeout` seconds for a change or build in progress."""
    if not _CHANGES.acquire(timeout=lock_timeout):
        raise IndexBusy(
            f"another change to {corpus_dir} is still in progress after {lock_timeout:.0f} s of waiting; "
            "try again when it has finished, or raise QA_INDEX_LOCK_TIMEOUT"
        )
    try:
        undo = apply()
        try:
            report = build_index(corpus_dir, index_dir, encoder, progress, lock_timeout, limits=limits)
        except BaseException:
            undo()
            raise
    finally:
        _CHANGES.release()
    return Change(documents, report)


def _articles(worker: Worker, path: Path, corpus_dir: Path) -> list[Article]:
    try:
        return worker.parse(path.read_bytes(), str(path.relative_to(corpus_dir))).articles
    except (CorpusError, OSError):
        return []


def _write_new(path: Path, data: bytes) -> None:
    """Write a file that appears whole or not at all; the temporary name is short, whatever the file's."""
    partial = path.with_name(f".{secrets.token_hex(8)}.partial")
    partial.write_bytes(data)
    os.replace(partial, path)

"""A change to the corpus folder is committed with the build that indexes it, or not at all.

Adding or removing a file is a write to the corpus folder followed by a rebuild. Three things can
come between them: another process changing the same folder (each worker of `qa serve --workers N`
and each server on a shared folder takes admin requests), a failed build, and a crash. So a change:

- holds the folder's change lock (an OS file lock in the index folder, across processes and threads)
  from its checks to its end, so two uploads of one name cannot both pass the check;
- writes a journal first, naming what it adds and keeping a copy of what it removes;
- once `CURRENT` names a build that includes it, deletes the journal: that is the commit.

A journal still there at the next start (or the next change) is an unfinished change: if the current
build holds it, it was committed and the journal is dropped; otherwise it is rolled back.
"""

from __future__ import annotations

import json
import logging
import os
import secrets
import shutil
from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from pathlib import Path

from filelock import FileLock, Timeout

from embeddings import IndexLoadError
from embeddings.index import current_build
from qa.errors import IndexBusy
from qa.indexing import FILES_FILE

CHANGE_LOCK = "change.lock"
JOURNAL = "change-journal.json"
UNDO = "change-undo"
"""Folder in the index folder holding copies of the files a change removes, until it is committed."""
PARTIAL_SUFFIX = ".partial"

log = logging.getLogger(__name__)


@contextmanager
def change_lock(index_dir: Path, timeout: float) -> Iterator[None]:
    """Hold the corpus change lock of `index_dir`, waiting up to `timeout` seconds for another change."""
    index_dir.mkdir(parents=True, exist_ok=True)
    lock = FileLock(index_dir / CHANGE_LOCK)
    try:
        lock.acquire(timeout=timeout)
    except Timeout:
        raise IndexBusy(
            f"another change to the documents is still running after {timeout:.0f} s; try again when it has "
            "finished, or raise QA_INDEX_LOCK_TIMEOUT"
        ) from None
    try:
        yield
    finally:
        lock.release()


def begin(corpus_dir: Path, index_dir: Path, added: Sequence[str], removed: Sequence[str]) -> None:
    """Record a change before it touches the corpus folder; with the change lock held."""
    undo = index_dir / UNDO
    shutil.rmtree(undo, ignore_errors=True)
    undo.mkdir()
    for name in removed:
        write_whole(undo / name, (corpus_dir / name).read_bytes())
    write_whole(index_dir / JOURNAL, json.dumps({"added": list(added), "removed": list(removed)}).encode())


def commit(index_dir: Path) -> None:
    """The change's build is current: forget how to undo it."""
    (index_dir / JOURNAL).unlink(missing_ok=True)
    shutil.rmtree(index_dir / UNDO, ignore_errors=True)


def roll_back(corpus_dir: Path, index_dir: Path) -> None:
    """Put the corpus folder back as it was before the journalled change, then drop the journal."""
    journal = json.loads((index_dir / JOURNAL).read_bytes())
    for name in journal["added"]:
        (corpus_dir / name).unlink(missing_ok=True)
    for name in journal["removed"]:
        copy = index_dir / UNDO / name
        if copy.is_file() and not (corpus_dir / name).exists():
            write_whole(corpus_dir / name, copy.read_bytes())
    commit(index_dir)


def recover(corpus_dir: Path, index_dir: Path) -> None:
    """Finish what a killed change left: its journal (committed or rolled back) and half-written files.

    Nothing to do when another process holds the change lock: that process is alive, and finishes
    its own change. Nothing written when the index folder is read-only: no change can have run there.
    """
    if not index_dir.is_dir() or not os.access(index_dir, os.W_OK):
        return
    lock = FileLock(index_dir / CHANGE_LOCK)
    try:
        lock.acquire(timeout=0)
    except Timeout:
        return
    try:
        finish_unfinished(corpus_dir, index_dir)
    finally:
        lock.release()


def finish_unfinished(corpus_dir: Path, index_dir: Path) -> None:
    """`recover`, for a caller that holds the change lock."""
    if (index_dir / JOURNAL).is_file():
        if _committed(corpus_dir, index_dir):
            commit(index_dir)
        else:
            _say_undone(corpus_dir, index_dir)
            roll_back(corpus_dir, index_dir)
    if corpus_dir.is_dir():
        for partial in corpus_dir.glob(f".*{PARTIAL_SUFFIX}"):
            partial.unlink(missing_ok=True)


def _say_undone(corpus_dir: Path, index_dir: Path) -> None:
    """Warn that a killed change is being undone, naming its files: the user who ran it learns they are gone."""
    journal = json.loads((index_dir / JOURNAL).read_bytes())
    kinds = (("adding", journal["added"]), ("removing", journal["removed"]))
    log.warning(
        "a change to %s (%s) was stopped before its index was built, so it was undone; make it again",
        corpus_dir,
        "; ".join(f"{verb} {', '.join(names)}" for verb, names in kinds if names),
    )


def _committed(corpus_dir: Path, index_dir: Path) -> bool:
    """Whether the current build indexes the journalled change: every added file in it, no removed one."""
    journal = json.loads((index_dir / JOURNAL).read_bytes())
    try:
        indexed = json.loads((current_build(index_dir) / FILES_FILE).read_bytes())
    except (IndexLoadError, OSError, ValueError):
        return False
    return all(name in indexed for name in journal["added"]) and not any(name in indexed for name in journal["removed"])


def write_new(path: Path, data: bytes) -> None:
    """Create `path` whole, or fail with FileExistsError if it exists: never replace another writer's file.

    The bytes go to a hidden partial file first, then are linked into place (link fails when the name
    is taken, unlike rename); a failed write leaves no partial file behind.
    """
    partial = path.with_name(f".{secrets.token_hex(8)}{PARTIAL_SUFFIX}")  # short, whatever the name's length
    try:
        write_whole(partial, data)
        os.link(partial, path)
    finally:
        partial.unlink(missing_ok=True)


def write_whole(path: Path, data: bytes) -> None:
    """Write and fsync: a journal or an undo copy that is not on disk protects nothing."""
    try:
        with open(path, "wb") as handle:
            handle.write(data)
            handle.flush()
            os.fsync(handle.fileno())
    except BaseException:
        path.unlink(missing_ok=True)
        raise

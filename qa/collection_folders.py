"""Collections made and deleted while a server runs (`POST` and `DELETE /api/collections`), in one folder.

Each is a folder of the settings' `collections_dir` named for the collection: its index folder, with the
files it was built from in `documents/` inside it (the build records that folder relative to itself, so
the pair moves as one). Every server and worker given the same `collections_dir` serves the same ones.

A collection appears whole or not at all. Its folder is built aside under a hidden name, with its
documents added through `qa.changes` (checked, parsed in a child process, journalled), and renamed into
place, one atomic rename, only once its index is built. A deleted one is renamed aside first, then removed.
A crash leaves at most a hidden folder, never a half-made collection under its name; leftovers are removed
by the next creation.
"""

from __future__ import annotations

import logging
import re
import secrets
import shutil
import time
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

from embeddings.index import read_manifest
from qa import journal
from qa.changes import Change, EncoderSource, add_documents
from qa.collection import collection_name
from qa.errors import CollectionExists, CollectionNotFound, CorpusError, InvalidCollectionName
from qa.indexing import indexed_articles
from qa.isolation import DEFAULT_LIMITS, ParseLimits
from qa.settings import DEFAULT_INDEX_LOCK_TIMEOUT_S

MAX_NAME_CHARS = 64
NAME_RE = re.compile(rf"[a-z0-9](?:[a-z0-9-]{{0,{MAX_NAME_CHARS - 2}}}[a-z0-9])?")
"""Lowercase ASCII letters and digits joined by hyphens: a name that is the same in a URL, a file system and
to the eye (no look-alike letters from other scripts, no invisible marks, no path)."""
DOCUMENTS = "documents"
CREATING = ".creating"
DELETING = ".deleting"
ABANDONED_AFTER_S = 3600.0
"""A folder being created is left alone this long: it may belong to another server still building it."""

log = logging.getLogger(__name__)


def check_collection_name(name: str) -> str:
    """`name` unchanged, or an error that says what a name may be."""
    if not NAME_RE.fullmatch(name):
        shown = name if len(name) <= 40 else name[:40] + "…"
        raise InvalidCollectionName(
            f"a collection name is 1 to {MAX_NAME_CHARS} lowercase letters (a-z) and digits, joined by single "
            f"hyphens, like 'annual-reports'; got {shown!r}"
        )
    return name


def created_collections(home: Path) -> list[Path]:
    """The index folders of the collections in `home`, by name; none when `home` does not exist."""
    if not home.is_dir():
        return []
    return sorted(folder for folder in home.iterdir() if folder.is_dir() and NAME_RE.fullmatch(folder.name))


def create_collection(
    home: Path,
    name: str,
    encoder: EncoderSource,
    files: Sequence[tuple[str, bytes]],
    *,
    progress: bool = False,
    lock_timeout: float = DEFAULT_INDEX_LOCK_TIMEOUT_S,
    limits: ParseLimits = DEFAULT_LIMITS,
) -> tuple[Path, Change]:
    """Make collection `name` in `home` from `files` (name and bytes each), build its index, and return its
    index folder and the change that added the files. At least one file must have text: an index of nothing
    could answer nothing. `encoder` may be a function that loads one: it is called only once the name and the
    files are known to be good, so a bad one is said before a model loads."""
    check_collection_name(name)
    if (home / name).exists():  # before the work of a build that could not be kept
        raise CollectionExists(f"a collection named {name!r} already exists; delete it first or choose another name")
    if not files:
        raise CorpusError(f"collection {name!r} needs at least one document to index; give one or more files")
    home.mkdir(parents=True, exist_ok=True)
    _remove_leftovers(home)
    aside = home / f".{name}.{secrets.token_hex(4)}{CREATING}"
    try:
        (aside / DOCUMENTS).mkdir(parents=True)
        change = add_documents(
            aside / DOCUMENTS, aside, encoder, files, progress, lock_timeout=lock_timeout, limits=limits
        )
        with journal.change_lock(home, lock_timeout):
            if (home / name).exists():  # made by another request while this one was building
                raise CollectionExists(f"a collection named {name!r} was just made by another request")
            aside.rename(home / name)
    finally:
        shutil.rmtree(aside, ignore_errors=True)
    log.info("made collection %s in %s (%s)", name, home, change.report.summary())
    return home / name, change


def delete_collection(home: Path, name: str, *, lock_timeout: float = DEFAULT_INDEX_LOCK_TIMEOUT_S) -> None:
    """Remove collection `name` from `home`: gone from its name at once, its files removed after."""
    check_collection_name(name)
    aside = home / f".{name}.{secrets.token_hex(4)}{DELETING}"
    with journal.change_lock(home, lock_timeout):
        if not (home / name).is_dir():
            raise CollectionNotFound(f"no collection named {name!r} was made here, so none is deleted")
        (home / name).rename(aside)
    shutil.rmtree(aside, ignore_errors=True)
    log.info("deleted collection %s from %s", name, home)


@dataclass(frozen=True)
class CollectionSummary:
    """What a list of collections says of each: enough to choose one, without loading its vectors."""

    name: str
    documents: int
    passages: int
    built_at: str
    """When its index was last built, UTC, as `2026-11-27T10:50:00Z`."""


def collection_summary(index_dir: Path) -> CollectionSummary:
    """The summary of the collection whose index is in `index_dir`, read from its current build; an
    `IndexLoadError` when the folder holds no readable build."""
    manifest = read_manifest(index_dir)
    return CollectionSummary(
        collection_name(index_dir), len(indexed_articles(index_dir)), manifest.passages, manifest.built_at
    )


def _remove_leftovers(home: Path) -> None:
    """Remove what a crash left: folders being deleted, and folders being created long abandoned."""
    for folder in home.glob(".*"):
        abandoned = folder.name.endswith(CREATING) and time.time() - folder.stat().st_mtime > ABANDONED_AFTER_S
        if folder.is_dir() and (folder.name.endswith(DELETING) or abandoned):
            log.warning("removing %s, left by a collection change that was stopped", folder)
            shutil.rmtree(folder, ignore_errors=True)

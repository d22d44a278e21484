"""Which files of a corpus folder are documents, and a fingerprint of them that says when to re-index."""

from __future__ import annotations

import hashlib
import os
from collections.abc import Iterable
from pathlib import Path

from qa.corpus import PARSER_VERSION
from qa.errors import CorpusError
from qa.formats import PARSERS


def folder_files(directory: Path) -> list[Path]:
    """Every visible file of a corpus folder, in a stable order; hidden files and folders are not documents."""
    if not directory.is_dir():
        raise CorpusError(f"corpus folder {directory} does not exist or is not a folder")
    return sorted(
        p
        for p in directory.rglob("*")
        if p.is_file() and not any(part.startswith(".") for part in p.relative_to(directory).parts)
    )


def unindexed_reason(path: Path) -> str | None:
    """Why a corpus file is not a document to index, or None if it is one."""
    if path.stem.upper() == "README":
        return "a README describes the folder and is not indexed"
    if path.suffix.lower() not in PARSERS:
        shown = path.suffix or "no suffix"
        return f"unsupported format ({shown}); supported: {', '.join(PARSERS)}"
    return None


def corpus_files(directory: Path) -> list[Path]:
    """The files of a corpus folder that can be parsed, in a stable order."""
    return [p for p in folder_files(directory) if unindexed_reason(p) is None]


def fingerprint(files: Iterable[Path], root: Path) -> str:
    """A hash of the corpus's names and bytes; the index is rebuilt when it changes."""
    digest = hashlib.sha256(PARSER_VERSION.encode())
    for path in files:
        # As bytes: a name that is not UTF-8 is kept by Python as lone surrogates, which `str.encode` refuses.
        digest.update(os.fsencode(path.relative_to(root)) + b"\0")
        digest.update(_content_digest(path))
    return digest.hexdigest()


def _content_digest(path: Path) -> bytes:
    """The hash of a file's bytes; for a file that cannot be read, its reason: the build skips it, saying why,
    and once it can be read the fingerprint changes and the next `qa index` indexes it."""
    try:
        return hashlib.sha256(path.read_bytes()).digest()
    except OSError as error:
        return f"cannot be read: {error.strerror}".encode()

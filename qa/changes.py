"""Adding files to the corpus folder and removing them, then re-indexing: `qa add/remove` and the admin API.

A change is applied to the folder, the index is rebuilt incrementally (only changed files are parsed,
only new text is embedded), and if the build fails, or the process dies during it, the folder is put
back as it was (`qa.journal`), so folder and index never disagree.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass
from pathlib import Path

from embeddings import Encoder
from qa import journal
from qa.corpus import Article
from qa.errors import CorpusError, DocumentConflict, DocumentNotFound, disk_full
from qa.folder import unindexed_reason
from qa.indexing import IndexReport, build_index, parse_corpus, parsed_files
from qa.isolation import DEFAULT_LIMITS, ParseLimits, Worker
from qa.locations import changeable_corpus
from qa.names import hidden_character
from qa.settings import DEFAULT_INDEX_LOCK_TIMEOUT_S

MAX_NAME_BYTES = 255
"""NAME_MAX of ext4, XFS, APFS and NTFS (which counts UTF-16 units, at most as many)."""


EncoderSource = Encoder | Callable[[], Encoder]
"""The encoder, or what opens it: a command opens the model (seconds, more on a busy machine) only once the
change is known to be possible, so a bad file or an unknown id is said at once."""


@dataclass(frozen=True)
class Change:
    """The documents a change added or removed, and the rebuild that followed."""

    documents: tuple[Article, ...]
    report: IndexReport


def check_name(name: str) -> str:
    """A file name safe to create in the corpus folder and to show: no folders, no `..`, nothing a screen hides,
    a length file systems accept, a supported suffix."""
    if not name or name != name.strip() or "/" in name or "\\" in name:
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
    encoder: EncoderSource,
    files: Sequence[tuple[str, bytes]],
    progress: bool = False,
    *,
    lock_timeout: float = DEFAULT_INDEX_LOCK_TIMEOUT_S,
    limits: ParseLimits = DEFAULT_LIMITS,
) -> Change:
    """Copy new documents into the corpus folder and re-index; each must parse into text first, in a child
    process under `limits`.

    Names and document ids are checked under the change lock, against the folder as it is then,
    so of two uploads racing for one name (or one id, as `x.txt` and `x.md`), the second is refused.
    """
    changeable_corpus(corpus_dir)
    parsed: dict[str, list[Article]] = {}
    with Worker(limits) as worker:
        for name, data in files:
            check_name(name)
            if name in parsed:
                raise DocumentConflict(f"{name} is given twice")
            parsed[name] = [a for a in worker.parse(data, name).articles if a.paragraphs]
            if not parsed[name]:
                raise CorpusError(f"{name}: no paragraphs of text found")
    with journal.change_lock(index_dir, lock_timeout):
        journal.finish_unfinished(corpus_dir, index_dir)
        known = _document_ids(corpus_dir, index_dir, limits)
        for name, articles in parsed.items():
            if (corpus_dir / name).exists():
                raise DocumentConflict(f"{name} is already in the corpus; remove it first to replace it")
            if clash := sorted(known.intersection(a.id for a in articles)):
                raise DocumentConflict(f"{name} would have document id {clash[0]}, which another file already has")
            known.update(a.id for a in articles)

        def apply() -> None:
            for name, data in files:
                journal.write_new(corpus_dir / name, data)

        report = _change(corpus_dir, index_dir, encoder, (list(parsed), ()), apply, progress, lock_timeout, limits)
    return Change(tuple(a for articles in parsed.values() for a in articles), report)


def remove_document(
    corpus_dir: Path,
    index_dir: Path,
    encoder: EncoderSource,
    doc_id: str,
    articles: Sequence[Article],
    progress: bool = False,
    *,
    lock_timeout: float = DEFAULT_INDEX_LOCK_TIMEOUT_S,
    limits: ParseLimits = DEFAULT_LIMITS,
) -> Change:
    """Delete the file that holds document `doc_id` (with every document in that file) and re-index."""
    changeable_corpus(corpus_dir)
    article = next((a for a in articles if a.id == doc_id), None)
    if article is None:
        raise DocumentNotFound(f"no document with id {doc_id!r}")
    removed = tuple(a for a in articles if a.source == article.source)
    with journal.change_lock(index_dir, lock_timeout):
        journal.finish_unfinished(corpus_dir, index_dir)
        path = corpus_dir / article.source
        if not path.is_file():
            # The corpus folder's place on disk is the operator's business, not the client's.
            raise DocumentNotFound(f"document {doc_id!r} came from {article.source}, which is no longer in the corpus")
        report = _change(
            corpus_dir, index_dir, encoder, ((), (article.source,)), path.unlink, progress, lock_timeout, limits
        )
    return Change(removed, report)


def _change(
    corpus_dir: Path,
    index_dir: Path,
    encoder: EncoderSource,
    names: tuple[Sequence[str], Sequence[str]],
    apply: Callable[[], None],
    progress: bool,
    lock_timeout: float,
    limits: ParseLimits,
) -> IndexReport:
    """Journal, apply and build; with the change lock held. A failed or interrupted build is rolled back.

    `names` are the files added and the files removed.
    """
    try:
        opened = encoder if isinstance(encoder, Encoder) else encoder()  # before anything is written
        journal.begin(corpus_dir, index_dir, *names)
        try:
            apply()
            report = build_index(corpus_dir, index_dir, opened, progress, lock_timeout, limits=limits)
        except BaseException:
            journal.roll_back(corpus_dir, index_dir)
            raise
        journal.commit(index_dir)
    except OSError as error:
        if full := disk_full(error, "the corpus or index folder"):
            raise full from error
        raise
    return report


def _document_ids(corpus_dir: Path, index_dir: Path, limits: ParseLimits) -> set[str]:
    """The ids of every document in the corpus folder, with the files the current build parsed not parsed again."""
    corpus = parse_corpus(corpus_dir, previous=parsed_files(index_dir), limits=limits)
    return {article.id for parsed in corpus.files.values() for article in parsed.articles}

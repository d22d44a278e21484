"""Corpus folder -> a saved index build. The only place that reads documents and writes indexes."""

from __future__ import annotations

import hashlib
import json
import logging
import os
import time
from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import asdict, dataclass, field
from functools import cache
from importlib.metadata import PackageNotFoundError, version
from pathlib import Path
from typing import Any

import numpy as np

from embeddings import Encoder, IndexLoadError, Manifest, PassageIndex
from embeddings.cache import CACHE_FILE, EmbeddingCache
from embeddings.entries import EntryTable
from embeddings.index import choose_index_type, current_build, read_manifest, update_manifest
from embeddings.progress import progress_bar
from qa.corpus import PARSER_VERSION, Article, articles_from_json, articles_to_json
from qa.documents import ARTICLES_FILE, documents_files
from qa.errors import CorpusError, InvalidSetting, QAError, disk_full
from qa.folder import corpus_files, fingerprint, folder_files, unindexed_reason
from qa.isolation import DEFAULT_LIMITS, ParseLimits, ParseStopped, Worker, start_forkserver
from qa.lexical_index import Lexicon
from qa.lock import index_build_lock
from qa.names import shown
from qa.passages import PASSAGES_VERSION, index_entries, known_spans, lexical_texts, with_uncited_notes
from qa.sentences import Span
from qa.settings import DEFAULT_INDEX_LOCK_TIMEOUT_S

log = logging.getLogger(__name__)

FILES_FILE = "files.json"
"""The hash of each corpus file's bytes and why it was skipped, if it was: the next build parses only changed files."""
STOPPED_FILE = "stopped.json"
"""Each file a parse limit stopped, with the reason and the limits it ran under: `qa index` says so, and parses
it again once the limits change (or with --force)."""
SHAPING_DISTRIBUTIONS = (
    "pysbd",
    "PyStemmer",
    "pdfplumber",
    "pdfminer.six",
    "lxml",
    "trafilatura",
    "markdown-it-py",
    "mdit-py-plugins",
    "PyYAML",
    "charset-normalizer",
)
"""Libraries whose version can change a passage's text or offsets (the parsers and the sentence splitter),
or its words (the stemmer): a build records them, and one made with other versions is rebuilt."""


@dataclass(frozen=True)
class IndexReport:
    """What a build took in, for the summary line a user reads after `qa index`."""

    files: int
    documents: int
    paragraphs: int
    footnotes: int
    passages: int
    skipped: tuple[tuple[str, str], ...] = field(default_factory=tuple)
    """(file, reason) for each file that could not be indexed."""
    seconds: float = 0.0
    embedded: int = 0
    """Passages encoded by the model in this build; the rest came from the embedding cache."""
    new_documents: int = 0
    """Documents with at least one passage that had to be encoded (new or changed)."""
    new_footnotes: int = 0
    """Footnotes of those new or changed documents."""
    reused_documents: int = 0
    """Documents whose passages all came from the cache; one with no passage at all is neither new nor reused."""
    reused_footnotes: int = 0
    """Footnotes of those reused documents."""

    def summary(self) -> str:
        line = (
            f"indexed {self.documents} documents from {self.files} files: {self.paragraphs} paragraphs, "
            f"{self.footnotes} footnotes, {self.passages} passages in {self.seconds:.1f}s "
            f"(new or changed: {self.new_documents} documents, {self.new_footnotes} footnotes, "
            f"{self.embedded} passages embedded; reused: {self.reused_documents} documents, "
            f"{self.reused_footnotes} footnotes, {self.passages - self.embedded} passages; "
            f"skipped: {len(self.skipped)} files)"
        )
        return line + "".join(f"\nskipped {shown(name)}: {reason}" for name, reason in self.skipped)


@dataclass(frozen=True)
class ParsedFile:
    """What parsing one corpus file gave, under the hash of its bytes: reused while the bytes stay the same."""

    digest: str
    articles: tuple[Article, ...] = ()
    skipped: str | None = None
    """Why the file was not indexed, when its own content is the reason (unreadable, no text)."""
    limits: ParseLimits | None = None
    """The limits that stopped its parse, when one did: then `skipped` depends on them, not on the bytes alone."""


@dataclass(frozen=True)
class ParsedCorpus:
    articles: list[Article]
    skipped: list[tuple[str, str]]
    files: dict[str, ParsedFile]
    """Each corpus file whose outcome depends on its bytes alone, by name: what the next build may reuse."""
    stopped: dict[str, ParsedFile] = field(default_factory=dict)
    """Each corpus file a parse limit stopped, by name: never reused, recorded so `qa index` can say so."""


FileResult = tuple[str, ParsedFile | str]
"""A corpus file's name with what parsing it gave, or with the reason it was not read."""


def parse_corpus_file(path: Path, directory: Path, worker: Worker, known: ParsedFile | None = None) -> FileResult:
    """One file's documents, parsed by `worker` under its limits (or `known`, when its bytes have not changed),
    or why it is not indexed: the unit of work a build spreads over processes or machines."""
    name = str(path.relative_to(directory))
    if printable_name(name) != name:  # the index could not store or remove it
        return printable_name(name), "its name is not valid UTF-8; rename it"
    if reason := unindexed_reason(path):
        return name, reason
    try:
        data = path.read_bytes()
    except OSError as error:
        return name, f"cannot be read ({error.strerror})"
    digest = hashlib.sha256(data).hexdigest()
    if known is not None and known.digest == digest:
        return name, known
    try:
        articles = tuple(worker.parse(data, name).articles)
    except ParseStopped as error:  # not kept for reuse: with other limits, or on a quieter machine, it may parse
        return name, ParsedFile(digest, skipped=str(error).removeprefix(f"{path.name}: "), limits=worker.limits)
    except CorpusError as error:
        return name, ParsedFile(digest, skipped=str(error).removeprefix(f"{path.name}: "))
    if not any(article.paragraphs for article in articles):
        return name, ParsedFile(digest, skipped="no paragraphs of text found")
    return name, ParsedFile(digest, articles)


def gather_corpus(results: Iterable[FileResult]) -> ParsedCorpus:
    """The documents of files parsed in folder order, and (file, reason) for each that is not indexed."""
    articles: list[Article] = []
    skipped: list[tuple[str, str]] = []
    files: dict[str, ParsedFile] = {}
    stopped: dict[str, ParsedFile] = {}
    owners: dict[str, str] = {}
    for name, parsed in results:
        if isinstance(parsed, str):
            skipped.append((name, parsed))
            continue
        (files if parsed.limits is None else stopped)[name] = parsed
        if parsed.skipped is not None:
            skipped.append((name, parsed.skipped))
        elif clash := next((owners[a.id] for a in parsed.articles if a.id in owners), None):
            skipped.append((name, f"its document ids would be the same as {clash}'s (same file name); rename it"))
        else:
            owners.update((article.id, name) for article in parsed.articles)
            articles.extend(parsed.articles)
    return ParsedCorpus(articles, skipped, files, stopped)


def parse_corpus(
    directory: Path,
    progress: bool = False,
    previous: Mapping[str, ParsedFile] | None = None,
    limits: ParseLimits = DEFAULT_LIMITS,
) -> ParsedCorpus:
    """Parse every document, each in a child process under `limits`, reusing `previous` outcomes for files
    whose bytes are unchanged. A file that cannot be indexed is reported with its reason, not fatal, so one
    bad file never stops a build."""
    previous = previous or {}
    with Worker(limits) as worker:
        paths = progress_bar(folder_files(directory), desc="files", unit="file", show=progress)
        return gather_corpus(
            parse_corpus_file(path, directory, worker, previous.get(str(path.relative_to(directory)))) for path in paths
        )


def load_corpus(
    directory: Path, progress: bool = False, limits: ParseLimits = DEFAULT_LIMITS
) -> tuple[list[Article], list[tuple[str, str]]]:
    """Parse every document; a file that cannot be indexed is reported with its reason, not fatal."""
    parsed = parse_corpus(directory, progress, limits=limits)
    return parsed.articles, parsed.skipped


def printable_name(name: str) -> str:
    """A file name as it can be printed and stored: bytes that are not UTF-8 shown as `\\xNN`."""
    return os.fsencode(name).decode("utf-8", "backslashreplace")


def corpus_fingerprint(directory: Path) -> str:
    return fingerprint(corpus_files(directory), directory)


def parsed_files(index_dir: Path) -> dict[str, ParsedFile]:
    """The current build's parse of each file, for a build that reuses them; empty when there is nothing to reuse.

    Only a build made with this installation's parsers and sentence splitter is reused: another
    version could cut the same bytes into other passages.
    """
    try:
        build = current_build(index_dir)
        if version_changes(read_manifest(index_dir).versions):
            return {}
        recorded = json.loads((build / FILES_FILE).read_bytes())
        by_source: dict[str, list[Article]] = {}
        for article in articles_from_json((build / ARTICLES_FILE).read_bytes()):
            by_source.setdefault(article.source, []).append(article)
        return {
            name: ParsedFile(entry["sha256"], tuple(by_source.get(name, ())), entry["skipped"])
            for name, entry in recorded.items()
            if entry["skipped"] is not None or name in by_source
        }
    except (IndexLoadError, OSError, ValueError, TypeError, KeyError):
        return {}


def previous_spans(index_dir: Path, previous: Mapping[str, ParsedFile]) -> dict[str, tuple[Span, ...]]:
    """The current build's sentence spans by paragraph text, so a build splits only new text; `previous` is
    `parsed_files(index_dir)`: empty (no build, or one made with other versions) means nothing to reuse."""
    if not previous:
        return {}
    try:
        entries = EntryTable.load(current_build(index_dir))
    except (IndexLoadError, OSError, ValueError):
        return {}
    return known_spans((article for parsed in previous.values() for article in parsed.articles), entries)


def files_json(files: Mapping[str, ParsedFile]) -> bytes:
    return json.dumps({name: {"sha256": f.digest, "skipped": f.skipped} for name, f in files.items()}).encode()


def stopped_json(stopped: Mapping[str, ParsedFile]) -> bytes:
    return json.dumps({name: {"reason": f.skipped, "limits": asdict(f.limits)} for name, f in stopped.items()}).encode()


def stopped_files(index_dir: Path) -> dict[str, tuple[str, ParseLimits]]:
    """Each file a parse limit stopped in the current build: (reason, the limits then); empty when none was
    (or the build is older than this record)."""
    try:
        recorded = json.loads((current_build(index_dir) / STOPPED_FILE).read_bytes())
        return {name: (entry["reason"], ParseLimits(**entry["limits"])) for name, entry in recorded.items()}
    except (IndexLoadError, OSError, ValueError, TypeError, KeyError):
        return {}


def retry_reason(index_dir: Path, limits: ParseLimits) -> str | None:
    """Why a build that is otherwise current must be made again: files a limit stopped, now under other limits."""
    names = [name for name, (_, then) in stopped_files(index_dir).items() if then != limits]
    if not names:
        return None
    return f"the parse limits changed since a limit stopped {', '.join(map(shown, names))}; parsing again"


def stopped_note(index_dir: Path) -> str:
    """What an up-to-date `qa index` adds about files a limit stopped: which, why, and how to try them again."""
    return "".join(
        f"\nnot indexed {shown(name)}: {reason}; raise the limit and run `qa index` again, "
        "or `qa index --force` to try it again as it is"
        for name, (reason, _) in stopped_files(index_dir).items()
    )


@cache
def text_versions() -> dict[str, str]:
    """This installation's versions of what shapes passages: its parsers, its passages and `SHAPING_DISTRIBUTIONS`."""
    versions = {"parser": PARSER_VERSION, "passages": PASSAGES_VERSION}
    for name in SHAPING_DISTRIBUTIONS:
        try:
            versions[name] = version(name)
        except PackageNotFoundError:
            versions[name] = "not installed"
    return versions


def version_changes(recorded: Mapping[str, str]) -> str | None:
    """Which recorded versions differ from this installation's, as `name old -> new`; None when none do."""
    if not recorded:
        return "the build records no versions (it was made before they were recorded)"
    current = text_versions()
    names = [*current, *(name for name in recorded if name not in current)]
    changed = [
        f"{name} {recorded.get(name, 'not recorded')} -> {current.get(name, 'not used')}"
        for name in names
        if recorded.get(name) != current.get(name)
    ]
    return ", ".join(changed) or None


def rebuild_reason(manifest: Manifest, corpus_dir: Path, index_type: str = "auto") -> str | None:
    """Why a build of the right model must be rebuilt for this corpus, or None when it is current."""
    if changes := version_changes(manifest.versions):
        return f"the build was made with other versions of the parsers or sentence splitter: {changes}"
    wanted = choose_index_type(index_type, manifest.passages)
    if manifest.index_type != wanted:
        return f"the build is a {manifest.index_type} index and {wanted} is asked for"
    if manifest.corpus != corpus_fingerprint(corpus_dir):
        return f"the documents in {corpus_dir} changed since the build"
    return None


def stale_reason(index_dir: Path, corpus_dir: Path, model_id: str, index_type: str = "auto") -> str | None:
    """Why the saved index is not a build of this corpus with this model and versions, or None if it is."""
    try:
        manifest = read_manifest(index_dir)
    except IndexLoadError as error:
        return str(error)
    if manifest.model != model_id:
        return f"the build was made with model {manifest.model}, not {model_id}"
    return rebuild_reason(manifest, corpus_dir, index_type)


def indexed_articles(index_dir: Path) -> list[Article]:
    """The documents of the current build, without loading any vectors."""
    try:
        return articles_from_json((current_build(index_dir) / ARTICLES_FILE).read_bytes())
    except (OSError, ValueError, TypeError, KeyError) as error:
        raise IndexLoadError(f"index documents in {index_dir} cannot be read ({error})") from error


def calibrated_decision(index_dir: Path) -> dict[str, Any] | None:
    """The decision `qa calibrate` kept with the current build, carried into the next one: adding a document
    does not undo a calibration (`qa calibrate` again after large changes)."""
    try:
        return read_manifest(index_dir).decision
    except IndexLoadError:
        return None


def save_decision(index_dir: Path, record: dict[str, Any], lock_timeout: float = DEFAULT_INDEX_LOCK_TIMEOUT_S) -> None:
    """Keep a fitted decision in the index's manifest, under the build lock so no build is switched meanwhile."""
    with index_build_lock(index_dir, lock_timeout):
        update_manifest(index_dir, decision=record)


def build_index(
    corpus_dir: Path,
    index_dir: Path,
    encoder: Encoder,
    progress: bool = True,
    lock_timeout: float = DEFAULT_INDEX_LOCK_TIMEOUT_S,
    index_type: str = "auto",
    limits: ParseLimits = DEFAULT_LIMITS,
) -> IndexReport:
    """Build under the index's lock, so a second `qa index` waits (or gives up) instead of building twice.

    `index_type` is auto, flat, hnsw or ivf; auto picks by the number of passages. Each file is parsed
    under `limits`.
    """
    check_index_folder(index_dir)
    try:
        with index_build_lock(index_dir, lock_timeout):
            start_forkserver()
            return build_unlocked(
                corpus_dir,
                index_dir,
                encoder,
                index_type,
                parse=lambda directory, known: parse_corpus(directory, progress, known, limits),
                encode=lambda texts: embedded(encoder, texts, progress),
            )
    except OSError as error:
        raise build_failure(error, index_dir) from error


def check_index_folder(index_dir: Path) -> None:
    """Refuse, before any work, an index folder that is a file or that this process cannot write (or make)."""
    existing = next(folder for folder in (index_dir, *index_dir.parents) if folder.exists())
    if not existing.is_dir():
        raise InvalidSetting(f"the index folder {index_dir} cannot be made: {existing} is a file{_ANOTHER_FOLDER}")
    if not os.access(existing, os.W_OK):
        raise _unwritable(index_dir, "no permission to write, or a read-only disk")


def build_failure(error: OSError, index_dir: Path) -> QAError:
    """What a user can act on when a build fails on the file system: the disk is full, the index folder cannot
    be written (read-only, not permitted), or a document cannot be read. The previous build is untouched."""
    if full := disk_full(error, f"the index folder {index_dir}"):
        return full
    if not error.filename:  # where it happened is not known: blame no folder
        return QAError(f"the build stopped on a file system error ({error}); the previous index, if any, serves")
    place = Path(os.path.abspath(error.filename))
    if not place.is_relative_to(os.path.abspath(index_dir)):
        return CorpusError(f"{place} cannot be read ({error.strerror})")
    return _unwritable(index_dir, error.strerror)


_ANOTHER_FOLDER = "; name a folder you can write with --index or QA_INDEX_DIR"


def _unwritable(index_dir: Path, why: str) -> InvalidSetting:
    return InvalidSetting(
        f"the index folder {index_dir} cannot be written ({why}); the previous index, if any, goes on serving"
        + _ANOTHER_FOLDER
    )


def embedded(encoder: Encoder, texts: Sequence[str], progress: bool) -> np.ndarray:
    """`texts` embedded by `encoder`, said at `-v`: a few passages embed too fast for a progress bar."""
    log.info("embedding %d passages", len(texts))
    return encoder.encode(texts, progress=progress)


def build_unlocked(
    corpus_dir: Path,
    index_dir: Path,
    encoder: Encoder,
    index_type: str,
    *,
    parse: Callable[[Path, Mapping[str, ParsedFile]], ParsedCorpus],
    encode: Callable[[list[str]], np.ndarray],
    recall: Callable[[set[bytes]], Mapping[bytes, np.ndarray]] | None = None,
) -> IndexReport:
    """Parse with `parse` (given the current build's parse of each file, to reuse where the bytes are the
    same), embed with `encode` what the cache (and `recall`) lack, and save a new build; the
    previous build serves until this one is complete. The caller holds the build lock.

    A local build parses and encodes in this process; a cluster build (`qa.distributed`) passes functions that
    spread the same work over machines, so both make the same build.
    """
    started = time.perf_counter()
    fingerprint_before = corpus_fingerprint(corpus_dir)
    previous = parsed_files(index_dir)
    parsed = parse(corpus_dir, previous)
    articles, skipped = [with_uncited_notes(article) for article in parsed.articles], parsed.skipped
    if not any(article.paragraphs for article in articles):
        reasons = "".join(f"; skipped {shown(name)}: {reason}" for name, reason in skipped)
        raise CorpusError(f"no documents with text in {corpus_dir}; nothing to index{reasons}")
    entries = index_entries(articles, previous_spans(index_dir, previous))
    cache = EmbeddingCache.load(index_dir, encoder.model_id, encoder.dimension)
    vectors, fresh = cache.embed([text for _, text in entries], encode, recall)
    changed = {entry.doc_id for (entry, _), new in zip(entries, fresh, strict=True) if new}
    reused = {entry.doc_id for entry, _ in entries} - changed
    manifest = Manifest(
        model=encoder.model_id,
        dimension=encoder.dimension,
        corpus=fingerprint_before,
        passages=len(entries),
        built_at=time.strftime("%Y-%m-%dT%H:%M:%SZ", time.gmtime()),
        index_type=choose_index_type(index_type, len(entries)),
        versions=text_versions(),
        corpus_dir=os.path.relpath(corpus_dir.resolve(), index_dir.resolve()),
        decision=calibrated_decision(index_dir),
    )
    index = PassageIndex(vectors, [entry for entry, _ in entries], manifest)
    payload = {
        ARTICLES_FILE: articles_to_json(articles),
        FILES_FILE: files_json(parsed.files),
        STOPPED_FILE: stopped_json(parsed.stopped),
        CACHE_FILE: cache.to_bytes(),
        **Lexicon.build(articles, lexical_texts(articles, entries)).files(),
        **documents_files(articles),
    }
    index.save(index_dir, payload)
    return IndexReport(
        files=len({a.source for a in articles}) + len(skipped),
        documents=len(articles),
        paragraphs=sum(paragraph.note is None for a in articles for paragraph in a.paragraphs),
        footnotes=sum(len(a.footnote_list()) for a in articles),
        passages=len(entries),
        skipped=tuple(skipped),
        seconds=time.perf_counter() - started,
        embedded=int(fresh.sum()),
        new_documents=len(changed),
        new_footnotes=sum(len(a.footnote_list()) for a in articles if a.id in changed),
        reused_documents=len(reused),
        reused_footnotes=sum(len(a.footnote_list()) for a in articles if a.id in reused),
    )

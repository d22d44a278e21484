"""Corpus folder -> a saved index build. The only place that reads documents and writes indexes."""

from __future__ import annotations

import time
from dataclasses import dataclass, field
from pathlib import Path

from tqdm import tqdm

from embeddings import Encoder, IndexLoadError, Manifest, PassageIndex
from embeddings.cache import CACHE_FILE, EmbeddingCache
from embeddings.index import choose_index_type, current_build, read_manifest
from qa.corpus import Article, articles_from_json, articles_to_json
from qa.errors import CorpusError
from qa.folder import corpus_files, fingerprint, folder_files, unindexed_reason
from qa.formats import parse_file
from qa.lock import index_build_lock
from qa.passages import index_entries
from qa.settings import DEFAULT_INDEX_LOCK_TIMEOUT_S

ARTICLES_FILE = "articles.json"


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

    def summary(self) -> str:
        line = (
            f"indexed {self.documents} documents from {self.files} files: {self.paragraphs} paragraphs, "
            f"{self.footnotes} footnotes, {self.passages} passages in {self.seconds:.1f}s "
            f"(new or changed: {self.new_documents} documents, {self.new_footnotes} footnotes, "
            f"{self.embedded} passages embedded; reused: {self.documents - self.new_documents} documents, "
            f"{self.footnotes - self.new_footnotes} footnotes, {self.passages - self.embedded} passages; "
            f"skipped: {len(self.skipped)} files)"
        )
        return line + "".join(f"\nskipped {name}: {reason}" for name, reason in self.skipped)


def load_corpus(directory: Path, progress: bool = False) -> tuple[list[Article], list[tuple[str, str]]]:
    """Parse every document; a file that cannot be indexed is reported with its reason, not fatal."""
    articles: list[Article] = []
    skipped: list[tuple[str, str]] = []
    owners: dict[str, str] = {}
    for path in tqdm(folder_files(directory), desc="files", unit="file", disable=not progress):
        name = str(path.relative_to(directory))
        if reason := unindexed_reason(path):
            skipped.append((name, reason))
            continue
        try:
            parsed = parse_file(path, name).articles
        except CorpusError as error:
            skipped.append((name, str(error).removeprefix(f"{path.name}: ")))
            continue
        if not any(article.paragraphs for article in parsed):
            skipped.append((name, "no paragraphs of text found"))
            continue
        if clash := next((owners[a.id] for a in parsed if a.id in owners), None):
            skipped.append((name, f"its document ids would be the same as {clash}'s (same file name); rename it"))
            continue
        owners.update((article.id, name) for article in parsed)
        articles.extend(parsed)
    return articles, skipped


def corpus_fingerprint(directory: Path) -> str:
    return fingerprint(corpus_files(directory), directory)


def is_fresh(index_dir: Path, corpus_dir: Path, model_id: str, index_type: str = "auto") -> bool:
    """Whether the saved index was built from this corpus with this model, as the index type asked for."""
    try:
        manifest = read_manifest(index_dir)
    except IndexLoadError:
        return False
    return (
        manifest.model == model_id
        and manifest.index_type == choose_index_type(index_type, manifest.passages)
        and manifest.corpus == corpus_fingerprint(corpus_dir)
    )


def indexed_articles(index_dir: Path) -> list[Article]:
    """The documents of the current build, without loading any vectors."""
    try:
        return articles_from_json((current_build(index_dir) / ARTICLES_FILE).read_bytes())
    except (OSError, ValueError, TypeError, KeyError) as error:
        raise IndexLoadError(f"index documents in {index_dir} cannot be read ({error})") from error


def build_index(
    corpus_dir: Path,
    index_dir: Path,
    encoder: Encoder,
    progress: bool = True,
    lock_timeout: float = DEFAULT_INDEX_LOCK_TIMEOUT_S,
    index_type: str = "auto",
) -> IndexReport:
    """Build under the index's lock, so a second `qa index` waits (or gives up) instead of building twice.

    `index_type` is auto, flat, hnsw or ivf; auto picks by the number of passages.
    """
    with index_build_lock(index_dir, lock_timeout):
        return _build_unlocked(corpus_dir, index_dir, encoder, progress, index_type)


def _build_unlocked(
    corpus_dir: Path, index_dir: Path, encoder: Encoder, progress: bool, index_type: str
) -> IndexReport:
    """Parse, embed what the cache lacks, and save a new build; the previous build serves until this one is complete."""
    started = time.perf_counter()
    fingerprint_before = corpus_fingerprint(corpus_dir)
    articles, skipped = load_corpus(corpus_dir, progress)
    if not any(article.paragraphs for article in articles):
        reasons = "".join(f"; skipped {name}: {reason}" for name, reason in skipped)
        raise CorpusError(f"no documents with text in {corpus_dir}; nothing to index{reasons}")
    entries = index_entries(articles)
    cache = EmbeddingCache.load(index_dir, encoder.model_id, encoder.dimension)
    vectors, fresh = cache.embed([text for _, text in entries], lambda texts: encoder.encode(texts, progress=progress))
    changed = {entry.doc_id for (entry, _), new in zip(entries, fresh, strict=True) if new}
    manifest = Manifest(
        model=encoder.model_id,
        dimension=encoder.dimension,
        corpus=fingerprint_before,
        passages=len(entries),
        built_at=time.strftime("%Y-%m-%dT%H:%M:%SZ", time.gmtime()),
        index_type=choose_index_type(index_type, len(entries)),
    )
    index = PassageIndex(vectors, [entry for entry, _ in entries], manifest)
    index.save(index_dir, {ARTICLES_FILE: articles_to_json(articles), CACHE_FILE: cache.to_bytes()})
    return IndexReport(
        files=len({a.source for a in articles}) + len(skipped),
        documents=len(articles),
        paragraphs=sum(len(a.paragraphs) for a in articles),
        footnotes=sum(len(a.footnotes) for a in articles),
        passages=len(entries),
        skipped=tuple(skipped),
        seconds=time.perf_counter() - started,
        embedded=int(fresh.sum()),
        new_documents=len(changed),
        new_footnotes=sum(len(a.footnotes) for a in articles if a.id in changed),
    )

"""Corpus folder -> a saved index build. The only place that reads documents and writes indexes."""

from __future__ import annotations

import time
from dataclasses import dataclass, field
from pathlib import Path

from embeddings import Encoder, IndexLoadError, Manifest, PassageIndex
from embeddings.index import choose_index_type, read_manifest
from qa.corpus import Article, articles_to_json, corpus_files, fingerprint, parse_text, read_source
from qa.errors import CorpusError
from qa.passages import index_entries

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

    def summary(self) -> str:
        line = (
            f"indexed {self.documents} documents from {self.files} files: {self.paragraphs} paragraphs, "
            f"{self.footnotes} footnotes, {self.passages} passages embedded in {self.seconds:.1f}s"
        )
        return line + "".join(f"\nskipped {name}: {reason}" for name, reason in self.skipped)


def load_corpus(directory: Path) -> tuple[list[Article], list[tuple[str, str]]]:
    """Parse every supported file; a file that cannot be read is reported, not fatal."""
    articles: list[Article] = []
    skipped: list[tuple[str, str]] = []
    for path in corpus_files(directory):
        name = str(path.relative_to(directory))
        try:
            text = read_source(path)
        except CorpusError as error:
            skipped.append((name, str(error).removeprefix(f"{path.name}: ")))
            continue
        parsed = parse_text(text, name)
        if not any(article.paragraphs for article in parsed):
            skipped.append((name, "no paragraphs of text found"))
            continue
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


def build_index(
    corpus_dir: Path, index_dir: Path, encoder: Encoder, progress: bool = True, index_type: str = "auto"
) -> IndexReport:
    """Parse, embed and save a new build; the previous build serves until this one is complete.

    `index_type` is auto, flat, hnsw or ivf; auto picks by the number of passages.
    """
    started = time.perf_counter()
    fingerprint_before = corpus_fingerprint(corpus_dir)
    articles, skipped = load_corpus(corpus_dir)
    if not any(article.paragraphs for article in articles):
        raise CorpusError(f"no documents with text in {corpus_dir}; nothing to index")
    entries = index_entries(articles)
    vectors = encoder.encode([text for _, text in entries], progress=progress)
    manifest = Manifest(
        model=encoder.model_id,
        dimension=encoder.dimension,
        corpus=fingerprint_before,
        passages=len(entries),
        built_at=time.strftime("%Y-%m-%dT%H:%M:%SZ", time.gmtime()),
        index_type=choose_index_type(index_type, len(entries)),
    )
    index = PassageIndex(vectors, [entry for entry, _ in entries], manifest)
    index.save(index_dir, {ARTICLES_FILE: articles_to_json(articles)})
    return IndexReport(
        files=len({a.source for a in articles}) + len(skipped),
        documents=len(articles),
        paragraphs=sum(len(a.paragraphs) for a in articles),
        footnotes=sum(len(a.footnotes) for a in articles),
        passages=len(entries),
        skipped=tuple(skipped),
        seconds=time.perf_counter() - started,
    )

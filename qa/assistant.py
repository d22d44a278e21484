"""The one way in: the CLI, the web app and the eval runner all ask through an `Assistant`."""

from __future__ import annotations

import logging
import os
import re
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

from embeddings import Encoder, IndexLoadError, PassageIndex, default_model_dir
from embeddings.encoder import model_id
from embeddings.index import SearchOptions, read_manifest, set_search_threads
from qa.answer_cache import AnswerCache
from qa.compose import Answer, Composer
from qa.corpus import Article, articles_from_json
from qa.decision import Decision
from qa.errors import DocumentNotFound, IndexUnavailable, InvalidDocumentId, InvalidQuestion
from qa.indexing import ARTICLES_FILE, IndexReport, build_index, rebuild_reason
from qa.journal import recover
from qa.retrieve import Retriever
from qa.settings import RETRIEVERS, RetrieverName, Settings
from qa.user_cache import writable_cache_dir

log = logging.getLogger(__name__)

MAX_K = 10
DOC_ID_RE = re.compile(r"[a-z0-9]+(?:-[a-z0-9]+)*")
"""What the parsers make ids of: a slug of the file name and the article's number in it."""
MAX_DOC_ID_CHARS = 200
REBUILD = "Rebuild it with `qa index --force`."


@dataclass(frozen=True)
class Query:
    """A validated request: what an answer depends on, and so the key it is cached under."""

    question: str
    k: int
    retriever: RetrieverName


class Assistant:
    """Answers questions from the indexed documents by quoting them."""

    def __init__(self, settings: Settings, encoder: Encoder, index: PassageIndex, articles: Sequence[Article]):
        self.settings = settings
        self.encoder = encoder
        self.index = index
        self.articles = tuple(articles)
        self._by_id = {article.id: article for article in self.articles}
        self.retriever = Retriever(encoder, index, self.articles)
        decision = Decision.load().at(settings.min_confidence)
        self.composer = Composer(decision, settings.source_margin, settings.quote)
        # Owned by this assistant: loading another index makes a new assistant, and so a new cache.
        self.cache = AnswerCache(settings.answer_cache_size)

    @classmethod
    def open(cls, settings: Settings, *, encoder: Encoder | None = None, progress: bool = True) -> Assistant:
        """Load the model and the index, rebuilding the index first if the corpus changed (see ensure_index)."""
        encoder = encoder or open_encoder(settings)
        ensure_index(settings, encoder, progress=progress)
        return cls.load(settings, encoder)

    @classmethod
    def load(cls, settings: Settings, encoder: Encoder) -> Assistant:
        """Load the saved index as it is, without checking it against the corpus."""
        try:
            index, build = PassageIndex.load(settings.index_dir, search_options(settings))
            articles = articles_from_json((build / ARTICLES_FILE).read_bytes())
        except IndexLoadError as error:
            raise IndexUnavailable(f"{error}. {REBUILD}") from error
        except (OSError, ValueError, TypeError, KeyError) as error:
            raise IndexUnavailable(
                f"index documents in {settings.index_dir} are damaged ({error}). {REBUILD}"
            ) from error
        _check_model(settings.index_dir, index.manifest.model, encoder.model_id)
        set_search_threads(settings.search_threads)
        return cls(settings, encoder, index, articles)

    def reindex(self) -> IndexReport:
        """Rebuild the index from the corpus folder (the running assistant keeps its loaded copy)."""
        settings = self.settings
        return build_index(
            settings.corpus_dir,
            settings.index_dir,
            self.encoder,
            lock_timeout=settings.index_lock_timeout,
            index_type=settings.index_type,
        )

    def ask(self, question: str, k: int | None = None, retriever: RetrieverName | None = None) -> Answer:
        return self.respond(question, k, retriever)[0]

    def respond(
        self, question: str, k: int | None = None, retriever: RetrieverName | None = None
    ) -> tuple[Answer, bool]:
        """The answer, and whether it came from the cache of recent answers."""
        return self.respond_to(self.query(question, k, retriever))

    def query(self, question: str, k: int | None = None, retriever: RetrieverName | None = None) -> Query:
        """The request checked and in the form answers are cached under; cheap, so callers may do it first.

        Runs of white space inside the question count as one space (the model and the term
        matching ignore them), so questions that differ only there share one cached answer.
        """
        question = " ".join(validate_question(question, self.settings.max_question_chars).split())
        k = self.settings.top_k if k is None else validate_k(k)
        retriever = self.settings.retriever if retriever is None else validate_retriever(retriever)
        return Query(question, k, retriever)

    def cached(self, query: Query) -> Answer | None:
        """The remembered answer to `query`, without any model work; None if there is none."""
        return self.cache.get(query)

    def respond_to(self, query: Query) -> tuple[Answer, bool]:
        return self.cache.get_or_compute(query, lambda: self._compute(query))

    def _compute(self, query: Query) -> Answer:
        return self.composer.compose(query.question, self.retriever.search(query.question, query.k, query.retriever))

    def document(self, doc_id: str) -> Article:
        try:
            return self._by_id[validate_doc_id(doc_id)]
        except KeyError:
            raise DocumentNotFound(f"no document with id {doc_id!r}") from None


def ensure_index(settings: Settings, encoder: Encoder | None = None, *, progress: bool = True) -> None:
    """Rebuild the index if the corpus, the index type asked for, or the parsers' versions changed since its build.

    A missing, damaged or foreign index (another model, another format) is reported, not rebuilt:
    a server should not spend minutes embedding behind its operator's back; `qa index` does that.
    The model is loaded only if a build is needed.
    """
    current_model = encoder.model_id if encoder else model_id(settings.model_dir or default_model_dir())
    recover(settings.corpus_dir, settings.index_dir)  # an add killed mid-build
    try:
        manifest = read_manifest(settings.index_dir)
    except IndexLoadError as error:
        raise IndexUnavailable(f"{error}. {REBUILD}") from error
    _check_model(settings.index_dir, manifest.model, current_model)
    if reason := rebuild_reason(manifest, settings.corpus_dir, settings.index_type):
        if not os.access(settings.index_dir, os.W_OK):  # a read-only volume: serve what it holds
            log.warning("%s, but %s is read-only: serving its build as it is", reason, settings.index_dir)
            return
        log.info("%s; rebuilding", reason)
        report = build_index(
            settings.corpus_dir,
            settings.index_dir,
            encoder or Encoder(settings.model_dir, settings.batch_size),
            progress,
            settings.index_lock_timeout,
            settings.index_type,
        )
        log.info(report.summary())


def open_encoder(settings: Settings) -> Encoder:
    """The encoder the settings describe; ONNX query backends keep their files in the cache folder."""
    return Encoder(
        settings.model_dir,
        settings.batch_size,
        query_backend=settings.encoder_backend,
        cache_dir=writable_cache_dir(settings.cache_dir) / "encoder",
    )


def _check_model(index_dir: Path, built_with: str, current: str) -> None:
    if built_with != current:
        raise IndexUnavailable(f"index in {index_dir} was built with model {built_with}, not {current}. {REBUILD}")


def validate_doc_id(doc_id: str) -> str:
    """The id unchanged, or an error: only a plain id is ever looked up, logged or echoed back."""
    if len(doc_id) > MAX_DOC_ID_CHARS or not DOC_ID_RE.fullmatch(doc_id):
        shown = doc_id if len(doc_id) <= 60 else doc_id[:60] + "…"
        raise InvalidDocumentId(
            f"document id must be lowercase letters and digits joined by hyphens, up to {MAX_DOC_ID_CHARS} "
            f"characters, like 'hrnk-articles-by-board-members-fellows-and-staff-1'; got {shown!r}"
        )
    return doc_id


def search_options(settings: Settings) -> SearchOptions:
    return SearchOptions(
        hnsw_ef_search=settings.hnsw_ef_search, ivf_nprobe=settings.ivf_nprobe, ivf_rescore=settings.ivf_rescore
    )


def validate_question(question: str, max_chars: int) -> str:
    """The question with surrounding white space removed, or an error that says what is wrong."""
    if not isinstance(question, str):
        raise InvalidQuestion(f"question must be text, got {type(question).__name__}")
    stripped = question.strip()
    if not stripped:
        raise InvalidQuestion("question is empty; ask something in words")
    if len(stripped) > max_chars:
        raise InvalidQuestion(f"question is {len(stripped)} characters long; the limit is {max_chars}")
    return stripped


def validate_retriever(name: str) -> RetrieverName:
    if name not in RETRIEVERS:
        raise InvalidQuestion(f"retriever must be one of {', '.join(RETRIEVERS)}, got {name!r}")
    return name  # type: ignore[return-value]  # checked against RETRIEVERS just above


def validate_k(k: int) -> int:
    if isinstance(k, bool) or not isinstance(k, int) or not 1 <= k <= MAX_K:
        raise InvalidQuestion(f"k must be a whole number from 1 to {MAX_K}, got {k!r}")
    return k

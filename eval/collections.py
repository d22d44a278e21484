"""The project's own evaluation collections: each a folder of documents and a question file about them.

The answer decision is fitted on the dev splits of all of them together, and every figure is reported
per collection, so that nothing is tuned to one corpus.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

from eval.dataset import EvalSetError
from qa.locations import IN_CHECKOUT, bundled_corpus, default_index_dir, user_data_dir
from qa.settings import PROJECT_ROOT, BaseFolders, Settings


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
_DEFAULT_INDEX = default_index_dir(user_data_dir(BaseFolders().data_home))
COLLECTIONS: tuple[Collection, ...] = (
    Collection("bundled", bundled_corpus(), _EVAL / "questions.jsonl", _DEFAULT_INDEX),
    Collection("formats", _EVAL / "formats", _EVAL / "formats.jsonl", PROJECT_ROOT / ".qa-index-formats"),
    Collection("real", _EVAL / "real" / "docs", _EVAL / "real" / "questions.jsonl", PROJECT_ROOT / ".qa-index-real"),
    Collection("wild", PROJECT_ROOT / "tests" / "data" / "wild", _EVAL / "wild.jsonl", PROJECT_ROOT / ".qa-index-wild"),
)


def require_files(collections: Sequence[Collection]) -> None:
    """Fail, naming what is missing, unless every collection's documents and questions are here.

    Only the bundled collection ships in the installed package (its documents as `qa/bundled_corpus`, its
    questions as package data); the others' documents live in the checkout, so a command that reads every
    collection needs one.
    """
    missing = [c for c in collections if not (c.corpus.is_dir() and c.questions.is_file())]
    if not missing:
        return
    where = "; ".join(f"{c.name}: {c.corpus} and {c.questions}" for c in missing)
    reason = (
        "they ship only with a checkout of the project (git clone), not with the installed package"
        if not IN_CHECKOUT
        else "the checkout lacks them"
    )
    raise EvalSetError(f"the documents or questions of a project collection are missing ({where}): {reason}")

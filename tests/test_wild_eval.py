"""The wild collection's question file is sound: a wrong gold answer would silently corrupt every figure it gives.

Only the file is checked here, never the system's answers: no unit test runs the test split's questions.
"""

from __future__ import annotations

import shutil
from collections import Counter
from pathlib import PurePath

import pytest

from eval.collections import COLLECTIONS, Collection
from eval.dataset import find_manifest, jsonl_rows, load_questions
from eval.reference import Reference, quote_in_reference
from eval.runner import read_corpus
from qa.corpus import slugify

WILD: Collection = next(c for c in COLLECTIONS if c.name == "wild")

pytestmark = pytest.mark.skipif(shutil.which("pdftotext") is None, reason="the judge reads PDFs with pdftotext")


@pytest.fixture(scope="module")
def references() -> dict[str, Reference]:
    return read_corpus(WILD.corpus)


@pytest.fixture(scope="module")
def rows() -> list[dict[str, object]]:
    """The raw rows: `document`, the file a question is about, is read by these tests only, not by `qa eval`."""
    return [row for _, row in jsonl_rows(WILD.questions) if isinstance(row, dict)]


@pytest.mark.slow  # the judge's reading of every document of the collection: pdftotext and more, ~100 files
def test_wild_questions_load_with_answerable_and_unanswerable_in_both_splits(
    references: dict[str, Reference],
) -> None:
    questions = load_questions(WILD.questions, references)
    assert len(questions) >= 50
    assert sum(not q.answerable for q in questions) >= 15
    assert {(q.split, q.answerable) for q in questions} == {(s, a) for s in ("dev", "test") for a in (True, False)}


@pytest.mark.slow  # the judge's reading of every document of the collection: pdftotext and more, ~100 files
def test_every_evidence_is_found_by_the_judge_in_its_own_document(
    rows: list[dict[str, object]], references: dict[str, Reference]
) -> None:
    """Found anywhere in the collection is not enough: a string from another document would be a wrong gold."""
    missing = [
        (row["id"], evidence)
        for row in rows
        for evidence in row["evidence"]  # type: ignore[attr-defined]
        if not quote_in_reference(evidence, references[str(row["document"])])
    ]
    assert missing == []


def test_every_document_has_about_half_its_questions_in_each_split_or_all_in_one(rows: list[dict[str, object]]) -> None:
    """The first seven documents asked about were split question by question; those added later go whole to dev
    or to test (alternately, in the order they were added), so no test document's answers are ever tuned on. Either
    way every document asked about must be in the folder."""
    counts = Counter((row["document"], row["split"]) for row in rows)
    documents = {row["document"] for row in rows}
    assert len(documents) == 116
    assert documents <= set(read_corpus(WILD.corpus))
    halved = {d for d in documents if abs(counts[d, "dev"] - counts[d, "test"]) <= 1}
    whole = {d for d in documents if 0 in (counts[d, "dev"], counts[d, "test"])}
    assert halved | whole == documents
    assert len(whole) == 109


def test_gold_notes_belong_to_the_questions_own_document(rows: list[dict[str, object]]) -> None:
    """A gold note is keyed by its article id, which for a one-article file is the file's slug and `-1`."""
    keys = {
        (row["id"], note["document"]): f"{slugify(PurePath(str(row['document'])).stem)}-1"
        for row in rows
        for note in row["footnotes"]  # type: ignore[attr-defined]
    }
    assert keys
    assert all(document == expected for (_, document), expected in keys.items())


def test_the_wild_collections_metadata_gold_is_its_documents_manifest() -> None:
    assert find_manifest(WILD.questions, WILD.corpus) == WILD.corpus / "manifest.jsonl"


def test_a_manifest_beside_the_questions_comes_first() -> None:
    real = next(c for c in COLLECTIONS if c.name == "real")
    assert find_manifest(real.questions, real.corpus) == real.questions.parent / "manifest.jsonl"

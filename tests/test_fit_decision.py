"""Which questions the decision's fit asks a collection as off-topic: others' questions, unless it holds the answer."""

from __future__ import annotations

import shutil

import pytest

from eval.collections import COLLECTIONS, Collection
from eval.dataset import Question, jsonl_rows, parse_question
from eval.fit_decision import foreign
from eval.reference import Reference
from eval.runner import read_corpus

REAL: Collection = next(c for c in COLLECTIONS if c.name == "real")
WILD: Collection = next(c for c in COLLECTIONS if c.name == "wild")

pytestmark = pytest.mark.skipif(shutil.which("pdftotext") is None, reason="the judge reads PDFs with pdftotext")


@pytest.fixture(scope="module")
def wild_rdr_report() -> dict[str, Reference]:
    """The wild collection's 2018 Corporate Accountability Index report (the real collection holds the 2017 one)."""
    return read_corpus(WILD.corpus, sources={"rdr-index-2018-report.pdf"})


def real_dev_question(question_id: str) -> Question:
    corpus = read_corpus(REAL.corpus, sources={"rdr-policing-speech-2018.pdf", "crs-election-grants-2026.pdf"})
    row = next(row for where, row in jsonl_rows(REAL.questions) if isinstance(row, dict) and row["id"] == question_id)
    question = parse_question(row, corpus, question_id)
    assert question.split == "dev"
    return question


def test_a_question_whose_evidence_another_collection_holds_verbatim_is_not_foreign_to_it(
    wild_rdr_report: dict[str, Reference],
) -> None:
    twitter = real_dev_question("rp42")  # "How many accounts did Twitter suspend for promoting terrorism?"
    assert foreign([twitter], wild_rdr_report) == []


def test_a_question_whose_evidence_another_collection_lacks_is_foreign_to_it(
    wild_rdr_report: dict[str, Reference],
) -> None:
    grants = real_dev_question("rp05")  # "requirements payments purpose", about election grants
    assert foreign([grants], wild_rdr_report) == [grants]

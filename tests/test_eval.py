"""The evaluation set is sound, and the system reaches its measured thresholds on it."""

from __future__ import annotations

import importlib.util
import json
from pathlib import Path

import pytest

from eval.collections import COLLECTIONS, Collection, require_files
from eval.dataset import DEFAULT_SET, EvalSetError, Question, load_questions
from eval.metrics import SweepPoint, choose_threshold, evidence_sentences, summarize
from eval.peer import HaystackPeer
from eval.reference import Reference
from eval.runner import confidences, evaluate, rank_questions, read_corpus, sweep
from qa import Assistant
from qa.compose import Composer, assess
from qa.corpus import Article, Paragraph
from qa.decision import Decision
from qa.retrieve import Hit, ScoredSpan
from qa.sentences import Span
from qa.settings import PROJECT_ROOT


@pytest.fixture(scope="module")
def references() -> dict[str, Reference]:
    return read_corpus(PROJECT_ROOT / "corpus")


@pytest.fixture(scope="module")
def figures(assistant: Assistant, references: dict[str, Reference]) -> dict[str, float | None]:
    """The dev split's figures: the test split is held out, and no unit test reads its questions."""
    questions = [q for q in load_questions(DEFAULT_SET, references) if q.split == "dev"]
    return summarize(evaluate(assistant, questions, 3))


def test_eval_set_has_80_questions_split_dev_and_test(references: dict[str, Reference]) -> None:
    questions = load_questions(DEFAULT_SET, references)
    assert len(questions) == 80
    assert sum(not q.answerable for q in questions) >= 6
    assert {q.split for q in questions} == {"dev", "test"}


def test_evidence_that_is_not_verbatim_fails_loudly(tmp_path: Path, references: dict[str, Reference]) -> None:
    bad = tmp_path / "bad.jsonl"
    row = {"id": "x", "question": "q", "answerable": True, "evidence": ["words never written"], "footnotes": []}
    bad.write_text(json.dumps(row) + "\n")
    with pytest.raises(EvalSetError, match="bad.jsonl:1 .*not verbatim"):
        load_questions(bad, references)


def test_every_quote_is_verbatim(figures: dict[str, float | None]) -> None:
    assert figures["quote_fidelity"] == 1.0


def test_no_footnote_is_misattributed(figures: dict[str, float | None]) -> None:
    assert figures["footnote_precision"] == 1.0


def test_retrieval_reaches_measured_recall(figures: dict[str, float | None]) -> None:
    # Measured 0.839 and 0.935 with the piece reranking (`qa.retrieve.PIECE_WEIGHT`); 0.806 and 0.903 without;
    # 0.871 and 0.968 with BM25 agreement added (`qa.retrieve.LEXICAL_WEIGHT`).
    assert figures["recall@1"] >= 0.87
    assert figures["recall@3"] >= 0.96


def test_answers_quote_the_evidence_and_cite_its_notes(figures: dict[str, float | None]) -> None:
    # Sentence quotes miss dev answers whose evidence sentence scores under another sentence of its
    # paragraph (measured 0.742 and 0.789 with the rare-term weight 1.5; 0.677 and 0.737 at 0.3). The piece
    # reranking brings the evidence paragraph of one more question into the top three: 0.774 and 0.842.
    # A "how many" quote that must count the question's own subject fixes one more (0.806 and 0.895), and a
    # following sentence that names the quote's noun again ("The group is...") one more: 0.839 and 0.947.
    # An answer quoting one source unless another scores as well (`Composer.strong`) leaves a question whose
    # evidence was ranked second to the nearest passages: 0.806 and 0.895 measured with both.
    assert figures["answer_support"] >= 0.80
    assert figures["footnote_recall"] >= 0.89


def test_abstention_beats_chance_without_silencing_answers(figures: dict[str, float | None]) -> None:
    # The fitted decision with the document-names rule, measured: 0.778 abstention at 0.000 false abstention on
    # this dev split (0.556 before the rule).
    assert figures["abstention"] >= 0.77
    assert figures["false_abstention"] <= 0.03


def test_a_higher_threshold_never_abstains_less(assistant: Assistant, references: dict[str, Reference]) -> None:
    questions = [q for q in load_questions(DEFAULT_SET, references) if q.split == "dev"]
    rankings = rank_questions(assistant, questions, "dense")
    composer = assistant.composer
    points = sweep(assistant, questions, rankings, 3, composer.at, confidences(composer, questions, rankings, 3))
    abstention = [p.abstention for p in points]
    assert len(points) > 10
    assert abstention == sorted(abstention)
    assert points[-1].answer_support < points[0].answer_support


def test_evidence_sentences_are_the_fewest_adjacent_sentences_holding_the_evidence() -> None:
    question = Question("x", "dev", "q", True, ("second one. It goes on",), ())
    text = "The first one. The second one.[3] It goes on here. The last."
    assert evidence_sentences(question, text) == {1, 2}
    assert evidence_sentences(question, "Nothing of it.") == set()


def test_answers_quote_few_sentences_beyond_the_evidence(figures: dict[str, float | None]) -> None:
    # 0.630 when a pair kept every sentence bringing a question word; 0.222 measured keeping it by score, 0.200
    # with one source per answer unless another scores as well.
    assert figures["extra_sentences"] <= 0.315


def test_weak_sources_are_fewer_than_when_every_slot_was_filled(figures: dict[str, float | None]) -> None:
    # 0.710 when every answer filled its k slots; 0.438 with a margin of 0.1; 0.242 measured with one source
    # unless another scores as well and answers on its own.
    assert figures["weak_sources"] <= 0.25


def test_calibration_picks_the_best_separating_threshold() -> None:
    points = [SweepPoint(0.5, 0.2, 0.0, 0.9), SweepPoint(0.6, 0.7, 0.1, 0.8), SweepPoint(0.7, 0.8, 0.4, 0.5)]
    assert choose_threshold(points) == 0.6


def test_the_peer_ranks_the_same_paragraphs(assistant: Assistant) -> None:
    # The peer is Haystack, from the bench extra, which `make test` leaves out (`make eval` installs it).
    # Looked up, not imported: the peer imports Haystack itself, after turning its telemetry off.
    if importlib.util.find_spec("haystack") is None:
        pytest.skip("the Haystack peer needs the bench extra: pip install -e '.[bench]'")
    peer = HaystackPeer(assistant.articles)
    assert len(peer.retrieve("North Korea human rights", "bm25")) == 10
    for retriever in ("dense", "hybrid"):
        hits = peer.retrieve("What did the G8 urge North Korea to do?", retriever)
        texts = [assistant.document(h.doc_id).paragraphs[h.paragraph - 1].text for h in hits[:3]]
        assert any("Group of 8 (now 7)" in text for text in texts), retriever


def test_every_project_collection_is_in_the_checkout() -> None:
    require_files(COLLECTIONS)


def test_a_collection_whose_documents_are_absent_is_named_with_its_folder(tmp_path: Path) -> None:
    absent = Collection("elsewhere", tmp_path / "docs", DEFAULT_SET, tmp_path / "index")
    with pytest.raises(EvalSetError) as error:
        require_files([COLLECTIONS[0], absent])
    assert str(error.value) == (
        f"the documents or questions of a project collection are missing (elsewhere: {tmp_path / 'docs'} and "
        f"{DEFAULT_SET}): the checkout lacks them"
    )


def _ranked(*scored: tuple[str, float]) -> list[Hit]:
    """One report's paragraphs, ranked in the order given, each holding all of the question's rare terms."""
    paragraphs = tuple(Paragraph(i, text, 0) for i, (text, _) in enumerate(scored, start=1))
    report = Article("report-1", "Report", None, None, "report.txt", paragraphs)
    return [
        Hit(report, p, score, p.index, (ScoredSpan(Span(0, len(p.text)), score),), coverage=1.0)
        for p, (_, score) in zip(paragraphs, scored, strict=True)
    ]


def test_the_sweep_reads_the_confidence_in_the_source_the_answer_is_decided_on() -> None:
    """A second source that leads for giving the date asked (`qa.compose.lead`) is the one the threshold cuts."""
    asked = "When was the previous annual report published?"
    hits = _ranked(
        ("This version of the annual report is the final draft before publication.", 0.95),
        ("The last version of the annual report was published in 2015.", 0.93),
    )
    composer = Composer(Decision.load())
    question = Question("x", "dev", asked, True, ("published in 2015",), ())
    assert confidences(composer, [question], [hits], 3) == [composer.decision.confidence(assess(hits[1], asked))]
    assert confidences(composer, [question], [hits], 3) != [composer.decision.confidence(assess(hits[0], asked))]

"""`qa eval`: ask every question through the Assistant and print how faithfully it answered."""

from __future__ import annotations

import argparse
import json
from collections.abc import Callable, Mapping, Sequence, Set
from dataclasses import asdict
from functools import partial
from pathlib import Path

from eval.collections import COLLECTIONS
from eval.dataset import DEFAULT_SET, SPLITS, DocumentRecord, Question, find_manifest, load_manifest, load_questions
from eval.metrics import (
    Judgement,
    SweepPoint,
    candidate_thresholds,
    choose_threshold,
    judge,
    metadata_verdicts,
    notes_resolved,
    retrieval_summary,
    summarize,
    sweep_point,
)
from eval.peer import HaystackPeer, PeerUnavailable
from eval.reference import Reference, is_not_text, normalize, reference
from qa.answer_type import answer_type, gives_answer_type
from qa.assistant import Assistant
from qa.calibration import decided_signals
from qa.compose import Composer, Source
from qa.corpus import Article
from qa.decision import Decision
from qa.folder import corpus_files
from qa.inputs import validate_k, validate_retriever
from qa.retrieve import Hit
from qa.settings import RETRIEVERS, RetrieverName, Settings

RETRIEVAL_DEPTH = 10


NotText = Mapping[str, tuple[str, ...]]
"""Per file name, the strings it shows that are not its text (from the collection's manifest)."""


def read_corpus(
    directory: Path, not_text: NotText | None = None, sources: Set[str] | None = None
) -> dict[str, Reference]:
    """Each document's independent extraction (`eval.reference`), by its name in the folder.

    `sources` limits it to the files an index holds: a file `qa index` skipped (empty, unreadable) is
    skipped here too, instead of failing the judge's own reading of it.
    """
    names = {path: str(path.relative_to(directory)) for path in corpus_files(directory)}
    return {
        name: reference(path, (not_text or {}).get(name, ()))
        for path, name in names.items()
        if sources is None or name in sources
    }


def indexed_corpus(assistant: Assistant, not_text: NotText | None = None) -> dict[str, Reference]:
    """The independent extraction of every file the assistant's index holds."""
    return read_corpus(assistant.settings.corpus_dir, not_text, {article.source for article in assistant.articles})


def article_references(
    articles: Sequence[Article], directory: Path, not_text: NotText | None = None
) -> dict[str, Reference]:
    """Each article's reference text: its file's, or for a plain-text file of several articles, its own stretch.

    A plain-text listing page's paragraphs are slices of the file itself, so the stretch from one
    article's first paragraph to the next one's is the article's part of the file: a note is only
    correct if that part defines it. A PDF whose note numbers restart is judged against the whole
    file: its articles' paragraphs are slices of the extracted text, not of the file.
    """
    by_source: dict[str, list[Article]] = {}
    for article in articles:
        by_source.setdefault(article.source, []).append(article)
    references: dict[str, Reference] = {}
    for source, group in by_source.items():
        whole = reference(directory / source, (not_text or {}).get(source, ()))
        if len(group) == 1 or Path(source).suffix.lower() != ".txt":
            references.update(dict.fromkeys((a.id for a in group), whole))
            continue
        raw = (directory / source).read_bytes().decode("utf-8", "replace")
        starts = sorted((a.paragraphs[0].offset, a.id) for a in group if a.paragraphs)
        for (start, doc), (end, _) in zip(starts, starts[1:] + [(len(raw), "")], strict=True):
            references[doc] = Reference((normalize(raw[start:end]),), whole.not_text)
        for article in group:
            references.setdefault(article.id, Reference(("",)))
    return references


def rank_questions(assistant: Assistant, questions: Sequence[Question], retriever: RetrieverName) -> list[list[Hit]]:
    """Each question's ranked paragraphs, deep enough for recall@10."""
    return [assistant.retriever.search(q.question, RETRIEVAL_DEPTH, retriever) for q in questions]


def judge_questions(
    composer: Composer,
    questions: Sequence[Question],
    rankings: Sequence[Sequence[Hit]],
    k: int,
    references: Mapping[str, Reference],
) -> list[Judgement]:
    """Compose and judge each answer from its top `k` hits; retrieval is judged on all of them."""
    return [
        judge(question, hits, composer.compose(question.question, hits[:k]), references)
        for question, hits in zip(questions, rankings, strict=True)
    ]


def evaluate(
    assistant: Assistant,
    questions: Sequence[Question],
    k: int,
    retriever: RetrieverName = "dense",
    not_text: NotText | None = None,
) -> list[Judgement]:
    """Judge each question as the assistant answers it, against its collection's independent extraction."""
    rankings = rank_questions(assistant, questions, retriever)
    references = article_references(assistant.articles, assistant.settings.corpus_dir, not_text)
    return judge_questions(assistant.composer, questions, rankings, k, references)


OLD_THRESHOLD = 0.6233
"""The cosine threshold the assistant abstained under before the fitted decision (calibrated on one corpus)."""


class ThresholdComposer(Composer):
    """The decision before this version, kept to measure against: one score threshold, and a question
    asking how many or how much needs a quote that gives a quantity."""

    def __init__(self, threshold: float, like: Composer | None = None) -> None:
        like = like or Composer(Decision.load())
        super().__init__(like.decision, like.source_margin, like.quote_mode)
        self.threshold = threshold

    def answering(self, question: str, hits: Sequence[Hit], sources: Sequence[Source]) -> tuple[Source, ...]:
        if not sources or sources[0].score < self.threshold:
            return ()
        quote = " ".join(q.text for q in sources[0].quotes)
        if answer_type(question) == "quantity" and not gives_answer_type(quote, question):
            return ()
        return tuple(sources)


def confidences(
    composer: Composer, questions: Sequence[Question], rankings: Sequence[Sequence[Hit]], k: int
) -> list[float]:
    """The fitted decision's confidence in the source each question's answer is decided on from its top `k` hits:
    what its threshold cuts. That is the first hit unless a lower one leads for giving the kind of answer asked
    (`qa.compose.lead`; `qa.calibration.decided_on`), so the sweep's candidate thresholds are the ones at which
    some answer changes."""
    undecided = composer.at(0.0)
    return [
        composer.decision.confidence(decided_signals(undecided.compose(q.question, hits[:k]), hits[:k]))
        for q, hits in zip(questions, rankings, strict=True)
        if hits
    ]


def sweep(
    assistant: Assistant,
    questions: Sequence[Question],
    rankings: Sequence[Sequence[Hit]],
    k: int,
    decider: Callable[[float], Composer],
    values: Sequence[float],
) -> list[SweepPoint]:
    """Abstention, false abstention and answer support at every threshold on `values` that changes a decision."""
    references = article_references(assistant.articles, assistant.settings.corpus_dir)
    return [
        sweep_point(threshold, judge_questions(decider(threshold), questions, rankings, k, references))
        for threshold in candidate_thresholds(values)
    ]


def _subset(
    questions: Sequence[Question], ranks: Sequence[int | None], tops: Sequence[float], split: str
) -> tuple[list[Question], list[int | None], list[float]]:
    rows = [(q, r, t) for q, r, t in zip(questions, ranks, tops, strict=True) if q.split == split]
    return [q for q, _, _ in rows], [r for _, r, _ in rows], [t for _, _, t in rows]


def peer_columns(assistant: Assistant, questions: Sequence[Question], split: str) -> dict[str, dict[str, float | None]]:
    """The Haystack peer's figures per retriever; its abstention threshold is calibrated on dev, like ours."""
    peer = HaystackPeer(assistant.articles, assistant.settings.model_dir)
    paragraphs = {(a.id, p.index): p.text for a in assistant.articles for p in a.paragraphs}
    columns = {}
    for retriever in RETRIEVERS:
        ranks: list[int | None] = []
        tops: list[float] = []
        for question in questions:
            hits = peer.retrieve(question.question, retriever)
            found = (
                rank
                for rank, hit in enumerate(hits, start=1)
                if any(e in paragraphs[hit.doc_id, hit.paragraph] for e in question.evidence)
            )
            ranks.append(next(found, None))
            tops.append(hits[0].score if hits else 0.0)
        dev = _subset(questions, ranks, tops, "dev")
        points = []
        for threshold in sorted(set(dev[2])) + [max(dev[2]) + 1]:
            figures = retrieval_summary(*dev, threshold)
            points.append(SweepPoint(threshold, figures["abstention"], figures["false_abstention"], None))
        columns[f"peer:{retriever}"] = retrieval_summary(
            *_subset(questions, ranks, tops, split), choose_threshold(points)
        )
    return columns


def question_format(question: Question, texts: Mapping[str, Reference]) -> str:
    """The suffix of the file holding a question's first evidence string; "none" when it has none."""
    if not question.evidence:
        return "none"
    evidence = question.evidence[0]
    return next(Path(name).suffix.lower().lstrip(".") for name, ref in texts.items() if ref.reads(evidence))


def format_table(columns: Mapping[str, Mapping[str, float | None]]) -> str:
    names = list(columns)
    metrics = list(next(iter(columns.values())))
    lines = [f"{'metric':<20}" + "".join(f"{name:>12}" for name in names)]
    for metric in metrics:
        cells = []
        for name in names:
            value = columns[name][metric]
            if value is None:
                cells.append(f"{'-':>12}")
            elif metric in ("questions", "answerable", "chrome_quotes"):
                cells.append(f"{int(value):>12}")
            else:
                cells.append(f"{value:>12.3f}")
        lines.append(f"{metric:<20}" + "".join(cells))
    return "\n".join(lines)


def split_columns(judgements: Sequence[Judgement]) -> dict[str, dict[str, float | None]]:
    columns = {split: summarize(j for j in judgements if j.question.split == split) for split in SPLITS}
    columns["all"] = summarize(judgements)
    return {name: figures for name, figures in columns.items() if figures["questions"]}


def compare(
    assistant: Assistant, questions: Sequence[Question], k: int, split: str
) -> dict[str, dict[str, float | None]]:
    """Our three retrievers and, when installed, the Haystack peer's three, on the same questions."""
    columns = {
        retriever: summarize(j for j in evaluate(assistant, questions, k, retriever) if j.question.split == split)
        for retriever in RETRIEVERS
    }
    try:
        peers = peer_columns(assistant, questions, split)
    except PeerUnavailable as error:
        print(f"(peer left out: {error})")
        return columns
    return columns | peers


def plot_sweep(curves: Mapping[str, Sequence[SweepPoint]], path: Path) -> None:
    """Abstention on unanswerable against false abstention on answerable, one line per curve, as a PNG."""
    import matplotlib

    matplotlib.use("Agg")  # no display on a server
    from matplotlib import pyplot

    figure, axes = pyplot.subplots(figsize=(7, 4.5))
    for name, points in curves.items():
        drawn = [p for p in points if p.abstention is not None and p.false_abstention is not None]
        style = "--" if name.endswith("old") else "-"
        axes.plot([p.false_abstention for p in drawn], [p.abstention for p in drawn], style, label=name)
    axes.set_xlabel("false abstention (answerable questions left unanswered)")
    axes.set_ylabel("abstention on unanswerable questions")
    axes.set_xlim(0, 0.5)
    axes.legend(fontsize=7)
    path.parent.mkdir(parents=True, exist_ok=True)
    figure.tight_layout()
    figure.savefig(path, dpi=110)
    pyplot.close(figure)


def format_sweep(curves: Mapping[str, Sequence[SweepPoint]]) -> str:
    lines = [f"{'curve':<16}{'threshold':>10}{'abstention':>12}{'false abst.':>12}{'support':>10}"]
    for name, points in curves.items():
        for p in points:
            cells = [p.abstention, p.false_abstention, p.answer_support]
            lines.append(
                f"{name:<16}{p.threshold:>10.4f}"
                + "".join(f"{c:>12.3f}" if c is not None else f"{'-':>12}" for c in cells)
            )
    return "\n".join(lines)


def document_rows(
    articles: Sequence[Article], records: Sequence[DocumentRecord], references: Mapping[str, Reference]
) -> dict[str, dict[str, str | int]]:
    """Per document of the manifest: its metadata verdicts and how many of its passages are not its text."""
    rows: dict[str, dict[str, str | int]] = {}
    for record in records:
        parsed = [a for a in articles if a.source == record.file]
        article = next((a for a in parsed if a.id == record.id), parsed[0] if parsed else None)
        if article is None:
            rows[record.id] = {"title": "missing", "author": "missing", "date": "missing", "chrome_passages": 0}
            continue
        chrome = sum(is_not_text(p.text, references[a.id]) for a in parsed for p in a.paragraphs)
        rows[record.id] = {**metadata_verdicts(article, record), "chrome_passages": chrome}
    return rows


def format_documents(rows: Mapping[str, Mapping[str, str | int]]) -> str:
    lines = [f"{'document':<44}{'title':>9}{'author':>9}{'date':>9}{'chrome':>8}"]
    for doc, row in rows.items():
        lines.append(f"{doc[:43]:<44}{row['title']:>9}{row['author']:>9}{row['date']:>9}{row['chrome_passages']:>8}")
    verdicts = [row[f] for row in rows.values() for f in ("title", "author", "date")]
    lines.append(
        f"metadata fields: {len(verdicts)}, wrong or invented: {verdicts.count('wrong')}, "
        f"missing: {verdicts.count('missing')}; passages of chrome or front matter indexed: "
        f"{sum(int(row['chrome_passages']) for row in rows.values())}"
    )
    return "\n".join(lines)


def sweep_collections(k: int, retriever: RetrieverName) -> dict[str, list[SweepPoint]]:
    """Each collection's held-out split swept under the fitted decision and under the old threshold."""
    curves: dict[str, list[SweepPoint]] = {}
    for collection in COLLECTIONS:
        assistant = Assistant.open(collection.settings())
        questions = load_questions(collection.questions, read_corpus(collection.corpus))
        held_out = [q for q in questions if q.split == "test"]
        rankings = rank_questions(assistant, held_out, retriever)
        scores = [hits[0].score for hits in rankings if hits]
        composer = assistant.composer
        curves[f"{collection.name} new"] = sweep(
            assistant, held_out, rankings, k, composer.at, confidences(composer, held_out, rankings, k)
        )
        old = partial(ThresholdComposer, like=composer)
        curves[f"{collection.name} old"] = sweep(assistant, held_out, rankings, k, old, scores)
    return curves


def run_cli(args: argparse.Namespace, settings: Settings) -> int:
    k = validate_k(args.k)
    retriever = validate_retriever(args.retriever or settings.retriever)
    question_set = args.question_set or DEFAULT_SET
    manifest = find_manifest(question_set, settings.corpus_dir)
    records = load_manifest(manifest) if manifest else []
    not_text = {record.file: record.not_text for record in records}
    assistant = Assistant.open(settings)
    texts = indexed_corpus(assistant, not_text)
    questions = load_questions(question_set, texts)
    if args.split != "all":
        questions = [q for q in questions if q.split == args.split]
    rankings = rank_questions(assistant, questions, retriever)
    references = article_references(assistant.articles, settings.corpus_dir, not_text)
    judgements = judge_questions(assistant.composer, questions, rankings, k, references)
    old = judge_questions(ThresholdComposer(OLD_THRESHOLD, assistant.composer), questions, rankings, k, references)
    columns = split_columns(judgements) | {
        f"{split}, old": summarize(j for j in old if j.question.split == split) for split in ("dev", "test")
    }
    columns = {name: figures for name, figures in columns.items() if figures["questions"]}
    decision = assistant.composer.decision
    print(f"retriever={retriever}, k={k}, answer from confidence {decision.threshold} (old: score {OLD_THRESHOLD})")
    print(format_table(columns))
    report: dict[str, object] = {"retriever": retriever, "k": k}
    for split in SPLITS:
        resolved, total = notes_resolved((q for q in questions if q.split == split), assistant.articles)
        if total:
            print(f"gold notes resolved where their evidence stands ({split}): {resolved}/{total}")
            report[f"notes_resolved_{split}"] = [resolved, total]
    if records:
        references = article_references(assistant.articles, settings.corpus_dir, not_text)
        rows = document_rows(assistant.articles, records, references)
        print(f"\ndocuments of {manifest}\n{format_documents(rows)}")
        report["documents"] = rows
    formats = {question_format(j.question, texts) for j in judgements}
    if len(formats - {"none"}) > 1:
        by_format = {
            f: summarize(j for j in judgements if question_format(j.question, texts) == f) for f in sorted(formats)
        }
        print(f"\nby format of the evidence's document\n{format_table(by_format)}")
        columns = {**columns, **{f"format {name}": figures for name, figures in by_format.items()}}
    report["summary"] = columns
    if args.compare:
        split = "test" if args.split == "all" else args.split
        side_by_side = compare(assistant, questions, k, split)
        print(f"\nSide by side on the {split} split (peer: Haystack in-memory pipelines, same model):")
        print(format_table(side_by_side))
        report["compare"] = {"split": split, "columns": side_by_side}
    if args.sweep:
        curves = sweep_collections(k, retriever)
        print(format_sweep(curves))
        plot_sweep(curves, args.plot)
        print(f"plot written to {args.plot}")
        report["sweep"] = {name: [asdict(p) for p in points] for name, points in curves.items()}
    if args.json_out:
        report["questions"] = [
            {
                "id": j.question.id,
                "split": j.question.split,
                "evidence_rank": j.evidence_rank,
                "abstained": j.abstained,
                "supported": j.supported,
                "top_score": round(j.top_score, 4),
                "sources": j.sources,
                "weak_sources": j.weak_sources,
                "extra_sentences": j.extra_sentences,
            }
            for j in judgements
        ]
        args.json_out.write_text(json.dumps(report, indent=1))
    return 0

"""`qa eval`: ask every question through the Assistant and print how faithfully it answered."""

from __future__ import annotations

import argparse
import json
from collections.abc import Mapping, Sequence
from dataclasses import asdict
from pathlib import Path

from eval.dataset import DEFAULT_SET, SPLITS, Question, load_questions
from eval.metrics import (
    Judgement,
    SweepPoint,
    candidate_thresholds,
    choose_threshold,
    judge,
    retrieval_summary,
    summarize,
    sweep_point,
)
from eval.peer import HaystackPeer, PeerUnavailable
from qa.assistant import Assistant, validate_k, validate_retriever
from qa.compose import Composer
from qa.corpus import Article
from qa.folder import corpus_files
from qa.formats import parse_file
from qa.retrieve import Hit
from qa.settings import RETRIEVERS, RetrieverName, Settings

RETRIEVAL_DEPTH = 10
CALIBRATION_FILE = Path(__file__).parent / "calibration.json"


def read_corpus(directory: Path) -> dict[str, str]:
    """Each document's text as its paragraphs are sliced from it: the file itself for .txt, the extracted text else."""
    texts = {}
    for path in corpus_files(directory):
        name = str(path.relative_to(directory))
        texts[name] = parse_file(path, name).text
    return texts


def article_bounds(articles: Sequence[Article], texts: Mapping[str, str]) -> dict[str, tuple[int, int]]:
    """Each article's stretch of its file: from its first paragraph to the next article's first."""
    bounds: dict[str, tuple[int, int]] = {}
    by_source: dict[str, list[Article]] = {}
    for article in articles:
        by_source.setdefault(article.source, []).append(article)
    for source, group in by_source.items():
        starts = [(a.paragraphs[0].offset if a.paragraphs else None, a.id) for a in group]
        placed = sorted((offset, doc) for offset, doc in starts if offset is not None)
        for (offset, doc), following in zip(placed, placed[1:] + [(len(texts[source]), "")], strict=True):
            bounds[doc] = (offset, following[0])
        for _, doc in starts:
            bounds.setdefault(doc, (0, 0))
    return bounds


def rank_questions(assistant: Assistant, questions: Sequence[Question], retriever: RetrieverName) -> list[list[Hit]]:
    """Each question's ranked paragraphs, deep enough for recall@10."""
    return [assistant.retriever.search(q.question, RETRIEVAL_DEPTH, retriever) for q in questions]


def judge_questions(
    composer: Composer,
    questions: Sequence[Question],
    rankings: Sequence[Sequence[Hit]],
    k: int,
    texts: Mapping[str, str],
    bounds: Mapping[str, tuple[int, int]],
) -> list[Judgement]:
    """Compose and judge each answer from its top `k` hits; retrieval is judged on all of them."""
    return [
        judge(question, hits, composer.compose(question.question, hits[:k]), texts, bounds)
        for question, hits in zip(questions, rankings, strict=True)
    ]


def evaluate(
    assistant: Assistant,
    questions: Sequence[Question],
    k: int,
    texts: Mapping[str, str],
    retriever: RetrieverName = "dense",
) -> list[Judgement]:
    """Judge each question as the assistant answers it."""
    rankings = rank_questions(assistant, questions, retriever)
    bounds = article_bounds(assistant.articles, texts)
    return judge_questions(assistant.composer, questions, rankings, k, texts, bounds)


def sweep(
    assistant: Assistant,
    questions: Sequence[Question],
    rankings: Sequence[Sequence[Hit]],
    k: int,
    texts: Mapping[str, str],
) -> list[SweepPoint]:
    """Abstention, false abstention and answer support at every threshold that changes a decision."""
    bounds = article_bounds(assistant.articles, texts)
    baseline = judge_questions(Composer(-1.0), questions, rankings, k, texts, bounds)
    return [
        sweep_point(threshold, judge_questions(Composer(threshold), questions, rankings, k, texts, bounds))
        for threshold in candidate_thresholds(baseline)
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


def question_format(question: Question, texts: Mapping[str, str]) -> str:
    """The suffix of the file holding a question's first evidence string; "none" when it has none."""
    if not question.evidence:
        return "none"
    return next((Path(name).suffix.lower().lstrip(".") for name, text in texts.items() if question.evidence[0] in text))


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
            elif metric in ("questions", "answerable"):
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
    assistant: Assistant, questions: Sequence[Question], k: int, texts: Mapping[str, str], split: str
) -> dict[str, dict[str, float | None]]:
    """Our three retrievers and, when installed, the Haystack peer's three, on the same questions."""
    columns = {
        retriever: summarize(
            j for j in evaluate(assistant, questions, k, texts, retriever) if j.question.split == split
        )
        for retriever in RETRIEVERS
    }
    try:
        peers = peer_columns(assistant, questions, split)
    except PeerUnavailable as error:
        print(f"(peer left out: {error})")
        return columns
    return columns | peers


def plot_sweep(curves: Mapping[str, Sequence[SweepPoint]], threshold: float, path: Path) -> None:
    """Answer support and false abstention against abstention, one line per split, as a PNG."""
    import matplotlib

    matplotlib.use("Agg")  # no display on a server
    from matplotlib import pyplot

    figure, axes = pyplot.subplots(figsize=(7, 4.5))
    for split, points in curves.items():
        xs = [p.threshold for p in points]
        axes.plot(xs, [p.abstention for p in points], label=f"{split}: abstention on unanswerable")
        axes.plot(xs, [p.answer_support for p in points], linestyle="--", label=f"{split}: answer support")
        axes.plot(xs, [p.false_abstention for p in points], linestyle=":", label=f"{split}: false abstention")
    axes.axvline(threshold, color="grey", linewidth=0.8)
    axes.set_xlabel("abstention threshold on the top passage's score (grey: the default)")
    axes.set_ylabel("share of questions")
    axes.legend(fontsize=7)
    path.parent.mkdir(parents=True, exist_ok=True)
    figure.tight_layout()
    figure.savefig(path, dpi=110)
    pyplot.close(figure)


def format_sweep(curves: Mapping[str, Sequence[SweepPoint]]) -> str:
    lines = [f"{'split':<6}{'threshold':>10}{'abstention':>12}{'false abst.':>12}{'support':>10}"]
    for split, points in curves.items():
        for p in points:
            cells = [p.abstention, p.false_abstention, p.answer_support]
            lines.append(
                f"{split:<6}{p.threshold:>10.4f}"
                + "".join(f"{c:>12.3f}" if c is not None else f"{'-':>12}" for c in cells)
            )
    return "\n".join(lines)


def run_cli(args: argparse.Namespace, settings: Settings) -> int:
    k = validate_k(args.k)
    retriever = validate_retriever(args.retriever or settings.retriever)
    assistant = Assistant.open(settings)
    texts = read_corpus(settings.corpus_dir)
    questions = load_questions(args.question_set or DEFAULT_SET, texts)
    if args.split != "all":
        questions = [q for q in questions if q.split == args.split]
    judgements = evaluate(assistant, questions, k, texts, retriever)
    columns = split_columns(judgements)
    print(f"retriever={retriever}, k={k}, abstain below {assistant.composer.abstain_below}")
    print(format_table(columns))
    formats = {question_format(j.question, texts) for j in judgements}
    if len(formats - {"none"}) > 1:
        by_format = {
            f: summarize(j for j in judgements if question_format(j.question, texts) == f) for f in sorted(formats)
        }
        print(f"\nby format of the evidence's document\n{format_table(by_format)}")
        columns = {**columns, **{f"format {name}": figures for name, figures in by_format.items()}}
    report: dict[str, object] = {"retriever": retriever, "k": k, "summary": columns}
    if args.compare:
        split = "test" if args.split == "all" else args.split
        side_by_side = compare(assistant, questions, k, texts, split)
        print(f"\nSide by side on the {split} split (peer: Haystack in-memory pipelines, same model):")
        print(format_table(side_by_side))
        report["compare"] = {"split": split, "columns": side_by_side}
    if args.sweep or args.calibrate:
        rankings = rank_questions(assistant, questions, retriever)
        curves = {
            split: sweep(
                assistant,
                [q for q in questions if q.split == split],
                [r for q, r in zip(questions, rankings, strict=True) if q.split == split],
                k,
                texts,
            )
            for split in SPLITS
            if any(q.split == split for q in questions)
        }
        if args.sweep:
            print(format_sweep(curves))
            plot_sweep(curves, assistant.composer.abstain_below, args.plot)
            print(f"plot written to {args.plot}")
            report["sweep"] = {split: [asdict(p) for p in points] for split, points in curves.items()}
        if args.calibrate:
            threshold = choose_threshold(curves["dev"])
            calibration = {
                "split": "dev",
                "retriever": retriever,
                "threshold": threshold,
                "sweep": [asdict(p) for p in curves["dev"]],
            }
            CALIBRATION_FILE.write_text(json.dumps(calibration, indent=1) + "\n")
            print(f"calibrated abstention threshold on the dev split: {threshold} -> {CALIBRATION_FILE}")
    if args.json_out:
        report["questions"] = [
            {
                "id": j.question.id,
                "split": j.question.split,
                "evidence_rank": j.evidence_rank,
                "abstained": j.abstained,
                "supported": j.supported,
                "top_score": round(j.top_score, 4),
            }
            for j in judgements
        ]
        args.json_out.write_text(json.dumps(report, indent=1))
    return 0

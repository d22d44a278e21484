"""`qa eval`: ask every question through the Assistant and print how faithfully it answered."""

from __future__ import annotations

import argparse
import json
from collections.abc import Mapping, Sequence
from pathlib import Path

from eval.dataset import DEFAULT_SET, SPLITS, Question, load_questions
from eval.metrics import Judgement, calibrate, judge, summarize
from qa.assistant import Assistant, validate_k
from qa.corpus import Article, corpus_files
from qa.formats import parse_file
from qa.settings import Settings

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


def evaluate(assistant: Assistant, questions: Sequence[Question], k: int, texts: Mapping[str, str]) -> list[Judgement]:
    """Judge each question; one embedding per question serves both retrieval depth and the answer."""
    bounds = article_bounds(assistant.articles, texts)
    judgements = []
    for question in questions:
        hits = assistant.retriever.search(question.question, RETRIEVAL_DEPTH)
        answer = assistant.composer.compose(question.question, hits[:k])
        judgements.append(judge(question, hits, answer, texts, bounds))
    return judgements


def question_format(question: Question, texts: Mapping[str, str]) -> str:
    """The suffix of the file holding a question's first evidence string; "none" when it has none."""
    if not question.evidence:
        return "none"
    return next((Path(name).suffix.lower().lstrip(".") for name, text in texts.items() if question.evidence[0] in text))


def format_table(columns: Mapping[str, Mapping[str, float | None]]) -> str:
    names = list(columns)
    metrics = list(next(iter(columns.values())))
    lines = [f"{'metric':<20}" + "".join(f"{name:>10}" for name in names)]
    for metric in metrics:
        cells = []
        for name in names:
            value = columns[name][metric]
            if value is None:
                cells.append(f"{'-':>10}")
            elif metric in ("questions", "answerable"):
                cells.append(f"{int(value):>10}")
            else:
                cells.append(f"{value:>10.3f}")
        lines.append(f"{metric:<20}" + "".join(cells))
    return "\n".join(lines)


def run_cli(args: argparse.Namespace, settings: Settings) -> int:
    k = validate_k(args.k)
    assistant = Assistant.open(settings)
    texts = read_corpus(settings.corpus_dir)
    questions = load_questions(args.question_set or DEFAULT_SET, texts)
    if args.split != "all":
        questions = [q for q in questions if q.split == args.split]
    judgements = evaluate(assistant, questions, k, texts)
    columns = {split: summarize(j for j in judgements if j.question.split == split) for split in SPLITS}
    columns["all"] = summarize(judgements)
    columns = {name: figures for name, figures in columns.items() if figures["questions"]}
    print(f"k={k}, abstain below {assistant.composer.abstain_below}")
    print(format_table(columns))
    formats = {question_format(j.question, texts) for j in judgements}
    if len(formats - {"none"}) > 1:
        by_format = {
            f: summarize(j for j in judgements if question_format(j.question, texts) == f) for f in sorted(formats)
        }
        print(f"\nby format of the evidence's document\n{format_table(by_format)}")
        columns = {**columns, **{f"format {name}": figures for name, figures in by_format.items()}}
    if args.calibrate:
        dev = [j for j in judgements if j.question.split == "dev"]
        threshold, sweep = calibrate(dev)
        CALIBRATION_FILE.write_text(
            json.dumps({"split": "dev", "questions": len(dev), "threshold": threshold, "sweep": sweep}, indent=1) + "\n"
        )
        print(f"calibrated abstention threshold on {len(dev)} dev questions: {threshold} -> {CALIBRATION_FILE}")
    if args.json_out:
        per_question = [
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
        args.json_out.write_text(json.dumps({"k": k, "summary": columns, "questions": per_question}, indent=1))
    return 0

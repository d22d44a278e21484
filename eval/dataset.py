"""The question set: loaded strictly, because a wrong gold answer silently corrupts every figure."""

from __future__ import annotations

import json
from collections.abc import Iterator, Mapping
from dataclasses import dataclass
from pathlib import Path

from eval.reference import Reference
from qa.errors import QAError
from qa.sentences import note_key

DEFAULT_SET = Path(__file__).parent / "questions.jsonl"
SPLITS = ("dev", "test")


class EvalSetError(QAError):
    """The question file is malformed; the message names the line."""


@dataclass(frozen=True)
class GoldFootnote:
    document: str
    """The article's id (`report-1`) or, in older sets, its title."""
    number: int
    """The note's key (`qa.sentences.note_key`): its number, or the key of the symbols it is marked with."""


def _gold_key(note: dict) -> int:
    """A gold note's key, given as its `number` (`12`) or, for a note the document marks with symbols, its `label`
    as printed (`"*"`)."""
    return note_key(str(note["label"])) if "label" in note else int(note["number"])


@dataclass(frozen=True)
class Question:
    id: str
    split: str
    question: str
    answerable: bool
    evidence: tuple[str, ...]
    """Strings verbatim in the documents as printed (white space aside); quoting any one answers the question."""
    footnotes: tuple[GoldFootnote, ...]


def parse_question(row: object, corpus: Mapping[str, Reference], where: str) -> Question:
    """One question from its JSON object, with every evidence string checked against the corpus."""
    if not isinstance(row, dict):
        raise EvalSetError(f"{where}: expected a JSON object")
    try:
        question = Question(
            id=str(row["id"]),
            split=str(row.get("split", "test")),
            question=str(row["question"]),
            answerable=bool(row["answerable"]),
            evidence=tuple(str(e) for e in row["evidence"]),
            footnotes=tuple(GoldFootnote(str(f["document"]), _gold_key(f)) for f in row["footnotes"]),
        )
    except (KeyError, TypeError, ValueError) as error:
        raise EvalSetError(f"{where}: missing or malformed field {error}") from error
    if question.split not in SPLITS:
        raise EvalSetError(f"{where}: split must be one of {SPLITS}, got {question.split!r}")
    if question.answerable != bool(question.evidence):
        raise EvalSetError(f"{where}: an answerable question needs evidence, an unanswerable one none")
    for evidence in question.evidence:
        if not any(reference.reads(evidence) for reference in corpus.values()):
            raise EvalSetError(f"{where} ({question.id}): evidence is not verbatim in the corpus: {evidence[:80]!r}")
    return question


def jsonl_rows(path: Path) -> Iterator[tuple[str, object]]:
    """Each non-blank line of a JSONL file as (`name:line`, its JSON value); a bad line fails, named."""
    for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), start=1):
        if not line.strip():
            continue
        where = f"{path.name}:{number}"
        try:
            yield where, json.loads(line)
        except json.JSONDecodeError as error:
            raise EvalSetError(f"{where}: not valid JSON ({error.msg})") from error


def load_questions(path: Path, corpus: Mapping[str, Reference]) -> list[Question]:
    """All questions of a JSONL file; fails on the first bad line, naming it."""
    questions: list[Question] = []
    seen: set[str] = set()
    for where, row in jsonl_rows(path):
        question = parse_question(row, corpus, where)
        if question.id in seen:
            raise EvalSetError(f"{where}: duplicate id {question.id!r}")
        seen.add(question.id)
        questions.append(question)
    return questions


MANIFEST_NAME = "manifest.jsonl"
"""Beside a question file: one row per document, with its metadata as printed and its source and licence."""


@dataclass(frozen=True)
class DocumentRecord:
    """What a document prints about itself, written down by a person: the gold for its metadata."""

    file: str
    id: str
    titles: tuple[str, ...]
    """Every acceptable form of the title (with and without its subtitle); empty when none is printed."""
    authors: tuple[str, ...]
    """The names in the byline; empty when the document names no author."""
    date: str | None
    """ISO, as precise as printed (`2019`, `2019-05`, `2019-05-14`); None when no date is printed."""
    not_text: tuple[str, ...]
    """Strings the document shows that are not its text (running headers, site chrome, captions)."""


def _strings(value: object, field: str, where: str) -> tuple[str, ...]:
    if value is None:
        return ()
    if isinstance(value, str):
        return (value,)
    if isinstance(value, list) and all(isinstance(v, str) for v in value):
        return tuple(value)
    raise EvalSetError(f"{where}: {field} must be a string, a list of strings or null")


def find_manifest(question_set: Path, corpus_dir: Path) -> Path | None:
    """The manifest of a collection: beside its question file, or else in its documents' folder.

    A collection whose documents live elsewhere than its questions (test fixtures reused for an eval) keeps
    its manifest with the documents; without the second place its metadata and chrome went unchecked.
    """
    for folder in (question_set.parent, corpus_dir):
        if (folder / MANIFEST_NAME).is_file():
            return folder / MANIFEST_NAME
    return None


def load_manifest(path: Path) -> list[DocumentRecord]:
    """The documents of a manifest file; fails on the first bad line, naming it."""
    records = []
    for where, row in jsonl_rows(path):
        if not isinstance(row, dict):
            raise EvalSetError(f"{where}: expected a JSON object")
        try:
            date = row["date"]
            record = DocumentRecord(
                file=str(row["file"]),
                id=str(row["id"]),
                titles=_strings(row["title"], "title", where),
                authors=_strings(row["author"], "author", where),
                date=None if date is None else str(date),
                not_text=_strings(row.get("not_text"), "not_text", where),
            )
        except (KeyError, TypeError) as error:
            raise EvalSetError(f"{where}: missing or malformed field {error}") from error
        records.append(record)
    return records

"""Every sentence the parser lays out stands in the judge's independent reading of its file.

The eval judges only the sentences an answer happens to quote; this sweep judges every sentence of every
paragraph, so a fault in a part no question reaches (a reference list, a table of contents, a proof's layer) is
caught too. It covers the formats whose independent reading is exact (tag-blind HTML, cmark-gfm's Markdown, Word's
XML, the text file itself): there no sentence may be missing. PDF is left out: pdftotext's reading order differs
from any layout's on tables and columns, so there a sweep counts faults to work down rather than passing or failing.
"""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path

import pytest

from eval.reference import Reference, normalize, quote_in_reference, reference
from qa.corpus import Article
from qa.sentences import NOTE_MARKER_RE, split_sentences
from qa.settings import PROJECT_ROOT
from tests.parsed import articles

EXACT = (".html", ".md", ".docx", ".txt")
COLLECTIONS = tuple(PROJECT_ROOT / folder for folder in ("corpus", "eval/formats", "eval/real/docs", "tests/data/wild"))
FILES = sorted(
    path
    for folder in COLLECTIONS
    for path in folder.iterdir()
    if path.suffix in EXACT and path.name.lower() != "readme.md"
)


def held_whole(text: str, ref: Reference) -> bool:
    """Whether the reading holds the marker-free paragraph `text` word for word, and so each of its sentences: the
    judge finds a marker-free quote where its normal form (`normalize`) stands in a reading (`quote_in_reference`),
    and a sentence, a stretch of the paragraph from a word's start to a word's end, has a normal form that is a
    stretch of the paragraph's. Most paragraphs stand whole; splitting them (pysbd) was most of the sweep's time."""
    plain = normalize(text)
    return NOTE_MARKER_RE.search(plain) is None and any(plain in page for page in ref.readings)


def missing_sentences(path: Path, parsed: tuple[Article, ...]) -> list[str]:
    """The sentences of `parsed` that the judge does not find in the independent reading of `path`."""
    ref = reference(path)
    return [
        paragraph.text[span.start : span.end]
        for article in parsed
        for paragraph in article.paragraphs
        if not held_whole(paragraph.text, ref)
        for span in split_sentences(paragraph.text)
        if not quote_in_reference(paragraph.text[span.start : span.end], ref)
    ]


def test_the_sweep_covers_every_exact_format() -> None:
    assert {path.suffix for path in FILES} == set(EXACT)


@pytest.mark.parametrize("path", FILES, ids=[path.name for path in FILES])
def test_every_parsed_sentence_stands_in_the_independent_reading(path: Path) -> None:
    assert missing_sentences(path, articles(path)) == []


def test_the_sweep_reports_a_sentence_the_file_does_not_hold() -> None:
    """Negative control: one word joined to the next, as a faulty line-end join would, is reported."""
    path = PROJECT_ROOT / "eval" / "formats" / "border-closures.html"
    first, *rest = articles(path)
    paragraph = first.paragraphs[0]
    assert " " in paragraph.text
    joined = replace(paragraph, text=paragraph.text.replace(" ", "", 1))
    corrupted = replace(first, paragraphs=[joined, *first.paragraphs[1:]])
    assert missing_sentences(path, (corrupted, *rest)) != []

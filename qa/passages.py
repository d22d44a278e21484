"""Which passages of each paragraph get a vector: the paragraph whole, each sentence, each pair of sentences.

all-MiniLM-L6-v2 reads only the first 256 word pieces of a text, so a long paragraph embedded
whole would hide its later sentences. Each paragraph is therefore embedded whole, sentence by
sentence, and as pairs of adjacent sentences; every vector points back to its paragraph, which
stays the unit that is quoted and cited. Headings are not embedded: a heading alone is no answer. A heading
that reads as a statement is the exception (`is_statement`): briefing slides and executive summaries set their
findings as headings ("64 percent of infants were ..."), and such a heading is the only place the finding is said.

Splitting into sentences is the costly part of a build that is not the model's (pysbd is pure Python:
about a second for the bundled corpus), and a paragraph's spans depend on its text alone. So a build
takes the spans of every paragraph the previous build already split from that build's entries, and
splits only new text: an added document costs its own sentences, not the corpus's.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping, Sequence

from embeddings import Entry
from qa.corpus import Article, Paragraph
from qa.sentences import MARKER_RE, Span, split_sentences

PASSAGES_VERSION = "5"
"""Raised whenever the passages cut from the same paragraphs change (2: statement headings are embedded; 3: no
sentence ends at an abbreviation the words after it continue, `qa.sentences`; 4: nor at a one-letter abbreviation
before a number, and a short sentence of plain words after a company's legal form is its own; 5: one ends after a
capital letter between a word in lower case and a sentence's opening word, `vitamin D. Then`), so
that a build made before is rebuilt (`qa.indexing.text_versions`)."""
STATEMENT_WORDS = 6
"""A sentence of at least this many words that ends with a full stop is a statement, not a label."""
_STATEMENT_END_RE = re.compile(r"[.!…][\"'”’)\]]*$")
"""A statement's end: a question mark is left out, since a heading that asks ("What is X?") answers nothing."""


def is_statement(text: str) -> bool:
    """Whether a heading holds a sentence that says something, footnote markers aside.

    Any of its sentences will do: a slide's title and the label of the list under it can come out of a
    layout as one heading ("Two of the 11 studies found lower rates.[17] Mothers receiving packs:").
    """
    return any(_says_something(text[span.start : span.end]) for span in split_sentences(text))


def _says_something(sentence: str) -> bool:
    plain = MARKER_RE.sub("", sentence).rstrip()
    return len(plain.split()) >= STATEMENT_WORDS and _STATEMENT_END_RE.search(plain) is not None


def is_embedded(paragraph: Paragraph) -> bool:
    """Whether a paragraph gets passages: every one but a heading that is only a label."""
    return paragraph.kind != "heading" or is_statement(paragraph.text)


def passage_spans(paragraph: Paragraph) -> list[Span]:
    """The whole paragraph, each sentence, and each pair of neighbouring sentences, deduplicated."""
    sentences = split_sentences(paragraph.text)
    if not sentences:
        return []
    spans = [Span(sentences[0].start, sentences[-1].end)]
    spans += sentences
    spans += [Span(a.start, b.end) for a, b in zip(sentences, sentences[1:], strict=False)]
    return list(dict.fromkeys(spans))


def index_entries(
    articles: Iterable[Article], known: Mapping[str, Sequence[Span]] | None = None
) -> list[tuple[Entry, str]]:
    """Every entry to embed with the text it stands for, in corpus order; `known` gives the spans of paragraph
    texts split before (`known_spans`), which are not split again."""
    known = known or {}
    entries: list[tuple[Entry, str]] = []
    for article in articles:
        for paragraph in article.paragraphs:
            if not is_embedded(paragraph):
                continue
            spans = known.get(paragraph.text)
            for span in passage_spans(paragraph) if spans is None else spans:
                entry = Entry(article.id, paragraph.index, span.start, span.end)
                entries.append((entry, paragraph.text[span.start : span.end]))
    return entries


def known_spans(articles: Iterable[Article], entries: Iterable[Entry]) -> dict[str, tuple[Span, ...]]:
    """The spans a build gave each paragraph text it embedded, from its `entries` (in build order) and the
    `articles` they point into; entries of other articles are passed over.

    Only for a build made with this installation's sentence splitter (the caller checks the versions).
    """
    texts = {(article.id, paragraph.index): paragraph.text for article in articles for paragraph in article.paragraphs}
    by_paragraph: dict[tuple[str, int], list[Span]] = {}
    for entry in entries:
        by_paragraph.setdefault((entry.doc_id, entry.paragraph), []).append(Span(entry.start, entry.end))
    known: dict[str, tuple[Span, ...]] = {}
    for paragraph, spans in by_paragraph.items():
        if (text := texts.get(paragraph)) is not None:  # a text repeated in another paragraph has the same spans
            known.setdefault(text, tuple(spans))
    return known

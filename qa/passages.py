"""Which passages of each paragraph get a vector: the paragraph whole, each sentence, each pair of sentences.

all-MiniLM-L6-v2 reads only the first 256 word pieces of a text, so a long paragraph embedded
whole would hide its later sentences. Each paragraph is therefore embedded whole, sentence by
sentence, and as pairs of adjacent sentences; every vector points back to its paragraph, which
stays the unit that is quoted and cited. Headings are not embedded: a heading alone is no answer.
"""

from __future__ import annotations

from collections.abc import Iterable

from embeddings import Entry
from qa.corpus import Article, Paragraph
from qa.sentences import Span, split_sentences


def passage_spans(paragraph: Paragraph) -> list[Span]:
    """The whole paragraph, each sentence, and each pair of neighbouring sentences, deduplicated."""
    sentences = split_sentences(paragraph.text)
    if not sentences:
        return []
    spans = [Span(sentences[0].start, sentences[-1].end)]
    spans += sentences
    spans += [Span(a.start, b.end) for a, b in zip(sentences, sentences[1:], strict=False)]
    return list(dict.fromkeys(spans))


def index_entries(articles: Iterable[Article]) -> list[tuple[Entry, str]]:
    """Every entry to embed with the text it stands for, in corpus order."""
    entries: list[tuple[Entry, str]] = []
    for article in articles:
        for paragraph in article.paragraphs:
            if paragraph.kind == "heading":
                continue
            for span in passage_spans(paragraph):
                entry = Entry(article.id, paragraph.index, span.start, span.end)
                entries.append((entry, paragraph.text[span.start : span.end]))
    return entries

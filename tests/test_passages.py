"""A build splits only new text into sentences: spans of paragraphs split before come from the last build."""

from __future__ import annotations

import pytest

from qa.corpus import Article
from qa.indexing import load_corpus
from qa.passages import index_entries, known_spans
from qa.sentences import Span
from qa.settings import PROJECT_ROOT


@pytest.fixture(scope="module")
def articles() -> list[Article]:
    return load_corpus(PROJECT_ROOT / "corpus")[0]


def test_spans_known_from_a_build_give_the_entries_a_fresh_split_gives(articles: list[Article]) -> None:
    fresh = index_entries(articles)
    known = known_spans(articles, [entry for entry, _ in fresh])
    assert index_entries(articles, known) == fresh


def test_a_known_paragraph_text_is_not_split_again(articles: list[Article]) -> None:
    paragraph = next(p for p in articles[0].paragraphs if p.kind != "heading")
    entries = index_entries(articles[:1], {paragraph.text: (Span(0, 5),)})
    assert [(e.start, e.end, text) for e, text in entries if e.paragraph == paragraph.index] == [
        (0, 5, paragraph.text[:5])
    ]


def test_entries_of_articles_not_given_are_passed_over(articles: list[Article]) -> None:
    entries = [entry for entry, _ in index_entries(articles)]
    known = known_spans(articles[:1], entries)
    assert set(known) == {p.text for p in articles[0].paragraphs if p.kind != "heading"}

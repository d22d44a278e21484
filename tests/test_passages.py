"""A build splits only new text into sentences: spans of paragraphs split before come from the last build."""

from __future__ import annotations

import pytest

from qa.corpus import Article, Paragraph
from qa.indexing import load_corpus
from qa.passages import context_of, index_entries, is_embedded, known_spans, lexical_texts
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
    context = context_of(articles[0], paragraph)
    assert [(e.start, e.end, text) for e, text in entries if e.paragraph == paragraph.index] == [
        (0, 5, paragraph.text[:5]),
        (0, 5, f"{context} {paragraph.text[:5]}"),
    ]


def test_entries_of_articles_not_given_are_passed_over(articles: list[Article]) -> None:
    entries = [entry for entry, _ in index_entries(articles)]
    known = known_spans(articles[:1], entries)
    assert set(known) == {p.text for p in articles[0].paragraphs if p.kind != "heading"}


def _heading(text: str) -> Paragraph:
    return Paragraph(1, text, 0, kind="heading")


def test_a_heading_written_as_a_finding_is_embedded() -> None:
    # A briefing slide's title carries its finding; nothing else in the document says it.
    heading = _heading("64 percent of WIC infants had ever been breastfed, compared to 78 percent of non-WIC infants.")
    entries = index_entries([Article("slides", None, None, None, "slides.pdf", (heading,))])
    assert [text for _, text in entries] == [heading.text]


def test_a_heading_holding_a_finding_and_a_label_is_embedded() -> None:
    assert is_embedded(_heading("Two of the 11 studies found lower breastfeeding rates.[17] Mothers receiving packs:"))


def test_a_heading_that_is_a_label_is_not_embedded() -> None:
    assert not is_embedded(_heading("Requirements payments program"))


def test_a_heading_that_asks_a_question_is_not_embedded() -> None:
    assert not is_embedded(_heading("What Do Governance Indicators Measure in the Index?"))


def test_a_short_heading_ending_in_a_full_stop_is_not_embedded() -> None:
    assert not is_embedded(_heading("AMÉRICA MÓVIL, S.A.B. DE C.V."))


def test_a_paragraph_is_also_an_entry_read_after_its_document_s_title_and_its_heading() -> None:
    paragraph = Paragraph(2, "Minor releases are branched every four months.", 0, section="Minor releases")
    entries = index_entries([Article("post", "Julia’s Release Process", None, None, "post.html", (paragraph,))])
    assert [text for _, text in entries] == [
        paragraph.text,
        "Julia’s Release Process. Minor releases. Minor releases are branched every four months.",
    ]
    assert len({(e.start, e.end) for e, _ in entries}) == 1


def test_a_title_or_heading_ending_in_punctuation_gets_no_full_stop_of_its_own() -> None:
    paragraph = Paragraph(2, "It is branched every four months.", 0, section="How often?")
    assert context_of(Article("post", "Releases: a guide", None, None, "p.md", (paragraph,)), paragraph) == (
        "Releases: a guide. How often?"
    )


def test_a_heading_that_repeats_the_title_is_read_once() -> None:
    paragraph = Paragraph(2, "It is branched every four months.", 0, section="Releases")
    assert context_of(Article("post", "Releases", None, None, "p.md", (paragraph,)), paragraph) == "Releases."


def test_a_paragraph_under_no_title_or_heading_has_no_entry_in_context() -> None:
    paragraph = Paragraph(1, "Minor releases are branched every four months.", 0)
    entries = index_entries([Article("post", None, None, None, "post.txt", (paragraph,))])
    assert [text for _, text in entries] == [paragraph.text]


def test_bm25_reads_only_the_paragraph_s_own_words_of_its_entry_in_context() -> None:
    paragraph = Paragraph(2, "Minor releases are branched every four months.", 0, section="Minor releases")
    articles = [Article("post", "Julia’s Release Process", None, None, "post.html", (paragraph,))]
    assert lexical_texts(articles, index_entries(articles)) == [paragraph.text, paragraph.text]

"""For any question and any passage, the composer only quotes the passage and only cites what it quotes."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from qa.compose import Answer, Composer, Quote, cite, select_quotes, sentence_terms, sentences_of
from qa.corpus import Article, Paragraph
from qa.decision import Decision
from qa.passages import passage_spans
from qa.retrieve import Hit, ScoredSpan
from qa.sentences import find_markers, split_sentences
from qa.terms import terms

EXAMPLES = settings(max_examples=150, deadline=None, derandomize=True)

words = st.sampled_from(
    ["North", "Korea", "U.N.", "Dr.", "camps", "It", "This", "e.g.", "p.10", "“quoted”", "ß", "世界", "", "\u200b"]
)
punctuation = st.sampled_from([".", "!", "?", ".”", ".)", "…", ",", ";", " - ", "\n", "  ", "[", "]"])
markers = st.integers(min_value=0, max_value=999).map(lambda n: f"[{n}]")
passages = st.lists(st.one_of(words, punctuation, markers, st.text(max_size=8)), max_size=60).map(" ".join)
questions = st.text(max_size=200)
scores = st.floats(min_value=-1.0, max_value=2.0, allow_nan=False)


def article_with(text: str, notes: dict[int, str]) -> tuple[Article, Paragraph]:
    paragraph = Paragraph(1, text, 0)
    return Article("doc-1", "Title", None, None, "doc.txt", (paragraph,), notes), paragraph


@st.composite
def hits(draw: st.DrawFn) -> Hit:
    """A retrieved passage scored the way the retriever scores one: every indexed stretch of it gets a score."""
    text = draw(passages)
    notes = draw(st.dictionaries(st.integers(0, 999), st.text(min_size=1, max_size=20), max_size=5))
    article, paragraph = article_with(text, notes)
    spans = tuple(ScoredSpan(span, draw(scores)) for span in passage_spans(paragraph))
    return Hit(article, paragraph, max((s.score for s in spans), default=0.0), 1, spans)


def assert_verbatim(text: str, quotes: tuple[Quote, ...]) -> None:
    for quote in quotes:
        assert quote.text
        assert text[quote.start : quote.end] == quote.text


@EXAMPLES
@given(text=passages, data=st.data())
def test_every_selected_quote_is_a_verbatim_slice_of_its_passage(text: str, data: st.DataObject) -> None:
    _, paragraph = article_with(text, {})
    spans = [ScoredSpan(span, data.draw(scores)) for span in passage_spans(paragraph)]
    assert_verbatim(text, select_quotes(text, spans))


@EXAMPLES
@given(text=passages, data=st.data())
def test_exactly_the_markers_inside_the_quotes_are_cited(text: str, data: st.DataObject) -> None:
    article, paragraph = article_with(text, data.draw(st.dictionaries(st.integers(0, 999), st.text(max_size=9))))
    spans = [ScoredSpan(span, data.draw(scores)) for span in passage_spans(paragraph)]
    quotes = select_quotes(text, spans)
    inside = [m.number for m in find_markers(text) if any(q.start <= m.start and m.end <= q.end for q in quotes)]
    citations = cite(article, paragraph, quotes)
    assert [c.number for c in citations] == list(dict.fromkeys(inside))
    assert all(c.text == article.footnote(c.number) for c in citations)


@EXAMPLES
@given(question=questions, found=st.lists(hits(), max_size=3), threshold=scores)
def test_any_composed_answer_quotes_verbatim_and_cites_only_quoted_markers(
    question: str, found: list[Hit], threshold: float
) -> None:
    answer: Answer = Composer(Decision.load().at(threshold)).compose(question, found)
    for source in answer.sources + answer.nearest:
        text = source.paragraph.text
        assert_verbatim(text, source.quotes)
        for citation in source.footnotes:
            assert any(f"[{citation.number}]" in quote.text for quote in source.quotes)
    assert answer.question == question


@EXAMPLES
@given(text=passages)
def test_quotes_are_cut_from_exactly_the_sentences_the_index_split(text: str) -> None:
    _, paragraph = article_with(text, {})
    indexed = [ScoredSpan(span, 0.0) for span in passage_spans(paragraph)]
    assert sentences_of(indexed) == split_sentences(text)


@EXAMPLES
@given(passages)
def test_the_terms_of_sentences_quoted_together_are_the_union_of_each_sentences_terms(text: str) -> None:
    sentences = [text[span.start : span.end] for span in split_sentences(text)]
    assert frozenset().union(*map(sentence_terms, sentences)) == terms(" ".join(sentences))

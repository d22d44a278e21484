"""A note's text is a passage of the sentence citing it; an answer found through it quotes that sentence and cites
the note; the judge counts evidence in a note the quote cites, and only there."""

from __future__ import annotations

from eval.dataset import Question
from eval.metrics import evidence_rank, judge
from eval.reference import reference
from qa.compose import Answer, Quote, Source, cite, select_quotes
from qa.corpus import Article, Paragraph
from qa.passages import NOTE_WORDS, context_of, index_entries, known_spans, passage_spans, sentence_spans
from qa.retrieve import Hit, ScoredSpan, note_offsets
from qa.sentences import Span
from qa.settings import PROJECT_ROOT
from tests.parsed import articles

WILD = PROJECT_ROOT / "tests" / "data" / "wild"
ESSAYS = WILD / "gutenberg-macdowell-critical-historical-essays.txt"
FOLK_LORE = WILD / "gutenberg-fewkes-passamaquoddy-folk-lore.txt"
REVIEW = WILD / "o2r-2020-reproducible-research-review-v2.docx"


def _article(path: object) -> Article:
    (article,) = articles(path)
    return article


def _citing(article: Article, number: int) -> Paragraph:
    return next(p for p in article.paragraphs if any(m.number == number for m in p.markers))


def _sentence_holding(paragraph: Paragraph, number: int) -> tuple[int, int]:
    marker = next(m for m in paragraph.markers if m.number == number)
    sentences = sentence_spans(passage_spans(paragraph))
    return next((s.start, s.end) for s in sentences if s.start <= marker.start and marker.end <= s.end)


def test_a_cited_note_is_a_passage_of_the_sentence_citing_it() -> None:
    essays = _article(ESSAYS)
    paragraph = _citing(essays, 10)
    found = [
        (e.paragraph, e.start, e.end) for e, text in index_entries([essays]) if text == essays.footnotes[10].strip()
    ]
    assert found == [(paragraph.index, *_sentence_holding(paragraph, 10))]
    assert "Counterpoint is first mentioned by Muris (1300)." == essays.footnotes[10].strip()


def test_a_note_of_fewer_words_than_a_statement_gets_no_passage() -> None:
    folk_lore = _article(FOLK_LORE)
    short = folk_lore.footnotes[31]
    assert len(short.split()) < NOTE_WORDS
    assert short.strip() not in {text for _, text in index_entries([folk_lore])}


def test_spans_known_from_a_build_with_note_passages_give_the_same_entries() -> None:
    folk_lore = _article(FOLK_LORE)
    fresh = index_entries([folk_lore])
    known = known_spans([folk_lore], [entry for entry, _ in fresh])
    assert index_entries([folk_lore], known) == fresh


def test_a_sentence_citing_a_note_is_quoted_for_the_better_of_its_two_scores() -> None:
    essays = _article(ESSAYS)
    paragraph = _citing(essays, 10)
    start, end = _sentence_holding(paragraph, 10)
    spans = [ScoredSpan(span, 0.2) for span in passage_spans(paragraph)]
    note_entry = next(s for s in spans if (s.span.start, s.span.end) == (start, end))
    quotes = select_quotes(paragraph.text, [*spans, ScoredSpan(note_entry.span, 0.9)])
    assert [(q.start, q.end) for q in quotes] == [(start, end)]
    assert [c.number for c in cite(essays, paragraph, quotes)] == [10]


def _source(article: Article, paragraph: Paragraph, start: int, end: int) -> Source:
    quotes = (Quote(paragraph.text[start:end], start, end),)
    return Source(1, 0.9, article, paragraph, quotes, cite(article, paragraph, quotes))


def _note_question(article: Article, number: int) -> Question:
    evidence = " ".join(article.footnotes[number].split()[:10])
    return Question("n", "dev", "What does the note say?", True, (evidence,), ())


def test_evidence_in_a_note_the_quote_cites_supports_the_answer() -> None:
    review = _article(REVIEW)
    paragraph = _citing(review, 3)
    source = _source(review, paragraph, *_sentence_holding(paragraph, 3))
    verdict = judge(_note_question(review, 3), [], Answer("q", False, "", (source,)), {review.id: reference(REVIEW)})
    assert 3 in [c.number for c in source.footnotes]
    assert verdict.supported


def test_evidence_in_a_note_the_paragraph_cites_outside_the_quote_supports_nothing() -> None:
    review = _article(REVIEW)
    paragraph = _citing(review, 3)
    marker = next(m for m in paragraph.markers if m.number == 3)
    after = next(s for s in sentence_spans(passage_spans(paragraph)) if s.start > marker.end)
    source = _source(review, paragraph, after.start, after.end)
    verdict = judge(_note_question(review, 3), [], Answer("q", False, "", (source,)), {review.id: reference(REVIEW)})
    assert 3 not in [c.number for c in source.footnotes]
    assert not verdict.supported


def test_a_paragraph_citing_a_note_that_holds_the_evidence_ranks_as_holding_it() -> None:
    review = _article(REVIEW)
    citing = _citing(review, 3)
    other = next(p for p in review.paragraphs if p.kind == "text" and not p.markers)
    hits = [Hit(review, paragraph, 0.5, rank, ()) for rank, paragraph in enumerate((other, citing), start=1)]
    question = _note_question(review, 3)
    assert evidence_rank(question, hits) == 2
    assert evidence_rank(question, hits[:1]) is None


def test_a_notes_entry_is_told_apart_from_the_sentence_whose_span_it_repeats() -> None:
    essays = _article(ESSAYS)
    paragraph = _citing(essays, 10)
    entries = [(Span(e.start, e.end), text) for e, text in index_entries([essays]) if e.paragraph == paragraph.index]
    notes = {text.strip() for _, text in essays.footnote_list()}
    offsets = note_offsets([span for span, _ in entries], bool(context_of(essays, paragraph)))
    assert offsets == {i for i, (_, text) in enumerate(entries) if text in notes}
    assert offsets


def test_a_paragraph_s_entry_read_in_context_is_not_a_note_s_though_it_repeats_a_span() -> None:
    essays = _article(ESSAYS)
    paragraph = _citing(essays, 10)
    entries = [(Span(e.start, e.end), text) for e, text in index_entries([essays]) if e.paragraph == paragraph.index]
    in_context = next(i for i, (_, text) in enumerate(entries) if text.startswith(context_of(essays, paragraph)))
    assert entries[in_context][0] == entries[0][0]
    assert in_context not in note_offsets([span for span, _ in entries], contextual=True)

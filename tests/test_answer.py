"""Answers quote verbatim, cite only the notes whose markers they quote, and abstain when they must."""

from __future__ import annotations

from qa import Assistant
from qa.compose import Composer, Quote, Source, context, select_quotes, sentences_of
from qa.corpus import Article, Paragraph
from qa.decision import Decision
from qa.retrieve import Hit, ScoredSpan
from qa.sentences import Span
from tests import parsed

G8 = "What did the G8 urge North Korea to do?"
G8_SENTENCE = (
    "for the first time urged North Korea to address international concerns about its human rights violations,[11]"
)


def test_g8_question_quotes_the_g8_sentence_with_footnote_11(assistant: Assistant) -> None:
    answer = assistant.ask(G8)
    top = answer.sources[0]
    assert not answer.abstained
    assert top.article.title == "A Human Rights Dialogue with North Korea: Real or Illusory?"
    assert any(G8_SENTENCE in quote.text for quote in top.quotes)
    assert (11, "G8 Final Communique, Lough Erne, 2013, para. 93.") in [(c.number, c.text) for c in top.footnotes]
    assert "[11] G8 Final Communique, Lough Erne, 2013, para. 93." in answer.text


def test_every_quote_is_a_slice_of_its_paragraph(assistant: Assistant) -> None:
    answer = assistant.ask("How many Americans has North Korea detained?", k=5)
    for source in answer.sources:
        for quote in source.quotes:
            assert source.paragraph.text[quote.start : quote.end] == quote.text


def test_only_markers_inside_the_quotes_are_cited(assistant: Assistant) -> None:
    answer = assistant.ask(G8)
    for source in answer.sources:
        quoted = "".join(q.text for q in source.quotes)
        assert all(f"[{c.number}]" in quoted for c in source.footnotes)


def test_rendered_answer_names_title_author_date_and_paragraph(assistant: Assistant) -> None:
    text = assistant.ask(G8).text
    assert (
        "A Human Rights Dialogue with North Korea: Real or Illusory?. Roberta Cohen, HRNK Co-Chair, 2014-10-16" in text
    )
    assert "Paragraph 6 (hrnk-articles-by-board-members-fellows-and-staff.txt)" in text


def test_unknown_author_and_date_are_said_not_invented(assistant: Assistant) -> None:
    answer = assistant.ask("What should the US insist on regarding access for the UN Special Rapporteur?")
    source = answer.sources[0]
    assert source.article.author is None
    assert "Author unknown, date unknown" in answer.text


def test_off_topic_question_abstains(assistant: Assistant) -> None:
    answer = assistant.ask("What is the recipe for a classic French omelette?")
    assert answer.abstained
    assert answer.sources == ()
    assert answer.text.startswith("The documents do not answer this question.")
    assert "Nearest passages (not an answer):" in answer.text


PRONOUN_TEXT = "The camps hold 120,000 people. They are brutally treated. Unrelated closing words here."
PRONOUN_SPANS = [ScoredSpan(Span(0, 30), 0.1), ScoredSpan(Span(31, 57), 0.9), ScoredSpan(Span(58, 87), 0.0)]


def test_a_quote_is_the_answering_sentence_alone() -> None:
    assert [q.text for q in select_quotes(PRONOUN_TEXT, PRONOUN_SPANS)] == ["They are brutally treated."]


def test_the_sentence_a_pronoun_leans_on_is_context_not_quotation() -> None:
    quotes = select_quotes(PRONOUN_TEXT, PRONOUN_SPANS)
    before, after = context(PRONOUN_TEXT, sentences_of(PRONOUN_SPANS), quotes)
    assert (before.text, after.text) == ("The camps hold 120,000 people.", "Unrelated closing words here.")


def test_passage_quotes_bring_the_sentence_a_pronoun_leans_on() -> None:
    quotes = select_quotes(PRONOUN_TEXT, PRONOUN_SPANS, "passage")
    assert [q.text for q in quotes] == ["The camps hold 120,000 people. They are brutally treated."]


def test_a_pair_is_quoted_only_when_it_clearly_beats_each_sentence() -> None:
    text = "Alpha is first. Beta is second. Gamma is third."
    pair = ScoredSpan(Span(0, 31), 0.9)
    close = [ScoredSpan(Span(0, 15), 0.88), ScoredSpan(Span(16, 31), 0.1), pair]
    clear = [ScoredSpan(Span(0, 15), 0.8), ScoredSpan(Span(16, 31), 0.75), pair]
    assert [q.text for q in select_quotes(text, close)] == ["Alpha is first."]
    assert [q.text for q in select_quotes(text, clear)] == ["Alpha is first. Beta is second."]


def test_a_how_many_question_quotes_the_nearly_best_sentence_that_gives_a_number() -> None:
    text = "He was groomed to succeed his father. The grooming went on for twenty years."
    spans = [ScoredSpan(Span(0, 37), 0.97), ScoredSpan(Span(38, 76), 0.6), ScoredSpan(Span(0, 76), 0.96)]
    assert [q.text for q in select_quotes(text, spans, question="How long was he groomed?")] == [text]
    assert [q.text for q in select_quotes(text, spans, question="Who groomed him?")] == [text[:37]]


def test_non_adjacent_sentences_become_separate_pieces_of_a_passage_quote() -> None:
    text = "Alpha is first. Beta is second. Gamma is third."
    spans = [ScoredSpan(Span(0, 15), 0.9), ScoredSpan(Span(16, 31), 0.0), ScoredSpan(Span(32, 47), 0.88)]
    assert [q.text for q in select_quotes(text, spans, "passage")] == ["Alpha is first.", "Gamma is third."]


def test_an_answer_quotes_only_sources_close_to_the_best_and_lists_the_others_as_nearest(
    assistant: Assistant,
) -> None:
    answer = assistant.ask(G8, k=3)
    best = answer.sources[0].score
    margin = assistant.composer.source_margin
    assert [s.rank for s in answer.sources + answer.nearest] == [1, 2, 3]
    assert all(s.score >= best - margin for s in answer.sources)
    assert answer.nearest and all(s.score < best - margin for s in answer.nearest)
    assert "Nearest passages" not in answer.text


def test_the_first_ranked_source_is_the_answer_even_where_a_later_one_scores_higher(north38: Article) -> None:
    """Ranking weighs more than the score (BM25 agreement, the retriever's own order), and the decision is taken
    on the first-ranked source: the answer quotes that one, not the one with the highest score."""
    paragraph = north38.paragraphs[0]
    sources = [
        Source(rank, score, north38, paragraph, (), (), coverage=coverage)
        for rank, score, coverage in [(1, 0.70, 0.6), (2, 0.80, 0.3)]
    ]
    strong, weak = Composer(Decision.load()).strong("What did the report say?", sources)
    assert ([s.rank for s in strong], [s.rank for s in weak]) == ([1], [2])


def test_a_source_holding_less_of_the_question_than_the_best_is_a_nearest_passage(north38: Article) -> None:
    """Close in score is not enough: a paragraph lacking rare question words the best one holds is about else."""
    paragraph = north38.paragraphs[0]
    sources = [
        Source(rank, score, north38, paragraph, (), (), coverage=coverage)
        for rank, score, coverage in [(1, 0.80, 0.6), (2, 0.79, 0.3), (3, 0.78, 0.7)]
    ]
    strong, weak = Composer(Decision.load(), source_margin=0.1).strong("What did the report say?", sources)
    assert ([s.rank for s in strong], [s.rank for s in weak]) == ([1, 3], [2])


def test_by_default_a_source_scoring_under_the_best_is_a_nearest_passage(north38: Article) -> None:
    """k is the most sources, not a quota: a neighbour two hundredths under the best is not a second answer."""
    paragraph = north38.paragraphs[0]
    sources = [Source(rank, score, north38, paragraph, (), (), coverage=0.6) for rank, score in [(1, 0.80), (2, 0.78)]]
    strong, weak = Composer(Decision.load()).strong("What did the report say?", sources)
    assert ([s.rank for s in strong], [s.rank for s in weak]) == ([1], [2])


def test_a_further_source_that_would_not_answer_on_its_own_is_a_nearest_passage(north38: Article) -> None:
    """A second source quoting no number for a "how many" question is no answer to it, however close its score."""
    paragraph = north38.paragraphs[0]
    quote = Quote(paragraph.text[:20], 0, 20)
    with_number = Quote("3", 0, 1)
    sources = [
        Source(1, 0.80, north38, paragraph, (with_number,), (), coverage=0.6),
        Source(2, 0.80, north38, paragraph, (quote,), (), coverage=0.6),
    ]
    strong, weak = Composer(Decision.load()).strong("How many were held?", sources)
    assert ([s.rank for s in strong], [s.rank for s in weak]) == ([1], [2])


def _lone_hit(text: str) -> Hit:
    paragraph = Paragraph(1, text, 0)
    article = Article("report-1", "Report", None, None, "report.txt", (paragraph,))
    return Hit(article, paragraph, 0.95, 1, (ScoredSpan(Span(0, len(text)), 0.95),), coverage=1.0)


def test_a_best_quote_of_one_or_two_words_is_a_label_not_an_answer() -> None:
    question = "What happened to the annual budget of the ministry?"
    composer = Composer(Decision.load())
    assert composer.compose(question, [_lone_hit("Annual budget")]).abstained
    assert not composer.compose(question, [_lone_hit("The annual budget of the ministry was cut.")]).abstained


def _ranked_hit(text: str, rank: int, score: float) -> Hit:
    paragraph = Paragraph(rank, text, 0)
    article = Article("report-1", "Report", None, None, "report.txt", (paragraph,))
    return Hit(article, paragraph, score, rank, (ScoredSpan(Span(0, len(text)), score),), coverage=1.0)


def test_when_the_first_source_gives_no_date_the_answer_is_the_next_one_giving_the_date_asked() -> None:
    """A neighbour on the same subject ranked first without the date asked for is shown as a nearest passage, and
    the paragraph giving the date answers (the decision confident in it)."""
    hits = [
        _ranked_hit("This version of the annual report is the final draft before publication.", 1, 0.95),
        _ranked_hit("The last version of the annual report was published in 2015.", 2, 0.93),
    ]
    answer = Composer(Decision.load()).compose("When was the previous annual report published?", hits)
    assert not answer.abstained
    assert ([s.rank for s in answer.sources], [s.rank for s in answer.nearest]) == ([2], [1])


def _nep_sources(lead_in: str) -> list[Source]:
    """NEP 0's paragraphs 22 to 24 as ranked for "What status does a new NEP start with?" (dense scores and rare-term
    weight as measured): the lead-in to the list of statuses first, the list's last item second, its first third.
    `lead_in` is the text quoted from the first."""
    nep = parsed.article(parsed.WILD / "numpy-nep-0000-purpose-and-process.html")
    first, item, later = (nep.paragraphs[i - 1] for i in (22, 23, 24))
    start = first.text.index(lead_in)
    return [
        Source(1, 0.912, nep, first, (Quote(lead_in, start, start + len(lead_in)),), (), coverage=0.571),
        Source(2, 0.879, nep, later, (Quote(later.text[:120], 0, 120),), (), coverage=0.571),
        Source(3, 0.814, nep, item, (Quote(item.text, 0, len(item.text)),), (), coverage=0.571),
    ]


def test_the_paragraph_after_a_quote_ending_in_a_colon_is_quoted_with_it_whatever_its_score() -> None:
    """A lead-in ("... are as follows:") announces the next paragraph, which says what was asked."""
    sources = _nep_sources("The possible paths of the status of NEPs are as follows:")
    strong, weak = Composer(Decision.load()).strong("What status does a new NEP start with?", sources)
    assert ([s.rank for s in strong], [s.rank for s in weak]) == ([1, 3], [2])
    assert strong[1].paragraph.text == "All NEPs should be created with the Draft status."


def test_a_quote_announcing_nothing_leaves_the_next_paragraph_among_the_nearest() -> None:
    sources = _nep_sources("NEPs are discussed on the mailing list.")
    strong, weak = Composer(Decision.load()).strong("What status does a new NEP start with?", sources)
    assert ([s.rank for s in strong], [s.rank for s in weak]) == ([1], [2, 3])


def test_by_default_a_source_within_a_hundredth_of_the_best_holding_as_much_of_the_question_is_quoted(
    north38: Article,
) -> None:
    """Paragraphs on one topic score within hundredths of each other: a second one less than a hundredth under the
    best, holding as much of the question's rare-term weight, is as good an answer."""
    paragraph = north38.paragraphs[0]
    sources = [
        Source(rank, score, north38, paragraph, (), (), coverage=coverage)
        for rank, score, coverage in [(1, 0.800, 0.6), (2, 0.792, 0.6), (3, 0.792, 0.5)]
    ]
    strong, weak = Composer(Decision.load()).strong("What did the report say?", sources)
    assert ([s.rank for s in strong], [s.rank for s in weak]) == ([1, 2], [3])


def test_a_how_many_question_is_not_answered_by_a_paragraph_counting_something_else() -> None:
    paragraph = (
        "Creative Commons Affiliate Network includes over 500 researchers, activists, legal, education and policy "
        "advocates, and volunteers who serve as CC representatives in over 85 countries."
    )
    composer = Composer(Decision.load())
    assert composer.compose("How many staff does the network employ?", [_lone_hit(paragraph)]).abstained
    assert not composer.compose("How many researchers does the network include?", [_lone_hit(paragraph)]).abstained

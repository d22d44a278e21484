"""Answers quote verbatim, cite only the notes whose markers they quote, and abstain when they must."""

from __future__ import annotations

from qa import Assistant
from qa.compose import select_quotes
from qa.retrieve import ScoredSpan
from qa.sentences import Span

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


def test_pronoun_sentence_brings_the_sentence_it_leans_on() -> None:
    text = "The camps hold 120,000 people. They are brutally treated. Unrelated closing words here."
    spans = [ScoredSpan(Span(0, 30), 0.1), ScoredSpan(Span(31, 57), 0.9), ScoredSpan(Span(58, 87), 0.0)]
    quotes = select_quotes(text, spans)
    assert [q.text for q in quotes] == ["The camps hold 120,000 people. They are brutally treated."]


def test_non_adjacent_sentences_become_separate_pieces() -> None:
    text = "Alpha is first. Beta is second. Gamma is third."
    spans = [ScoredSpan(Span(0, 15), 0.9), ScoredSpan(Span(16, 31), 0.0), ScoredSpan(Span(32, 47), 0.88)]
    assert [q.text for q in select_quotes(text, spans)] == ["Alpha is first.", "Gamma is third."]

"""A quote gives the kind of answer asked for when a note it cites gives it in words about the question."""

from __future__ import annotations

from qa.answer_type import gives_answer_type
from qa.compose import Quote, Source, cite, gives_answer_type_with_notes
from qa.settings import PROJECT_ROOT
from tests.parsed import articles

ESSAYS = PROJECT_ROOT / "tests" / "data" / "wild" / "gutenberg-macdowell-critical-historical-essays.txt"


def _source_citing_note_10() -> Source:
    """The essays' words on singing "note against note", quoted with the marker [10] and no number of their own;
    the note dates the first mention of counterpoint."""
    (article,) = articles(ESSAYS)
    paragraph = next(p for p in article.paragraphs if "note against note" in p.text)
    start = paragraph.text.index('"note against note,"')
    end = paragraph.text.index(".", paragraph.text.index("[10]")) + 1
    quotes = (Quote(paragraph.text[start:end], start, end),)
    return Source(1, 0.77, article, paragraph, quotes, cite(article, paragraph, quotes))


def test_a_note_the_quote_cites_gives_the_date_the_quote_lacks() -> None:
    source = _source_citing_note_10()
    question = "When was counterpoint first named?"
    assert [note.text for note in source.footnotes] == ["Counterpoint is first mentioned by Muris (1300)."]
    assert not gives_answer_type(source.quotes[0].text, question)
    assert gives_answer_type_with_notes(source, question)


def test_a_note_with_a_date_about_something_else_gives_no_date() -> None:
    assert not gives_answer_type_with_notes(_source_citing_note_10(), "When did the voices stop moving in parallel?")


def test_a_number_in_a_note_is_no_count() -> None:
    assert not gives_answer_type_with_notes(_source_citing_note_10(), "How many writers first mentioned counterpoint?")

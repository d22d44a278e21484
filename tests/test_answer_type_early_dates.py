"""A date before 1500 answers a "when" question where its form says it is a year, and never where it counts."""

from __future__ import annotations

from pathlib import Path

from qa.answer_type import gives_answer_type, marks

WILD = Path(__file__).parent / "data" / "wild"
ESSAYS = WILD / "gutenberg-macdowell-critical-historical-essays.txt"


def _paragraph(path: Path, words: str) -> str:
    """The paragraph (lines between blank lines) of a plain-text file that holds `words`, its lines joined."""
    text = path.read_text(encoding="utf-8", errors="replace").replace("\r", "")
    return next(" ".join(block.split()) for block in text.split("\n\n") if words in " ".join(block.split()))


def _marked(text: str, question: str) -> list[str]:
    return [text[span.start : span.end] for span in marks(text, question)]


def test_a_year_in_brackets_after_a_name_is_a_date() -> None:
    note = _paragraph(ESSAYS, "first mentioned by Muris")
    assert _marked(note, "When was counterpoint first described?") == ["1300"]


def test_a_life_in_brackets_is_a_date() -> None:
    paragraph = _paragraph(ESSAYS, "Hucbald (840-930) was a monk")
    assert _marked(paragraph, "When did the monk of St. Armand live?") == ["840-930"]


def test_a_year_with_its_era_is_a_date() -> None:
    paragraph = _paragraph(ESSAYS, "(300 B.C.) and his school applying")
    assert "300 B.C." in _marked(paragraph, "When did the school apply mathematics to music?")


def test_a_century_in_words_is_a_date() -> None:
    paragraph = _paragraph(ESSAYS, "Duple time did not come into general use")
    assert gives_answer_type(paragraph, "When did duple time come into general use?")
    assert "fourteenth century" in _marked(paragraph, "When did duple time come into general use?")


def test_a_year_after_in_with_no_noun_after_it_is_a_date() -> None:
    paragraph = _paragraph(ESSAYS, "We first hear of Walther")
    assert "1200" in _marked(paragraph, "When do we first hear of the poet?")


def test_a_lone_three_digit_number_in_brackets_is_no_date() -> None:
    text = (WILD / "ietf-rfc2616-http11.txt").read_text(encoding="utf-8")
    line = next(line for line in text.splitlines() if "DEL (127)" in line)
    assert not gives_answer_type(line, "When was the control character defined?")


def test_a_quantity_question_still_reads_the_amount_beside_a_year_in_brackets() -> None:
    line = next(
        line
        for line in (WILD / "gutenberg-paine-writings-vol2.txt").read_text(encoding="utf-8").splitlines()
        if "from the conquest (1166)" in line
    )
    assert "200,000" in _marked(line, "How much were the annual taxes 100 years after the conquest?")

"""Sentence spans keep footnote markers with the sentence they close."""

from qa.sentences import split_sentences


def sentences(text: str) -> list[str]:
    return [text[s.start : s.end] for s in split_sentences(text)]


def test_glued_marker_closes_the_sentence_before_it() -> None:
    text = "It avoids reforms for political reasons.[14]These findings no doubt contributed."
    assert sentences(text) == ["It avoids reforms for political reasons.[14]", "These findings no doubt contributed."]


def test_markers_after_closing_quote_stay_with_their_sentence() -> None:
    text = "He called it “hostile to it.”[1] The Party offered talks.[2],[3] Then nothing."
    assert sentences(text) == ["He called it “hostile to it.”[1]", "The Party offered talks.[2],[3]", "Then nothing."]


def test_initials_and_abbreviations_do_not_end_sentences() -> None:
    text = "See Joel S. Wit and the U.S. position in para. 93 of the report. Next one."
    assert sentences(text) == ["See Joel S. Wit and the U.S. position in para. 93 of the report.", "Next one."]

"""Cutting source text into pieces for the pages: highlighting never changes a quotation."""

from __future__ import annotations

import pytest

from qa.sentences import Span, note_key
from web.markup import Piece, answer_marks, first_markers, linkify, parse_highlights, pieces, quoted_runs

QUOTE = "the first time urged North Korea to address international concerns,[11] while the camps.[12]"


def test_pieces_join_back_to_the_exact_quotation() -> None:
    marked = answer_marks(QUOTE, "What did the G8 urge North Korea to do?")
    assert "".join(p.text for p in pieces(QUOTE, marked)) == QUOTE


def test_a_question_asking_for_no_number_or_date_marks_the_whole_answering_sentence() -> None:
    marked = [(p.kind, p.text) for p in pieces(QUOTE, answer_marks(QUOTE, "Who urges North Korea about camps?"))]
    assert marked == [
        ("answer", "the first time urged North Korea to address international concerns,"),
        ("marker", "[11]"),
        ("answer", " while the camps."),
        ("marker", "[12]"),
    ]


def test_a_how_many_question_marks_the_number_and_not_the_footnote_markers() -> None:
    text = "Some 120,000 people are held in four camps.[7]"
    marked = [p.text for p in pieces(text, answer_marks(text, "How many people are held?")) if p.kind == "answer"]
    assert marked == ["120,000", "four"]


def test_footnote_markers_become_numbered_pieces() -> None:
    markers = [(p.text, p.number) for p in pieces(QUOTE) if p.kind == "marker"]
    assert markers == [("[11]", 11), ("[12]", 12)]


def test_quoted_runs_cut_a_paragraph_exactly_at_the_quoted_spans() -> None:
    runs = quoted_runs("One. Two.[3] Three.", [Span(5, 12)])
    assert [(run.quoted, "".join(p.text for p in run.pieces)) for run in runs] == [
        (False, "One. "),
        (True, "Two.[3]"),
        (False, " Three."),
    ]


def test_a_bracketed_number_the_source_prints_as_words_is_text_not_a_marker_on_the_page() -> None:
    """ "merge:[6]" in a transcript (`Paragraph.literal` holds where its "[" stands) is shown as the words it is,
    in whichever run of the paragraph it falls, while a real marker beside it stays one."""
    text = "merge:[6] fix bug 24.[2]"
    runs = quoted_runs(text, [Span(0, 9)], literal=(6,))
    assert [[(p.kind, p.text) for p in run.pieces] for run in runs] == [
        [("text", "merge:[6]")],
        [("text", " fix bug 24."), ("marker", "[2]")],
    ]


def test_only_the_first_marker_of_a_number_is_where_its_note_links_back() -> None:
    runs, referenced = first_markers([quoted_runs("A.[1] B.[2]", []), quoted_runs("C.[1]", [])])
    flags = [(p.number, p.first) for paragraph in runs for run in paragraph for p in run.pieces if p.kind == "marker"]
    assert flags == [(1, True), (2, True), (1, False)]
    assert referenced == {1, 2}


def test_a_marker_citing_no_note_is_a_marker_its_numbers_note_never_links_back_to() -> None:
    """An appendix's raised "1" long after note 1 (`Paragraph.noteless`) is shown as a marker without a number, so
    the note's link back goes to the marker that cites it."""
    runs, referenced = first_markers([quoted_runs("A.[1]", [], noteless=(2,)), quoted_runs("C.[1]", [])])
    flags = [(p.text, p.number, p.first) for paragraph in runs for run in paragraph for p in run.pieces]
    assert flags == [("A.", None, False), ("[1]", None, False), ("C.", None, False), ("[1]", 1, True)]
    assert referenced == {1}


def test_a_marker_keyed_to_another_note_shows_that_notes_number() -> None:
    """A later page's "*" (`Paragraph.keys`) links to its own note, though printed as the label's first."""
    star, again = note_key("*"), note_key("*", 1)
    runs = quoted_runs("A.[*] B.[*]", [], keys=((8, again),))
    assert [p.number for run in runs for p in run.pieces if p.kind == "marker"] == [star, again]


def test_urls_in_a_note_become_links_without_the_sentence_punctuation() -> None:
    assert linkify("See https://example.org/a?b=1&c=2. And (http://x.org/y).") == (
        Piece("See "),
        Piece("https://example.org/a?b=1&c=2", "link"),
        Piece(". And ("),
        Piece("http://x.org/y", "link"),
        Piece(")."),
    )


def test_only_http_urls_become_links() -> None:
    assert linkify('<a href="javascript:alert(1)">x</a>') == (Piece('<a href="javascript:alert(1)">x</a>'),)


def test_highlights_are_parsed_per_paragraph_and_overlaps_merged() -> None:
    assert parse_highlights("6:10-20,6:15-30,2:0-5", {2: 50, 6: 100}) == {
        6: (Span(10, 30),),
        2: (Span(0, 5),),
    }


@pytest.mark.parametrize(
    ("value", "message"),
    [
        ("6:10", "hl span '6:10' is not PARAGRAPH:START-END, as in 6:615-928"),
        ("9:0-5", "hl span '9:0-5': the document has no paragraph 9"),
        ("6:0-101", "hl span '6:0-101' is outside paragraph 6, which is 100 characters long"),
        ("6:20-10", "hl span '6:20-10' is outside paragraph 6, which is 100 characters long"),
        (",".join(["6:0-1"] * 21), "hl has 21 spans; at most 20 are shown"),
    ],
)
def test_bad_highlights_are_errors_naming_the_span(value: str, message: str) -> None:
    with pytest.raises(ValueError) as error:
        parse_highlights(value, {6: 100})
    assert str(error.value) == message

"""Sentence spans keep footnote markers with the sentence they close."""

import time

from hypothesis import given, settings
from hypothesis import strategies as st

from qa.sentences import WINDOW, _boundaries, _pysbd_boundaries, find_markers, split_sentences


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


def test_markers_cited_together_with_a_space_stay_with_their_sentence() -> None:
    text = "It was said.[1] [2] And then it was done."
    assert sentences(text) == ["It was said.[1] [2]", "And then it was done."]


def test_a_line_break_inside_a_paragraph_is_not_a_boundary() -> None:
    text = "The report was\nwritten in 2014 by\nthe commission. It found crimes."
    assert sentences(text) == ["The report was\nwritten in 2014 by\nthe commission.", "It found crimes."]


def test_a_reference_abbreviation_before_a_number_does_not_end_a_sentence() -> None:
    text = "The figures are in vol. 3 and nn. 4-6 of the report. Next one."
    assert sentences(text) == ["The figures are in vol. 3 and nn. 4-6 of the report.", "Next one."]


def test_a_reference_abbreviation_before_a_word_still_ends_a_sentence() -> None:
    text = "He read it para. After that he left."
    assert sentences(text) == ["He read it para.", "After that he left."]


def test_a_reference_abbreviation_before_an_identifier_with_a_number_does_not_end_a_sentence() -> None:
    text = "It is in Docket No. FAA–2020– 0686; or in person at the office. Next one."
    assert sentences(text) == ["It is in Docket No. FAA–2020– 0686; or in person at the office.", "Next one."]


def test_a_title_before_a_name_does_not_end_a_sentence() -> None:
    assert sentences("The Rt Hon. Rishi Sunak MP, Prime Minister") == ["The Rt Hon. Rishi Sunak MP, Prime Minister"]


def test_a_company_form_before_another_does_not_end_a_sentence() -> None:
    text = "Samsung Electronics Co. Ltd. sells a range of consumer electronics."
    assert sentences(text) == [text]


def test_a_company_form_before_a_product_code_does_not_end_a_sentence() -> None:
    text = (
        "The FAA proposes an AD for Pilatus Aircraft Ltd. Model PC–12/47E airplanes. This AD was prompted by reports."
    )
    assert sentences(text) == [
        "The FAA proposes an AD for Pilatus Aircraft Ltd. Model PC–12/47E airplanes.",
        "This AD was prompted by reports.",
    ]


def test_a_company_form_before_a_heading_run_without_an_end_does_not_end_a_sentence() -> None:
    text = "Airworthiness Directives; Pilatus Aircraft Ltd. Airplanes"
    assert sentences(text) == [text]


def test_a_company_form_before_a_short_sentence_with_a_verb_still_ends_a_sentence() -> None:
    assert sentences("He works for Acme Ltd. It is big.") == ["He works for Acme Ltd.", "It is big."]


def test_a_company_form_before_a_short_sentence_of_plain_words_ends_a_sentence() -> None:
    assert sentences("Shares fell at Acme Ltd. Prices rose.") == ["Shares fell at Acme Ltd.", "Prices rose."]
    assert sentences("It was sold to Acme Inc. The firm grew.") == ["It was sold to Acme Inc.", "The firm grew."]


def test_a_one_letter_abbreviation_before_a_number_does_not_end_a_sentence() -> None:
    assert sentences("5008/S. 2702, §4)") == ["5008/S. 2702, §4)"]
    assert sentences("It backed the bill (H.R. 5008/S. 2702). It passed.") == [
        "It backed the bill (H.R. 5008/S. 2702).",
        "It passed.",
    ]


def test_a_word_in_lower_case_after_a_full_stop_continues_the_sentence() -> None:
    text = "Towards Louis XVI. he felt only gratitude. His stay was short."
    assert sentences(text) == ["Towards Louis XVI. he felt only gratitude.", "His stay was short."]


def test_a_lower_case_list_label_still_starts_a_sentence() -> None:
    text = "The amounts are in Table 4. a. HAVA directs the agencies to pay them."
    assert sentences(text)[0] == "The amounts are in Table 4."


def test_a_capital_letter_after_a_word_in_lower_case_ends_a_sentence_before_an_opening_word() -> None:
    assert sentences("Patients lacked vitamin D. Then they were given it.") == [
        "Patients lacked vitamin D.",
        "Then they were given it.",
    ]
    assert sentences("We chose plan B.[4] The others failed.") == ["We chose plan B.[4]", "The others failed."]


def test_an_initial_before_a_surname_or_another_initial_ends_no_sentence() -> None:
    for text in (
        "The report by J. Smith was read.",
        "It was written by D. A. Smith in May.",
        "The study by Zhang and Y. He was cited.",
        "It was signed by President John F. Kennedy.",
        "The U.S. Army left.",
    ):
        assert sentences(text) == [text]


prose = st.lists(
    st.one_of(
        st.sampled_from(
            ["North", "Korea", "U.N.", "Dr.", "para.", "It", "“quoted.”", "ß", "İ", "世界", "\u200b", "\n"]
        ),
        st.sampled_from([".", "!", "?", ".”", "…", ",", " - ", "  ", "[", "]", ".[1]", "[2],[3]", "[12]These"]),
        st.text(max_size=8),
    ),
    max_size=60,
).map(" ".join)


@settings(max_examples=300, deadline=None, derandomize=True)
@given(text=prose)
def test_sentences_are_exact_slices_that_cover_every_non_space_character(text: str) -> None:
    spans = split_sentences(text)
    assert all(a.end <= b.start for a, b in zip(spans, spans[1:], strict=False))
    assert all(text[s.start : s.end] == text[s.start : s.end].strip() != "" for s in spans)
    covered = {i for s in spans for i in range(s.start, s.end)}
    assert {i for i, c in enumerate(text) if not c.isspace()} <= covered


@settings(max_examples=300, deadline=None, derandomize=True)
@given(text=prose)
def test_no_sentence_boundary_falls_inside_a_marker(text: str) -> None:
    spans = split_sentences(text)
    assert all(any(s.start <= m.start and m.end <= s.end for s in spans) for m in find_markers(text))


LONG_PROSE = "The ministry declined to comment. Dr. Smith said so on p. 4 of the report (see para. 93). " * 2_300
"""A paragraph of about 200,000 characters: what a text file without blank lines between paragraphs becomes."""


def test_a_paragraph_longer_than_a_window_is_split_as_if_read_whole() -> None:
    prose = LONG_PROSE[: 3 * WINDOW + 123]
    assert _boundaries(prose) == _pysbd_boundaries(prose)


def test_a_200000_character_paragraph_is_split_in_seconds_not_minutes() -> None:
    """Read whole, pysbd took 90 s on it (its abbreviation pass is quadratic); read by windows, about 4 s."""
    started = time.perf_counter()
    spans = split_sentences(LONG_PROSE)
    assert time.perf_counter() - started < 30
    assert len(spans) == 2 * 2_300

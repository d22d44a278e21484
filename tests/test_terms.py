"""Words meet on their Snowball stems; only function words and footnote markers are left out."""

from __future__ import annotations

import math

from bm25s.stopwords import STOPWORDS_EN_PLUS

from qa.terms import _STOPWORDS, TermWeights, question_terms, stem, terms, tokens


def test_inflections_of_a_word_share_one_stem() -> None:
    assert {stem("urge"), stem("urged"), stem("urges"), stem("urging")} == {"urg"}


def test_stop_words_are_left_out_and_content_words_kept_in_order_with_repeats() -> None:
    assert tokens("The camps are closed, and the camps of the north are empty.") == [
        "camp",
        "close",
        "camp",
        "north",
        "empti",
    ]


def test_the_stop_words_are_bm25s_english_list_as_its_package_exports_it() -> None:
    assert frozenset(STOPWORDS_EN_PLUS) == _STOPWORDS


def test_question_words_are_stop_words_but_verbs_of_saying_are_content_words() -> None:
    assert terms("What did the report say, according to the document?") == {"report", "say", "accord", "document"}


def test_digits_are_tokens_of_their_own_so_g8_meets_8() -> None:
    assert terms("the G8 summit") & terms("the Group of 8") == {"8"}


def test_footnote_markers_are_not_words() -> None:
    assert terms("camps.[12] and [3]") == {"camp"}


def test_new_terms_counts_the_content_words_a_text_adds_to_the_question() -> None:
    text = "The fund pays for seed, tools and wells."
    weights = TermWeights.from_texts(["the fund pays for wells", text])
    asked = weights.of(terms("What does the fund pay for?"))
    assert asked.new_terms(set(weights.vocabulary.numbers(terms(text)))) == 3


def test_overlaps_give_each_texts_share_of_the_question_term_weight_in_order() -> None:
    weights = TermWeights.from_texts(["fund wells", "fund seed", "fund tools"])
    asked = weights.of(terms("fund wells"))
    fund, wells = math.log(4 / 3.5), math.log(4 / 1.5)
    texts = [
        set(weights.vocabulary.numbers(terms(text))) for text in ("wells", "the fund", "seed", "wells of the fund")
    ]
    assert asked.overlaps(texts) == [wells / (fund + wells), fund / (fund + wells), 0.0, 1.0]
    assert asked.overlaps(texts) == [asked.overlap(text) for text in texts]


def test_a_questions_terms_are_made_once_and_are_its_terms() -> None:
    question = "What did the committee urge the government to do?"
    assert question_terms(question) == terms(question)
    assert question_terms(question) is question_terms(question)


def test_texts_holding_the_same_question_terms_get_the_same_overlap_whatever_else_they_hold() -> None:
    weights = TermWeights.from_texts(["fund wells seed", "fund tools", "wells"])
    asked = weights.of(terms("fund wells seed"))
    texts = [set(weights.vocabulary.numbers(terms(text))) for text in ("fund wells", "tools wells fund", "seed")]
    fund, wells, seed = math.log(4 / 2.5), math.log(4 / 2.5), math.log(4 / 1.5)
    shared = (fund + wells) / (fund + seed + wells)
    assert asked.overlaps(texts) == [shared, shared, seed / (fund + seed + wells)]

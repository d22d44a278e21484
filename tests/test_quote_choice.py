"""Which sentence of a retrieved paragraph is quoted: the one holding what the question asks about."""

from __future__ import annotations

import pytest

from embeddings import Encoder
from qa import Assistant, Settings
from qa.compose import select_quotes, to_source
from qa.indexing import build_index
from qa.retrieve import ScoredSpan
from qa.sentences import Span, split_sentences
from qa.settings import PROJECT_ROOT
from tests.parsed import articles

DOCUMENT = """# Migrants held at the border

Detention centres for migrants at the border have filled since the spring. Former detainees describe
the detention centres for migrants as crowded and cold.

Lawyers for migrants say the detention centres hold families for months. Migrants in the centres have
few visits from lawyers.

Conditions in detention centres for migrants have worsened, according to former detainees. Relatives may
visit once a month. The national inspection agency inspected four of them last spring and found overcrowding.
"""
QUESTION = "Which agency inspected the detention centres for migrants?"


@pytest.fixture(scope="module")
def migrants(tmp_path_factory: pytest.TempPathFactory, encoder: Encoder) -> Assistant:
    root = tmp_path_factory.mktemp("migrants")
    corpus = root / "corpus"
    corpus.mkdir()
    (corpus / "migrants.md").write_text(DOCUMENT, encoding="utf-8")
    settings = Settings(corpus_dir=corpus, index_dir=root / "index")
    build_index(settings.corpus_dir, settings.index_dir, encoder, progress=False)
    return Assistant.open(settings, encoder=encoder)


def test_the_sentence_holding_the_questions_rare_words_is_quoted_over_one_sharing_its_common_words(
    migrants: Assistant,
) -> None:
    (hit,) = migrants.retriever.search(QUESTION, 1)
    quote = " ".join(q.text for q in to_source(hit, "sentence", QUESTION).quotes)
    assert quote == "The national inspection agency inspected four of them last spring and found overcrowding."


def scored(sentences: list[str], singles: list[float], pairs: list[float]) -> tuple[str, list[ScoredSpan]]:
    """A paragraph of `sentences` with each sentence's score and each adjacent pair's, as the index scores them."""
    text = " ".join(sentences)
    spans, start = [], 0
    for sentence in sentences:
        spans.append(Span(start, start + len(sentence)))
        start += len(sentence) + 1
    return text, [ScoredSpan(span, score) for span, score in zip(spans, singles, strict=True)] + [
        ScoredSpan(Span(a.start, b.end), score) for a, b, score in zip(spans[:-1], spans[1:], pairs, strict=True)
    ]


def quoted(text: str, spans: list[ScoredSpan], question: str) -> list[str]:
    return [q.text for q in select_quotes(text, spans, "sentence", question)]


COURT = [
    "We are reviewing the ruling.",
    "Our case before the court is still being considered.",
    "We filed a petition in the court last spring, and the court granted our case priority status.",
    "We will continue to advocate.",
]


def test_a_sentence_of_the_best_pair_scoring_close_to_the_other_stays_though_it_adds_no_question_word() -> None:
    text, spans = scored(COURT, [0.6, 1.64, 1.87, 0.3], [1.6, 1.95, 1.8])
    assert quoted(text, spans, "What is the status of the case at the court?") == [" ".join(COURT[1:3])]


def test_a_sentence_of_the_best_pair_scoring_far_below_the_other_is_left_out_though_it_adds_a_question_word() -> None:
    text, spans = scored(COURT, [0.6, 1.2, 1.87, 0.3], [1.6, 1.95, 1.8])
    assert quoted(text, spans, "Is the case still considered, and what is its status at the court?") == [COURT[2]]


HOSTAGES = [
    "The release of all Americans imprisoned in North Korea.",
    "Currently, there are two, including a student.",
    "Over the past eight years, 10 Americans have been detained and then released.",
]


def test_a_number_in_a_sentence_holding_none_of_the_questions_words_neither_answers_how_many_nor_rides_along() -> None:
    text, spans = scored(HOSTAGES, [0.9, 0.13, 0.79], [0.85, 0.8])
    assert quoted(text, spans, "How many Americans has North Korea held?") == [HOSTAGES[2]]


SANCTIONS = [
    "The crisis goes on.",
    "MEPs want sanctions on the leaders responsible for backsliding since the disputed October elections.",
    "This includes the prime minister and the speaker.",
]
BUT = [*SANCTIONS[:2], "But sanctions alone will not be enough."]


def test_a_sentence_opening_with_this_comes_with_the_quote_it_speaks_of_when_the_pair_scores_no_lower() -> None:
    text, spans = scored(SANCTIONS, [0.4, 1.77, 0.36], [1.2, 1.78])
    assert quoted(text, spans, "Which leaders do MEPs want sanctioned?") == [" ".join(SANCTIONS[1:])]


def test_a_sentence_opening_with_this_stays_out_when_the_pair_scores_lower_than_the_quote() -> None:
    text, spans = scored(SANCTIONS, [0.4, 1.77, 0.36], [1.2, 1.5])
    assert quoted(text, spans, "Which leaders do MEPs want sanctioned?") == [SANCTIONS[1]]


def test_a_sentence_opening_with_a_connective_starts_a_new_claim_and_stays_out() -> None:
    text, spans = scored(BUT, [0.4, 1.77, 0.36], [1.2, 1.78])
    assert quoted(text, spans, "Which leaders do MEPs want sanctioned?") == [BUT[1]]


GROUP = [
    "Talks should begin soon.",
    "A contact group recommended by the inquiry should be formed to promote a regional dialogue.",
    "The group is to be composed of donors and neighbouring states.",
]


def test_a_sentence_naming_again_the_quotes_noun_after_the_comes_with_the_quote_when_the_pair_scores_no_lower() -> None:
    text, spans = scored(GROUP, [0.3, 1.4, 0.54], [0.9, 1.41])
    assert quoted(text, spans, "Which states would make up the contact group?") == [" ".join(GROUP[1:])]


def test_a_sentence_opening_with_the_and_a_noun_the_quote_lacks_stays_out() -> None:
    other = [*GROUP[:2], "The talks are to be held in spring."]
    text, spans = scored(other, [0.3, 1.4, 0.54], [0.9, 1.41])
    assert quoted(text, spans, "Which states would make up the contact group?") == [other[1]]


COUNT = [
    "The old punch card machines contributed to the failure of the count.",
    "Voters punched holes that the readers often missed, so many ballots were never counted.",
    "The state replaced them later.",
]


def test_a_quote_restating_the_question_comes_with_the_next_sentence() -> None:
    text, spans = scored(COUNT, [2.1, 1.1, 0.3], [1.9, 0.8])
    assert quoted(text, spans, "Why did the old punch card machines cause the failure of the count?") == [
        " ".join(COUNT[:2])
    ]


def test_a_quote_adding_enough_words_to_the_question_comes_alone() -> None:
    text, spans = scored(COUNT, [2.1, 1.1, 0.3], [1.9, 0.8])
    assert quoted(text, spans, "What failed in the count?") == [COUNT[0]]


VOTES = [
    "The vote section in the committee report follows no uniform typesetting standard across the House and often "
    "includes scanned PDFs (not typeset).",
    "This makes the votes difficult to search.",
    "Some committees have content management systems that maintain content contained in their committee reports.",
]


def test_a_quote_restating_the_question_by_pointing_back_comes_with_the_sentence_before_it() -> None:
    text, spans = scored(VOTES, [1.2, 1.22, 0.94], [1.65, 1.83])
    assert quoted(text, spans, "Why are votes in committee reports hard to search?") == [" ".join(VOTES[:2])]


def alerts_paragraph(term: str) -> tuple[str, list[Span]]:
    """The paragraph of the CRS report on national alerts (tests/data/wild) that first names `term`, and its
    sentences."""
    (article,) = articles(PROJECT_ROOT / "tests" / "data" / "wild" / "crs-r48632-national-alerts-2025.html")
    paragraph = next(p for p in article.paragraphs if term in p.text)
    return paragraph.text, list(split_sentences(paragraph.text))


def test_a_keyword_look_up_is_quoted_where_the_paragraph_first_names_it_though_a_later_mention_scores_higher() -> None:
    text, sentences = alerts_paragraph("CONELRAD")
    # As the index scored them for "CONELRAD": the sentence naming the program's setup scores higher than the one
    # introducing it, "... through the program Control of Electromagnetic Radiation (CONELRAD)".
    scores = [1.2, 1.3, 1.69, 1.5, 1.74, 1.88, 1.2, 1.7]
    spans = [ScoredSpan(span, score) for span, score in zip(sentences, scores, strict=True)]
    (quote,) = select_quotes(text, spans, "sentence", "CONELRAD")
    assert quote.text.startswith("On December 10, 1951, President Harry S. Truman signed Executive Order (E.O.) 10312")
    assert quote.text.endswith("through the program Control of Electromagnetic Radiation (CONELRAD).")


def test_a_question_naming_a_keyword_among_other_words_is_quoted_at_its_best_sentence() -> None:
    text, sentences = alerts_paragraph("CONELRAD")
    scores = [1.2, 1.3, 1.69, 1.5, 1.74, 1.88, 1.2, 1.7]
    spans = [ScoredSpan(span, score) for span, score in zip(sentences, scores, strict=True)]
    (quote,) = select_quotes(text, spans, "sentence", "How were radio stations notified under CONELRAD?")
    assert quote.text.startswith("Under CONELRAD, defense agencies would first telephone notifications")


def real_sentences(path: str, term: str) -> list[str]:
    """The sentences of the paragraph of a document in tests/data/wild that holds `term`, as split for the index."""
    (article, *_) = articles(PROJECT_ROOT / "tests" / "data" / "wild" / path)
    text = next(p.text for p in article.paragraphs if term in p.text)
    sentences = [text[span.start : span.end] for span in split_sentences(text)]
    assert " ".join(sentences) == text
    return sentences


BAIDU = "rdr-index-2020-baidu.pdf", "end-to-end encryption"
"""Two sentences: Baidu offers no end-to-end encryption; "This is unsurprising, given China's laws ...(P16).[5]"."""
CARET = "joss-inara-2022-article-writing.md", "caret"
"""Two sentences: the syntax centers on the caret; "The symbol ... thereby mirrors the superscript numbers ...[1]"."""


def test_a_why_question_quotes_the_next_sentence_when_it_gives_the_reason_the_quote_lacks() -> None:
    sentences = real_sentences(*BAIDU)
    text, spans = scored(sentences, [1.869, 0.502], [1.833])
    question = "Why is there no end-to-end encryption for the private communications of Baidu's users?"
    assert quoted(text, spans, question) == [text]
    assert text.endswith("(P16).[5]")


def test_a_why_question_quotes_a_reason_after_the_quote_however_it_opens() -> None:
    sentences = real_sentences(*CARET)
    text, spans = scored(sentences, [1.577, 1.068], [1.775])
    assert quoted(text, spans, "Why was the caret picked to mark footnotes?") == [text]
    assert text.endswith("final text.[1]")


def test_a_question_not_asking_why_leaves_the_reason_after_the_quote_out() -> None:
    sentences = real_sentences(*BAIDU)
    text, spans = scored(sentences, [1.869, 0.502], [1.833])
    question = "What did Baidu commit to about encryption, and which users can deploy it?"
    assert quoted(text, spans, question) == [sentences[0]]


def test_a_why_question_whose_quote_gives_a_reason_quotes_it_alone() -> None:
    sentences = [*real_sentences(*BAIDU)]
    sentences[0] = sentences[0].replace("Apart from", "Because of")
    text, spans = scored(sentences, [1.869, 0.502], [1.833])
    assert quoted(text, spans, "Why is there no end-to-end encryption for Baidu's users?") == [sentences[0]]


def test_a_quote_holding_every_word_of_the_question_leaves_the_sentence_pointing_back_at_it_to_the_context() -> None:
    (article,) = articles(PROJECT_ROOT / "eval" / "real" / "docs" / "18f-ask-cor-vs-po.md")
    text = next(p.text for p in article.paragraphs if "traditional federal acquisition" in p.text)
    sentences = [text[span.start : span.end] for span in split_sentences(text)]
    # The pair of the first two sentences scores above the first alone: it would bring "The COR works with the
    # contractor..." along, as it does for a question some of whose words the first sentence lacks.
    rest = len(sentences) - 2
    text, spans = scored(sentences, [1.6, 1.0] + [0.5] * rest, [1.62] + [0.9] * rest)
    question = "What does a contracting officer's representative do in a traditional federal acquisition?"
    assert quoted(text, spans, question) == [sentences[0]]
    assert quoted(text, spans, "Can the representative change what was agreed?") == [" ".join(sentences[:2])]


def airworthiness_summary() -> list[str]:
    """The sentences of a proposed airworthiness directive's summary (a Federal Register PDF in the wild collection)."""
    found = articles(PROJECT_ROOT / "tests" / "data" / "wild" / "federal-register-2020-17221.pdf")
    text = next(p.text for a in found for p in a.paragraphs if "spring pack assembly" in p.text)
    return [text[span.start : span.end] for span in split_sentences(text)]


def test_a_chain_of_sentences_pointing_back_is_quoted_while_each_names_a_word_of_the_question() -> None:
    sentences = airworthiness_summary()
    # As the index scored them for the question: the summary's opening sentence, then "This proposed AD results
    # from ... (MCAI)...", then "The MCAI describes the unsafe condition as seizing of a main landing gear...".
    text, spans = scored(sentences, [1.72, 0.94, 0.68, 1.11, 0.61], [1.96, 0.96, 0.99, 1.09])
    question = "What unsafe condition led to the proposed AD for Pilatus PC-12/47E airplanes?"
    assert quoted(text, spans, question) == [" ".join(sentences[:3])]


def test_a_further_sentence_pointing_back_but_naming_no_word_of_the_question_ends_the_chain() -> None:
    sentences = airworthiness_summary()
    text, spans = scored(sentences, [1.72, 0.94, 0.68, 1.11, 0.61], [1.96, 0.96, 0.99, 1.09])
    assert quoted(text, spans, "Which Pilatus airplanes would the proposed AD apply to?") == [" ".join(sentences[:2])]

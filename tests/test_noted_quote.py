"""A sentence citing a note is quoted with the best sentence when its note holds question words the quote lacks."""

from __future__ import annotations

from qa.compose import to_source
from qa.corpus import Article, Paragraph
from qa.retrieve import Hit, ScoredSpan
from qa.sentences import split_sentences
from qa.settings import PROJECT_ROOT
from tests.parsed import articles

FRAMEWORK = "fedramp-2018-vulnerability-risk-adjustment-framework.docx"
"""Three sentences: what the framework is for; what it leaves out; "CVSS scoring applies to all automated risk
severity level adjustments; including High[1] to ...", note 1: "FedRAMP considers the critical impact level to be
included within the high impact level categorization."."""


def framework_paragraph() -> tuple[Article, Paragraph]:
    (article, *_) = articles(PROJECT_ROOT / "tests" / "data" / "wild" / FRAMEWORK)
    return article, next(p for p in article.paragraphs if "including High" in p.text)


def hit_scoring_first_sentence_best(article: Article, paragraph: Paragraph) -> Hit:
    """The paragraph as retrieved, its first sentence scoring best (as the index scores it for these questions)."""
    sentences = split_sentences(paragraph.text)
    spans = tuple(ScoredSpan(span, score) for span, score in zip(sentences, (1.5, 0.9, 1.0), strict=True))
    return Hit(article, paragraph, 0.8, 1, spans)


def test_the_sentence_whose_note_holds_a_question_word_the_quote_lacks_is_quoted_with_its_note() -> None:
    article, paragraph = framework_paragraph()
    question = "Where do critical vulnerabilities fit among the risk levels the framework adjusts?"
    source = to_source(hit_scoring_first_sentence_best(article, paragraph), "sentence", question)
    sentences = [paragraph.text[s.start : s.end] for s in split_sentences(paragraph.text)]
    assert [q.text for q in source.quotes] == [sentences[0], sentences[2]]
    assert [(c.number, c.text) for c in source.footnotes] == [
        (1, "FedRAMP considers the critical impact level to be included within the high impact level categorization.")
    ]


def test_a_note_holding_no_question_word_the_quote_lacks_leaves_its_sentence_out() -> None:
    article, paragraph = framework_paragraph()
    question = "How does the framework adjust the risk level of vulnerabilities found by manual review?"
    source = to_source(hit_scoring_first_sentence_best(article, paragraph), "sentence", question)
    first = split_sentences(paragraph.text)[0]
    assert [q.text for q in source.quotes] == [paragraph.text[first.start : first.end]]
    assert source.footnotes == ()


def test_a_note_citing_a_source_leaves_its_sentence_out_though_it_holds_a_question_word_the_quote_lacks() -> None:
    """Note 27, "Council on Foreign Relations, A Sharper Choice, p. 35.", names its source by a page: its title's
    words are no part of the answer."""
    (article, *_) = articles(
        PROJECT_ROOT / "corpus" / "38north-a-serious-human-rights-negotiation-with-north-korea.txt"
    )
    paragraph = next(p for p in article.paragraphs if "CFR Task Force recommended" in p.text)
    sentences = split_sentences(paragraph.text)
    scores = (1.5, 0.9, 1.0, 0.9, 0.5, 0.5)
    hit = Hit(article, paragraph, 0.8, 1, tuple(map(ScoredSpan, sentences, scores)))
    question = "What potent steps would North Korea face from the Council on Foreign Relations?"
    source = to_source(hit, "sentence", question)
    assert [q.text for q in source.quotes] == [paragraph.text[sentences[0].start : sentences[0].end]]

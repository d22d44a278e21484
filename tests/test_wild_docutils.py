"""Two of Docutils' own manuals in reStructuredText, kept as the project wrote them (.txt, tests/data/wild, see its
manifest.jsonl): their notes are auto-numbered, cited `[#]_` or `[#label]_` and defined `.. [#] text` right under
the paragraph or table that cites them.

Expected values are the numbers docutils prints for those notes and the notes' own words.
"""

from __future__ import annotations

from eval.reference import quote_in_reference, reference
from qa.corpus import Article
from tests.parsed import WILD, article

POLICIES = WILD / "docutils-dev-policies.txt"
I18N = WILD / "docutils-howto-i18n.txt"


def paragraph_with(doc: Article, words: str) -> str:
    (text,) = [p.text for p in doc.paragraphs if words in p.text]
    return text


def test_labelled_note_citation_reads_the_number_docutils_gives_its_note() -> None:
    doc = article(POLICIES)
    text = paragraph_with(doc, "meritocracy based on code contribution")
    assert "lots of discussion [1]." in text
    assert doc.footnotes[1].startswith("Phrase borrowed from Ben Collins-Sussman")


def test_notes_are_numbered_in_the_order_they_are_defined_labelled_or_not() -> None:
    doc = article(POLICIES)
    assert [number for number, _ in doc.footnote_list()] == [1, 2, 3, 4]
    assert doc.footnotes[2].startswith("The labels are used in the docutils.__version__ pre-release")
    assert doc.footnotes[3] == "Default active development state between releases."
    assert doc.footnotes[4] == "These steps may be skipped."


def test_a_label_cited_several_times_reads_one_number_each_time() -> None:
    rows = [p.text for p in article(POLICIES).paragraphs if p.text.startswith(("beta (", "candidate 2 ("))]
    assert rows == [
        "beta (development) [3] 0.15b.dev",
        "beta (release) [4] 0.15b",
        "candidate 2 (dev.) [4] 0.15rc2.dev",
        "candidate 2 (release) [4] 0.15rc2",
        "beta (development) [3] 0.16b.dev",
    ]


def test_anonymous_citations_cite_the_anonymous_notes_in_turn() -> None:
    doc = article(I18N)
    assert "(or should\nbe [1]) fully parameterized" in paragraph_with(doc, "fully parameterized")
    cited_twice = paragraph_with(doc, "converting hyphens")
    assert "BCP 47. [2] in lowercase, converting hyphens to underscores [3]." in cited_twice
    assert doc.footnotes[2].startswith("BCP stands for 'Best Current Practice'")
    assert doc.footnotes[3].startswith("Subtags are separated from primary tags by underscores")


def test_a_note_defined_between_paragraphs_is_no_paragraph() -> None:
    texts = [p.text for p in article(I18N).paragraphs]
    assert not [text for text in texts if text.startswith(".. [")]


def test_the_judge_reads_the_notes_under_the_numbers_docutils_prints() -> None:
    ref = reference(POLICIES)
    assert quote_in_reference("based on code contribution and lots of discussion [1].", ref)
    assert not quote_in_reference("based on code contribution and lots of discussion [2].", ref)


def test_the_title_is_the_line_between_overline_and_underline_not_the_include_above_it() -> None:
    assert article(POLICIES).title == "Docutils Project Policies"


def test_the_link_mark_of_a_title_word_is_not_printed() -> None:
    assert article(I18N).title == "Docutils Internationalization"


def test_the_field_list_under_the_title_gives_the_author_and_is_no_paragraph() -> None:
    doc = article(I18N)
    assert doc.author == "David Goodger"
    assert doc.date is None  # `:Date: $Date$` is a keyword the repository never expanded
    assert not [p.text for p in doc.paragraphs if p.text.startswith(":Author:")]


def test_directives_on_their_own_line_are_no_paragraphs_an_admonition_with_its_words_is() -> None:
    texts = [p.text for p in article(POLICIES).paragraphs]
    assert ".. contents::" not in texts
    assert "The backwards compatibility policy outlined below is a stub." in texts


def test_a_remark_after_the_authors_name_and_a_semicolon_is_no_author() -> None:
    assert article(POLICIES).author == "David Goodger"


def test_hyperlink_targets_are_no_paragraphs() -> None:
    texts = [p.text for p in article(I18N).paragraphs]
    assert not [text for text in texts if text.startswith((".. _", "__ "))]
    assert "Submitting the Language Modules" in texts  # the heading over the last target stays

"""An act of the European Union as the Official Journal prints it (the GDPR, OJ L 119, 4.5.2016): the Journal's section
headings in large type over the act's title in bold body type, recitals numbered "(1)", "(2)" in a column hung
left of their text, and footnotes numbered afresh on each page, "(¹)", their raised numbers between parentheses of the
text's size.

Expected values are what the document prints, as `pdftotext` shows it.
"""

from __future__ import annotations

from qa.compose import Quote, cite
from qa.corpus import Article, Paragraph, articles_from_json, articles_to_json
from qa.settings import PROJECT_ROOT
from tests.parsed import articles

GDPR = PROJECT_ROOT / "tests" / "data" / "wild" / "eu-oj-2016-679-gdpr.pdf"


def act() -> Article:
    (article,) = articles(GDPR)
    return article


def test_bold_lines_of_the_texts_size_that_print_the_info_title_title_the_act() -> None:
    assert act().title == (
        "REGULATION (EU) 2016/679 OF THE EUROPEAN PARLIAMENT AND OF THE COUNCIL of 27 April 2016 on the protection of "
        "natural persons with regard to the processing of personal data and on the free movement of such data, and "
        "repealing Directive 95/46/EC (General Data Protection Regulation)"
    )


def test_the_journals_larger_section_heading_over_the_title_is_not_text() -> None:
    assert not any(p.text == "REGULATIONS" for p in act().paragraphs)


def test_a_recital_number_hung_left_of_its_text_opens_that_recital() -> None:
    texts = [p.text for p in act().paragraphs]
    assert any(t.startswith("(2) The principles of, and rules on the protection of natural persons") for t in texts)
    assert any(t.startswith("(12) Article 16(2) TFEU mandates the European Parliament") for t in texts)


def test_no_recital_number_stands_alone_as_a_paragraph() -> None:
    assert not any(p.text in ("(1)", "(2)", "(4)", "(11)") for p in act().paragraphs)


def following(article: Article, words: str) -> list[str]:
    """The texts of the paragraph that opens with `words` and of the two after it."""
    texts = [p.text for p in article.paragraphs]
    start = next(index for index, text in enumerate(texts) if text.startswith(words))
    return texts[start : start + 3]


def test_a_paragraph_number_hung_over_its_lettered_points_opens_the_paragraph_and_each_letter_its_point() -> None:
    """Page 63 hangs Article 47's "2." and its points "(a)" to "(g)" in one column left of their text."""
    opening = "2. The binding corporate rules referred to in paragraph 1 shall specify at least:"
    assert following(act(), opening)[1:] == [
        "(a) the structure and contact details of the group of undertakings, or group of enterprises engaged in a joint"
        " economic activity and of each of its members;",
        "(b) the data transfers or set of transfers, including the categories of personal data, the type of processing"
        " and its purposes, the type of data subjects affected and the identification of the third country or"
        " countries in question;",
    ]


def test_an_articles_first_paragraph_number_under_its_centred_heading_opens_that_paragraph() -> None:
    """Page 62 sets "1." beside only the first line of Article 47's first paragraph, under the centred heading."""
    assert following(act(), "Article 47")[1:] == [
        "Binding corporate rules",
        "1. The competent supervisory authority shall approve binding corporate rules in accordance with the"
        " consistency mechanism set out in Article 63, provided that they:",
    ]


def test_no_paragraph_or_point_number_stands_alone_as_a_paragraph() -> None:
    assert not [p.text for p in act().paragraphs if p.text in ("1.", "(a)", "(g)")]


def citing(article: Article, words: str) -> Paragraph:
    return next(p for p in article.paragraphs if words in p.text)


def test_a_note_opened_by_its_raised_number_between_parentheses_is_no_paragraph() -> None:
    assert not any(p.text.startswith(("([1]) OJ C 229", "(1) OJ C 229")) for p in act().paragraphs)


def test_each_page_keeps_its_own_notes_under_one_number() -> None:
    notes = act().page_footnotes
    assert notes[1][1] == "OJ C 229, 31.7.2012, p. 90."
    assert notes[3][1].startswith("Commission Recommendation of 6 May 2003 concerning the definition of micro, small")
    assert notes[31][1] == "OJ C 192, 30.6.2012, p. 7."


def test_notes_numbered_page_by_page_are_not_keyed_by_number_alone() -> None:
    assert act().footnotes == {}


def test_a_marker_cites_the_note_at_the_foot_of_its_own_page() -> None:
    article = act()
    recital = citing(article, "Commission Recommendation 2003/361/EC ([1])")
    assert recital.page == 3
    assert article.footnote(1, recital.page) == article.page_footnotes[3][1]


def test_every_marker_of_the_act_cites_a_note() -> None:
    article = act()
    markers = [(p, m) for p in article.paragraphs for m in p.markers]
    assert len(markers) == 21
    assert all(p.cites(m) and article.footnote(m.number, p.page) for p, m in markers)


def test_two_notes_labelled_one_in_one_answer_each_show_their_own_text() -> None:
    article = act()
    cited = [
        cite(article, paragraph, [Quote(paragraph.text, 0, len(paragraph.text))])
        for paragraph in (
            citing(article, "the European Economic and Social Committee ([1])"),
            citing(article, "Commission Recommendation 2003/361/EC ([1])"),
        )
    ]
    assert [[(c.number, c.text) for c in citations] for citations in cited] == [
        [(1, "OJ C 229, 31.7.2012, p. 90.")],
        [(1, article.page_footnotes[3][1])],
    ]


def test_notes_numbered_page_by_page_survive_the_index_store() -> None:
    (stored,) = articles_from_json(articles_to_json([act()]))
    assert stored.page_footnotes == act().page_footnotes


def test_the_info_author_no_page_prints_is_no_author() -> None:
    """The Info Author is "Publications Office", the Journal's publisher, which no page of the act prints; the act
    names no author (the Parliament and the Council adopt it)."""
    assert act().author is None


def test_a_word_a_soft_hyphen_breaks_at_a_line_end_reads_whole() -> None:
    """The Journal breaks words at line ends with soft hyphens (U+00AD), which show only where they break a word:
    recital 15 prints "technolo-" over "gically", recital 28 "pseudony-" over "misation"."""
    texts = [p.text for p in act().paragraphs]
    assert any("the protection of natural persons should be technologically neutral" in text for text in texts)
    assert any("The explicit introduction of ‘pseudonymisation’ in this Regulation" in text for text in texts)
    assert not any("\u00ad" in text for text in texts)

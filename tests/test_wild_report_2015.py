"""Notes of Ranking Digital Rights' first Corporate Accountability Index (tests/data/wild/rdr-index-2015-report.pdf,
see its manifest entry): two columns of text over footnotes at each page foot, numbered through the report's
chapters, and again from 1 in each company report.

Expected values are what the report prints, as `pdftotext` shows it.
"""

from __future__ import annotations

from qa.corpus import Article
from qa.sentences import note_key
from qa.settings import PROJECT_ROOT
from tests.parsed import articles

REPORT = PROJECT_ROOT / "tests" / "data" / "wild" / "rdr-index-2015-report.pdf"


def holding(words: str) -> tuple[Article, str]:
    """The article with the paragraph that reads `words`, and that paragraph's text."""
    return next((a, p.text) for a in articles(REPORT) for p in a.paragraphs if words in p.text)


def test_note_whose_web_address_wraps_at_a_hyphen_is_whole() -> None:
    """Note 1 breaks its address after "consumers-" at the left column's foot; the hyphen is the address's own."""
    found, text = holding("have a lot of trust in the companies they regularly do business with")
    assert "to keep their personal information secure.”[1] In a 2014 poll" in text
    assert found.footnote(1) == (
        "John Fleming and Daniela Yu, “Consumers Doubt Their Personal Info is Safe,” Gallup Business Journal,"
        " March 11, 2015, http://www.gallup.com/businessjournal/181904/consumers-doubt-personal-info-safe.aspx."
    )


def test_marker_after_a_comma_inside_a_bullet_cites_its_note() -> None:
    """Page 20 prints "the Manila Principles on Intermediary Liability,18 a framework": the note is one line."""
    found, text = holding("Legal liability imposed on companies for their users’ activities")
    assert "consistent with the Manila Principles on Intermediary Liability,[18] a framework" in text
    assert found.footnote(18) == "See https://www.manilaprinciples.org/."


def test_note_at_the_foot_of_the_right_column_stays_out_of_the_text() -> None:
    found, _ = holding("Intermediary liability – when the law holds")
    assert found.footnote(8).startswith("The Manila Principles on Intermediary Liability: Background Document,")
    assert not [p.text for a in articles(REPORT) for p in a.paragraphs if p.text.startswith("The Manila Principles")]


def test_chart_axis_at_the_page_foot_opens_no_note() -> None:
    """Page 22's bar chart stands over the page's notes with its axis ("40", "30", "20", "10", "0") as text: its "40"
    took the axis and note 23 for its text, and the real note 40, nine pages on, began a second document."""
    found = articles(REPORT)[0]
    assert found.footnote(23) == "See https://rankingdigitalrights.org/project-documents/2015-indicators."
    assert found.footnote(40).startswith("See for example Vodafone Law Enforcement Disclosure Report 2015, p.3.")


def test_company_report_numbering_its_notes_from_one_again_cites_its_own_notes() -> None:
    """Kakao's report (page 37) numbers its notes 1 to 4 again, at the page foot under the "∗ S&P Capital IQ" note of
    its market figure, after the report's own notes 1 to 49 and Google's 1 and 2: they are its notes, not text."""
    found, text = holding("the name it had used since the merger of two companies Daum and Kakao in 2014.")
    assert "Daum and Kakao in 2014.[1] While South Korea’s Internet" in text
    assert (
        found.footnote(1)
        == "See http://www.zdnet.com/article/kakao-commences-leadership-change-with-young-ceo-on-top/."
    )
    assert found.footnote(4) == (
        "South Korea, Freedom on the Net 2015, Freedom House, https://freedomhouse.org/report/freedom-net/2015/south-korea."
    )
    assert not [p.text for a in articles(REPORT) for p in a.paragraphs if "kakao-commences-leadership" in p.text]


def test_company_report_notes_go_on_at_the_next_page_foot_past_its_own_numbers() -> None:
    """Kakao's note 5 stands alone at the foot of the page after its notes 1 to 4: it goes on from them, not from
    the 49 notes of the report's chapters."""
    found, text = holding("Communications Network Utilization and Information Protection.")
    assert "Information Protection.[5] On freedom of expression" in text
    assert (found.footnote(5) or "").startswith("See Greenleaf, Graham and Park, Whon-il, Korea’s New Act")


def test_each_company_report_numbering_its_notes_again_is_an_article_of_its_own() -> None:
    """A marker cites the note of its own numbering run: the report's chapters, then one run per company report."""
    mail, _ = holding("Mail.ru had the lowest score of all companies in the Index.")
    kakao, _ = holding("Kakao placed fifth among Internet companies, behind Twitter")
    assert mail is not kakao
    assert mail.footnote(1) == "See https://freedomhouse.org/report/freedom-net/2015/russia."


def test_cover_title_printed_on_the_cover_art_is_the_title() -> None:
    """The cover prints its title in 69-point letters on a page-wide blue fill, over where the template's own
    72-point title lies hidden beneath the fill."""
    assert articles(REPORT)[0].title == "2015 Corporate Accountability Index"


def test_template_placeholders_the_cover_art_hides_are_left_out() -> None:
    """The template's title, byline and running line are drawn before the cover's fill, which hides them."""
    cover = articles(REPORT)[0]
    read = " ".join([cover.title, cover.author or "", *(p.text for p in cover.paragraphs)])
    assert "This is the Title" not in read
    assert "AUTHOR ONE" not in read
    assert "REPORT TYPE" not in read


def test_summary_printed_on_the_cover_art_stays() -> None:
    """Text drawn after the fill it lies on is what the fill shows."""
    _, text = holding("The Ranking Digital Rights 2015 Corporate Accountability Index evaluates 16 of the world")
    assert text.endswith("commitments, policies, and practices that affect users’ freedom of expression and privacy.")


def test_organisation_the_cover_names_as_owner_of_the_title_is_the_author() -> None:
    """The cover's logo is an image; its summary names the report "The Ranking Digital Rights 2015 Corporate
    Accountability Index", and the acknowledgments page prints "About Ranking Digital Rights"."""
    assert articles(REPORT)[0].author == "Ranking Digital Rights"


def test_blank_spaces_laid_across_a_profile_box_part_no_words() -> None:
    """Etisalat's profile box (page 61) lies over a row of blank spaces a point above its baseline."""
    _, text = holding("Market Cap: USD 35,475 million")
    assert text == "Market Cap: USD 35,475 million[*]"


def test_a_capital_its_font_maps_to_the_small_letter_reads_as_the_capital_its_glyph_is_named() -> None:
    """Page 2's font maps its glyph "I" to "i" in its ToUnicode map; pdftotext prints the capital."""
    _, text = holding("housed at New America’s Open Technology")
    assert "Open Technology Institute in Washington D.C." in text
    assert "communications technology (ICT) sector." in text


def test_symbol_note_of_a_figure_in_a_box_beside_the_column_cites_its_note() -> None:
    """Kakao's profile box, beside the column whose foot opens with "*S&P Capital IQ, Accessed October 16, 2015.",
    prints "Market Cap: USD 6,105 million*": the star in the box cites the note at the column's foot."""
    found, text = holding("Market Cap: USD 6,105 million")
    assert text == "Market Cap: USD 6,105 million[*]"
    assert found.footnote(note_key("*")) == "S&P Capital IQ, Accessed October 16, 2015."
    assert not [p.text for a in articles(REPORT) for p in a.paragraphs if "Capital IQ" in p.text and p.page == 39]

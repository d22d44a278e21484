"""Three Open Ownership publications in the wild collection (tests/data/wild, see its manifest.jsonl): a policy briefing
set in Adobe InDesign 16.3 (two columns, shaded boxes, diagrams, 66 notes at the page foot across both columns), a
report written in Word and exported through Acrobat PDFMaker 19 (two columns, 13 notes at the page foot, each number on
a line of its own over its note), and a consultation response exported from Google Docs (Skia/PDF m84), which draws a
zero-width space in a font of its own before and after every link and change of style.

Expected values are what each document prints, as `pdftotext` shows it.
"""

from __future__ import annotations

from qa.corpus import Article
from qa.formats.pdf import _byline_date, _Line
from qa.settings import PROJECT_ROOT
from tests.parsed import articles

WILD = PROJECT_ROOT / "tests" / "data" / "wild"
BRIEFING = WILD / "openownership-2021-introduction-to-trusts.pdf"
REPORT = WILD / "openownership-2019-kyrgyz-republic-extractives.pdf"
RESPONSE = WILD / "openownership-2020-canada-consultation-response.pdf"


def briefing() -> Article:
    (only,) = articles(BRIEFING)
    return only


def report() -> Article:
    (only,) = articles(REPORT)
    return only


def test_indesign_briefing_is_titled_by_its_cover_and_dated_by_the_month_under_the_title() -> None:
    """The cover prints "An introduction to" over "trusts" over "July 2021"; the PDF has no Info Title."""
    assert (briefing().title, briefing().date) == ("An introduction to trusts", "2021-07")


def test_word_report_takes_the_title_and_authors_its_cover_and_info_agree_on() -> None:
    """The cover's byline "Louise Russell-Prywata & Jack Lord — February 2019" and Info Author
    "Louise Russell-Prywata;Jack Lord" name the same two people."""
    assert report().title == (
        "Implementing beneficial ownership transparency in the Kyrgyz Republic extractives sector: findings and "
        "recommendations"
    )
    assert report().author == "Louise Russell-Prywata, Jack Lord"


def test_every_note_of_the_indesign_briefing_is_read_and_cited() -> None:
    """Notes 1 to 66, numbered through the briefing, at the foot of the page across both columns."""
    assert [number for number, _ in briefing().footnote_list()] == list(range(1, 67))
    assert briefing().footnote(34) == (
        "Jack Hardinges, “Defining a ‘data trust’” Open Data Institute, 19 October 2018, "
        "https://theodi.org/article/defining-a-data-trust/."
    )
    assert any(
        "for the benefit of a group of organisations or people.”[34]" in paragraph.text
        for paragraph in briefing().paragraphs
    )


def test_notes_numbered_on_lines_of_their_own_in_the_word_report_are_read_whole() -> None:
    """Each number stands on a line over its note ("9" over "OECD. “State Owned Enterprises and Corruption: ...")."""
    assert [number for number, _ in report().footnote_list()] == list(range(1, 14))
    assert report().footnote(11) == (
        "These identifiers should act as surrogate keys, compatible with temporal databases, so that the actions of a "
        "single natural person can be tracked over time."
    )


def test_paragraph_carried_from_one_column_to_the_next_reads_whole() -> None:
    """Page 3 of the report: "... can act as an example of" ends the left column, "effective beneficial ownership
    transparency in a national extractives sector." opens the right one."""
    assert any(
        paragraph.text.endswith(
            "can act as an example of effective beneficial ownership transparency in a national extractives sector."
        )
        for paragraph in report().paragraphs
    )


def test_running_heads_are_not_text() -> None:
    """The briefing's "Page 2 of 18 / An introduction to trusts" and the report's "2 of 28 / Implementing beneficial
    ownership ..." head every page but the cover."""
    assert not any("of 18" in paragraph.text for paragraph in briefing().paragraphs)
    assert not any(paragraph.text.startswith("2 of 28") for paragraph in report().paragraphs)


def test_date_after_the_dash_of_the_covers_byline_dates_the_report() -> None:
    """The cover's last line, "Louise Russell-Prywata & Jack Lord — February 2019", sets the month after a dash; the
    Info dict's CreationDate (2019-03-07) is the export's."""
    assert report().date == "2019-02"


def test_a_range_across_a_dash_on_the_cover_dates_nothing() -> None:
    """A year before the dash makes the line a range, not a byline and its date. (No document of the collections
    prints one on its first page: lines stand in.)"""
    assert _byline_date([_Line(1, 0.0, 10.0, text="Covering from January 2020 – March 2021")]) is None
    assert _byline_date([_Line(1, 0.0, 10.0, text="Ada Lovelace & Charles Babbage — March 2021")]) == ("2021-03", None)


def response() -> Article:
    (only,) = articles(RESPONSE)
    return only


def test_zero_width_spaces_drawn_in_a_font_of_their_own_are_no_characters_of_the_line() -> None:
    """Google Docs sets "\u200b" before and after the bold "in" and "Anonymous" (Gautami, its line box lower than the
    Times of the text): read as characters they split the line's words ("i n", "A nonymous")."""
    assert any(
        "free of charge, in a public registry. Anonymous company ownership bears" in paragraph.text
        for paragraph in response().paragraphs
    )


def test_google_docs_letter_is_titled_by_its_subject_line_and_dated_by_its_date_line() -> None:
    """Page 1 prints "30 April 2020" at the right over the bold "Re: Consultation on strengthening corporate
    beneficial ownership transparency in Canada"; the letter is signed by no one."""
    assert (response().title, response().date, response().author) == (
        "Re: Consultation on strengthening corporate beneficial ownership transparency in Canada",
        "2020-04-30",
        None,
    )


def test_a_note_number_alone_on_its_line_in_marker_type_opens_the_next_note() -> None:
    """Google Docs sets a note's number on a line of its own over a note that opens with a web address: "7" (8 points,
    raised) over "https://assets.publishing.service.gov.uk/...", and "16", "19", "32", "34" in 6-point type under the
    10-point text of the note before. Each opens its own note; none runs into the note above it."""
    assert [number for number, _ in response().footnote_list()] == list(range(1, 40))
    assert response().footnote(6) == (
        "https://www.openownership.org/uploads/oo-example-paper-forms-329df2.pdf [Accessed 20 April 2020]"
    )
    assert response().footnote(7) == (
        "https://assets.publishing.service.gov.uk/government/uploads/system/uploads/attachment_data/file/822823/"
        "review-implementation-psc-register.pdf [Accessed 21 April 2020]"
    )
    assert response().footnote(31) == "https://youcontrol.com.ua/en/cases/ [Accessed 30 April 2020]"


def test_a_marker_raised_above_its_lines_top_is_read_on_that_line() -> None:
    """Page 14 sets its indented case at tight leading and raises each 7.2-point marker over the line's top
    ("... one of five beneficial owners.²⁴"): the marker cites note 24, and the case reads on from page 13."""
    assert any(
        "still identified the Czech PM as one of five beneficial owners.[24] Agrofert has denied any wrongdoing"
        in paragraph.text
        for paragraph in response().paragraphs
    )
    assert response().footnote(27) == (
        "http://www.rfi.fr/en/wires/20191203-leaked-eu-audit-shows-czech-pm-conflict-interest-report "
        "[Accessed 30 April 2020]"
    )


def test_a_ligature_mapped_to_a_private_use_character_reads_as_the_letters_its_glyph_name_spells() -> None:
    """The Word report's Utopia maps its "Th" ligature (glyph "T_h") to U+E031 in its ToUnicode map; the executive
    summary on page 2 opens with it: "The Kyrgyz Republic has the potential to become a leader"."""
    texts = [paragraph.text for paragraph in report().paragraphs]
    assert any(text.startswith("The Kyrgyz Republic has the potential to become a leader") for text in texts)
    assert any("mining licenses. This puts the Kyrgyz Republic on course" in text for text in texts)
    assert not any("\ue031" in text or text.startswith("e Kyrgyz Republic") for text in texts)


def test_the_briefings_back_page_credits_name_its_author() -> None:
    """Page 18 sets "Authors" over "Ramandeep Kaur Chhina", then "with contributions by" over "Tymon Kiepe", "Editor"
    over "Cara Marks": the cover and the Info dict name no one."""
    assert briefing().author == "Ramandeep Kaur Chhina"


def test_contents_entries_with_a_page_number_a_tab_after_the_title_are_no_paragraphs() -> None:
    """Page 2 sets "Overview⇥3", "What are trusts?⇥4", ... "Conclusion⇥17": no leader dots, the numbers ragged, each an
    em after its title, where the title's words stand a sixth of an em apart."""
    texts = [paragraph.text for paragraph in briefing().paragraphs]
    assert "Overview 3" not in texts
    assert "Conclusion 17" not in texts
    assert not any(paragraph.page == 2 for paragraph in briefing().paragraphs)


def test_a_ruled_table_of_two_columns_reads_a_row_at_a_time() -> None:
    """Pages 5 and 6 rule each principle and its description in a row of their own: each key feature is read before
    the description beside it, not every key feature before every description."""
    texts = [paragraph.text for paragraph in response().paragraphs]
    feature = texts.index("Historic records should be kept and published")
    assert texts[feature + 1] == (
        "Providing historic records means when beneficial ownership or company structure information changes, this "
        "information is stored rather than replaced, and past disclosures remain publicly available."
    )
    assert texts[feature + 2] == "Adequate sanctions and enforcement should exist for non compliance"


def test_the_labels_of_a_diagram_drawn_in_curves_are_no_headings_or_text() -> None:
    """Pages 8, 11 and 13 draw their boxes' diagrams in vector curves (icons joined by arrows), each name set under
    its icon in 4.5 to 7.5 pt: "Protector", "Settlor", "Trustee", "Beneficiary" on page 8, "Reinhard Proksch", "Euro
    East Beteiligungs" on page 11, "PJ Settlement", "Taurus Estates" and the key "Key", "Jersey" on page 13."""
    paragraphs = [p for p in briefing().paragraphs if p.page in (8, 11, 13)]
    texts = [p.text for p in paragraphs]
    assert "Protector Settlor" not in texts
    assert "Holds and manages for benefit of beneficiary" not in texts
    assert not any(text.startswith(("Reinhard", "Euro East")) for text in texts)
    assert not {"Key", "Jersey", "PJ Settlement", "Taurus Estates"} & set(texts)
    assert [p.text for p in paragraphs if p.kind == "heading"] == [
        "Parties to a trust",
        "Main uses of express trusts",
        "Legitimate uses",
    ]


def test_the_text_beside_a_diagram_on_its_shaded_panel_is_kept() -> None:
    """Page 8's box sets its diagram at the left of a shaded panel and its definitions at the right, in the body's
    11 pt; page 11's box sets its story over its diagram on another."""
    texts = [p.text for p in briefing().paragraphs]
    assert "Box 2: Parties to a trust" in texts
    assert "Settlor: A settlor is a person who, either actually or by operation of law, creates a trust." in texts
    assert any(text.startswith("Due to the secretive nature of trusts, no further details") for text in texts)

"""Two briefs in the wild collection (tests/data/wild, see its manifest.jsonl), each from a producer or in a layout the
collection had not met: the UNMISS Human Rights Division's quarterly brief on violence affecting civilians (Word for
Microsoft 365: two columns in bands, each band's heading set in large capitals over its left column, Word's own charts
among the columns, five notes at the page foot), and Open Ownership's policy briefing on verifying beneficial ownership
data (laid out in a page-layout program, re-saved through macOS Preview: Quartz PDFContext, Type 1C fonts without
ToUnicode maps, two columns, seventeen notes at the page foot).

Expected values are what each document prints, as `pdftotext` shows it.
"""

from __future__ import annotations

import pytest

from qa.corpus import Article
from qa.formats.pdf import _heading_reach, _Line
from tests.parsed import WILD, article

BRIEF = WILD / "unmiss-2025-q3-brief-violence-affecting-civilians.pdf"
BRIEFING = WILD / "openownership-2020-verification-briefing.pdf"


def brief() -> Article:
    return article(BRIEF)


def briefing() -> Article:
    return article(BRIEFING)


def texts(document: Article) -> list[str]:
    return [paragraph.text for paragraph in document.paragraphs]


def test_un_brief_is_titled_by_its_first_page_and_has_no_date_of_issue() -> None:
    """Page 1 prints "Brief on Violence Affecting Civilians" across the page; "July-September 2025" at its top right
    is the quarter reported on, not a date of issue (the manifest's date is null); the PDF has no Info Title."""
    assert (brief().title, brief().date) == ("Brief on Violence Affecting Civilians", None)


def test_band_heading_over_the_left_column_ends_the_band_above_in_both_columns() -> None:
    """Page 9 holds three bands of two columns: the end of page 8's last band, then "VICTIMS" and "PERPETRATORS",
    each in 18-point capitals over its left column, the right column's first line level with the left column's
    first line under the heading. Each band is read to its end in both columns before the next heading, so the
    sentences carried from a band's left column to its right column read whole."""
    assert (
        "Further, while Warrap State experienced the highest number of victims by the community-based militias "
        "and/or civil defense groups, Unity State experienced the highest number of civilian casualties by the "
        "conventional parties to the armed conflict and other armed groups."
    ) in texts(brief())
    assert any(
        text.endswith(
            "The highest number of child victims were documented in Central Equatoria State (22 individuals), "
            "followed by Eastern Equatoria (14 individuals) and Warrap (14 individuals) States. Compared with the "
            "previous quarter, there was a 40 percent decrease in the number of child victims (from 155 to 93 "
            "individuals) of which 62 were girls."
        )
        for text in texts(brief())
    )
    assert any(
        text.endswith(
            "the majority of victims were attributed to community-based militias and/or civil defense groups (72 "
            "percent or 831 individuals), followed by the conventional parties to the armed conflict and other armed "
            "groups (21 percent or 237 individuals), and unidentified and/or opportunistic armed elements (seven "
            "percent or 85 individuals)."
        )
        for text in texts(brief())
    )


def test_every_note_of_the_un_brief_is_read_and_cited() -> None:
    """Notes 1 to 5 at the foot of their pages across both columns; note 4 is cited after "over 2000 civilians."."""
    assert [number for number, _ in brief().footnote_list()] == [1, 2, 3, 4, 5]
    assert brief().footnote(4) == (
        "The incident happened following the earlier reported aerial bombardment and boat attack against Nyuong Nuer "
        "in June 2025, where the number of civilian casualties remained undetermined."
    )
    assert any("as well as displacement of over 2000 civilians.[4]" in text for text in texts(brief()))


def test_preview_resaved_briefing_is_titled_and_dated_by_its_cover() -> None:
    """The cover prints "Verification of Beneficial / Ownership Data" over "Policy Briefing" and "May 2020"; the
    Info Title the re-save set ("OpenOwnership Verification Briefing") is not the printed one."""
    assert (briefing().title, briefing().date) == ("Verification of Beneficial Ownership Data", "2020-05")


def test_back_page_credit_naming_the_author_after_its_label_is_the_author() -> None:
    """The back page runs "Author Tymon Kiepe" on one line over "with contributions by ..."; "Policy Briefing" under
    the cover's title is the document's type, no one's name, and "Published by OpenOwnership" names its publisher."""
    assert briefing().author == "Tymon Kiepe"


def test_every_note_of_the_preview_resaved_briefing_is_read() -> None:
    """Notes 1 to 17, numbered through the briefing, their text in fonts Quartz embedded without ToUnicode maps."""
    assert [number for number, _ in briefing().footnote_list()] == list(range(1, 18))
    assert briefing().footnote(11) == (
        "Based on “Concept of a mechanism for verifying the reliability of information on UBO” shared with "
        "OpenOwnership by the “Up to 100%” verification working group, as well as discussions with the working group "
        "members in February 2020."
    )
    assert (
        "In Japan, notaries are required to check the identity of the beneficial owner by examining the submitted "
        "articles of association and other documents. They also check identities against their own database on "
        "organised crime groups and international terrorists.[5]"
    ) in texts(briefing())


def test_a_notes_second_line_repeated_at_the_foot_of_three_pages_stays_the_notes() -> None:
    """Notes 1, 5 and 10 cite one source, so each ends in the same line at the same height of pages 4, 5 and 7."""
    ending = "Best-Practices-Beneficial-Ownership-Legal-Persons.pdf [Accessed 20 April 2020]."
    assert all(briefing().footnote(number).endswith(ending) for number in (1, 5, 10))


def glyphs(top: float, bottom: float) -> list[tuple[dict, bool]]:
    """A line's characters as `_opens_band` sees one side of a page: each with whether its row runs across."""
    return [({"top": top, "bottom": bottom, "size": bottom - top, "text": "x"}, False)]


def test_heading_with_white_space_under_it_reaches_no_further_than_its_columns_lines() -> None:
    """ "VICTIMS" (page 9, 94.3 to 112.3 points, body text 11 points) has its column's last line above ending at 68.9
    and its next line under it at 125.4: the other column's text level with those lines stands beside them."""
    heading = _Line(page=9, top=94.3, bottom=112.3)
    assert _heading_reach(heading, glyphs(62.9, 73.9) + glyphs(125.4, 136.4), 11.0) == pytest.approx((79.4, 119.9))


def test_line_set_close_over_its_columns_next_line_reaches_its_full_height() -> None:
    """A GAO briefing slide's bullet in 12 points (eval/real/docs/gao-infant-formula-2006.pdf, page 12: its second
    line at 278.5 to 290.6, its third at 291.6), beside a box set in 10.4: no heading of a band, whatever stands level
    with its column's lines."""
    line = _Line(page=12, top=278.5, bottom=290.6)
    assert _heading_reach(line, glyphs(265.6, 277.6) + glyphs(291.6, 303.6), 10.4) == pytest.approx((266.4, 302.7))


def test_a_dash_item_at_a_column_s_foot_ends_before_the_next_column_s_paragraph() -> None:
    """Page 2's left column ends in a dash list whose last item ends without a full stop, its second line hung past
    the dash ("– triggering the appropriate alarms when BO data is" / "false or suspicious"); the right column opens
    at its edge with a paragraph of its own ("There is no one-size-fits-all solution to verification, ...")."""
    paragraphs = texts(briefing())
    item = paragraphs.index("– triggering the appropriate alarms when BO data is false or suspicious")
    assert paragraphs[item + 1].startswith("There is no one-size-fits-all solution to verification, and the right")


def test_a_line_charts_axis_values_months_and_legend_are_no_paragraphs() -> None:
    """Word's line charts among the columns: their axis's values, months and series' names, read off the chart."""
    found = texts(brief())
    assert not {"600", "350", "0", "Year-2024 Year 2025", "Jul Aug Sep Oct Nov Dec"} & set(found)
    assert not any(text.startswith(("0 Jan Feb", "Jan Feb Mar", "Year-2022")) for text in found)


def test_a_charts_title_is_text_and_the_text_after_the_chart_keeps_its_section() -> None:
    paragraphs = brief().paragraphs
    title = next(p for p in paragraphs if p.text.startswith("Trends in violence affecting civilians by Community"))
    after = next(p for p in paragraphs if p.text.startswith("Lakes State recorded the second highest number"))
    assert title.kind == "text"
    assert after.section == "Violence by Community-based Militias and/or Civil Defense Groups"


def test_a_sentence_running_over_a_chart_to_the_next_page_is_read_whole() -> None:
    """The chart closes page 3 under both columns; the right column's last sentence goes on at page 4's top."""
    assert any("the SSPDF allegedly conducted aerial bombardments in parts of Tonj East" in t for t in texts(brief()))


def test_a_sentence_running_from_column_to_column_under_a_chart_is_read_whole() -> None:
    """Page 5 opens with a chart over both columns: its right half's labels stand above the right column."""
    assert any(
        "increased displacement of undetermined number of civilians was documented." in t for t in texts(brief())
    )


def test_a_pictured_charts_legend_in_its_frame_is_no_paragraph() -> None:
    """Page 10's pie chart is an image, its title and legend set as text within the frame drawn round it."""
    paragraphs = brief().paragraphs
    assert not any(p.text.startswith("Community-based militias and/or civil defense groups Conv") for p in paragraphs)
    title = next(p for p in paragraphs if p.text == "Civilian casualties by type of perpetrators")
    assert title.kind == "text" and title.section == "Community-based Militias and/or Civil Defense Groups"


def test_a_donuts_total_set_large_in_its_hole_is_no_heading() -> None:
    """Page 9's donut prints "Total" / "1,153" / "Victims" in its hole, in bold type larger than the text's, and
    its slices' values beside it: the chart's, so the text after the chart stays under "VICTIMS"."""
    paragraphs = brief().paragraphs
    assert not {"Total", "1,153", "Victims", "Women, (166), 14%"} & {p.text for p in paragraphs}
    after = next(p for p in paragraphs if p.text.startswith("The primary form of harm perpetrated against women"))
    assert after.section == "VICTIMS"


def test_a_maps_legend_set_small_over_it_is_no_paragraph() -> None:
    """Page 11's map, an image inside the page's margins, its legend's names in 5-point type over its pasted keys."""
    found = texts(brief())
    assert not any(
        text.startswith(("Community-based militias Conventional", "Opportunistic violence")) for text in found
    )


def test_a_masthead_beside_the_emblem_names_the_unit_and_its_mission() -> None:
    """Page 1's masthead prints "Human Rights Division" / "United Nations Mission" / "in South Sudan" beside the
    emblem: a division over the mission it belongs to, given as printed (the manifest's author is "UNMISS Human
    Rights Division", a name the brief prints only in its first highlight)."""
    assert brief().author == "Human Rights Division, United Nations Mission in South Sudan"
    assert not {"Human Rights Division", "United Nations Mission", "in South Sudan"} & set(texts(brief()))


def test_the_period_in_a_box_over_the_title_is_no_heading() -> None:
    """Page 1 prints "July-September 2025" in a box at the top right, over the title: the quarter reported on, and
    the first section's text stays under "CONTEXT"."""
    paragraphs = brief().paragraphs
    period = next(p for p in paragraphs if p.text == "July-September 2025")
    first = next(p for p in paragraphs if p.text.startswith("This brief presents an overview of trends"))
    assert (period.kind, first.section) == ("text", "CONTEXT")


def test_a_maps_title_centred_over_it_is_its_caption() -> None:
    """Pages 11 and 12 are maps, each titled over it ("Location of Violence Affecting Civilians in South Sudan",
    "Map of four major forms of violence"): each title a paragraph of its own, no heading."""
    paragraphs = brief().paragraphs
    titles = [p for p in paragraphs if p.text.startswith(("Location of Violence", "Map of four major"))]
    assert [(p.text, p.kind) for p in titles] == [
        ("Location of Violence Affecting Civilians in South Sudan", "text"),
        ("Map of four major forms of violence", "text"),
    ]

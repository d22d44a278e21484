"""Two briefs in the wild collection (tests/data/wild, see its manifest.jsonl), each from a producer or in a layout the
collection had not met: the UNMISS Human Rights Division's quarterly brief on violence affecting civilians (Word for
Microsoft 365: two columns in bands, each band's heading set in large capitals over its left column, Word's own charts
among the columns, five notes at the page foot), and Open Ownership's policy briefing on verifying beneficial ownership
data (laid out in a page-layout program, re-saved through macOS Preview: Quartz PDFContext, Type 1C fonts without
ToUnicode maps, two columns, seventeen notes at the page foot).

Expected values are what each document prints, as `pdftotext` shows it.
"""

from __future__ import annotations

from qa.corpus import Article
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

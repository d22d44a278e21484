"""Two PDFs of the wild collection from producers it had not held (tests/data/wild, see its manifest.jsonl): a
Ranking Digital Rights company card that headless Chrome printed from the Index's web page (Skia/PDF m87), and a
Fifth Circuit opinion as Chromium's PDF library (PDFium) saved it again after filing.

Expected values are what each document prints, as `pdftotext` shows it.
"""

from __future__ import annotations

from pathlib import Path

from qa.settings import PROJECT_ROOT
from tests.parsed import articles

WILD = PROJECT_ROOT / "tests" / "data" / "wild"
CARD = WILD / "rdr-index-2020-baidu.pdf"
OPINION = WILD / "ca5-2022-st-pierre-v-standard-insurance.pdf"


def read(path: Path) -> tuple[list[str], dict[int, str]]:
    """The paragraph texts and the notes of the one article the file makes."""
    (article,) = articles(path)
    return [p.text for p in article.paragraphs], dict(article.footnotes)


def test_note_carried_over_to_the_next_page_foot_ends_there() -> None:
    """Note 2 breaks off at page 7's foot mid-sentence ("for the purpose") and goes on at page 8's, under no note of
    its own, in lower case."""
    texts, notes = read(OPINION)
    assert notes[2] == (
        "St. Pierre submits various pre-Insurance Code cases, and none since the Code was enacted, where Texas courts"
        " did consider employers agents of insurers for the purpose of deducting premiums. If anything, these cases"
        " demonstrate the effect of the Insurance Code in halting that treatment."
    )
    assert not [t for t in texts if t.startswith("of deducting premiums")]


def test_percentage_set_small_beside_a_heading_is_no_note_marker() -> None:
    """The heading "Governance" in 22 points, "11%" in 10 beside it, centred on its height: the score, not note 11
    (the card has notes 1-5)."""
    texts, notes = read(CARD)
    assert "Governance 11%" in texts
    assert "Freedom of Expression 13%" in texts
    assert sorted(notes) == [1, 2, 3, 4, 5]


def test_glyph_mapped_to_no_character_is_left_out_as_pdftotext_leaves_it() -> None:
    """The sidebar font's ligatures map to U+0000: no such character reaches the text, and the words read as
    pdftotext reads them."""
    texts, _ = read(CARD)
    assert not [t for t in texts if "\x00" in t]
    assert any("Policies that came into e ect after September 15, 2020 were not evaluated" in t for t in texts)
    assert "Lead researchers: Jie Zhang and Zak Rogo" in texts


def test_line_of_a_box_beside_another_on_its_own_leading_is_a_line_of_its_own() -> None:
    """Page 2 sets "Changes since 2019" with its list on the left, and beside it a box of one line ("Gained 6.5
    points ...") whose baseline falls between the list's first two lines: the list's sentence reads on in the list,
    and the box's line is a paragraph under its own heading."""
    texts, _ = read(CARD)
    assert (
        "Baidu improved its governance processes by establishing a committee to supervise privacy protections and"
        " broadening the range of privacy issues addressed in its internal training program."
    ) in texts
    assert "Gained 6.5 points on comparable indicators since the 2019 RDR Index." in texts
    assert "+ 6.5 points" in texts


def test_list_of_names_beside_a_paragraph_is_read_one_box_at_a_time() -> None:
    """Page 1 lists the services evaluated ("Baidu Search", "Baidu Cloud", "Baidu PostBar") left of a paragraph on
    the Index's period whose lines stand between the names' lines: no name lands inside a sentence, nor is the last
    name run on into the paragraph's first line."""
    texts, _ = read(CARD)
    assert {"Baidu Search", "Baidu Cloud", "Baidu PostBar"} <= set(texts)
    assert (
        "The 2020 RDR Index covers policies that were active between February 8, 2019 and September 15, 2020."
        " Policies that came into e ect after September 15, 2020 were not evaluated for this Index. Scores re ect the"
        " average score across the services we evaluated, with each service weighted equally."
    ) in texts

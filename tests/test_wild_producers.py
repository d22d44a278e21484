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

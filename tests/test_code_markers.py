"""A bracketed number in code is an index or a program's output label, never a note marker (issue 13, item 1).

The omock paper (LuaHBTeX, the Journal of Open Source Software) sets its R examples in a fixed-pitch face (Hack) apart
from its proportional body text, R's console output with them: "#> [1] TRUE". Each "[1]" there is the label R prints
before a vector's first element; read as a marker, it cited a note the paper does not have. In code it stays the text
the page prints. A court's opinion typed throughout in Courier is no code: its body is in that face, and its markers
cite their notes.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from qa.corpus import Article
from qa.formats.pdf import _fixed_pitch, _read
from tests.parsed import articles

WILD = Path(__file__).parent / "data" / "wild"
PAPER = WILD / "joss-2025-omock-paper.pdf"
TYPED = WILD / "ca1-2020-calvary-chapel-v-mills.pdf"


@pytest.fixture(scope="module")
def paper() -> Article:
    (parsed,) = articles(PAPER)
    return parsed


def test_r_output_label_in_a_pdf_code_block_is_text_not_a_marker(paper: Article) -> None:
    (output,) = [p for p in paper.paragraphs if p.text.startswith("#> [1] FALSE")]
    assert output.text == "#> [1] FALSE"
    assert output.markers == ()
    assert output.literal == (3,)


def test_no_bracketed_number_in_a_pdf_code_block_cites_a_note(paper: Article) -> None:
    """The paper has no notes: every "[1]" it prints is in its R examples."""
    coded = [p.text for p in paper.paragraphs if "[1]" in p.text]
    assert len(coded) == 3
    assert [m for p in paper.paragraphs for m in p.markers] == []


def test_fixed_pitch_is_told_from_the_glyphs_widths_not_the_fonts_name() -> None:
    """Only Hack sets "i" and "m" alike; the proportional faces do not, nor does a math font set one glyph in."""
    _, pages, *_ = _read(PAPER.read_bytes())
    lines = [line for segments in pages for segment in segments for line in segment.lines]
    assert {font.split("+")[-1] for font in _fixed_pitch(lines)} == {"Hack-Regular"}


def test_markers_of_a_document_typed_throughout_in_a_fixed_pitch_face_cite_their_notes() -> None:
    """The opinion's text and notes are in Courier: its body's face, so none of its lines is code."""
    (opinion,) = articles(TYPED)
    markers = [m.number for p in opinion.paragraphs for m in p.markers]
    assert markers == [1, 2]
    assert all(number in opinion.footnotes for number in markers)

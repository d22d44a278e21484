"""A bracketed number in code is an index or a program's output label, never a note marker (issue 13, item 1).

The omock paper (LuaHBTeX, the Journal of Open Source Software) sets its R examples in a fixed-pitch face (Hack) apart
from its proportional body text, R's console output with them: "#> [1] TRUE". Each "[1]" there is the label R prints
before a vector's first element; read as a marker, it cited a note the paper does not have. In code it stays the text
the page prints. A court's opinion typed throughout in Courier is no code: its body is in that face, and its markers
cite their notes. A web page's `<pre>` and a Markdown code block keep "[1]" as words the same way, even where the
document defines a note 1.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from qa.corpus import Article
from qa.formats import parse_bytes
from qa.formats.pdf import _fixed_pitch, _read
from tests.parsed import articles

WILD = Path(__file__).parent / "data" / "wild"
PAPER = WILD / "joss-2025-omock-paper.pdf"
TYPED = WILD / "ca1-2020-calvary-chapel-v-mills.pdf"
TRANSCRIPT = WILD / "evolve-sphinx-shared-mutable-history.html"
PANDOC_PAPER = WILD / "joss-inara-2022-article-writing.md"


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
    chars = [char for segments in pages for segment in segments for line in segment.lines for char in line.chars]
    assert {font.split("+")[-1] for font in _fixed_pitch(chars)} == {"Hack-Regular"}


def test_markers_of_a_document_typed_throughout_in_a_fixed_pitch_face_cite_their_notes() -> None:
    """The opinion's text and notes are in Courier: its body's face, so none of its lines is code."""
    (opinion,) = articles(TYPED)
    markers = [m.number for p in opinion.paragraphs for m in p.markers]
    assert markers == [1, 2]
    assert all(number in opinion.footnotes for number in markers)


def test_bracketed_number_in_a_web_pages_listing_stays_words_beside_a_reference_list() -> None:
    """The Sphinx page's transcript ("merge:[6] fix bug 24") under a numbered reference list holding 4, 6 and 7:
    a typed "[6]" in running text would cite that list; in `<pre>` it is the tool's output."""
    listed = "".join(f"<li>Reference number {n}, cited by its number.</li>" for n in range(1, 8))
    page = TRANSCRIPT.read_bytes().replace(b"</body>", f"<h2>References</h2><ol>{listed}</ol></body>".encode())
    (article, *_) = parse_bytes(page, TRANSCRIPT.name).articles
    (listing,) = [p for p in article.paragraphs if "merge:[6]" in p.text]
    assert listing.markers == ()
    assert "merge:[6] fix bug 24 (v2 by bob)" in listing.text.splitlines()


def test_bracketed_number_in_a_markdown_code_block_stays_words_where_the_document_defines_that_note() -> None:
    """The JOSS guide defines notes 1 and 2; R's output "#> [1] TRUE" in a fenced block below them cites neither."""
    document = PANDOC_PAPER.read_bytes() + b"\n```r\nall(x > 0)\n#> [1] TRUE\n```\n"
    (article,) = parse_bytes(document, PANDOC_PAPER.name).articles
    assert set(article.footnotes) == {1, 2}
    (listing,) = [p for p in article.paragraphs if "#> [1] TRUE" in p.text]
    assert listing.text == "all(x > 0)\n#> [1] TRUE"
    assert listing.markers == ()


def test_bracketed_number_in_a_markdown_code_span_stays_words_where_the_document_defines_that_note() -> None:
    """A code span and inline HTML `<code>` index a list: "x[1]" cites none of the JOSS guide's notes 1 and 2."""
    document = PANDOC_PAPER.read_bytes() + b"\nRead the first item with `x[1]`, the second with <code>x[2]</code>.\n"
    (article,) = parse_bytes(document, PANDOC_PAPER.name).articles
    assert set(article.footnotes) == {1, 2}
    (paragraph,) = [p for p in article.paragraphs if p.text.startswith("Read the first item")]
    assert paragraph.text == "Read the first item with x[1], the second with x[2]."
    assert paragraph.markers == ()


def test_raw_html_pre_in_markdown_is_one_preformatted_paragraph_whose_brackets_stay_words() -> None:
    """A `<pre>` written into the Markdown keeps its lines (its words were lost) and cites no note."""
    document = PANDOC_PAPER.read_bytes() + b"\n<pre>\n&gt; x &lt;- c(10, 20)\n&gt; x[1]\n[1] 10\n</pre>\n"
    (article,) = parse_bytes(document, PANDOC_PAPER.name).articles
    (listing,) = [p for p in article.paragraphs if "[1] 10" in p.text]
    assert (listing.kind, listing.text, listing.markers) == ("preformatted", "> x <- c(10, 20)\n> x[1]\n[1] 10", ())

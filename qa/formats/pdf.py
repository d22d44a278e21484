"""PDF reports -> articles with page numbers: lines rebuilt from characters, then paragraphs.

A report is one article, or one per run of note numbers when its numbering starts again (a letter,
then briefing slides, then an appendix, each numbering from 1): a marker finds only its own run's note.

pdfplumber (on pdfminer.six, pure Python) is used because it gives every character's font size
and position: a superscript note marker is only recognisable as a smaller, raised digit, and
running headers, page numbers, columns and page-foot notes only by where they stand on the page.
Text-only extractors (pypdf's `extract_text`) flatten superscripts into the words, turning
"camps.³" into "camps.3". PyMuPDF would do as well but is AGPL-licensed.

Nothing here knows a producer: Word, LaTeX, InDesign, browsers and report generators set the same
things (smaller raised digits, a gutter between columns, lines repeated at the page edges) in
different ways, and every rule reads the geometry, never a document's strings.
"""

from __future__ import annotations

import datetime
import io
import math
import re
import unicodedata
from bisect import bisect_right, insort
from collections import Counter
from collections.abc import Callable, Iterable, Iterator, Mapping, Sequence
from dataclasses import dataclass, field, replace
from difflib import SequenceMatcher
from itertools import combinations, pairwise, takewhile
from pathlib import PurePosixPath
from statistics import median
from urllib.parse import urlsplit

import pdfplumber
from pdfminer.cmapdb import FileUnicodeMap
from pdfminer.encodingdb import name2unicode
from pdfminer.pdfdocument import PDFDocument, PDFPasswordIncorrect
from pdfminer.pdffont import PDFFont, PDFSimpleFont
from pdfminer.pdfinterp import PDFResourceManager
from pdfminer.pdfpage import PDFPage
from pdfminer.pdfparser import PDFParser
from pdfminer.pdftypes import PDFStream, resolve1
from pdfminer.psparser import PSLiteral

from qa.corpus import ParagraphKind
from qa.formats.document import (
    BYLINE_BY_RE,
    LEADER_RE,
    NOTES_HEADING_RE,
    WORD_JOINER,
    Block,
    Extracted,
    Parsed,
    assemble_sections,
    cited_numbers,
    iso_date,
    literal_brackets,
    month_date,
    noteless_marker,
    reused_marker,
    squash,
    symbol_marker_re,
)
from qa.formats.errors import UnreadableDocument
from qa.formats.line_hyphens import BROKEN_RE, document_words, hyphen_break
from qa.formats.metadata import (
    FORMS_OF_ADDRESS,
    IDENTIFIER_RE,
    LABELLED_TERMS_RE,
    maker,
    memo_sender,
    personal_names,
    reporting_body,
    role,
    term_list,
    trusted,
    web_address,
)
from qa.sentences import MARKER_RE, NOTE_MARKER_RE, NOTE_NUMBER, NOTE_SYMBOLS, note_key, split_sentences

_SUPERSCRIPT_SIZE = 0.9
"""A digit run smaller than this share of its line's size, and raised, is a note marker (browsers set 0.83)."""
_RAISED = 0.15
"""How far above the line's baseline, as a share of its size, a marker's foot must stand."""
_HEADING_SIZE = 1.15
_DISPLAY_SIZE = 2.0
"""Text this many times the body's size or larger is display type: a title, or a figure's big number (`_figure`)."""
_NOTE_SIZE = 0.93
"""Lines at a page's foot in a font this much smaller than the body are that page's footnotes (Word sets a note a
point smaller: 11.04 points under 12, 0.92 of it)."""
_RULE_LINE_RE = re.compile(r"[—–_-]{3,}")
"""A rule typed as a line of dashes or underscores: over a foot (a slip opinion's "——————") it opens the notes;
anywhere it is no text."""
_PARAGRAPH_GAP = 0.5
"""Blank space between lines, as a share of the font size, that separates paragraphs."""
_SHORT_LINE = 0.85
_RAGGED_LINE = 0.7
"""A line ending short of this share of its column's width is shorter than ragged-right text runs: no paragraph goes
on from it to the next page (`_closes_box`)."""
_CAPITALS = 0.9
"""The share of a line's characters at or below the size its capitals are set in (`_type_size`)."""
_PAGE_FOOT = 2.0
"""A paragraph goes on over a page break only from a line within this many of its sizes of its column's foot."""
"""A line ending before this share of the text width ends its paragraph when it ends a sentence."""
_SAME_EDGE = 1.0
"""Two lines whose left edges lie within this many points are set at one margin (`_Notes._after_notes`)."""
_TEXT_EDGE_GAP = 2.0
"""A rule over a page's notes starts within this many points of the text's left edge (`_mark_foot_rule`)."""
_TEXT_EDGE = 0.8
"""Share of a page's body lines that end left of its text's right edge (the rest reach it or overhang)."""
_WORD_GAP = 0.1
"""Empty space between two characters, beyond the line's letter spacing (`_tracking`), as a share of their size, that
parts two words: poppler's `minWordBreakSpace`, so a sign set a thin space apart ("§ 39.13") reads as two words."""
_OVERLAP = 0.4
"""Share of a character's height that must overlap a line's for the character to sit on that line."""
_ONE_SIZE = 1.05
"""Two runs whose sizes differ by less than this ratio are set in one size (`_staggered`, `_box_gutter`); a margin
heading set beside its text is a point larger (12 against 10.98 points)."""
_LEVEL_SLACK = 0.5
"""Lines whose tops (or feet) differ by less than this share of the text's size stand level (`_heading_reach`)."""
_STAGGER = 0.2
_BOX_WORDS = 4
"""Words a line of running text holds at least (`_box_gutter`); a chart's label holds a name or two."""
"""Ems apart two baselines stand at least for text on them, a gutter apart, to be two boxes' lines (`_staggered`)."""
_STACKED = 0.5
"""Share of the narrower glyph's width two glyphs must overlap to stand over one another, on two lines (`_group`)."""
_STACKED_SHARE = 0.3
"""Share of a run's glyphs standing over a line's glyphs that puts the run on a line of its own (`_stacked`)."""
_KERN = 0.15
"""How much of its width a logo's raised or lowered letter overlaps each neighbour it kerns into, at least
(`_kerned_letters`): TeX's logo overlaps by a fifth or more, a second impression drifting off its copy by a sliver."""
_GLUED = 0.15
"""How far, as a share of a marker's size, its first glyph may stand from the end of the glyph it is glued after
(`_lifted_markers`): set with no space, the two touch."""
_OVERPRINT_SHIFT = 0.25
"""A run stacked over a line at the line's size and within this share of it from its top is printed over it."""
"""Share of a run's glyphs standing over a line's glyphs that puts the run on a line of its own (`_stacked`)."""
_GUTTER_GAP = 0.8
"""Empty space between two characters of a row, as a share of its size, wide enough to be a column gutter."""
_COLUMN_ROWS = 6
"""A column has at least this many rows beside the gutter; a page with fewer on either side has one column."""
_GUTTER_ZONE = 0.15
"""A gutter lies in the middle of the text: not within this share of the text width from either side."""
_JUSTIFIED_GAP = 2.5
"""On a row of typewriter type (`_stretched_space`), a gap no wider than this many of its narrowest word spaces is a
space between words, however wide against the type's size: two spaces after a full stop, stretched."""
_LETTER_GAP = 0.15
"""Glyphs of a row further apart than this share of its size stand in different words; closer ones in one word."""
_WIDE_SPACE = 0.5
"""A word space at least this share of the type's size is wide, as a typewriter's is."""
_PITCH = 0.01
"""Glyphs whose widths differ by less than this many points are of one width: a fixed-pitch (typewriter) font."""
_STRETCHED_GAPS = 3
"""A row shows its word spacing only with at least this many spaces between words."""
_ITEM_GAP = 3.0
"""How far right of a bullet glyph, as a share of the line's size, its item's first character may start."""
_BULLETS = frozenset("•‣◦⁃∙●○■□▪▫◆◇►▸▹➢➤❖✓✔")
"""Glyphs that open a list item when they open a line."""
_ENUMERATOR_RE = re.compile(
    r"(?:\((?P<enclosed>[0-9]{1,2}|[a-z]|[ivx]{1,4})\)|(?P<closed>[0-9]{1,2}|[a-zA-Z]|[ivxIVX]{1,4})[.)])\s"
)
"""A line's opening number of a numbered list item: digits, a letter or a roman numeral, in parentheses or closed by a
period or parenthesis ("1. ", "(a) ", "iv) "); two digits at most, so a year wrapped to a line's start is none."""
_ROMAN = {"i": 1, "v": 5, "x": 10}
"""The roman numerals' letters an item's number may be written with (to "xxxix", far past any list's length)."""
_ITEM_EDGE = 0.5
"""Items of one numbered list start within this share of their size of one another; a line further right is
indented, one further left is out of the list."""
_OVERPRINT = 1.0
"""Points apart within which the same character at the same size, drawn twice, is one character overprinted."""
_LAYER_SHIFT = 0.25
"""A run within this share of its size from another text's top, at that size, is set on that text's baseline."""
_COPY = 0.5
"""Likeness (difflib's ratio) of a run's letters to those it covers from which the run is a copy of them."""
_NESTING = 3
"""How deep columns are looked for inside columns."""
_GRID_ROWS = 3
_GRID_COLUMNS = 4
_CELL_WORDS = 4
"""A ruled grid of at least this many rows and columns whose every cell holds at most this many words is a table of
labels and figures: read row by row its cells run together, and no cell is a sentence to quote."""
_CELL_GAP = 0.5
"""Ems of space a table's cell keeps between its text and a vertical rule beside it, on both sides together at most
(a word space is a quarter to a third of an em)."""
_HEAD_SPAN = 0.5
_HEAD_DEPTH = 3.0
_HEAD_CELLS = 3
"""A table's head row set between two horizontal rules of one extent, across at least `_HEAD_SPAN` of the page's
width, at most `_HEAD_DEPTH` of its type size apart, its text in at least `_HEAD_CELLS` cells (`_head_cells`)."""
_ROW_GAP = 0.25
"""Ems of space more than between a table cell's wrapped lines that part two of its rows (`_row_starts`)."""
_TABLE_ROWS = 2
"""A band between two rules of one extent is a table's body when it has at least this many rows in at least
`_HEAD_CELLS` columns (`_band_cells`): prose, even in two columns, stands in one or two."""
_RULE_WEIGHT = 0.8
_RULE_THICKNESS = 3.0
"""A table set with booktabs' rules (`_ruled_tables`) is closed by a top and a bottom rule of one weight, heavier than
the rules inside it: a rule inside weighs at most `_RULE_WEIGHT` of them (booktabs: 0.05 em against 0.08 em). A rule
drawn as a filled rectangle is at most `_RULE_THICKNESS` points thick."""
_CENTRED = 0.2
"""Ems off the middle of a fraction's bar its numerator's and its denominator's middles stand at most (TeX centres
them exactly; measured 0.03 em)."""
_SIDEBAR_ROWS = 3
"""Rows beside the body text, starting at one x, that make a sidebar."""
_EDGE_SLACK = 0.25
"""Share of the type size by which the starts of a sidebar's lines may differ and still stand at one edge
(`_aligned_edges`)."""
_MARGIN_COLUMN = 0.5
"""A first page's column at most this share of the width of the column beside it, set in smaller type than the body
throughout, is its margin's furniture (`_margin_column`)."""
_OPENING_PAGES = 3
"""The pages a report opens with (cover, summary, a covering letter's first page): where it prints its date and
authors when its first page does not."""
_BYLINE_PAGES = 2
"""A byline giving the authors' jobs stands on the cover or the page after it; further on, a covering letter's
addressees ("The Honorable ...", over their office) are names over titles too."""
_TOC_RUN = 3
"""Lines ending in page numbers make a table of contents only in a run at least this long."""
_ORGANISATION_WORDS = (2, 8)
"""An organisation's name has two to eight words ("Ranking Digital Rights", "Office of the High Commissioner for
Human Rights")."""
_JOINING_WORDS = frozenset({"of", "for", "and", "the", "on", "in", "&"})
_CAPITALISED_RE = re.compile(r"[A-ZÀ-Þ][^\W\d_]*(?:['’.\-\u2010\u2011][^\W\d_]*)*\.?")
"""A capitalised word, its parts joined by an apostrophe, a full stop or a hyphen (ASCII's, or Unicode's U+2010 and
non-breaking U+2011 as Word's PDFs print them: "Pan‐Canadian")."""
_LABELLED_DATE_RE = re.compile(r"(?:[^\W\d_]+(?: [^\W\d_]+)?:|[A-Z]{3,}(?: [A-Z]{3,})?)\s*(\S.*)")
"""A label and its value ("Published: 12 September 2025"), as a paper's history lists its dates; a label in
capitals needs no colon ("PUBLISHED 02 September 2022"): its case parts it from the value as a colon would."""
_DAYS = r"\d{1,2}\s*[-–]\s*\d{1,2}"
_DAY_RANGE_RE = re.compile(
    rf"(?<!\w)(?:(?P<month>[^\W\d_]{{3,}}\.?) {_DAYS},?|{_DAYS} (?P<after>[^\W\d_]{{3,}}\.?),?) (?P<year>\d{{4}})(?!\d)"
)
"""Days of one month ("July 5 - 10, 2020", "5-10 July 2020"): a meeting's dates, known to its month only."""
_SITE_RE = re.compile(r"(?:https?://)?[\w-]+(?:\.[\w-]+)*\.[a-z]{2,6}(?:/\S*)?", re.IGNORECASE)
"""A web address as a cover prints it, scheme and all or just its host and path ("rankingdigitalrights.org/index")."""
_DATELINE_WORDS = 6
_DATE_LABEL_WORDS = 2
"""A dateline is short; before the date it may carry a label or a place ("Updated", "Geneva,")."""

GENERIC_HEADINGS = frozenset(
    {
        "contents", "table of contents", "abstract", "summary", "executive summary", "foreword", "preface",
        "acknowledgements", "acknowledgments", "introduction", "overview", "key findings", "background",
        "methodology", "recommendations", "conclusion", "conclusions", "glossary", "abbreviations", "acronyms",
        "list of abbreviations", "notes", "endnotes", "footnotes", "references", "annex", "appendix",
    }
)  # fmt: skip
"""Section names any report may carry: large on a first page, they name a section, never the document."""
_PAGE_NUMBER_RE = re.compile(
    r"(?:page\s+)?[-–—]?\s*(?:\d{1,5}|[ivxlc]{1,6})\s*[-–—]?(?:\s+of\s+\d{1,4})?", re.IGNORECASE
)
_FIGURE_RE = re.compile(r"[-+]?[\d.,]+%?|%|\|")


def _figures(text: str) -> bool:
    """Whether the words after a plain number show it a figure, not a note's number: a percent sign after it, or
    a row of more figures ("100 % Telefónica Axiata ..." and "67 67 56 56 50 ...": a chart's axis and its data
    labels, set small at a page's foot like notes)."""
    tokens = text.split()
    return tokens[0] == "%" or 2 * sum(_FIGURE_RE.fullmatch(token) is not None for token in tokens) > len(tokens)


_BRACKET_NOTE_RE = re.compile(rf"(?P<open>\()?\[(?P<number>{NOTE_NUMBER})\](?(open)\))\s*(?P<text>\S.*)")
"""A note opening with its marker, "[33]“A/HRC…", or with the raised number between parentheses of the text's size
that the Official Journal prints, "(¹) OJ C 229 ..." read "([1]) OJ C 229 ...": the parentheses are the marker's."""
_CITATION_RE = re.compile(rf"\[({NOTE_NUMBER}(?:\s*[,–-]\s*{NOTE_NUMBER})+)\]")
"""Several numbers cited in one bracket, listed or ranged or both: "[2, 3]", "[30–32]", "[3, 7–9]"."""
_PLAIN_NOTE_RE = re.compile(rf"({NOTE_NUMBER})(?:[.)]?\s+|[.)](?=[^\W\d_]))(\S.*)")
"""A note opening with its plain number, its text after a space, or glued to the number's full stop where the
typesetter dropped the space ("9.For the full set ..."): a decimal ("3.5 percent") goes on with a digit."""
_LONE_NUMBER_RE = re.compile(rf"[\[(]?({NOTE_NUMBER})[\].)]?")
_MARKER_RUN_RE = re.compile(rf"[\[(]?{NOTE_NUMBER}(?:\s*[,;–-]\s*{NOTE_NUMBER})*[\])]?")
"""A raised run that cites notes: one number, or a list or range of them ("1,2", "1–3", "2,5-7"), as journals set
them; bracketed or parenthesised too."""
_SENTENCE_END_RE = re.compile(rf"[.!?:][\"”’')\]]*(?:\[{NOTE_NUMBER}\])*$")
_SYMBOL_NOTE_RE = re.compile(r"[*∗†‡§¶]+\s*\S")
_SYMBOL_OPENING_RE = re.compile(rf"(?P<label>[{NOTE_SYMBOLS}]{{1,3}})\.?\s*(?P<text>\S.*)")
"""A page-foot note that opens with its symbol ("* Pursuant to ...", "∗The data ...", "**. See ..."): the label, a
full stop after it as after a note's number, then the text."""


_POWER_BASE_RE = re.compile(r"(?:^|[\s(])(?:10|[^\W\d_])$")
"""A ten or a lone letter just before raised digits: their base, as in a count of cells ("2 x 10⁵ PBMCs") or a
statistic ("R² of the model", "χ² test"). A note's marker follows a word or a sentence's punctuation, not a
variable's one letter."""
_POWER_RE = re.compile(r"[0-9]+")
_SUPERSCRIPT_DIGITS = str.maketrans("0123456789", "⁰¹²³⁴⁵⁶⁷⁸⁹")
"""A power's raised digits (`_POWER_BASE_RE`) and how they are written: raised, as the page prints them."""
_SUPERSCRIPTS = {raised: plain for plain, raised in zip("0123456789", "⁰¹²³⁴⁵⁶⁷⁸⁹", strict=True)}
"""Each superscript digit character and the digit it raises (`_folded`)."""
_AFFILIATION_MARKS_RE = re.compile(rf"(?:\s*(?:[*∗†‡§¶✉]|\[{NOTE_NUMBER}\]))+,?")
"""The marks after an author's name that point to an affiliation or a role: symbols ("Ana Ruiz†∗") or a raised
number read as a marker ("Lee Kim[2]"), with the comma after them: where a byline parts its names (`_marked_names`),
and what a labelled byline's names are read without (`_labelled_byline`). The corresponding author's mark may be an
envelope set apart after the numbers ("Ana Ruiz[1][4] ✉"): a role's mark like "∗"."""
_WORD_RE = re.compile(r"[^\W\d_]+")
_TITLE_WORD_RE = re.compile(r"[^\W\d_]{2,}")
"""A title has a word: a letter alone, however large (a logo's glyph on a cover), is no title."""
_URL_RE = re.compile(r"(?:https?://|www\.)\S*|\S*\w\.[a-z]{2,}/\S*|/?(?:[\w.%-]+/){2,}\S*")
_LIGATURES = {code: unicodedata.normalize("NFKC", chr(code)) for code in range(0xFB00, 0xFB07)}
"""Typographic ligatures ("ﬁ") are the letters a reader reads ("fi"), as every text extractor gives them."""
_UNMAPPED_RE = re.compile(r"\(cid:\d+\)|\ufffd")
"""pdfminer's name for a glyph the PDF gives no character for (mostly bullets), or the replacement character a font's
own map gives it (a TeX symbol font's dagger): nothing a reader can quote, and pdftotext leaves it out too."""
_SYMBOL_BULLETS = frozenset("\uf0b7\uf0a7\uf0d8\uf0fc\uf076\uf06e")
"""Word's list bullets as a PDF maps them when their symbol font has no Unicode map: the font's code moved into the
Private Use Area (Symbol's bullet U+F0B7; Wingdings' square, arrowhead, check, diamond and block: U+F0A7, U+F0D8,
U+F0FC, U+F076, U+F06E). pdftotext prints them as those private characters; no reader can quote one as a word."""
_NO_TEXT = "\x00"
"""The text a font's ToUnicode map gives a glyph it knows no character for: headless Chrome (Skia/PDF) maps a web
font's ligatures (ff, fi, fl) so. The glyph is no character a reader can quote, and no list's bullet (an unmapped
glyph left of a word, `_mark_items`), for it stands inside words ("e?ect"); it is left out as pdftotext leaves it,
its width parting the word as pdftotext parts it ("e ect")."""
_URL_BREAK = "/-_?&=#%~"
"""A URL cut after one of these, or going on with one of these, continues on the next line."""
_URL_END_RE = re.compile(r"(?<![/:])/[^/]*\w\.[A-Za-z][A-Za-z0-9]{1,4}[.,;:]?$")
"""A web address whose path ends in a file's name with its extension ("www.gao.gov/fraudnet/fraudnet.htm",
"/reports/2020.pdf."): a part after a path's slash, not the scheme's "//" ("https://www.exam" is a host cut off)."""
_URL_SUFFIX_RE = re.compile(r"[a-z][a-z0-9]{1,4}[.,;:]?")
"""The end of a web address's name after a dot, carried to the next line: a file's type ("html", "pdf") or a domain's
("org")."""
_CONTENTS_LINE_RE = re.compile(r"(?:\d+(?:\.\d+)*\.?\s+)?[^\d\s].*?[^\d\s.,;:%]\s+(\d{1,4})")
_APART_ENTRY_RE = re.compile(r"(?:\d+(?:\.\d+)*\.?\s+)?[^\d\s].*?[^\s.,;:%]\s+(\d{1,4})")
"""A contents line whose title may end in a digit: read only where its page number stands apart (`_entry`)."""
_BOLD_RE = re.compile(r"bold|-Medi(?:Ital)?$|CMBX|(?-i:\.BI?$)", re.IGNORECASE)
"""A bold font's name: "Bold" in it, or the weights of the fonts TeX sets most text in, URW's Times and Helvetica
("NimbusRomNo9L-Medi", beside "-Regu") and Computer Modern's bold extended ("CMBX10"), or the weight suffix of the
fonts the Advent 3B2 typesetting system embeds under hashed names ("AdvOT3b30f6db.B", "AdvOT65f8a23b.I" beside it):
".B" bold, ".BI" bold italic. Springer Nature's and Frontiers' articles set their headings so ("ACKNOWLEDGEMENTS"
after the references), and a heading not seen as bold does not end the notes above it."""
_EQUATION_NUMBER_RE = re.compile(r"\(\d{1,3}\)")
_NUMBERING_RE = re.compile(r"(?:\d+(?:\.\d+)*\.?|[IVX]+\.)\s+")


@dataclass
class _Line:
    page: int
    top: float
    bottom: float
    chars: list[dict] = field(default_factory=list)
    text: str = ""
    size: float = 0.0
    x0: float = 0.0
    x1: float = 0.0
    bold: bool = False
    marked: bool = False
    """The line opens with a superscript number: how a note at a page's foot starts."""
    raised: tuple[int, ...] = ()
    """The numbers of the markers set raised within the line (`_render`: small raised digits, or superscript digit
    characters), its opening number aside: a note's marker, as a bracketed citation ("[3]" printed so) is not."""
    listed: bool = False
    """The line opens after a glyph the PDF maps to no character (a bullet): it starts a list item."""
    row: int = 0
    """The line's place among the page's rows, top to bottom (columns side by side share a row)."""
    column: tuple[float, float] | None = None
    """The left and right edge of the column the line is set in, on a page of columns."""
    tabled: bool = False
    """The line stands in a table's body under a ruled head (`_table_bodies`), read in its columns (`_mark_tabled`)."""
    table_head: bool = False
    """The line stands in the ruled head of a table whose body is `tabled` (`_mark_table_heads`)."""
    cell: int = 0
    """The number of the table's cell the line stands in, on a table read row by row (`_ruled_rows`); 0 outside."""
    code: bool = False
    """The line is set wholly in a fixed-pitch face in a document whose body is not: a listing's (`_code_lines`)."""
    label: bool = False
    """The line is the number of the paragraph beside it, set in the page's margin (`_margin_labels`)."""
    side: bool = False
    """The line is a heading set in the page's margin beside the text it heads (`_side_headings`)."""
    ruled: bool = False
    """The line stands under a short rule at the foot of its page (`_mark_foot_rule`): where notes begin."""
    before_chart: bool = False
    """A chart's labels, left out, follow the line in reading order (`_mark_before_charts`)."""
    boxed: bool = False
    """The line stands in one of two boxes set side by side (`_boxes`): its text never runs on into the other box."""
    titled: bool = False
    """The line is a section's number set at the margin and the line at a tab stop beside it (`_tab_stop_numbers`):
    it opens a paragraph, and a heading's short title ends one (`_ends_heading`)."""
    shade: int = 0
    """The number of the shaded box the line is printed on (`_shaded_boxes`), counted on its page from 1; 0 outside:
    a box's text is set apart from the text around it, and no paragraph runs from one into the other."""
    note_edge: float | None = None
    """The line is a side note's part of a row, parted from the body text beside it (`_side_notes_apart`): the x a
    gutter between the body and the margin's notes passes through; None elsewhere."""
    superscripts: set[int] = field(default_factory=set)
    """The numbers of the line's markers printed as superscript digit characters ("¹²"), not as small raised digits:
    markers only where a note of their number stands in the notes (`_unnoted_superscripts`)."""
    drawing: _Box | None = None
    """The box of the figure drawn in vector shapes (`_drawn_figures`) the line stands in or beside, as its label
    would (`_mark_drawings`); None elsewhere."""
    caption: bool = False
    """The line is a drawn chart's title, centred in its box over its plot (`_mark_chart_titles`): the chart's name,
    no section's heading and none of its labels."""
    tick: float = 0.0
    """The size of the type of the values of the axis the line stands on (`_mark_axis_values`), the line being one
    of them or none; 0 off any axis: the chart's labels are set in its axis's type, whatever the body's."""
    plotted: bool = False
    """The line stands inside the plot of a chart drawn in filled shapes of several colours (`_plots`): the total
    set in a donut's hole, a value on its slice."""


@dataclass
class _Segment:
    """A stretch of a page read as one: a full-width run of rows, or one column of a band of columns."""

    lines: list[_Line]
    band: int
    """Segments side by side share a band; a full-width segment is a band of its own."""
    side: int | None = None
    """0 for the left column, 1 for the right, None for full width."""


def _group(page: int, chars: Iterable[dict]) -> list[_Line]:
    """Characters grouped into lines by vertical overlap, so raised markers stay on their line.

    Characters are placed a run at a time, a run being those set on one baseline at one size. A run never joins a
    line where glyphs already stand at the places of its own (`_stacked`): two texts over one another are two lines,
    however much their heights overlap (a table's two-line header cell beside one-line ones, a small running head
    printed over a large title). Within a run, glyphs may touch and kern ("F," overlap by half the comma). A run in
    a size far from the line's that stands a gutter away from its text (`_apart`) is a line of its own too: a cover's
    small date beside the first line of its large title, both within the title line's height; and so is a run a
    gutter away on a baseline of its own (`_staggered`): a line of a box beside the line's box.
    """
    lines: list[_Line] = []
    placed: dict[int, list[tuple[float, float]]] = {}
    for run in _runs(chars):
        top, bottom = run[0]["top"], run[0]["bottom"]
        height = max(bottom - top, 0.1)
        for line in reversed(lines[-3:]):
            overlap = min(line.bottom, bottom) - max(line.top, top)
            if (
                overlap < _OVERLAP * height
                or _apart(run, line, placed[id(line)])
                or _staggered(run, line, placed[id(line)])
            ):
                continue
            if not _stacked(run, placed[id(line)]) or _kerned_letters(run, placed[id(line)]):
                line.top, line.bottom = min(line.top, top), max(line.bottom, bottom)
                break
            if _overprinted(run, line):
                line.chars = [c for c in line.chars if not _stacked([c], _places(run))]
                placed[id(line)] = _places(line.chars)
                run = []
                break
        else:
            line = _Line(page, top, bottom, [])
            lines.append(line)
            placed[id(line)] = []
        for char in run:
            if not char["text"].isspace() and char["text"] not in _SPACING_ACCENTS:
                insort(placed[id(line)], (char["x0"], char["x1"]))
        line.chars += run
    lines = _side_notes_apart(_lifted_markers([line for line in lines if line.chars]))
    for line in lines:
        line.chars.sort(key=lambda c: c["x0"])
        line.size = median(c["size"] for c in line.chars)
    return lines


def _lifted_markers(lines: list[_Line]) -> list[_Line]:
    """`lines` with each line that is only a raised note marker joined to the line whose word it is glued to.

    A marker is grouped with its line by overlapping the line's height (`_OVERLAP`), measured on whichever of the two
    is placed second: a marker raised higher than usual, its top above the line's (Google Docs raises a 7.2-point
    marker 7.5 points over a 12-point line set at tight leading), is placed first, and the line's overlap with it is
    too small a share of the line's own height. Read as a line of its own, "24" stood over its sentence and the note
    it cites went uncited. A marker is digits (a list or range of them) in smaller type (`_SUPERSCRIPT_SIZE`) whose
    first glyph starts where a glyph of the other line ends (`_GLUED`), its top above that line's top and its foot
    within the line's height, above its glyphs' feet: set after the word it marks, on that line.
    """
    joined: set[int] = set()
    for line in lines:
        text = "".join(c["text"] for c in line.chars).strip()
        if not _MARKER_RUN_RE.fullmatch(text) or not text[:1].isdigit():
            continue
        first = min(line.chars, key=lambda c: c["x0"])
        size = max(c["size"] for c in line.chars)
        for other in lines:
            if other is line or id(other) in joined or not other.top < line.bottom < other.bottom:
                continue
            words = [c for c in other.chars if not c["text"].isspace()]
            baseline = median(c["bottom"] for c in words) if words else other.bottom
            if (
                size < median(c["size"] for c in other.chars) * _SUPERSCRIPT_SIZE
                and line.top < other.top
                and line.bottom < baseline
                and any(abs(c["x1"] - first["x0"]) < _GLUED * size for c in words)
            ):
                other.chars += line.chars
                other.top = min(other.top, line.top)
                joined.add(id(line))
                break
    return [line for line in lines if id(line) not in joined]


def _apart(run: list[dict], line: _Line, placed: list[tuple[float, float]]) -> bool:
    """Whether a run and a line's text, one in display type (`_DISPLAY_SIZE` times the other's size or more), stand
    further apart than a gutter (`_GUTTER_GAP` ems of the larger size): text beside the line, not on it. A raised
    note marker is smaller but touches its word; a side heading beside its body text is no display type and the two
    part later, at the gutter between them (`_sidebar`), as a page's columns do. Figures beside figures, no word in
    either (a score card's "35 %" and its rank "7"), stay one line, a chart's values (`_figure`)."""
    if not placed or not any(_TITLE_WORD_RE.search("".join(c["text"] for c in chars)) for chars in (run, line.chars)):
        return False
    sizes = sorted((run[0]["size"], median(c["size"] for c in line.chars)))
    if sizes[1] < sizes[0] * _DISPLAY_SIZE:
        return False
    left, right = min(c["x0"] for c in run), max(c["x1"] for c in run)
    gap = min(max(x0 - right, left - x1) for x0, x1 in placed)
    return gap > _GUTTER_GAP * sizes[1]


def _staggered(run: list[dict], line: _Line, placed: list[tuple[float, float]]) -> bool:
    """Whether a run stands a gutter away from a line's text (`_GUTTER_GAP` ems) on a baseline of its own, at least
    `_STAGGER` ems off the line's: a line of a box set beside the line's box, not a word of the line.

    A page laid out in boxes side by side (a web page printed by a browser: a summary card beside a list) sets each
    box's lines at its own leading, so a line of one box overlaps two lines of the next in height, half of each;
    joined to the first it reads into the other box mid-sentence ("... by establishing a Gained 6.5 points ..."),
    which no reader (nor pdftotext) does. Words of one line share a baseline wherever they stand, and a table's cells
    of one row too; a raised note marker is off the baseline but touches its word. Boxes set side by side set their
    text at one size (`_ONE_SIZE`): a run in a smaller or larger type than the line's (a marker, placed before its
    line when it stands higher than the line's first words; a heading in the margin) is left to `_apart`. Both hold
    running text (`_BOX_WORDS`): a table's head centres a cell of a word or two between the lines of the cells
    beside it, and the cells of its row are read together as before.
    """
    if not placed or min(_word_count(run), _word_count(line.chars)) < _BOX_WORDS:
        return False
    sizes = sorted((run[0]["size"], median(c["size"] for c in line.chars)))
    if sizes[1] > sizes[0] * _ONE_SIZE:
        return False
    size, baseline = sizes[1], median(c["bottom"] for c in line.chars)
    if abs(run[0]["bottom"] - baseline) < _STAGGER * size:
        return False
    left, right = min(c["x0"] for c in run), max(c["x1"] for c in run)
    return min(max(x0 - right, left - x1) for x0, x1 in placed) > _GUTTER_GAP * size


def _side_notes_apart(lines: list[_Line]) -> list[_Line]:
    """Lines as the lines they hold where side notes stand beside their text: each note's part apart from the text's.

    A book set in the Tufte style (LaTeX's tufte-book) prints its notes in a wide outer margin, each note's first
    line on the baseline of the body line whose marker it explains, and its later lines on the baselines of the body
    lines after it: read as one line, the note ran into the body's sentence mid-way ("This[10] https://... means
    other people..."), which no reader (nor pdftotext) does. A note's first line parts from its body line where
    `_note_opening` finds it; that gives the margin's column, where the note's later lines start, each in the note's
    type, and every other line with a part starting there in note type parts there too (`_note_continued`): the
    note's lines go on together, the body's stay whole.
    """
    parted: list[list[_Line]] = []
    columns: list[tuple[float, float, bool]] = []
    for line in lines:
        sides = _note_opening(line.chars)
        if sides is not None:
            body, note = sides
            start = min(c["x0"] for c in note)
            columns.append((start, median(c["size"] for c in body), start > min(c["x0"] for c in body)))
        parted.append([line] if sides is None else _split_line(line, sides))
    for index, parts in enumerate(parted):
        if len(parts) == 1:
            sides = next((found for column in columns if (found := _note_continued(parts[0].chars, *column))), None)
            parted[index] = parts if sides is None else _split_line(parts[0], sides)
    return [part for parts in parted for part in parts]


def _split_line(line: _Line, sides: tuple[list[dict], list[dict]]) -> list[_Line]:
    """`line` as the two lines its body's and its note's `sides` make, top to bottom, the note's knowing the edge
    between the body and the margin (`note_edge`): just outside the note's left edge when the note stands right of
    the body, just outside the body's left edge when it stands left. A note's lines are set flush left, a body's too,
    so every line parted on a page gives one edge."""
    body, note = (min(c["x0"] for c in side) for side in sides)
    parts = [_Line(line.page, min(c["top"] for c in part), max(c["bottom"] for c in part), part) for part in sides]
    parts[1].note_edge = (note if note > body else body) - _GUTTER_GAP
    return sorted(parts, key=lambda part: part.top)


def _note_gutter(rows: list[_Line]) -> float | None:
    """The x of the gutter between the body and its side notes where a note stood beside a body line
    (`_side_notes_apart`), else None: the margin is read as a column of its own beside the body, each note whole
    after the text, however few its lines (too few for `_sidebar`) and whatever else lines up on the page (a code
    listing's lines beside their numbers, which `_sidebar` would take for the edge)."""
    edges = [row.note_edge for row in rows if row.note_edge is not None]
    return min(edges, default=None)


def _note_opening(chars: list[dict]) -> tuple[list[dict], list[dict]] | None:
    """The body's and the note's part of a line where a side note's first line stands beside the body's, else None.

    The line parts at a gap wider than a gutter (`_GUTTER_GAP` ems of the larger type) where the glyphs on one side
    are all in a note's smaller type (`_NOTE_SIZE` of the median size of the other side's, or less), open with the
    note's raised number (`_opens_note`) and hold a word, and the other side is running text (`_BOX_WORDS`, words as
    the gaps between them set them apart: a PDF may draw no space) and wider, or letters standing alone
    (`_stray_letters`, a logo's raised and lowered letters on the note's baseline): a code listing's line numbers, set
    small a gutter left of its lines, open no word; a web page's infobox beside its text opens with no note's
    number; a report's side heading, set larger in a margin beside its smaller text (GAO's), is the narrower part. A
    raised note marker is smaller too, but touches its word; a table's cells of one row share their size, and a
    table's boxes on baselines of their own part already (`_staggered`).
    """
    chars = sorted(chars, key=lambda c: c["x0"])
    glyphs = [i for i, c in enumerate(chars) if not c["text"].isspace()]
    smallest = min((c["size"] for c in chars), default=0.0)
    for i, j in pairwise(glyphs):
        gap = chars[j]["x0"] - chars[i]["x1"]
        if gap <= _GUTTER_GAP * smallest:
            continue  # no side's median is below the smallest size: the gap is no gutter, and no median is taken
        sides = chars[: i + 1], chars[j:]
        sizes = [median(c["size"] for c in side) for side in sides]
        if gap <= _GUTTER_GAP * max(sizes):
            continue
        small = 0 if sizes[0] < sizes[1] else 1
        other = sides[1 - small]
        if max(c["size"] for c in sides[small]) > sizes[1 - small] * _NOTE_SIZE or (
            not _stray_letters(other) and (_set_words(other) < _BOX_WORDS or _width(sides[small]) >= _width(other))
        ):
            continue
        if _word_count(sides[small]) and _opens_note(sides[small]):
            return sides[1 - small], sides[small]
    return None


def _stray_letters(chars: list[dict]) -> bool:
    """Whether `chars` are letters standing alone, no word and no figure among them: the raised "A" and lowered "E"
    of a LaTeX logo, stacked over the "L" and "T" they kern into and so grouped as a line of their own (`_stacked`),
    which a side note's first line on that baseline joined. They are no text a note could be part of, however
    narrow: the note parts from them as from a body line (`_note_opening`)."""
    glyphs = [c["text"] for c in chars if not c["text"].isspace()]
    return bool(glyphs) and all(len(g) == 1 and g.isalpha() for g in glyphs) and not _set_words(chars)


def _note_continued(chars: list[dict], start: float, size: float, right: bool) -> tuple[list[dict], list[dict]] | None:
    """The body's and the note's part of a line where a side note's later line stands beside the body's, else None.

    A note whose first line `_note_opening` parted starts at `start`, beside body text of `size`, `right` of it or
    left: a line parts at a gap wider than a gutter where the part on the note's side starts at the note's left edge
    (within an em of the note's type, as a note's lines are set flush left) and is all in note type (`_NOTE_SIZE` of
    `size` or less), and the other part holds a word in the body's type. A line of the body itself has no such gap
    at that edge; a note's own line alone on its row has no body part.
    """
    chars = sorted(chars, key=lambda c: c["x0"])
    glyphs = [i for i, c in enumerate(chars) if not c["text"].isspace()]
    for i, j in pairwise(glyphs):
        if chars[j]["x0"] - chars[i]["x1"] <= _GUTTER_GAP * size:
            continue  # no gutter: the sides' sizes are not looked at
        body, note = (chars[: i + 1], chars[j:]) if right else (chars[j:], chars[: i + 1])
        note_size = median(c["size"] for c in note)
        if (
            abs(min(c["x0"] for c in note) - start) <= note_size
            and max(c["size"] for c in note) <= size * _NOTE_SIZE
            and median(c["size"] for c in body) > note_size / _NOTE_SIZE
            and _word_count(body)
        ):
            return body, note
    return None


def _opens_note(chars: list[dict]) -> bool:
    """Whether `chars` open with a note's number raised in smaller type (`_NOTE_SIZE` of the letter after it or less)
    before its first letter: the first line of a side note ("10" over "https://..."), as a box of text beside the
    body (a web page's infobox) or a table's cell is not."""
    digits = list(takewhile(lambda c: c["text"].isdigit(), chars))
    rest = chars[len(digits) :]
    return (
        bool(digits and rest)
        and rest[0]["text"].isalpha()
        and max(c["size"] for c in digits) <= rest[0]["size"] * _NOTE_SIZE
    )


def _width(chars: list[dict]) -> float:
    """The extent of `chars` across the page."""
    return max(c["x1"] for c in chars) - min(c["x0"] for c in chars)


def _word_count(chars: list[dict]) -> int:
    """The words of two letters or more among `chars`."""
    return len(_TITLE_WORD_RE.findall("".join(c["text"] for c in chars)))


def _set_words(chars: list[dict]) -> int:
    """The words of two letters or more among `chars`, parted by a space or by a gap wider than a word space
    (`_WORD_GAP` ems) where the PDF draws no space character (pdfLaTeX through a converter that drops them)."""
    ordered = sorted(chars, key=lambda c: c["x0"])
    text = "".join(
        (" " if before is not None and char["x0"] - before["x1"] > _WORD_GAP * char["size"] else "") + char["text"]
        for before, char in zip([None, *ordered], ordered, strict=False)
    )
    return len(_TITLE_WORD_RE.findall(text))


def _overprinted(run: list[dict], line: _Line) -> bool:
    """Whether a run stacked over `line` (`_stacked`) is printed at the same place and size as the line's text: a
    second impression gone astray, letters drifting off their copies (a footer set twice in two fonts). Neither copy
    reads as text: both are left out where they cover each other."""
    size, top = median(c["size"] for c in line.chars), median(c["top"] for c in line.chars)
    return abs(run[0]["top"] - top) < _OVERPRINT_SHIFT * size and abs(run[0]["size"] - size) < 0.1 * size


def _places(chars: list[dict]) -> list[tuple[float, float]]:
    """The extents of the glyphs among `chars`, in order, as `_stacked` looks them up."""
    return sorted((c["x0"], c["x1"]) for c in chars if not c["text"].isspace() and c["text"] not in _SPACING_ACCENTS)


def _runs(chars: Iterable[dict]) -> list[list[dict]]:
    """Characters top to bottom, left to right, in runs of those that share their top and bottom (a baseline and a
    size)."""
    runs: list[list[dict]] = []
    for char in sorted(chars, key=lambda c: (c["top"], c["x0"])):
        if runs and abs(runs[-1][0]["top"] - char["top"]) < 0.01 and abs(runs[-1][0]["bottom"] - char["bottom"]) < 0.01:
            runs[-1].append(char)
        else:
            runs.append([char])
    return runs


def _stacked(run: list[dict], placed: list[tuple[float, float]]) -> bool:
    """Whether `_STACKED_SHARE` of the run's glyphs each cover more than `_STACKED` of a glyph placed on a line (or of
    their own width): the run is printed over that line's text, not beside it.

    An accent drawn over a letter (`_accented`) and a space (`_hidden_space`) stack on nothing.
    """
    glyphs = [c for c in run if not c["text"].isspace() and c["text"] not in _SPACING_ACCENTS]
    stacked = 0
    for char in glyphs:
        x0, x1 = char["x0"], char["x1"]
        index = bisect_right(placed, (x0, x1))
        stacked += any(
            min(x1, right) - max(x0, left) > _STACKED * max(min(x1 - x0, right - left), 0.1)
            for left, right in placed[max(index - 2, 0) : index + 2]
        )
    return bool(glyphs) and stacked >= _STACKED_SHARE * len(glyphs)


def _kerned_letters(run: list[dict], placed: list[tuple[float, float]]) -> bool:
    """Whether a run is letters each kerned into the line's letters on both sides, between them: letters of a word
    set as a logo, raised or lowered off the baseline and overlapping their neighbours (TeX's logo "LaTeX": a small
    "A" raised into the "L" and "T", a lowered "E" between the "T" and "X"; two logos on a line put their raised
    letters in one run). `_stacked` takes them for text printed over the line, so a line of their own, and the logo
    read "LTX" with a stray "A E" line beside it; pdftotext, as a reader, reads the word whole. Each letter's middle
    stands between the middles of the glyphs it overlaps, by `_KERN` of its width or more, left and right; a letter
    printed over another (a second impression drifting off its copy, an index under an exponent) stands on one of
    them, and overlaps its other neighbour by a sliver if at all."""
    glyphs = [c for c in run if not c["text"].isspace()]
    return bool(glyphs) and all(len(c["text"]) == 1 and c["text"].isalpha() and _between(c, placed) for c in glyphs)


def _between(char: dict, placed: list[tuple[float, float]]) -> bool:
    """Whether a glyph overlaps placed glyphs (`_KERN` of its width or more) on both sides of its middle."""
    x0, x1 = char["x0"], char["x1"]
    middles = [left + right for left, right in placed if min(x1, right) - max(x0, left) >= _KERN * (x1 - x0)]
    return any(middle < x0 + x1 for middle in middles) and any(middle > x0 + x1 for middle in middles)


def _spans(row: _Line, justified: bool = False) -> list[tuple[float, float]]:
    """The solid stretches of a row: its characters joined across gaps too narrow to be a gutter, and, where
    `justified` is asked for, across gaps within `_JUSTIFIED_GAP` of its stretched word spaces (`_stretched_space`).

    A lone symbol (a bullet, a dash; no sign of arithmetic, `_opener`) is joined to the words just right of it,
    within `_ITEM_GAP`: it opens that item and is set apart by a tab, not a gutter. Taken as a stretch of its own, a
    column of bullets makes the gap between the bullets and their items look like a gutter, and each bullet would be
    read at the end of the line in the column to its left.
    """
    chars = [c for c in row.chars if not c["text"].isspace()] or row.chars
    limit = max(_GUTTER_GAP * row.size, _JUSTIFIED_GAP * _stretched_space(row)) if justified else _GUTTER_GAP * row.size
    spans = [(chars[0]["x0"], chars[0]["x1"])]
    opener = _opener(chars[0])
    for char in chars[1:]:
        gap = char["x0"] - spans[-1][1]
        if gap < limit or (opener and gap < _ITEM_GAP * row.size):
            spans[-1] = (spans[-1][0], max(spans[-1][1], char["x1"]))
            opener = False
        else:
            spans.append((char["x0"], char["x1"]))
            opener = _opener(char)
    return spans


_SIGNS = frozenset("+−×÷")
"""Signs of arithmetic operations: set between two parts of a formula, no list item's opener. A relation ("=") may
close the part at its left, its result set after it ("40 work-hours × $85 per hour =" over "$3,400.")."""


def _opener(char: dict) -> bool:
    """Whether a character set apart before words may open them as a list's bullet or dash does (`_symbol`), not a
    sign of arithmetic (`_SIGNS`). A table's formula sets its parts in cells side by side, a sign between them a
    gutter from each ("Minimum payment amount" + "(Aggregate amount ...)"): joined to the part at its right, the sign
    opened that part's sentence, where a reader (and pdftotext) reads it apart."""
    return _symbol(char) and char["text"] not in _SIGNS


def _symbol(char: dict) -> bool:
    """Whether a character is a symbol or punctuation mark (a bullet, a dash), not a letter or digit."""
    return unicodedata.category(char["text"][:1] or " ")[0] in "PS"


def _stretched_space(row: _Line) -> float:
    """The narrowest space between two words of a row of typewriter type, or 0 on any other row.

    A document typed in a fixed-pitch font (a court's opinion in Courier: every glyph as wide as the next) and
    fully justified spreads a line's spare width evenly over its word spaces, so no space of the line is much wider
    than its narrowest, save the two a typist leaves after a full stop; and every one is wide (`_WIDE_SPACE`).
    Only a row of words tells the pitch: figures are as wide as each other in most fonts (a chart's axis, a table's
    row of scores). Proportional type, in which columns and tables are set, is left as it was."""
    glyphs = [c for c in row.chars if not c["text"].isspace()]
    widths = [c["x1"] - c["x0"] for c in glyphs if c["text"].isalpha()]  # a bullet from a symbol font has its own
    gaps = [b["x0"] - a["x1"] for a, b in pairwise(glyphs) if b["x0"] - a["x1"] > _LETTER_GAP * row.size]
    fixed = bool(widths) and 2 * len(widths) >= len(glyphs) and max(widths) - min(widths) < _PITCH
    return min(gaps) if fixed and len(gaps) >= _STRETCHED_GAPS and min(gaps) >= _WIDE_SPACE * row.size else 0.0


def _gutter(rows: list[_Line]) -> float | None:
    """The x of the gutter between two columns, or None on a page of one column.

    At a gutter, rows stand on both sides (at least `_COLUMN_ROWS` each) and fewer rows run across
    it (a full-width title, heading or footer) than stand on the shorter side; one column of prose
    runs across every x in the middle of the page. On a row whose word spaces are all wide, a gap no
    wider than a few of them is no gutter (`_stretched_space`): a court's opinion typed in Courier and fully
    justified stretches its word spaces to one and a half times the type's size and the two after a full
    stop to three, and such gaps, lining up by chance on a few rows, made its lines two columns ("S. Bay
    United" / "Pentecostal").
    """
    if len(rows) < 2 * _COLUMN_ROWS:
        return None
    left = int(min(row.chars[0]["x0"] for row in rows))
    right = int(max(row.chars[-1]["x1"] for row in rows)) + 1
    starts, ends, crossing = [0] * (right - left + 2), [0] * (right - left + 2), [0] * (right - left + 2)
    for row in rows:
        spans = _spans(row, justified=True)
        starts[int(spans[0][0]) - left + 1] += 1
        ends[int(spans[-1][1]) - left] += 1
        for x0, x1 in spans:
            crossing[int(x0) - left + 1] += 1
            crossing[int(x1) - left + 1] -= 1
    margin = int((right - left) * _GUTTER_ZONE)
    best: tuple[int, int, int] | None = None
    begun = cross = ended = 0
    for x in range(right - left + 1):
        begun, cross, ended = begun + starts[x], cross + crossing[x], ended + ends[x]
        side = min(begun - cross, len(rows) - ended - cross)
        if margin <= x <= right - left - margin and side >= _COLUMN_ROWS and cross <= side:
            score = side - cross
            if best is None or score > best[0]:
                best = (score, x, x)
            elif score == best[0] and best[2] == x - 1:
                best = (score, best[1], x)
    return None if best is None else left + (best[1] + best[2]) / 2


_LIST_NUMBER_RE = re.compile(rf"\[({NOTE_NUMBER})\]|({NOTE_NUMBER})\.|\(({NOTE_NUMBER})\)")
"""A numbered list's number as it opens an item: "12.", "[12]" or "(12)" (the Official Journal of the European Union
numbers an act's recitals so, hung a gutter's width left of their text)."""


def _hung_numbers(lines: list[_Line]) -> bool:
    """Whether the text left of a gutter is a numbered list's numbers, hung in front of its items.

    A reference list set with a hanging indent ("1.", "2.", ... "61." a wide space left of each item's lines) leaves
    a gap as wide as a gutter between the numbers and the items, on every row: read as two columns, the numbers
    would come apart from the items they open, and the list lose its numbering. So do a table's notes lettered
    "a.", "b.", ... hung in front of their texts: read apart, each letter is a paragraph of its own, or runs on
    into the sentence before it, and no note keeps its letter. The numbers go up one by one, in one numbering
    (`_list_numbers`; a column of figures in a table does not), written as a list writes them, with a full stop,
    a parenthesis or in brackets (a pleading's bare line numbers are no items' numbers), one under another with no
    other line between them: a running head or a footer, above the list's first number or below its last, opens
    no item and has no say. The Official Journal of the European Union hangs an act's recital numbers "(1)", "(2)" so,
    and an article's paragraph numbers with its points' letters under them (`_numbered_in_turn`). A number alone left
    of the gutter is hung too when no line stands under it there (a running head may stand above it): under a
    centred heading that stops short of the gutter, only the first line of an article's paragraph "1." stands beside
    it (the lines after it run back under the number, across the gutter), and read first the "1." came before the
    article's heading. A column of text with a "1." among its lines has lines under it. `lines` are the text's left
    of the gutter (`_group`).
    """
    readings = [_list_numbers("".join(c["text"] for c in line.chars).strip()) for line in lines]
    listed = [index for index, found in enumerate(readings) if found]
    if (
        not listed
        or listed[-1] - listed[0] + 1 != len(listed)
        or (len(listed) == 1 and _column_under(lines, listed[0]))
    ):
        return False
    return _numbered_in_turn([readings[index] for index in listed])


_FOOT_GAP = 3.0
"""Line heights below a number alone left of a gutter past which a line under it is no line of its column
(`_column_under`)."""


def _column_under(lines: list[_Line], index: int) -> bool:
    """Whether a line stands under `lines[index]`, a number alone left of a gutter (`_hung_numbers`), within
    `_FOOT_GAP` of its height: the next line of a column it stands in. A page's foot ("10 of 15") stands farther
    down, under the list's last item: with it counted, a step lettered "a." at a page's last rows was read as a
    column of its own, a paragraph of one letter before its text."""
    number = lines[index]
    return any(line.top - number.bottom <= _FOOT_GAP * (number.bottom - number.top) for line in lines[index + 1 :])


def _hung_note_numbers(numbers: list[_Line], texts: list[_Line]) -> bool:
    """Whether the text left of a gutter is page-foot notes' bare numbers, hung in front of their texts.

    Word's notes, saved through the Publications Office of the European Union's tools, set each note's number a wide
    space left of its text: with five notes on a page, the numbers stand one under another, a gap as wide as a gutter
    from the notes, and were read as a column of their own, so that no note kept its number ("6 7 8 9 10", then the
    five texts). The numbers are bare ("6", not "6."), go up one by one, and each stands level with a line of the
    text beside it, the first of its note; a column of text, or a figure's axis values, has lines standing level
    with none. Read across the gap, each number opens its note's first line, as a reader reads it. `numbers` and
    `texts` are the lines left and right of the gutter (`_group`).
    """
    values = [_folded(line.chars).strip() for line in numbers]
    if len(numbers) < 2 or not all(value.isdecimal() and len(value) <= 3 for value in values):
        return False
    if any(int(b) != int(a) + 1 for a, b in pairwise(values)):
        return False
    return all(
        any(abs(text.top - number.top) <= (number.bottom - number.top) * (1 - _OVERLAP) for text in texts)
        for number in numbers
    )


def _numbered_in_turn(readings: list[set[tuple[str, str, int]]]) -> bool:
    """Whether list numbers, one under another, each go on a numbering above them by one, or open a numbering of
    their own at its first value (a list inside an item).

    A paragraph numbered "2." may open a list of points "(a)" to "(g)" and the next paragraph go on with "3.": set
    hung in one column, the letters are no break in the numbers' order, but a list inside the list; read as anything
    but numbers, the column came apart from its items ("2.", "(a)", ... "(g)" each alone, then every item's text
    without its letter). Going back to an outer numbering closes the lists inside it.
    """
    numberings = [readings[0]]
    for found in readings[1:]:
        for depth in range(len(numberings) - 1, -1, -1):
            following = {(form, numbering, value + 1) for form, numbering, value in numberings[depth]} & found
            if following:
                numberings[depth:] = [following]
                break
        else:
            opening = {reading for reading in found if reading[2] == 1}
            if not opening:
                return False
            numberings.append(opening)
    return True


def _list_numbers(text: str) -> set[tuple[str, str, int]]:
    """The readings of a text that is a list item's number and nothing else (`_enumerations`): "12.", "[12]" or
    "(12)" of any length, or a digit, letter or roman numeral closed or enclosed ("b.", "(iv)"); none for other text."""
    if match := _LIST_NUMBER_RE.fullmatch(text):
        form = "[" if match[1] else "." if match[2] else "("
        return {(form, "digit", int(match[1] or match[2] or match[3]))}
    return _enumerations(text + " ") if _ENUMERATOR_RE.fullmatch(text + " ") else set()


def _crosses(row: _Line, gutter: float) -> bool:
    """Whether a row runs across the gutter (a full-width title or heading) rather than stopping at it."""
    return any(x0 < gutter < x1 for x0, x1 in _spans(row, justified=True))


def _horizontal(char: dict) -> bool:
    """Whether a character is set left to right; rotated text (a turned table, a margin stamp) is not read."""
    a, b, c, d = char["matrix"][:4]
    return a > 0 and d > 0 and abs(b) < 0.1 * a and abs(c) < 0.1 * d


_LINE_NUMBERS = 5
"""Numbered lines a page's left margin holds at least for its numbers to be a pleading's line numbers."""


def _without_line_numbers(page: int, chars: list[dict]) -> list[dict]:
    """A page's characters without the line numbers a pleading's paper prints in its left margin.

    A court's opinion typed on pleading paper (the Second Circuit's, from WordPerfect) numbers the lines of each
    page "1", "2", ... down its left margin, a gutter left of the text, level with the text's lines and with blank
    lines too. They number the sheet's lines, not the text's: read as words, each opens the line beside it, or,
    taken for a column of their own, they come between the text's lines, part every line into a paragraph of its
    own, and "contends, 2" ends a sentence with the next page's first number. poppler's `pdftotext` reads them apart
    from the text, and no quote holds them. By layout, they are bare numbers going up one by one from 1 (at least
    `_LINE_NUMBERS` of them), each the first stretch of its row (`_spans`) and standing left of every other
    character on the page, a gutter away from the nearest: a table's column of ranks stands at the edge where the
    page's prose starts too, a "¶ 15" label (`_margin_labels`) is no bare number, and a page number is one alone.
    """
    rows = _group(page, (c for c in chars if not _UNMAPPED_RE.fullmatch(c["text"])))
    numbered: list[tuple[int, list[dict]]] = []
    for row in rows:
        first = _spans(row)[0]
        glyphs = [c for c in row.chars if c["x1"] <= first[1] + 0.01 and not c["text"].isspace()]
        text = "".join(c["text"] for c in glyphs)
        if text.isdecimal() and len(text) <= 2:
            numbered.append((int(text), glyphs))
    if len(numbered) < _LINE_NUMBERS or [value for value, _ in numbered] != list(range(1, len(numbered) + 1)):
        return chars
    ids = {id(c) for _, glyphs in numbered for c in glyphs}
    edge = max(c["x1"] for _, glyphs in numbered for c in glyphs)
    rest = [c for c in chars if id(c) not in ids and not c["text"].isspace()]
    if not rest or min(c["x0"] for c in rest) < edge + _GUTTER_GAP * median(c["size"] for c in rest):
        return chars
    return [c for c in chars if id(c) not in ids]


_LISTING_LINES = 2
"""Numbered lines in a run a code listing holds at least for their numbers to be its line numbers: one number alone
counts nothing (a page's number, a note's)."""
_LISTING_PITCH = 0.1
"""Share of a listing's line pitch by which the steps between its numbered lines may differ (rounding)."""
_LISTING_LEADING = 2.0
"""Sizes of its type a listing's line pitch is at most: its lines are set one under the next, none between (notes in
a margin, each a line or two of a web address, stand a few lines apart)."""


def _without_listing_numbers(page: int, chars: list[dict]) -> list[dict]:
    """A page's characters without the line numbers a code listing prints left of its lines.

    A listing typeset with numbered lines (LaTeX's minted or listings, an editor's print) sets "1", "2", ... in a
    column left of its lines, level with each line, its blank lines numbered too. They count the listing's lines and
    are none of its words: read as text, each opens the line beside it ("1 * Load the auto dataset"), and a quote of
    the code holds them where no reader does (pdftotext prints them apart, on lines of their own). By layout, they are
    bare numbers (`_opening_number`) going up one by one, one under another at one line pitch (`_numbered_runs`), at
    least `_LISTING_LINES` of them (a listing may go on from the page before, so the first need not be 1); the lines
    beside them (`_numbered_line`) are set in a fixed-pitch face (`_fixed_pitch`) that the page's prose is not, at
    least two of them hold words, and they stand no more than `_LISTING_LEADING` sizes of their type apart. A
    numbered list, a table's column of ranks, a contents page's chapter numbers stand beside words in the prose's
    face; a margin's notes, each a web address set in a fixed-pitch face, stand lines apart; and a page typed
    throughout in a fixed-pitch face tells no listing apart by its face (a pleading's line numbers are left out by
    `_without_line_numbers`).
    """
    fixed = _fixed_pitch(chars)
    if not fixed or all(c["fontname"] in fixed for c in chars if c["text"].isalpha()):
        return chars
    rows = _group(page, (c for c in chars if not _UNMAPPED_RE.fullmatch(c["text"])))
    numbers = [number for row in rows if (number := _opening_number(row))]
    listed: set[int] = set()
    for run in _numbered_runs(numbers):
        lines = [_numbered_line(number, chars) for number in run]
        glyphs = [c for line in lines for c in line]
        if (
            len(run) >= _LISTING_LINES
            and len([line for line in lines if line]) > 1
            and all(c["fontname"] in fixed for c in glyphs)
            and run[1][0]["bottom"] - run[0][0]["bottom"] <= _LISTING_LEADING * max(c["size"] for c in glyphs)
        ) or _one_line_listing(run, lines, fixed, chars):
            listed |= {id(c) for number in run for c in number}
    return [c for c in chars if id(c) not in listed] if listed else chars


def _one_line_listing(run: list[list[dict]], lines: list[list[dict]], fixed: set[str], chars: list[dict]) -> bool:
    """Whether a run of one bare number (`_numbered_runs`) numbers a listing of one line: a listing numbered as the
    document's others are, whose "1" counts nothing a run could show (`_LISTING_LINES`), and reads as the command's
    first word ("1 pandoc -s -o main.docx").

    The number is "1", set in smaller type than its line (`_NOTE_SIZE` of it or less) on the line's baseline (its
    foot less than `_RAISED` of the line's size above the line's), in the page's margin, left of every other glyph
    on the page, and the line beside it is set in the fixed-pitch face (`fixed`) and holds a word. A note's number
    is raised over its first line, and the note's later lines wrap under it; a numbered list's numbers are set in
    its items' size, at the text's edge."""
    if len(run) != 1 or not lines[0]:
        return False
    number, line = run[0], lines[0]
    size = median(c["size"] for c in line)
    own = {id(c) for c in number}
    return (
        "".join(c["text"] for c in number) == "1"
        and all(c["fontname"] in fixed for c in line)
        and _word_count(line) > 0
        and max(c["size"] for c in number) <= size * _NOTE_SIZE
        and median(c["bottom"] for c in line) - max(c["bottom"] for c in number) < _RAISED * size
        and max(c["x1"] for c in number) < min(c["x0"] for c in chars if id(c) not in own and not c["text"].isspace())
    )


def _opening_number(row: _Line) -> list[dict]:
    """The glyphs of the bare number (three digits at most) a row opens with, a word of its own; none if it opens
    with no such number."""
    glyphs = [c for c in row.chars if not c["text"].isspace()]
    count = 0
    while (
        count < len(glyphs)
        and glyphs[count]["text"].isdecimal()
        and (not count or glyphs[count]["x0"] - glyphs[count - 1]["x1"] <= _WORD_GAP * glyphs[count]["size"])
    ):
        count += 1
    if not 0 < count <= 3 or (
        count < len(glyphs) and glyphs[count]["x0"] - glyphs[count - 1]["x1"] <= _WORD_GAP * glyphs[count - 1]["size"]
    ):
        return []
    return glyphs[:count]


def _numbered_runs(numbers: list[list[dict]]) -> list[list[list[dict]]]:
    """Bare numbers (`_opening_number`, top to bottom) in runs that count lines: each the one before it plus one, set
    under it at the run's line pitch (within `_LISTING_PITCH`), their right edges (or left) at one edge
    (`_EDGE_SLACK`). A page's number, a note's in the margin, the next listing starting again at 1 start a run of their
    own."""
    runs: list[list[list[dict]]] = []
    for number in numbers:
        run = runs[-1] if runs else []
        if run and _counts_on(run, number):
            run.append(number)
        else:
            runs.append([number])
    return runs


def _counts_on(run: list[list[dict]], number: list[dict]) -> bool:
    """Whether a bare number goes on a run of line numbers (`_numbered_runs`)."""
    last = run[-1]
    value = int("".join(c["text"] for c in number))
    if value != int("".join(c["text"] for c in last)) + 1:
        return False
    size = max(c["size"] for c in number)
    aligned = any(
        abs(edge(c[key] for c in number) - edge(c[key] for c in last)) <= _EDGE_SLACK * size
        for edge, key in ((max, "x1"), (min, "x0"))
    )
    step = number[0]["bottom"] - last[0]["bottom"]
    pitch = run[1][0]["bottom"] - run[0][0]["bottom"] if len(run) > 1 else step
    return aligned and step > 0 and abs(step - pitch) <= _LISTING_PITCH * pitch


def _numbered_line(number: list[dict], chars: list[dict]) -> list[dict]:
    """The glyphs of the line a line number stands level with: those right of it, overlapping its height, up to the
    first gutter (`_GUTTER_GAP`: a column beside the listing's is no part of it); none where the numbered line is
    blank."""
    top, bottom = min(c["top"] for c in number), max(c["bottom"] for c in number)
    right = max(c["x1"] for c in number)
    level = sorted(
        (
            c
            for c in chars
            if not c["text"].isspace()
            and c["x0"] >= right
            and min(c["bottom"], bottom) - max(c["top"], top) >= _OVERLAP * (bottom - top)
        ),
        key=lambda c: c["x0"],
    )
    line = level[:1]
    for char in level[1:]:
        if char["x0"] - line[-1]["x1"] > _GUTTER_GAP * char["size"]:
            break
        line.append(char)
    return line


def _layout(
    page: int,
    chars: Sequence[dict],
    tables: Sequence[_Table] = (),
    bands: Sequence[_Box] = (),
    grids: Sequence[list[_Box]] = (),
    figures: Sequence[_Box] = (),
) -> list[_Segment]:
    """A page's lines in reading order: full-width rows in place, each band of columns left column first, each
    region between wide figures (`_figure_regions`) read on its own, each table under a ruled head (`tables`,
    `_cells`) a column at a time, each column's head cell over its body's cells, and a table's rows between its rules
    (`bands`) or in a grid (`grids`, each its cells' boxes) a row at a time, a cell at a time (`_ruled_rows`)."""
    level = _without_line_numbers(page, [c for c in chars if _horizontal(c) and c["text"] and c["text"] != _NO_TEXT])
    level = _without_listing_numbers(page, level)
    rows = _group(page, (c for c in level if not _drawn_bullet(c)))
    _mark_items(rows, [c for c in level if _drawn_bullet(c)])
    for index, row in enumerate(rows):
        for char in row.chars:
            char["row"] = index
    if len(tables) > 1:
        rows = _cut_rows(rows, tables)
    bodies = [(table, body) for table in tables if (body := table.rows(rows))]
    read = [(table, body, columns) for table, body in bodies if (columns := _cells(page, body, table))]
    if read:
        tabled = {id(row) for _, body, _ in read for row in body}
        top = min(body[0].top for _, body, _ in read)
        above = [row for row in rows if row.top < top and id(row) not in tabled]
        below = [row for row in rows if row.top >= top and id(row) not in tabled]
        segments = _region(page, above, 0)
        for part in (*(columns for *_, columns in read), _region(page, below, 0)):
            segments += [_Segment(s.lines, s.band + len(segments), s.side) for s in part]
    else:
        segments = _ruled_rows(page, rows, bands, grids, figures)
    for segment in segments:
        for line in segment.lines:
            _render(line)
        segment.lines = [line for line in segment.lines if line.text]
    marked = [table for table, body in bodies if table.closed or any(table is t for t, *_ in read)]
    _mark_tabled(segments, marked)
    _mark_table_heads(segments, marked)
    _margin_labels(segments)
    _side_headings(segments)
    _margin_heads(segments)
    _hung_item_numbers(segments)
    _tab_stop_numbers(segments)
    _hung_clauses(segments)
    _label_column(segments)
    if read:
        segments = _figure_table_rows(segments)
    _stacked_figures(page, segments)
    return [segment for segment in segments if segment.lines]


def _cut_rows(rows: list[_Line], tables: Sequence[_Table]) -> list[_Line]:
    """A page's rows (`_group`) cut at the sides of its tables (`_table_bodies`), from each table's head down: a row
    of two tables set side by side, or of a table and the text beside it, is one row of characters, its middle in
    neither, and each table's part of it is the table's own row."""
    cut: list[_Line] = []
    for row in rows:
        parts: dict[int, list[dict]] = {}
        for char in row.chars:
            middle, height = (char["x0"] + char["x1"]) / 2, (char["top"] + char["bottom"]) / 2
            inside = [
                number
                for number, table in enumerate(tables)
                if table.box[0] <= middle <= table.box[2] and table.head <= height <= table.box[3]
            ]
            parts.setdefault(inside[0] if inside else -1, []).append(char)
        if len(parts) == 1:
            cut.append(row)
            continue
        for chars in parts.values():
            part = replace(row, top=min(c["top"] for c in chars), bottom=max(c["bottom"] for c in chars), chars=chars)
            part.size = median(c["size"] for c in chars)
            cut.append(part)
    return cut


def _figure_table_rows(segments: list[_Segment]) -> list[_Segment]:
    """A ruled head's table of labels and figures read a row at a time: each row one line, its cells left to right.

    A table's columns read one after the other (`_cells`) keep each cell whole, which a table of sentences needs;
    in a table whose cells are a label and its figures ("Memberships  $812,653  67.66%"), a column of labels read
    apart from its columns of figures leaves every figure without the label it stands beside. Such a table is one
    whose cells are short (`_CELL_WORDS`), its first column words and the columns after it amounts (`_amount`)
    under their heads; a column of words after figures opens a table of its own, set beside the first
    ("Income by Category  USD  Percent" beside "Expenses by Category  USD  Percent"), read after it. A cell's
    wrapped lines ("Software & Subscription" over "Services", its figures level with the two) are read together, and
    a row is the cells whose lines overlap in height (`_table_row_lines`); a table has `_GRID_ROWS` rows or more
    under its head. A table of any other columns is read as `_cells` reads it."""
    columns = [segment for segment in segments if any(line.tabled for line in segment.lines)]
    if any(len(line.text.split()) > _CELL_WORDS for segment in columns for line in segment.lines):
        return segments
    figured = [all(_amount(line.text) for line in segment.lines if line.tabled) for segment in columns]
    tables: list[list[_Segment]] = []
    for segment, figures in zip(columns, figured, strict=True):
        if figures and tables:
            tables[-1].append(segment)
        elif not figures and (not tables or len(tables[-1]) > 1):
            tables.append([segment])
        else:
            return segments  # figures before any labels, or two columns of words side by side
    if not tables or any(len(group) < 2 for group in tables):
        return segments
    rows = [_table_row_lines([segment.lines for segment in group]) for group in tables]
    if any(len(lines) <= _GRID_ROWS for lines in rows):
        return segments
    read = [segment for segment in segments if all(segment is not column for column in columns)]
    first = min(segment.band for segment in columns)
    number = 0
    for lines in rows:
        for line in lines:
            number += 1
            line.cell = number
    tabled = [_Segment(lines, first + place) for place, lines in enumerate(rows)]
    return sorted(read + tabled, key=lambda segment: segment.band)


def _amount(text: str) -> bool:
    """Whether a cell holds an amount: digits and no letters ("$812,653", "67.66%", "€1.2m" does not)."""
    return any(char.isdigit() for char in text) and not any(char.isalpha() for char in text)


def _table_row_lines(columns: list[list[_Line]]) -> list[_Line]:
    """A table's rows (`_figure_table_rows`), top to bottom, each one line of its cells' words left to right: a
    cell is a column's lines set closer than half a line apart, and a row the cells whose heights overlap."""
    cells: list[list[_Line]] = []
    for lines in columns:
        start = len(cells)
        for line in lines:
            if len(cells) > start and line.top - cells[-1][-1].bottom < line.size / 2:
                cells[-1].append(line)
            else:
                cells.append([line])
    rows: list[list[list[_Line]]] = []
    for cell in sorted(cells, key=lambda cell: cell[0].top):
        if rows and cell[0].top < max(line.bottom for other in rows[-1] for line in other):
            rows[-1].append(cell)
        else:
            rows.append([cell])
    joined = [
        _joined_line([line for cell in sorted(row, key=lambda cell: cell[0].x0) for line in cell]) for row in rows
    ]
    edges = (min(line.x0 for line in joined), max(line.x1 for line in joined))
    for line in joined:
        line.column = edges
    return joined


def _joined_line(parts: list[_Line]) -> _Line:
    """One line of `parts`' words in the order given, however they stand on the page (a table's row, its cells left
    to right, `_table_row_lines`; a stack of labels, top to bottom, `_stacked_figures`)."""
    line = _Line(
        parts[0].page,
        min(part.top for part in parts),
        max(part.bottom for part in parts),
        [char for part in parts for char in part.chars],
    )
    line.text = " ".join(part.text for part in parts)
    line.size = median(part.size for part in parts)
    line.x0, line.x1 = min(part.x0 for part in parts), max(part.x1 for part in parts)
    line.bold = all(part.bold for part in parts)
    line.row = min(part.row for part in parts)
    line.tabled = any(part.tabled for part in parts)
    return line


_STACK_GAP = 2.0
"""Ems of empty space, down a whole block of lines, that part two stacks of labels set side by side
(`_stacked_figures`)."""
_NUMBER_RE = re.compile(r"\d[\d.,]*")


def _stacked_figures(page: int, segments: list[_Segment]) -> None:
    """Each block of key figures set side by side, a figure and the words naming it stacked over each other, read a
    stack at a time: each stack one line of its own ("Delivered" over "4,600+" over "Workshops").

    An annual report's infographic sets its figures in a row, each between the words that say what it counts, the
    stacks a wide gap apart, and their lines may stand level with the next stack's. Read by rows, the stacks' words
    run together ("Delivered Trained And 185", "4,600+ 5,100+ Instructor"), and no figure stands by its words; a
    reader, and pdftotext, read each stack down. A block is a run of lines set less than a line apart, with a gap
    `_STACK_GAP` ems wide or wider down the whole block where no letter stands; it is a block of key figures where
    every stack between such gaps holds two lines or more, one number and words beside it, each line of a few words
    (`_CELL_WORDS`), the last line words (what the figure counts: a score card's head over its figure alone,
    "OVERALL SCORE" over "13 %", is left to `_figure_heads`). A table's columns hold many figures, or none (its
    labels), and a column of prose long lines. Each stack is a cell of its own (`_Line.cell`): its words are one
    paragraph."""
    number = max((line.cell for segment in segments for line in segment.lines), default=0)
    for segment in segments:
        laid: list[_Line] = []
        block: list[_Line] = []
        bottom = 0.0
        for line in [*segment.lines, None]:
            if line is not None and (not block or line.top - bottom < line.size):
                block.append(line)
                bottom = max(bottom, line.bottom)
                continue
            stacks = _figure_stacks(page, block)
            for stack in stacks:
                number += 1
                stack.cell = number
            laid += stacks or block
            block, bottom = ([line], line.bottom) if line is not None else ([], 0.0)
        segment.lines = laid


def _figure_stacks(page: int, block: list[_Line]) -> list[_Line]:
    """The stacks of a block of key figures (`_stacked_figures`), left to right, each one line; [] for any other block
    of lines."""
    if len(block) < 2 or any(line.tabled or line.cell for line in block):
        return []
    size = median(line.size for line in block)
    chars = sorted((c for line in block for c in line.chars if not c["text"].isspace()), key=lambda c: c["x0"])
    stacks: list[list[dict]] = [[chars[0]]]
    right = chars[0]["x1"]
    for char in chars[1:]:
        if char["x0"] - right >= _STACK_GAP * size:
            stacks.append([char])
        else:
            stacks[-1].append(char)
        right = max(right, char["x1"])
    if len(stacks) < 2:
        return []
    lines: list[_Line] = []
    for stack in stacks:
        kept = {id(c) for c in stack}
        parts = sorted(
            _group(page, [c for line in block for c in line.chars if id(c) in kept]), key=lambda line: line.top
        )
        for part in parts:
            _render(part)
        words = " ".join(part.text for part in parts)
        if (
            len(parts) < 2
            or not any(char.isalpha() for char in parts[-1].text)
            or len(_NUMBER_RE.findall(words)) != 1
            or not any(char.isalpha() for char in words)
            or any(len(part.text.split()) > _CELL_WORDS for part in parts)
        ):
            return []
        lines.append(_joined_line(parts))
    return lines


def _margin_heads(segments: list[_Segment]) -> None:
    """A margin column of headings set beside the text they head, read into that text where each heading stands.

    A report that sets its headings in a wide left margin (GAO's reports) may print them level with no line of text
    at all, the text column going on from the last page above them; read as the left of two columns, every heading
    of the page came before the page's first line, and the sentence carried over from the page before was cut off
    from its start by headings it does not run under ("... on a monthly basis, ORC only reimburses ProFac" +
    headings + "quarterly basis only if ..."). A left column of nothing but headings is one whose every line is set
    larger than most of the text column's beside it, and which holds fewer lines, none below the text's last (a line
    under the text is a footer, or a cover's web address): each run of its lines (a heading's wrapped lines, set a
    line apart) is read before the first text line level with or below its own first line."""
    for left, right in pairwise(segments):
        if (
            not left.lines
            or left.band != right.band
            or (left.side, right.side) != (0, 1)
            or len(left.lines) >= len(right.lines)
        ):
            continue
        size = median(line.size for line in right.lines)
        margin = max(line.x1 for line in left.lines)
        if (
            min(line.size for line in left.lines) <= size
            or margin >= min(line.x0 for line in right.lines)
            or max(line.top for line in left.lines) > max(line.top for line in right.lines)
        ):
            continue
        heads: list[list[_Line]] = []
        for line in left.lines:
            if heads and line.top - heads[-1][-1].bottom <= line.bottom - line.top:
                heads[-1].append(line)
            else:
                heads.append([line])
        laid = list(right.lines)
        for head in reversed(heads):
            at = next((i for i, line in enumerate(laid) if line.top >= head[0].top - head[0].size / 2), len(laid))
            laid[at:at] = head
        left.lines, right.lines = [], laid


_LABEL_WORDS = 3
"""The most words a label in a column of labels holds ("Issue:", "Action:", "Date of issue:")."""
_LABEL_SHARE = 0.25
"""The widest a column of labels is, as a share of the width of the text column beside it."""
_LABEL_ROWS = 2
"""The fewest labels a column of labels holds: one short line at the left of a row is a running header's date or
number ("4.5.2016" beside "Official Journal of the European Union"), left to `_running`."""


_SECTION_NUMBER_RE = re.compile(r"(?:[1-9]\d?|[A-Z])(?:\.[1-9]\d?)+\.?")
"""A section's number of two levels or more, as a heading sets it apart from its title: "4.8", "4.8.1.", "A.2". A
lone number ("1.") may be a list's, whose items are read by their own rules; a part with a leading zero or of three
digits ("0.232", "1.000") is a table's figure."""
_TOP_NUMBER_RE = re.compile(r"(?:[1-9]\d?|[A-Z])\.?")
"""A top-level section's number alone: a chapter's "4", an appendix's "C"."""


def _heading_number(line: _Line, size: float) -> bool:
    """Whether a line is a heading's number (`_SECTION_NUMBER_RE`), or a top-level one (`_TOP_NUMBER_RE`) set larger
    than the text at `size`: a chapter's "4" in its title's type beside "Interface Description Overview". A lone
    number in the text's size may be a list item's, read by the list's rules."""
    top = _TOP_NUMBER_RE.fullmatch(line.text) is not None and line.size > size * _ONE_SIZE
    return top or _SECTION_NUMBER_RE.fullmatch(line.text) is not None


def _tab_stop_numbers(segments: list[_Segment]) -> None:
    """Each section number set at the margin, its title at a tab stop beside it, read as the start of its title's
    line.

    A word processor sets a heading's number at the margin and its title at a tab stop, the body indented to the
    title's edge ("4.8.1" then "Reject Responses"). The gap is wider than a space, so the two are lines of their
    own on one row (`_group`): the number read as a heading apart from its title, or, where a page holds no other
    line that spans the gap, as a column of its own (`_column_numbers`), read before the text beside it, left at
    the end of the paragraph above its heading. A number (`_SECTION_NUMBER_RE`) followed in its segment by a line
    on its baseline, to its right, that opens with a letter (a title, not a table's next figure), is made one line
    with it."""
    _column_numbers(segments)
    _outline_numbers(segments)
    for segment in segments:
        laid: list[_Line] = []
        size = median(line.size for line in segment.lines) if segment.lines else 0.0
        for line in segment.lines:
            number = laid[-1] if laid else None
            if (
                number is not None
                and _heading_number(number, size)
                and line.text[:1].isalpha()
                and abs(line.bottom - number.bottom) <= number.size / 2
                and line.x0 > number.x1
            ):
                joined = _Line(
                    line.page, min(number.top, line.top), max(number.bottom, line.bottom), number.chars + line.chars
                )
                joined.size = line.size
                joined.titled = True
                _render(joined)
                laid[-1] = joined
            else:
                laid.append(line)
        segment.lines = laid


def _hung_item_numbers(segments: list[_Segment]) -> None:
    """A band's left column of list items' numbers, each a tab's width left of its item's first line, read with the
    text beside it row by row: each number before the line it opens (which `_tab_stop_numbers` then joins to it).

    A report numbering its recommendations in two levels ("63.2.", "91.6") sets a number a tab from its item's first
    word, the item's later lines wrapped back under the number. Where the tab is wide the gap reads as a gutter
    (`_gutter`), and the rows around it as two columns: read left first, the numbers came apart from their items,
    each a paragraph of its own ("63.2."), or two numbers over each other before both items' first lines ("91.6",
    "91.7", then "Decriminalize ...", "Take measures ..."), the second item's number read into the first's text.
    The left column holds the numbers (`_SECTION_NUMBER_RE`), each level with a line right of the gutter, and
    lines level with none (an item's last line, wrapped under the numbers); and every line right of the gutter
    stands level with a number: that side is nothing but the items' first lines. Two columns of text have lines
    level with each other that are no numbers, and a table's column of figures levels its figures with its labels
    at the left, not the right. A column of nothing but numbers is left to `_column_numbers` and `_outline_numbers`:
    a directive's clause numbers in outline order stand beside clauses read as several segments."""
    for left, right in _left_of(segments):
        if not left.lines or not right.lines:
            continue
        numbers = [line for line in left.lines if _SECTION_NUMBER_RE.fullmatch(line.text)]
        others = [line for line in left.lines if not _SECTION_NUMBER_RE.fullmatch(line.text)]
        if (
            numbers
            and others
            and all(any(_level(number, text) for text in right.lines) for number in numbers)
            and all(any(_level(number, text) for number in numbers) for text in right.lines)
            and not any(_level(other, text) for other in others for text in right.lines)
        ):
            laid = sorted([*left.lines, *right.lines], key=lambda line: (line.row, line.x0))
            left.lines, right.lines = [], laid


def _level(line: _Line, other: _Line) -> bool:
    """Whether two lines stand on one baseline (within half the first one's size): parts of one row."""
    return abs(line.bottom - other.bottom) <= line.size / 2


def _column_numbers(segments: list[_Segment]) -> None:
    """A left column of nothing but section numbers (`_SECTION_NUMBER_RE`), each on the row of a line of the column
    at its right (its baseline within half a line), read into that column: each number just before its line."""
    for left, right in _left_of(segments):
        if (
            not left.lines
            or not right.lines
            or left.band != right.band
            or (left.side, right.side) != (0, 1)
            or not all(_heading_number(line, median(text.size for text in right.lines)) for line in left.lines)
            or max(line.x1 for line in left.lines) >= min(line.x0 for line in right.lines)
        ):
            continue
        laid = _read_in_level(left.lines, right.lines, lambda line: line.bottom)
        if laid is not None:
            left.lines, right.lines = [], laid


def _outline_numbers(segments: list[_Segment]) -> None:
    """A run of section numbers in outline order, hung at the margin beside clauses whose text is read as several
    segments, each number read just before the line level with it in whichever segment holds that line.

    A directive or a standard numbers every clause at the margin and sets its text at a tab stop ("1." beside
    "Effective date", "1.1" beside "This directive takes effect ..."), and numbers a clause's items at the next tab
    stop ("3.1.1" beside "To manage identity ..."), their text at a further one. The items' numbers and text stand
    apart as columns of their own inside the clauses' column (`_region`), so the clauses' column is read as several
    segments, and no one of them holds a line level with every margin number (`_column_numbers`): the numbers were
    read as a column before every clause ("1.", "1.1", "1.2", "2.", then "Effective date", ...). A segment of
    nothing but section numbers (`_heading_number`) going on one from another as an outline numbers its clauses
    (`_in_outline_order`: "1.", "1.1", "1.2", "2."; "3.1.1", "3.1.2") is read so when every number stands level with
    the first line of a segment after it in its band, at its right, that opens with a letter; a column of a table's
    figures ("1.5", "2.3") is in no outline's order."""
    for at, numbers in enumerate(segments):
        lines = numbers.lines
        if not lines or not _in_outline_order([line.text for line in lines]):
            continue
        after = [s for s in segments[at + 1 :] if s.band == numbers.band and s.lines]
        size = median(line.size for s in after for line in s.lines) if after else 0.0
        edge = max(line.x1 for line in lines)
        if not all(_heading_number(line, size) for line in lines):
            continue
        places = [_level_line(line, after, edge) for line in lines]
        if None in places:
            continue
        for line, (segment, index) in sorted(
            zip(lines, places, strict=True), key=lambda pair: (id(pair[1][0]), -pair[1][1])
        ):
            segment.lines.insert(index, line)
        numbers.lines = []


def _level_line(number: _Line, segments: list[_Segment], edge: float) -> tuple[_Segment, int] | None:
    """The segment and place of the line a hung number opens: the nearest line right of the numbers' `edge` whose
    baseline is within half the number's size of its own and which opens with a letter; None where no line stands
    so, or where a bare number stands on the row too: a contents list's entry, its page number at the right ("6.5.3",
    "Registration - regionDefinition", "38"), is left to the contents' rules (`_contents`)."""
    row = [
        (text.x0, segment, index, text.text)
        for segment in segments
        for index, text in enumerate(segment.lines)
        if abs(text.bottom - number.bottom) <= number.size / 2 and text.x0 > edge
    ]
    level = [(x0, segment, index) for x0, segment, index, text in row if text[:1].isalpha()]
    if not level or any(text.isdecimal() for *_, text in row):
        return None
    _, segment, index = min(level, key=lambda found: found[0])
    return segment, index


def _in_outline_order(numbers: list[str]) -> bool:
    """Whether section numbers go on one from another as an outline numbers its parts: each the first part under the
    one before it ("1." then "1.1"), the next at the same level ("1.1" then "1.2") or the next at a level above it
    ("1.2" then "2."). A number's parts are its figures or letters between full stops."""
    parts = [[part for part in number.split(".") if part] for number in numbers]
    if not parts or not all(parts):
        return False
    for before, after in pairwise(parts):
        *head, last = after
        child = head == before and last in {"1", "A", "a"}
        following = len(head) < len(before) and head == before[: len(head)] and _next_part(before[len(head)], last)
        if not (child or following):
            return False
    return True


_CLAUSE_RE = re.compile(rf"({_SECTION_NUMBER_RE.pattern}) [^\W\d_]")
"""A line opening with a clause's number of two levels or more, a word space from the clause's first word."""


def _hung_clauses(segments: list[_Segment]) -> None:
    """Mark each line that opens a numbered clause hung at the margin as opening its paragraph (`_Line.titled`).

    A directive numbers its clauses at the margin and sets their text at a tab stop a little further right, where
    the clause's later lines start (`_tab_stop_numbers`). Where the tab stop falls within a word space of the
    number ("4.1.3 Documenting identity management risks ..."), the number is no line of its own: nothing marks the
    clause as a paragraph, and a page's clauses ran into one. A line is a clause's first where it opens with a
    section number (`_CLAUSE_RE`) and the segment holds a run of such lines at one left edge (`_ITEM_EDGE`), their
    numbers in outline order (`_in_outline_order`: "4.1.2", "4.1.3"), every line between them hung right of that
    edge: a sentence wrapping a "4.1.3" to a line's start stands at the text's edge with the lines around it."""
    for segment in segments:
        lines = segment.lines
        opening = {index: found[1] for index, line in enumerate(lines) if (found := _CLAUSE_RE.match(line.text))}
        for first in opening:
            edge, slack = lines[first].x0, _ITEM_EDGE * lines[first].size
            chain = [first]
            for index in range(first + 1, len(lines)):
                line = lines[index]
                if index in opening and abs(line.x0 - edge) < slack:
                    if not _in_outline_order([opening[chain[-1]], opening[index]]):
                        break
                    chain.append(index)
                elif line.x0 < edge + slack:
                    break
            if len(chain) > 1:
                for index in chain:
                    lines[index].titled = True


def _next_part(part: str, following: str) -> bool:
    """Whether an outline number's part is followed by the next one: "3" by "4", "B" by "C"."""
    if part.isdecimal() and following.isdecimal():
        return int(following) == int(part) + 1
    return len(part) == len(following) == 1 and part.isalpha() and ord(following) == ord(part) + 1


def _read_in_level(left: list[_Line], right: list[_Line], edge: Callable[[_Line], float]) -> list[_Line] | None:
    """The lines of a right column with each line of the left column beside it read just before the first right
    line level with it (their `edge`, a top or a baseline, within half the left line's size); None where a left
    line stands level with none of them: the left lines are then no column of what the right one's lines hold."""
    level = [
        next((i for i, text in enumerate(right) if abs(edge(text) - edge(line)) <= line.size / 2), None)
        for line in left
    ]
    if None in level:
        return None
    laid = list(right)
    for line, at in sorted(zip(left, level, strict=True), key=lambda pair: -pair[1]):
        laid.insert(at, line)
    return laid


def _left_of(segments: list[_Segment]) -> Iterator[tuple[_Segment, _Segment]]:
    """Each right column of a band with each left column of its band before it, the nearest first: a left side may
    hold columns of its own (`_region`), a chapter's and its sections' numbers at the margin ("9", "9.1") left of
    its subsections' ("9.1.1"), the right column's lines at a tab stop beside them."""
    for at, right in enumerate(segments):
        if right.side == 1:
            for left in reversed(segments[:at]):
                if left.band == right.band and left.side == 0:
                    yield left, right


def _label_column(segments: list[_Segment]) -> None:
    """A narrow left column of labels, each set level with the first line of a block of text at its right, read
    label by label into that text: each label a line of its own (`_Line.label`), just before the line it is level
    with.

    A record of issues and actions (a committee's appendix) sets "Issue:" and "Action:" in a narrow column at the
    left and what each says in a wide column beside it, the label on the row of its block's first line. Found as two
    columns, the labels were read together, then the texts, so no label stood by its text. A column of labels is
    one of `_LABEL_ROWS` short lines or more (`_LABEL_WORDS`), no wider than a share (`_LABEL_SHARE`) of the text
    column beside it, set in the text's size or larger, each on the row of one of that column's lines, and fewer
    than its lines. Two columns of running text are alike in width, and a table's narrow first column of names (a
    role, a year) beside wide cells is read with its rows all the same. A label is its own paragraph, as a
    paragraph's number in a margin is (`_margin_labels`): it names the block, and the block's first sentence starts
    after it, as pdftotext reads it."""
    for left, right in pairwise(segments):
        if (
            len(left.lines) < _LABEL_ROWS
            or left.band != right.band
            or (left.side, right.side) not in {(0, 1), (0, 0), (1, 1)}  # the two columns, or two within one
            or len(left.lines) >= len(right.lines)
        ):
            continue
        width = max(line.x1 for line in right.lines) - min(line.x0 for line in right.lines)
        size = median(line.size for line in right.lines)
        if (
            max(line.x1 for line in left.lines) - min(line.x0 for line in left.lines) > _LABEL_SHARE * width
            or max(line.x1 for line in left.lines) >= min(line.x0 for line in right.lines)
            or any(len(line.text.split()) > _LABEL_WORDS or line.size < size * _NOTE_SIZE for line in left.lines)
        ):
            continue
        laid = _read_in_level(left.lines, right.lines, lambda line: line.top)
        if laid is None:
            continue
        for line in left.lines:
            line.label = True
        left.lines, right.lines = [], laid


def _mark_tabled(segments: list[_Segment], tables: list[_Table]) -> None:
    """Flag a page's lines inside a table's body (`_table_bodies`) as the table's (`_Line.tabled`), for each of
    `tables`: a body closed by a rule of its head's extent, or one read a column at a time (`_cells`).

    A body closed by a rule is a table's whatever its rows hold (rows of figures between a table's section rules).
    A body open to the page's foot is a table's only where its rows stand in the head's columns: else the band
    `_table_bodies` took for a head is no table's head (the last rows of a table ruled across, between its inner rule
    and its closing one, with two columns of prose under it down to the page's foot). Flagged, that prose would be
    a table's: a numbered list in it is no list (`_numbered_items`), and each column of it would be parted from the
    next as a table's columns are."""
    for segment in segments:
        for line in segment.lines:
            line.tabled = _in_grid(line, [table.box for table in tables])


def _mark_table_heads(segments: list[_Segment], tables: list[_Table]) -> None:
    """Flag a page's lines in the ruled head of each of `tables` (`_Line.table_head`): between the rule over the head
    and the top of the body, across the body's width. A table carried over to the next page sets its head again
    there ("Requirement", "Level 1", ... "Level 4" in bold), read as headings; they head the table's rows only
    (`Block.tabled`)."""
    heads = [(left, table.head, right, top) for table in tables for left, top, right, _ in [table.box]]
    for segment in segments:
        for line in segment.lines:
            line.table_head = _in_grid(line, heads)


_LABEL_RE = re.compile(r"[¶§]\s?\d{1,4}\.?")
"""A paragraph's number as it is set in a margin: "¶ 15", "§ 3". A bare number there may be the page's own, set
beside its footer ("98  RANKING DIGITAL RIGHTS"), which `_running` drops."""


def _margin_labels(segments: list[_Segment]) -> None:
    """Each paragraph number a page sets in its margin (`_LABEL_RE`) made a line of its own, marked `label`.

    A court numbers its paragraphs in the page's left margin ("¶ 15"), a gutter away from the paragraph's first
    line and left of where every line of text starts. It labels the paragraph and is no word of its first
    sentence: a reader, and poppler's `pdftotext`, read it apart, and a quote of the paragraph's opening starts
    after it. Set in the text's size, the number is grouped into its paragraph's first line (`_group`); set
    smaller, it may be a line of its own already, even a column of them beside the text (`_sidebar`). A number
    at the text's edge (a numbered heading or list item) is the text's own.
    """
    lines = [line for segment in segments for line in segment.lines]
    found: dict[int, int] = {}
    for line in lines:
        spans = _spans(line)
        glyphs = [c for c in line.chars if c["x1"] <= spans[0][1] + 0.01]
        if not line.marked and _LABEL_RE.fullmatch(squash("".join(c["text"] for c in glyphs))):
            beside = len(spans) > 1 or any(other.row == line.row and other.x0 > line.x1 for other in lines)
            if beside:
                found[id(line)] = len(glyphs)
    text = [
        next((c["x0"] for c in line.chars[found.get(id(line), 0) :] if not c["text"].isspace()), None) for line in lines
    ]
    edge = min((x for x in text if x is not None), default=None)
    for segment in segments:
        laid: list[_Line] = []
        for line in segment.lines:
            label = line.chars[: found.get(id(line), 0)]
            if edge is None or not label or max(c["x1"] for c in label) >= edge - _GUTTER_GAP * line.size:
                laid.append(line)
                continue
            parts = [_Line(line.page, line.top, line.bottom, chars) for chars in (label, line.chars[len(label) :])]
            for part in parts:
                if part.chars:
                    part.size = median(c["size"] for c in part.chars)
                    _render(part)
            parts[0].label = True
            laid += [part for part in parts if part.text]
        segment.lines = laid


def _side_headings(segments: list[_Segment]) -> None:
    """Each heading a page sets in a margin column beside its text (a side heading) read before the text it heads.

    A report may set its headings in a wide left margin, level with the first lines of the text they head, the text
    itself starting at one edge further right (GAO's reports: "Results in Brief" beside "Although there are ...").
    A heading line and the text line level with it are one row (`_group`), and read as one line the heading's words
    open the paragraph's first line and its later lines go into the paragraph's next ones. By layout, a side heading
    is the first stretch of a row (`_spans`) that ends a gutter left of the edge where most of the page's lines
    start, its words in type no smaller than the text's beside it (a figure's smaller labels set in the margin are
    no heading), the row's text going on at that edge; a line wholly in the margin under such a head is its next
    line. The heading's lines are read first, then the text's, each a line of its own.
    """
    lines = [line for segment in segments for line in segment.lines]
    starts = Counter(round(next(c["x0"] for c in line.chars if not c["text"].isspace())) for line in lines)
    if not starts:
        return
    edge, count = starts.most_common(1)[0]
    if count < _COLUMN_ROWS:
        return
    for segment in segments:
        laid: list[_Line] = []
        heads: list[_Line] = []
        texts: list[_Line] = []
        for line in segment.lines:
            parts = _side_head(line, edge)
            if parts is not None:
                heads.append(parts[0])
                texts.append(parts[1])
            elif heads and line.x1 < edge - _GUTTER_GAP * line.size and _TITLE_WORD_RE.search(line.text):
                line.side = True
                heads.append(line)
            else:
                laid += heads + texts + [line]
                heads, texts = [], []
        segment.lines = laid + heads + texts


def _side_head(line: _Line, edge: float) -> tuple[_Line, _Line] | None:
    """A row parted into its side heading and its text (`_side_headings`), or None if it opens with no side heading."""
    spans = _spans(line)
    if len(spans) < 2 or spans[0][1] > edge - _GUTTER_GAP * line.size or abs(spans[1][0] - edge) > line.size:
        return None
    head = [c for c in line.chars if c["x1"] <= spans[0][1] + 0.01 and not c["text"].isspace()]
    text = [c for c in line.chars if c["x0"] >= spans[1][0] - 0.01]
    words = "".join(c["text"] for c in head)
    sizes = [c["size"] for c in text if not c["text"].isspace()]
    if not sizes or not _TITLE_WORD_RE.search(words) or min(c["size"] for c in head) < median(sizes):
        return None
    parts = []
    for chars in (head, text):
        part = _Line(line.page, min(c["top"] for c in chars), max(c["bottom"] for c in chars), chars)
        part.size, part.column = median(c["size"] for c in chars), line.column
        _render(part)
        parts.append(part)
    parts[0].side = True
    return parts[0], parts[1]


def _cells(page: int, body: list[_Line], table: _Table) -> list[_Segment]:
    """A table body's columns, each a segment of its own (a band of its own too: columns of cells are not two
    columns of running text), or none when nothing parts them.

    The columns part at the table's vertical rules, or, where it has none, at the gutters no row's text crosses:
    read row by row, a row's cells run together into a sentence no one wrote (`Mock elections grant FY2003:
    $200,000 EAC Conducting voter education ...`); a column's cells each read whole, as the table sets them. Rules
    that a row's words run across, or fewer gutters than the head has cells (a cell spanning columns, a note under
    the table's last row), are not the table's columns, and a head that does not label every column may not be a
    table's head (rows of figures between a table's section rules): the body is read as it was.
    """
    if not table.labelled:
        return []
    if table.rules:
        if any(_runs_across(row, rule, table.size) for row in body for rule in table.rules):
            return []
        gutters = list(table.rules)
    else:
        gutters = _gutters(body, table.size)
        if len(gutters) + 1 < table.cells:
            return []
    columns: list[list[dict]] = [[] for _ in range(len(gutters) + 1)]
    for row in body:
        for char in row.chars:
            columns[bisect_right(gutters, (char["x0"] + char["x1"]) / 2)].append(char)
    segments = [_Segment(_group(page, chars), band) for band, chars in enumerate(c for c in columns if c)]
    for segment in segments:
        lines = segment.lines
        edges = (min(line.chars[0]["x0"] for line in lines), max(line.chars[-1]["x1"] for line in lines))
        for line in lines:
            line.column = edges  # a cell's line is short or full against its column's width, not the page's
    return segments


def _ruled_rows(
    page: int, rows: list[_Line], bands: Sequence[_Box], grids: Sequence[list[_Box]], figures: Sequence[_Box]
) -> list[_Segment]:
    """A page's rows in reading order, each table a row at a time, a cell at a time (`_table_lines`), the rows
    around it as a page's are (`_figure_regions`). The tables are the ruled grids of sentences `find_tables` finds
    (`grids`, each its cells' boxes) and the bodies set between two rules of one extent (`bands`, `_band_cells`)
    under the head over the first rule (`_head_rows`).

    A table ruled across, its head over one rule and its body closed by another of the same extent (a journal's
    house style), or a rule between each two of its rows (a report's), has no grid for `find_tables`: read as the
    page's rows, its columns look like columns of text, and cells run into their neighbours across the row
    (`Headache (yes/no) 25/0`, `all, focus on geosciences all, focus on particle physics`) or into the text beside
    it, a sentence no one wrote. Each cell read whole and alone, row by row, is what the table prints.
    """
    tables: list[tuple[list[_Line], list[list[dict]]]] = []
    for grid in grids:
        inside = [row for row in rows if _within(row.chars[0]["x0"], row.chars[-1]["x1"], row.top, row.bottom, grid)]
        middles = [(c, (c["x0"] + c["x1"]) / 2, (c["top"] + c["bottom"]) / 2) for row in inside for c in row.chars]
        cells = [
            [c for c, x, y in middles if left <= x <= right and head <= y <= foot] for left, head, right, foot in grid
        ]
        glyphs = sum(not c["text"].isspace() for row in inside for c in row.chars)
        if (
            inside
            and sum(not c["text"].isspace() for cell in cells for c in cell) == glyphs
            and not any(_runs_across(row, wall, row.size) for row in inside for wall in _grid_walls(grid, inside))
        ):  # a grid round only part of its rows (their figures), or boxes its words run across (links), is no table
            tables.append((inside, cells))
    claimed = {id(row) for table, _ in tables for row in table}
    heads = {band: over for band in bands if (over := _head_band(rows, band, bands)) is not None}
    for band in bands:
        inside = _band_rows(rows, band)
        if band in heads.values():
            continue  # a table's head between its own two rules is read with the body under it, not as a body
        cells = _band_cells(inside, band) if not claimed & {id(row) for row in inside} else []
        if cells:
            over = _band_rows(rows, heads[band]) if band in heads else _head_rows(rows, inside, band[1])
            head = [row for row in over if id(row) not in claimed]
            tables.append((head + inside, _head_text(head, inside) + cells))
            claimed |= {id(row) for row in head + inside}
    if not tables:
        return _figure_regions(page, rows, figures)
    segments: list[_Segment] = []
    done: set[int] = set()
    numbered = 0
    for table, cells in sorted(tables, key=lambda table: min(row.top for row in table[0])):
        top = min(row.top for row in table)
        above = [row for row in rows if id(row) not in claimed and id(row) not in done and row.top < top]
        done |= {id(row) for row in above}
        lines = _table_lines(page, cells, numbered)
        numbered += len(cells)
        segments += [_Segment(s.lines, s.band + len(segments), s.side) for s in _figure_regions(page, above, figures)]
        segments.append(_Segment(lines, len(segments)))  # the regions' columns side by side keep one band
    below = [row for row in rows if id(row) not in claimed and id(row) not in done]
    segments += [_Segment(s.lines, s.band + len(segments), s.side) for s in _figure_regions(page, below, figures)]
    return segments


def _grid_walls(grid: list[_Box], rows: list[_Line]) -> set[float]:
    """The x of the walls between a grid's cells that its rows (`rows`) never run across: each cell's left side but
    the grid's own, save the sides of a sliver cell narrower than the rows' type size. A head whose cells are shaded
    inside their borders draws each shade's sides a padding's width inside its cell's: the grid parts the head row
    there into slivers and cells, and the body's wider cells' words, set from the same padding, run across those
    sides."""
    size = median(row.size for row in rows)
    slivers = {side for x0, _, x1, _ in grid if x1 - x0 < size for side in (x0, x1)}
    return {cell[0] for cell in grid} - {min(cell[0] for cell in grid)} - slivers


def _head_band(rows: list[_Line], band: _Box, bands: Sequence[_Box]) -> _Box | None:
    """The band of a table's head over a body `band`: the band closed by the rule the body opens under, of the same
    extent, the first of its run of bands (no band closes on its own top rule), of at most `_HEAD_DEPTH` rows.

    A head ruled above and below (a report's house style) stands between two rules like a body; read as a body, row
    by row, a label over two lines whose neighbours take one is cut in two and its first line runs into the cell
    before it (`Required` over `Match` read on into `Grant Program`). Its columns are the body's (`_head_text`)."""
    left, top, right, _ = band
    for over in bands:
        if abs(over[3] - top) < 1 and abs(over[0] - left) < 1 and abs(over[2] - right) < 1:
            first = not any(abs(other[3] - over[1]) < 1 for other in bands)
            if first and 0 < len(_band_rows(rows, over)) <= _HEAD_DEPTH:
                return over
    return None


def _within(x0: float, x1: float, top: float, bottom: float, boxes: Sequence[_Box]) -> bool:
    """Whether the middle of what spans `x0`-`x1` and `top`-`bottom` lies inside one of `boxes`."""
    x, y = (x0 + x1) / 2, (top + bottom) / 2
    return any(left <= x <= right and head <= y <= foot for left, head, right, foot in boxes)


def _table_lines(page: int, cells: list[list[dict]], numbered: int) -> list[_Line]:
    """A table's lines, a cell at a time in the order given, each cell's lines numbered `cell` alike (on from
    `numbered`, the cells of the page's tables before it) and measured against the cell's width (`column`): a cell's
    lines read as one paragraph, parted from its neighbours."""
    lines: list[_Line] = []
    for number, chars in enumerate(cells, start=numbered + 1):
        if not chars:
            continue
        grouped = sorted(_group(page, chars), key=lambda line: line.top)
        edges = (min(c["x0"] for c in chars), max(c["x1"] for c in chars))
        for line in grouped:
            line.cell, line.column = number, edges
        lines += grouped
    return lines


def _band_rows(rows: list[_Line], band: _Box) -> list[_Line]:
    """The rows whose middle lies inside a band between two rules, top to bottom."""
    left, top, right, bottom = band
    inside = [
        row
        for row in rows
        if left <= (row.chars[0]["x0"] + row.chars[-1]["x1"]) / 2 <= right
        and top <= (row.top + row.bottom) / 2 <= bottom
    ]
    return sorted(inside, key=lambda row: row.top)


def _head_rows(rows: list[_Line], body: list[_Line], rule: float) -> list[_Line]:
    """The rows of a table's head over the `rule` its body starts under (`_ruled_rows`), top to bottom: the rows just
    over the rule (`_HEAD_DEPTH` of their size at most), each set in two cells or more, each at most a line's height
    over the next, at most `_HEAD_DEPTH` of them. A head's label may take two lines where its neighbours take one, and
    its labels may stand closer than a gutter (`Vaccinated HCWs(n=71) Vaccinated HCWs with`); the table's caption,
    one stretch of words, is not its head, and text over it stands a paragraph's gap away."""
    left, right = min(row.chars[0]["x0"] for row in body), max(row.chars[-1]["x1"] for row in body)
    over = sorted((row for row in rows if row.bottom <= rule), key=lambda row: row.top, reverse=True)
    head: list[_Line] = []
    for row in over:
        gap = head[-1].top - row.bottom if head else (rule - row.bottom) / _HEAD_DEPTH
        if len(head) == _HEAD_DEPTH or len(_spans(row)) < 2 or gap > row.size:
            break
        if row.chars[0]["x0"] < left - row.size or row.chars[-1]["x1"] > right + row.size:
            break
        head.append(row)
    return head[::-1]


def _head_text(head: list[_Line], body: list[_Line]) -> list[list[dict]]:
    """A table head's cells, each cell's characters: a column's labels together ("Guaranteed Minimum Grant" over
    "Awards"), parted at the head's own gutters where each of its rows' stretches stands in a column of its own
    (`_columns_whole`): a head may label columns its body parts at no gutter down its whole depth (a cell spanning
    four funds' columns), and each label is still its own. Else at the body's gutters (`_gutters`), when no label
    crosses one; else each row's stretches apart (`_spans`), a label spanning two columns ("95% Confidence
    Interval" over "Lower" and "Upper") a cell of its own. Head rows that each fill every column of the head's own
    gutters are rows of cells, not a label wrapped over lines (a first row of figures taken for a head), and are
    not joined."""
    size = median(row.size for row in body)
    own = _gutters(head, size) if head else []
    filled = len(head) > 1 and all(len({bisect_right(own, x0) for x0, _ in _spans(row)}) > len(own) for row in head)
    if head and _columns_whole(head, own) and not filled:
        return _parted(head, own)
    gutters = _gutters(body, size)
    glyphs = [c for row in head for c in row.chars if not c["text"].isspace()]
    if any(c["x0"] < gutter < c["x1"] for c in glyphs for gutter in gutters):
        return [[c for c in row.chars if x0 <= (c["x0"] + c["x1"]) / 2 <= x1] for row in head for x0, x1 in _spans(row)]
    return _parted(head, gutters)


def _band_cells(rows: list[_Line], band: _Box) -> list[list[dict]]:
    """The cells of a table's body set between two rules, row by row, each cell's characters; none when the band is
    no table's body: fewer than `_TABLE_ROWS` rows, or fewer than `_HEAD_CELLS` columns apart by gutters no row's
    text crosses (`_gutters`: prose between two rules, a boxed note or two columns of text, has one or two).

    Each cell reads whole, its lines together (`_row_starts`). A row whose stretches the band's gutters do not part
    (`_columns_whole`: a cell spanning columns in another row hides their gutter, a formula's parts set side by side
    in one column) parts at its own gutters: read by the band's, its cells side by side ran together line by line
    ("$3 million $1 millionc $819,000")."""
    if len(rows) < _TABLE_ROWS:
        return []
    size = median(row.size for row in rows)
    gutters = _gutters(rows, size)
    if len(gutters) + 1 < _HEAD_CELLS:
        return []
    starts = _row_starts(rows, gutters[0], size)
    cells: list[list[dict]] = []
    for start, end in pairwise([*starts, len(rows)]):
        lines = rows[start:end]
        cells += _parted(lines, gutters if _columns_whole(lines, gutters) else _row_gutters(lines, size))
    return cells


def _row_gutters(rows: list[_Line], size: float) -> list[float]:
    """The gutters of one table row's lines (`_gutters`), a line stretched word by word read whole: a justified line
    in a narrow cell spreads its words apart by gaps alike (`_SAME_EDGE`), each a gutter's width ("The  type  or
    name  of  the"), where cells stand apart by gaps of their columns' widths."""
    spans: list[tuple[float, float]] = []
    for row in rows:
        stretches = _spans(row)
        gaps = [b[0] - a[1] for a, b in pairwise(stretches)]
        letters = "".join(c["text"] for c in row.chars if not c["text"].isspace())
        stretched = len(gaps) >= _STRETCHED_GAPS and max(gaps) - min(gaps) < _SAME_EDGE * row.size
        spans += [(stretches[0][0], stretches[-1][1])] if stretched and letters.isalpha() else stretches
    return _span_gutters(spans, _GUTTER_GAP * size)


def _parted(rows: list[_Line], gutters: list[float]) -> list[list[dict]]:
    """The characters of `rows` parted at `gutters`, each column's characters, left to right."""
    columns: list[list[dict]] = [[] for _ in range(len(gutters) + 1)]
    for char in (c for row in rows for c in row.chars):
        columns[bisect_right(gutters, (char["x0"] + char["x1"]) / 2)].append(char)
    return columns


def _columns_whole(rows: list[_Line], gutters: list[float]) -> bool:
    """Whether each row's stretches of text (`_spans`) stand in columns of their own between the `gutters`: two in
    one column mean the band has columns its gutters missed (a row across them, a cell's dot leaders bridging
    a gutter), and read by these gutters two cells would run together."""
    for row in rows:
        spans = _spans(row)
        if len({bisect_right(gutters, (x0 + x1) / 2) for x0, x1 in spans}) < len(spans):
            return False
    return True


def _row_starts(rows: list[_Line], gutter: float, size: float) -> list[int]:
    """Where a table's rows start among the lines of a band (`_band_cells`), by the space over each line.

    A cell wrapped over lines keeps its leading; rows set apart by more (`_ROW_GAP` more than the closest lines) part
    there. Rows set as closely as lines, every line a row of figures, start at each line with text in the first column
    (`gutter` is its right edge): a line with none goes on the cells above it, and so do the lines closing the band
    with text in the first column only (`_label_only`). A line overlapping the one above (cells set at their own
    heights in one row) never starts a row."""
    gaps = [0.0] + [row.top - above.bottom for above, row in pairwise(rows)]
    tight = min((gap for gap in gaps if gap > 0), default=0.0)
    apart = any(gap > tight + _ROW_GAP * size for gap in gaps)
    return [
        index
        for index, (row, gap) in enumerate(zip(rows, gaps, strict=True))
        if index == 0
        or gap > 0
        and (
            gap > tight + _ROW_GAP * size
            if apart
            else any((c["x0"] + c["x1"]) / 2 < gutter for c in row.chars if not c["text"].isspace())
            and not all(_label_only(line, gutter) for line in rows[index:])
        )
    ]


def _label_only(row: _Line, gutter: float) -> bool:
    """Whether a line of a table's band holds text in the first column only (left of `gutter`).

    Such lines closing a band are the first cell's label wrapped on from the row above: a table ruled row by row
    (PLOS's Table 3, each row between rules of its own) gives a band to each row, and its label's last line
    ("challenge", under "Outcomes on the global health") is no row of its own. A line of the first column alone that
    heads rows stands over the rows it heads, within the band, never at its end."""
    return all((c["x0"] + c["x1"]) / 2 < gutter for c in row.chars if not c["text"].isspace())


def _gutters(rows: list[_Line], size: float) -> list[float]:
    """The x of each gutter no row's text crosses, at least `_GUTTER_GAP` of `size` wide, left to right."""
    return _span_gutters([span for row in rows for span in _spans(row)], _GUTTER_GAP * size)


def _span_gutters(stretches: list[tuple[float, float]], width: float) -> list[float]:
    """The x of each gap at least `width` wide that none of `stretches` crosses, left to right."""
    spans = sorted(stretches)
    gutters, right = [], spans[0][1]
    for x0, x1 in spans[1:]:
        if x0 - right >= width:
            gutters.append((x0 + right) / 2)
        right = max(right, x1)
    return gutters


def _runs_across(row: _Line, rule: float, size: float) -> bool:
    """Whether a row's text runs across a vertical rule: the glyphs nearest it on either side stand closer than
    `_CELL_GAP` (a glyph across it, or a word space over it), where cells set their text clear of their rules."""
    glyphs = [c for c in row.chars if not c["text"].isspace()]
    left = max((c["x1"] for c in glyphs if c["x0"] < rule), default=None)
    right = min((c["x0"] for c in glyphs if c["x1"] > rule), default=None)
    return left is not None and right is not None and right - left < _CELL_GAP * size


def _drawn_bullet(char: dict) -> bool:
    """Whether a character is a glyph with no character a reader can quote, mostly a list's bullet: one pdfminer could
    not map (`_UNMAPPED_RE`) or a symbol font's bullet mapped into the Private Use Area (`_SYMBOL_BULLETS`). Left
    in the text, a bullet set a tab's width left of its item reads as a column of its own, and each item's bullet
    became a paragraph holding nothing but it; as a glyph, it opens the item beside it (`_mark_items`)."""
    return bool(_UNMAPPED_RE.fullmatch(char["text"])) or char["text"] in _SYMBOL_BULLETS


def _mark_items(rows: list[_Line], glyphs: list[dict]) -> None:
    """Flag the first character after each unmapped glyph that stands just left of a row's words, on its line.

    Such a glyph is almost always a bullet drawn from a symbol font: it has no character to quote, but
    it opens a list item, which must not run into the line before it (another reading, `pdftotext`,
    prints it as `•`). The flag is on the character, so it survives the row's split into columns.

    A glyph level with two rows (a large side heading's line reaching down beside the item's) opens the one it
    overlaps most: the row above would take the flag from its own item, and the glyph's item would run on.
    """
    for glyph in glyphs:
        height = max(glyph["bottom"] - glyph["top"], 0.1)
        level = [
            (min(row.bottom, glyph["bottom"]) - max(row.top, glyph["top"]), index, after)
            for index, row in enumerate(rows)
            if (after := [c for c in row.chars if c["x0"] >= glyph["x1"] - 0.5 and not c["text"].isspace()])
        ]
        overlap, index, after = max(level, key=lambda found: found[0], default=(0.0, 0, []))
        if overlap >= _OVERLAP * height and after[0]["x0"] - glyph["x1"] < _ITEM_GAP * rows[index].size:
            after[0]["item"] = True


def _figure_regions(page: int, rows: list[_Line], figures: Sequence[_Box]) -> list[_Segment]:
    """The rows of a page read region by region, the regions parted by the figures set across the text's columns.

    A figure as wide as half the text, with no row level with it, is a band across the page: the columns above it end
    there, and those below begin anew, in a layout of their own (three columns above a chart, two below it). Looked
    for on the whole page, one gutter is found for both, and a column's text above the figure runs on into the text
    below it, before the column beside it is read (a reader, and poppler's `pdftotext`, read the region above to its
    end first). A region below or above such a figure may hold only a few rows of each column, too few for `_gutter`;
    there, rows that all part at one gap (`_aligned_gutter`) are columns.
    """
    if not rows:
        return []
    left, right = min(row.chars[0]["x0"] for row in rows), max(row.chars[-1]["x1"] for row in rows)
    cuts = sorted(
        (box[1], box[3])
        for box in _touching(list(figures))
        if min(box[2], right) - max(box[0], left) >= (right - left) / 2
        and not any(row.top < box[3] and row.bottom > box[1] for row in rows)
    )
    if not cuts:
        return _region(page, rows, 0)
    parts: list[list[_Line]] = [[] for _ in range(len(cuts) + 1)]
    for row in rows:
        parts[bisect_right([top for top, _ in cuts], row.top)].append(row)
    segments: list[_Segment] = []
    for part in parts:
        found = _region(page, part, 0)
        if len(found) == 1 and (gutter := _aligned_gutter(part)) is not None:
            found = _columns(page, part, gutter, _NESTING)
        segments += [_Segment(s.lines, s.band + len(segments), s.side) for s in found]
    return segments


def _aligned_gutter(rows: list[_Line]) -> float | None:
    """The x of a gap that two rows or more all part at, each with text on both sides of it, or None: a short run of
    rows set in columns (`_figure_regions`)."""
    gaps: list[tuple[float, float]] | None = None
    for row in rows:
        spans = _spans(row)
        inner = [(a[1], b[0]) for a, b in pairwise(spans)]
        gaps = inner if gaps is None else [(max(g[0], h[0]), min(g[1], h[1])) for g in gaps for h in inner]
        gaps = [gap for gap in gaps if gap[0] < gap[1]]
    if len(rows) < 2 or not gaps:
        return None
    gutter = (gaps[0][0] + gaps[0][1]) / 2
    return gutter if all(row.chars[0]["x0"] < gutter < row.chars[-1]["x1"] for row in rows) else None


def _region(page: int, rows: list[_Line], depth: int) -> list[_Segment]:
    """The rows of a page, or of one column, split at a gutter or beside a sidebar if they have one.

    A column may hold columns of its own (a sidebar whose labels and values stand side by side,
    beside the body text), so a column is looked at again, to `_NESTING` levels.
    """
    gutter = (_gutter(rows) or _note_gutter(rows) or _sidebar(rows)) if rows and depth < _NESTING else None
    if gutter is not None:
        return _columns(page, rows, gutter, depth)
    boxed = _box_gutter(rows) if rows and depth < _NESTING else None
    if boxed is None:
        return [_Segment(rows, 0)] if rows else []
    return _boxes(page, rows, boxed, depth)


def _boxes(page: int, rows: list[_Line], gutter: float, depth: int) -> list[_Segment]:
    """The rows read as columns at a gap between boxes (`_box_gutter`), and the rows across that gap looked at again:
    a page of cards may set two pairs of boxes side by side at two different gaps, one pair under the other."""
    segments: list[_Segment] = []
    bands: dict[tuple[int, int], int] = {}  # a band's two sides keep one band, as `_columns` gave them
    for part in _columns(page, rows, gutter, depth):
        found = _region(page, part.lines, depth) if part.side is None and len(part.lines) < len(rows) else [part]
        for line in part.lines if part.side is not None else ():
            line.boxed = True
        segments += [_Segment(s.lines, bands.setdefault((part.band, s.band), len(bands)), s.side) for s in found]
    return segments


def _box_gutter(rows: list[_Line]) -> float | None:
    """The x of the gap between boxes of text set side by side, each at its own leading, or None.

    Two lines overlapping in height yet standing a gutter apart are two boxes' lines (`_staggered`): a browser's
    printout of cards beside one another, a list of names beside a paragraph that describes them. However few the
    lines (a card of one line beside a list: too few for `_gutter` or `_sidebar`), read top to bottom across the
    gap they interleave, one box's sentence broken by the other's line. The gap most such pairs of lines part at is
    the gutter; the lines of one size only (`_ONE_SIZE`), as boxes set side by side are: a heading set in the margin
    beside its text, in a larger size, is the text's (`_side_headings`), and a cover's small date beside its large
    title stays in the place `_apart` gives it. Both lines hold words, one of them a line of running text
    (`_BOX_WORDS`): a chart's labels and values stand at staggered heights too, each alone, and no box of text.
    """
    gaps: list[tuple[float, float]] = []
    for upper, lower in pairwise(rows):
        sizes = sorted((median(c["size"] for c in upper.chars), median(c["size"] for c in lower.chars)))
        words = sorted(_word_count(line.chars) for line in (upper, lower))
        if lower.top >= upper.bottom or sizes[1] > sizes[0] * _ONE_SIZE or not words[0] or words[1] < _BOX_WORDS:
            continue
        first, second = sorted((upper, lower), key=lambda line: line.chars[0]["x0"])
        start, end = max(c["x1"] for c in first.chars), second.chars[0]["x0"]
        if end - start > _GUTTER_GAP * sizes[1]:
            gaps.append((start, end))
    middles = [(start + end) / 2 for start, end in gaps]
    return max(middles, key=lambda x: sum(start < x < end for start, end in gaps), default=None)


def _columns(page: int, rows: list[_Line], gutter: float, depth: int) -> list[_Segment]:
    """Runs of rows that stop at the gutter are read as two columns, left first; the other rows span the page.

    A run with text on one side only (a paragraph's short last line) is no band of columns. A heading
    with blank space beside it across the gutter (`_opens_band`) begins a new band, as a full-width one does.
    """
    size = _text_size(rows)
    segments: list[_Segment] = []
    band: list[_Line] = []

    def full_width(lines: list[_Line]) -> None:
        if segments and segments[-1].side is None:
            segments[-1].lines += lines
        elif lines:
            segments.append(_Segment(lines, len(segments)))

    def close_band() -> None:
        sides: tuple[list[dict], list[dict]] = ([], [])
        for row in band:
            for char in row.chars:
                sides[(char["x0"] + char["x1"]) / 2 > gutter].append(char)
        lines = [_group(page, chars) for chars in sides] if all(sides) else []  # grouped once, read three ways
        if lines and not _hung_numbers(lines[0]) and not _hung_note_numbers(*lines) and not _set_over(*sides):
            number = len(segments)
            for side, grouped in enumerate(lines):
                for part in _region(page, grouped, depth + 1):
                    segments.append(_Segment(part.lines, number, side))
        else:
            full_width(band[:])
        band.clear()

    titled = _title_rows(rows, gutter, size)
    sides = _body_sides(rows, gutter, size)
    for row in rows:
        if _crosses(row, gutter) or _opens_band(row, sides, gutter, size) or id(row) in titled:
            close_band()
            full_width([row])
        else:
            band.append(row)
    close_band()
    for side in (0, 1):
        lines = [line for segment in segments if segment.side == side for line in segment.lines]
        if lines:
            edges = (min(line.chars[0]["x0"] for line in lines), max(line.chars[-1]["x1"] for line in lines))
            for line in lines:
                line.column = line.column or edges  # a column found inside this side is the narrower, truer one
    return segments


def _set_over(left: list[dict], right: list[dict]) -> bool:
    """Whether the text right of a gutter stands over the next line left of it, in that line's type (`_ONE_SIZE`),
    with nothing left of it level with it: one line set over the next, not two columns side by side.

    A code listing's caption is centred over its first line; where that line is short and the listing's indented
    lines line up at an edge (`_sidebar`), the caption stands right of the gutter and the first line left of it,
    and read as columns, left first, the caption came after the line it heads ("* This is BAD stata-loops.do").
    Columns side by side have lines level with each other, a side note stands level with the line citing it, and a
    journal's masthead over a page's first heading is set in a type of its own."""
    top, bottom = min(c["top"] for c in right), max(c["bottom"] for c in right)
    glyphs = [c for c in left if not c["text"].isspace()]
    below = [c for c in glyphs if c["top"] >= bottom]
    if not below or any(c["top"] < bottom and c["bottom"] > top for c in glyphs):
        return False
    first = min(c["top"] for c in below)
    sizes = sorted((median(c["size"] for c in right), median(c["size"] for c in below if c["top"] < first + 1.0)))
    return sizes[1] <= sizes[0] * _ONE_SIZE


def _text_size(rows: list[_Line]) -> float:
    """The type size of the body text among `rows`: where side notes stand beside it (`_side_notes_apart`), that of
    the rows level with the notes' parts, else the median of the rows' sizes.

    A page of a Tufte-style book may hold more lines of a code listing, set smaller, than of its body text: measured
    by the median, the body's lines stood out as larger, each taken for a heading opening a band of its own
    (`_opens_band`), and the margin's notes beside them fell into no column. The body line a note's line stands
    beside is the text, whatever else the page holds; side notes' own parts are never the text."""
    noted = [row for row in rows if row.note_edge is not None]
    text = [row for row in rows if row.note_edge is None]
    beside = [row.size for row in text if any(row.top < note.bottom and note.top < row.bottom for note in noted)]
    return median(beside or [row.size for row in text])


_Sides = tuple[list[tuple[dict, bool]], list[tuple[dict, bool]]]
"""A page's characters left of a gutter and right of it, each with whether its row runs across the gutter."""


def _body_sides(rows: list[_Line], gutter: float, size: float) -> _Sides:
    """The body text's characters left of a gutter and right of it (`_opens_band`), each with whether its row runs
    across the gutter (`_crosses`); a page number or a note set smaller is no body text. Found once for a page's
    rows, not once for each of its headings."""
    sides: _Sides = ([], [])
    for line in rows:
        across = _crosses(line, gutter)
        for char in line.chars:
            if not char["text"].isspace() and char["size"] >= size * _NOTE_SIZE:
                sides[(char["x0"] + char["x1"]) / 2 > gutter].append((char, across))
    return sides


def _opens_band(row: _Line, sides: _Sides, gutter: float, size: float) -> bool:
    """Whether a row is a heading set in one column with nothing beside it in the other, from a line above
    it to a line below, while the other column has text further up and further down: the head of a new
    band of columns (a profile's sections, each in two columns), whose text is read after the band above
    is read to its end in both columns.

    Body text beside blank space (a figure in the other column) is no such head: the text flows on;
    nor is a heading beside a column that has ended (a short right column): the left column flows on;
    nor is a heading with nothing over it in the other column but a full-width title or running header: no band
    of columns stands above it (a right column's heading set a line higher than the left column's first).
    The other column's text level with the lines of the heading's own column over and under it stands beside those
    lines, not the heading (`_heading_reach`); a heading or a display line there, set larger than the text, stands
    beside it still (a heading one line lower in the other column, a sidebar's title).
    """
    if row.size < size * _HEADING_SIZE:
        return False
    side = (row.chars[0]["x0"] + row.chars[0]["x1"]) / 2 > gutter
    reach = row.bottom - row.top
    since, until = _heading_reach(row, sides[side], size)
    other = sides[not side]
    beside = any(
        char["bottom"] > row.top - reach
        and char["top"] < row.bottom + reach
        and ((char["bottom"] > since and char["top"] < until) or char["size"] >= size * _HEADING_SIZE)
        for char, _ in other
    )
    above = any(char["bottom"] <= row.top and not across for char, across in other)
    below = any(char["top"] >= row.bottom for char, _ in other)
    return above and below and not beside


def _heading_reach(row: _Line, own: list[tuple[dict, bool]], size: float) -> tuple[float, float]:
    """The heights between which the other column's text stands beside a heading (`_opens_band`): the heading's own
    height above and below it, but, for a heading with white space under it, not past the lines of its own column
    over and under it, less half a line of the text (`_LEVEL_SLACK`): text level with those lines stands beside them.

    A band's heading set in its own line over the left column ("VICTIMS", "PERPETRATORS" in 18-point type) has the
    band's text under it in both columns, the right column's first line level with the left column's first line
    under the heading, and the band above ends in both columns level, over the heading. Those lines stand within the
    heading's height of it, and were taken for text beside the heading: no band opened, the left column was read
    down the page through three bands and the right one after it, and a sentence carried from one band's left column
    to its right column joined to the next band's last line ("... attributed to community-based militias and/or civil
    highest number of civilian casualties ..."). A line set close over its column's next line is no such heading,
    however large (a briefing slide's bullet in 12 points beside a box in 10.4): the other column's blank beside it is
    a gap in that column's own text.
    """
    reach = row.bottom - row.top
    over = max((char["bottom"] for char, _ in own if char["bottom"] <= row.top), default=-float("inf"))
    under = min((char["top"] for char, _ in own if char["top"] >= row.bottom), default=float("inf"))
    slack = size * _LEVEL_SLACK
    if under - row.bottom < slack:
        return row.top - reach, row.bottom + reach
    return min(row.top, max(row.top - reach, over + slack)), max(row.bottom, min(row.bottom + reach, under - slack))


def _title_rows(rows: list[_Line], gutter: float, size: float) -> set[int]:
    """The ids of the rows that open one side of a page in heading type above the other column's first line, and end
    in white space taller than their last line before the rest of their side: a title set flush right over both
    columns ("Department of Defense (DoD)" / "Advisor Network (ANET)"), read across the page before its columns.

    A column's own heading, set a little higher than the other column's first line, stands level with that line
    within its own height (`_opens_band`'s reach) and stays its column's; so does a heading set over a picture in the
    other column, its text following it with no such white space.
    """
    lines = [row for row in rows if not _crosses(row, gutter)]
    for side in (False, True):
        own = [row for row in lines if all(((c["x0"] + c["x1"]) / 2 > gutter) == side for c in row.chars)]
        tops = [row.top for row in lines if all(row is not line for line in own)]
        if not own or not tops or own[0] is not lines[0]:
            continue
        head: list[_Line] = []
        for row, below in zip(own, own[1:] + [None], strict=True):
            if row.size < size * _HEADING_SIZE or row.bottom + (row.bottom - row.top) > min(tops):
                break
            head.append(row)
            if below is None or below.top - row.bottom > row.bottom - row.top:
                return {id(line) for line in head}
    return set()


def _sidebar(rows: list[_Line]) -> float | None:
    """The x just left of a sidebar's aligned left edge, where the body text beside it stops.

    A box of text set beside the body for part of a page (an infobox, a summary's side panel)
    shows as many rows whose second solid stretch starts at the same x, or whose only one does, right
    of the middle (the box's lines beside a blank in the body), while the body rows next to it stop
    short of that x and carry on across it once the box ends. The stretches part only at gaps wider than
    a row's few wide word spaces (`_gutter`): in fully justified typewriter type, words line up. Where no x is
    shared so, stretches that open with a letter and start a point or two apart stand at one edge (`_aligned_edges`):
    a box's lines of words set by hand; a table's figures, centred or set to their decimal point, start a point or
    two apart row by row too, and are read row by row.
    """
    spans = [_spans(row, justified=True) for row in rows]
    middle = (min(stretches[0][0] for stretches in spans) + max(stretches[-1][1] for stretches in spans)) / 2
    starts = [
        (span[0], _word_start(row, span[0]))
        for row, stretches in zip(rows, spans, strict=True)
        for span in (stretches if stretches[0][0] > middle else stretches[1:])
    ]
    size = median(row.size for row in rows)
    exact = [
        (_edge_start(min(x for x, _ in starts if round(x) == edge), [x for x, _ in starts], size), count)
        for edge, count in Counter(round(x) for x, _ in starts).most_common(3)
    ]  # the gutter left of every start the edge counts: one at 350.9 counted at 351 would stand across 351 - 0.8
    worded = _aligned_edges([x for x, word in starts if word], size)[:3]
    for edges in (exact, worded):
        for edge, count in edges:
            if count < _SIDEBAR_ROWS:
                break
            gutter = edge - _GUTTER_GAP
            beside = [row for row in rows if not _crosses(row, gutter) and row.chars[-1]["x1"] > gutter]
            if len(beside) >= _SIDEBAR_ROWS:
                return gutter
    return None


def _word_start(row: _Line, x: float) -> bool:
    """Whether the stretch of `row` starting at `x` opens with a letter, or with a note's number raised in smaller
    type (`_NOTE_SIZE` of the letter's size or less) before its first letter: a side note set in the margin ("10" over
    "https://..."), its number standing a point left of its wrapped lines. A table's figures open with digits in the
    type of the text after them ("12 apples"), or no letter at all."""
    chars = [c for c in row.chars if c["x0"] >= x]
    return chars[0]["text"].isalpha() or _opens_note(chars)


def _edge_start(edge: float, starts: list[float], size: float) -> float:
    """The leftmost of `starts` that line up at `edge` from its left (`_EDGE_SLACK`, as in `_aligned_edges`): the x
    the gutter must stand left of.

    An edge most rows start at exactly may have a line of its box starting a point left of it: a company profile's
    "Industry:", "Domicile:" and "Market Cap:" at 354 and its industry's name at 352.7. A gutter left of the 354
    only runs through that line, which then reads across the gap as one line with the list's line beside it
    ("Orange (France) Diversified Telecommunication Services")."""
    for start in sorted((x for x in starts if x < edge), reverse=True):
        if edge - start > _EDGE_SLACK * size:
            break
        edge = start
    return edge


def _aligned_edges(starts: list[float], size: float) -> list[tuple[float, int]]:
    """The left edges that `starts` line up at, each with how many start there, most first: starts within
    `_EDGE_SLACK` of the type size right of the leftmost of them are one edge, at that leftmost.

    A line's first glyph stands where the text's origin is, and a box's lines set at one tab stop by hand may place it
    a point or two apart: a company profile's "Industry:", "Domicile:" and "Market Cap:" stood at 366, 365 and
    364 points, three edges of one or two rows each, too few for a sidebar, and its rows were read across the gap,
    each of the box's lines glued to the line of the list beside it ("Services evaluated: Industry:")."""
    edges: list[list[float]] = []
    for start in sorted(starts):
        if edges and start - edges[-1][0] <= _EDGE_SLACK * size:
            edges[-1].append(start)
        else:
            edges.append([start])
    return sorted(((run[0], len(run)) for run in edges), key=lambda edge: -edge[1])


def _margin_column(segments: list[_Segment], body_size: float) -> list[_Line]:
    """The lines of a first page's margin column: furniture beside the text, not text to quote.

    A journal prints its record of the article in a narrow column beside the first page's text (its DOI, links to
    the software and its review, the editor, the dates it was submitted and published, the licence): short label
    and value lines in smaller type than the body. By layout, that is a column of a band at most `_MARGIN_COLUMN` as
    wide as the column beside it, every line of it smaller than the body's type (`_NOTE_SIZE`), beside a column
    that holds body text. Two columns of running text share one width, and a page's notes stand under its text,
    not beside it.
    """
    found: list[_Line] = []
    for band in {segment.band for segment in segments if segment.side is not None}:
        sides = [
            [line for segment in segments if segment.band == band and segment.side == side for line in segment.lines]
            for side in (0, 1)
        ]
        if not all(sides):
            continue
        widths = [max(line.x1 for line in lines) - min(line.x0 for line in lines) for lines in sides]
        narrow = min((0, 1), key=lambda side: widths[side])
        margin, text = _under_masthead(sides[narrow], body_size), sides[1 - narrow]
        if (
            widths[narrow] <= _MARGIN_COLUMN * widths[1 - narrow]
            and all(line.size < body_size * _NOTE_SIZE for line in margin)
            and any(line.size >= body_size * _NOTE_SIZE for line in text)
        ):
            found += margin
    return found


def _under_masthead(lines: list[_Line], body_size: float) -> list[_Line]:
    """A margin column's lines under the journal's name: a first page may set its name ("PLOS MEDICINE", in display
    type) atop the narrow column, in the same band as the record under it; the name is the page's masthead, not
    a line of the record, and the record is what is left under it."""
    start = next((index for index, line in enumerate(lines) if line.size < body_size * _NOTE_SIZE), len(lines))
    return lines[start:] if all(line.size >= body_size * _DISPLAY_SIZE for line in lines[:start]) else lines


def _hidden_space(chars: list[dict], index: int) -> bool:
    """Whether the space character at `index` is drawn inside a glyph beside it, where it parts no words.

    Word processors leave such spaces stacked at a frame's left edge, one per line of the frame, and a
    large initial capital covers them ("U" of "United" at the same x): read as text they split the word
    ("U nited"). A layout program may also lay a row of blank spaces across a box, a point off the baseline of the
    text set over it: sorted in among that text's letters, they split every word ("M a r ke t Cap" where pdftotext
    reads "Market Cap"). A space that separates words stands between the glyphs beside it; one whose middle is
    inside the nearest glyph before or after it is drawn over that glyph.
    """
    char = chars[index]
    if not char["text"].isspace():
        return False
    centre = (char["x0"] + char["x1"]) / 2
    before = next((c for c in reversed(chars[:index]) if not c["text"].isspace()), None)
    after = next((c for c in chars[index + 1 :] if not c["text"].isspace()), None)
    if _squeezed_space(char, before, after):
        return False
    return (before is not None and centre < before["x1"]) or (after is not None and centre > after["x0"])


_FLOW = 0.01
"""Points within which a glyph starts where the glyph before it ends: the two were set in one run of text."""


def _squeezed_space(space: dict, before: dict | None, after: dict | None) -> bool:
    """Whether a space parts the words around it though its box reaches into the next word's first glyph.

    A layout program justifying a tight line narrows its spaces by a negative word spacing ("Assist mission of
    Operation" in a column where the spaces are a point wide): the space's box keeps the glyph's own width, so
    its middle falls inside the next letter, as a space drawn over a glyph's would. Such a space starts where
    the glyph before it ends, set in the same run of text, and the next glyph still starts after that glyph ends.
    """
    return (
        before is not None
        and after is not None
        and abs(space["x0"] - before["x1"]) < _FLOW
        and after["x0"] > before["x1"] + _FLOW
    )


_SPACING_ACCENTS = {
    "\u00b4": "\u0301", "\u02c6": "\u0302", "\u02dc": "\u0303", "\u00af": "\u0304", "\u02d8": "\u0306",
    "\u02d9": "\u0307", "\u00a8": "\u0308", "\u02da": "\u030a", "\u02dd": "\u030b", "\u02c7": "\u030c",
    "\u00b8": "\u0327", "\u02db": "\u0328",
}  # fmt: skip
"""Accents a PDF may draw as glyphs of their own over a letter, each with the combining mark it stands for."""


def _accented(chars: list[dict]) -> list[dict]:
    """The line's characters with every accent drawn over a letter joined to that letter (`e` + `ˆ` -> `ê`).

    TeX and some typesetters build an accented letter from two glyphs, the letter and a spacing accent placed
    over (or under) it; read one by one they come out as "Agˆencia", "Aviac¸a˜o", where a reader (and poppler)
    sees "Agência", "Aviação". The letter is the neighbour whose box holds the accent's centre, before or after
    it; only an accent that makes one precomposed letter with it is joined, so a free-standing `¨` stays.
    """
    chars = list(chars)
    kept: list[dict] = []
    for index, char in enumerate(chars):
        mark = _SPACING_ACCENTS.get(char["text"])
        centre = (char["x0"] + char["x1"]) / 2
        neighbours = (kept[-1] if kept else None, chars[index + 1] if index + 1 < len(chars) else None)
        base = next((c for c in neighbours if c is not None and c["x0"] <= centre <= c["x1"]), None) if mark else None
        joined = unicodedata.normalize("NFC", base["text"] + mark) if base is not None and mark else ""
        if base is None or len(joined) != 1:
            kept.append(char)
        elif base is neighbours[0]:
            kept[-1] = {**base, "text": joined}
        else:
            chars[index + 1] = {**base, "text": joined}
    return kept


def _render(line: _Line) -> None:
    """The line's text with each raised run of small digits written as `[n]` markers, glued where it stands.

    A raised letter opening a line is a figure's or table's note letter ("a" over "The National ..."): a word of
    its own, as the note's number is, not the first letter of the note's first word.

    Raised digits after a ten or a lone letter are its power, not a marker (`_POWER_BASE_RE`): they are written as
    the superscript digits they print as ("1 x 10⁶/ml", "R²"), for flattened to the line ("106") they would read as
    another number.

    A bullet glyph opening the line marks a list item, as an unmapped one does (`_mark_items`): it is
    the list's markup, like an HTML `<li>`, and not part of the item's words.
    """
    visible = [c for c in line.chars if not c["text"].isspace()]
    if len(visible) > 1 and visible[0]["text"] in _BULLETS:
        visible[1]["item"] = True
        line.chars = [c for c in line.chars if c is not visible[0]]
    chars = line.chars = _accented(line.chars)
    normal = [c for c in chars if c["size"] >= line.size * _SUPERSCRIPT_SIZE] or chars
    baseline = median(c["bottom"] for c in normal)

    def raised(char: dict) -> bool:
        if char["text"] in _SUPERSCRIPTS:
            return True
        small = char["size"] < line.size * _SUPERSCRIPT_SIZE
        return small and char["bottom"] < baseline - _RAISED * line.size and not char["text"].isspace()

    tracking = _tracking(chars)
    parts: list[str] = []
    markers: list[int] = []
    previous: dict | None = None
    index = 0
    while index < len(chars):
        char = chars[index]
        end = index
        while end < len(chars) and (
            raised(chars[end]) or (chars[end]["text"].isspace() and end + 1 < len(chars) and raised(chars[end + 1]))
        ):
            end += 1
        end = _marker_end(chars, index, end)
        run = _folded(chars[index:end])
        if (
            end > index
            and _MARKER_RUN_RE.fullmatch(run.strip())
            and (numbers := _raised_numbers(run))
            and not _power("".join(parts), run)
        ):
            parts.append("".join(f"[{number}]" for number in numbers))
            line.marked = line.marked or index == 0
            if any(c["text"] in _SUPERSCRIPTS for c in chars[index:end]):
                line.superscripts.update(numbers)
            markers += numbers if index else []
            previous, index = chars[end - 1], end
            continue
        if end > index and _POWER_RE.fullmatch(run.strip()) and _power("".join(parts), run):
            parts.append(run.strip().translate(_SUPERSCRIPT_DIGITS))
            previous, index = chars[end - 1], end
            continue
        if _hidden_space(chars, index):
            index += 1
            continue
        if (
            previous is not None
            and char["x0"] - previous["x1"] > tracking + _WORD_GAP * min(char["size"], previous["size"])
        ) or (
            index == 1 and previous is chars[0] and raised(previous) and previous["text"].isalpha() and not raised(char)
        ):
            parts.append(" ")
        parts.append(char["text"].translate(_LIGATURES))
        previous = char
        index += 1
    line.text = squash("".join(parts))
    line.raised = tuple(markers)
    line.x0, line.x1 = chars[0]["x0"], max(c["x1"] for c in chars)
    line.bold = all(_BOLD_RE.search(str(c.get("fontname", ""))) for c in chars if not c["text"].isspace())
    line.row = min(c.get("row", 0) for c in chars)
    line.listed = bool(next((c for c in chars if not c["text"].isspace()), {}).get("item"))


def _folded(chars: list[dict]) -> str:
    """The text of `chars` with each superscript digit character ("¹", "⁴") written as the digit it raises: a typesetter
    may print a note's number as those characters in full-size type (Typst, where the font has them) rather than as
    small raised digits, and either is read as the number it shows."""
    return "".join(_SUPERSCRIPTS.get(c["text"], c["text"]) for c in chars)


def _power(before: str, run: str) -> bool:
    """Whether the raised digits `run`, after the line's text `before`, are a power and not a note's marker: after
    a ten any power ("10⁶ cells"), after a lone letter one digit ("R²", "χ² test", "x³"). Variables are squared or
    cubed; a letter raised to two digits is a name its note cites ("the software package R⁵⁶", reference 56 of an
    article whose last marker before it is 55)."""
    base = _POWER_BASE_RE.search(before)
    return base is not None and (base[0].lstrip(" (") == "10" or len(run.strip()) == 1)


def _raised_numbers(run: str) -> list[int] | None:
    """The notes a raised run of small digits (`_MARKER_RUN_RE`) cites: each number of a list ("1,2"), and every number
    a range runs through ("1–3" cites 2 too), read as a bracketed list is (`cited_numbers`), so that each is written
    as its own marker and none of the run's digits is left in the sentence; None for a range no citation prints (one
    running down, or wider than `CITED_RANGE`), which stays text."""
    return cited_numbers(re.sub(r"\s*[,;]\s*", ",", run.strip("[]() ")))


def _marker_end(chars: list[dict], start: int, end: int) -> int:
    """Where the note marker in the raised run `chars[start:end]` ends: before any punctuation set raised after it.

    A note's opening quote may take its number's superscript style ("⁵“AT&T’s Commitment ...”" at a page's foot): the
    quote is the note's text, the number its marker.
    """
    run = _folded(chars[start:end]).strip()
    if _MARKER_RUN_RE.fullmatch(run) or _figure_with_unit(run):
        return end
    cut = end
    while cut > start and not chars[cut - 1]["text"].isalnum():
        cut -= 1
    return cut if cut > start and _MARKER_RUN_RE.fullmatch(_folded(chars[start:cut]).strip()) else end


def _figure_with_unit(run: str) -> bool:
    """Whether a raised run of small type is a figure with its percent sign ("11%"), no marker and its punctuation.

    A score set small beside a large heading ("Governance" in 22 points, "11%" in 10, centred on the heading's
    height) sits above the heading's baseline as a marker does; but a note's marker is never followed by a percent
    sign set as it is, so the run is the figure it prints, not note 11."""
    return re.fullmatch(r"\d+(?:[.,]\d+)?\s?[%‰]", run) is not None


def _tracking(chars: list[dict]) -> float:
    """The line's letter spacing: the median gap between neighbouring characters (none when they touch or kern).

    Capitals set with wide tracking ("T E N C E N T" to the eye of a fixed threshold) are one word to a reader: only a
    gap wider than the line's own spacing between letters parts words.
    """
    gaps = [after["x0"] - before["x1"] for before, after in zip(chars, chars[1:], strict=False)]
    return max(0.0, median(gaps)) if gaps else 0.0


def _running(pages: list[list[_Line]], body_size: float) -> set[int]:
    """ids of running headers, footers and page numbers.

    A line in the first or last two rows of a page that repeats at the same edge of another page
    (numbers ignored, so "Page 3 of 9" repeats, and "Page i" of the front matter too), or a lone number in the
    page's first or last row. A page's last row may print its number beside a footer other pages print on its own
    ("46 RANKING DIGITAL RIGHTS" where others print "44" apart from "RANKING DIGITAL RIGHTS"), or apart from a footer
    others print it beside ("frontiersin.org" and "01" where others print "02 frontiersin.org"), and a report's last
    page a print job's code in brackets beside it (`_NUMBERED_LINE_RE`), or its own numbers after it (`_extends`).
    A line opening with a superscript number is a note, however often the same source is cited. On a page of
    few rows (a full-page figure) a line may be near both edges, and then repeats a header or a footer. Running
    lines are set small: a line in display type on the first page (`_DISPLAY_SIZE` times `body_size`) is the cover's
    title or issuer, which a title page or the back page may print again at its head ("2018 CORPORATE" in 53
    points on the cover, "2018 Corporate" in 35 atop the title page), and stays the cover's.
    """

    def edges(line: _Line, rows: tuple[int, int]) -> list[str]:
        near = (("top", line.row <= rows[0] + 1), ("bottom", line.row >= rows[1] - 1))
        return [where for where, close in near if close]

    keyed: list[tuple[_Line, tuple[str, str], bool]] = []
    for lines in pages:
        if not lines:
            continue
        rows = (min(line.row for line in lines), max(line.row for line in lines))
        going_on = _note_continuations(lines)
        for line in lines:
            for where in edges(line, rows) if _may_run(line) and id(line) not in going_on else ():
                outermost = line.row in rows
                keyed.append((line, (where, _PAGE_NUMERAL_RE.sub("#", line.text.lower())), outermost))
    alike: dict[tuple[str, str], list[_Line]] = {}
    for line, key, _ in keyed:
        alike.setdefault(key, []).append(line)
    running = [
        (line, key)
        for line, key, outermost in keyed
        if not (line.page == 1 and line.size >= body_size * _DISPLAY_SIZE)
        and (
            (outermost and _PAGE_NUMBER_RE.fullmatch(line.text)) or (len(pages) > 1 and _running_line(line, alike[key]))
        )
    ]
    keys = {key for _, key in running}
    unnumbered = keys | {(where, _NUMBERED_LINE_RE.sub("", text)) for where, text in keys}
    numbered = {
        id(line)
        for line, (where, text), outermost in keyed
        if outermost
        and where == "bottom"
        and ((where, _NUMBERED_LINE_RE.sub("", text)) in unnumbered or _extends(text, keys))
    }
    found = (
        {id(line) for line, _ in running}
        | numbered
        | {id(line) for line, key, _ in keyed if any(_part_of(line, key, other, known) for other, known in running)}
        | _first_page_header(pages, [line for line, (where, _) in running if where == "top" and line.page > 1])
    )
    found |= _pieces_beside(keyed, running, found)
    return found | _running_below(pages, found)


_NOTE_NUMBER_RE = re.compile(r"\d{1,3}")
"""The number a page-foot note opens with, set at the line's start in the note's own size (a raised one makes the
line `marked`)."""


def _note_continuations(lines: list[_Line]) -> set[int]:
    """ids of the lines that go on a numbered note at the page's foot: each set under the line before it at the
    left edge of that line's words after its opening number (the note's hanging indent).

    A note's second line is no running footer however often it repeats: a source cited as notes 1, 5 and 10 of
    three pages ends each note with the same "...Legal-Persons.pdf [Accessed 20 April 2020]." at the same edge,
    while the notes' first lines differ in their numbers."""
    found: set[int] = set()
    indent: float | None = None
    for above, line in pairwise(sorted(lines, key=lambda line: (line.top, line.x0))):
        words = above.text.split(maxsplit=1)
        if len(words) == 2 and (above.marked or _NOTE_NUMBER_RE.fullmatch(words[0])):
            chars = [c for c in above.chars if not c["text"].isspace()]
            number = len(list(takewhile(lambda c: c["text"].isdecimal(), chars)))
            start = chars[number]["x0"] if 0 < number < len(chars) else above.x0
            indent = start if start - above.x0 > above.size else None
        elif id(above) not in found:
            indent = None
        if indent is not None and line.row == above.row + 1 and abs(line.x0 - indent) < line.size / 2:
            found.add(id(line))
    return found


_HEADER_ROWS = 4
"""How many rows atop the first page a journal's header block may take (type, dates, DOI, journal)."""


def _first_page_header(pages: list[list[_Line]], heads: list[_Line]) -> set[int]:
    """ids of the first page's header block: a journal sets atop an article's first page a block of short label
    and value lines ("TYPE Original Research", "PUBLISHED 02 September 2022", "DOI 10.3389/...") where later pages
    set their running head; one of its lines ends in what the running head of other pages prints, at the same right
    edge, after a label ("DOI 10.3389/fimmu..." over "10.3389/fimmu..."), or is the article's kicker (`_kicker`).
    That line and the lines stacked over it at its left edge, in its type, are the header, not text."""
    first = pages[0] if pages else []
    if not first or not heads:
        return set()
    top = min(line.row for line in first)
    for line in sorted(first, key=lambda line: line.row):
        if line.row > top + _HEADER_ROWS:
            break
        if any(
            (line.text.endswith(f" {head.text}") and abs(line.x1 - head.x1) <= line.size) or _kicker(line, head)
            for head in heads
        ):
            return {id(line)} | {
                id(other)
                for other in first
                if other.row < line.row and abs(other.x0 - line.x0) < line.size and abs(other.size - line.size) < 0.5
            }
    return set()


def _kicker(line: _Line, head: _Line) -> bool:
    """Whether a line atop the first page is the article's kicker, set in the running head's place: where later
    pages print the journal's name and the article's section ("JAMA Network Open | Public Health" beside the short
    title), a journal's first page prints the article's type and the same section ("Original Investigation |
    Public Health"), at the running head's left edge, in its face. Naming the section the running head names,
    after the same kind of separator (`_FOOTER_PARTS_RE`), it labels the article and is none of its text. A first
    line in the running head's face that names no part of it (a cover's issuer, an addressee) stays text."""
    parts = _FOOTER_PARTS_RE.split(line.text)
    if len(parts) < 2 or abs(line.x0 - head.x0) > line.size or _face(line) != _face(head):
        return False
    section = parts[-1]
    return any(part == section or part.startswith(f"{section} ") for part in _FOOTER_PARTS_RE.split(head.text)[1:])


_RUNNING_SHIFT = 1.0
"""Ems up or down a running line stands at most on one page from where it stands on another (`_running_line`)."""


def _may_run(line: _Line) -> bool:
    """Whether an edge line may be a running one: no note (opening with a raised number, or with a bracketed one
    as a list of references sets it: "[1] http://...", however often two annexes cite the same source), and no
    paragraph's label, unless the label is a page number. A page's number set at the left of its foot ("10 of 15")
    under a list's lettered step ("a." at a tab stop from its text) is read into the narrow column of that step's
    letter and taken for a label (`_label_column`); it is the page's number all the same."""
    if line.marked or _BRACKET_NOTE_RE.match(line.text):
        return False
    return not line.label or _PAGE_NUMBER_RE.fullmatch(line.text) is not None


def _running_line(line: _Line, alike: list[_Line]) -> bool:
    """Whether an edge line is a running line: the lines at the same edge of other pages, alike but for their
    numbers, are mostly the same line (`_runs_on`). A list's items set at the edge of pages that are mostly figures
    ("(6) In the ... chapter," atop one page, "(8) In the ... chapter," atop the next) are numbered by the list, not
    by the page, and only by chance does one of them number as a page would ("(2)" four pages before "(6)"). Where
    the lines differ in their numbers, two of them that number as pages would stand at one height (within
    `_RUNNING_SHIFT` of their size), as the pages' template sets a running head; items at pages' edges stand wherever
    the figure above or below them ends, and no two such do."""
    others = [other for other in alike if other.page != line.page]
    if 2 * sum(_runs_on(line, other) for other in others) <= len(others):
        return False
    return all(other.text == line.text for other in others) or any(
        one.page != another.page
        and one.text != another.text
        and abs(one.top - another.top) <= _RUNNING_SHIFT * one.size
        and _runs_on(one, another)
        for one, another in combinations(alike, 2)
    )


def _runs_on(line: _Line, other: _Line) -> bool:
    """Whether `other`, alike but for its numbers, is the same running line: each number that differs is the
    page's own and goes up with the page (47708 on one page, 47710 two pages on). A numeral in letters ("iv") is
    taken as the page's."""
    ours, theirs = (_PAGE_NUMERAL_RE.findall(text.lower()) for text in (line.text, other.text))
    return all(
        mine == its or not (mine.isdecimal() and its.isdecimal()) or int(its) - int(mine) == other.page - line.page
        for mine, its in zip(ours, theirs, strict=False)
    )


def _extends(text: str, keys: set[tuple[str, str]]) -> bool:
    """Whether a page's last row is the footer other pages print, with the page's own numbers after it: a report's
    last page adds its number, version and date ("Congressional Research Service R46646 · VERSION 17 · UPDATED")
    to the name every other page's footer prints alone. A key with no word (a page number) extends nothing."""
    return any(
        where == "bottom" and _WORD_RE.search(known) and text.startswith(known + " ") and "#" in text[len(known) :]
        for where, known in keys
    )


def _numbered_heads(pages: list[list[_Line]]) -> set[int]:
    """ids of page heads whose words no other page repeats, known by the page number they carry as the others do.

    A slip opinion's first page opens with a head of its own ("(Slip Opinion)  OCTOBER TERM, 2012  1"), printed
    on no other page, so `_running` finds no repeat of it; but every page's first row is a head that sets its
    page number apart at one end, a gutter from its words (`_spans`), and a first row so set is a head too where
    half the pages or more have one. A heading opening a page ("Chapter 2") sets its number a word space away.
    """
    heads: list[_Line] = []
    for lines in pages:
        top = [line for line in lines if line.row == min(other.row for other in lines)]
        if len(top) == 1 and (spans := _spans(top[0])) and len(spans) > 1:
            chars = [c for c in top[0].chars if not c["text"].isspace()]
            for span in (spans[0], spans[-1]):
                number = "".join(c["text"] for c in chars if span[0] <= c["x0"] and c["x1"] <= span[1])
                if _PAGE_NUMBER_RE.fullmatch(number):
                    heads.append(top[0])
                    break
    return {id(line) for line in heads} if len(heads) >= max(_RUNNING_TITLE_REPEATS, len(pages) / 2) else set()


_RUNNING_DEEP_PAGES = 3
"""Fewest pages a line must repeat on, just inside a page's running lines, to be one of them (and on half the
pages): a court's running head sets a case name, a docket number and "Opinion of the Court" in three rows, deeper
than the two edge rows looked at."""


def _running_below(pages: list[list[_Line]], running: set[int]) -> set[int]:
    """ids of lines that go on a running header or footer deeper than its two edge rows: the first row inside a page's
    run of running rows, where the same line stands on half the pages or more (`_RUNNING_DEEP_PAGES` at least), row
    after row until a row is not repeated so. Deeper than the edge, a line must repeat word for word (numbers too:
    "(7) In the ... chapter, add figure 6" and "(9) ..., add figure 8" are a list's items) and on most pages (the
    same slide title atop three briefing slides is text)."""
    least = max(_RUNNING_DEEP_PAGES, (sum(1 for lines in pages if lines) + 1) // 2)
    found: set[int] = set()
    while True:
        inside: list[_Line] = []
        for lines in pages:
            rows = sorted({line.row for line in lines})
            for order in (rows, rows[::-1]):
                depth = 0
                for row in order:
                    at = [line for line in lines if line.row == row]
                    if all(id(line) in running or id(line) in found for line in at):
                        depth += 1
                        continue
                    if depth:
                        inside += [line for line in at if not line.marked]
                    break
        pages_of = Counter(text for text, _ in {(line.text.casefold(), line.page) for line in inside})
        more = {id(line) for line in inside if pages_of[line.text.casefold()] >= least} - found
        if not more:
            return found
        found |= more


_PAGE_NUMERAL_RE = re.compile(r"\d+|(?<!\w)[ivxlc]{1,6}(?!\w)")
"""A number in a running line, in digits or in lower-case roman numerals, as front matter pages are numbered."""

_NUMBERED_LINE_RE = re.compile(r"^[(\[]?#[)\]]?\s+|\s+[(\[]?#[)\]]?$")
"""A number (already `#`) at either end of a running line's key: the page's own, or a print job's code in brackets
that a report's last page sets beside its footer ("(450365) Page 44 ...")."""

_PIECE_WORDS = 3
"""A piece of a running line with fewer words than this, and no number, may be the page's own text (`_part_of`)."""


def _part_of(line: _Line, key: tuple[str, str], other: _Line, known: tuple[str, str]) -> bool:
    """Whether an edge line is the end or the start of a running line of another page, standing where that line's
    end or start stands: the running line cut in two where a column gutter on its page crosses it."""
    (where, text), (known_where, known_text) = key, known
    if where != known_where or other.page == line.page or len(text) >= len(known_text):
        return False
    if len(text.split()) < _PIECE_WORDS and not re.search(r"\d", line.text):
        return False  # a word or two ("Contents" atop a page, under "Table of Contents" on others) may be text
    return _piece_of(line, text, other, known_text)


def _piece_of(line: _Line, text: str, other: _Line, known_text: str) -> bool:
    """Whether a line's text (`text`, numbers as `_running` keys them) ends or starts another page's running line
    (`known_text`), standing where that line's end or start stands."""
    return (known_text.endswith(text) and abs(line.x1 - other.x1) <= line.size) or (
        known_text.startswith(text) and abs(line.x0 - other.x0) <= line.size
    )


def _pieces_beside(
    keyed: list[tuple[_Line, tuple[str, str], bool]], running: list[tuple[_Line, tuple[str, str]]], found: set[int]
) -> set[int]:
    """ids of the edge lines (`keyed`) that end or start another page's running line (`_piece_of`), however few
    their words, where the rest of their row is running (`found`): a footer cut in two at a gutter found on its
    page only ("15 of 15" apart from "TLP:WHITE", where other pages print "14 of 15 TLP:WHITE"). A word or two
    alone may be the page's text (`_part_of`); beside the rest of a running line, it is that line's."""
    rows = {(line.page, line.row) for line, _, _ in keyed if id(line) in found}
    return {
        id(line)
        for line, (where, text), _ in keyed
        if (line.page, line.row) in rows
        and any(
            known_where == where
            and other.page != line.page
            and len(text) < len(known)
            and _piece_of(line, text, other, known)
            for other, (known_where, known) in running
        )
    }


def _heading_like(line: _Line, body_size: float) -> bool:
    """Set larger than the body, or bold, starting like a title and ending neither like a sentence (but for a
    question, `_QUESTION_RE`) nor in a word broken at its end: a bold lead-in to a paragraph (a list item's first
    words) hyphenates its last word to go on in the line below, which a heading of its own does not."""
    if line.size >= body_size * _HEADING_SIZE:
        return True
    opening = line.text[:1]
    return (
        line.bold
        and (opening.isupper() or opening.isdigit())
        and (not _SENTENCE_END_RE.search(line.text) or _QUESTION_RE.search(line.text) is not None)
        and not BROKEN_RE.search(line.text)
    )


_QUESTION_RE = re.compile(r"\?[\"”’')\]]*$")
"""A line ending in a question mark: a bold line in the body's size that asks a question is a title of the text under
it ("What led to the creation of the UK register?"), as a statement in bold is, where a bold line ending a statement
is a sentence set in bold. A bold question that opens a paragraph, its answer going on under it in the same
paragraph, is a lead-in (`_lead_ins`)."""


_DIVISION_RE = re.compile(r"(?:[IVXL]{1,6}|[A-Z]|\d{1,2})\.?")
"""A part's label alone: a roman numeral, a capital letter or a number ("II", "B", "3")."""
_DIVISION_RUN = 2


def _divisions(lines: list[_Line], edges: list[tuple[float, float]], body_size: float) -> set[int]:
    """ids of the lines that only label the part they open, set in the middle of the text's width (an opinion's "I",
    "A", "1" over the part): headings of their own, never the first word of the paragraph under them.

    A label, or two (a part and its first subpart, "II" over "A"), stands right above a line of text opening with a
    capital; a column of numbers or letters (a chart's values, a table's) is longer, or has no sentence under it.
    """
    labels = [
        bool(_DIVISION_RE.fullmatch(line.text)) and abs((line.x0 + line.x1) / 2 - (left + right) / 2) <= body_size
        for line, (left, right) in zip(lines, edges, strict=True)
    ]
    found: set[int] = set()
    start = 0
    while start < len(lines):
        end = start
        while end < len(lines) and labels[end]:
            end += 1
        if start < end <= start + _DIVISION_RUN and end < len(lines) and lines[end].text[:1].isupper():
            found |= {id(line) for line in lines[start:end]}
        start = end + 1
    return found


def _contents(lines: list[_Line], body_size: float, page_count: int) -> set[int]:
    """ids of a page's table-of-contents lines: dotted leaders, or a run of lines ending in page numbers.

    A run of lines ending in numbers is a table of contents when the numbers could be pages of this
    document and stand right-aligned, and go down only where a new list starts (the figures' after the
    chapters'), each list `_TOC_RUN` entries long on average; an entry's wrapped lines between two entries
    (one line, or any number ending short of the page numbers' edge, as a long figure title's do), and the
    heading just above the run, go with it.
    """
    found: set[int] = set()
    entries = [index for index, line in enumerate(lines) if _entry(line, page_count) is not None]
    runs: list[list[int]] = []
    for index in entries:
        last = runs[-1][-1] if runs else None
        if last is not None and (
            index - last <= 2 or all(line.x1 < lines[last].x1 - body_size for line in lines[last + 1 : index])
        ):
            runs[-1].append(index)
        else:
            runs.append([index])
    for run in runs:
        members = [lines[i] for i in run]
        numbers = [_entry(line, page_count) for line in members]
        dotted = any(LEADER_RE.fullmatch(line.text) for line in members)
        aligned = max(line.x1 for line in members) - min(line.x1 for line in members) <= body_size
        lists = 1 + sum(later < earlier for earlier, later in pairwise(numbers))
        tabbed = len(run) >= _TOC_RUN and lists == 1 and _tabbed(members, body_size)
        if not dotted and not tabbed and not (len(run) >= _TOC_RUN * lists and aligned):
            continue
        first = run[0] - 1 if run[0] > 0 and _heading_like(lines[run[0] - 1], body_size) else run[0]
        found.update(id(line) for line in lines[first : run[-1] + 1])
    return found


_TAB_GAP = 0.5
"""Ems a tab sets a contents entry's page number at least from its title (`_tabbed`)."""
_TAB_SPACES = 3.0
"""Times the widest space between a title's words the tab before its page number measures at least (`_tabbed`)."""


def _tabbed(entries: list[_Line], body_size: float) -> bool:
    """Whether contents entries set each page number a tab after its title: every title at one left edge, and the
    gap before each number at least `_TAB_GAP` of an em and `_TAB_SPACES` times the title's widest space between
    words. A designed contents page may neither lead its numbers with dots nor align them right ("Overview⇥3",
    "What are trusts?⇥4", the numbers ragged as the titles are), yet the gap is the same structure as a leader: a
    line of prose spaces its words alike, justified or not, and ends in no wider gap before a number."""
    if max(line.x0 for line in entries) - min(line.x0 for line in entries) > body_size:
        return False
    for line in entries:
        number = re.search(r"\d+$", line.text)  # a dotted entry may end in a roman numeral instead
        if number is None:
            return False
        glyphs = [char for char in line.chars if not char["text"].isspace()]
        gaps = [b["x0"] - a["x1"] for a, b in pairwise(glyphs[: len(glyphs) - len(number.group()) + 1])]
        if not gaps or gaps[-1] < _TAB_GAP * line.size or gaps[-1] < _TAB_SPACES * max(gaps[:-1], default=0.0):
            return False
    return True


def _contents_pages(pages: list[list[_Line]], body_size: float) -> set[int]:
    """ids of every page's table-of-contents lines (`_contents_rows`), and of the entries a list carries over to the
    next page: a list that fills its page to the foot goes on atop the next one, where its last entries (one figure
    title, say) are too few to make a run of their own (`_carried_over`)."""
    found: set[int] = set()
    edge: float | None = None
    for lines in pages:
        on_page = _contents_rows(lines, body_size, len(pages))
        if edge is not None:
            on_page |= _carried_over(lines, edge, body_size, len(pages))
        found |= on_page
        foot = [line for line in lines if lines and line.row == max(other.row for other in lines)]
        filled = bool(foot) and all(id(line) in on_page for line in foot)
        edge = max(line.x1 for line in lines if id(line) in on_page) if filled else None
    return found


def _carried_over(lines: list[_Line], edge: float, body_size: float, page_count: int) -> set[int]:
    """ids of the rows atop a page that go on with the contents list ending at the foot of the page before: each an
    entry whose page number stands apart at the list's right edge `edge` (a body line justified to the margin may
    end in a number too, but not set apart from its words), and the wrapped lines of a long title between them."""
    found: set[int] = set()
    waiting: list[_Line] = []
    for joined, parts in _joined_rows(lines):
        apart = _entry(joined, page_count) is not None and _number_apart(joined)
        if apart and abs(joined.x1 - edge) <= body_size:
            found.update(id(line) for line in (*waiting, *parts))
            waiting = []
        elif joined.x1 < edge - body_size and found:
            waiting += parts
        else:
            break
    return found


def _joined_rows(lines: list[_Line]) -> list[tuple[_Line, list[_Line]]]:
    """Each row of a page's lines, top to bottom, as one line of its parts side by side, with those parts."""
    rows: dict[int, list[_Line]] = {}
    for line in lines:
        rows.setdefault(line.row, []).append(line)
    whole: list[tuple[_Line, list[_Line]]] = []
    for row in sorted(rows):
        parts = sorted(rows[row], key=lambda line: line.x0)
        joined = _Line(parts[0].page, min(line.top for line in parts), max(line.bottom for line in parts))
        joined.chars = [char for line in parts for char in line.chars]
        joined.text = " ".join(line.text for line in parts)
        joined.size, joined.x0, joined.x1 = median(line.size for line in parts), parts[0].x0, parts[-1].x1
        joined.bold, joined.row = all(line.bold for line in parts), row
        whole.append((joined, parts))
    return whole


def _contents_rows(lines: list[_Line], body_size: float, page_count: int) -> set[int]:
    """ids of a page's table-of-contents lines (`_contents`), looked for in its lines and in its rows: a contents
    page set in columns (a label, the entries' titles, their page numbers, each a column of its own) is read as
    columns, and only its rows, each column's lines side by side, end in their page numbers."""
    whole = _joined_rows(lines)
    found = _contents([joined for joined, _ in whole], body_size, page_count)
    return _contents(lines, body_size, page_count) | {
        id(line) for joined, parts in whole if id(joined) in found for line in parts
    }


_SET_APART = 2.0
"""A page number stands this many of its line's type size or more from the words before it: the right-aligned
column of a contents page's numbers, however the entry's title ends."""


def _entry(line: _Line, page_count: int) -> int | None:
    """The page number a contents line points to, or None.

    The title before the number ends in no digit ("Chapter 1990 12" is more likely prose), unless the number stands
    apart in a column of its own: a figure's title may end in a year ("... Since 1997      6")."""
    if LEADER_RE.fullmatch(line.text):
        return 0
    entry = _CONTENTS_LINE_RE.fullmatch(line.text)
    if entry is None and _number_apart(line):
        entry = _APART_ENTRY_RE.fullmatch(line.text)
    return int(entry.group(1)) if entry and int(entry.group(1)) <= 2 * page_count + 10 else None


def _number_apart(line: _Line) -> bool:
    """Whether the number a line ends in stands `_SET_APART` from the characters before it."""
    number = re.search(r"\d+$", line.text)
    printed = [char for char in line.chars if not char["text"].isspace()]
    if number is None or len(printed) <= len(number.group()):
        return False
    first = len(printed) - len(number.group())
    return printed[first]["x0"] - printed[first - 1]["x1"] >= _SET_APART * line.size


@dataclass(frozen=True)
class _Endnotes:
    """The notes under one "Notes" heading, and where that section stands in the text."""

    heading: _Line
    after: _Line | None
    """The first line after the section, None at the document's end."""
    notes: dict[int, str]


@dataclass(frozen=True)
class _Page:
    """A page as note runs see it: where its text starts in the reading order, its foot's notes, what it cites."""

    start: int
    notes: list[dict[int, str]]
    """The notes at the foot of each of its columns or bands."""
    cites: frozenset[int]


@dataclass(eq=False)
class _Run:
    """One run of note numbers and the stretch of text, from `start` to the next run's, whose markers cite it.

    Runs are told apart by identity: two may hold the same notes.
    """

    start: int
    """Place in the reading order of the first line the run covers."""
    notes: dict[int, str] = field(default_factory=dict)
    ambiguous: set[int] = field(default_factory=set)
    """Numbers given two different texts within the run: linked to neither."""
    footed: set[int] = field(default_factory=set)
    """Numbers defined at the feet of the run's pages."""
    endnoted: int | None = None
    """Place just after the last endnote section given to the run: where a next chapter would begin."""

    def add(self, notes: dict[int, str]) -> None:
        for number, text in notes.items():
            if self.notes.setdefault(number, text) != text:
                self.ambiguous.add(number)

    def restarts(self, notes: dict[int, str]) -> bool:
        """Whether page-foot notes go back to a number the run has reached, with a text it does not hold.

        Page-foot numbers only go up within a run, so a note numbered at or below the run's highest
        that is not one of its notes repeated (a note 1 after notes 1 to 18) begins a new run.
        """
        return any(
            number <= max(self.notes, default=0) and self.notes.get(number) != text for number, text in notes.items()
        )

    def conflicts(self, notes: dict[int, str]) -> bool:
        return any(self.notes.get(number, text) != text for number, text in notes.items())

    def resolved(self) -> dict[int, str]:
        return {number: text for number, text in self.notes.items() if number not in self.ambiguous}


def _parted_notes(notes: dict[int, str]) -> dict[int, str]:
    """The notes with a note that runs on into the next one's bracketed number parted there.

    Two short notes may share a printed line ("[3] UK, Ukraine, Denmark. [4] List of EITI countries ..."): the line
    opens note 3 only, and note 4 stood as note 3's last words. A bracketed number after a space inside a note opens
    the next note when it is the number after the note's own and no line opened that note; a note citing another
    sets no such number at its own place in the sequence."""
    parted: dict[int, str] = {}
    for number, text in sorted(notes.items()):
        while (after := number + 1) not in notes and (
            found := re.search(rf"\s\[{WORD_JOINER}?{after}\]\s+(?=\S)", text)
        ):
            parted[number], number, text = text[: found.start()], after, text[found.end() :]
        parted[number] = text
    return parted


class _Notes:
    """Notes gathered from page feet and endnote sections; only numbers that some marker in the text cites."""

    def __init__(self, cited: set[int], words: set[str]) -> None:
        self.cited = cited
        self.words = words
        self.floor = 0
        """The highest note number found at the feet of earlier pages: a plain number at or below it is no note."""
        self.unfinished: tuple[dict[int, str], int] | None = None
        """The last note of the page before, where it stops mid-sentence: its words go on at this page's foot."""
        self.venue: list[_Line] = []
        """The lines of the venue footers set aside (`_venue_footer`): furniture, but they date a paper."""
        self.listed: int | None = None
        """The last number of the endnote list read on the pages so far (`_in_list`), while it may go on."""
        self.symbols: list[tuple[_Line, str, str]] = []
        """The notes marked with symbols at the pages' feet (`_symbol_notes`): the line citing each, its label, its
        text."""
        self.unmarked: list[tuple[int, str, str]] = []
        """The notes marked with symbols at the pages' feet that no text marks (`_unmarked_symbol_notes`): the page
        of each, its label, its text."""
        self.page: list[_Line] = []
        """The lines of the page whose feet are being read (`page_feet`), in all its segments: a symbol note's marker
        may stand in a segment beside the one its note ends (`_symbol_notes`)."""
        self.footed: set[int] = set()
        """The numbers of the notes found so far at the feet of the page's bands, lowest band first (`page_feet`)."""

    def opening(self, line: _Line, previous: int | None, floor: int = 0) -> tuple[int, str] | None:
        """The number and first text of a note this line opens, given the number of the note before it.

        A note opens with a superscript or bracketed number ("[33]“A/HRC…" too), or with a plain
        number, followed by its text or alone on its line. A plain number must follow the note before
        it, or, opening a page's notes, go past `floor`: a table cell "50 states" is no note 50. The first
        note must be one the text cites; a note that follows the one before it takes its place in the
        numbering even where no marker cites it (its marker printed as plain digits, "processes.96 And"),
        or its text would run into the note before and the notes after it would break off the sequence.
        """
        bracket = _BRACKET_NOTE_RE.fullmatch(line.text)
        plain = _PLAIN_NOTE_RE.fullmatch(line.text)
        lone = _LONE_NUMBER_RE.fullmatch(line.text)
        if bracket is not None:
            number, text = int(bracket["number"]), bracket["text"]
        elif plain is not None and (line.marked or not _figures(plain.group(2))):
            number, text = int(plain.group(1)), plain.group(2)
        elif lone is not None:
            number, text = int(lone.group(1)), ""
        else:
            return None
        if bracket is None and not (number > floor if previous is None else number == previous + 1):
            return None
        return (number, text) if number in self.cited or previous is not None else None

    def collect(self, lines: Sequence[_Line], floor: int = 0) -> dict[int, str]:
        """The notes `lines` hold (`_listed_notes`) that the text cites."""
        return {number: text for number, text in self._listed_notes(lines, floor).items() if number in self.cited}

    def _listed_notes(self, lines: Sequence[_Line], floor: int = 0) -> dict[int, str]:
        """Notes from lines that start with a note's opening; lines after it continue that note.

        A note says something in words: numbers alone, one a line, are a chart's axis ("30", "20", "10", "0"). So a
        bare number that opened a note and has another bare number under it opened none: the axis's top label ("40"
        over "30" at a report's page foot) would take the axis, the chart's caption and the next real note for its
        text, and stand as a note the text cites pages later. Once a note has opened with a raised number, a line
        opening with a plain number is a note's line that wraps at a number ("... originating in subbasin" / "5 and
        40 percent of ..."), not the next note.
        """
        number: int | None = None
        notes: dict[int, str] = {}
        raised = False
        for above, line in zip([None, *lines], lines, strict=False):
            if number is not None and not notes[number] and _LONE_NUMBER_RE.fullmatch(line.text):
                del notes[number]
                number = None
            opening = self.opening(line, number, floor)
            plain = _BRACKET_NOTE_RE.fullmatch(line.text) is None and not _marker_alone(line, above)
            if opening is not None and opening[0] not in notes and not (raised and plain):
                raised = raised or line.marked
                number = opening[0]
                notes[number] = opening[1]
            elif number is not None:
                notes[number] = _join(notes[number], line.text, self.words)
        return {number: text for number, text in _parted_notes(notes).items() if _WORD_RE.search(text)}

    def page_foot(self, lines: list[_Line], body_size: float) -> tuple[list[_Line], dict[int, str]]:
        """The lines above the footnotes set small at the foot of a page or column, and those notes.

        Small lines that open no note and stand between the text and the foot's first note end the note the foot
        before (the previous column's or page's) left mid-sentence ("such as the airplane's" / "altitude and
        airspeed, ...", "coordinated by R. Sam Garrett; and" / "CRS Report R46455, ..."): they are its words. So
        are such lines at the very foot, with no note under them, set apart below the text and going on in lower
        case (`_carried_on`): a note's sentence carried over to the next page's foot ("for the purpose" / "of
        deducting premiums. ..."), under a separator drawn across the text's width, which `_mark_foot_rule` does
        not take for a note rule."""
        small, start = self._foot_start(lines, body_size)
        ruled = small < len(lines) and _RULE_LINE_RE.fullmatch(lines[small].text) is not None
        kept = small if ruled and start < len(lines) else start
        if (
            self._symbol_notes(lines, small + ruled, start)
            or self._unmarked_symbol_notes(lines, small + ruled, start)
            or (small < start < len(lines) and _SYMBOL_NOTE_RE.match(lines[small].text))
        ):
            kept = small  # a note marked ∗ or † ("∗ equal contribution") opens the foot: neither text nor a note's end
        elif (
            self.unfinished is not None and small < start and (start < len(lines) or ruled or _carried_on(lines, small))
        ):
            notes, number = self.unfinished
            for line in lines[small + ruled : start]:
                notes[number] = _join(notes[number], line.text, self.words)
            kept = small
            if start == len(lines) and _finished(notes[number]):
                self.unfinished = None
        found = self._foot_notes(lines, start)
        if found:
            last = max(found)
            self.unfinished = None if _finished(found[last]) else (found, last)
        return lines[:kept], found

    def page_feet(self, segments: list[_Segment], kept: list[list[_Line]], body_size: float) -> list[dict[int, str]]:
        """The notes at the foot of a page, taken out of the lines `kept` of each of its segments.

        The notes may fill the page's last bands, never pass body text. A band of notes that starts
        with small lines opening no note (the end of a note above it, set beside the page number)
        hands those lines to the band above, to end its last note. So does the page's lowest band when
        it holds only such lines and the band above ends in notes: the last note's last line shares its
        row with the running footer, which parts it into a band of its own; a code listing's lines (`_Line.code`),
        more than one, are no such end, though a note's web address may be set in their fixed-pitch face. So does a
        band between notes found below it and a segment above whose foot opens a note: a note's wrapped lines, wider
        than its column, cross the gutter into a band of their own. Only those: a small band higher up that opens no
        note, with no notes below it, is a table's text, not a note's end. A page whose every line is
        set smaller than the document's text (a court's syllabus before its opinion) is measured by its own
        text: its numbered paragraphs ("1. The Compact does not pre-empt ...") are no notes.
        """
        self.page = [line for lines in kept for line in lines]
        self.footed = set()
        if self._in_list(self.page):
            return []
        found: list[dict[int, str]] = []
        below: list[_Line] = []
        wraps: int | None = None
        """The first note number found below `below`, where those lines wrap a note of a segment above them."""
        bands = sorted({s.band for s in segments}, reverse=True)
        page = [line.size for lines in kept for line in lines]
        if page and max(page) < body_size * _NOTE_SIZE and self.unfinished is None:
            body_size = median(page)  # a page set small throughout (a syllabus) has its notes under its own text
        if _venue_footer(segments, kept, bands, body_size):
            self.venue += kept[-1]
            kept[-1] = []
            bands = bands[1:]
        for position, band in enumerate(bands):
            sides = [index for index, segment in enumerate(segments) if segment.band == band]
            noted = self._noted_side(sides, kept, below, body_size, wraps) if wraps is not None else None
            kept[sides[-1] if noted is None else noted] += below
            before = len(found)
            for index in sides:
                kept[index], foot = self.page_foot(kept[index], body_size)
                found += [foot] if foot else []
                self.footed |= set(foot)
            left = [line for index in sides for line in kept[index]]
            following = min((min(notes) for notes in found), default=None)
            wraps = (
                following
                if following is not None
                and position + 1 < len(bands)
                and self._notes_above(segments, kept, bands[position + 1], left, body_size, following)
                else None
            )
            ends_notes = (
                len(found) > before
                or (
                    position == 0
                    and len(bands) > 1
                    and not (len(left) > 1 and all(line.code for line in left))
                    and self._notes_above(segments, kept, bands[1], left, body_size)
                )
                or wraps is not None
            )
            if ends_notes and all(line.size < body_size * _NOTE_SIZE for line in left):
                below = left
                for index in sides:
                    kept[index] = []
            elif left:
                self._band_symbol_notes(segments, kept, set(bands[position + 1 :]), body_size)
                found += self._margin_notes(segments, kept, set(bands[position + 1 :]), body_size)
                break
        return found

    def _margin_notes(
        self, segments: list[_Segment], kept: list[list[_Line]], bands: set[int], body_size: float
    ) -> list[dict[int, str]]:
        """The notes of each column of the `bands` above the page's text foot that is a margin's column of notes,
        taken out of it.

        A book set in the Tufte style prints its notes in the outer margin beside the lines citing them, and a page
        may go on below them across the margin (a code listing's long lines, a line running over into the margin):
        the notes' column then ends in a band above the page's last, where no foot is looked for, and each note was
        read as a paragraph of its own ("[163] https://r4ds.had.co.nz/"). A column is the margin's notes where every
        line of it is in note type (`_NOTE_SIZE`), its first line opens a note, and every note it holds is cited by a
        marker on the page outside it: a column of small text beside the body (a caption, a sidebar) opens no note
        the page cites, and a numbered list in small type cites itself nowhere.
        """
        found: list[dict[int, str]] = []
        for index, segment in enumerate(segments):
            lines = kept[index]
            if (
                segment.band not in bands
                or segment.side is None
                or not lines
                or any(line.size >= body_size * _NOTE_SIZE for line in lines)
                or self.opening(lines[0], None) is None
            ):
                continue
            column = {id(line) for line in lines}
            cited = {number for line in self.page if id(line) not in column for number in _cites(line)}
            notes = self.collect(lines)
            if notes and set(notes) <= cited:
                kept[index] = []
                found.append(notes)
        return found

    def _band_symbol_notes(
        self, segments: list[_Segment], kept: list[list[_Line]], bands: set[int], body_size: float
    ) -> None:
        """Take out the notes marked with symbols at the foot of each of the `bands` above the page's text foot.

        A page may close a passage across its width with the passage's own notes ("* For example, see ...") and go on
        in two columns under them: the notes stand at the foot of the passage's band, not of the page, where no
        number's notes are looked for. Only the pair `_symbol_notes` reads makes them notes there, a symbol glued to a
        word of the band and a line set small at its foot opening with it; a band's small lines with no such pair (a
        caption, a table's key) stay as read."""
        for index, segment in enumerate(segments):
            lines = kept[index]
            small = len(lines)
            while small > 0 and lines[small - 1].size < body_size * _NOTE_SIZE:
                small -= 1
            if segment.band in bands and 0 < small < len(lines) and self._symbol_notes(lines, small, len(lines)):
                kept[index] = lines[:small]

    def _in_list(self, lines: list[_Line]) -> bool:
        """Whether the page's small lines at its foot are an endnote list's, not notes of the page's own.

        A list of numbered notes under a "References" or "Notes" heading set at a page's foot in small type looks as
        a page's notes do, and so do its pages after, set small throughout: read so, the list's numbers, which the
        text cited long before, would start a run of notes again. The list is the page's from the heading on, where
        the line under the heading opens a note (a list of references by author, with no numbers, leaves the page's
        own notes at its foot), and the next page's where its first line opens the list's next number; `endnotes`
        reads it.
        """
        heading = next(
            (
                index
                for index, line in enumerate(lines[:-1])
                if NOTES_HEADING_RE.fullmatch(line.text) and self.opening(lines[index + 1], None) is not None
            ),
            None,
        )
        if heading is not None:
            notes = self.collect(lines[heading + 1 :])
        elif lines and self.listed is not None and self.opening(lines[0], self.listed) is not None:
            notes = self.collect(lines, self.listed)
        else:
            notes = {}
        self.listed = max(notes, default=None)
        return bool(notes)

    def _foot_start(self, lines: list[_Line], body_size: float) -> tuple[int, int]:
        """Where the small lines at the foot of `lines` begin, and where the first of them that opens a note is.

        The first small line opens a note with a plain number at or below `floor` where the note after it goes on
        from that number: a foot whose first number the typesetter left unraised ("1 The research period ...",
        then a raised 2), on a profile whose notes start again from 1. A table's cell ("50 states") is followed by
        no note numbered one past it. Lines under a page's foot rule (`_Line.ruled`) are the foot whatever their size,
        where the first of them opens a note: a typewriter-style opinion sets its notes in the text's size. So are
        notes set in the text's size whose numbers the page's raised markers cite (`_raised_foot`). A table's cells
        read row by row (`_Line.cell`) are no foot however small their type: the foot starts under the table."""
        raised = self._raised_foot(lines, body_size)
        start = raised
        while start > 0 and lines[start - 1].size < body_size * _NOTE_SIZE and not lines[start - 1].cell:
            start -= 1
        ruled = len(lines)
        while ruled > 0 and lines[ruled - 1].ruled:
            ruled -= 1
        if ruled < start and self.opening(lines[ruled], None, self.floor) is not None:
            start = ruled
        small = start
        while start < len(lines) and self.opening(lines[start], None, self.floor) is None:
            start += 1
        if small < start < len(lines):
            first, next_note = self.opening(lines[small], None), self.opening(lines[start], None, self.floor)
            if first is not None and next_note is not None and first[0] + 1 == next_note[0]:
                start = small
        return small, min(start, self._restarted(lines, small), raised)

    def _raised_foot(self, lines: list[_Line], body_size: float) -> int:
        """Where notes set in the text's own size begin at the foot of `lines`, else `len(lines)`.

        A report may set its notes at a page's foot in the size of its text ("1. See http://www.cnbc.com/..." under
        the text citing "users¹"), where no small lines mark a foot. They are the foot's notes by what they are:
        lines at the very foot, each note opening with the number of a marker raised in small type on the page
        (`_Line.raised`) and following the note before by one, the last the highest such number no lower band's foot
        holds, with any wrapped lines under it, the first set apart from the text above (by a gap wider than its
        leading, a line in note type, or the segment's top). A numbered list at a page's foot ("1. Open the file",
        "2. ...") has no raised markers citing its numbers, and a list item's line follows the line introducing it
        at the text's leading.
        """
        cited = {number for line in self.page for number in line.raised}
        pending = cited - self.footed
        start = end = len(lines)
        following: int | None = None
        for index in range(len(lines) - 1, -1, -1):
            line = lines[index]
            if line.size < body_size * _NOTE_SIZE or line.ruled:
                break
            opening = self.opening(line, None)
            if opening is None:
                continue
            last = following is None and opening[0] != max(pending, default=None)
            if opening[0] not in cited or last or (following is not None and opening[0] + 1 != following):
                break
            following, end = opening[0], index
            above = lines[index - 1] if index else None
            if (
                above is None
                or above.size < body_size * _NOTE_SIZE
                or above.ruled
                or line.top - above.bottom > _PARAGRAPH_GAP * line.size
            ):
                start = end
        return start

    def _symbol_notes(self, lines: list[_Line], first: int, start: int) -> bool:
        """Whether the foot's lines from `first` to its first numbered note (`start`) are notes marked with symbols
        that the text above cites; each is then kept in `symbols` with the line that cites it (`_symbol_markers`).

        A judge sitting by designation ("Beistline,*"), a court's publication status ("Per Curiam:*") or a paper's
        acknowledgement in its title ("Philanthropy∗") is a note the page marks with a symbol and explains at its
        foot, opening with the same symbol. Only such a pair makes a note: the symbol glued to a word in the text
        (`_symbol_marker_re`), in the segment or anywhere else on the page (a company's profile box beside the column
        whose foot explains its "Market Cap: ... million*") where the foot stands under text of its own, and a foot
        line opening with it. A byline's marks ("Ana Ruiz†∗") point to affiliations,
        front matter and no notes (`_marked_names`), and a foot that opens with a symbol no text line carries so is
        left as it was read. Symbols start again on each page, as the Chicago Manual of Style sets them (14.25): a
        page may mark another note with the "*" a page before used, and that is a note of its own (`_symbol_markers`
        keys it apart).
        """
        opened = self._symbol_openings(lines[first:start])
        if opened is None:
            return False
        foot = {id(line) for line in lines[first:]}
        page = self.page if first else []  # a band of notes alone is read again with the band above (`page_feet`)
        text = [line for line in lines[:first] + page if id(line) not in foot and _marked_names(line.text) is None]
        for label, note in opened:
            marker = symbol_marker_re(label)
            line = next((line for line in text if marker.search(line.text)), None)
            if line is None:
                return False
            self.symbols.append((line, label, note))
        return bool(opened)

    def _symbol_openings(self, lines: list[_Line]) -> list[tuple[str, str]] | None:
        """The notes `lines` hold as a foot of notes marked with symbols: each label and its text, every line opening
        with a symbol (`_SYMBOL_OPENING_RE`) or going on from the one above; None where the first opens otherwise."""
        opened: list[tuple[str, str]] = []
        for line in lines:
            opening = _SYMBOL_OPENING_RE.fullmatch(line.text)
            if opening is not None:
                opened.append((opening["label"], opening["text"]))
            elif opened:
                opened[-1] = (opened[-1][0], _join(opened[-1][1], line.text, self.words))
            else:
                return None
        return opened

    def _unmarked_symbol_notes(self, lines: list[_Line], first: int, start: int) -> bool:
        """Whether the foot's small lines from `first` to its first numbered note (`start`) are notes marked with a
        symbol that no line of the text carries (`_symbol_notes` found no marker), under text of the page's own;
        each is then kept in `unmarked` with its page, to go with the notes of the page's run (`_unmarked_notes`),
        cited by no marker.

        A declaration closes its first page with "*While Quebec did not endorse the Declaration, ..." in small type
        at the foot, and prints the "*" nowhere in its text: read as a paragraph, the note stood as the declaration's
        last words. A foot of small lines that opens otherwise than with a symbol (a table's key, a caption) is left
        as read, and so is a page of nothing but such lines: no text there has a note. A paragraph's number in the
        margin ("¶ 8", `_Line.label`) opens with a symbol too, and says no words: no note; and so does a listing's
        comment ("* Drop intermediate variables", `_Line.code`)."""
        foot = lines[first:start]
        opened = self._symbol_openings(foot) if foot and not any(line.label or line.code for line in foot) else None
        below = {id(line) for line in lines[first:]}
        text = [line for line in lines[:first] + (self.page if not first else []) if id(line) not in below]
        if not opened or not text or not all(_TITLE_WORD_RE.search(note) for _, note in opened):
            return False
        self.unmarked += [(text[-1].page, label, note) for label, note in opened]
        return True

    def _restarted(self, lines: list[_Line], small: int) -> int:
        """Where the small lines from `small` open notes whatever `floor` says: the first numbered line under any
        symbol notes (∗, †) that open the foot, where the text above it cites that number; `len(lines)` where they
        do not.

        A report whose chapters number their notes from 1 again sets "1. See http://..." at a page's foot under a
        floor of 49 from the chapters before (or of 2, from the chapter before it, whose notes 1 and 2 stood on one
        page: its notes 3 and 4 would then open the foot, and 1 and 2 be lost). Read as text, the chapter's notes
        are indexed as paragraphs and its markers cite nothing, or another chapter's notes. `floor` keeps a table's
        cells at a page's foot ("50 states") from opening notes; the page's own text citing the number with a
        marker tells a note from a cell.
        """
        index = small
        while index < len(lines) and _SYMBOL_NOTE_RE.match(lines[index].text):
            index += 1
        opening = self.opening(lines[index], None) if index < len(lines) else None
        if opening is None or opening[0] not in {n for line in lines[:small] for n in _cites(line)}:
            return len(lines)
        return index

    def _foot_notes(self, lines: list[_Line], start: int) -> dict[int, str]:
        """The notes the foot's lines from `start` hold: past `floor`, but where the foot opens below it
        (`_foot_start`), from there."""
        floor = self.floor if start == len(lines) or self.opening(lines[start], None, self.floor) else 0
        return self.collect(lines[start:], floor)

    def _notes_above(
        self,
        segments: list[_Segment],
        kept: list[list[_Line]],
        band: int,
        below: list[_Line],
        body_size: float,
        following: int | None = None,
    ) -> bool:
        """Whether `band`, given the lines `below` it after its last segment, ends in notes at its foot; or, where
        `following` is given, after any one of its segments, with notes the last of them numbered just before it."""
        sides = [index for index, segment in enumerate(segments) if segment.band == band]
        return (
            self._noted_side(sides if following is not None else sides[-1:], kept, below, body_size, following)
            is not None
        )

    def _noted_side(
        self, sides: list[int], kept: list[list[_Line]], below: list[_Line], body_size: float, following: int | None
    ) -> int | None:
        """Which of a band's segments the lines `below` it go on from: the last whose foot, with them after it, opens
        a note (the note just before `following`, where given, the first of the notes found below); None where none
        does. A note's first line may stay in its column while its wrapped lines, wider, cross the gutter into a
        band of their own, and the notes below go on from its number. A note's lines start at its column's left edge:
        lines below starting left of it (a code listing across the page under a margin's notes) go on from none."""
        for index in reversed(sides):
            edge = min((line.x0 for line in kept[index]), default=0.0)
            if any(line.x0 < edge - line.size for line in below):
                continue
            lines = kept[index] + below
            start = self._foot_start(lines, body_size)[1]
            notes = self._foot_notes(lines, start) if following is not None and start < len(lines) else {}
            if start < len(lines) and (following is None or max(notes, default=0) + 1 == following):
                return index
        return None

    def endnotes(self, lines: list[_Line], body_size: float) -> tuple[list[_Line], list[_Endnotes]]:
        """The lines outside endnote sections, and the notes under each "Notes" heading.

        A section runs from its heading to the next heading of body size or larger that opens no note. A section
        whose lines open no note the text cites, and whose first line is a bulleted item (`_Line.listed`), is no
        notes section but a list of the text's: a report's "References" over the titles it drew on, bulleted, is
        read as text, heading and all (dropped, the list was lost). So is a lead-in ending in a colon ("Notes:")
        that opens no cited note: a table's lettered notes under it are the table's text, not the document's notes.
        A bibliography by author and year, no item bulleted, is still left out, as the notes the text cites by number
        would be. A section
        that opens notes the text cites keeps every note it lists, cited or not: an annex's "References:" lists
        three addresses its text cites two of, and the third is the annex's all the same (dropped with the
        section's lines, it was lost).
        """
        kept: list[_Line] = []
        sections: list[_Endnotes] = []
        index = 0
        while index < len(lines):
            if not _notes_heading(lines[index]) or (index > 0 and _wrapped_word(lines[index - 1], lines[index])):
                kept.append(lines[index])
                index += 1
                continue
            end = index + 1
            while end < len(lines) and not (
                self._ends_section(lines[end - 1], lines[end], body_size)
                or self._after_notes(lines[index:end], lines[end])
                or self._past_the_list(lines[index + 1 : end], lines[end:])
            ):
                end += 1
            listed = self._listed_notes(lines[index + 1 : end])
            notes = listed if listed.keys() & self.cited else {}
            if notes:
                sections.append(_Endnotes(lines[index], lines[end] if end < len(lines) else None, notes))
            elif index + 1 < end and (lines[index + 1].listed or lines[index].text.endswith(":")):
                kept += lines[index:end]
            index = end
        return kept, sections

    def _ends_section(self, previous: _Line, line: _Line, body_size: float) -> bool:
        """A heading ends the notes: larger than the body, or bold and set apart from the line above."""
        apart = line.page != previous.page or not 0 <= line.top - previous.bottom <= _PARAGRAPH_GAP * line.size
        heading = line.size >= body_size * _HEADING_SIZE or (
            line.size >= body_size * _NOTE_SIZE and apart and _heading_like(line, body_size)
        )
        return heading and self.opening(line, None) is None

    def _after_notes(self, section: list[_Line], line: _Line) -> bool:
        """Whether a line opening a page is text after the notes, not their going on: the last note has finished
        (`_finished`), the line opens no note, and it stands at none of the left edges the notes' lines on the page
        before are set at. A back page's heading may be dropped as the running footer it repeats ("RANKING DIGITAL
        RIGHTS"), so no heading ends the section; its licence text, set at its own margin, must not run into the
        last note."""
        previous = section[-1]
        if line.page == previous.page or not _finished(previous.text) or self.opening(line, None) is not None:
            return False
        return all(abs(line.x0 - other.x0) > _SAME_EDGE for other in section[1:] if other.page == previous.page)

    def _past_the_list(self, notes: list[_Line], following: list[_Line]) -> bool:
        """Whether the first of the `following` lines, on the page of the last note, stands past the notes' list:
        it is set in other type than the notes (bold, or another size), further below the line above it than
        `_LIST_BREAK` times any gap between the notes' lines on the page, and neither it nor a line after it on the
        page opens a note. A journal lists its supplements so under its references ("SUPPLEMENT 1." in bold, then
        their titles, in the references' small type): read as the last note's going on, they made it a page long.
        A wrapped note's line follows its first one closely, and the notes follow one another as closely; a heading
        in the notes' own small type stands no larger than they do (`_ends_section` does not see it) but is set
        apart. A heading over a group of notes within the list (a chapter's) has notes under it."""
        line = following[0]
        on_page = [note for note in notes if note.page == line.page]
        if not on_page or line.page != notes[-1].page:
            return False
        gaps = [below.top - above.bottom for above, below in pairwise(on_page) if below.top >= above.bottom]
        size = median(note.size for note in on_page)
        other_type = line.bold or abs(line.size - size) > size * (1 - _NOTE_SIZE)
        return (
            bool(gaps)
            and other_type
            and line.top - on_page[-1].bottom > _LIST_BREAK * max(gaps)
            and not any(self.opening(later, None) is not None for later in following if later.page == line.page)
        )


def _notes_heading(line: _Line) -> bool:
    """Whether a line heads a list of notes: "Notes", "References", or the same as a lead-in ending in a colon
    ("References:" over an annex's "[1] http://..." lines, as a report sets the sources of each annex)."""
    return NOTES_HEADING_RE.fullmatch(line.text.removesuffix(":")) is not None


_LIST_BREAK = 1.5
"""How many times the widest gap between a notes list's lines on a page sets a line below them apart from the list
(`_Notes._past_the_list`)."""


def _marker_alone(line: _Line, above: _Line | None) -> bool:
    """Whether `line` is a note's number alone on its line, set as the notes' markers are: raised (`_Line.marked`), or
    in type smaller than the line above by a superscript's share (`_SUPERSCRIPT_SIZE`), with nothing on its line to be
    raised above.

    Google Docs sets a note's number on a line of its own over its text where the text starts with a web address;
    that number, in the notes' marker size, opens the next note, though `collect` takes a plain number within notes
    opened by raised numbers for a wrapped line's first word ("5 and 40 percent"), which is in the text's size.
    """
    if _LONE_NUMBER_RE.fullmatch(line.text) is None:
        return False
    return line.marked or (above is not None and line.size < above.size * _SUPERSCRIPT_SIZE)


def _venue_footer(segments: list[_Segment], kept: list[list[_Line]], bands: list[int], body_size: float) -> bool:
    """Whether the page's lowest band is furniture printed under both columns' feet (a proceedings volume's
    venue line and page number on a paper's first page), to set aside before the columns' feet are read.

    It is the page's last segment, full width, under a band of two columns; its lines are small type or a
    lone page number, each centred between the columns' outer edges and short of them (a table's notes, set
    across the page under it, start at the left edge), one of them runs from the left column across into the
    right one (no column's note is that wide), and none opens a note. A footer printed on every page is a
    running line, gone already.
    """
    if len(bands) < 2 or segments[-1].side is not None or not kept[-1]:
        return False
    above = [line for segment in segments if segment.band == bands[1] for line in segment.lines]
    columns = sorted({line.column for line in above if line.column is not None})
    lines = kept[-1]
    middle = (columns[0][0] + columns[-1][1]) / 2 if columns else 0.0
    return (
        len(columns) >= 2
        and all(line.size < body_size * _NOTE_SIZE or _PAGE_NUMBER_RE.fullmatch(line.text) for line in lines)
        and all(
            abs((line.x0 + line.x1) / 2 - middle) < line.size and line.x0 > columns[0][0] + line.size for line in lines
        )
        and any(line.x0 < columns[0][1] and line.x1 > columns[-1][0] for line in lines)
        and not any(line.marked for line in lines)
    )


def _carried_on(lines: list[_Line], index: int) -> bool:
    """Whether `lines[index]`, the first small line at a page's foot, carries on a note the page before left
    unfinished: it stands a blank line or more below the text above it (the notes' area is set apart; a column set
    small throughout has no text above its foot, and its lines follow one another closely), and it
    opens with a word in lower case and a space or a comma after it: a sentence going on, not a sentence, a number
    or a web address ("www.gao.gov") opening."""
    if index == 0:
        return False
    line, above = lines[index], lines[index - 1]
    apart = line.page == above.page and line.top - above.bottom > line.size
    return apart and re.match(r"[a-z]+[ ,;]", line.text) is not None


def _wrapped_word(previous: _Line, line: _Line) -> bool:
    """Whether a line is the last word of the sentence on the line above, wrapped onto a line of its own: it opens
    in lower case, is set in the same size, and follows that line as closely as a paragraph's lines follow one another,
    on the same page. A caption's "... and funding" over "sources" so reads "sources" alone on a line, a notes
    heading's word: taken as one, everything after it up to the next heading (two pages of a paper's results, under
    their figures) was read as a notes section, and, no note found in it, left out. A heading opens in capitals and
    is set apart from the text above it."""
    return (
        line.text[:1].islower()
        and line.page == previous.page
        and abs(line.size - previous.size) <= previous.size * (1 - _NOTE_SIZE)
        and 0 <= line.top - previous.bottom <= _PARAGRAPH_GAP * line.size
    )


def _finished(note: str) -> bool:
    """Whether a note's text ends as a note may end: a sentence's end, or a web address (a note that only cites
    a page ends with its address, no full stop)."""
    words = note.split()
    return bool(_SENTENCE_END_RE.search(note)) or (bool(words) and _URL_RE.fullmatch(words[-1]) is not None)


def _join(text: str, more: str, words: set[str]) -> str:
    """Two lines as one text, adding nothing to a URL but the line break, nor to a word broken at a hyphen
    (`hyphen_break`: made whole, or its hyphen kept where it is the author's)."""
    if not text:
        return more
    last, first = text.rsplit(" ", 1)[-1], more.split(" ", 1)[0]
    if _URL_RE.fullmatch(last) and _url_goes_on(last, first):
        return text + more
    broken = hyphen_break(text, more, words)
    if broken == "whole":
        return text[:-1] + more
    return text + more if broken == "compound" else f"{text} {more}"


def _url_goes_on(url: str, word: str) -> bool:
    """Whether `word`, opening the next line, is more of the web address `url` that ends a line: the address was cut
    after one of its breaks (`_URL_BREAK`: "https://", "allenai/science-"), or the word holds one ("tools/openftlist/",
    "ryRegistrationofPrepaidSIM-Users.pdf"). An address whose path ends in a file's name (`_URL_END_RE`) is whole:
    only its query or fragment ("?id=4", "#top") may follow, and a word after it is a word of its own, as a contact
    list prints "Web site: www.gao.gov/fraudnet/fraudnet.htm" over "E-mail: fraudnet@gao.gov". An address cut after
    a dot goes on where the next line opens with a name's ending in lower case (`_URL_SUFFIX_RE`: LaTeX's url breaks
    ".../what-is-permutation-test." / "html"); a sentence after an address ending one opens in capitals."""
    if url.endswith(".") and _URL_SUFFIX_RE.fullmatch(word):
        return True
    if _URL_END_RE.search(url):
        return word.startswith(("?", "#"))
    return url[-1] in _URL_BREAK or any(char in _URL_BREAK for char in word.rstrip("-"))


def _ends_paragraph(previous: _Line, line: _Line, edges: tuple[float, float], spacing: float) -> bool:
    if previous.cell != line.cell and line.page == previous.page:
        return True  # a table's cell read row by row is a paragraph of its own (`_ruled_rows`)
    if (previous.cell or line.cell) and line.page != previous.page:
        return True  # a page's table read row by row ends its last row there: its last cell is no cell over the page
    if line.page == previous.page and (previous.tabled != line.tabled or (line.tabled and line.top < previous.top)):
        return True  # a table's cells read a column at a time: a column's last cell never runs on into the next's head
    terminal = _SENTENCE_END_RE.search(previous.text) is not None
    left, right = previous.column or edges
    short = previous.x1 < left + (right - left) * _SHORT_LINE
    if previous.page != line.page or line.top < previous.top:
        return (terminal and (short or not line.text[:1].islower())) or _item_ends_column(previous, line)
    gap = line.top - previous.bottom
    return gap > spacing * previous.size or (terminal and short)


def _item_ends_column(previous: _Line, line: _Line) -> bool:
    """Whether a list item hung at its column's foot ends there, the next column opening a paragraph of its own: the
    item's last line is set in from its column's left edge (`_ITEM_EDGE`, the item's text hung past its dash) and ends
    short of its column (`_SHORT_LINE`), and the next column's first line stands at that column's edge, not set in
    alike, and opens with a capital. An item going on over the columns keeps its indent in the next, and a
    paragraph's indented first line that goes on into the next column fills its own. A list item ends with no full
    stop ("– triggering the appropriate alarms when BO data is" / "false or suspicious"), so the sentence's end that
    parts a paragraph from the next column's text (`_ends_paragraph`) is not there to see, and the item ran on into
    the paragraph ("... false or suspicious There is no one-size-fits-all solution ...")."""
    if previous.column is None or line.column is None or previous.column == line.column:
        return False
    (left, right), slack = previous.column, _ITEM_EDGE * previous.size
    return (
        previous.x0 - left > slack
        and previous.x1 < left + (right - left) * _SHORT_LINE
        and line.x0 - line.column[0] <= slack
        and line.text[:1].isupper()
    )


def _paragraph_gap(lines: Sequence[_Line], edges: dict[int, tuple[float, float]]) -> float:
    """The blank space between lines, as a share of their size, that parts paragraphs. Text set with wider leading
    than a paragraph gap (double-spaced, as court opinions and theses are typed) parts its paragraphs by more than
    its leading, which is read where a line runs on into the next for sure: a full line, not ending a sentence."""
    leading = [
        (line.top - previous.bottom) / previous.size
        for previous, line in pairwise(lines)
        if line.page == previous.page
        and line.top > previous.bottom
        and previous.column is None
        and previous.x1 >= edges[previous.page][1] - previous.size
        and _SENTENCE_END_RE.search(previous.text) is None
    ]
    usual = median(leading) if len(leading) >= _COLUMN_ROWS else 0.0
    return _PARAGRAPH_GAP + usual if usual > _PARAGRAPH_GAP else _PARAGRAPH_GAP


def _edges(lines: Sequence[_Line]) -> tuple[float, float] | None:
    """Where full-width body lines start and end: most of them reach the right edge, the widest may overhang it."""
    if len(lines) < _COLUMN_ROWS:
        return None
    ends = sorted(line.x1 for line in lines)
    return min(line.x0 for line in lines), ends[int(len(ends) * _TEXT_EDGE)]


def _enumerations(text: str) -> set[tuple[str, str, int]]:
    """The readings of a line's opening list number as (how it is set, which numbering, its place): "ii." may be a
    roman two or the letter after "h."; "(3)" is the third digit enclosed. No reading where the line opens with no
    list number."""
    match = _ENUMERATOR_RE.match(text)
    if match is None:
        return set()
    form = "enclosed" if match["enclosed"] else text[len(match["closed"])]
    token = match["enclosed"] or match["closed"]
    readings: set[tuple[str, str, int]] = set()
    if token.isdecimal():
        readings.add((form, "digit", int(token)))
    if len(token) == 1 and token.isalpha():
        readings.add((form, "lower" if token.islower() else "upper", ord(token.lower()) - ord("a") + 1))
    if all(letter in _ROMAN for letter in token.lower()):
        values = [_ROMAN[letter] for letter in token.lower()]
        value = sum(-v if i + 1 < len(values) and v < values[i + 1] else v for i, v in enumerate(values))
        readings.add((form, "roman" if token.islower() else "ROMAN", value))
    return readings


def _numbered_items(lines: list[_Line]) -> set[int]:
    """The lines (by id) that open an item of a numbered list, each its own paragraph as a bulleted item is.

    Only bullet glyphs mark items otherwise, so "1. ... 2. ... 3. ..." set one under another would run into one
    paragraph, and a quote of one item would carry the others. A list is told by its structure, not by a number
    alone: at least two lines open with numbers in sequence (1, 2 / a, b / ii, iii, set alike), at one left edge,
    the lines between them never left of it; and the list is set apart from running text, either hanging (every
    line between its items indented past their numbers, to the item's text) or indented (the line before the first
    item, in its column, starts left of the items). A sentence that wraps a "(1)" or "2." to the start of a line
    is neither: its lines share the text's edge, so an enumeration run in a sentence stays one paragraph.
    """
    opening = {
        index: found for index, line in enumerate(lines) if not line.tabled and (found := _enumerations(line.text))
    }
    items: set[int] = set()
    for first, readings in opening.items():
        if id(lines[first]) in items:
            continue
        edge = lines[first].x0
        slack = _ITEM_EDGE * lines[first].size
        chain, between = [first], []
        for index in range(first + 1, len(lines)):
            line = lines[index]
            if line.tabled or line.x0 < edge - slack or line.page > lines[chain[-1]].page + 1:
                break
            if abs(line.x0 - edge) < slack and index in opening:
                following = {(form, numbering, value - 1) for form, numbering, value in opening[index]} & readings
                if not following:
                    break
                readings = {(form, numbering, value + 1) for form, numbering, value in following}
                chain.append(index)
            else:
                between.append(index)
        lead = lines[first - 1] if first else None
        indented = (
            lead is not None
            and lead.page == lines[first].page
            and lead.column == lines[first].column
            and lead.x0 < edge - slack
        )
        within = [lines[index] for index in between if index < chain[-1]]
        hanging = bool(within) and all(line.x0 >= edge + slack for line in within)
        if len(chain) > 1 and (indented or hanging):
            items.update(id(lines[index]) for index in chain)
    return items


def _blocks(
    sections: list[list[_Line]],
    body_size: float,
    words: set[str],
    page_notes: dict[int, dict[int, str]] | None = None,
    cited: dict[int, dict[int, str]] | None = None,
) -> list[list[Block]]:
    """Each section's lines joined into paragraphs; a paragraph never runs from one section into the next.

    Where the document numbers its notes afresh on each page, `page_notes` holds each page's, and `cited` is filled
    with the notes each paragraph's markers cite, by the page the paragraph starts on (`_cite_on_page`)."""
    lines = [line for section in sections for line in section]
    body = [line for line in lines if line.size >= body_size * _NOTE_SIZE and line.column is None]
    document = _edges(body) or (0.0, max((line.x1 for line in lines), default=0.0))
    by_page: dict[int, list[_Line]] = {}
    for line in body:
        by_page.setdefault(line.page, []).append(line)
    edges = {page: _edges(page_lines) or document for page, page_lines in by_page.items()}
    spacing = _paragraph_gap(body, edges)
    page_sizes = _page_body_sizes(lines, body_size)
    feet: dict[int, list[_Line]] = {}
    for line in lines:
        feet.setdefault(line.page, []).append(line)
    sections = [_run_on_past_boxes(section, edges, document, feet, spacing) for section in sections]
    laid_out: list[list[Block]] = []
    for section in sections:
        blocks: list[Block] = []
        current: _Line | None = None
        text = ""
        divisions = _divisions(section, [edges.get(line.page, document) for line in section], body_size)
        numbered = _numbered_items(section)
        lead_ins = _lead_ins(section, body_size, spacing) | _bold_openings(section, body_size, spacing, edges)
        lead_ins |= _carried_lines(section, body_size, spacing, edges)
        headed = [line for line in section if _page_heading(line, page_sizes, body_size)]
        tabled = _from_tables(section)
        labels = _column_labels(headed) | _figure_rows(headed) | _field_rows(headed)
        for line in section:
            if _RULE_LINE_RE.fullmatch(line.text):
                continue  # a rule typed as a line of dashes or underscores (under a masthead, over a caption)
            division = id(line) in divisions
            heading = (
                _page_heading(line, page_sizes, body_size)
                and id(line) not in lead_ins
                and id(line) not in labels
                and not line.caption
            ) or (current is not None and bool(blocks) and blocks[-1].kind == "heading" and _cell_wraps(current, line))
            kind: ParagraphKind = "heading" if division or heading else "text"
            goes_on = (
                current is not None
                and bool(blocks)
                and blocks[-1].kind == "bullet"
                and not _breaks(current, line, "bullet", edges.get(current.page, document), feet, spacing)
            )
            opens = line.listed or (kind == "text" and id(line) in numbered)
            if kind == "text" and (opens or goes_on):
                kind = "bullet"  # an item's first line, or a line that goes on with the item; a new paragraph is text
            if (
                current is not None
                and blocks
                and blocks[-1].kind == kind
                and not opens
                and not division
                and id(current) not in divisions
                and not _breaks(current, line, kind, edges.get(current.page, document), feet, spacing)
            ):
                text = _join(text, _cite_on_page(line, blocks[-1].page, page_notes, cited), words)
                blocks[-1] = replace(blocks[-1], text=text)
            else:
                text = _cite_on_page(line, line.page, page_notes, cited)
                blocks.append(Block(text, kind, line.page, tabled=id(line) in tabled))
            current = line
        laid_out.append(_standfirsts(blocks))
    return laid_out


_TABLE_CAPTION_RE = re.compile(r"Table\s+[A-Z]?\d+(?:\.\d+)*\s*[:.–—-]?\s+\S.*")
"""A table's caption: "Table", its number, and its name ("Table 1: minimum requirements for ...")."""


def _from_tables(lines: list[_Line]) -> set[int]:
    """The ids of the lines read from a table: its body's (`_Line.tabled`, `_Line.cell`), its head's
    (`_Line.table_head`), and its caption's (`_TABLE_CAPTION_RE`) right over its first line. A heading read there
    names the table or heads its rows, and ends with the table: the text after it goes on under the section the
    table stands in (`Block.tabled`), not under the table's last row label ("Level 4")."""
    found = {id(line) for line in lines if line.tabled or line.cell or line.table_head}
    return found | {
        id(line)
        for line, below in pairwise(lines)
        if id(below) in found and id(line) not in found and _TABLE_CAPTION_RE.fullmatch(line.text)
    }


_STANDFIRST_WORDS = 12
"""A heading holds fewer words than this; a sentence set large holds this many or more."""


def _standfirsts(blocks: list[Block]) -> list[Block]:
    """The blocks with each heading that is a whole sentence read as text: a standfirst, the sentence a section opens
    with in larger type under its title ("In setting up the public register, the UK has set standards for what a good
    register of beneficial ownership look like that should be replicated."). Set large, its lines read as a heading,
    and the section's text was filed under a sentence rather than its title. A title ends in no sentence's end, or
    is a short one (`_STANDFIRST_WORDS`); a question may head the answer under it."""
    return [
        replace(block, kind="text")
        if block.kind == "heading"
        and (end := _SENTENCE_END_RE.search(block.text))
        and end[0].startswith(".")
        and len(block.text.split()) >= _STANDFIRST_WORDS
        else block
        for block in blocks
    ]


def _column_labels(lines: list[_Line]) -> set[int]:
    """The ids of the lines, among a page's lines set as headings (`lines`), of a table's cells (`_Line.cell`) that
    another such cell stands level with: a head's labels of its columns side by side, each wrapped over lines of its
    own. Taken for headings, each labelled the next, and every cell of the table stood under its last column's label
    ("Formula for Allocating Grant Awards") rather than its caption. A row's label set as a heading beside the row's
    plain cells heads them ("Binder"), and a cell alone in its row, spanning the table, the rows under it
    ("Demographics")."""
    pages: dict[int, list[_Line]] = {}
    for line in lines:
        if line.cell:
            pages.setdefault(line.page, []).append(line)
    beside = {
        (line.page, line.cell)
        for cells in pages.values()
        for line in cells
        if any(other.cell != line.cell and min(other.bottom, line.bottom) > max(other.top, line.top) for other in cells)
    }
    return {id(line) for line in lines if (line.page, line.cell) in beside}


_LABELLED_FIELD_RE = re.compile(r"[A-Z][^\W\d_]*(?: [^\W\d_]+){0,2}: \S.*")
"""A field of a form's or a report's row: a label of up to three words, a colon, and its value ("Reference Number:
AR-16-20173", "Date: May 5, 2020"). A heading's colon has no word of a number before it ("Annex 1: ...")."""


def _field_rows(lines: list[_Line]) -> set[int]:
    """The ids of the lines, among a page's lines set as headings (`lines`), that are rows of fields: stretches set a
    gutter apart (`_fields`), the first a labelled field (`_LABELLED_FIELD_RE`). A report sets "Reference Number:
    AR-16-20173" at the left of a row and its date at the right, in bold, under its masthead (a table's row, its
    cells read as one line); taken for a heading, the row headed the report's title and contents. A heading's
    words run on with no gutter among them, and a title's colon ends its first stretch."""
    return {
        id(line)
        for line in lines
        if _LABELLED_FIELD_RE.match(line.text)
        and len(fields := _fields(line)) > 1
        and _LABELLED_FIELD_RE.fullmatch(fields[0])
    }


def _figure_rows(lines: list[_Line]) -> set[int]:
    """The ids of the lines, among a page's lines set as headings (`lines`), of a table's rows read as one line
    (`_Line.cell`, `_figure_table_rows`) that hold a label and its figures, each figure a stretch of its own
    (`_spans`, `_amount`): "Total  $1,201,095  100%". A table sets its total row in bold, as a row of the table;
    taken for a heading, it headed the text after the table, and the next table's rows stood under the first's
    total. A row's label alone in its cell, the row's figures in cells of their own, is left to `_column_labels`."""
    found: set[int] = set()
    for line in lines:
        if not line.cell:
            continue
        stretches = [
            "".join(c["text"] for c in line.chars if x0 <= c["x0"] and c["x1"] <= x1).strip() for x0, x1 in _spans(line)
        ]
        if len(stretches) > 1 and all(_amount(text) for text in stretches[1:]):
            found.add(id(line))
    return found


def _cell_wraps(previous: _Line, line: _Line) -> bool:
    """Whether `line` goes on with the line above it in one table cell (`_Line.cell`), set in its face and size,
    not opening an item: a row's label wrapped over lines ("Evidence of" over "identity"). The wrapped line opens
    in lower case, so it is no heading of its own (`_heading_like`): the label was cut in two, its first line heading
    the row and the rest a paragraph under it."""
    return (
        line.cell != 0
        and line.cell == previous.cell
        and line.page == previous.page
        and line.bold == previous.bold
        and not line.listed
        and not _resized(previous, line)
    )


def _run_on_past_boxes(
    lines: list[_Line],
    edges: dict[int, tuple[float, float]],
    document: tuple[float, float],
    feet: dict[int, list[_Line]],
    spacing: float,
) -> list[_Line]:
    """The lines in reading order, a sentence that runs on over a page break read whole before the shaded boxes
    (`_Line.shade`) read between its halves, and before the captions and headings in another size (`_resized`)
    that open the next page ahead of its rest.

    A box set at a page's foot is read after the body text it stands beside (`_shaded_boxes`), so last on its page;
    one at the next page's head, or a figure's caption over another column, first on its page. A body sentence
    that goes on over the page break has its halves on either side of them: the box parts the two (`_breaks`),
    and the sentence is cut at the page's end. The rest of the sentence is its page's first line in the body's
    size, not in a box, opening in lower case; it is read, to its paragraph's end (`_ends_paragraph`), straight
    after the body's last line on the page before, and the boxes and captions after it, where a reader turns to
    them once the sentence is done."""
    lines = list(lines)
    index = 1
    while index < len(lines):
        if lines[index].page == lines[index - 1].page:
            index += 1
            continue
        last = index - 1
        while last > 0 and lines[last].shade and lines[last - 1].page == lines[index - 1].page:
            last -= 1
        first = index
        while (
            first < len(lines) - 1
            and lines[first + 1].page == lines[index].page
            and (lines[first].shade or _resized(lines[last], lines[first]))
        ):
            first += 1
        previous, line = lines[last], lines[first]
        if (
            not previous.shade
            and not line.shade
            and any(between.shade for between in lines[last + 1 : first])
            and line.text[:1].islower()
            and not _resized(previous, line)
            and _SENTENCE_END_RE.search(previous.text) is None
            and not _closes_box(previous, line, feet)
        ):
            end = first + 1
            while (
                end < len(lines)
                and lines[end].page == line.page
                and not lines[end].shade
                and not _resized(line, lines[end])
                and not _ends_paragraph(lines[end - 1], lines[end], edges.get(line.page, document), spacing)
            ):
                end += 1
            lines[last + 1 : end] = lines[first:end] + lines[last + 1 : first]
            index = end
        index += 1
    return lines


def _page_body_sizes(lines: list[_Line], body_size: float) -> dict[int, float]:
    """The size of each page's own text, where it is larger than the document's (`body_size`): the size most of the
    page's regular lines (not bold) in the body's size or larger are set in, `_COLUMN_ROWS` of them or more. An
    appendix may reprint another document (a memo) or a set of briefing slides in a larger size than the report
    around it; measured against the report's body, every line of it would be a heading (`_heading_like`), its
    sentences and list items cut up into headings at each line. A page's headings stand out from the page's own
    text; its notes, smaller than the body, have no say in it, nor have its bold lines: a cover's blurb set large in
    bold is display type over the page, not the page's text."""
    by_page: dict[int, list[_Line]] = {}
    for line in lines:
        if line.size >= body_size * _NOTE_SIZE and not line.bold:
            by_page.setdefault(line.page, []).append(line)
    sizes: dict[int, float] = {}
    for page, page_lines in by_page.items():
        size, count = Counter(round(line.size, 1) for line in page_lines).most_common(1)[0]
        if size > body_size and count >= _COLUMN_ROWS and 2 * count > len(page_lines):
            sizes[page] = size
    return sizes


def _page_heading(line: _Line, page_sizes: dict[int, float], body_size: float) -> bool:
    """Whether a line is set as a heading (`_heading_like`) against its page's own text (`_page_body_sizes`), or
    the document's where the page has none of its own. On a page of its own size a slide's title may stand only a
    little larger than the slide's text, in bold, and wrap over lines that open in lowercase ("Formula Marketing:
    Extent of Marketing Difficult" over "to Quantify; ..."): bold and larger than the page's text by more than a
    shade (`_NOTE_SIZE`), each line heads; a bold lead-in in the text's own size opens its paragraph."""
    size = page_sizes.get(line.page)
    if size is None:
        return _heading_like(line, body_size)
    return _heading_like(line, size) or (line.bold and line.size * _NOTE_SIZE > size)


def _cite_on_page(
    line: _Line, opened: int, page_notes: dict[int, dict[int, str]] | None, cited: dict[int, dict[int, str]] | None
) -> str:
    """The line's text, each marker in it citing the note of its number at the foot of the line's own page, recorded
    in `cited` under the page its paragraph opened on; the text as it is where notes are numbered through the text.

    A page numbering its own notes prints each at its own foot, so a marker on the page a paragraph runs on to cites
    that page's note, not the note of its number on the page the paragraph opened on. An answer finds a paragraph's
    notes by the page it starts on (`Article.page_footnotes`), so the note is kept under that page. A marker whose
    page has no note of its number, or whose paragraph already cites another note of that number from its first
    page (one key, two notes), is written as a marker citing no note (`noteless_marker`): linked, it would show a
    note the document does not give it.
    """
    if page_notes is None or cited is None:
        return line.text
    held = cited.setdefault(opened, {})

    def written(marker: re.Match[str]) -> str:
        key = note_key(marker[1])
        note = page_notes.get(line.page, {}).get(key)
        if note is None or held.setdefault(key, note) != note:
            return noteless_marker(marker[1])
        return marker[0]

    return NOTE_MARKER_RE.sub(written, line.text)


def _lead_ins(lines: list[_Line], body_size: float, spacing: float) -> set[int]:
    """The lines (by id) in the body's size that open a paragraph whose sentence goes on under them: the line under
    each, in the same column and closer than a paragraph gap (`spacing`), opens in lowercase and goes on past its
    first word, or is such a line itself set as a heading is (`_heading_like`: a lead-in over two lines or more).

    A list item or a paragraph may open with a lead-in set in bold ("5. Transparency about handling of government
    demands and other third party" over "requests affecting users' expression ..."); where the lead-in fills its
    first lines, each is bold, opens like a title and ends in no sentence, as a heading of the body's size does. A
    heading's own words never go on in lowercase under it, at the text's line spacing: read as a heading, the
    item's sentence would be cut in two, its first lines a heading over a paragraph of the rest. A lone lowercase
    word under a bold line is a label wrapped in a table's narrow cell ("Exclusive" over "breastfeeding"), no
    sentence going on."""
    found: set[int] = set()
    for line, below in reversed(list(pairwise(lines))):
        if (
            line.size < body_size * _HEADING_SIZE
            and below.page == line.page
            and below.column == line.column
            and 0 <= below.top - line.bottom <= spacing * line.size
            and (
                (below.text[:1].islower() and " " in below.text)
                or (id(below) in found and _heading_like(below, body_size))
            )
        ):
            found.add(id(line))
    return found


_OPENING_WORDS = 6
"""A paragraph's bold opening line holds at least this many words: a heading across the page holds fewer."""


def _bold_openings(
    lines: list[_Line], body_size: float, spacing: float, edges: dict[int, tuple[float, float]]
) -> set[int]:
    """The bold lines (by id) in the body's size that are a paragraph's first line, its opening sentence set in bold
    and running on into the line under it: the line holds a sentence's words (`_OPENING_WORDS`), runs from the
    text's left edge to its right edge (`edges`, by page; justified, as the paragraph's other lines are) and the
    line under it, in the same column and closer than a paragraph gap (`spacing`; tightly set lines overlap), is set
    as body text, not bold. The European Commission's communications open most paragraphs so ("The Commission has
    already set out a clear vision of how to achieve climate" over "neutrality by 2050. This vision ..."): each such
    line, bold, opening in a capital and ending in no sentence, was read as a heading, and its sentence cut in two.
    A heading stops short of the right edge, or wraps onto a line set as it is (`_lead_ins` reads those whose
    sentence goes on in lowercase); a box's bold name over its country, or a short heading in a sidebar, holds too
    few words or stands inside the text's width."""
    return {
        id(line)
        for line, below in pairwise(lines)
        if line.bold
        and not below.bold
        and line.size < body_size * _HEADING_SIZE
        and len(line.text.split()) >= _OPENING_WORDS
        and line.page in edges
        and line.x0 <= edges[line.page][0] + body_size
        and line.x1 >= edges[line.page][1] - body_size
        and below.page == line.page
        and below.column == line.column
        and line.top < below.top
        and below.top - line.bottom <= spacing * line.size
    }


_ITEM_NUMBER_RE = re.compile(r"\(?[0-9]{1,3}(?:\.[0-9]{1,3})*[.)]")
"""A list item's number alone, one level or several ("7.", "61.4.", "(3)")."""


def _carried_lines(
    lines: list[_Line], body_size: float, spacing: float, edges: dict[int, tuple[float, float]]
) -> set[int]:
    """The lines (by id) in the body's size of a sentence carried over several lines, none of which is a heading:
    each line after the first goes on with the line above (`_carries`), and the last ends a sentence or a list's
    entry (a semicolon), or reaches the text's right edge at its page's foot, the sentence going on over the page;
    and any line that ends an entry.

    A list may set its items in bold, after a number in the text's weight or in bold ("61.4. Suggest the
    ratification of the Convention on the Rights of Persons with" over "Disabilities and its Optional Protocol
    (Chile);", "2. Continue human rights training of police forces (United Kingdom of Great" over "Britain and
    Northern Ireland)."), and may run several entries into one item, each closed by a semicolon ("90.4 Ratify the
    Optional Protocol to the Convention against Torture (Brazil);" over "Ratify the Optional Protocol to the
    Convention against Torture (France);"): each line is bold, opens in a capital and ends in no sentence, as a
    heading of the body's size does, and read so an item was cut in two, its last words a heading over the next
    item. A heading stands under a line that ends a paragraph, or under a gap, and ends in no sentence or entry."""
    found: set[int] = set()
    chain: list[_Line] = []
    for line in [*lines, None]:
        if line is not None and chain and _carries(chain[-1], line, body_size, spacing, edges):
            chain.append(line)
            continue
        if len(chain) > 1:
            last = chain[-1]
            ends = _SENTENCE_END_RE.search(last.text) or last.text.endswith(";")
            right = _right_edge(last, edges)
            over = line is not None and line.page > last.page
            if ends or (over and right is not None and last.x1 >= right - body_size):
                found |= {id(member) for member in chain}
        chain = [line] if line is not None else []
    return found | {id(line) for line in lines if line.size < body_size * _HEADING_SIZE and line.text.endswith(";")}


def _carries(
    above: _Line, line: _Line, body_size: float, spacing: float, edges: dict[int, tuple[float, float]]
) -> bool:
    """Whether `line` goes on with the sentence of the line above it in the body's size: beside a list number alone
    on its row, or right under a line that ends in no sentence and no semicolon (an entry's end), closer than a
    paragraph gap (`spacing`), the two overlapping across, where the line's first word would not have fitted in the
    room left at the end of the line above (`_right_edge`)."""
    if line.page != above.page or line.size >= body_size * _HEADING_SIZE or abs(above.size - line.size) >= 0.5:
        return False
    if above.bold and not line.bold:
        return False  # a bold line over the text's weight: a heading, or a paragraph's bold opening (`_bold_openings`)
    if line.row == above.row:
        return bool(_ITEM_NUMBER_RE.fullmatch(above.text)) and above.x1 < line.x0
    right = _right_edge(above, edges)
    word = line.text.split(" ", 1)[0]
    width = (line.x1 - line.x0) * (len(word) + 1) / max(len(line.text), 1)  # the word and the space before it
    return (
        right is not None
        and 0 <= line.top - above.bottom <= spacing * line.size
        and line.x0 < above.x1
        and above.x0 < line.x1
        and above.x1 + width > right
        and not _SENTENCE_END_RE.search(above.text)
        and not above.text.endswith(";")
    )


def _right_edge(line: _Line, edges: dict[int, tuple[float, float]]) -> float | None:
    """Where the text a line stands in ends on the right: the page's text's edge (`edges`, by page), or its column's
    where the column stands right of that edge, a page's second column; None on a page with no text edges. (A list
    number read apart from its item's text sets the text in a column of its own, inside the page's edges.)"""
    edge = edges.get(line.page)
    if line.column is not None and (edge is None or line.column[0] >= edge[1]):
        return line.column[1]
    return edge[1] if edge is not None else None


def _closes_box(previous: _Line, line: _Line, pages: dict[int, list[_Line]]) -> bool:
    """Whether a page break parts two lines that no paragraph joins, as the line before it ends a box of text set
    apart on its page (a profile's key facts beside its analysis, a score card), not a column of running text.

    A paragraph that runs on to the next page fills its column to the foot and fills its last line there, as
    the other lines of its column do (`pages`: each page's lines, notes and furniture taken out; the column: the
    lines of its size that start where it starts). A line that stops higher up, or well short of the column's
    right edge, closes the box, and its words never go on in the body text of the next page.
    """
    if previous.page == line.page:
        return False
    column = [
        other
        for other in pages.get(previous.page, ())
        if abs(other.x0 - previous.x0) <= previous.size and other.size >= previous.size * _NOTE_SIZE
    ]
    foot = max((other.bottom for other in column), default=previous.bottom)
    right = max((other.x1 for other in column), default=previous.x1)
    return (
        previous.bottom < foot - _PAGE_FOOT * previous.size
        or previous.x1 < previous.x0 + (right - previous.x0) * _RAGGED_LINE
    )


def _over_table_again(previous: _Line, line: _Line, feet: dict[int, list[_Line]]) -> bool:
    """Whether `line`, on a page after a table's cell (`previous`, `_Line.tabled`), stands right over that page's
    table body, its head between them: a table broken over pages prints its label ("(Continued From Previous
    Page)") over its head again, at most `_HEAD_DEPTH` of the label's size deep (`_table_bodies`), and the body under
    it. The label is no words of the cell that ended the page before, whose text it would otherwise run on (an
    unfinished cell reads on over a page break like a sentence). A cell that does go on over the page has its rest
    at the next page's top, with no table body of its own right under it (a table further down is another's)."""
    if not previous.tabled or line.tabled or line.page == previous.page:
        return False
    below = [other.top for other in feet.get(line.page, ()) if other.tabled and other.top > line.bottom]
    return bool(below) and min(below) - line.bottom <= (_HEAD_DEPTH + 1) * line.size


def _resized(previous: _Line, line: _Line) -> bool:
    """Whether two lines are set in different sizes (`_type_size`), so are different texts (a caption, a label, a
    box's heading beside body text) that no paragraph joins."""
    sizes = (_type_size(previous), _type_size(line))
    return min(sizes) < max(sizes) * _NOTE_SIZE


def _type_size(line: _Line) -> float:
    """The size a line's type is set in, read from its capitals: the median would take a line set in small
    capitals (`FOR FURTHER INFORMATION CONTACT:` opening a paragraph) for smaller text, and their top share leaves
    out a single large initial opening a paragraph."""
    sizes = sorted(c["size"] for c in line.chars if not c["text"].isspace())
    return sizes[int(len(sizes) * _CAPITALS)] if sizes else line.size


def _mark_before_charts(lines: list[_Line], charted: set[int]) -> None:
    """Mark each line read straight before a chart's labels (`charted`, `_chart_labels`), which are left out.

    The chart stands between that line and the next one kept, so the two are no one paragraph: run together, a
    chart's heading over its bars, or a column's last line above a chart, would take in the text after the chart
    (the next column's or the next page's first sentence), a run the page never prints and no reader finds as
    quoted."""
    for line, following in pairwise(lines):
        if id(following) in charted and id(line) not in charted:
            line.before_chart = True


def _breaks(
    previous: _Line,
    line: _Line,
    kind: ParagraphKind,
    edges: tuple[float, float],
    feet: dict[int, list[_Line]],
    spacing: float,
) -> bool:
    """Whether `line` starts a new paragraph after `previous`; `spacing` is the document's paragraph gap
    (`_paragraph_gap`)."""
    if _wrapped_marker(previous, line):
        return False
    if (
        previous.label
        or line.label
        or previous.before_chart
        or (previous.boxed and line.page == previous.page and line.top < previous.top)
        or previous.shade != line.shade
        or line.titled
        or _ends_heading(previous, edges)
        or _closes_box(previous, line, feet)
        or _resized(previous, line)
        or _over_table_again(previous, line, feet)
    ):
        return True  # a paragraph's number in the margin (`_margin_labels`) is a paragraph of its own
    if kind == "heading":
        return previous.page != line.page or not 0 <= line.top - previous.bottom <= spacing * previous.size
    return _ends_paragraph(previous, line, edges, spacing)


def _wrapped_marker(previous: _Line, line: _Line) -> bool:
    """Whether `line` is a bracketed note marker alone ("[19]"), set smaller than the line above and right under it
    in its column: the marker of the sentence that line ends ("... only 5 had been granted." over "[19]"), wrapped
    to a line of its own. Set apart by its size, it stood as a paragraph of its own, and the sentence lost its
    note."""
    return (
        _TYPED_BRACKET_RE.fullmatch(line.text) is not None
        and line.page == previous.page
        and line.column == previous.column
        and line.size < previous.size
        and 0 <= line.top - previous.bottom <= line.size
    )


def _ends_heading(line: _Line, edges: tuple[float, float]) -> bool:
    """Whether a section's number and the line at its tab stop (`_Line.titled`) are a heading: the line ends short of
    its column (`_SHORT_LINE`). A report in Word may set its subsections' headings in the body's type at the body's
    leading, the text going on under them with no gap ("7.6.2 SensorTask – Command – detectionThreshold" over "The
    individual ASMs are expected ..."): read by gaps and sizes, the heading opened its text's first sentence. A
    numbered clause whose text runs on from its first line over the next fills that line to the column's edge."""
    left, right = line.column or edges
    return line.titled and line.x1 < left + (right - left) * _SHORT_LINE


_Box = tuple[float, float, float, float]


@dataclass(frozen=True)
class _Table:
    """A table's body under a ruled head (`_table_bodies`)."""

    box: _Box
    size: float
    """The type size of the head's text: the body's cells are set in it, a page's footer below them smaller."""
    rules: tuple[float, ...]
    """The x of the vertical rules that part the body's columns, left to right (none: it is ruled across only)."""
    closed: bool
    """A rule of the head's extent closes the body: no text under the table (its notes, a page number) is in it."""
    cells: int
    """How many cells the head's text stands in (`_head_cells`)."""
    labelled: bool
    """Every cell of the head holds a word: it labels each column (a row of figures between two rules does not)."""
    head: float
    """The top of the head: the rule over it."""

    def rows(self, rows: list[_Line]) -> list[_Line]:
        """The page's rows of characters (`_group`) that are the table's, its head's and its body's: those inside it,
        down to the last set in the cells' type (smaller rows under that, a page's footer, are not the table's)."""
        left, _, right, bottom = self.box
        inside = [
            row
            for row in rows
            if left <= (row.chars[0]["x0"] + row.chars[-1]["x1"]) / 2 <= right
            and self.head <= (row.top + row.bottom) / 2 <= bottom
        ]
        cells = [index for index, row in enumerate(inside) if row.size >= self.size * _NOTE_SIZE]
        return inside[: cells[-1] + 1] if cells else []


def _read(
    data: bytes,
) -> tuple[
    dict, list[list[_Segment]], list[str], list[list[_Box]], list[list[_Box]], list[list[_Box]], list[list[_Box]]
]:
    """The Info dict, each page's laid-out lines (a table body under a ruled head among them, `_table_bodies`), the
    addresses of every link annotation, each page's grids, its displayed fractions, its pictures (`_pictures`) and
    its charts' bars (`_bars`)."""
    try:
        with pdfplumber.open(io.BytesIO(data)) as pdf:
            _case_by_glyph_name(pdf.rsrcmgr)
            metadata = dict(pdf.metadata or {})
            pages: list[list[_Segment]] = []
            links: list[str] = []
            grids: list[list[_Box]] = []
            displays: list[list[_Box]] = []
            pictures: list[list[_Box]] = []
            charts: list[list[_Box]] = []
            for number, page in enumerate(pdf.pages, start=1):
                tables = page.find_tables()
                chars = _printed(_unlayered(_visible(page, _uncovered(page, _named_glyphs(page, _on_page(page))))))
                found = [(grid, grid.extract()) for grid in tables]  # read once, its glyphs named (`_named_glyphs`)
                figures = [(image["x0"], image["top"], image["x1"], image["bottom"]) for image in page.images]
                bodies = _table_bodies(page)
                pages.append(_layout(number, chars, bodies, _rule_bands(page), _sentence_grids(found), figures))
                _shaded_boxes(pages[-1], _shades(page))
                _mark_foot_rule(page, [line for segment in pages[-1] for line in segment.lines])
                _mark_drawings(page, [line for segment in pages[-1] for line in segment.lines])
                _mark_chart_titles(page, [line for segment in pages[-1] for line in segment.lines])
                links += _link_addresses(page)
                grids.append(_grids(found) + _ruled_tables(page))
                displays.append(_fractions(page))
                pictures.append(_pictures(page))
                charts.append(_bars(page))
                # pdfplumber keeps every page's parsed objects on it until closed: read in three passes, a long
                # report held them all at once, and its peak neared the parser's memory cap (QA_PARSE_MEMORY_BYTES).
                page.close()
    except Exception as error:  # noqa: BLE001 - pdfminer raises many kinds on a damaged file; all mean "unreadable"
        raise _unreadable(error) from error
    return metadata, pages, links, grids, displays, pictures, charts


def _case_by_glyph_name(fonts: PDFResourceManager) -> None:
    """Make every simple font the document loads read a letter in the case its glyph's name gives, where its ToUnicode
    map gives the same letter in the other case.

    A font's ToUnicode map may be wrong in a letter's case: a subset font whose code 73 names its glyph "I" (and draws
    a capital) maps it to "i", so "Institute" and "ICT" read "institute" and "iCT", where a reader sees the capital.
    (InDesign wrapped each such capital in a marked-content span whose ActualText is "I", which pdftotext follows and
    pdfplumber does not read; where no span wraps it, in a page foot's "I2", pdftotext prints the map's "i".) The map
    and the name agree on the letter and differ in its case only, so the glyph's name decides; any other disagreement
    (a ligature, a symbol, a name no glyph list knows) is left to the map, but for a private-use character, which
    reads as the letters its glyph's name spells (`private_ligatures`).
    """
    load = fonts.get_font

    def get_font(objid: object, spec: Mapping[str, object]) -> PDFFont:
        font = load(objid, spec)
        if isinstance(font, PDFSimpleFont) and isinstance(font.unicode_map, FileUnicodeMap):
            mapped = font.unicode_map.cid2unichr
            for code, text in mapped.items():
                named = font.cid2unicode.get(code, text)
                if len(text) == 1 and named != text and named.lower() == text.lower():
                    mapped[code] = named
            mapped.update(private_ligatures(spec, mapped))
        return font

    fonts.get_font = get_font


def _table_bodies(page: pdfplumber.page.Page) -> list[_Table]:
    """The page's first table body under a ruled head, and each table set beside it, left to right: a table ruled
    only above and below its head row has no grid for `find_tables` to find, but its head says where its columns of
    cells begin. A head is a short band between two horizontal rules of the same extent (`_rule_pieces`), at heights
    ruled across at least `_HEAD_SPAN` of the page, whose text stands in several cells; its body reaches down to the
    last rule of that extent below it, or to the page's foot when it has none. Vertical rules that run down the body
    part its columns. Two tables set side by side rule their rows at one height, each its own rule: each is a table
    of its own, its head at the first's height, its body closed by its own last rule (a total row the other table has
    no row beside). A table further down is none of these: `_layout` reads the tables' columns together after the
    text above them, and the text between two tables set one over the other would be read after both."""
    pieces = _rule_pieces(page)
    spans: dict[float, tuple[float, float]] = {}
    for top, x0, x1 in pieces:
        left, right = spans.get(top, (x0, x1))
        spans[top] = (min(left, x0), max(right, x1))
    wide = [(top, x0, x1) for top, x0, x1 in pieces if spans[top][1] - spans[top][0] >= page.width * _HEAD_SPAN]
    tables: list[_Table] = []
    for top, x0, x1 in wide:
        under = [piece for piece in wide if piece[0] > top and piece[1] < x1 and piece[2] > x0]
        if tables and top != tables[0].head:
            break
        if not under:
            continue
        bottom, left, right = min(under)
        chars = [c for c in page.chars if top < c["top"] and c["bottom"] < bottom and x0 <= c["x0"] <= x1]
        size = median(c["size"] for c in chars) if chars else 0.0
        if (
            chars
            and abs(left - x0) <= size
            and abs(right - x1) <= size
            and bottom - top <= _HEAD_DEPTH * size
            and (cells := _head_cells(chars, size)) >= _HEAD_CELLS
        ):
            below = [
                y
                for y, a, b in pieces
                if y > bottom
                and abs(a - x0) <= size
                and abs(b - x1) <= size
                and not _page_frame((a, b), (x0, x1), top, pieces)
            ]
            foot = max(below, default=page.height)
            rules = {
                round(edge["x0"], 1)
                for edge in page.vertical_edges
                if x0 + size < edge["x0"] < x1 - size
                and edge["top"] < foot
                and edge["bottom"] > bottom + size
                and edge["height"] >= size  # a rule down a row, not the side of a thin rule's box
            }
            labelled = _head_cells(chars, size, words=False) == cells
            tables.append(_Table((x0, bottom, x1, foot), size, tuple(sorted(rules)), bool(below), cells, labelled, top))
    return tables


_RULE_JOIN = 1.0
"""Points at most between two pieces of a horizontal rule drawn at one height that are one rule (a cell's border
drawn cell by cell meets the next); pieces further apart rule tables set side by side."""


def _page_frame(
    rule: tuple[float, float], head: tuple[float, float], top: float, pieces: list[tuple[float, float, float]]
) -> bool:
    """Whether a rule under a table's head, of nearly the head's extent (`rule` and `head`: left and right), is the
    page's frame and not the table's closing rule: its extent is not the head's own (within `_RULE_JOIN`), and a rule
    of its very extent stands above the head (`top`).

    A word processor's page rules its running header off and its footer off at the text's width, a little wider
    than a table ruled across the text (a directive's Table 1, its head repeated over the page it goes on to). Taken
    for the table's closing rule, the footer's rule stretched the body down to the page's foot, and the numbered
    clauses under the table were read as its cells, each line a paragraph of its own. The table's own rules are drawn
    to its head's extent; the frame's two rules to one another's."""
    (left, right), (x0, x1) = rule, head
    if abs(left - x0) <= _RULE_JOIN and abs(right - x1) <= _RULE_JOIN:
        return False
    return any(y < top and abs(a - left) <= _RULE_JOIN and abs(b - right) <= _RULE_JOIN for y, a, b in pieces)


def _rule_pieces(page: pdfplumber.page.Page) -> list[tuple[float, float, float]]:
    """A page's horizontal rules as (top, left, right), top to bottom: the edges drawn at one height joined where
    they meet (`_RULE_JOIN`)."""
    heights: dict[int, list[tuple[float, float]]] = {}
    for edge in page.horizontal_edges:
        heights.setdefault(round(edge["top"]), []).append((edge["x0"], edge["x1"]))
    pieces: list[tuple[float, float, float]] = []
    for top, edges in heights.items():
        joined: list[list[float]] = []
        for x0, x1 in sorted(edges):
            if joined and x0 <= joined[-1][1] + _RULE_JOIN:
                joined[-1][1] = max(joined[-1][1], x1)
            else:
                joined.append([x0, x1])
        pieces += [(top, x0, x1) for x0, x1 in joined]
    return sorted(pieces)


def _head_cells(chars: list[dict], size: float, words: bool = True) -> int:
    """How many cells a head row's characters stand in: runs of text apart by more than the type size, only those
    holding a word unless `words` is false (a contents entry between rules, `Letter .... 1`, sets a page number
    apart: one cell of words)."""
    cells: list[list[dict]] = []
    for char in sorted(chars, key=lambda c: c["x0"]):
        if cells and char["x0"] - max(c["x1"] for c in cells[-1]) <= size:
            cells[-1].append(char)
        else:
            cells.append([char])
    return sum(not words or any(c["text"].isalpha() for c in cell) for cell in cells)


_SHADE_DEPTH = 2.0
"""The least width and height, in points, of a filled rectangle that shades text: a thinner one is a rule."""


def _shades(page: pdfplumber.page.Page) -> list[_Box]:
    """The boxes of a page's filled rectangles in a colour other than white, those that touch taken as one: a shaded
    box of text, a sidebar set on a tint, a table's shaded cell (a word processor tiles it in strips, a line's
    height each). A white fill is the page's own ground, drawn as a background; a thin fill is a rule."""
    return _touching(
        [
            (rect["x0"], rect["top"], rect["x1"], rect["bottom"])
            for rect in page.rects
            if rect.get("fill")
            and rect.get("non_stroking_color") not in (None, 1, (1,), (1, 1, 1), (0, 0, 0, 0))
            and min(rect["x1"] - rect["x0"], rect["bottom"] - rect["top"]) >= _SHADE_DEPTH
        ]
    )


def _shaded_boxes(segments: list[_Segment], shades: list[_Box]) -> None:
    """Mark each line printed on a shaded box (`shades`) with the box's number (`_Line.shade`), and read a box the
    text runs around after the text that goes on below it.

    A report sets an aside on a tint ("Did you know?", examples of a service), the body text wrapping beside it
    and running on under it. Laid out, the box is a column beside the text's narrower stretch and the text below it
    a segment after it: read in that order, the box's first line ran on from the body's last line above it, a
    sentence the page never prints ("... with government Future examples of ..."), and the body's sentence was cut
    at the box. The box is its own text (`_breaks` parts lines of different boxes); where the segment before it
    stops mid-sentence and a segment of unshaded text follows it, that segment is read first, the sentence
    whole, and the box after it, as a reader reads an aside after the text it stands beside: the box the right
    column of a band whose left column is the text's narrower stretch, the text going on across the page's width
    under them."""
    lines = [line for segment in segments for line in segment.lines]
    for number, (left, top, right, bottom) in enumerate(shades, start=1):
        for line in lines:
            if left - 1 <= line.x0 and line.x1 <= right + 1 and top - 1 <= line.top and line.bottom <= bottom + 1:
                line.shade = line.shade or number
    for index in range(1, len(segments) - 1):
        before, box, after = segments[index - 1 : index + 2]
        if (
            before.lines
            and box.lines
            and after.lines
            and (before.side, box.side, after.side) == (0, 1, None)
            and before.band == box.band
            and all(line.shade for line in box.lines)
            and not any(line.shade for line in (*before.lines, *after.lines))
            and not _SENTENCE_END_RE.search(before.lines[-1].text)
        ):
            segments[index], segments[index + 1] = after, box


def _grids(found: list[tuple[pdfplumber.table.Table, list[list[str | None]]]]) -> list[_Box]:
    """The boxes of a page's ruled tables of labels and figures (`_GRID_ROWS`): pdfplumber finds a table by its
    ruling lines (`found`, each with its cells' text); one whose cells hold no sentence is left out of the text rather
    than read as run-together rows."""
    return [table.bbox for table, rows in found if _figures_grid(rows)]


def _figures_grid(rows: list[list[str | None]]) -> bool:
    """Whether a ruled grid, its cells' text row by row, is a table of labels and figures (`_GRID_ROWS`,
    `_CELL_WORDS`)."""
    cells = [cell for row in rows for cell in row if cell]
    return (
        len(rows) >= _GRID_ROWS
        and min(len(row) for row in rows) >= _GRID_COLUMNS
        and all(len(cell.split()) <= _CELL_WORDS for cell in cells)
    )


def _sentence_grids(found: list[tuple[pdfplumber.table.Table, list[list[str | None]]]]) -> list[list[_Box]]:
    """Each ruled grid of a page (`found`, each with its cells' text) that is no table of labels and figures (`_grids`
    leaves those out), its cells' boxes row by row, when one of its rows holds text in `_HEAD_CELLS` cells or more:
    read as the page's rows, its cells' sentences run into their neighbours' (`_ruled_rows` reads them a cell at a
    time). A frame round a box of text has one column, a pair of text columns two, and a chart's gridlines, drawn as
    a grid, box empty cells. A table carried over from the page before may open with one such row. A grid of two
    columns is a table when `_GRID_ROWS` of its rows or more hold text in both (`_paired_rows`)."""
    return [
        [cell for row in table.rows for cell in row.cells if cell is not None]
        for table, text in found
        if not _figures_grid(text)
        and (any(sum(bool(cell) for cell in row) >= _HEAD_CELLS for row in text) or _paired_rows(text))
    ]


def _paired_rows(rows: list[list[str | None]]) -> bool:
    """Whether a ruled grid, its cells' text row by row, is a table of two columns: `_GRID_ROWS` rows or more each
    hold text in two cells. A frame round a page's two columns of text is one row; a table pairing each label with
    its description (a feature beside the paragraph that explains it) rules a row round each pair, and read as the
    page's rows its two columns were read one after the other, each label parted from its description."""
    return sum(sum(bool(cell and cell.strip()) for cell in row) >= 2 for row in rows) >= _GRID_ROWS


def _mark_foot_rule(page: pdfplumber.page.Page, lines: list[_Line]) -> None:
    """Mark the lines under the rule that parts a page's notes from its text (`_Line.ruled`), where it has one.

    A typewriter-style page (a court's opinion in Courier) may set its notes in the text's own size, so size alone
    does not find them; what sets them apart is the short rule drawn over them, as word processors draw it: in the
    page's lower half, starting at the text's left edge (where most of its lines start), shorter than half the
    text's width, with no text sitting on it (an underlined word, drawn as a rule under it, is none). A rule above a
    table or a chart runs wider, and a signature line does not start at the text's edge; whether the lines under it
    are notes is for `_Notes` to say, by their opening with a number the text cites. Lines are marked from the rule
    down, left of its right end (in its column)."""
    if not lines:
        return
    left = Counter(round(line.x0) for line in lines).most_common(1)[0][0]  # a running head may stand out in the margin
    right = max(line.x1 for line in lines if abs(line.x0 - left) <= _TEXT_EDGE_GAP)
    for top, x0, x1, _ in _rules(page):
        if (
            top > page.height / 2
            and abs(x0 - left) <= _TEXT_EDGE_GAP
            and x1 - x0 < (right - left) / 2
            and not any(line.top - line.size / 2 < top < line.bottom + line.size / 2 for line in lines)
        ):
            for line in lines:
                line.ruled = line.top > top and line.x0 < x1
            return


def _rules(page: pdfplumber.page.Page) -> list[tuple[float, float, float, float]]:
    """A page's horizontal rules, top to bottom: (top, left, right, weight), drawn as a line or as a thin filled
    rectangle (as pdfTeX draws `\\hrule`), or as a thin filled path (`_path_rules`)."""
    rules = [
        (line["top"], line["x0"], line["x1"], line["linewidth"]) for line in page.lines if line["top"] == line["bottom"]
    ]
    rules += [
        (rect["top"], rect["x0"], rect["x1"], rect["height"])
        for rect in page.rects
        if 0 < rect["height"] <= _RULE_THICKNESS < rect["width"]
    ]
    return sorted(rules + _path_rules(page))


def _path_rules(page: pdfplumber.page.Page) -> list[tuple[float, float, float, float]]:
    """The horizontal rules a page draws as thin filled paths: (top, left, right, weight). Some producers (a journal's
    typesetting system) write every rule of a table, its head's rules and its closing one, as a closed path of four
    corners and fill it, where another writes a rectangle or a line: pdfplumber reports such a path as a curve, but
    drawn flat and wide it prints as the same rule, and a table ruled so is a table as much as one ruled with lines
    (`_ruled_tables`: `Mesor (°C) CTR 36.86 ± 0.05` read across its cells otherwise). A curve drawn only in outline
    (a chart's line, an underline's swash) is no rule."""
    return [
        (curve["top"], curve["x0"], curve["x1"], curve["height"])
        for curve in page.curves
        if curve.get("fill") and 0 < curve["height"] <= _RULE_THICKNESS < curve["width"]
    ]


def _rule_bands(page: pdfplumber.page.Page) -> list[_Box]:
    """The bands between each rule drawn across at least `_HEAD_SPAN` of the page (as a line or as a thin filled
    rectangle, `_rules`) and the next rule under it of the same extent: where a table ruled across sets its body
    between the rule under its head and the rule closing it, or a row between the rules parting it from its
    neighbours, a shorter rule inside it parting a cell's parts (`_ruled_rows` reads only bands whose rows stand in
    cells)."""
    extents: dict[int, tuple[float, float]] = {}
    for top, x0, x1, _ in _rules(page):  # a head's rule drawn in pieces, one under each group of columns, is one
        left, right = extents.get(round(top), (x0, x1))
        extents[round(top)] = (min(left, x0), max(right, x1))
    rules = sorted((top, x0, x1) for top, (x0, x1) in extents.items() if x1 - x0 >= page.width * _HEAD_SPAN)
    bands: list[_Box] = []
    for index, (top, x0, x1) in enumerate(rules):
        same = [bottom for bottom, left, right in rules[index + 1 :] if abs(left - x0) < 1 and abs(right - x1) < 1]
        if same:
            bands.append((x0, top, x1, same[0]))
    return bands


def _fractions(page: pdfplumber.page.Page) -> list[_Box]:
    """The bands of a page's displayed fractions: a rule with a row of text just over it and a row just under it, each
    no wider than the rule and centred on it (a numerator and a denominator set over and under their bar: a heading
    over its rule, a link over its underline and the line under it, are set from the left), and no other rule of
    its extent (a table's rules are). A rule under a line of prose (a note separator) has that line's text running on
    past its end. Read row by row a display's numerator,
    its left side and its denominator run together (`2×J×C Stitle = J + C (1)`): no sentence to quote."""
    bands: list[_Box] = []
    rules = _rules(page)
    size = median(c["size"] for c in page.chars) if page.chars else 0.0
    for bar, x0, x1, _ in rules:
        if sum(abs(left - x0) < 1 and abs(right - x1) < 1 for _, left, right, _ in rules) > 1:
            continue  # a table's rules, drawn at one extent again and again
        over = [c for c in page.chars if bar - size / 2 <= c["bottom"] <= bar and x0 <= c["x0"] and c["x1"] <= x1]
        under = [c for c in page.chars if bar <= c["top"] <= bar + size / 2 and x0 <= c["x0"] and c["x1"] <= x1]
        if not over or not under or not all(_centred(part, x0, x1, size) for part in (over, under)):
            continue
        top, bottom = min(c["top"] for c in over), max(c["bottom"] for c in under)
        beside = [
            c
            for part in (over, under)
            for c in page.chars
            if min(p["top"] for p in part) <= (c["top"] + c["bottom"]) / 2 <= max(p["bottom"] for p in part)
            and (x0 - size <= c["x1"] <= x0 or x1 <= c["x0"] <= x1 + size)
        ]
        if not beside:
            bands.append((x0, top, x1, bottom))
    return bands


def _centred(chars: list[dict], left: float, right: float, size: float) -> bool:
    """Whether a row's characters stand centred between `left` and `right`, to `_CENTRED` of the type size."""
    return abs(min(c["x0"] for c in chars) + max(c["x1"] for c in chars) - left - right) / 2 <= _CENTRED * size


def _in_display(line: _Line, bands: list[_Box]) -> bool:
    """Whether a line stands on the rows of a displayed fraction (`_fractions`): across its bar, or the display's
    number, `(1)`, set at the column's edge on its rows."""
    middle = (line.top + line.bottom) / 2
    return any(
        top <= middle <= bottom and (line.x0 < right and line.x1 > left or _EQUATION_NUMBER_RE.fullmatch(line.text))
        for left, top, right, bottom in bands
    )


def _ruled_tables(page: pdfplumber.page.Page) -> list[_Box]:
    """The boxes of a page's tables ruled only across, LaTeX's booktabs way: a heavy rule over the head, lighter rules
    under it (and between the body's groups of rows), a heavy rule of the same extent and weight under the body. Such
    a table, across both columns of a two-column paper or inside one, has no grid for `find_tables` and its head may
    take several lines, but its rules are drawn nowhere else: a run of rules of one extent, heavier at its ends. Read
    row by row its cells run together (`1.0M 1.0M Citation contexts`); its labels and figures are no prose to quote,
    and are left out of the text as a grid's are (its caption and notes, outside its rules, stay). A table boxed
    or parted by upright rules is no booktabs table (`_grids` and `_table_bodies` read those)."""
    rules = _rules(page)
    upright = [edge for edge in page.vertical_edges if edge["height"] > _RULE_THICKNESS]  # a box, not booktabs
    boxes: list[_Box] = []
    for index, (top, x0, x1, weight) in enumerate(rules):
        if any(left <= x0 and x1 <= right and head <= top <= foot for left, head, right, foot in boxes):
            continue
        same = [rule for rule in rules[index + 1 :] if abs(rule[1] - x0) < 1 and abs(rule[2] - x1) < 1]
        inside = False  # a lighter rule between the two heavy ones: a head's, not two rules of a box
        for bottom, _, _, closing in same:
            if abs(closing - weight) < 0.1 * weight and inside:
                if not any(
                    x0 - 1 <= edge["x0"] <= x1 + 1 and top - 1 <= edge["top"] and edge["bottom"] <= bottom + 1
                    for edge in upright
                ):
                    boxes.append((x0, top, x1, bottom))
                break
            if closing > _RULE_WEIGHT * weight:
                break
            inside = True
    return boxes


_SCAN_SHARE = 0.8
"""An image over this share of the page is the page's own picture (`_pictures`): a scan under its recognised text, or
a background. A map set on a page of its own inside the margins, its title over it, covers less (65 percent)."""


def _pictures(page: pdfplumber.page.Page) -> list[_Box]:
    """The boxes of a page's pictures smaller than the page (`_SCAN_SHARE`), images that touch or overlap taken as
    one (a background tiled in strips, a map's legend pasted over it): a diagram, photo or map whose labels
    (`_labels`) may be printed over it, a legend's names in small type ("Opportunistic violence") among them. A
    page-sized image is a scan under its recognised text, or a background. A logo drawn in vector curves is a
    picture too (`_drawings`)."""
    boxes = _touching([(image["x0"], image["top"], image["x1"], image["bottom"]) for image in page.images])
    area = page.width * page.height
    return (
        [box for box in boxes if (box[2] - box[0]) * (box[3] - box[1]) < area * _SCAN_SHARE]
        + _drawings(page)
        + _diagram_boxes(page)
    )


_DRAWING_CURVES = 5
_DRAWING_AREA = 0.01
_DRAWING_GAP = 24.0
"""A logo drawn in vector curves: at least this many curves, none further than this many points (a third of an inch)
from the next, in a box under this share of the page (`_drawings`): the letters of a logo stand apart, but close."""


def _drawings(page: pdfplumber.page.Page) -> list[_Box]:
    """The boxes of the small drawings a page makes of curves: a logo or emblem (an agency's letters drawn as
    outlines, its motto in small type over them). Text set over such a drawing is part of the picture, as a label
    over an image is (`_labels`): a motto a reader sees as the logo, no sentence of the text. Only a small cluster of
    several curves: a lone curve is a rounded corner or a rule, and a large drawing is a panel or a chart, which
    `_labels` and the grids judge on their own."""
    curves = [(curve["x0"], curve["top"], curve["x1"], curve["bottom"]) for curve in page.curves]
    area = page.width * page.height
    return [
        box
        for box in _touching(curves, _DRAWING_GAP)
        if (box[2] - box[0]) * (box[3] - box[1]) < area * _DRAWING_AREA
        and sum(box[0] <= c[0] and c[2] <= box[2] and box[1] <= c[1] and c[3] <= box[3] for c in curves)
        >= _DRAWING_CURVES
    ]


_DIAGRAM_BOXES = 3
_DIAGRAM_SHARE = 0.03
_DIAGRAM_SHAPES = 200
"""A diagram of boxes: at least this many outlined rectangles, each under this share of the page, standing apart
from each other, each with text in it (`_diagram_boxes`). A page of more small rectangles than the last is a map or
a chart of many shapes, not read for boxes."""


def _diagram_boxes(page: pdfplumber.page.Page) -> list[_Box]:
    """The boxes of a diagram drawn as outlined rectangles (or rounded ones, drawn as curves) apart from each other
    with text in each: a flow diagram's steps (a trial's participants screened, excluded, randomised), an
    organisation chart's units. Each box holds a
    few short lines, a count and a label, which read as text become paragraphs no one wrote ("3430 Excluded 10
    Younger than 18 y ..."); like a picture's labels (`_labels`) they are the figure's, left out unless set in body
    type. Only rectangles that stroke an outline and touch no other: a table's cells touch their neighbours, and a
    table's shaded rows or a panel behind text are filled, not outlined. Fewer than `_DIAGRAM_BOXES` such boxes is a
    lone framed note or sidebar, kept as text."""
    area = page.width * page.height
    shapes = {
        (rect["x0"], rect["top"], rect["x1"], rect["bottom"])
        for rect in [*page.rects, *page.curves]
        if rect.get("stroke")
        and min(rect["width"], rect["height"]) > _BAR_SLACK
        and rect["width"] * rect["height"] < area * _DIAGRAM_SHARE
    }
    if len(shapes) > _DIAGRAM_SHAPES:
        return []
    apart = [box for box in _touching(list(shapes)) if box in shapes]
    boxes = [
        (x0, top, x1, bottom)
        for x0, top, x1, bottom in apart
        if any(
            x0 <= (c["x0"] + c["x1"]) / 2 <= x1 and top <= (c["top"] + c["bottom"]) / 2 <= bottom for c in page.chars
        )
    ]
    return boxes if len(boxes) >= _DIAGRAM_BOXES else []


def _touching(shapes: list[_Box], gap: float = 1.0) -> list[_Box]:
    """The boxes of `shapes`, those that touch or overlap (no more than `gap` points apart) taken as one."""
    boxes: list[_Box] = []
    for box in shapes:
        while touching := [
            b
            for b in boxes
            if b[0] <= box[2] + gap and box[0] <= b[2] + gap and b[1] <= box[3] + gap and box[1] <= b[3] + gap
        ]:
            boxes = [b for b in boxes if b not in touching]
            box = (
                min(b[0] for b in (box, *touching)),
                min(b[1] for b in (box, *touching)),
                max(b[2] for b in (box, *touching)),
                max(b[3] for b in (box, *touching)),
            )
        boxes.append(box)
    return boxes


def _labels(lines: list[_Line], pictures: list[_Box], body_size: float) -> set[int]:
    """ids of the lines printed over a picture that holds no line in body type: a diagram's labels. Read as text,
    they run together row by row ("Identify Develop", "Recognize Identify and"), words no one wrote in that order.
    A picture with body text over it is a background (a page's tinted panel), and a title set large over a cover
    photo is no label: both are kept."""
    labelled = [box for box in pictures if not any(line.size >= body_size and _in_grid(line, [box]) for line in lines)]
    return {id(line) for line in lines if _in_grid(line, labelled)}


_FIGURE_CURVES = 10
"""A figure drawn in vector shapes: at least this many curves among its shapes, each of some height and width
(`_drawn_figures`). A table is ruled in straight lines and rectangles, or in paths as flat as a line; a diagram's
icons, arrows and markers are drawn as curves."""
_FIGURE_SHAPES = 3000
"""Shapes on a page past which it is not read for drawn figures (`_drawn_figures`): a map of thousands of shapes."""
_PANEL_SHARE = 0.1
"""A filled shape over this share of the page is a panel a figure or text is set on, not a part of a figure
(`_drawn_figures`)."""
_LABEL_REACH = 3.0
"""Sizes of its own type beyond a drawn figure's shapes within which a label stands (`_mark_drawings`): a name set
under its icon, a title over an arrow."""
_DRAWN_LABEL_WORDS = 8
"""Words a drawn figure's label runs to at most, in each of a line's stretches (`_drawn_label`)."""
_FIGURE_TITLE_RE = re.compile(
    r"(?:fig(?:ure)?|table|chart|exhibit|box|map|graph|diagram)\.?\s*[A-Z]?\d+\b", re.IGNORECASE
)
"""A figure's title, naming it by its number ("Figure 2. Recruitment Timeline", "Box 2: Parties to a trust"), set
over or under its drawing: text a reader quotes, not a label (`_drawing_labels`)."""


def _drawn_figures(page: pdfplumber.page.Page) -> list[_Box]:
    """The boxes of the figures a page draws in vector shapes: a diagram of icons joined by arrows (a trust's
    parties, a network's machines and cables). Each box is the union of the curves and lines that touch or stand no
    more than `_DRAWING_GAP` apart, at least `_FIGURE_CURVES` curves among them. Rectangles are left out: a panel's
    title band, a table's cells and a frame round a figure are rectangles, and joined in they would join a figure
    to the text set beside it on its panel. A filled curve over `_PANEL_SHARE` of the page is likewise the
    rounded panel a figure is set on. A figure framed by a rectangle drawn round it takes the frame's box: its
    labels stand anywhere within the frame. Whether the text over a box is a figure's labels is `_drawing_labels`'
    to judge."""
    area = page.width * page.height
    shapes = [
        shape
        for shape in [*page.curves, *page.lines]
        if not (shape.get("fill") and shape["width"] * shape["height"] > area * _PANEL_SHARE)
    ]
    if len(shapes) > _FIGURE_SHAPES:
        return []
    curves = [
        (curve["x0"], curve["top"], curve["x1"], curve["bottom"])
        for curve in page.curves
        if min(curve["width"], curve["height"]) > _BAR_SLACK  # a rule drawn as a path is flat, no figure's curve
    ]
    frames = [(rect["x0"], rect["top"], rect["x1"], rect["bottom"]) for rect in page.rects if rect.get("stroke")]
    boxes = [
        box
        for box in _touching([(s["x0"], s["top"], s["x1"], s["bottom"]) for s in shapes], _DRAWING_GAP)
        if sum(_encloses(box, curve) for curve in curves) >= _FIGURE_CURVES
    ]
    return [min((f for f in frames if _encloses(f, box)), key=_area, default=box) for box in boxes]


def _encloses(outer: _Box, inner: _Box) -> bool:
    """Whether box `inner` lies wholly within box `outer`."""
    return outer[0] <= inner[0] and inner[2] <= outer[2] and outer[1] <= inner[1] and inner[3] <= outer[3]


def _area(box: _Box) -> float:
    """The area of a box."""
    return (box[2] - box[0]) * (box[3] - box[1])


def _mark_drawings(page: pdfplumber.page.Page, lines: list[_Line]) -> None:
    """Mark each line that stands wholly within a drawn figure's box (`_drawn_figures`), or beside it within
    `_LABEL_REACH` of its own type size, with that box (`_Line.drawing`): a label under an icon stands below the
    icon's shapes, a title over an arrow above it. A line within one figure's box and beside another's (the title
    of a chart set right under another chart) is the one's it stands in."""
    boxes = _drawn_figures(page) + _axis_charts(page, lines) + _framed_pictures(page)
    plots = _plots(page)
    for line in lines:
        line.plotted = any(_encloses(plot, (line.x0, line.top, line.x1, line.bottom)) for plot in plots)
        reach = _LABEL_REACH * line.size
        near = [
            box
            for box in boxes
            if box[0] - reach <= line.x0
            and line.x1 <= box[2] + reach
            and box[1] - reach <= line.top
            and line.bottom <= box[3] + reach
        ]
        line.drawing = _nearest_drawing(line, near)


def _nearest_drawing(line: _Line, near: list[_Box]) -> _Box | None:
    """The figure, of the boxes `near` a line stands within or beside (`_mark_drawings`), whose the line is: the one
    it stands in, else the first. A box that takes in another of them is passed over for it: a chart's shapes
    and the rules of the tables set beside it, joined across their gaps (`_drawn_figures`), make one box over the
    chart, the tables and the text between, where the chart's own box (`_axis_charts`) is the figure its labels
    belong to; judged by the joined box, the chart's labels were kept with the tables' text."""
    tight = [box for box in near if not any(other != box and _encloses(box, other) for other in near)]
    within = [box for box in tight if _encloses(box, (line.x0, line.top, line.x1, line.bottom))]
    return (within or tight or [None])[0]


_TICK_RE = re.compile(r"[-+−–]?[$€£]?(?:\d{1,3}(?:,\d{3})+|\d+)(?:\.\d+)?%?")
"""A value on a chart's axis: a number, with a sign, a currency or a percent sign ("600", "2.5", "10%", "$50"). A
journal may set a minus as an en dash ("–0.5")."""
_TICKS = 3
"""Values a chart's axis shows at least (`_axis_charts`); two numbers in a row are any table's."""
_TICK_STEP = 0.1
"""Share of the step between an axis's values by which any one step may differ from the first (`_axis_charts`)."""
_TICK_REACH = 2.0
"""Ems between an axis's value and the gridline or tick mark it is set against (`_axis_charts`)."""
_PAGE_FRAME = 0.5
"""A shape over this share of the page is a frame round the page or a page's ground, no chart's (`_axis_charts`)."""


def _axis_charts(page: pdfplumber.page.Page, lines: list[_Line]) -> list[_Box]:
    """The boxes of the charts a page draws with a value axis: its values (`_TICK_RE`) a column of lines or a row
    of one line, at least `_TICKS`, rising or falling in order at even steps, each set against a gridline or tick
    mark drawn across its place (`_axis_values`). A chart drawn with few or flat curves (a line chart's three
    series, a dot plot's strokes) or with rectangles is no drawn figure (`_drawn_figures`), yet its labels read as
    text all the same ("600", "500", ..., "0 Jan Feb Mar"). A table's column of figures stands between its rules,
    not on them, and its figures follow no even steps. The chart's box is the union of the shapes that overlap the
    axis's gridlines, taken as one (`_touching`: a frame or a ground drawn round the chart takes in all of it),
    with the axis's values; the frame round a page is no chart's."""
    area = page.width * page.height
    shapes = [
        (shape["x0"], shape["top"], shape["x1"], shape["bottom"])
        for shape in [*page.rects, *page.lines, *page.curves]
        if shape["width"] * shape["height"] <= area * _PAGE_FRAME
    ]
    if len(shapes) > _FIGURE_SHAPES:
        return []  # a map's thousands of shapes: not read for charts, as for drawn figures
    rules = [shape for shape in shapes if min(shape[2] - shape[0], shape[3] - shape[1]) <= _BAR_SLACK]
    boxes: list[_Box] = []
    for ticks in _axis_values(lines, rules):
        axis = (
            min(tick[0] for tick in ticks),
            min(tick[1] for tick in ticks),
            max(tick[2] for tick in ticks),
            max(tick[3] for tick in ticks),
        )
        _mark_axis_values(lines, ticks)
        drawn = [box for box in _touching(shapes) if any(_overlaps_box(box, tick) for tick in ticks)]
        boxes.append(
            (
                min(box[0] for box in (axis, *drawn)),
                min(box[1] for box in (axis, *drawn)),
                max(box[2] for box in (axis, *drawn)),
                max(box[3] for box in (axis, *drawn)),
            )
        )
    return boxes


def _mark_axis_values(lines: list[_Line], ticks: list[_Box]) -> None:
    """Mark each line of nothing but numbers whose middle stands in one of an axis's values' boxes (`ticks`,
    `_axis_values`) with its type's size (`_Line.tick`): the axis's values, found by where they stand, and the size
    a chart's labels are set in. A journal may set a chart's labels a size under its body by a hair (8.6 points
    against 9), too little to tell them from the text by size, where their place on the axis tells them at once."""
    for line in lines:
        if (_TICK_RE.fullmatch(line.text) or _figures_in(line)) and _in_grid(line, ticks):
            line.tick = max(line.tick, line.size)


_SERIES = 3
"""Fill colours a chart drawn in filled shapes shows at least (`_plots`): a pie's slices, a stacked chart's series.
A diagram's boxes share a colour or two, and a panel is one."""


def _plots(page: pdfplumber.page.Page) -> list[_Box]:
    """The boxes of the plots a page draws in filled curves that overlap each other, in `_SERIES` colours or more
    (white aside): a pie's or a donut's slices, each a curve whose box overlaps the next's. Text set inside such a
    plot is the chart's (a donut's total in its hole, "Total", "1,153", "Victims", set larger than the text and bold
    as a heading is), no heading of the text after it. A diagram's boxes stand apart, and a map of thousands of
    shapes is not read (`_FIGURE_SHAPES`)."""
    if len(page.curves) > _FIGURE_SHAPES:
        return []
    filled = [
        curve
        for curve in page.curves
        if curve.get("fill")
        and min(curve["width"], curve["height"]) > _BAR_SLACK
        and not _near_white(curve.get("non_stroking_color"), _PAPER)
    ]
    boxes = [(curve["x0"], curve["top"], curve["x1"], curve["bottom"]) for curve in filled]
    return [
        plot
        for plot in _touching(boxes, 0.0)
        if len({str(curve.get("non_stroking_color")) for curve in filled if _encloses(plot, _box_of(curve))}) >= _SERIES
    ]


def _box_of(shape: dict) -> _Box:
    """The box of one of pdfplumber's shapes or characters."""
    return (shape["x0"], shape["top"], shape["x1"], shape["bottom"])


def _framed_pictures(page: pdfplumber.page.Page) -> list[_Box]:
    """The boxes of the frames drawn round a picture: a chart pasted as an image, framed with its title over it
    and its legend under it in text of the page's ("Civilian casualties by type of perpetrators", its swatches'
    names). The picture's own labels are left out as any picture's are (`_labels`); its legend and title stand
    outside it, but within its frame, which is the figure's box. A frame round a page, or round a page's columns,
    is no figure's (`_PAGE_FRAME`)."""
    area = page.width * page.height
    pictures = [(image["x0"], image["top"], image["x1"], image["bottom"]) for image in page.images]
    return [
        frame
        for rect in page.rects
        if rect.get("stroke")
        and rect["width"] * rect["height"] <= area * _PAGE_FRAME
        and any(_encloses(frame := (rect["x0"], rect["top"], rect["x1"], rect["bottom"]), box) for box in pictures)
    ]


def _overlaps_box(box: _Box, other: _Box) -> bool:
    """Whether two boxes overlap or touch."""
    return box[0] <= other[2] and other[0] <= box[2] and box[1] <= other[3] and other[1] <= box[3]


_Tick = tuple[float, float, float, float, float]
"""An axis's value: its box (x0, top, x1, bottom) and the number it shows."""


def _axis_values(lines: list[_Line], rules: list[_Box]) -> list[list[_Box]]:
    """The boxes of the value axes' values (`_axis_charts`): for each axis, its values' boxes, each widened to take
    in the gridline or tick mark in `rules` it stands against. A column axis's values are lines of one number each,
    their right edges in line, a row axis's the numbers of one line. Panels stacked or set side by side repeat
    their axes in one column or on one line: each run of values rising or falling at one step is an axis
    (`_tick_runs`)."""
    columns: list[list[_Line]] = []
    for line in sorted((line for line in lines if _TICK_RE.fullmatch(line.text)), key=lambda line: line.x1):
        if columns and line.x1 - columns[-1][-1].x1 <= _BAR_SLACK:
            columns[-1].append(line)
        else:
            columns.append([line])
    found = []
    for column, axes in [
        (True, [[(line.x0, line.top, line.x1, line.bottom, _tick_value(line.text)) for line in c] for c in columns]),
        (False, [ticks for line in lines if (ticks := _figures_in(line))]),
    ]:
        for axis in axes:
            for run in (run for run in _tick_runs(axis, column) if len(run) >= _TICKS):
                ticked = [_ticked(tick[:4], rules, column) for tick in run]
                if all(ticked):
                    found.append([tick for tick in ticked if tick is not None])
    return found


def _tick_runs(ticks: list[_Tick], column: bool) -> list[list[_Tick]]:
    """`ticks` in runs down a column (or along a row), each run's values all rising or all falling, its places an
    even step apart (within `_TICK_STEP` of its first step)."""

    def place(tick: _Tick) -> float:
        return (tick[1] + tick[3]) / 2 if column else (tick[0] + tick[2]) / 2

    runs: list[list[_Tick]] = []
    for tick in sorted(ticks, key=place):
        run = runs[-1] if runs else []
        if len(run) == 1:
            joins = tick[4] != run[0][4]
        elif len(run) > 1:
            step, rise = place(run[1]) - place(run[0]), run[1][4] - run[0][4]
            joins = abs(place(tick) - place(run[-1]) - step) <= _TICK_STEP * step and (tick[4] - run[-1][4]) * rise > 0
        else:
            joins = False
        if joins:
            run.append(tick)
        else:
            runs.append([tick])
    return runs


def _tick_value(text: str) -> float:
    """The number an axis's value shows (`_TICK_RE`), its sign, currency, percent sign and thousands' commas aside."""
    return float(re.sub(r"[^\d.-]", "", text.replace("−", "-").replace("–", "-")))


def _figures_in(line: _Line) -> list[_Tick]:
    """The numbers of a line, each with its box and value, if each of its words is one (`_TICK_RE`), else none:
    a row axis's values."""
    words: list[list[dict]] = []
    for char in line.chars:
        if char["text"].isspace():
            words.append([])
        elif words and words[-1] and char["x0"] - words[-1][-1]["x1"] <= _LETTER_GAP * line.size:
            words[-1].append(char)
        else:
            words.append([char])
    texts = ["".join(c["text"] for c in word) for word in words if word]
    if not all(_TICK_RE.fullmatch(text) for text in texts):
        return []
    return [
        (word[0]["x0"], line.top, word[-1]["x1"], line.bottom, _tick_value(text))
        for word, text in zip([word for word in words if word], texts, strict=True)
    ]


def _ticked(tick: _Box, rules: list[_Box], column: bool) -> _Box | None:
    """The box of an axis's value widened to the gridline or tick mark drawn across its place, or None: a column
    axis's value has a level rule starting within `_TICK_REACH` ems right of it, its middle on the rule's height; a
    row axis's value an upright one ending within that reach over it, its middle on the rule's x."""
    size = tick[3] - tick[1]
    reach = _TICK_REACH * size
    for rule in rules:
        if column:
            level = abs((rule[1] + rule[3]) / 2 - (tick[1] + tick[3]) / 2) <= size / 2
            if level and rule[2] > tick[2] and rule[0] <= tick[2] + reach:
                return (tick[0], min(tick[1], rule[1]), max(tick[2], rule[2]), max(tick[3], rule[3]))
        else:
            under = abs((rule[0] + rule[2]) / 2 - (tick[0] + tick[2]) / 2) <= size / 2
            if under and rule[1] < tick[1] and rule[3] >= tick[1] - reach:
                return (min(tick[0], rule[0]), min(tick[1], rule[1]), max(tick[2], rule[2]), tick[3])
    return None


_TITLE_CENTRE = 0.1
"""Share of a drawn chart's width by which its title's middle may stand off the chart's middle (`_chart_title`)."""


def _mark_chart_titles(page: pdfplumber.page.Page, lines: list[_Line]) -> None:
    """Mark each line that titles a drawn figure (`_chart_title`) as its caption (`_Line.caption`), read as a box's
    text (`_Line.shade`, numbered after the page's shaded boxes).

    A chart framed as a block of its own carries its title inside the frame, over its plot ("Trends in violence
    affecting civilians by ..."), set bold as a heading is. Taken for a heading, the title filed the text after the
    chart under its name, and, being no label, it kept the chart's labels in the text (`_drawing_labels`). As a
    box's text it is a paragraph of its own, and a sentence that runs from the page before the chart to the page
    after is read whole before it (`_run_on_past_boxes`)."""
    shapes = [(s["x0"], s["top"], s["x1"], s["bottom"]) for s in [*page.rects, *page.curves, *page.lines]]
    number = max((line.shade for line in lines), default=0)
    for box in {line.drawing for line in lines if line.drawing is not None}:
        plot = [shape for shape in shapes if _encloses(box, shape) and not _encloses(shape, box)]  # the frame aside
        titles = [line for line in lines if line.drawing == box and _chart_title(line, box, plot)]
        number += bool(titles)
        for line in titles:
            line.caption = True
            line.shade = number


def _chart_title(line: _Line, box: _Box, plot: list[_Box]) -> bool:
    """Whether a line titles the drawn figure in `box` whose shapes are `plot`: it stands within the box, over every
    shape, centred on the box (within `_TITLE_CENTRE` of its width), and ends no sentence (a paragraph's line over
    a figure ends one, or runs the text's full width off its middle). A title set over two lines may end its first
    at a colon ("Performance on Freedom of Expression:" over "Telecommunications Companies")."""
    width = box[2] - box[0]
    end = _SENTENCE_END_RE.search(line.text)
    return (
        _encloses(box, (line.x0, line.top, line.x1, line.bottom))
        and all(line.bottom <= shape[1] for shape in plot)
        and abs((line.x0 + line.x1) / 2 - (box[0] + box[2]) / 2) <= _TITLE_CENTRE * width
        and (end is None or end[0].startswith(":"))
    )


_TITLE_SPAN = 0.5
"""Share of a picture's width a title over it spans at most (`_mark_picture_titles`): a line of the text over a
banner drawn across the page's foot spans as wide as the banner."""


def _mark_picture_titles(body: list[_Line], pictures: list[list[_Box]]) -> None:
    """Mark each line that titles a picture (`_pictures`: a map, a photograph) as its caption (`_Line.caption`),
    read as a box's text (`_Line.shade`, numbered after the page's shaded boxes), as a chart's title is
    (`_mark_chart_titles`): it stands over the picture within `_LABEL_REACH` of its own size, centred on it
    (within `_TITLE_CENTRE` of its width), no wider than `_TITLE_SPAN` of it, and ends no sentence. A map's title
    set so ("Location of Violence Affecting Civilians in South Sudan") is the map's name; taken for a heading, it
    filed the pages after the map under it. `body` is the lines kept: the last of them over the picture ends its
    paragraph (`_Line.before_chart`). A picture with text kept over it is a background (`_labels`), and the line
    over it the heading of that text ("Our Impact" over a photograph its figures are set on)."""
    for page, boxes in enumerate(pictures, start=1):
        lines = [line for line in body if line.page == page]
        number = max((line.shade for line in lines), default=0)
        for box in (box for box in boxes if not any(_in_grid(line, [box]) for line in lines)):
            titles = [
                line
                for line in lines
                if 0 <= box[1] - line.bottom <= _LABEL_REACH * line.size
                and box[0] <= line.x0
                and line.x1 <= box[2]
                and line.x1 - line.x0 <= _TITLE_SPAN * (box[2] - box[0])
                and abs((line.x0 + line.x1) / 2 - (box[0] + box[2]) / 2) <= _TITLE_CENTRE * (box[2] - box[0])
                and not _SENTENCE_END_RE.search(line.text)
            ]
            number += bool(titles)
            for line in titles:
                line.caption = True
                line.shade = number
            if titles:
                max(titles, key=lambda line: line.bottom).before_chart = True  # the picture stands after it


def _drawing_labels(pages: list[list[_Line]], body_size: float) -> set[int]:
    """ids of the labels of the figures drawn in vector shapes (`_Line.drawing`): the names under a diagram's icons,
    the words along its arrows. Read as text they run together row by row ("Protector Settlor", "Reinhard P&A
    Corporate Blythe Europe"), short lines in small type a reader takes for headings; like a picture's labels
    (`_labels`) they are the figure's, left out. A box that a line which is no label (`_drawn_label`) crosses, even
    in part, is no figure: a call-out, a shaded panel or a table of text drawn round with shapes keeps all its
    lines, as does a page's head whose rules and badges join across its columns. A figure's
    title (`_FIGURE_TITLE_RE`) set within its rules is neither: it is kept, and the figure's labels left out."""
    dropped: set[int] = set()
    for lines in pages:
        untitled = [line for line in lines if not _FIGURE_TITLE_RE.match(line.text) and not line.caption]
        for box in {line.drawing for line in untitled if line.drawing is not None}:
            axis = max((line.tick for line in untitled if line.drawing == box), default=0.0)
            if any(_overlaps(line, box) and not _chart_label(line, body_size, axis) for line in untitled):
                continue
            dropped |= {id(line) for line in untitled if line.drawing == box and _chart_label(line, body_size, axis)}
    return dropped


def _figure_area_labels(pages: list[list[_Line]], drawn: set[int], dropped: set[int]) -> set[int]:
    """ids of the short lines standing in a drawn figure's area over its caption: a panel's letter ("a"), a panel's
    title ("CTR"), an axis's title ("Time Of Day"), set in type as large as the text's or larger, beside the plot
    rather than in it, and so out of the reach `_drawing_labels` judges by. The area is the caption's column above a
    caption that names the figure by its number (`_FIGURE_TITLE_RE`, "Fig. 1 Average 24-h ..."), up to the first
    line of text (`_area_ends`); it is a figure's if it holds labels `_drawing_labels` left out (`drawn`). Taken for
    headings, the labels filed the caption and the text after the figure under "Time Of Day". Lines already left out
    (`dropped`: the page's running head over the figure) are passed over."""
    found: set[int] = set()
    for lines in pages:
        for caption in (line for line in lines if _FIGURE_TITLE_RE.match(line.text) and id(line) not in dropped):
            above = sorted(
                (
                    line
                    for line in lines
                    if line.bottom <= caption.top
                    and caption.x0 - caption.size <= line.x0
                    and line.x1 <= caption.x1 + caption.size
                    and id(line) not in dropped
                ),
                key=lambda line: -line.bottom,
            )
            area = list(
                takewhile(lambda line, caption=caption: id(line) in drawn or not _area_ends(line, caption), above)
            )
            if any(id(line) in drawn for line in area):
                found |= {id(line) for line in area if id(line) not in drawn}
    return found


def _area_ends(line: _Line, caption: _Line) -> bool:
    """Whether a line over a figure's caption ends the figure's area (`_figure_area_labels`): it ends a sentence,
    runs past a label's words (`_drawn_label`), or starts at the caption's column edge, as the text and its headings
    do; a figure's labels stand within its drawing, off that edge."""
    return not _drawn_label(line, math.inf) or abs(line.x0 - caption.x0) <= _BAR_SLACK


def _chart_label(line: _Line, body_size: float, axis: float) -> bool:
    """Whether a line reads as a drawn figure's labels (`_drawn_label`), its size aside where its place tells: set
    inside a chart's plot (`_Line.plotted`), or in the type of the chart's axis values or smaller (`axis`, 0 for a
    figure with no axis), a line is the chart's in any size if it ends no sentence and runs to a label's words."""
    return _drawn_label(line, math.inf if line.plotted or line.size <= axis else body_size)


def _overlaps(line: _Line, box: _Box) -> bool:
    """Whether any part of a line lies inside a box, by more than `_BAR_SLACK`: a line's descenders may reach a
    point into a frame drawn right under it."""
    return (
        line.x0 < box[2] - _BAR_SLACK
        and box[0] + _BAR_SLACK < line.x1
        and line.top < box[3] - _BAR_SLACK
        and box[1] + _BAR_SLACK < line.bottom
    )


def _mark_before_drawings(pages: list[list[_Line]], drawn: set[int], dropped: set[int]) -> None:
    """Mark the line read straight before a drawn figure's labels (`drawn`, `_drawing_labels`), the lines left out
    (`dropped`) aside, as a chart's (`_mark_before_charts`): the figure stands between it and the next line kept. A
    figure may open a page, its caption under it, after a paragraph the page before ends mid-sentence: run on, the
    paragraph would take in the caption ("... only has an Figure 2: Average predicted ..."), where the page prints
    the figure between them."""
    kept = [line for lines in pages for line in lines if id(line) not in dropped or id(line) in drawn]
    _mark_before_charts(kept, drawn - _passed_under(kept, drawn))


def _passed_under(lines: list[_Line], drawn: set[int]) -> set[int]:
    """ids of the drawn figures' labels (`drawn`) that reading order passes between two lines of their page that
    both stand below the figure: a chart set over a page's two columns has its right half's labels read with the
    right column, after the left column's foot and before the right column's head. The chart stands between
    neither, and the sentence that runs from one column to the next is read whole, as the page prints it."""
    passed: set[int] = set()
    for start in range(1, len(lines)):
        if id(lines[start]) not in drawn or id(lines[start - 1]) in drawn:
            continue
        end = start
        while end < len(lines) and id(lines[end]) in drawn:
            end += 1
        run, before = lines[start:end], lines[start - 1]
        if end < len(lines) and all(
            line.drawing is not None
            and before.page == lines[end].page == line.page
            and min(before.top, lines[end].top) >= line.drawing[3]
            for line in run
        ):
            passed |= {id(line) for line in run}
    return passed


def _drawn_label(line: _Line, body_size: float) -> bool:
    """Whether a line reads as a drawn figure's labels: set smaller than the body (by `_NOTE_SIZE` at least: a
    letter's close signed under a drawn signature is in the body's type), ending no sentence, each of its stretches
    (`_labels_of`, the labels a row of them runs together) no more than `_DRAWN_LABEL_WORDS` words."""
    return (
        line.size < body_size * _NOTE_SIZE
        and not _SENTENCE_END_RE.search(line.text)
        and len(line.text.split()) <= _DRAWN_LABEL_WORDS * len(_labels_of(line))
    )


_BARS = 3
"""A chart's bars: at least this many filled rectangles standing on one baseline (their bottoms level, or their left
edges in line), each as thick as the next, of at least this many lengths (`_bars`)."""
_BAR_SLACK = 1.0
"""Points by which two bars' baselines, thicknesses or lengths may differ and still count as the same."""
_AXIS_REACH = 4.0
"""Ems beside a chart's bars within which its axis's values stand (`_chart_labels`)."""
_LABEL_SPACE = 2.0
"""Times a line's narrowest space between words a gap must measure to part two of a chart's labels (`_labels_of`)."""
_LABEL_STEP = 1.5
"""Line heights apart a chart's lines of words may stand (`_chart_labels`): its categories' names stand a little more
than a line under its axis's lowest value (measured 1.05)."""
_AXIS_STEP = 2.0
"""Line heights apart a chart's lines of figures may stand (`_chart_labels`): an axis's values a tick apart, a
legend's years a swatch apart; its lines of words follow each other a line apart."""


def _bars(page: pdfplumber.page.Page) -> list[_Box]:
    """The boxes of a page's bar charts' plots: runs of `_BARS` filled rectangles or more on one baseline, of one
    thickness and several lengths, a chart's values drawn as bars (upright, their bottoms level; or lying, their
    left edges in line). Filled rectangles that are no bars (a table's shaded cells, a panel behind text, a row's
    tint) line up too, but at one length: a row of shaded cells is as tall as each other, a column of them as wide.
    The rectangles are sorted into runs (`_alike`), not each compared with each: a map's page of thousands of shapes
    stays quick to read."""
    filled = [rect for rect in page.rects if rect.get("fill") and min(rect["width"], rect["height"]) > _BAR_SLACK]
    boxes: list[_Box] = []
    for base, thickness, length in (("bottom", "width", "height"), ("x0", "height", "width")):
        runs = [alike for level in _alike(filled, base) for alike in _alike(level, thickness)]
        for run in runs:
            lengths = sorted(rect[length] for rect in run)
            if len(run) >= _BARS and sum(b - a > _BAR_SLACK for a, b in pairwise(lengths)) + 1 >= _BARS:
                boxes.append(
                    (
                        min(rect["x0"] for rect in run),
                        min(rect["top"] for rect in run),
                        max(rect["x1"] for rect in run),
                        max(rect["bottom"] for rect in run),
                    )
                )
    return boxes


def _alike(rects: list[dict], key: str) -> list[list[dict]]:
    """`rects` in runs whose `key` values step by no more than `_BAR_SLACK` from one to the next, in sorted order."""
    runs: list[list[dict]] = []
    for rect in sorted(rects, key=lambda rect: rect[key]):
        if runs and rect[key] - runs[-1][-1][key] <= _BAR_SLACK:
            runs[-1].append(rect)
        else:
            runs.append([rect])
    return runs


def _label_line(line: _Line, body_size: float) -> bool:
    """Whether a line could be a chart's labels: set smaller than the body, each stretch of it (`_labels_of`) a few
    words at most (`_CELL_WORDS`), as a bar's value, a category's name or a legend's entry is. A sentence in small
    type (a chart's note, its source) has more words in a stretch, and body type is the text's own, unless the line
    holds nothing but figures (`_figure_row`)."""
    if line.size >= body_size and not _figure_row(line):
        return False
    return all(
        len("".join(c["text"] for c in line.chars if x0 <= c["x0"] and c["x1"] <= x1).split()) <= _CELL_WORDS
        for x0, x1 in _labels_of(line)
    )


def _figure_row(line: _Line) -> bool:
    """Whether a line holds nothing but figures (`_FIGURE_RE`: `79 63 54 100 %`): a chart's values over its bars,
    set in the text's size or larger by some designers, are no sentence in any size; a line of prose has words."""
    return all(_FIGURE_RE.fullmatch(token) for token in line.text.split())


def _labels_of(line: _Line) -> list[tuple[float, float]]:
    """The stretches of a line its wide gaps part: a gap wider than `_LABEL_SPACE` of its narrowest space between
    words, or than a gutter (`_GUTTER_GAP`), parts two stretches.

    A chart's labels under its bars may stand closer than a gutter, half an em apart ("P3. Collection  P4. Sharing
    of  P5. Purpose for", each label under its bar), yet always wider apart than the words of one label; in a line of
    prose, all spaces between words are one width (justified text stretches each space of a line alike)."""
    glyphs = [c for c in line.chars if not c["text"].isspace()] or line.chars
    gaps = [b["x0"] - a["x1"] for a, b in pairwise(glyphs)]
    spaces = [gap for gap in gaps if gap > _LETTER_GAP * line.size]
    limit = min(_LABEL_SPACE * min(spaces, default=line.size), _GUTTER_GAP * line.size)
    stretches = [(glyphs[0]["x0"], glyphs[0]["x1"])]
    for gap, glyph in zip(gaps, glyphs[1:], strict=True):
        if gap > limit:
            stretches.append((glyph["x0"], glyph["x1"]))
        else:
            stretches[-1] = (stretches[-1][0], max(stretches[-1][1], glyph["x1"]))
    return stretches


def _chart_labels(lines: list[_Line], bars: list[_Box], body_size: float) -> set[int]:
    """ids of the lines that label a bar chart (`_bars`): its values over the bars, its axis's figures beside them,
    its categories' names under them and its legend, as far as such lines (`_label_line`) run on from the bars,
    each no more than `_LABEL_STEP` line heights from the last (a line of figures `_AXIS_STEP`). Read row by row as
    the page's text they run together (`0 Google 58 56 50 47 41`, `Yahoo Microsoft Twitter, Kakao`), words no one
    wrote in that order; a reader reads them off the chart, not as sentences. A plot with a line in body type over
    it is a panel behind text, not a chart, and is left as it is; the chart's caption and title (in larger type)
    and its notes (sentences) stay."""
    found: set[int] = set()
    for left, top, right, bottom in bars:
        if any(line.size >= body_size and _in_grid(line, [(left, top, right, bottom)]) for line in lines):
            continue
        reach = _AXIS_REACH * body_size
        near = [
            line
            for line in lines
            if line.x1 >= left - reach and line.x0 <= right + reach and _label_line(line, body_size)
        ]
        grown = True
        while grown:
            grown = False
            for line in near:
                height = (line.bottom - line.top) * _LABEL_STEP
                if _figure_row(line):
                    height = (line.bottom - line.top) * _AXIS_STEP
                if id(line) not in found and line.bottom >= top - height and line.top <= bottom + height:
                    found.add(id(line))
                    top, bottom = min(top, line.top), max(bottom, line.bottom)
                    grown = True
    return found


def _in_grid(line: _Line, grids: list[_Box]) -> bool:
    """Whether a line's middle lies inside one of its page's grids."""
    x, y = (line.x0 + line.x1) / 2, (line.top + line.bottom) / 2
    return any(left <= x <= right and top <= y <= bottom for left, top, right, bottom in grids)


_LEGIBLE = 3.0
"""Points below which no reader reads a character: a side tab's label hidden in its drawing ("Letter" at 1.9
points, its glyphs piled on each other) glued to the line beside it. A space that small still parts the words it
stands between (a footer's "RIGHTS 2017")."""


_INVISIBLE_MARKS = frozenset("\u200b\u200c\u200d\u2060\ufeff")
"""Zero-width spaces, joiners and the word joiner: format characters no reader sees (the judge's `normalize` drops
them). Google Docs' PDF export draws each in a font of its own (Gautami) whose line box stands lower than the text's,
before and after a link or a change of style ("charge,\u200b \u200bin a public registry"); read as characters of the
line they split it into runs and words ("i n", "A nonymous")."""


def _on_page(page: pdfplumber.page.Page) -> list[dict]:
    """The page's characters that stand on it: text a layout program leaves outside the page's box (a running head
    pushed off the edge) is printed nowhere a reader sees, and pdftotext leaves it out too; nor does a reader see
    text set too small to read (`_LEGIBLE`), or a zero-width format character (`_INVISIBLE_MARKS`)."""
    left, top, right, bottom = page.bbox
    return [
        c
        for c in page.chars
        if c["x1"] > left
        and c["x0"] < right
        and c["bottom"] > top
        and c["top"] < bottom
        and (c["size"] >= _LEGIBLE or c["text"].isspace())
        and c["text"] not in _INVISIBLE_MARKS
    ]


CATALOGUE_GLYPHS = {
    "H11001": "+",
    "H11003": "×",
    "H11005": "=",
    "H11006": "±",
    "H11021": "<",
    "H11022": ">",
    "H11034": "°",
    "H11349": "≤",
    "H11350": "≥",
}
"""The glyph names of Linotype's Mathematical Pi fonts (catalogue numbers, the same in every file that embeds one),
for the signs of a result: "≥3 doses". They stand in no glyph list pdfminer knows, so a font that maps its codes by
these names alone, with no ToUnicode map, reads "(cid:2)", and the parser would drop the sign ("with 3 doses").
Only names several independent tables agree on are listed. (poppler reads such a name as the code point of its
number, "ⱖ" for "H11350": the judge reads those back, `eval.reference._pdftotext`.)"""
_CID_RE = re.compile(r"\(cid:(\d+)\)")


def _named_glyphs(page: pdfplumber.page.Page, chars: list[dict]) -> list[dict]:
    """The characters with each glyph pdfminer could not map (`_UNMAPPED_RE`) read from its name in its font's
    encoding (`_glyph_names`) where that name is a known one (`CATALOGUE_GLYPHS`); any other stays unmapped."""
    unmapped = [(char, int(found.group(1))) for char in chars if (found := _CID_RE.fullmatch(char["text"]))]
    names = _glyph_names(page.page_obj.resources) if unmapped else {}
    for char, code in unmapped:
        name = names.get((char["fontname"], code))
        if name in CATALOGUE_GLYPHS:
            char["text"] = CATALOGUE_GLYPHS[name]
    return chars


def _glyph_names(resources: object, seen: set[int] | None = None) -> dict[tuple[str, int], str]:
    """(font name, code) to the glyph name its encoding's Differences give the code, for the fonts of a page's
    resources and of the forms drawn on it."""
    seen = set() if seen is None else seen
    resources = resolve1(resources)
    if not isinstance(resources, dict) or id(resources) in seen:
        return {}
    seen.add(id(resources))
    names: dict[tuple[str, int], str] = {}
    for font in (resolve1(font) for font in (resolve1(resources.get("Font")) or {}).values()):
        if not isinstance(font, dict):
            continue
        descriptor = resolve1(font.get("FontDescriptor")) or {}
        fonts = {_name(font.get("BaseFont")), _name(descriptor.get("FontName"))} - {""}
        names.update({(font_name, code): name for code, name in _differences(font).items() for font_name in fonts})
    for form in (resolve1(form) for form in (resolve1(resources.get("XObject")) or {}).values()):
        if isinstance(form, PDFStream):
            names.update(_glyph_names(form.get("Resources"), seen))
    return names


def _differences(font: Mapping[str, object]) -> dict[int, str]:
    """Code to glyph name, as a simple font's encoding names its glyphs in its Differences (none where it has none)."""
    encoding = resolve1(font.get("Encoding"))
    names: dict[int, str] = {}
    code = 0
    for item in (resolve1(encoding.get("Differences")) or []) if isinstance(encoding, dict) else []:
        if isinstance(item, int):
            code = item
        elif isinstance(item, PSLiteral):
            names[code] = item.name
            code += 1
    return names


def private_ligatures(font: Mapping[str, object], mapped: Mapping[int, str]) -> dict[int, str]:
    """Code to letters, for each code a simple font's ToUnicode map (`mapped`) reads as a private-use character, where
    the name its Differences give the glyph spells letters by the Adobe Glyph List's rules ("T_h" is "Th").

    A private-use character says nothing of what prints: a Word export maps Utopia's "Th" ligature (glyph "T_h") to
    U+E031, so "The Kyrgyz Republic" reads "\ue031e Kyrgyz Republic", and a reader of text drops the character. The
    glyph's name in the file is what the typesetter drew, and a ligature's name joins its letters' names. A name that
    spells no letters (a bullet's, one no glyph list knows) leaves the character as it is, and so does a code the
    Differences do not name: a base encoding's letter for the code is no name of the glyph (an emoji font's code 75
    is no "K")."""
    letters: dict[int, str] = {}
    names = _differences(font)
    for code, text in mapped.items():
        if len(text) != 1 or unicodedata.category(text) != "Co" or code not in names:
            continue
        try:
            spelled = name2unicode(names[code])
        except KeyError:  # a name no glyph list knows
            continue
        if spelled.isalpha():
            letters[code] = spelled
    return letters


def _name(value: object) -> str:
    value = resolve1(value)
    return value.name if isinstance(value, PSLiteral) else ""


_PAPER = 0.1
"""How far (in RGB, each channel 0 to 1) a character's fill may be from white and still be the page's own colour."""

_CONTRAST = 0.5
"""How far (RGB distance) a filled shape's colour must be from white for white text on it to be read: a badge's
green or a banner's dark blue, not a near-white tint."""


def _rgb(colour: object) -> tuple[float, ...] | None:
    """A fill colour as pdfplumber gives it (one grey level, alone or in a tuple; three RGB or four CMYK
    components) in RGB, else None (a pattern or a colour space of its own, which says nothing of what is seen)."""
    if isinstance(colour, (int, float)):
        colour = (colour,)
    if not isinstance(colour, (tuple, list)) or not all(isinstance(c, (int, float)) for c in colour):
        return None
    if len(colour) == 1:
        return (float(colour[0]),) * 3
    if len(colour) == 3:
        return tuple(float(c) for c in colour)
    if len(colour) == 4:
        cyan, magenta, yellow, black = colour
        return tuple((1 - c) * (1 - black) for c in (cyan, magenta, yellow))
    return None


def _near_white(colour: object, distance: float) -> bool:
    """Whether a colour is known (`_rgb`) and within `distance` of white (RGB, each channel 0 to 1)."""
    rgb = _rgb(colour)
    return rgb is not None and sum((1 - c) ** 2 for c in rgb) ** 0.5 < distance


_PROCESS_SPACES = frozenset({"DeviceGray", "DeviceRGB", "DeviceCMYK", "ICCBased"})
"""Colour spaces whose values say the colour (`_rgb`): in a spot colour's (Separation) a value of 1 is full ink."""

_DRAWN = {"LTChar": "char", "LTRect": "rect", "LTCurve": "curve", "LTLine": "line", "LTImage": "image"}
"""pdfminer's layout objects by the kind pdfplumber lists them under."""


def _drawing_order(page: pdfplumber.page.Page) -> dict[int, int]:
    """The place in the page's content stream of each of pdfplumber's characters, shapes and images, by id:
    pdfplumber lists each kind in the order the page draws it, and pdfminer's layout keeps all kinds in one."""
    counts: Counter[str] = Counter()
    order: dict[int, int] = {}

    def walk(objects: Iterable[object]) -> None:
        for obj in objects:
            if kind := _DRAWN.get(type(obj).__name__):
                listed = page.objects.get(kind, [])
                if counts[kind] < len(listed):
                    order[id(listed[counts[kind]])] = len(order)
                counts[kind] += 1
            walk(getattr(obj, "_objs", ()))

    walk(page.layout._objs)
    return order


def _visible(page: pdfplumber.page.Page, chars: list[dict]) -> list[dict]:
    """The characters a reader sees: without white text on the white page.

    A typesetter leaves placeholders in the file painted white where nothing is filled behind them (a
    Crossmark box's "a1111111111" lines, stacked in the first page's margin, under the box's logo): on paper they
    are not there, and read they make a column of their own out of the margin's record. White text drawn over a
    coloured shape (a badge, a banner: further than `_CONTRAST` from white, or a picture) drawn before it is what
    the shape says, and stays; a shape drawn after it covers it. A character in a colour that is not known is kept.
    """
    white = [
        c
        for c in chars
        if not c["text"].isspace() and c.get("ncs") in _PROCESS_SPACES and _near_white(c["non_stroking_color"], _PAPER)
    ]
    if not white:
        return chars
    order = _drawing_order(page)
    shapes = [
        shape
        for shape in (*page.rects, *page.curves)
        if shape.get("fill") and not _near_white(shape.get("non_stroking_color"), _CONTRAST)
    ]
    shapes += page.images

    def backed(char: dict) -> bool:
        x, y = (char["x0"] + char["x1"]) / 2, (char["top"] + char["bottom"]) / 2
        drawn = order.get(id(char), len(order))
        return any(
            s["x0"] <= x <= s["x1"] and s["top"] <= y <= s["bottom"] and order.get(id(s), -1) < drawn for s in shapes
        )

    hidden = {id(c) for c in white if not backed(c)}
    return [c for c in chars if id(c) not in hidden]


def _opaque(page: pdfplumber.page.Page) -> list[dict]:
    """The page's paint that hides whatever lies within it: rectangles filled in a colour (further than `_CONTRAST`
    from white) and images that are not masked.

    A curve's fill covers less than its bounds (a circle leaves its corners), a stencil mask or a soft-masked image
    paints only where its mask lets it, so neither is known to cover what lies in its bounds. A white fill drawn over
    text is no sign it hides it: a report's heading band is filled white after the heading that stays printed on it
    (a blend or a clip that pdfminer does not follow)."""
    rects = [
        rect for rect in page.rects if rect.get("fill") and not _near_white(rect.get("non_stroking_color"), _CONTRAST)
    ]
    images = [
        image
        for image in page.images
        if not image.get("imagemask") and not {"SMask", "Mask"} & set(getattr(image.get("stream"), "attrs", {}))
    ]
    return rects + images


def _uncovered(page: pdfplumber.page.Page, chars: list[dict]) -> list[dict]:
    """The characters no later paint hides: without those a filled rectangle or an image drawn after them covers.

    A template's placeholders (a title "This is the Title of the Report", its authors, a running line) stay in the
    file under the cover's art, a page-wide filled rectangle that the real title is then printed on: on paper they
    are not there, and read they merge with the real title at their place. A character wholly within paint drawn
    after it (`_drawing_order`) is hidden; text printed on a coloured box is drawn after the box, and stays.
    """
    covers = _opaque(page)
    if not covers or not chars:
        return chars
    order = _drawing_order(page)
    # by drawing order, so each character is tried against the paint drawn after it alone (most text is drawn last)
    painted = sorted((order.get(id(s), -1), s["x0"], s["x1"], s["top"], s["bottom"]) for s in covers)
    steps = [drawn for drawn, *_ in painted]

    def covered(char: dict) -> bool:
        after = painted[bisect_right(steps, order.get(id(char), len(order))) :]
        return any(
            x0 <= char["x0"] and char["x1"] <= x1 and top <= char["top"] and char["bottom"] <= bottom
            for _, x0, x1, top, bottom in after
        )

    return [c for c in chars if not covered(c)]


def _printed(chars: list[dict]) -> list[dict]:
    """A page's characters, each printed once: a character drawn twice at one place (a fake bold, a knocked-out
    shadow in another colour) is one character to a reader, and read twice it doubles every letter ("4466").

    Within `_OVERPRINT` points, the same character at the same size is the same; pdfplumber's own
    `dedupe_chars` does this too, but in seconds a page, against milliseconds for this grid of nearby places.
    """
    seen: dict[tuple[str, float, int, int], list[dict]] = {}
    kept: list[dict] = []
    for char in chars:
        x, y = round(char["x0"] / _OVERPRINT), round(char["top"] / _OVERPRINT)
        key = (char["text"], round(char["size"], 1))
        near = (seen.get((*key, x + dx, y + dy), []) for dx in (-1, 0, 1) for dy in (-1, 0, 1))
        if not any(
            abs(other["x0"] - char["x0"]) <= _OVERPRINT and abs(other["top"] - char["top"]) <= _OVERPRINT
            for cell in near
            for other in cell
        ):
            seen.setdefault((*key, x, y), []).append(char)
            kept.append(char)
    return kept


def _unlayered(chars: list[dict]) -> list[dict]:
    """A page's characters without the runs laid over a line's text from within it: a proof's hidden layer.

    A proof lays its copy-editor's queries ("AU: Please check ...") as invisible text on the baseline of the line
    they query, from the queried word on, at the line's size, in a font of their own, and their colons and braces in
    a third: where they cover the line, two different letters stand at one place, and read as one line they
    interleave letter by letter. A reader reads one text at a place; of two texts over each other, the line is the
    one that opens first (further left), and the one opening within it is laid over it; where both open at one
    place (within `_OVERPRINT`), the one in the font more common on the page is the line. A run (one font, size and
    baseline) of which `_STACKED_SHARE` of the glyphs over such a line (two queries run on past the line's end, one
    over the other) each cover more than `_STACKED` of the line's glyph at the run's size and baseline is left out,
    unless its letters copy those it covers (`_COPY`): a copy (`_printed`, `_overprinted`) is no layer of another
    text, nor is an accent (`_SPACING_ACCENTS`). A run of signs alone (the colons and braces) within a layer's
    extent on its baseline is that layer's punctuation, left out with it. Layers go before copies are merged
    (`_printed`): a layer's letter may lie on the same letter of the line beneath.
    """
    glyphs = [c for c in chars if c["upright"] and not c["text"].isspace() and c["text"] not in _SPACING_ACCENTS]
    usage = Counter(c["fontname"] for c in glyphs)
    runs: dict[tuple[str, float, float], list[dict]] = {}
    for char in sorted(glyphs, key=lambda c: c["x0"]):
        runs.setdefault((char["fontname"], round(char["size"], 1), round(char["top"], 1)), []).append(char)
    opening = {id(char): run[0]["x0"] for run in runs.values() for char in run}

    def first(line: dict, run: dict) -> bool:
        """Whether the text of `line`'s glyph opens before that of `run`'s: a point further left, or at one place in
        a font more common on the page."""
        if abs(opening[id(line)] - opening[id(run)]) > _OVERPRINT:
            return opening[id(line)] < opening[id(run)]
        return usage[line["fontname"]] > usage[run["fontname"]]

    rows: dict[int, list[dict]] = {}
    for char in glyphs:
        rows.setdefault(round(char["top"]), []).append(char)

    def beneath(char: dict) -> list[dict]:
        """The glyphs of lines opening before `char`'s run that it covers, at its size and on its baseline."""
        shift = _LAYER_SHIFT * char["size"]
        near = (
            o
            for row in range(round(char["top"] - shift) - 1, round(char["top"] + shift) + 2)
            for o in rows.get(row, [])
        )
        return [
            other
            for other in near
            if first(other, char)
            and other["fontname"] != char["fontname"]
            and abs(other["top"] - char["top"]) < shift
            and abs(other["size"] - char["size"]) < 0.1 * char["size"]
            and min(char["x1"], other["x1"]) - max(char["x0"], other["x0"])
            > _STACKED * max(min(char["x1"] - char["x0"], other["x1"] - other["x0"]), 0.1)
        ]

    def layered(run: list[dict]) -> bool:
        """Whether a run covers text it does not copy, counting its glyphs over the lines opening before it."""
        extents = [
            (line[0]["x0"], line[-1]["x1"])
            for line in runs.values()
            if line[0]["fontname"] != run[0]["fontname"]
            and first(line[0], run[0])
            and abs(line[0]["top"] - run[0]["top"]) < _LAYER_SHIFT * run[0]["size"]
            and abs(line[0]["size"] - run[0]["size"]) < 0.1 * run[0]["size"]
        ]
        over = [char for char in run if any(x0 < (char["x0"] + char["x1"]) / 2 < x1 for x0, x1 in extents)]
        covered = [beneath(char) for char in over]
        if not over or sum(map(bool, covered)) < _STACKED_SHARE * len(over):
            return False
        under = sorted({id(other): other for others in covered for other in others}.values(), key=lambda c: c["x0"])
        copy = SequenceMatcher(None, "".join(c["text"] for c in run), "".join(c["text"] for c in under))
        return copy.ratio() < _COPY

    layers = [run for run in runs.values() if layered(run)]

    def punctuates(run: list[dict]) -> bool:
        """Whether a run of signs only lies within a layer's extent on its baseline: the layer's punctuation."""
        return not any(c["text"].isalnum() for c in run) and any(
            abs(layer[0]["top"] - run[0]["top"]) < _LAYER_SHIFT * run[0]["size"]
            and layer[0]["x0"] <= run[0]["x0"]
            and run[-1]["x1"] <= layer[-1]["x1"]
            for layer in layers
        )

    hidden = {id(char) for run in layers + [run for run in runs.values() if punctuates(run)] for char in run}
    return [c for c in chars if id(c) not in hidden]


def _link_addresses(page: pdfplumber.page.Page) -> list[str]:
    """The URIs of a page's link annotations; none when its annotations cannot be read (a real report's
    annotation tree sent pdfminer into endless recursion): links only give an address, never text."""
    try:
        return [str(link["uri"]) for link in page.hyperlinks if link.get("uri")]
    except Exception:  # noqa: BLE001 - pdfminer raises many kinds on a damaged annotation; all mean "no links"
        return []


def _own_url(metadata: dict, links: list[str], source: str) -> str | None:
    """The PDF's own address: an Info field named `URL` or `URI`, else a link whose path ends in the file's own name.

    Any other link points somewhere the document cites, not at the document, so none is taken.
    """
    for key, value in metadata.items():
        if str(key).lower() in ("url", "uri") and (url := web_address(_text_value(value))):
            return url
    name = PurePosixPath(source).name.lower()
    return next(
        (
            url
            for link in links
            if (url := web_address(link)) and PurePosixPath(urlsplit(url).path).name.lower() == name
        ),
        None,
    )


def page_count(data: bytes) -> int:
    """The number of pages, from the page tree alone: what a page cap can check before any page is read."""
    try:
        document = PDFDocument(PDFParser(io.BytesIO(data)))
        return sum(1 for _ in PDFPage.create_pages(document))
    except Exception as error:  # noqa: BLE001 - as in `_read`
        raise _unreadable(error) from error


def _unreadable(error: Exception) -> UnreadableDocument:
    # pdfplumber wraps pdfminer's error (its first argument), whose own message is empty.
    if any(isinstance(cause, PDFPasswordIncorrect) for cause in (error, *error.args)):
        return UnreadableDocument(
            "the PDF is locked with a password to open it; save a copy without the password and add that"
        )
    return UnreadableDocument(f"not a readable PDF ({type(error).__name__}: {error})")


def _info(metadata: dict, key: str) -> str | None:
    """A PDF Info value worth believing (`trusted`); the programs that wrote the file are its Producer and Creator."""
    programs = {
        w for k in ("Producer", "Creator") if (p := _text_value(metadata.get(k))) for w in p.lower().split()[:1]
    }
    return trusted(_text_value(metadata.get(key)), programs)


def _text_value(value: object) -> str | None:
    if isinstance(value, bytes):
        value = value.decode("utf-8", "replace")
    return squash(value) or None if isinstance(value, str) else None


def _generic(text: str) -> bool:
    return _NUMBERING_RE.sub("", text, count=1).strip(" .:").lower() in GENERIC_HEADINGS


_DOCUMENT_STATUS_RE = re.compile(r"\b(?:version|draft|edition|revision)\b", re.IGNORECASE)
"""A word of a document's status or version, as a cover prints it under the title ("Final Version", "Consultation
Draft", "Second Edition"), never of a person's name."""


def _document_status(text: str) -> bool:
    """Whether a line under the title states the document's status or version rather than names its authors:
    "Final Version" is two capitalised words, as a name is."""
    return _DOCUMENT_STATUS_RE.search(text) is not None


def _names(text: str) -> str | None:
    """The text if it is a list of personal names ("Ana Ruiz and J. K. Lee") and not a section's name, else None."""
    return None if _generic(text) else personal_names(text)


def _marked_names(text: str) -> str | None:
    """The names of a line that prints each name followed by its affiliation marks ("Ana Ruiz†∗ Lee Kim‡"), or by
    its affiliation's raised number, read as a marker ("Ana Ruiz[1], Lee Kim[2], and Bo Li[1]¶"), as a list, else
    None: the marks part the names where no comma does."""
    parts = [part.strip() for part in _AFFILIATION_MARKS_RE.split(text)]
    names = [_AND_RE.sub("", name) for name in parts[:-1]]
    if len(names) < 2 or parts[-1] or not all(personal_names(name) == name for name in names):
        return None
    return ", ".join(names)


def _degreed_names(text: str) -> str | None:
    """The names of a byline that follows each name with its academic degrees and parts the names with semicolons
    ("Ana Ruiz, MD, PhD; Lee Kim, MA"), as a list, else None. A medical journal prints its authors so: the commas
    part a name from its degrees, so only the semicolons part the names, and the degrees are no part of a name."""
    parts = [part.split(",") for part in text.split(";")]
    names = [name.strip() for name, *_ in parts]
    degreed = all(rest and all(_DEGREE_RE.fullmatch(degree.strip()) for degree in rest) for _, *rest in parts)
    fits = len(parts) > 1 and degreed and all(personal_names(name) == name for name in names)
    return ", ".join(names) if fits else None


_DEGREE_RE = re.compile(r"(?=(?:[a-z]*[A-Z]){2})[A-Z][A-Za-z]{1,5}")
"""An academic degree after a name ("MD", "PhD", "MPH", "MSc"): a short word with two capitals or more."""
_AND_RE = re.compile(r"^and\s+")
"""The "and" before a list's last name ("..., and Bo Li[1]")."""


def _wrapped_byline(lines: list[_Line]) -> list[_Line]:
    """The lines of a byline that marks its names (`_marked_names`) and wraps: it opens `lines`, and goes on in
    lines of its size, each at its left edge and right under the one before; none when they name no one so."""
    wrapped = lines[:1]
    for line in lines[1:]:
        previous = wrapped[-1]
        under = previous.top < line.top <= previous.bottom + line.size / 2 and abs(line.x0 - previous.x0) < line.size
        if abs(line.size - previous.size) >= 0.5 or not under:
            break
        wrapped.append(line)
    joined = " ".join(line.text for line in wrapped)
    return wrapped if len(wrapped) > 1 and _marked_names(joined) else []


def _stacked_bylines(first: list[_Line], byline: _Line) -> list[_Line]:
    """The lines of a byline that prints its authors one under another, each name on a line of its own in the
    byline's type with the author's affiliation and address in smaller type under it ("Suparna Chaudhry" over "Lewis &
    Clark College" and "schaudhry@lclark.edu", then "Marc Dotson" over his), from the byline down to the last such
    line; none where fewer than two names stand so. Read as one name, the byline gave the first author only, and the
    others' names stood in the text as headings. The lines follow one another closely; the abstract under them is
    set apart."""
    stacked = [byline]
    for line in first[first.index(byline) + 1 :]:
        close = 0 <= line.top - stacked[-1].bottom <= byline.size
        alike = abs(line.size - byline.size) < 0.5
        if not close or line.size > byline.size + 0.5 or (alike and _names(line.text) is None):
            break
        stacked.append(line)
    names = [line for line in stacked if abs(line.size - byline.size) < 0.5]
    return stacked if len(names) > 1 and len(stacked) > len(names) else []


def _byline_notes(lines: list[_Line], body_size: float) -> list[_Line]:
    """The lines opening `lines`, under a wrapped byline (`_wrapped_byline`), set smaller than the body and each
    right under the one before: the affiliations its numbers point to and the corresponding author's mark, front
    matter like the byline, before the first heading or body text."""
    notes: list[_Line] = []
    for line in lines:
        if line.size >= body_size * _NOTE_SIZE or (notes and line.top - notes[-1].bottom > line.size):
            break
        notes.append(line)
    return notes


_LABELLED_BYLINE_RE = re.compile(r"Authors?:\s+(\S.*)", re.IGNORECASE)
_PARENTHETICAL_RE = re.compile(r"\([^()]*\)")


def _labelled_byline(first: list[_Line]) -> tuple[list[_Line], str] | None:
    """The lines of a byline the first page labels ("Authors: Ana Ruiz* (ana@uni.example), Lee Kim (Institute
    of ...)") and the names in it, else None. A name may carry affiliation marks and a parenthesis (an address, an
    affiliation); a parenthesis left open at the line's end goes on on the next lines, which belong to the byline,
    as do the lines right under it that open with a mark ("* Corresponding author"): they say what its marks mean."""
    for index, line in enumerate(first):
        if (labelled := _LABELLED_BYLINE_RE.fullmatch(line.text)) is None:
            continue
        lines, text = [line], labelled.group(1)
        for after in first[index + 1 :]:
            if text.count("(") <= text.count(")") and not _SYMBOL_NOTE_RE.match(after.text):
                break
            lines.append(after)
            text = text if text.count("(") <= text.count(")") else f"{text} {after.text}"
        bare = _AFFILIATION_MARKS_RE.sub("", _PARENTHETICAL_RE.sub("", text))
        names = _names(re.sub(r"\s+,", ",", squash(bare)).strip(" ,"))
        return (lines, names) if names else None
    return None


def _affiliations(first: list[_Line], byline: _Line) -> list[_Line]:
    """The lines under a byline that marks its names (`_marked_names`) and above the first page's columns: the
    affiliations and addresses the marks point to, front matter like the byline itself."""
    columns = [line.top for line in first if line.column is not None]
    if not columns or _marked_names(byline.text) is None:
        return []
    return [line for line in first if line.column is None and byline.top < line.top < min(columns)]


def _labelled_terms(first: list[_Line], shown: list[_Line], body_size: float) -> list[_Line]:
    """The lines between a paper's byline (the last of the first page's front matter, `shown`) and its first
    heading that are labelled lists of terms ("Keywords: open science, ..." and the line its list wraps to),
    else none. A paper files itself under keywords, index terms or subject codes in its front matter: labels for a
    catalogue, not sentences of the text, and the place says so (the byline above, the first section below). Only
    when every line in that stretch is such a list: a paragraph there (an abstract set without a heading) is text."""
    ids = {id(line) for line in shown}
    last = max((index for index, line in enumerate(first) if id(line) in ids), default=None)
    if last is None:
        return []
    found: list[_Line] = []
    value: str | None = None
    for line in first[last + 1 :]:
        if _heading_like(line, body_size):
            break
        if labelled := LABELLED_TERMS_RE.fullmatch(line.text):
            if value is not None and not term_list(value):
                return []
            value = labelled.group(1)
        elif value is None or _SENTENCE_END_RE.search(value) or abs(line.size - found[-1].size) >= 0.5:
            return []
        else:
            value = f"{value} {line.text}"
        found.append(line)
    else:
        return []
    return found if value is not None and term_list(value) else []


def _cover_foot(first: list[_Line], shown: list[_Line]) -> list[_Line]:
    """The lines of a cover below its title and date (`shown`, the first page's front matter), else none: the
    publisher's imprint at the cover's foot (its name, web address and the report's number), a logo's letters. A
    cover is a first page that writes no text: besides its front matter only short lines (`_ORGANISATION_WORDS`),
    none ending a sentence. What a cover prints under its title is who publishes it and where, not the report's
    text; above the title it may name whom the report is for, which is left to the text."""
    ids = {id(line) for line in shown}
    front = [line for line in first if id(line) in ids]
    rest = [line for line in first if id(line) not in ids]
    if not front or any(
        len(line.text.split()) > _ORGANISATION_WORDS[1] or _SENTENCE_END_RE.search(line.text) for line in rest
    ):
        return []
    end = max(line.bottom for line in front)
    return [line for line in rest if line.top > end]


def _date(text: str, labelled: bool = True) -> str | None:
    """The ISO date a short line prints ("Updated April 20, 2026", "Geneva, 3 May 2021"), or None.

    A month and year alone on its line ("March 2017") is given as `YYYY-MM`: what the page says,
    no day made up; after a label ("Formed December 1916" in an infobox) it dates something else.
    Not `labelled`, only a line that is nothing but the date counts. A web address beside the date is the
    publisher's, as a cover prints it ("RANKINGDIGITALRIGHTS.ORG/INDEX2018 APRIL 2018", "July 2017 | usds.gov"
    with a bar between), not a label.
    """
    text = " ".join(_without_sites(text.split()))
    words = text.split()
    if len(words) > _DATELINE_WORDS:
        return None
    for skip in range(min(len(words), _DATE_LABEL_WORDS + 1) if labelled else 1):
        if found := iso_date(" ".join(words[skip:]).strip(" .")) or _dotted_date(" ".join(words[skip:])):
            return found
    return month_date(text)


def _without_sites(words: list[str]) -> list[str]:
    """A line's words without the web addresses at its ends, nor the separator (`_SEPARATORS`) set between an
    address and the rest: a cover or a footer sets the publisher's address beside the date as a field of its own
    ("July 2017 | usds.gov")."""
    while words and _SITE_RE.fullmatch(words[0]):
        words = words[2:] if len(words) > 1 and words[1] in _SEPARATORS else words[1:]
    while words and _SITE_RE.fullmatch(words[-1]):
        words = words[:-2] if len(words) > 1 and words[-2] in _SEPARATORS else words[:-1]
    return words


_SEPARATORS = frozenset("|·•")
"""Marks a line sets between its fields, each standing as a word of its own."""


_DOTTED_DATE_RE = re.compile(r"(\d{1,2})\.(\d{1,2})\.(\d{4})")


def _dotted_date(text: str) -> str | None:
    """The ISO date of a date written day, month and year with full stops ("11.12.2019"), as the European Union's
    institutions and much of Europe date a document ("Brussels, 11.12.2019" over a Commission communication's number);
    None for other text or a day or month out of range. No writer puts the month first with full stops (the United
    States writes "12/11/2019")."""
    match = _DOTTED_DATE_RE.fullmatch(text.strip())
    if match is None:
        return None
    day, month, year = int(match[1]), int(match[2]), int(match[3])
    try:
        return datetime.date(year, month, day).isoformat()
    except ValueError:
        return None


def _record_date(lines: list[_Line]) -> str | None:
    """The date a journal's record of an article (`_margin_column`) publishes it on: the latest date of its label
    and value lines ("Submitted: 10 February 2025", "Published: 12 September 2025"). An article's history runs from
    submission through review and acceptance to publication, so its latest date is the day it was published; the
    labels' words are not read."""
    values = (_LABELLED_DATE_RE.fullmatch(line.text) for line in lines)
    return max((found for value in values if value and (found := iso_date(value.group(1).strip(" .")))), default=None)


def _published_date(lines: list[_Line]) -> str | None:
    """The day a line opening with the label "Published:" gives ("Published: December 1, 2022. doi:..."), else
    None. A journal's article information lists the article's history, label and date, and the day it was
    published dates it; only that label says so (a day received or accepted precedes publication), and the colon
    parts the label from a sentence or a reference's "Published 2020"."""
    for line in lines:
        if (found := _PUBLISHED_RE.match(line.text)) and (day := iso_date(found.group(1))):
            return day
    return None


_PUBLISHED_RE = re.compile(r"Published(?: online)?:\s+(\w+ \d{1,2}, \d{4}|\d{1,2} \w+ \d{4})\b")
"""The publication label and the day after it, month first or day first."""


_OWN_CITATION_RE = re.compile(r"\D*\((?P<year>\d{4})\)[^()]*?(?:doi\.org/|doi:\s*)10\.\d{4,9}/\S+", re.IGNORECASE)
"""A journal's citation of the article itself: its name, the year in brackets, volume and page or article number,
then its DOI ("npj Microgravity (2021) 7:1 ; https://doi.org/10.1038/..."); no number opens it, as a reference's
would, and no other bracket stands between the year and the DOI."""


def _own_citation(first: list[_Line]) -> tuple[_Line, str] | None:
    """The first page's own citation line (`_OWN_CITATION_RE`) and the year it gives the article, else None.

    A journal that prints no day of publication (only "Received:" and "Accepted:", the days before it) still tells
    its readers how to cite the article, on its first page under the abstract: the journal's name, the year, the
    volume and the DOI. That year is the article's date as printed, given as the year alone, no month or day made
    up. Only the first page is read, its running lines too (a journal may print the citation in every page's
    foot): a reference list, whose entries have the same form, cites other works. The line itself is the
    article's record, like its title and byline, not a passage of its text.
    """
    return next(((line, found["year"]) for line in first if (found := _OWN_CITATION_RE.match(line.text))), None)


def _venue_date(lines: list[_Line]) -> str | None:
    """The month a proceedings volume's venue line (`_venue_footer`) dates the meeting to ("Proceedings of ... /
    July 5 - 10, 2020."): a paper in proceedings is published at its meeting, and a range of days dates it to the
    month only, no day made up."""
    for line in lines:
        if found := _DAY_RANGE_RE.search(line.text):
            return month_date(f"{found['month'] or found['after']} {found['year']}")
    return None


@dataclass(frozen=True)
class _Front:
    title: str | None
    author: str | None
    date: str | None
    lines: frozenset[int]
    """ids of the lines that print them: metadata, not paragraphs."""
    marks: frozenset[int]
    """The numbers the byline's names carry ("Ana Ruiz1,2"): they point to affiliations, not notes."""


def _mark_over_title(lines: list[_Line], front: _Front) -> None:
    """Mark each line of page 1 that stands over the title's first line as no heading (`_Line.caption`): a band
    naming the document's kind ("ANALYSIS REPORT" in spaced capitals on a shaded band, "ARTICLE OPEN"), a badge
    with the period a brief reports on, set in a box at the page's top. No section opens before the title; taken
    for headings, a band filed the disclaimer under it, and a badge, read after the box beside it, the first
    section's text. The title's lines are page 1's lines the title's text holds, one of them the front matter's
    (`_Front.lines`): a title the page also prints as the text's first heading keeps that heading. Only lines over
    the title's own stretch of the page count: a column beside a title set low in the first one has headings of
    its own above the title's height."""
    if front.title is None:
        return
    title = [
        line
        for line in lines
        if line.page == 1 and line.text in front.title and (len(line.text.split()) > 1 or line.text == front.title)
    ]
    if not any(id(line) in front.lines for line in title):
        return
    top, left, right = min(line.top for line in title), min(line.x0 for line in title), max(line.x1 for line in title)
    for line in lines:
        if line.page == 1 and line.bottom <= top and line.x0 < right and left < line.x1 and id(line) not in front.lines:
            line.caption = True


_TITLE_SLACK = 1.1
"""A title's lines may stand this much further apart than the text's, relative to their size."""


def _spacing(lines: list[_Line], body_size: float) -> float:
    """The usual gap between two lines of the text, as a multiple of their size: about 0.2 set single-spaced, over
    1 double-spaced. A document set double-spaced sets its title so too: the gap between the title's lines,
    larger than their size, does not end the title there."""
    gaps = [
        (below.top - above.bottom) / above.size
        for above, below in pairwise(lines)
        if above.page == below.page
        and abs(above.size - body_size) < 0.5
        and abs(below.size - body_size) < 0.5
        and below.top > above.bottom
    ]
    return median(gaps) if gaps else 0.0


def _front(
    lines: list[_Line],
    body_size: float,
    metadata: dict,
    words: set[str],
    pages: list[list[_Line]],
    logos: Sequence[_Box] = (),
) -> _Front:
    """Title, author and date as the opening pages print them; trustworthy Info fields only where they print none.

    The title is the first page's largest type, unless lines in smaller heading type print the Info Title word for
    word (`_info_title_lines`): the larger line is then the journal's name over it. A line set in the margin beside
    the text (`_side_headings`: a report cover's logo left of its addressee) heads that text, not the document.

    The title and a "By" byline are the first page's, or a case's caption (`_caption`), else the case's name its
    running head prints (`_running_caption`); a caption naming its parties' roles (`_parties`) gives the case's
    name (the running head's, else `_case_name`). An opinion is a case's, and the court's name set large over it
    (the same on every opinion the court issues) is no title, whether the first page's caption is a block of its
    own or runs beside the docket's column, where only the running head names the case. A byline giving the
    author's job (`_signed`) may stand on the opening pages or close the last one; an opinion names its judge
    (`_judge`); with no person named, the body that issues it (`_issuer`, from `pages`, every line of each page,
    running ones too), or the name set beside its logo at the cover's head (`_emblem_name`, `logos` the cover's
    pictures); the date is `_dated`.
    """
    first = [line for line in lines if line.page == 1]
    candidates = [
        i
        for i, line in enumerate(first)
        if _TITLE_WORD_RE.search(line.text) and not _generic(line.text) and not line.side
    ]
    largest = max((first[i].size for i in candidates), default=0.0)
    title_lines: list[_Line] = []
    end = 0
    confirmed = _info_title_lines(first, _info(metadata, "Title"), body_size)
    symbolled = _symbol_block_title(first, pages[0] if pages else first)
    above: list[_Line] = []  # the larger lines over a title the Info Title confirms: the journal's name
    if symbolled:
        title_lines, largest = symbolled, symbolled[0].size
        end = first.index(symbolled[-1]) + 1
    elif confirmed and confirmed[0].size < largest:
        above = [line for line in first[: first.index(confirmed[0])] if line.size > confirmed[0].size]
        title_lines, largest = confirmed, confirmed[0].size
        end = first.index(confirmed[-1]) + 1
    elif largest >= body_size * _HEADING_SIZE:
        spacing = _TITLE_SLACK * max(1.0, _spacing(lines, body_size))
        end = next(i for i in candidates if abs(first[i].size - largest) < 0.5)
        title_lines = [first[end]]
        for line in first[end + 1 :]:
            if not _beside(line, title_lines[-1]):
                if abs(line.size - largest) >= 0.5 or line.top - title_lines[-1].bottom > largest * spacing:
                    break
                title_lines.append(line)
            end += 1
        end += 1
    elif cover := _cover_title(first):
        title_lines, end = cover, first.index(cover[-1]) + 1
    date, dateline = _dated(lines)
    issue = [line.text for line in (*title_lines, dateline) if line is not None]
    masthead = title_lines if title_lines and dateline is not None and _masthead(issue, pages) else []
    if masthead:
        title_lines = _stack_title(first[end:])
    caption = _caption(first[end:], words)
    parties = None if caption else _parties(first[end:])
    running = None if caption else _running_caption(pages)
    if caption or parties or running:
        masthead = masthead or title_lines  # a court's name over the case's caption: it issues the case, not titles it
        title_lines = caption
        end = first.index(caption[-1]) + 1 if caption else end
    printed = _punctuated_title(title_lines, _info(metadata, "Title"))
    for line in title_lines if printed is None else []:
        printed = _join(printed or "", line.text, words)
    printed = _unmarked_title(printed)
    title = (
        running
        or (_case_name(parties, lines) if parties else None)
        or _fuller(printed, _info(metadata, "Title"), first)
        or _running_title(lines, body_size, pages)
    )
    under = first[end] if title_lines and end < len(first) and first[end].size < largest else None
    byline = next((line for line in first if (by := BYLINE_BY_RE.fullmatch(line.text)) and _names(by.group(1))), None)
    if (
        byline is None
        and under is not None
        and not _document_status(under.text)
        and (_names(under.text) or _marked_names(under.text) or _degreed_names(under.text))
    ):
        byline = under
    # a byline whose first line already names people may wrap too: its names go on under it
    wrapped = _wrapped_byline(first[end:]) if under is not None and byline in (None, under) else []
    byline = wrapped[0] if wrapped else byline
    by = BYLINE_BY_RE.fullmatch(byline.text) if byline is not None else None
    labelled = _labelled_byline(first) if byline is None else None
    sender = memo_sender([line.text for line in first]) if byline is None and labelled is None else None
    credit = _credit(first) if byline is None and labelled is None and sender is None else None
    signed = _signed(lines) if byline is None and labelled is None and sender is None else {}
    issuer = _issuer(pages, title_lines) if byline is None and labelled is None and not signed else None
    emblem = _emblem_name(first, logos, title_lines) if byline is None and labelled is None and not signed else []
    stacked = _stacked_bylines(first, byline) if byline is not None and not wrapped and not by else []
    if byline is not None:
        named = " ".join(line.text for line in wrapped or stacked or [byline])
        author = (
            _marked_names(named)
            if wrapped
            else ", ".join(filter(None, (_names(line.text) for line in stacked if line.size == byline.size)))
            if stacked
            else _names(by.group(1) if by else byline.text) or _marked_names(named) or _degreed_names(named)
        )
    elif labelled is not None:
        author = labelled[1]
    else:
        author = (
            (reporting_body(title) if title else None)
            or sender
            or (credit[1] if credit else None)
            or " and ".join(signed.values())
            or _judge(lines)
            or (issuer.text if issuer else None)
            or (_emblem_names(emblem) if emblem else None)
            or _footer_issuer(pages, date)
            or _author_field(pages)
            or _printed_info(metadata, pages)
            or _imprint(first, title_lines)
            or _title_owner(first, title_lines, title, pages)
            or _preparer(first)
            or _valediction_signer(lines)
        )
    named = _named_over_date(first, title_lines, dateline) if author is None else None
    author = _names(named.text) if named is not None else author
    shown = [
        *above,
        *masthead,
        *title_lines,
        *wrapped,
        *(line for line in (byline, dateline, issuer, named) if line is not None),
        *(emblem if issuer is None else []),
    ]
    shown += _reprinted(masthead, lines)
    shown += _affiliations(first, byline) if byline is not None else []
    shown += stacked
    shown += _byline_notes(first[first.index(wrapped[-1]) + 1 :], body_size) if wrapped else []
    shown += labelled[0] if labelled is not None else []
    shown += credit[0] if credit is not None else []
    shown += _labelled_terms(first, shown, body_size)
    shown += _cover_foot(first, shown)
    marks = frozenset(number for line in (wrapped or [byline] if byline else []) for number in _cites(line))
    return _Front(title, author, date, frozenset(id(line) for line in shown) | signed.keys(), marks)


def _cover_title(first: list[_Line]) -> list[_Line]:
    """The last block of bold lines of a cover set in the text's size throughout, else none.

    A cover is a first page that writes no sentence (none of its lines ends one). Where no line of it is set in
    heading type, only the bold face tells its title from the rest: the issuer's name, the place and date, the
    document's number in plain type, and in bold what the document is and whom it is for ("COMMUNICATION FROM
    THE COMMISSION TO THE EUROPEAN PARLIAMENT, ...") over what it is about, its title ("The European Green Deal"),
    set apart by a blank line. The block is of lines right under one another, each a line after the one before."""
    if not first or any(_SENTENCE_END_RE.search(line.text) for line in first):
        return []
    blocks: list[list[_Line]] = []
    for index, line in enumerate(first):
        if not line.bold or line.side or not _TITLE_WORD_RE.search(line.text):
            continue
        previous = blocks[-1][-1] if blocks else None
        if (
            previous is not None
            and first[index - 1] is previous
            and line.top - previous.bottom <= line.size
            and abs(line.size - previous.size) < 0.5
        ):
            blocks[-1].append(line)
        else:
            blocks.append([line])
    return blocks[-1] if blocks else []


_JOB_NUMBER_RE = re.compile(
    r"(?:[A-Z]{1,3}\.\d{2}-\d{5}(?:\s*\([A-Z]\))?|\d{2}-\d{5}\s*\([A-Z]\))(?:\s+\d{6})?|\*\d{7,}\*"
)
"""A United Nations document's job number as its first page's foot prints it: the duty station's letters, the year
and a serial ("GE.11-17401", "GE.14-10028 (E)" at Geneva; New York prints no letters, "10-60746 (E)"), a letter in
brackets for the language of the text, and the day it was printed ("GE.09-15299 (E) 141009"); and the number again
as a barcode's human-readable line, between the Code 39 start and stop asterisks ("*1410028*")."""


def _job_numbers(first: list[_Line]) -> set[int]:
    """ids of the lines closing the first page that are its job number (`_JOB_NUMBER_RE`): the printing office's
    number for the print run, page furniture as a running footer is, which names no part of the text (pdftotext
    prints it; no reader quotes it as the document's). Only the page's last lines, from its foot up: a job number in
    the text would be a sentence's word."""
    found: set[int] = set()
    for line in sorted(first, key=lambda line: line.bottom, reverse=True):
        if not _JOB_NUMBER_RE.fullmatch(line.text.strip()):
            break
        found.add(id(line))
    return found


_DOCUMENT_SYMBOL_RE = re.compile(r"[A-Z]{1,6}(?:/[A-Z0-9][\w.-]*){1,7}\**")
"""A United Nations document's symbol: its organ's letters and the series' parts after slashes ("A/HRC/19/13",
"S/2020/123", "E/CN.4/2005/1", "CRC/C/GBR/CO/5"), an asterisk after it where a note says why it was reissued."""
_DISTRIBUTION_RE = re.compile(r"Distr\.(?::\s*\S.*)?")
"""The distribution line under a United Nations document's symbol: "Distr.: General", or "Distr." over "GENERAL"."""


def _symbol_block_title(first: list[_Line], cover: list[_Line]) -> list[_Line]:
    """The title lines of a United Nations document's first page, else none.

    Every document of the United Nations' organs (A/..., E/..., S/..., CRC/C/...) opens alike: the masthead
    ("United Nations" over the organ, "General Assembly", set large at the top left), the symbol block at the top
    right (the symbol, `_DOCUMENT_SYMBOL_RE`, and the distribution line, `_DISTRIBUTION_RE`, over the date and the
    languages), the session lines, then the title in the largest bold type below them, its subject under it (the
    country reviewed) and the title's asterisked note. The masthead's organ is set larger than the title, or in the
    Info Title, and names the issuing body, not the document. The title is the first bold line below the symbol
    block in the largest type any bold line there is set in, with the lines of its size right under it; a line in
    capitals throughout is a session's or an agenda item's heading ("UNIVERSAL PERIODIC REVIEW" over the title of
    the older layout, all set in the text's size), and the line its note's mark ends closes the title (the subject
    may stand under it in the title's type, "Periodic Review*" over "Iceland"). `first` is the first page's lines
    of text, `cover` all its lines, its running ones too: the symbol is every page's running head."""
    distribution = next((line for line in cover if _DISTRIBUTION_RE.fullmatch(line.text.strip())), None)
    if distribution is None or not any(_DOCUMENT_SYMBOL_RE.fullmatch(line.text.strip()) for line in cover):
        return []
    block = [distribution]
    for line in sorted(cover, key=lambda line: line.top):
        last = block[-1]
        if (
            line.top > last.bottom
            and abs(line.x0 - distribution.x0) < last.size
            and line.top - last.bottom < 2 * last.size
        ):
            block.append(line)
    below = [
        line
        for line in first
        if line.top > block[-1].bottom
        and line.bold
        and not line.side
        and _TITLE_WORD_RE.search(line.text)
        and line.text.upper() != line.text
    ]
    if not below:
        return []
    largest = max(line.size for line in below)
    start = first.index(next(line for line in below if abs(line.size - largest) < 0.5))
    title = [first[start]]
    for line in first[start + 1 :]:
        previous = title[-1]
        if (
            _TITLE_MARKS_RE.search(previous.text)
            or abs(line.size - largest) >= 0.5
            or not 0 <= line.top - previous.bottom <= previous.size
        ):
            break
        title.append(line)
    return title


def _mirrored_edge(lines: list[_Line]) -> set[int]:
    """ids of a page's lines on its top or bottom row whose text is printed again on that row, at the other side of
    the page: a cover's language code at both margins of its foot ("EN" ... "EN", in the European Commission's
    largest type, so taken for the title), a book's page number at both corners. A label printed twice at the page's
    edge is neither its title nor its text; a title is printed once, and a table's row of like cells ("Yes" ...
    "Yes") stands inside the page."""
    if not lines:
        return set()
    top, bottom = min(line.top for line in lines), max(line.bottom for line in lines)
    return {
        id(line)
        for line in lines
        if (line.top - top < line.bottom - line.top or bottom - line.bottom < line.bottom - line.top)
        and any(
            other is not line and other.text == line.text and abs(other.top - line.top) < (line.bottom - line.top) / 2
            for other in lines
        )
    }


def _info_title_lines(first: list[_Line], info: str | None, body_size: float) -> list[_Line]:
    """The first page's consecutive lines of one heading size, or bold, that print the Info Title word for word, else
    none.

    A journal sets its name atop the first page in larger type than the article's title ("PLOS MEDICINE" in 21
    points over a title in 18) and again atop every page; the file's Info Title, printed in full as a block of its
    own, says which lines title the article. They may be bold lines of the text's size: the Official Journal of the
    European Union sets an act's title so, under its section headings in larger type ("I", "REGULATIONS").
    """
    wanted = _WORD_RE.findall(info.casefold()) if info else []
    for start, line in enumerate(first if wanted else []):
        if line.size < body_size * _HEADING_SIZE and not (line.bold and line.size >= body_size * _NOTE_SIZE):
            continue
        block: list[_Line] = []
        for after in first[start:]:
            if abs(after.size - line.size) >= 0.5:
                break
            block.append(after)
            words = _WORD_RE.findall(" ".join(part.text for part in block).casefold())
            if words == wanted:
                return block
            if words != wanted[: len(words)]:
                break
    return []


_TITLE_MARKS_RE = re.compile(rf"(?:\s*(?:[*∗†‡§¶]|\[(?:{NOTE_NUMBER}|[*∗†‡§¶]+)\]))+$")
"""The note marks a title ends in: symbols ("...Philanthropy*"), or a marker written for a raised number or a
symbol ("[1]", "[*]")."""


def _unmarked_title(title: str | None) -> str | None:
    """The title without the note marks it ends in (`_TITLE_MARKS_RE`). A paper marks its title to point to a note
    at the first page's foot (its funding, data and acknowledgements), as a byline marks its names to point to their
    affiliations: the mark is the note's, no word of the title, and a citation of the paper does not print it."""
    return _TITLE_MARKS_RE.sub("", title) or title if title else title


def _punctuated_title(title_lines: list[_Line], info: str | None) -> str | None:
    """The Info Title where it prints the title's lines word for word and adds only a mark where one line ends and
    the next begins ("...in the Community" / "A Randomized Clinical Trial" and the Info Title "...in the Community:
    A Randomized Clinical Trial"), else None. A title set over its subtitle parts them by the line break, which
    joining the lines loses; the file's own title says which mark stands for it, as a citation writes it."""
    if info is None or len(title_lines) < 2:
        return None
    lines = (r"\s+".join(map(re.escape, line.text.split())) for line in title_lines)
    return info if re.fullmatch(r"[:.;,–—]?\s+".join(lines), info) else None


def _beside(line: _Line, title: _Line) -> bool:
    """Whether a line stands within a title line's height, beside it (a cover's date left of the title's first
    line, `_apart`): the title goes on below it."""
    return line.size < title.size and title.top <= line.top and line.bottom <= title.bottom


_NUMBERED_RE = re.compile(r"^(?:\S*\d\S*,|[^\W\d_]+(?:-\d+){2,}\s+[-–—])\s+")
"""A report's number opening its Info Title, set off by a comma ("GAO-05-927, MANAGING FOR RESULTS: ...") or, a
series' letters and two or more numbers, by a dash ("AR-16-20173 - The Increasing Threat to ...": the analysis
report's reference number, which its first page prints on a row of its own, not in the title). A name with one
number set off by a dash ("COVID-19 — Response", "2020 - Annual Report") may be the title's own."""


_COVER_ARTICLES = frozenset({"a", "an", "the"})
"""Words a cover may leave out of a title it sets as artwork, one phrase a line ("DATA / for / DEVELOPMENT / IMPACT
/ DIME ANALYTICS / RESOURCE GUIDE" for "Data for Development Impact: The DIME Analytics Resource Guide")."""


def _fuller(printed: str | None, info: str | None, first: list[_Line]) -> str | None:
    """The printed title, or the Info Title where it holds all the printed title's words in order and more, and
    the `first` page prints each of its words but articles (`_COVER_ARTICLES`): the layout read part of the title
    only (its first line glued to a smaller line beside it, "September 2005 MANAGING FOR", then "RESULTS /
    Enhancing Agency ...", or a cover's largest word). An Info Title with words the page does not print is a
    file's name ("PDF Example Document" over "Example document"). A number opening the Info Title is the
    document's, not part of its title (`_NUMBERED_RE`)."""
    if printed is None or info is None:
        return printed or info
    part, whole = (" ".join(_WORD_RE.findall(text.casefold())) for text in (printed, info))
    shown = {word for line in first for word in _WORD_RE.findall(line.text.casefold())} | _COVER_ARTICLES
    fuller = len(whole) > len(part) and re.search(rf"(?<!\w){re.escape(part)}(?!\w)", whole)
    return _NUMBERED_RE.sub("", info) if fuller and set(whole.split()) <= shown else printed


def _masthead(issue: list[str], pages: list[list[_Line]]) -> bool:
    """Whether the first page's largest line is a periodical's masthead: the running head of other pages prints
    it together with the date page 1 prints, as parts of one line naming the issue ("Federal Register / Vol. 85,
    No. 152 / Thursday, August 6, 2020 / Proposed Rules"). It names a section of the issue, not the document."""
    wanted = [re.compile(rf"(?<!\w){re.escape(squash(text).casefold())}(?!\w)") for text in issue]
    heads = [
        squash(line.text).casefold()
        for page in pages[1:]
        if page
        for line in page
        if line.row <= min(other.row for other in page) + 1
    ]
    return sum(1 for head in heads if all(part.search(head) for part in wanted)) >= _RUNNING_TITLE_REPEATS


def _reprinted(masthead: list[_Line], lines: list[_Line]) -> list[_Line]:
    """The later lines that print a masthead line again, the same words in the same size.

    A part that opens on a later page under the issuer's name prints the masthead again (a court's opinion after
    its syllabus: "SUPREME COURT OF THE UNITED STATES" over the caption once more): the issuer, as on the first
    page, and no heading of the text that follows it."""
    return [
        line
        for line in lines
        if line.page > 1 and any(line.text == head.text and abs(line.size - head.size) < 0.5 for head in masthead)
    ]


def _stack_title(lines: list[_Line]) -> list[_Line]:
    """The lines of the document's own heading under a masthead: the last block of the stack of bold lines that
    opens its text. A notice stacks its issuer, its part of the code and its docket above its title, each a block
    of its own, and sets its title last, right above the text ("DEPARTMENT OF TRANSPORTATION / ... / RIN
    2120-AA64 / Airworthiness Directives; The Boeing Company Airplanes / AGENCY: ...")."""
    start = next((i for i, line in enumerate(lines) if line.bold), len(lines))
    stack: list[_Line] = []
    for line in lines[start:]:
        if not line.bold:
            break
        stack.append(line)
    blocks: list[list[_Line]] = []
    for line in stack:
        if blocks and line.top - blocks[-1][-1].bottom <= line.size / 2:
            blocks[-1].append(line)
        else:
            blocks.append([line])
    last = blocks[-1] if blocks else []
    return last if last and last[0].text[:1].isupper() and not _generic(last[0].text) else []


def _caption(lines: list[_Line], words: set[str]) -> list[_Line]:
    """The lines of a case's caption on the first page, under any larger line (`lines`: those below it), else none.

    A court prints the case it decides as its parties in capitals parted by a lone "v." (`_captioned`), set apart
    as a block of its own: one to `_CAPTION_LINES` lines of one size, each centred under the one before and
    within a line's height of it. That block names the document; the larger line over it (the court's name, the
    same on every opinion it issues) names who issues it. A caption that is a long list of parties, left-aligned
    over many lines, is no such block: the running head names that case (`_running_caption`)."""
    blocks: list[list[_Line]] = []
    for line in lines:
        last = blocks[-1][-1] if blocks else None
        joined = (
            last is not None
            and abs(line.size - last.size) < 0.5
            and 0 <= line.top - last.bottom <= line.size
            and abs((line.x0 + line.x1) - (last.x0 + last.x1)) / 2 < line.size
        )
        if joined:
            blocks[-1].append(line)
        else:
            blocks.append([line])
    for block in blocks:
        text = ""
        for line in block:
            text = _join(text, line.text, words)
        if len(block) <= _CAPTION_LINES and _captioned(text):
            return block
    return []


_CAPTION_LINES = 3
"""A caption block short enough to be a title: a case's short name wraps over two or three lines."""
_CAPTION_RE = re.compile(r"(?P<first>\S.*?)\s+(?:v|vs)\.\s+(?P<second>\S.*)", re.IGNORECASE)


def _captioned(text: str) -> bool:
    """Whether a text is a case's caption: parties in capitals on either side of a lone "v." or "vs." (the court's
    short name of the case, "TARRANT REGIONAL WATER DISTRICT v. HERRMANN ET AL."). A sentence or a citation in the
    text ("Hest Techs., Inc. v. State") sets its parties in lower case."""
    found = _CAPTION_RE.fullmatch(text)
    return found is not None and all(
        _WORD_RE.search(part) and part.upper() == part for part in (found["first"], found["second"])
    )


def _running_caption(pages: list[list[_Line]]) -> str | None:
    """The case's caption the running head prints at the top of two pages or more (`_captioned`): an opinion whose
    first page lists its parties in full gives the case's name in its running head ("GIFT SURPLUS, LLC V. STATE EX
    REL. COOPER"). A reporter sets the page's number in the same line, at its outer end ("2086 MORTIMER v. BACA",
    "MORTIMER v. BACA 2087"): the number is the page's, not the case's, and each page's differs."""
    heads = Counter(
        head
        for page in pages[1:]
        if page
        for line in page
        if line.row <= min(other.row for other in page) + 1
        and _captioned(head := _HEAD_PAGE_NUMBER_RE.sub("", line.text))
    )
    return next((text for text, count in heads.most_common(1) if count >= _RUNNING_TITLE_REPEATS), None)


_HEAD_PAGE_NUMBER_RE = re.compile(r"^\d{1,5}\s+|\s+\d{1,5}$")
"""A page number at either end of a running head."""


_VERSUS_RE = re.compile(r"[–—-]?(?:v|vs)\.[–—-]?|versus", re.IGNORECASE)
"""The line of its own that parts a case's parties in its caption: "v.", "vs." or the word in full, "versus", as
the Fifth Circuit sets it; between dashes ("–v.–") as the Second Circuit does."""
_ROLES = frozenset(
    "plaintiff defendant appellant appellee petitioner respondent intervenor movant claimant cross counter third "
    "party".split()
)
"""The words a court names its parties' roles with in a caption ("Plaintiff, Appellant,", "Defendants-Appellees.",
"Third-Party Defendant", "Plaintiff—Appellant,")."""
_ROLE_WORDS_RE = re.compile(r"[\s,./;\-–—]+|\band\b")


def _role(text: str) -> bool:
    """Whether a line only names a party's roles, capitalised (`_ROLES`, each perhaps plural, parted by commas,
    hyphens, dashes, slashes or "and"): the line a court sets under each party of its caption."""
    words = [word for word in _ROLE_WORDS_RE.split(text) if word]
    return bool(words) and all(word[0].isupper() and word.casefold().removesuffix("s") in _ROLES for word in words)


def _party_block(lines: Iterable[_Line]) -> list[_Line]:
    """The lines of one party in a caption, from the line next to its role or "v." line on (`lines` run away from
    it, up or down the page): each within half a line's height of the one before, as a party's name and
    description wrap, while the caption's parts stand a line or more apart; a role line ends it."""
    block: list[_Line] = []
    for line in lines:
        if block:
            near, far = sorted((line, block[-1]), key=lambda part: part.top)
            if abs(line.size - block[-1].size) >= 0.5 or not 0 <= far.top - near.bottom <= line.size / 2:
                break
        if _role(line.text) or _VERSUS_RE.fullmatch(line.text):
            break
        block.append(line)
    return block


def _party_name(block: list[_Line], text_face: str | None) -> str | None:
    """A party's name: the words in capitals that open its lines ("JANET T. MILLS, in her official capacity as
    ..."): a caption sets the parties' names in capitals and what it says of them (an office, a capacity) in lower
    case. A caption set in small capitals reads in mixed case ("Vanessa St. Pierre,"): the name is then the words
    set in the face of its own the block opens in (`_face_words`), unless that face is the text's, `text_face`."""
    named: list[str] = []
    for word in " ".join(line.text for line in block).split():
        if word != word.upper():
            break
        named.append(word)
    if not named and block and _face(block[0]) != text_face:
        named = _face_words(block)
    name = " ".join(named).strip(" ,;")
    return name if _WORD_RE.search(name) else None


def _face(line: _Line) -> str | None:
    """The font the line's first printed character is set in."""
    return next((str(c.get("fontname")) for c in line.chars if not c["text"].isspace()), None)


def _face_words(block: list[_Line]) -> list[str]:
    """The words of a block set in the face its first line opens in, up to the first character in another face (a
    party's small capitals, up to the italic of what the caption says of it)."""
    face = _face(block[0])
    words: list[str] = []
    for line in block:
        printed = [c for c in line.chars if not c["text"].isspace()]
        kept = next((at for at, c in enumerate(printed) if str(c.get("fontname")) != face), len(printed))
        count = 0
        for word in line.text.split():
            count += len(word)
            if count > kept:
                return words
            words.append(word)
        if kept < len(printed):
            return words
    return words


def _text_face(lines: list[_Line]) -> str | None:
    """The font most of the lines' printed characters are set in: the text's own face."""
    faces = Counter(str(c.get("fontname")) for line in lines for c in line.chars if not c["text"].isspace())
    return faces.most_common(1)[0][0] if faces else None


def _parties(lines: list[_Line]) -> tuple[str, str] | None:
    """The names of a case's two parties as the first page's caption prints them (`_party_name`), where it names
    their roles, else None.

    Courts of every level set a caption so: each party on lines of its own, a line naming its role under it
    ("Plaintiff, Appellant," `_role`), and a lone "v." between the two ("CALVARY CHAPEL OF BANGOR, / Plaintiff,
    Appellant, / v. / JANET T. MILLS, in her official capacity ... / Defendant, Appellee."). The role lines are
    what tell a caption from a "v." that happens to stand alone; one of the two parties may go without its own."""
    for at, line in enumerate(lines):
        if not _VERSUS_RE.fullmatch(line.text):
            continue
        above = at
        while above and _role(lines[above - 1].text):
            above -= 1
        first, second = _party_block(reversed(lines[:above])), _party_block(lines[at + 1 :])
        after = at + 1 + len(second)
        roled = above < at or (after < len(lines) and _role(lines[after].text))
        if not (roled and first and second):
            continue
        face = _text_face(lines)
        one, other = _party_name(first[::-1], face), _party_name(second, face)
        if one and other:
            return one, other
    return None


def _case_name(parties: tuple[str, str], lines: list[_Line]) -> str:
    """The case's name: as the text prints it where it cites the case by its parties, the first party in full
    and the second by the last words of its name ("Calvary Chapel of Bangor v. Mills", citing the case decided
    below), as a court names a person party by surname; else each side's first party (`_first_party`) by the name
    the text calls it by (`_short_name`): "St. Pierre v. Standard Insurance Company". A caption sets the names in
    capitals and adds to each its office or capacity; the text's citation is the name the case is known by."""
    first, second = (_first_party(name) for name in parties)
    printed = _printed_case_name(first, lines)
    if printed is not None:
        return printed
    words = second.split()
    seconds = "|".join(r"\s+".join(map(re.escape, words[start:])) for start in range(len(words)))
    firsts = r"\s+".join(map(re.escape, first.split()))
    cited = re.compile(rf"(?<!\w){firsts}\s+vs?\.\s+(?:{seconds})(?!\w)", re.IGNORECASE)
    text = " ".join(line.text for line in lines)
    found = cited.search(text)
    return squash(found.group()) if found else f"{_short_name(first, text)} v. {_short_name(second, text)}"


def _printed_case_name(first: str, lines: list[_Line]) -> str | None:
    """The case's name as a line of the first page prints it on its own, where one does: the first party by the last
    words of its name (`first`, as the caption gives it), "v." and the other side as the court names it, in mixed
    case ("Gildernew v. Gantner", atop the Second Circuit's opinion under its docket number). The court's own name
    for the case goes before one made from the caption: the other side may be named for a party the caption does
    not list first (an officer since substituted)."""
    words = first.split()
    tails = {" ".join(words[start:]).casefold() for start in range(len(words))}
    for line in lines:
        if line.page != 1:
            break
        found = _CAPTION_RE.fullmatch(line.text)
        if (
            found is not None
            and found["first"].casefold() in tails
            and all(_TITLE_WORD_RE.match(word) and word[0].isupper() for word in found["second"].split())
            and not _captioned(line.text)
        ):
            return line.text
    return None


def _first_party(name: str) -> str:
    """The first of the parties a caption lists on one side, parted by semicolons ("Standard Insurance Company;
    Dearborn National Life Insurance Company"): a case is named by the first party of each side."""
    return name.split(";")[0].strip(" ,")


_SHORT_NAME_USES = 2
"""A short name the text calls a party by at least this often: more than a passing mention."""


def _short_name(name: str, text: str) -> str:
    """The shortest tail of a party's name that the text uses on its own (`_SHORT_NAME_USES` times or more, opening
    with a capital), else the name in full: a court names a person party by surname ("Vanessa St. Pierre" is "St.
    Pierre" through the opinion), and a company by its full name. A use counts where no capitalised word stands
    before it, as one would in another name ("Dearborn National Life Insurance Company" is no use of "Insurance
    Company")."""
    words = name.split()
    for start in range(len(words) - 1, 0, -1):
        if not words[start][:1].isupper():
            continue
        tail = re.compile(r"(?<!\w)" + r"\s+".join(map(re.escape, words[start:])) + r"(?!\w)", re.IGNORECASE)
        uses = 0
        for found in tail.finditer(text):
            before = text[: found.start()].split()[-1:]
            uses += not before or not before[0][:1].isupper() or before[0][-1] in ",;:"
        if uses >= _SHORT_NAME_USES:
            return " ".join(words[start:])
    return name


_RUNNING_TITLE_REPEATS = 2
"""A heading the furniture prints again at least this often (two pages' header or footer) is the title."""


def _running_title(lines: list[_Line], body_size: float, pages: list[list[_Line]]) -> str | None:
    """The first heading of the text that the running furniture prints again as a line of its own, twice or
    more: a report opening with a covering letter prints no title on its first page, but its title heads the
    report and stands in every page's header or footer ("Adopting Standardized Formats ... / Office of the
    Clerk · May 11, 2020 · Page 1 of 6")."""
    printed = Counter(line.text.casefold() for page in pages for line in page)
    for line in lines:
        heading = _heading_like(line, body_size) and _WORD_RE.search(line.text) and not _generic(line.text)
        if heading and printed[line.text.casefold()] - 1 >= _RUNNING_TITLE_REPEATS:
            return line.text
    return None


_SURNAME_FIRST_RE = re.compile(r"([^,]+),\s*([^,]+)")


_NAME_RUN_GAP_RE = re.compile(r"\s{2,}")
"""Two spaces or more inside an Info Author: the gap LaTeX leaves between two names its `\\and` parts."""


def _listed_names(metadata: dict, value: str) -> list[str]:
    """The names an Info Author lists, one where it names one. LaTeX's hyperref writes several authors as "A ; B";
    a class that passes its title page's author list on as it is (tufte-book: "A \\and B") leaves a run of spaces
    between the names ("Kristoffer Bjärkefur  Luíza Cardoso de Andrade  ..."), which `_info` squashes to one space
    and so runs every name into one. One space parts a name's own words; two never do."""
    if ";" in value:
        return [name.strip() for name in value.split(";")]
    raw = metadata.get("Author")
    raw = raw.decode("utf-8", "replace") if isinstance(raw, bytes) else raw
    return [name for name in _NAME_RUN_GAP_RE.split(raw.strip()) if name] if isinstance(raw, str) else [value]


def _printed_info(metadata: dict, pages: list[list[_Line]]) -> str | None:
    """The Info Author, where the document's pages print it (`_prints`); else None.

    Programs fill the field with what the document never says: the publisher's pipeline ("Publications Office"
    over a law the Parliament adopts), the account of whoever saved the file, which a directory stores surname
    first ("Doan, Phoebe"), or a login ("localuser"). A name the author gave the file is printed on its pages
    (a byline, a letterhead, a running footer: any line, running ones too, on any page, as an organisation may
    name itself only on its later pages), so a value no page prints is no author as printed. A surname-first
    value counts printed in either order and is given as printed, given name first; LaTeX's hyperref writes
    several authors as "A ; B", each of which must be printed, given as a list.
    """
    value = _info(metadata, "Author")
    if not value or IDENTIFIER_RE.fullmatch(value):
        return None
    text = " ".join(line.text for lines in pages for line in lines)
    listed = _listed_names(metadata, value)
    if len(listed) > 1 and all(personal_names(name) == name for name in listed):
        return ", ".join(listed) if all(_prints(text, name) for name in listed) else None
    swapped = _SURNAME_FIRST_RE.fullmatch(value)
    forms = (f"{swapped[2]} {swapped[1]}", value) if swapped else (value,)
    return next((form for form in forms if _prints(text, form)), None)


def _prints(text: str, name: str) -> bool:
    """Whether the text prints the name as whole words, whatever its case and spacing."""
    return (
        re.search(r"(?<!\w)" + r"\s+".join(map(re.escape, name.split())) + r"(?!\w)", text, re.IGNORECASE) is not None
    )


def _issuer(pages: list[list[_Line]], title: list[_Line]) -> _Line | None:
    """The line naming the body that issues the document: its author when it names no person.

    A report's cover prints its publisher at the top, above the title and smaller ("United States Government
    Accountability Office", "RANKING DIGITAL RIGHTS"), and the document names it again further on (a
    letterhead, an "About ..." page). The first row of the first page counts when it is one line above the
    title that reads as a name (`_organisation`) and another page prints the same name; a series label or a
    report number is no name, or is printed nowhere else. A name keeps its capitals wherever it is printed, so a
    label the text also prints in lower case ("Technical Guidance" over the title, "technical guidance on ..." in
    a sentence) is a common phrase, not a name.
    """
    cover = pages[0] if pages else []
    if not title or not cover:
        return None
    first = min(line.row for line in cover)
    top = [line for line in cover if line.row == first]
    if len(top) != 1 or first >= title[0].row or top[0].size >= title[0].size or not _organisation(top[0].text):
        return None
    name = re.compile(rf"(?<!\w){re.escape(top[0].text)}(?!\w)", re.IGNORECASE)
    printed = [found.group() for lines in pages[1:] for line in lines for found in name.finditer(line.text)]
    return top[0] if printed and not any(_lowered(text) for text in printed) else None


def _lowered(text: str) -> bool:
    """Whether a name's words are printed with one of them, other than a joining word, in lower case."""
    return any(word[0].islower() and word not in _JOINING_WORDS for word in text.split())


def _emblem_name(first: list[_Line], logos: Sequence[_Box], title: list[_Line]) -> list[_Line]:
    """The lines naming the body that issues the document beside its emblem at the cover's head, else none.

    An institution's document opens under its letterhead: its logo, a picture, with its name set right beside or
    under it, often stacked in two lines ("EUROPEAN" over "COMMISSION"). The name is the document's author when it
    names no person, though the text speaks of it only as "the Commission". The lines are the cover's first rows,
    above the title, each within a line's height of one picture (`logos`), and together read as an organisation's
    name (`_organisation`). A letterhead may set the name at the page's right edge, level with an emblem at its
    left, a wide gap between them ("National Cybersecurity and" / "Communications Integration Center" beside a
    seal and wordmark): lines wholly within the emblem's height, right of it, are beside it too."""
    if not title or not logos:
        return []
    head = [line for line in first if line.row < title[0].row]
    for left, top, right, bottom in logos:
        near = [
            line
            for line in head
            if (
                line.x0 - right <= line.size
                and left - line.x1 <= line.size
                and line.top - bottom <= line.size
                and top - line.bottom <= line.size
            )
            or (line.x0 >= right and line.top >= top and line.bottom <= bottom)
        ]
        if near and near == head[: len(near)] and _emblem_names(near):
            return near
    return []


def _emblem_names(lines: list[_Line]) -> str | None:
    """The organisations' names a masthead's stacked lines print (`_emblem_name`), else None: one name, its words
    run on from line to line ("EUROPEAN" over "COMMISSION"); or, where the lines together run past one name's
    words (`_ORGANISATION_WORDS`), a unit over the body it belongs to, each name a line of its own set as one run
    of words (`_labels_of`: names set side by side in a row, wide apart, are a list of people), a line opening with
    a joining word carrying on the name above ("Human Rights Division" over "United Nations Mission" over "in South
    Sudan"), the names given as printed, parted by commas."""
    whole = " ".join(line.text for line in lines)
    if _organisation(whole):
        return whole
    names: list[str] = []
    for line in lines:
        if len(_labels_of(line)) > 1:
            return None
        if names and line.text.split()[0] in _JOINING_WORDS:
            names[-1] += f" {line.text}"
        else:
            names.append(line.text)
    return ", ".join(names) if len(names) > 1 and all(_organisation(name) for name in names) else None


_FOOTER_PARTS_RE = re.compile(r"\s+[·•|–—]\s+")


def _footer_issuer(pages: list[list[_Line]], date: str | None) -> str | None:
    """The body a running footer names beside the document's date ("Office of the Clerk · May 11, 2020 · Page 1
    of 6"): the issuer of a document whose pages name it nowhere else. The footer must print the date the
    document is dated by, on two pages or more, and exactly one of its parts must read as an organisation."""
    found: Counter[str] = Counter()
    for page in pages if date else ():
        last = max((line.row for line in page), default=0)
        for line in page:
            parts = _FOOTER_PARTS_RE.split(line.text) if line.row >= last - 1 else []
            names = [part for part in parts if _organisation(part)]
            if len(names) == 1 and any(_date(part, labelled=False) == date for part in parts):
                found[names[0]] += 1
    named = [name for name, count in found.items() if count >= _RUNNING_TITLE_REPEATS]
    return named[0] if len(named) == 1 else None


def _title_owner(
    first: list[_Line], title_lines: list[_Line], title: str | None, pages: list[list[_Line]]
) -> str | None:
    """The organisation the cover names as the owner of its title, where the document names no other author.

    A report whose publisher's name on the cover is a logo (an image: no text, so `_issuer` finds no line) still
    names itself in the cover's summary, its name set right before the report's title as one noun ("The Ranking
    Digital Rights 2015 Corporate Accountability Index evaluates ..."): the capitalised words right before the
    title words, after the capitalised "The" that opens the noun, read as an organisation (`_organisation`), are
    its author (the cover's lines are read run together: words before that "The" are another line's). The title
    must be the cover's own (printed in its largest type), and the name must stand on another page too, there not
    before the title (a staff list, an "About ..." heading): capitalised words printed only before the title may
    be the start of a longer title. A funder, a partner or a cited body is named beside the title, not as the
    noun that owns it.
    """
    if not title_lines or not title:
        return None
    shown = {id(line) for line in title_lines}
    text = " ".join(line.text for line in first if id(line) not in shown)
    wording = r"\s+".join(map(re.escape, title.split()))
    found = re.search(rf"(?<!\w){wording}(?!\w)", text, re.IGNORECASE)
    if found is None:
        return None
    words: list[str] = []
    for word in reversed(text[: found.start()].split()):
        if word.casefold() in _JOINING_WORDS and word == word.capitalize() != word.casefold():
            break  # "The" starts the noun: a name's own joining words are in lower case (or all in capitals)
        if not (_CAPITALISED_RE.fullmatch(word) or word in _JOINING_WORDS):
            break
        words.insert(0, word)
    while words and words[0] in _JOINING_WORDS:
        words.pop(0)
    name = " ".join(words)
    if not _organisation(name):
        return None
    named = re.compile(rf"(?<!\w){re.escape(name)}(?!\w)(?!\s+{wording})", re.IGNORECASE)
    return name if any(named.search(line.text) for lines in pages[1:] for line in lines) else None


_POSTAL_RE = re.compile(r"[A-Z][^\W\d_]+(?:[ -][A-Z][^\W\d_]+)*,?\s+(?:[A-Z]{2}|[A-Z]\.\s?[A-Z]\.)\s+\d{5}(?:-\d{4})?")
"""A postal address's last line as the United States writes it: town, state and ZIP code ("Washington, DC 20544")."""
_ADDRESS_LINES = 3
"""An organisation's postal address takes at most this many lines under its name (a street, a suite, the town)."""


def _imprint(first: list[_Line], title_lines: list[_Line]) -> str | None:
    """The organisation the first page names under its title over its postal address, else None.

    A report's cover may end in its publisher's imprint: the name ("Administrative Office of the U. S. Courts") and
    under it the address a reader writes to (a street, then the town, state and ZIP code, `_POSTAL_RE`). The name over
    an address is who issues the report; the address says so, as no title, date or heading is followed by one. Only
    below the title: above it a letter prints whom it is addressed to, name and address alike."""
    if not title_lines or title_lines[-1] not in first:
        return None
    below = first[first.index(title_lines[-1]) + 1 :]
    for index, line in enumerate(below):
        if not _organisation(line.text):
            continue
        address = below[index + 1 : index + 1 + _ADDRESS_LINES]
        postal = next((at for at, under in enumerate(address) if _POSTAL_RE.fullmatch(under.text)), None)
        close = postal is not None and all(
            0 <= under.top - over.bottom <= under.size for over, under in pairwise([line, *address[: postal + 1]])
        )
        if close:
            return line.text
    return None


def _preparer(first: list[_Line]) -> str | None:
    """The organisation the cover says prepared the document, where the cover also prints its name on a line of its
    own; else None.

    A consultation paper or a committee's report names no person: its cover says whose it is in a sentence ("This
    paper has been prepared for consultation by the ... Committee (IMSC).") and sets the name again as a line of
    its own, as a signature at the cover's foot. Both must stand on the cover, and the name must read as an
    organisation (`_organisation`): a sentence naming who prepared a cited work, or a person, is no imprint.
    """
    own = {line.text.casefold() for line in first}
    text = " ".join(line.text for line in first)
    for span in split_sentences(text):
        name = maker(text[span.start : span.end])
        if name and _organisation(name) and name.casefold() in own:
            return name
    return None


_CREDIT_RE = re.compile(r"(?:An?|The)(?:\s+[^\W\d_]+){1,3}\s+by(?:\s+(?P<names>\S.*))?")
"""A cover's line that says whose the work is in a noun phrase ("A joint briefing by", "A report by OpenOwnership
and Global Witness"): an article, up to three words and "by", the names after it or on the next line. Without the
article the line credits a part of the work ("Photo by", "Funded by") or is a sentence."""


def _credit(first: list[_Line]) -> tuple[list[_Line], str] | None:
    """The lines of a cover's credit (`_CREDIT_RE`) and the names it gives, else None.

    A briefing written jointly by organisations prints "A joint briefing by" over "OpenOwnership and Global Witness"
    where a paper sets its byline: the credit is a byline whose "By" the phrase carries. Only a line standing apart
    from the text's columns, and the names must read as people's (`_names`) or as organisations', each part of a
    list (`_organisation`, a one-word name such as "OpenOwnership" alike): words after "by" that are neither are
    prose. The names go on the next line when the credit ends in "by" and that line stands right under it."""
    for index, line in enumerate(first):
        found = _CREDIT_RE.fullmatch(line.text)
        if found is None or line.column is not None:
            continue
        lines, names = [line], found["names"]
        under = first[index + 1] if index + 1 < len(first) else None
        if names is None and under is not None and 0 <= under.top - line.bottom <= line.size:
            lines, names = [line, under], under.text
        if names and (named := _names(names) or _organisations(names)):
            return lines, named
    return None


def _organisations(text: str) -> str | None:
    """The text if it lists organisations' names ("OpenOwnership and Global Witness"), parted by commas and a last
    "and", each an organisation's name (`_organisation`) or a single capitalised word ("OpenOwnership"); else None."""
    parts = re.split(r",\s*(?:and\s+)?|\s+and\s+", text)
    return text if all(_organisation(part) or _CAPITALISED_RE.fullmatch(part) for part in parts) else None


def _named_over_date(first: list[_Line], title_lines: list[_Line], dateline: _Line | None) -> _Line | None:
    """The cover's line that names its author alone, set right over the cover's date and under its title; else None.

    A report's cover may set its title, a subtitle, the author's name and the date one under another, and name no
    author anywhere else (a Typst report through Quarto: "Muhammad Aslam Hayat" over "August 1, 2025"). A subtitle
    between the title and the name keeps the name from the byline's place, right under the title. Only on a cover,
    a first page that writes no sentence outside its title (which may end in a colon), and only a line read as
    personal names (`_names`) and nothing else.
    """
    if dateline is None or not title_lines or dateline not in first:
        return None
    if any(_SENTENCE_END_RE.search(line.text) for line in first if line not in title_lines):
        return None
    at = first.index(dateline)
    above = first[at - 1] if at > 0 else None
    if above is None or above in title_lines or above.top < title_lines[-1].bottom:
        return None
    return above if _names(above.text) == above.text else None


_AUTHOR_LABEL_RE = re.compile(
    r"(?:(?:principal|lead|main)\s+)?authors?(?:\s*\(s\))?|(?:prepared|written)\s+by", re.IGNORECASE
)
"""The label of a document-control table's field naming who wrote the document: "Author", "Authors", "Author(s)",
"Principal authors", "Prepared by", "Written by" (a colon after it allowed)."""
_LABELLED_NAMES_RE = re.compile(rf"(?:{_AUTHOR_LABEL_RE.pattern})\s*:?\s+(?P<names>.+)", re.IGNORECASE)
"""An author label and its names on one line, as a back page's credits run them ("Author Tymon Kiepe")."""
_ADDRESS_WORDS = sorted(map(str.capitalize, FORMS_OF_ADDRESS), key=lambda word: (-len(word), word))
_HONORIFIC_RE = re.compile(rf"(?:^|(?<=[,;&] )|(?<=\band ))(?:The\s+)?(?:(?:{'|'.join(_ADDRESS_WORDS)})\.?\s+)+")
"""The forms of address before each name of a cell ("Dr G.F. Marshall", "Dr A and Prof B", "The Rt Hon C"): no
part of the name. The words are the metadata's (`FORMS_OF_ADDRESS`), capitalised as a name's style is set, the
longest first ("Revd" before "Rev"); `styled_name` takes a style off only where it opens the text, and here each
name of a list opens where the cell does or after a comma, a semicolon, "&" or "and". Elsewhere the word is a
name's own ("Drew Lord")."""


def _author_field(pages: list[list[_Line]]) -> str | None:
    """The names a document-control table on the opening pages, or the credits of the back page, give under their
    author label, else None.

    A report or specification written in an office opens with an administration page: ruled tables of short
    labelled fields (project, customer, authors, release authority, record of changes), which the text leaves out
    as a grid. Its field "Authors" is the document's own statement of who wrote it. The value is the cell beside the
    label, on its row; or, where the label heads a block of rows ("Principal authors" over one row per author, an
    address beside each name), the cells under it at its left edge, while they read as names and are set in one
    face (the next block's label, in the label's face, ends them). A form of address ("Dr") is no part of a name.
    A designed briefing names no one on its cover and sets the same fields on its back page instead, a block of
    labels each over its names ("Authors" over "Ramandeep Kaur Chhina", then "Editor" over the editor's): the
    label alone on its line and names under it are the statement, as on an administration page, or the label
    with the names after it on one line ("Author Tymon Kiepe") when all that follows the label reads as names; a
    line that merely mentions authors is no label. `pages` holds every line, those of a grid too."""
    for lines in [*pages[:_BYLINE_PAGES], *pages[_BYLINE_PAGES:][-1:]]:
        for label in lines:
            inline = _LABELLED_NAMES_RE.fullmatch(label.text)
            if inline and (named := _names(_HONORIFIC_RE.sub("", inline["names"]))):
                return named
            if not _AUTHOR_LABEL_RE.fullmatch(label.text.rstrip(": ")):
                continue
            beside = [line for line in lines if abs(line.top - label.top) < label.size / 2 and line.x0 > label.x1]
            under = sorted(
                (line for line in lines if line.top > label.top and abs(line.x0 - label.x0) < label.size),
                key=lambda line: line.top,
            )
            cells = [min(beside, key=lambda line: line.x0)] if beside else under
            face = cells[0].bold if cells else False
            names = [_names(_HONORIFIC_RE.sub("", cell.text)) if cell.bold == face else None for cell in cells]
            found = [name for name in takewhile(bool, names[: 1 if beside else None]) if name]
            if found:
                return ", ".join(found)
    return None


def _organisation(text: str) -> bool:
    """Whether a line reads as an organisation's name: two to eight capitalised words (small joining words such
    as "of" and "for" between them), no digits, no sentence punctuation, not a section's name."""
    words = text.split()
    low, high = _ORGANISATION_WORDS
    return (
        low <= len(words) <= high
        and not _generic(text)
        and words[0] not in _JOINING_WORDS
        and words[-1] not in _JOINING_WORDS
        and all(_CAPITALISED_RE.fullmatch(word) or word in _JOINING_WORDS for word in words)
    )


def _signed(lines: list[_Line]) -> dict[int, str]:
    """The names of a byline that gives each author's job, by the id of the line printing each.

    On the opening pages, a name with its job title set just under it, at the same left edge ("Karen
    L. Shanton" over "Analyst in American National Government"); else a sign-off, a line of its own on
    the last two pages (the text's end, before any closing disclaimer): "Amanda K. Sarata, Specialist in
    Health Policy", or its name on a line over its job (`_sign_off`). A list item ("• Ana Ruiz, Director")
    names a team, not the authors.
    """
    opening = [line for line in lines if line.page <= _BYLINE_PAGES and not _listed(line)]
    found: dict[int, str] = {}
    for line, below in zip(opening, opening[1:], strict=False):
        beneath = below.page == line.page and 0 <= below.top - line.bottom <= line.size
        if beneath and abs(below.x0 - line.x0) < line.size and role(below.text) and (name := _names(line.text)):
            found[id(line)] = name
    if found or not lines:  # no lines at all: a page of figures only, or every line set aside as chrome
        return found
    last = max((line.page for line in lines), default=0)
    for above, line, below in zip([None, *lines], lines, [*lines[1:], None], strict=False):
        name, comma, job = _sign_off(line, below).partition(", ")
        if line.page < last - 1 or _listed(line) or _roster_entry(line, above):
            continue
        if comma and role(job) and (name := _names(name)):
            found[id(line)] = name
    return found


def _roster_entry(line: _Line, above: _Line | None) -> bool:
    """Whether a line is part of a roster whose entries each close with a semicolon: the line ends one, or the line
    above it does. A report's annex lists a delegation's members with their posts so ("Ximena Abarca, Executive
    Director of the National Council for Women;" over "Remigia Saldaña, Director of Protection Policies at the Migrant
    National Secretariat;"): each entry reads as a name and a job, but the list names the members, not the signers."""
    return line.text.endswith(";") or (above is not None and above.text.endswith(";"))


_VALEDICTIONS = frozenset(
    {
        "sincerely", "yours sincerely", "sincerely yours", "yours faithfully", "yours truly", "respectfully",
        "respectfully submitted", "regards", "kind regards", "best regards",
    }
)  # fmt: skip
"""The closing words a letter sets alone on a line over its signer."""


def _valediction_signer(lines: list[_Line]) -> str | None:
    """The signer a valediction stands over ("Sincerely," over "The Members of Joint Councils"), else None.

    A letter, or a declaration written as one ("We, the Members of Joint Councils, ... hereby declare"), is signed at
    its close, by a body's name where no person signs, and may close before its last page (a declaration printed in
    English and then in French). The signer is the line right under the valediction at its left edge, within two
    lines' height (room for a signature), naming a person or a body (`_organisation`), not a sentence."""
    for line, below in pairwise(lines):
        if line.text.rstrip(",").casefold() not in _VALEDICTIONS or below.page != line.page:
            continue
        under = 0 <= below.top - line.bottom <= 2 * line.size and abs(below.x0 - line.x0) < line.size
        if under and not _SENTENCE_END_RE.search(below.text) and _organisation(below.text):
            return _names(below.text) or below.text
    return None


def _sign_off(line: _Line, below: _Line | None) -> str:
    """A sign-off's name and job as one line: a name set on a line of its own, ending in a comma, goes on in the job
    on the line right under it at its left edge ("Lance T. Gant," over "Director, Compliance & Airworthiness"), as
    an official document is signed under the day it was issued."""
    if below is None or not line.text.endswith(",") or below.page != line.page:
        return line.text
    under = 0 <= below.top - line.bottom <= line.size and abs(below.x0 - line.x0) < line.size
    return f"{line.text} {below.text}" if under else line.text


_JUDGE_RE = re.compile(r"(?P<judge>(?:CHIEF |CIRCUIT |DISTRICT )?(?:JUSTICE|JUDGE) [A-Z][A-Z'’-]+)(?: [a-z][^.]*)?\.")
"""A court opinion's opening line as the court prints its judge, the title and the name in capitals ("JUSTICE
SOTOMAYOR delivered the opinion of the Court.")."""

_BENCH_RE = re.compile(
    r"(?P<judge>[A-Z][A-Z'’-]+(?: [A-Z][A-Z'’-]+)*, (?:[A-Z][a-z]+ ){0,3}(?:Justice|Judge|C\. ?J|J))[.:]"
    r"(?:\s+[A-Z“\"].*)?"
)
"""A court opinion's opening line as other courts print it: the name in capitals, then the title, any words of
the office before it ("HUDSON, Justice.", "SMITH, J.", "SELYA, Circuit Judge.", or with a colon as the Ninth
Circuit sets it, "CALLAHAN, Circuit Judge:"), alone on its line or with the
opinion's first sentence after it ("SELYA, Circuit Judge. This interlocutory appeal arises"). A panel names its
judges after "Before" and in the plural ("Selya and Barron, Circuit Judges."), and a separate opinion's line goes
on after a comma ("BARRON, Circuit Judge, concurring"): neither is the line."""


def _judge(lines: list[_Line]) -> str | None:
    """The judge who writes an opinion, as the first line of the document naming one so prints it (`_JUDGE_RE`,
    `_BENCH_RE`, the name then the title: "HUDSON, Justice"); None where no line does. A court sets its judges'
    names in capitals, and only there: a judge named in a sentence ("Judge Ervin assumed", "(Ervin, J.,
    dissenting)") is no author line. A summary's note of who wrote the opinion ("SOTOMAYOR, J., delivered the
    opinion for a unanimous Court.") runs on past the title and is not taken: the opinion's own line names its
    author."""
    found = next(
        (match for line in lines if (match := _JUDGE_RE.fullmatch(line.text) or _BENCH_RE.fullmatch(line.text))),
        None,
    )
    return found["judge"] if found else None


def _listed(line: _Line) -> bool:
    """Whether a line opens a list item: after a bullet glyph, mapped or not."""
    return line.listed or _symbol({"text": line.text[:1]})


def _dated(lines: list[_Line]) -> tuple[str | None, _Line | None]:
    """The document's date and the line printing it.

    A short dateline across the first page ("Updated April 20, 2026"), made exact by a date alone on
    its line on the opening pages that falls within it (a cover's "February 2006", a covering letter's
    "February 8, 2006"). With no dateline, such an exact date, or a date alone at the first page's top
    or foot, where a cover prints it ("March 2017" beside the publisher's address). Elsewhere, a date
    in a column may be a value of an infobox ("Formed" | "December 1916"), dating something else.
    """
    first = [line for line in lines if line.page == 1]
    dateline = next((line for line in first if (line.column is None or _placed(line.text)) and _date(line.text)), None)
    date = _date(dateline.text) if dateline is not None else None
    alone = [(line, found) for line in lines if line.page <= _OPENING_PAGES and (found := _date(line.text, False))]
    exact = next(((line, found) for line, found in alone if len(found) == 10 and found.startswith(date or "")), None)
    if exact is not None and (date is None or len(date) < len(exact[1])):
        return exact[1], exact[0]
    if date is None and first:
        edges = {min(line.row for line in first), max(line.row for line in first)}
        at_edge = next(((found, line) for line, found in alone if line.page == 1 and line.row in edges), None)
        found = (
            at_edge
            or _edge_field_date([line for line in first if line.row in edges])
            or _numbered_row_date(first)
            or _byline_date([line for line in first if line.row in edges])
            or (next((found for line in first if (found := _last_event(line))), None), None)
        )
        return found if found[0] is not None else (_printing_date(lines), None)
    return date, dateline


_PRINTING_RE = re.compile(
    r"(?:(?:first|second|third|fourth|fifth|\d+(?:st|nd|rd|th)|revised|new) (?:printing|edition|impression)"
    r"|(?:first )?published|printed)[,:]?\s+(?:in\s+)?(?P<date>[^\W\d_]+\.?,?\s+\d{4}|\d{4})\.?",
    re.IGNORECASE,
)
"""A book's statement of its printing or edition, alone on its line, and the month and year or the year it gives
("First printing, May 2019", "First published 2019", "Published March 2020", "Second edition, 2021")."""


def _printing_date(lines: list[_Line]) -> str | None:
    """The date the opening pages' printing or edition statement gives (`_PRINTING_RE`), else None.

    A book prints no dateline on its cover; its imprint page, behind the title page, states when the copy was
    printed or published ("First printing, May 2019" under the copyright and licence), the book's own word on its
    date. The month and year are given as `YYYY-MM`, a year alone as `YYYY`: no day made up. Only a line that is
    nothing but the statement counts, on the opening pages (`_OPENING_PAGES`): a reference or a sentence naming
    when something else was published is longer, and further on. Of several (a first edition's year over a
    reprint's), the latest dates the copy in hand.
    """
    found = [
        month_date(match["date"]) or (match["date"] if match["date"].isdigit() else None)
        for line in lines
        if line.page <= _OPENING_PAGES and (match := _PRINTING_RE.fullmatch(line.text))
    ]
    return max(filter(None, found), default=None)


def _edge_field_date(edge: list[_Line]) -> tuple[str, None] | None:
    """The date a field of the first page's top or bottom row prints alone, else None: a preprint's header sets its
    date and its status apart by a gutter ("April 23, 2021" ... "Under review at Global Policy"), parts of one row
    read as one line, and a date standing alone in its part is the document's as one alone on its line is. The
    line stays the text's: only its one field is the date."""
    for line in edge:
        fields = _fields(line)
        found = next((day for text in fields if (day := _date(text, labelled=False))), None)
        if found and len(fields) > 1:
            return found, None
    return None


_NUMBER_FIELD_RE = re.compile(r"[A-Z][^\W\d_]*(?: [^\W\d_]+){0,2}: \S*\d\S*")
"""A field naming the document's number after a label and a colon ("Reference Number: AR-16-20173", "Ref: 2021/07")."""


def _numbered_row_date(first: list[_Line]) -> tuple[str, None] | None:
    """The date a first-page row sets apart by a gutter beside the document's number, else None: a report opens under
    its masthead with a row of two fields, its labelled number at the left and its date at the right ("Reference
    Number: AR-16-20173" ... "August 30, 2016"), parts of one row read as one line. The number says the date is the
    document's own, where a date beside other text may date something else. The line stays the text's."""
    for line in first:
        fields = _fields(line) if _NUMBER_FIELD_RE.match(line.text) else []
        if len(fields) == 2 and _NUMBER_FIELD_RE.fullmatch(fields[0]) and (found := _date(fields[1], labelled=False)):
            return found, None
    return None


_BYLINE_DASH_RE = re.compile(r"\s+[—–]\s+")
"""A dash set between spaces, parting a cover's byline from its date."""
_YEAR_RE = re.compile(r"\b(?:1[89]|20)\d\d\b")


def _byline_date(edge: list[_Line]) -> tuple[str, None] | None:
    """The date a line of the first page's top or bottom row prints after a dash, else None: a report's cover sets
    its authors and its month on one line, parted by a dash ("Louise Russell-Prywata & Jack Lord — February 2019").
    Only a date alone after the last dash counts, and only where nothing before it names a year: a range ("from
    January 2020 – March 2021") dates no document. The line stays the text's."""
    for line in edge:
        *before, last = _BYLINE_DASH_RE.split(line.text)
        found = _date(last, labelled=False) if before else None
        if found and not any(_YEAR_RE.search(part) for part in before):
            return found, None
    return None


def _fields(line: _Line) -> list[str]:
    """The texts of a line's stretches set a gutter apart (`_spans`), each read as a line of its own."""
    texts = []
    for x0, x1 in _spans(line):
        part = _Line(line.page, line.top, line.bottom, [dict(c) for c in line.chars if x0 <= c["x0"] and c["x1"] <= x1])
        part.size = median(c["size"] for c in part.chars)
        _render(part)
        texts.append(part.text)
    return texts


_PLACED_RE = re.compile(r"[A-Z][^\W\d_]+(?:[ -][A-Z][^\W\d_]+)*, \S")
"""A dateline's place before its date, "Brussels, " or "Geneva, ": capitalised words and a comma."""


def _placed(text: str) -> bool:
    """Whether a line opens with a place and a comma before its date ("Brussels, 11.12.2019"), as a letter or an
    institution's document dates itself, in a column of a cover beside its logo too. An infobox's value in a column
    ("Formed" | "December 1916") has its label on another line, or none with a comma."""
    return _PLACED_RE.match(text) is not None


_EVENTS_RE = re.compile(r"\.\s+(?=[A-Z])|\s*[—;]\s*|\s+(?=[A-Z][a-z]+:\s)")
"""Where a line listing a document's events parts them: a full stop before a capital, a dash, a semicolon, or
before the next event's label and its colon ("Argued: January 25, 2010 Decided: February 4, 2010", as a court
sets its events apart by space alone)."""


def _last_event(line: _Line) -> str | None:
    """The date of the last of the events a first page's line lists, each labelled and dated, in the order they
    happened ("No. 11–889. Argued April 23, 2013—Decided June 13, 2013"; "Received 3 May 2020; accepted 5 June
    2020"; a court of appeals' "(Argued: January 25, 2010 Decided: February 4, 2010)", the whole line in brackets):
    the document dates from the last, an opinion from the day the case was decided. Dates out of order, or a date
    without its label (a range, "January 2020 – March 2021"), make no such list."""
    if line.column is not None:
        return None
    text = line.text[1:-1] if line.text.startswith("(") and line.text.endswith(")") else line.text
    parts = [part for part in _EVENTS_RE.split(text) if _date(part)]
    dates = [_date(part) for part in parts]
    labelled = all(
        _date(part, labelled=False) is None and len(date or "") == len("2000-01-01")
        for part, date in zip(parts, dates, strict=True)
    )
    return dates[-1] if len(dates) > 1 and labelled and dates == sorted(dates) else None


def _words(pages: list[list[_Segment]]) -> set[str]:
    """Every word the document prints whole, and every hyphenated pair within a line (`document_words`)."""
    return document_words(line.text for segments in pages for segment in segments for line in segment.lines)


def _figure(line: _Line, body_size: float) -> bool:
    """Whether a line is a number set in display type with no word beside it (a score card's `35%` and rank `7`):
    a chart's value, not a sentence to quote, and its cells, read as one line, are no text any reading prints."""
    return _type_size(line) >= body_size * _DISPLAY_SIZE and _WORD_RE.search(line.text) is None


def _key_figures(line: _Line, body_size: float) -> bool:
    """Whether a line is a row of key figures set apart: nothing but figures (`_figure_row`), in type larger than
    the body's, in two or more stretches wide gaps part (`_labels_of`), as a score card prints a rank, a score and
    its change (`7  44%  8.02`) over their headings. Each figure is a cell of its own that no reading prints as one
    line with the next, and none is a sentence; like a lone figure in display type (`_figure`) it is left out.

    Larger than the body only: a table's rows and a chart's axis (`0% 100%`) in body type or smaller stay for the
    rules that read tables and charts; a single number (a year over a section) is no row."""
    return _type_size(line) > body_size and _figure_row(line) and len(_labels_of(line)) > 1


_HEAD_REACH = 8.0
"""Line heights of a row of figures within which the row of cell heads over it may stand (`_figure_heads`): a score
card's heads stand a line over their figures, a dial chart's names over the dials their figures stand in."""


def _figure_heads(lines: list[_Line]) -> set[int]:
    """ids of a page's rows of figures (`_figure_row`, in two stretches or more, `_labels_of`) and of the row of
    cell heads over each: the nearest line above it, in as many stretches of a few words each (`_CELL_WORDS`), each
    over its own figure (`_over`). A score card prints its heads over its figures (`RANK  SCORE  DIFFERENCE FROM
    2017` over `7  44%  8.02`), a set of dials their names over the dials (`Governance  Freedom of Expression
    Privacy` over `11%  13%  37%`). Read as lines, the heads run together in a phrase no one wrote, cut off from the
    figures they name, and the figures are no sentence; a reader reads each head with its figure, as a table's
    cells, and like a table the pair is left out. A line of prose over figures is one stretch of many words."""
    found: set[int] = set()
    for row in lines:
        figures = _labels_of(row)
        if len(figures) < 2 or not _figure_row(row):
            continue
        above = [line for line in lines if line.bottom <= row.top and line.x0 < row.x1 and row.x0 < line.x1]
        if not above:
            continue
        head = max(above, key=lambda line: line.bottom)
        heads = _labels_of(head)
        if (
            row.top - head.bottom <= _HEAD_REACH * (row.bottom - row.top)
            and len(heads) == len(figures)
            and not _figure_row(head)
            and all(_stretch_words(head, stretch) <= _CELL_WORDS for stretch in heads)
            and all(_over(cell, figure, row.size) for cell, figure in zip(heads, figures, strict=True))
        ):
            found |= {id(row), id(head)}
    return found


def _stretch_words(line: _Line, stretch: tuple[float, float]) -> int:
    """The number of words in a stretch of a line (`_labels_of`)."""
    x0, x1 = stretch
    return len("".join(c["text"] for c in line.chars if x0 <= c["x0"] and c["x1"] <= x1).split())


def _over(head: tuple[float, float], figure: tuple[float, float], size: float) -> bool:
    """Whether a cell head stands over a figure: the middle of one lies over the other, give or take an em, as a
    head centred, or set flush left, over its figure does."""
    return head[0] - size <= (figure[0] + figure[1]) / 2 <= head[1] + size or (
        figure[0] - size <= (head[0] + head[1]) / 2 <= figure[1] + size
    )


_TABLE_COLUMNS = 3
"""A table set without rules has at least this many columns (`_unruled_table`): a label, and figures beside it."""


def _unruled_table(lines: list[_Line]) -> set[int]:
    """ids of a page's cells of a table set without rules and read a column at a time: rows of `_TABLE_COLUMNS`
    short lines or more side by side on one baseline, each one stretch of a few words (`_labels_of`,
    `_CELL_WORDS`), at least one of them figures (`_figure_row`), `_GRID_ROWS` such rows or more. A ranking's
    names, ranks and scores (`Twitter  1  53%`) laid out so are read as three columns, and its cells run together
    into a paragraph of names and one of figures, which no reading prints; like a ruled table (`_grids`) it is left
    out. Columns of prose stand side by side too, but their lines are long, and hold words. A table already read a
    cell at a time (`_Line.tabled`, `_Line.cell`) is read so."""
    short = [line for line in lines if not (line.tabled or line.cell) and len(line.text.split()) <= _CELL_WORDS]
    cells = [line for line in short if len(_labels_of(line)) == 1]
    table = [row for row in _level_rows(cells) if len(row) >= _TABLE_COLUMNS and any(_figure_row(cell) for cell in row)]
    if len(table) < _GRID_ROWS:
        return set()
    return _table_holes(short, [line for row in _table_edge_rows(_level_rows(short), table) for line in row])


def _table_holes(short: list[_Line], cells: list[_Line]) -> set[int]:
    """ids of a table's cells (`_unruled_table`) and of the short lines (`short`, a few words each) on its rows: from
    its first row to its last, across the columns its cells span. Those are the rows that hold fewer cells than
    `_TABLE_COLUMNS` (a year with one figure beside it, empty cells in the others), and cells read as one line with
    their neighbours across a gap (`650.0c  15.0  830.0`, columns a layout took for a column of text), reaching past
    the others into a column filled on that row only (`0.2  0.8  10.0`). Such a row is the table's as much as the
    full rows round it; left behind, it is read as a fragment, or as figures of several columns run together in a
    line no reading prints. A prose line is longer than a few words, and a caption or a column of prose beside a
    table stands outside the rows or the columns of its cells."""
    left, right = min(line.x0 for line in cells), max(line.x1 for line in cells)
    top, bottom = min(line.top for line in cells), max(line.bottom for line in cells)
    inside = {
        id(line) for line in short if line.x0 < right and left < line.x1 and top <= line.top and line.bottom <= bottom
    }
    return inside | {id(line) for line in cells}


def _level_rows(lines: list[_Line]) -> list[list[_Line]]:
    """`lines` in rows, top to bottom: lines whose tops stand level, give or take `_BAR_SLACK`, share a row."""
    rows: list[list[_Line]] = []
    for line in sorted(lines, key=lambda line: line.top):
        if rows and line.top - rows[-1][0].top <= _BAR_SLACK:
            rows[-1].append(line)
        else:
            rows.append([line])
    return rows


_EDGE_PITCH = 2.0
"""Times a table's usual row pitch within which a row of cells over or under it still belongs to it
(`_table_edge_rows`): a head row stands a little further over the first row than the rows stand apart."""


def _table_edge_rows(rows: list[list[_Line]], table: list[list[_Line]]) -> list[list[_Line]]:
    """`table`'s rows (`_unruled_table`) with the rows of short lines (`rows`, a few words each, `_CELL_WORDS`) next
    to them above and below: its head row (`COMPANY  SCORE TOTAL`, no figures in it, a head's words set apart over
    its column's edges) and the rows of a column that runs on past the others (a ranking's two last names and
    scores, only two cells), each of two lines or more, every line under or over one of the table's cells, no more
    than `_EDGE_PITCH` row pitches from the table's edge. Left behind they are read as a paragraph of heads or a line
    of names and figures, the table's remnants; a caption or a prose line over a table is one line of many words."""
    tops = sorted(row[0].top for row in table)
    pitch = median(b - a for a, b in pairwise(tops)) * _EDGE_PITCH
    cells = [line for row in table for line in row]
    kept = list(table)
    for step, start, edge in ((-1, table[0][0], tops[0]), (1, table[-1][0], tops[-1])):
        index = next(place for place, row in enumerate(rows) if any(line is start for line in row)) + step
        while 0 <= index < len(rows):
            row = rows[index]
            if (
                len(row) < 2
                or abs(row[0].top - edge) > pitch
                or not all(any(c.x0 <= line.x1 and line.x0 <= c.x1 for c in cells) for line in row)
            ):
                break
            kept.append(row)
            edge = row[0].top
            index += step
    return kept


def _body_size(pages: list[list[_Line]]) -> float:
    """The size most text is set in, counted over the upper half of each full page: notes can outnumber the body."""
    upper: list[_Line] = []
    for lines in pages:
        ordered = sorted(lines, key=lambda line: line.row)
        upper += ordered[: (len(lines) + 1) // 2] if len(lines) >= 2 * _COLUMN_ROWS else ordered
    return Counter(round(c["size"], 1) for line in upper for c in line.chars).most_common(1)[0][0]


_NARROW_GLYPHS = frozenset("fijlrt.,:;'!|")
_WIDE_GLYPHS = frozenset("mwMW@%")
"""Glyphs a proportional face sets at under half an em and at most of one: a fixed-pitch face sets both alike."""
_PITCH_SPREAD = 1.05
"""How much wider than its narrowest glyph a fixed-pitch font's widest may measure (rounding in the page's widths)."""


def _fixed_pitch(chars: Iterable[dict]) -> set[str]:
    """The fonts the document sets in fixed pitch (monospace): every glyph, narrow or wide, one width.

    Decided from the widths the page gives each glyph, not from the font's name: no list of names knows every
    monospace family (Courier, Hack, Latin Modern Mono, DejaVu Sans Mono ...), while one width for every glyph is
    what makes a face monospace. A font counts only where it sets both a glyph a proportional face makes narrow
    (`_NARROW_GLYPHS`) and one it makes wide (`_WIDE_GLYPHS`): digits alone are one width in most faces (tabular
    figures), and a few glyphs of like width prove nothing.
    """
    widths: dict[str, dict[str, list[float]]] = {}
    for char in chars:
        if not char["text"].isspace() and char["size"] > 0 and _horizontal(char):
            glyphs = widths.setdefault(char["fontname"], {})
            glyphs.setdefault(char["text"], []).append((char["x1"] - char["x0"]) / char["size"])
    return {
        font
        for font, glyphs in widths.items()
        if glyphs.keys() & _NARROW_GLYPHS
        and glyphs.keys() & _WIDE_GLYPHS
        and max(map(max, glyphs.values())) <= min(map(min, glyphs.values())) * _PITCH_SPREAD
    }


def _code_lines(pages: list[list[_Line]], body_size: float) -> set[int]:
    """Guard as words each bracketed number in a line set wholly in a fixed-pitch font (`_fixed_pitch`) in a
    document whose body is not (`literal_brackets`); the lines' ids.

    Such a line is a code listing or a console's output, set apart from the body in a typewriter face: its "[1]" is
    an index or the label R prints before its output ("#> [1] TRUE"), never a note's marker, and it stays the text
    the page prints; nor is any of its numbers read as a marker left unraised or parenthesised ("c(1, 2)").

    A document typed throughout in a fixed-pitch face (a court's typewritten opinion in Courier) has its body in
    that face, notes and markers with it: there no line is code by its font. The body's face is the one most
    characters of the body's size are set in (`_body_size`).
    """
    lines = [line for page in pages for line in page]
    fixed = _fixed_pitch(c for line in lines for c in line.chars)
    faces = Counter(c["fontname"] for line in lines for c in line.chars if round(c["size"], 1) == body_size)
    if not fixed or not faces or faces.most_common(1)[0][0] in fixed:
        return set()
    code = [line for line in lines if all(c["fontname"] in fixed for c in line.chars if not c["text"].isspace())]
    for line in code:
        line.text = literal_brackets(line.text)
        line.code = True
    return {id(line) for line in code}


_TYPED_BRACKET_RE = re.compile(rf"\[({NOTE_NUMBER})\]")


def _typed_brackets(line: _Line) -> list[int]:
    """The numbers of the bracketed numbers a line types in its words' size on their baseline ("¶ 134.22[2][b]"), in
    order, from its characters: a raised marker is smaller and set above the baseline, brackets or none. The words'
    size is the line's largest, for a short line may hold more of its marker's characters than of words ("MBE[15]",
    a raised "[15]" after three letters)."""
    printed = [c for c in line.chars if not c["text"].isspace()]
    if not printed:
        return []
    size = max(c["size"] for c in printed)
    baseline = median(c["bottom"] for c in printed if c["size"] >= size * _SUPERSCRIPT_SIZE)
    owners = [c for c in printed for _ in c["text"]]  # the character each place of the text is read from
    text = "".join(c["text"] for c in printed)
    return [
        int(found[1])
        for found in _TYPED_BRACKET_RE.finditer(text)
        if all(
            c["size"] >= size * _SUPERSCRIPT_SIZE and c["bottom"] >= baseline - _RAISED * size
            for c in owners[found.start() : found.end()]
        )
    ]


def _typed_subsections(lines: list[_Line]) -> None:
    """Guard as words (`literal_brackets`) the bracketed numbers typed in the text's own size, on the baseline and
    within a line (`_typed_brackets`), in a document whose markers are raised.

    A document cites its notes in one style: raised small numbers ("indifference.”²"), or bracketed numbers typed as
    the text is ("rights.”[33]", a UN report's style, whose notes open "[33]" at the foot). Where raised markers
    outnumber typed brackets (its notes' own raised numbers counted with the text's), a typed bracket is no marker
    but words: a treatise's or a statute's subsection ("Moore's Federal Practice ¶ 134.22[2][b]") that, read as a
    marker, would cite the document's note 2 and drop its digits from the quote. A document in the typed style, or
    one citing a numbered reference list in brackets beside a few raised notes, keeps its brackets as markers. A
    bracket opening a line is left to the rules for numbered paragraphs and notes (`_opening_label`, `_Notes`)."""
    typed: list[tuple[_Line, list[int], int]] = []
    raised = within = 0
    for line in lines:
        numbers = _typed_brackets(line)
        opening = int(bool(numbers) and line.text.startswith(f"[{numbers[0]}]") and not line.marked)
        raised += max(0, len(MARKER_RE.findall(line.text)) - len(numbers))
        within += len(numbers) - opening
        if numbers[opening:]:
            typed.append((line, numbers[opening:], opening))
    if not typed or raised <= within:
        return
    for line, numbers, opening in typed:
        parts: list[str] = []
        start = 0
        for found in MARKER_RE.finditer(line.text, opening):
            if numbers and int(found[1]) == numbers[0]:
                numbers.pop(0)
                parts.append(line.text[start : found.start()] + literal_brackets(found[0]))
                start = found.end()
        line.text = "".join(parts) + line.text[start:]


def _unaffiliated(feet: list[dict[int, str]], marks: frozenset[int]) -> list[dict[int, str]]:
    """The first page's feet (`_Notes.page_feet`) without those every number of which the byline's names carry
    (`_Front.marks`).

    A journal sets the affiliations its byline's raised numbers point to ("Ana Ruiz1,2") at the first page's foot
    in a note's small type, opening with "1": front matter like the byline, not notes. Counted, they clash with
    the references numbered from 1 the text cites, and neither would be read. A number only the title carries is
    a note of its own (the title's acknowledgement), so only the byline's numbers count.
    """
    return [foot for foot in feet if not marks or not foot.keys() <= marks]


def _cites(line: _Line) -> list[int]:
    """The note numbers a line's markers cite; a note's own opening number at a line's start cites nothing.

    A bracketed list or range ("papers rarely link to these materials [2, 3]", "performance [30–32]") cites each
    number in it, as "[2][3]" would: numbered references are cited so, and a reference cited only in a list still
    opens its own note ("3. Nüst, D., ...") rather than running on as lines of the note before it. A range of
    markers ("[7]–[10]") cites the numbers between its ends too.
    """
    single = [int(m.group(1)) for m in MARKER_RE.finditer(line.text) if m.start() > 0 or not line.marked]
    listed = [number for run in _CITATION_RE.finditer(line.text) for number in cited_numbers(run[1]) or ()]
    ranged = [number for run in _RANGE_RE.finditer(line.text) for number in range(int(run[1]) + 1, int(run[2]))]
    return single + listed + ranged


_UNRAISED_RE = re.compile(r"(?<=[^\W\d_][.,;:!?\"”’')])\d{1,3}(?=\s|$)")
"""Digits set straight after a word's closing punctuation, with no space ("processes.96 And"): where a note's
marker stands when the typesetter left it unraised."""


def _unraised_markers(lines: list[_Line]) -> None:
    """Write as `[n]` markers the note numbers a typesetter left in the text's own size.

    A marker set by mistake in full size ("... about these processes.96 And while ...", between raised 95 and 98)
    reads as text, and its endnote, which no marker then cites, is lost. Digits glued after a word's closing
    punctuation (`_UNRAISED_RE`) are a marker when they are the very number the text's markers cite next: one past
    the last marker before them and below the next raised one after them. Numbers in the text ("version 2.1", "on
    p.5") fall outside that sequence and stay text, and so do a web address's ("A/HRC/32/L.20").
    """
    found: list[tuple[int, int, int, bool]] = []
    """(line index, place in the line, number, whether left unraised), in reading order."""
    for index, line in enumerate(lines):
        markers = [(m.start(), int(m[1]), False) for m in MARKER_RE.finditer(line.text) if m.start() or not line.marked]
        unraised = [
            (m.start(), int(m[0]), True)
            for m in _UNRAISED_RE.finditer(line.text)
            if "/" not in line.text[line.text.rfind(" ", 0, m.start()) + 1 : m.start()]
        ]
        found += [(index, *event) for event in sorted(markers + unraised)]
    last = None
    cited: list[tuple[int, int, int]] = []
    """(line index, place in the line, number) of each unraised marker."""
    for place, (index, start, number, unraised) in enumerate(found):
        if not unraised:
            last = number
            continue
        following = next((later[2] for later in found[place + 1 :] if not later[3]), None)
        if last is None or number != last + 1 or (following is not None and following <= number):
            continue
        last = number
        cited.append((index, start, number))
    for index, start, number in reversed(cited):
        line = lines[index]
        line.text = f"{line.text[:start]}[{number}]{line.text[start + len(str(number)) :]}"


_PARENTHESISED_RE = re.compile(
    rf"(?:(?<=[^\W\d_])|(?<=\w )|(?<=\w\. ))\(({NOTE_NUMBER}(?:\s*(?:,|[–-])\s*{NOTE_NUMBER})*)\)(?=[\s.,;:)]|$)"
)
"""A parenthesised number, or list or range of them, after a word and before a space or punctuation: "system (1).",
"Trump et al. (2) using", "(7–10)", "(13, 14)"; never one opening its line (a list item "(1)"), nor one glued to a
number (a journal's issue, "80(4):989")."""
_RANGE_RE = re.compile(rf"\[({NOTE_NUMBER})\][–-]\[({NOTE_NUMBER})\]")
"""A range of markers, as a page prints it ("[7]–[10]") or `_parenthesised_markers` writes "(7–10)": it cites every
number from the first to the last (`_cited_lists`)."""


_OPEN_CITATION_RE = re.compile(rf"\[{NOTE_NUMBER}(?:\s*[,–-]\s*{NOTE_NUMBER})*\s*([,–-])$")
"""A bracketed list or range a line break cuts after one of its commas or dashes: "… as reported [12,"."""
_CLOSED_CITATION_RE = re.compile(rf"({NOTE_NUMBER}(?:\s*[,–-]\s*{NOTE_NUMBER})*\])([.,;:!?)”’\"']*)\s+(?=\S)")
"""The rest of that bracket, opening the next line before more words, with the punctuation glued after it: "13]. The
…"."""


def _split_citations(lines: list[_Line]) -> None:
    """Put back together each bracketed list or range of citations a line break cuts in two ("[12," then "13]").

    A marker is read from one line's text, so a bracket whose numbers run on to the next line is no citation to
    either line: "[12," and "13]" would stay as words, their digits in the sentence, and note 13 would go uncited. A
    line ending inside a bracket after a comma or a dash, and a next line opening with the bracket's close, are one
    citation (`_CITATION_RE`): its rest, and the punctuation glued after it, is moved to the end of the line it opens
    on, a space after the comma as a reader sees the break, none after a range's dash, so that it is read and cited as
    any bracket on one line is. A next line holding nothing but the bracket's rest is left as it is: emptied, it would
    be no line.
    """
    for line, after in pairwise(lines):
        opened = _OPEN_CITATION_RE.search(line.text)
        closed = _CLOSED_CITATION_RE.match(after.text)
        if opened is None or closed is None:
            continue
        joined = f"{opened[0]}{' ' if opened[1] == ',' else ''}{closed[1]}"
        if _CITATION_RE.fullmatch(joined):
            line.text = f"{line.text[: opened.start()]}{joined}{closed[2]}"
            after.text = after.text[closed.end() :]


def _parenthesised_markers(lines: list[_Line]) -> None:
    """Write as markers the numbers a text cites in parentheses, "(1)", when they are the document's reference list's.

    A journal that numbers its references in order of first citation cites them "(1)", "(7–10)", "(13, 14)" after a
    word, in the text's own type: read as text, no marker cites the list, and its references are lost as notes. A
    parenthesised number is a citation only when each number it cites first is the very next of the sequence (one
    past the highest cited before it; a number cited before may come again), and every number it cites opens a line
    of a numbered list under a "References" or "Notes" heading ("12. Trott DW, ..."). A statute's subsection
    ("Art. VII(1)") in a document with no such list, a count in a table's cell ("204 (144, 432)"), a year
    ("(2020)") or an enumeration out of that order stays text. Each number is written `[n]` inside the source's
    parentheses, so the text still reads as printed: "system ([1]).".
    """
    heading = next((index for index, line in enumerate(lines) if NOTES_HEADING_RE.fullmatch(line.text)), len(lines))
    listed = {
        int(match[1]) for line in lines[heading + 1 :] if (match := _PLAIN_NOTE_RE.fullmatch(line.text)) is not None
    }
    found: list[tuple[_Line, re.Match[str], list[int]]] = []
    highest = 0
    for line in lines:
        for match in _PARENTHESISED_RE.finditer(line.text):
            numbers = cited_numbers(match[1])
            if numbers is None:
                continue
            new = sorted(number for number in numbers if number > highest)
            if set(numbers) <= listed and new == list(range(highest + 1, highest + 1 + len(new))):
                found.append((line, match, numbers))
                highest = max(highest, *numbers)
    if len({number for _, _, numbers in found for number in numbers}) < 2:
        return
    for line, match, _ in reversed(found):
        inner = re.sub(r"\d+", lambda number: f"[{number[0]}]", match[1])
        line.text = f"{line.text[: match.start(1)]}{inner}{line.text[match.end(1) :]}"


def _page_runs(pages: list[_Page]) -> list[_Run]:
    """The runs of page-foot note numbers, in reading order.

    Notes begin a new run when their numbering starts again: at their page, or at an earlier page
    without notes at its foot whose markers already went back below the run's highest marker (the
    first page of a chapter whose notes were not found is no page of the chapter before it). The
    first notes of a run whose markers have already gone past them begin a new run too: those
    markers cite notes found elsewhere (endnoted chapters before profiles footnoted page by page).
    """
    runs = [_Run(0)]
    highest = 0
    """The highest number the current run's markers have cited so far."""
    turn: int | None = None
    """The first page since the run's last notes whose markers went back."""
    for index, page in enumerate(pages):
        if not page.notes and turn is None and page.cites and min(page.cites) < highest:
            turn = index
        found = {n: text for notes in page.notes for n, text in notes.items()}
        if found and (runs[-1].restarts(found) or (not runs[-1].notes and min(found) < highest)):
            first = index if turn is None else turn
            runs.append(_Run(pages[first].start))
            highest = max((n for earlier in pages[first:index] for n in earlier.cites), default=0)
        if page.notes:
            turn = None
            for notes in page.notes:
                runs[-1].add(notes)
                runs[-1].footed |= notes.keys()
        highest = max(highest, *page.cites, 0)
    return runs


_PAGED_NOTES = 3
"""Pages whose feet each number their notes from 1 that make a numbering page by page: two are a document of two parts
each footnoted on one page (a letter, then its appendix), read as two runs of numbers, one article each
(`_page_runs`), whose markers find the same notes either way."""


def _numbered_by_page(pages: list[_Page], endnotes: list[_Endnotes]) -> dict[int, dict[int, str]] | None:
    """Each page's notes by its page number where the document numbers its notes afresh on each page, else None.

    The Official Journal numbers the notes at each page's foot from (1): one number names a different note on each
    page, and a marker cites the note at the foot of its own page. A document does so when `_PAGED_NOTES` pages' feet
    or more hold notes, every one of them starts at 1, and those first notes are not all one note. Where a page's
    notes go on from the page before (notes 4 and 5 after notes 1 to 3), or notes are gathered under a "Notes"
    heading, the numbering runs through the text, or a chapter (`_page_runs`).
    """
    footed = {
        index + 1: {number: text for notes in page.notes for number, text in notes.items()}
        for index, page in enumerate(pages)
        if any(page.notes)
    }
    if endnotes or len(footed) < _PAGED_NOTES or any(min(notes) != 1 for notes in footed.values()):
        return None
    return footed if len({notes[1] for notes in footed.values()}) > 1 else None


def _give_endnotes(runs: list[_Run], endnotes: list[_Endnotes], order: dict[int, int], body: list[_Line]) -> None:
    """Each endnote section's notes given to the run before it whose markers cite them.

    That is the run whose markers cite most of its numbers without a note at their page's foot (a
    report's endnoted chapters before profiles footnoted page by page); a second endnote section
    whose numbers clash with the first's begins a new run after the first (a book's chapters, each
    with its notes at its end).
    """
    cited = [(order[id(line)], number) for line in body for number in _cites(line)]
    for section in endnotes:
        place = order[id(section.heading)]
        ends = [run.start for run in runs[1:]] + [len(order)]
        candidates = [(run, end) for run, end in zip(runs, ends, strict=True) if run.start <= place]
        scores = [
            len({n for at, n in cited if run.start <= at < end} & section.notes.keys() - run.footed)
            for run, end in candidates
        ]
        run, end = candidates[max(range(len(candidates)), key=lambda index: (scores[index], index))]
        if run.endnoted is not None and run.endnoted < end and run.conflicts(section.notes):
            chapter = _Run(run.endnoted)
            runs.insert(runs.index(run) + 1, chapter)
            run = chapter
        run.add(section.notes)
        run.endnoted = order[id(section.after)] if section.after is not None else len(order)


def _resume_runs(runs: list[_Run], pages: list[_Page]) -> None:
    """Start a run again where, after a run's page-foot notes, the text goes back to an earlier run's endnotes.

    A report may set its company profiles, each footnoted from 1, between its chapters and close with chapters
    of its own whose markers go on with its endnotes ("... methodology.108" after the last profile's notes 1 to 4).
    From the first page after the run's last footed page whose markers cite only numbers past the run's notes,
    all of them notes of one earlier run's endnote sections, the text is that earlier run's again: a run of its
    own holding those notes, so that its markers resolve to them and not to the profile's notes. A page citing
    one of the run's own numbers first keeps the text the run's. The notes it takes that the earlier run's own
    text cites nowhere are the new run's alone: they leave the earlier run, so that each note stands once, with
    the text that cites it.
    """
    resumed: list[tuple[_Run, _Run]] = []
    """(the earlier run, the run that takes its notes up again)"""
    position = 0
    while position < len(runs):
        run = runs[position]
        position += 1
        earlier = [other for other in runs[: position - 1] if other.endnoted is not None]
        if not run.footed or not earlier:
            continue
        end = runs[position].start if position < len(runs) else None
        own = [page for page in pages if run.start <= page.start and (end is None or page.start < end)]
        footed = [index for index, page in enumerate(own) if page.notes]
        for page in own[footed[-1] + 1 :] if footed else []:
            if any(number <= max(run.footed) for number in page.cites):
                break
            owner = next(
                (other for other in reversed(earlier) if page.cites and page.cites <= other.notes.keys()), None
            )
            if owner is not None:
                cited = {number for later in own if later.start >= page.start for number in later.cites}
                runs.insert(position, _Run(page.start, {n: t for n, t in owner.resolved().items() if n in cited}))
                resumed.append((owner, runs[position]))
                position += 1
                break
    for owner, run in resumed:
        end = next((later.start for later in runs if later.start > owner.start), None)
        own = {
            n for page in pages if owner.start <= page.start and (end is None or page.start < end) for n in page.cites
        }
        for number in run.notes.keys() - own:
            owner.notes.pop(number, None)


def _out_of_reach(runs: list[_Run], pages: list[_Page], body: list[_Line]) -> Iterator[tuple[_Line, _Run, set[int]]]:
    """Each line of the text, the run its markers cite, and the numbers of that run's page-foot notes out of its reach.

    Page-foot notes are numbered up, each at the foot of the page that cites it: a marker on a later page, after
    notes numbered past it stood at earlier pages' feet, does not cite it where an earlier page already cited its
    number. It is the text's own number (an appendix's example of citation styles, "“[1]”" or a raised "1,2", long
    after notes 1 and 2 on page 1). A number no earlier page cites is the first citation of its note, which a
    layout may set at the foot of the page before, with the notes of that page's own markers ("(F9).⁴" at the top
    of a column, note 4 under the page before): every note is cited once, and this is where.
    """
    starts = [run.start for run in runs]
    feet: list[dict[int, int]] = [{} for _ in runs]
    """Each run's page-foot notes: the index of the page whose foot holds each number first."""
    cited: list[set[int]] = []
    """For each page, the numbers cited on the pages of its run before it."""
    for index, page in enumerate(pages):
        run = bisect_right(starts, page.start) - 1
        for notes in page.notes:
            for number in notes:
                feet[run].setdefault(number, index)
        earlier = index > 0 and bisect_right(starts, pages[index - 1].start) - 1 == run
        cited.append(cited[-1] | pages[index - 1].cites if earlier else set())
    for line in body:
        page = line.page - 1
        run = bisect_right(starts, pages[page].start) - 1
        found = feet[run]
        passed = max((number for number, at in found.items() if at < page), default=0)
        yield line, runs[run], {n for n, at in found.items() if at < page and n < passed and n in cited[page]}


def _unnoted_superscripts(feet: list[tuple[int, list[dict[int, str]], list[_Line]]], endnotes: list[_Endnotes]) -> None:
    """Write each marker printed as superscript digit characters (`_Line.superscripts`) back as those characters
    where no note of its number stands in a notes section or at the foot of its page or a page beside it: the power
    of a unit or a variable ("km²", "x³") that the typesetter printed as it prints note numbers, and no marker. A
    note's text may be set at the foot of the page before or after its marker's (Typst moves a note that no longer
    fits its page).
    """
    listed = {number for section in endnotes for number in section.notes}
    footed = [{number for notes in found for number in notes} for _, found, _ in feet]
    for index, (_, _, page) in enumerate(feet):
        noted = listed.union(*footed[max(index - 1, 0) : index + 2])
        for line in page:
            if line.superscripts - noted:
                line.text = MARKER_RE.sub(
                    lambda marker, line=line, noted=noted: (
                        marker[1].translate(_SUPERSCRIPT_DIGITS)
                        if int(marker[1]) in line.superscripts - noted
                        else marker[0]
                    ),
                    line.text,
                )


def _scope_markers(runs: list[_Run], pages: list[_Page], body: list[_Line]) -> None:
    """Write each marker that cites a page-foot note out of that note's reach (`_out_of_reach`) as a marker that
    cites no note (`noteless_marker`): a marker still, as the reader sees it, whose note is null. Linked to that
    note, it would make the text cite a note where the document cites none.
    """
    for line, _, away in _out_of_reach(runs, pages, body):
        if away:
            line.text = MARKER_RE.sub(
                lambda marker, away=away: noteless_marker(marker[1]) if int(marker[1]) in away else marker[0],
                line.text,
            )


def _symbol_markers(
    symbols: list[tuple[_Line, str, str]], front: frozenset[int], runs: list[_Run], order: dict[int, int]
) -> None:
    """Write each symbol note's marker `[*]` where its line prints the symbol, and give the note to the run that
    cites it.

    Symbols start again on each page, so a later page of the run may mark another note with the same "*": that note
    is the label's next use in the run (`note_key`'s `reuse`), its marker printed as the first's and written to cite
    its own key (`reused_marker`). A page repeating a note the run already holds under its label (the same text)
    cites that note. A title's symbol ("Philanthropy∗") is left as the title prints it: the title is metadata, no
    paragraph a quote could cite the note from, while the note is still the article's, shown with its others.
    """
    starts = [run.start for run in runs]
    uses: dict[tuple[int, str], list[str]] = {}
    """Each run's notes of each label, in the order the pages give them."""
    for line, label, note in symbols:
        run = bisect_right(starts, order[id(line)]) - 1
        texts = uses.setdefault((run, label), [])
        reuse = texts.index(note) if note in texts else len(texts)
        texts += [] if note in texts else [note]
        if id(line) not in front:
            written = reused_marker(label, reuse) if reuse else f"[{label}]"
            line.text = symbol_marker_re(label).sub(lambda _, written=written: written, line.text, count=1)
        runs[run].add({note_key(label, reuse): note})


def _page_symbol_notes(
    symbols: list[tuple[_Line, str, str]], front: frozenset[int], page_notes: dict[int, dict[int, str]]
) -> None:
    """Write each symbol note's marker `[*]` where its line prints the symbol, and keep the note with the notes of the
    page that cites it, where the document numbers its notes afresh on each page (`_numbered_by_page`).

    Such a document's markers find their notes by page (`_cite_on_page`), so a symbol note kept with the notes
    numbered through the text would be found by none of them. On a page of its own a symbol's label is its key, as
    a number's is: the next page's "*" is another note under another page.
    """
    for line, label, note in symbols:
        if id(line) not in front:
            line.text = symbol_marker_re(label).sub(f"[{label}]", line.text, count=1)
        page_notes.setdefault(line.page, {})[note_key(label)] = note


def _unmarked_notes(
    unmarked: list[tuple[int, str, str]],
    runs: list[_Run],
    pages: list[_Page],
    page_notes: dict[int, dict[int, str]] | None,
) -> None:
    """Give each note no text marks (`_Notes.unmarked`) to the run its page's text opens in, or to its page's notes
    where each page numbers its own, under its symbol's first key the run or page does not hold yet."""
    starts = [run.start for run in runs]
    for page, label, note in unmarked:
        held = page_notes.setdefault(page, {}) if page_notes is not None else None
        run = runs[bisect_right(starts, pages[page - 1].start) - 1]
        notes = held if held is not None else run.notes
        key = next(
            key for reuse in range(len(notes) + 1) if (key := note_key(label, reuse)) not in notes or notes[key] == note
        )
        if held is not None:
            held[key] = note
        else:
            run.add({key: note})


def _cited_lists(runs: list[_Run], pages: list[_Page], body: list[_Line]) -> None:
    """Write each list or range of citations as the markers it stands for: "[3, 7–9]" as "[3][7][8][9]", and a range
    of markers "[7]–[10]" as "[7][8][9][10]".

    A marker cites one note, so a bracket citing several (`_CITATION_RE`, as journals cite their numbered
    references) links none of them until it is written as one marker for each number, as an HTML page's typed
    "[1-5]" is. It is so written only where every number in it is a note of its run within its reach: a bracket
    that is the text's own ("the interval [0, 1]", an example of citation styles "“[1, 3-5]”" after those notes were
    cited) stays as printed.
    """
    for line, run, away in _out_of_reach(runs, pages, body):
        notes = run.resolved().keys() - away

        def written(citation: re.Match[str], notes: set[int] = notes) -> str:
            numbers = cited_numbers(citation[1] if citation.re is _CITATION_RE else f"{citation[1]}–{citation[2]}")
            return "".join(f"[{number}]" for number in numbers) if numbers and set(numbers) <= notes else citation[0]

        line.text = _RANGE_RE.sub(written, _CITATION_RE.sub(written, line.text))


_MEDIUM_RE = re.compile(r"Medium", re.IGNORECASE)
"""A font's name in the medium weight ("AtlasGrotesk-Medium", "Roboto-Medium"), between the regular and the bold."""


def _mark_medium_weight(pages: list[list[_Line]]) -> None:
    """Mark as bold each line set wholly in a medium weight (`_MEDIUM_RE`), alone between a line in another face and
    a line of the text's own face under it, where that face is lighter.

    A briefing may title its subsections in a sans-serif's medium weight at the text's size ("Case-by-case
    exemptions for personal security" in AtlasGrotesk-Medium over text in PublicoText-Roman): against the text the
    weight reads as bold does, and read as regular type the title ran into the text as a paragraph of its own. Only
    a line over the text, and the only one in that weight: a table's column heads and a figure's labels may be set
    in a medium weight too, in rows over cells and labels, and head no section. Where the text itself is set in a
    medium weight, that weight is the regular one."""
    fonts = Counter(str(char.get("fontname", "")) for lines in pages for line in lines for char in line.chars)
    if not fonts or _MEDIUM_RE.search(face := fonts.most_common(1)[0][0]):
        return
    for lines in pages:
        for above, line, below in zip([None, *lines], lines, [*lines[1:], None], strict=False):
            alone = above is None or not _medium(above)
            over_text = below is not None and below.column == line.column and below.top > line.bottom
            if alone and over_text and _medium(line) and _main_face(below) == face:
                line.bold = True


def _faces(line: _Line) -> list[str]:
    """The font names of the line's printed characters, one a character."""
    return [str(char.get("fontname", "")) for char in line.chars if not char["text"].isspace()]


def _main_face(line: _Line) -> str | None:
    """The font most of the line's printed characters are set in, None for a line of spaces."""
    faces = Counter(_faces(line)).most_common(1)
    return faces[0][0] if faces else None


def _medium(line: _Line) -> bool:
    """Whether every printed character of the line is set in a medium weight (`_MEDIUM_RE`)."""
    faces = _faces(line)
    return bool(faces) and all(_MEDIUM_RE.search(name) for name in faces)


def _foot_floor(floor: int, found: list[dict[int, str]]) -> int:
    """The floor (`_Notes.floor`) after a page whose feet hold the notes `found`: their highest number, and past the
    floor before only where they go on from it.

    Page-foot numbers only go up within a run of notes, so a page whose notes start at or below the floor has begun
    a new run (a chapter numbering its notes from 1 again, `_Run.restarts`): the run's next pages number their
    notes past this page's, not past the run before ("5. See Greenleaf ..." on the page after a chapter's notes 1
    to 4, under a floor of 49 from the chapters before, is note 5).
    """
    lowest, highest = min(min(foot) for foot in found), max(max(foot) for foot in found)
    return highest if lowest <= floor else max(floor, highest)


def parse(data: bytes, source: str) -> Parsed:
    metadata, pages, links, grids, displays, pictures, charts = _read(data)
    if not any(pages):
        raise UnreadableDocument("the PDF has no text layer (a scan needs OCR first)")
    lines_of = [[line for segment in segments for line in segment.lines] for segments in pages]
    _mark_medium_weight(lines_of)
    body_size = _body_size(lines_of)
    words = _words(pages)
    margin = _margin_column(pages[0], body_size)
    dropped = _running(lines_of, body_size) | _numbered_heads(lines_of)
    dropped |= {
        id(line) for lines in lines_of for line in lines if _figure(line, body_size) or _key_figures(line, body_size)
    }
    dropped |= {id(line) for line in margin} | _mirrored_edge(lines_of[0] if lines_of else [])
    dropped |= _job_numbers(lines_of[0] if lines_of else [])
    citation = _own_citation(lines_of[0] if lines_of else [])
    dropped |= {id(citation[0])} if citation else set()
    dropped |= _contents_pages([[line for line in lines if id(line) not in dropped] for lines in lines_of], body_size)
    code = _code_lines(lines_of, body_size)
    prose = [line for lines in lines_of for line in lines if id(line) not in dropped and id(line) not in code]
    _typed_subsections(prose)
    _unraised_markers(prose)
    _parenthesised_markers(prose)
    _split_citations(prose)
    cited = {number for lines in lines_of for line in lines if id(line) not in dropped for number in _cites(line)}
    # a grid's cells may cite notes (a figure's source): its notes stay notes, though the grid is left out
    dropped |= {
        id(line)
        for lines, boxes, bands in zip(lines_of, grids, displays, strict=True)
        for line in lines
        if _in_grid(line, boxes) or _in_display(line, bands)
    }
    dropped |= {
        number for lines, shown in zip(lines_of, pictures, strict=True) for number in _labels(lines, shown, body_size)
    }
    charted = {
        number for lines, bars in zip(lines_of, charts, strict=True) for number in _chart_labels(lines, bars, body_size)
    }
    charted |= {number for lines in lines_of for number in _figure_heads(lines) | _unruled_table(lines)}
    dropped |= charted
    drawn = _drawing_labels(lines_of, body_size)
    drawn |= _figure_area_labels(lines_of, drawn, dropped)
    dropped |= drawn
    _mark_before_drawings(lines_of, drawn, dropped)
    notes = _Notes(cited, words)
    body: list[_Line] = []
    feet: list[tuple[int, list[dict[int, str]], list[_Line]]] = []
    for segments in pages:
        _mark_before_charts([line for s in segments for line in s.lines], charted)
        kept = [[line for line in s.lines if id(line) not in dropped] for s in segments]
        found = notes.page_feet(segments, kept, body_size)
        if found:
            notes.floor = _foot_floor(notes.floor, found)
        page = [line for lines in kept for line in lines]
        feet.append((len(body), found, page))
        body += page
    order = {id(line): place for place, line in enumerate(body)}
    front = _front(body, body_size, metadata, words, lines_of, pictures[0] if pictures else ())
    _mark_over_title(body, front)
    _mark_picture_titles(body, pictures)
    feet[:1] = [(start, _unaffiliated(found, front.marks), page) for start, found, page in feet[:1]]
    # a byline's affiliation numbers are no markers: counted, they would start the notes' numbering over at page 1
    paged = [
        _Page(start, found, frozenset(n for line in page if id(line) not in front.lines for n in _cites(line)))
        for start, found, page in feet
    ]
    body, endnotes = notes.endnotes([line for line in body if id(line) not in front.lines], body_size)
    _unnoted_superscripts(feet, endnotes)
    page_notes = _numbered_by_page(paged, endnotes)
    runs = _page_runs(paged) if page_notes is None else [_Run(0)]
    _give_endnotes(runs, endnotes, order, body)
    _resume_runs(runs, paged)
    if page_notes is None:  # a page numbering its own notes holds each marker's note in reach (`_cite_on_page`)
        _cited_lists(runs, paged, body)
        _scope_markers(runs, paged, body)
    starts = [run.start for run in runs]
    if page_notes is None:
        _symbol_markers(notes.symbols, front.lines, runs, order)
    else:
        _page_symbol_notes(notes.symbols, front.lines, page_notes)
    _unmarked_notes(notes.unmarked, runs, paged, page_notes)
    sections: list[list[_Line]] = [[] for _ in runs]
    for line in body:
        sections[bisect_right(starts, order[id(line)]) - 1].append(line)
    url = _own_url(metadata, links, source)
    date = (
        front.date
        or _record_date(margin)
        or _venue_date(notes.venue)
        or _published_date(prose)
        or (citation[1] if citation else None)
    )
    cited: dict[int, dict[int, str]] = {}
    laid_out = _blocks(sections, body_size, words, page_notes, cited)
    return assemble_sections(
        [
            Extracted(blocks, run.resolved(), front.title, front.author, date, url, cited)
            for blocks, run in zip(laid_out, runs, strict=True)
        ],
        source,
    )

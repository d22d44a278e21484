"""An extraction of each document made without the product's parsers, for judging quotes and notes against.

A judge that compares quotes with the parser's own text cannot fail: whatever the parser got wrong,
its text says the same. So each file is read here by other means: `pdftotext` (poppler) for PDF (of a copy
poppler's pdftocairo draws of what prints, where a page hides words in invisible text: `_as_printed`), the
standard library's tag-blind `html.parser` for HTML (the text a browser would show, list numbers
included), the file itself for plain text, docutils (the reference implementation, not the parser's own reading)
for reStructuredText and GitHub's C renderer (cmark-gfm, not the parser's markdown-it) for Markdown, their HTML
then read as HTML is, and for Word mammoth's HTML rendering, read the same way.
Quotes and notes must then be found in that text.

What the two extractions may legitimately disagree on is spelled out, each as one rule:
- white space: runs of it are one space; a typographic ligature reads as its letters (`ﬁ` as `fi`), and so does a
  private-use character a PDF's font maps a ligature glyph to, as the glyph's name spells them (`_ligature_readings`:
  "T_h" at U+E031 is "Th"); no other character folds (`①` is not `1`, `10²` not `102`), but that a PDF's raised
  power (`10⁶`) may stand in pdftotext's text as the digit it sets on the line, alone or glued (`10 6`, `106`:
  `_printed_character`);
- a note marker the parser writes `[n]` may stand in the source as `[n]`, `[^label]`, `n` or `ⁿ`, the last two
  glued to the word before, as a superscript prints: a number set apart is the text's own (`Article 5`);
- a PDF note quoted under its marker (`[7] text`) may stand under its number set alone on the line above, and a
  number may open a quote where the page prints it on one baseline with the quote's first words (a chapter's number
  in the margin beside its title, `_opens_a_numbered_line`); no other number-only line (a page number, a table's cell)
  may stand inside a quote;
- a word broken at a line end with a hyphen reads whole when the whole word occurs elsewhere in the
  document and the hyphenated one never does within a line, and keeps its hyphen otherwise (a soft hyphen's word
  always reads whole), in a PDF and in plain text wrapped at a fixed width alike (not in reStructuredText, which
  docutils prints with the line break as a space: "case- insensitive"); in a PDF a hyphen may be missing from
  pdftotext's text where the page breaks the word at it across a line end (pdftotext drops it there,
  `LINE_HYPHEN`), nowhere else (a hyphen set alone at a line end, a spaced dash, it drops too: the text gets it
  back, as printed), and a web address may be broken by white space, in no other format;
- a PDF quote may break off at the end of one of pdftotext's text blocks and go on at the start of a later one:
  inside a sentence at a column's end, other columns, foot notes and page furniture between, on its page or the
  next, or at the top of the column to the right where pdftotext printed that first; between two sentences only at
  a page's end (`_across_blocks`); across a page's end, the words on either side may run over several of that
  page's blocks, in pdftotext's order or with the page's stretched lines read whole (`Reference.stretched`);
- page furniture (a line pdftotext prints on many pages: running header, footer, print stamp, and a page number,
  in digits or a roman numeral counted on from page to page, `_without_roman_numbers`) is no text block of its own
  and may stand inside a PDF quote, where a column or page ends (`furniture_lines`);
- a fully justified line whose words pdftotext prints as blocks apart may be read whole, on a page of one column
  read top to bottom (`_stretched_pages`); a block whose lines pdftotext weaves with the lines of a box printed
  beside them may be read with its own lines first (`_unwoven_pages`);
- on a page typed on pleading paper, the numbers of the lines in the margin are no text, and the body may be read
  line by line as pdftotext's layout mode sets it, on into the next such page's body (`_pleading_text`);
- pdftotext may print a space between a superscript note number and the punctuation after it (`ABM4ALL1 ,`);
- in a letter-spaced PDF line (a heading with its letters spread) pdftotext's spaces may fall inside words
  ("S ect i on 1"), and there only a quote's characters may stand with or without a space between them
  (`LETTER_SPACE`).
"""

from __future__ import annotations

import ctypes
import io
import re
import shutil
import subprocess
import tempfile
import unicodedata
import zipfile
from collections import Counter
from collections.abc import Callable, Iterator, Mapping
from contextlib import contextmanager
from dataclasses import dataclass
from functools import cache, cached_property, lru_cache, partial
from html import unescape
from html.parser import HTMLParser
from itertools import pairwise
from pathlib import Path

import cmarkgfm
import cmarkgfm.cmark
import pypdfium2 as pdfium
import pypdfium2.raw as pdfium_c
import yaml
from charset_normalizer import from_bytes
from docutils import nodes, utils
from docutils.core import publish_string
from docutils.parsers.rst import roles
from lxml import etree
from pdfminer.cmapdb import FileUnicodeMap
from pdfminer.pdfdocument import PDFDocument
from pdfminer.pdfinterp import PDFResourceManager
from pdfminer.pdfpage import PDFPage
from pdfminer.pdfparser import PDFParser
from pdfminer.pdftypes import resolve1

from qa.errors import QAError
from qa.formats.document import PROSE_DIRECTIVES
from qa.formats.docx_capitals import Capitals
from qa.formats.html import is_out_of_flow, out_of_flow_classes
from qa.formats.markdown import EXAMPLE_DIRECTIVES
from qa.formats.pdf import CATALOGUE_GLYPHS, private_ligatures
from qa.sentences import NOTE_MARKER_RE, NOTE_NUMBER, note_key, note_label

_SPACE_RE = re.compile(r"\s+")
_SOFT_HYPHEN = "\u00ad"
_LINE_HYPHEN_RE = re.compile(r"(\w+)([-\u2010\u2011\u00ad])\n\s*(\w+)")
"""A word broken at a line end after a hyphen the page prints: ASCII's (where pdftotext kept it), Unicode's hyphen
(U+2010) or non-breaking hyphen (U+2011), or a soft hyphen (U+00AD), shown only where a typesetter breaks a word;
pdftotext keeps the last three and the line break. A minus sign (U+2212) is none: it signs the number after it."""
_WORD_RE = re.compile(r"\w+")
_COMPOUND_RE = re.compile(r"\w+(?:[-\u2010\u2011]\w+)+")
_HYPHEN_RE = re.compile(r"[-\u2010\u2011]")
_SUPERSCRIPT_DIGITS = str.maketrans("0123456789", "⁰¹²³⁴⁵⁶⁷⁸⁹")
_SUPERSCRIPTS = {raised: plain for plain, raised in zip("0123456789", "⁰¹²³⁴⁵⁶⁷⁸⁹", strict=True)}
_HTML_CHARSET_RE = re.compile(rb"""<meta[^>]+charset=["']?([\w-]+)""", re.IGNORECASE)


class ReferenceUnavailable(QAError):
    """The independent extraction cannot be made here (no `pdftotext`): the judge refuses to guess."""


@dataclass(frozen=True)
class Reference:
    """A document's independently extracted text, one string per page (one page for unpaged formats)."""

    pages: tuple[str, ...]
    not_text: tuple[str, ...] = ()
    """Strings the file holds that are not the document's text: front matter, page and site chrome."""
    quotable: tuple[str, ...] = ()
    """The pages as quotes are looked for in them, where that differs (PDF: without number-only lines, which are page
    numbers, table cells and note numbers set apart, never words of a sentence)."""
    note_heads: tuple[tuple[tuple[int, int], ...], ...] = ()
    """Each page's number-only lines that may be a note's number above its text (`_without_number_lines`): the number,
    and where in `quotable` the text after the line starts (a quote that opens with that note's marker may start
    there: `_opens_a_note`)."""
    printed: bool = False
    """The text was read off a laid-out page by pdftotext, which keeps the line break inside a wrapped web address
    and drops a hyphen where it joins a word across a line end; the pages (not `text`) mark where (`LINE_HYPHEN`)."""
    note_pages: tuple[str, ...] = ()
    """The pages read other ways where notes are looked for too (PDF: pdftotext's layout mode and its content-stream
    order, which keep a note's number beside its text where the reading-order mode sets it elsewhere on the page:
    `_note_pages`)."""
    blocks: tuple[tuple[str, ...], ...] = ()
    """Each page's text blocks as quotes are looked for in them (PDF: the runs of lines pdftotext sets apart with a
    blank line, page furniture left out), where a quote may break off at a column's end (`quote_in_reference`)."""
    sides: tuple[tuple[tuple[str, str], ...], ...] = ()
    """Each page's columns side by side (PDF: `_side_columns`): the last line of a left column's text and the first
    line of the column to its right, where the left one's last sentence may go on however pdftotext ordered them."""
    named: tuple[str, ...] = ()
    """Where the text itself names a `not_text` string (`_named_in_text`): each such line's words up to the string's
    end, from its sentence's start, which a passage may hold without holding the chrome (`is_not_text`)."""
    rows: tuple[str, ...] = ()
    """The pages where pdftotext prints the words of a stretched line apart (PDF: `_stretched_pages`), read again
    top to bottom with each such line whole, and the body of each run of pages typed on pleading paper read line by
    line without the margin's numbers (`_pleading_text`), where quotes are looked for too."""
    numbered: tuple[str, ...] = ()
    """Each number pdftotext sets on a line of its own read with the line the page prints beside it on its baseline
    (PDF: `_numbered_lines`, "2 System Overview"), where a quote may open with that number
    (`_opens_a_numbered_line`)."""
    stretched: tuple[tuple[str, ...], ...] = ()
    """Each page's blocks read top to bottom with each stretched line whole (`_stretched_pages`; none where the page
    has no stretched line), page furniture left out: a second reading of the page's blocks, where a quote may break
    off at a page's end as in `blocks` (`_across_blocks`)."""

    @cached_property
    def text(self) -> str:
        """The pages as one string, as the document reads (`LETTER_SPACE` as the space it is). A word pdftotext
        joined across a line end where the page breaks it at a hyphen (`LINE_HYPHEN`) reads whole, but where the
        document prints it hyphenated within a line: that hyphen is the author's ("conflict-" / "related" reads
        "conflict-related" where the page prints "conflict-related" elsewhere), as `join_line_hyphens` reads one."""
        return _broken_words_read(self.pages, undecided="")

    @cached_property
    def readings(self) -> tuple[str, ...]:
        """The strings a quote is looked for in (`quote_in_reference`): the pages as quotes are read (`quotable`, else
        `pages`), each page's blocks joined, and the `rows`. Made once: a document's every quote is looked for in them
        (joining a long document's blocks again for each of its thousands of quotes was half the search's time)."""
        return (*(self.quotable or self.pages), *(" ".join(page) for page in self.blocks), *self.rows)

    @cached_property
    def _undecided(self) -> str:
        """`text` with `LINE_HYPHEN` kept at each line end where the document prints neither the word whole nor
        hyphenated anywhere else (`reads`)."""
        return _broken_words_read(self.pages, undecided=LINE_HYPHEN)

    @cached_property
    def _unhyphenated(self) -> str:
        """`_undecided` without hyphens: where words read either way at its breaks may stand (`reads`)."""
        return _without_hyphens(self._undecided)

    def reads(self, words: str) -> bool:
        """Whether the document reads `words` verbatim (`text`). Where it breaks a word at a hyphen across a line end
        and prints it nowhere else, whole or hyphenated, nothing says whether the hyphen is the author's ("over-" /
        "seeing", "inel-" / "igible"): there the words may read it either way."""
        plain = normalize(words)
        if plain in self.text:
            return True
        if LINE_HYPHEN not in self._undecided or _without_hyphens(plain) not in self._unhyphenated:
            return False
        either = "".join(f"[-{LINE_HYPHEN}]" if char == "-" else f"{re.escape(char)}{LINE_HYPHEN}?" for char in plain)
        return re.search(either, self._undecided) is not None


LINE_HYPHEN = "\ue000"
"""Where pdftotext dropped a hyphen joining a word across a line end (`government-` / `ordered` read
`governmentordered`): a private-use character set in a printed reference's pages at that place (`_mark_line_hyphens`),
where a quote may read the word with its hyphen or without, as the page prints it or as it reads (`_literal`)."""

_BROKEN_WORD_RE = re.compile(rf"(\w+){LINE_HYPHEN}(\w+)")


def _without_hyphens(text: str) -> str:
    return text.replace("-", "").replace(LINE_HYPHEN, "")


def _broken_words_read(pages: tuple[str, ...], undecided: str) -> str:
    """The pages as one string, each word broken at a `LINE_HYPHEN` read with its hyphen where the document prints
    it hyphenated within a line, whole where it prints it whole, else with `undecided` between its parts. The break
    itself attests neither reading."""
    joined = " ".join(pages).replace(LETTER_SPACE, " ")
    words = printed_words(joined.replace(LINE_HYPHEN, "\n"))

    def read(match: re.Match[str]) -> str:
        head, tail = match.groups()
        if f"{head}-{tail}".lower() in words:
            return f"{head}-{tail}"
        return head + tail if (head + tail).lower() in words else f"{head}{undecided}{tail}"

    return _BROKEN_WORD_RE.sub(read, joined)


LETTER_SPACE = "\ue001"
"""A space pdftotext printed inside a letter-spaced line (`_mark_letter_spacing`): a heading set with its letters
spread ("Section 1" printed with a gap after each letter) comes out cut at random places ("S ect i on 1",
"Tr an s p ar enc y a nd"), which the parser, measuring the gaps, reads whole. There a quote's words may stand with
or without a space between their characters (`_printed_character`); nowhere else does a space fold."""


def _fold(match: re.Match[str]) -> str:
    """A typographic ligature (`ﬁ`) as the letters it joins: the typesetter's choice of glyph, which one extractor
    keeps (pdftotext) and another spells out (the PDF parser), for the same words. No other compatibility character
    folds: `①` is not `1`, `10²` not `102`, `Ⅳ` not `IV`, `…` not `...`; each is another character on the page,
    which both extractions read the same."""
    char = match.group()
    return unicodedata.normalize("NFKC", char) if "LIGATURE" in unicodedata.name(char, "") else char


_NON_ASCII_RE = re.compile(r"[^\x00-\x7f]")


def normalize(text: str) -> str:
    """NFC with typographic ligatures spelled out (`_fold`), single spaces and no invisible format characters: how
    two faithful extractions of the same words compare equal. A zero-width space, joiner or byte-order mark (Unicode
    category Cf) is not shown by a browser or a PDF viewer, so one extraction keeping it and the other dropping it
    read the same to a reader; a no-break space is white space as any other."""
    folded = unicodedata.normalize("NFC", _NON_ASCII_RE.sub(_fold, text))
    return _SPACE_RE.sub(" ", _NON_ASCII_RE.sub(_shown, folded)).strip()


def _shown(match: re.Match[str]) -> str:
    """A non-ASCII character as a reader sees it: nothing if it is an invisible format character (Unicode category
    Cf), else itself. ASCII holds none, so only the few characters `_NON_ASCII_RE` finds are looked up, not every
    character of a page."""
    char = match.group()
    return "" if unicodedata.category(char) == "Cf" else char


def printed_words(text: str) -> frozenset[str]:
    """Every word of `text`, and every pair of words it joins with a hyphen within a line ("max-age"), lower case:
    what tells a word a line end breaks from a compound there (`join_line_hyphens`)."""
    pairs = (pair for compound in _COMPOUND_RE.findall(text) for pair in pairwise(_HYPHEN_RE.split(compound)))
    return frozenset(w.lower() for w in _WORD_RE.findall(text)) | frozenset(f"{a}-{b}".lower() for a, b in pairs)


def join_line_hyphens(text: str, words: frozenset[str] | None = None) -> str:
    """`compre-\\nhensive` -> `comprehensive` where the document (`words`, by default `printed_words(text)`) uses that
    word elsewhere and never prints it hyphenated within a line, else `X-Y` with the hyphen as printed (`X‐Y` after
    U+2010): where the document prints both ("s-maxage" beside "max-age"), the hyphen is the author's. A soft
    hyphen's word is always whole (`technolo\\u00ad\\ngically` -> `technologically`)."""
    words = words if words is not None else printed_words(text)

    def join(match: re.Match[str]) -> str:
        head, hyphen, tail = match.groups()
        compound = f"{head}-{tail}".lower() in words
        whole = hyphen == _SOFT_HYPHEN or ((head + tail).lower() in words and not compound)
        return head + tail if whole else f"{head}{hyphen}{tail}"

    return _LINE_HYPHEN_RE.sub(join, text)


_NUMBER_LINE_RE = re.compile(r"^[ \t]*(\d{1,4})[ \t]*$", re.MULTILINE)
"""A line of nothing but a number: a page number, which pdftotext may set between a page's two columns, a table's
cell, or a note's number set alone above the note."""


def _without_number_lines(page: str) -> tuple[str, tuple[tuple[int, int], ...]]:
    """The page normalized without its number-only lines, and for each that may be a note's number its number and
    where the text after it starts in the result (`Reference.note_heads`): a number-only line alone (one of several
    in a row is a table's column) with text after it that does not open in lower case (a sentence going on after a
    page number set between its lines does; a note opens as a sentence or a citation does)."""
    text = ""
    heads: list[tuple[int, int]] = []
    numbers: list[int] = []  # the number-only lines since the last text
    position = 0
    for line in (*_NUMBER_LINE_RE.finditer(page), None):
        segment = normalize(page[position : line.start() if line else len(page)])
        if segment:
            text = f"{text} {segment}" if text else segment
            if len(numbers) == 1 and not segment[:1].islower():
                heads.append((numbers[0], len(text) - len(segment)))
            numbers = []
        if line is not None:
            numbers.append(int(line.group(1)))
            position = line.end()
    return text, tuple(heads)


def _pdftotext(path: Path, *options: str) -> str:
    """The document as pdftotext reads it with `options`: pages end in a form feed."""
    if shutil.which("pdftotext") is None:
        raise ReferenceUnavailable(
            "pdftotext (poppler-utils) is needed to judge PDF quotes; apt-get install poppler-utils"
        )
    result = subprocess.run(
        ["pdftotext", *options, "-enc", "UTF-8", str(path), "-"], capture_output=True, check=False, timeout=300
    )
    if result.returncode != 0:
        raise ReferenceUnavailable(f"pdftotext could not read {path.name}: {result.stderr.decode(errors='replace')}")
    text = result.stdout.decode("utf-8", "replace")
    text = text.translate(_CATALOGUE_READINGS) if _CATALOGUE_RE.search(text) else text
    return text.translate(_ligature_readings(path, path.stat().st_mtime)) if _PRIVATE_USE_RE.search(text) else text


_PRIVATE_USE_RE = re.compile(r"[\ue000-\uf8ff\U000f0000-\U0010fffd]")


@lru_cache(maxsize=64)
def _ligature_readings(path: Path, mtime: float) -> dict[int, str]:
    """Each private-use character a PDF's fonts map a ligature glyph to, as the letters the glyph's name spells
    (`private_ligatures`: Utopia's "T_h" mapped to U+E031, which pdftotext prints as it is). The fonts are read from
    each page's resources with pdfminer's font loading (no parser of the product reads them here); a character two
    fonts read as different letters stays as it is, for pdftotext's text does not say which font set it."""
    readings: dict[str, set[str]] = {}
    fonts = PDFResourceManager()
    with path.open("rb") as file:
        for page in PDFPage.create_pages(PDFDocument(PDFParser(file))):
            for ref in (resolve1((page.resources or {}).get("Font")) or {}).values():
                spec = resolve1(ref)
                if not isinstance(spec, dict) or "ToUnicode" not in spec:
                    continue
                font = fonts.get_font(getattr(ref, "objid", None), spec)
                mapped = font.unicode_map.cid2unichr if isinstance(font.unicode_map, FileUnicodeMap) else {}
                for code, letters in private_ligatures(spec, mapped).items():
                    readings.setdefault(mapped[code], set()).add(letters)
    return {ord(char): letters.pop() for char, letters in readings.items() if len(letters) == 1}


_CATALOGUE_READINGS = {int(name[1:]): sign for name, sign in CATALOGUE_GLYPHS.items()}
"""poppler reads a glyph a font names only by its catalogue number ("H11350", Mathematical Pi's "≥") as the character
whose code point is that number ("ⱖ", a Glagolitic letter): read back as the sign the name stands for. The code
points are Glagolitic letters and rare arrows and relations, which no document here prints as text."""
_CATALOGUE_RE = re.compile("[" + "".join(re.escape(chr(code)) for code in _CATALOGUE_READINGS) + "]")
"""Any of those code points: a page without one is not translated (`str.translate` looks up every character)."""


FURNITURE_SHARE = 0.5
"""A line on at least this share of a PDF's pages (and on two or more) is page furniture, not the document's text."""
_FURNITURE_WORDS = 3
"""Fewer words than this, and no number, and a repeated line may be the document's own (a table cell, a name
wrapped alone onto its line): only a longer line, one with a number (`Page 3 of 6`, `3/6`) or a web address (a
browser's print footer) counts as furniture."""
_DIGITS_RE = re.compile(r"\d+")


def _line_shape(line: str) -> str:
    """A line with its numbers masked: a running footer reads the same on every page but for its page number."""
    return _DIGITS_RE.sub("#", normalize(line))


def furniture_lines(pages: list[str]) -> frozenset[str]:
    """The shapes (`_line_shape`) of the lines pdftotext prints on many pages: running headers, footers, stamps."""
    printed = [page for page in pages if page.strip()]
    counts = Counter(shape for page in printed for shape in {_line_shape(line) for line in page.splitlines()})
    least = max(2, FURNITURE_SHARE * len(printed))
    return frozenset(
        shape
        for shape, count in counts.items()
        if count >= least
        and shape != "#"  # a number alone: a page number (`_NUMBER_LINE_RE`) or a table's cell, never a running line
        and ("#" in shape or len(shape.split()) >= _FURNITURE_WORDS or _URL_RE.fullmatch(shape))
    )


def _without_lines(page: str, shapes: frozenset[str]) -> str:
    return "\n".join(line for line in page.splitlines() if _line_shape(line) not in shapes)


_ROMAN_RE = re.compile(r"(?=[ivxlc])c{0,3}(?:xc|xl|l?x{0,3})(?:ix|iv|v?i{0,3})")
_ROMAN_VALUES = {"i": 1, "v": 5, "x": 10, "l": 50, "c": 100}


def _roman(line: str) -> int | None:
    """The value of a line that is a roman numeral alone (`iii`, `XIV`), else None."""
    numeral = line.strip().lower()
    if not _ROMAN_RE.fullmatch(numeral):
        return None
    values = [_ROMAN_VALUES[char] for char in numeral]
    return sum(-value if value < after else value for value, after in zip(values, [*values[1:], 0], strict=True))


def _without_roman_numbers(pages: list[str]) -> list[str]:
    """The pages without their roman page numbers: a page's first or last line that is a roman numeral alone
    (`_roman`), where another page holds the numeral one before or after it at the same edge (a front matter's
    pages numbered i, ii, iii at their feet). A numeral line inside a page, or one whose neighbours in the count
    stand nowhere at that edge (a list's item `v` ending a page), is the text's own and stays. A page number in
    digits is a number-only line (`_NUMBER_LINE_RE`), left out wherever it stands."""
    edges = []
    for page in pages:
        lines = [index for index, line in enumerate(page.splitlines()) if line.strip()]
        edges.append({0: lines[0], 1: lines[-1]} if lines else {})
    values = {
        (edge, value)
        for page, ends in zip(pages, edges, strict=True)
        for edge, index in ends.items()
        if (value := _roman(page.splitlines()[index])) is not None
    }
    stripped = []
    for page, ends in zip(pages, edges, strict=True):
        lines = page.splitlines()
        numbered = {
            index
            for edge, index in ends.items()
            if (value := _roman(lines[index])) is not None and {(edge, value - 1), (edge, value + 1)} & values
        }
        stripped.append("\n".join(line for index, line in enumerate(lines) if index not in numbered))
    return stripped


_BLOCK_BREAK_RE = re.compile(rf"\n[ \t]*\n\s*|\n(?=\(?{NOTE_NUMBER}\)? \S)|\n[ \t]*[-‐‑‒–—―_─]{{3,}}[ \t]*(?=\n|\Z)")
"""Where pdftotext's text blocks part: at a blank line, before a line that opens with a number, bare or in brackets
as the Official Journal numbers its foot notes ("(1) Regulation (EU) No 182/2011"), and a word (a foot note, which
it may set straight under the page's last line of text), and at a rule printed as a line of dashes (the rule over a
page's notes, which it may set straight under the page's last line of text too)."""


_INVISIBLE_MODES = frozenset({3, 7})
"""PDF text render modes that paint nothing: neither fill nor stroke (3), or only add to the clipping path (7)."""


def _hidden_words(path: Path) -> bool:
    """Whether a page of the PDF sets words in invisible text (`_INVISIBLE_MODES`) beside text it prints.

    A proof keeps its copy-editor's queries ("AU: Please check ...") as invisible text laid over the lines they
    query; pdftotext reads them as it reads printed text, into the middle of the sentences. A scan's recognised
    text is invisible too, but on pages that print no text: it is the page's text, and such a file is read as it
    is. Render modes are read with pdfium (pypdfium2), not with the parser's pdfminer."""
    document = pdfium.PdfDocument(path)
    try:
        return any(_hides_words(page) for page in document)
    finally:
        document.close()


def _hides_words(page: pdfium.PdfPage) -> bool:
    """Whether a page sets both printed text and words in invisible text (`_hidden_words`)."""
    textpage = page.get_textpage()
    modes = [
        (pdfium_c.FPDFTextObj_GetTextRenderMode(item.raw) in _INVISIBLE_MODES, item)
        for item in page.get_objects(filter=(pdfium_c.FPDF_PAGEOBJ_TEXT,), max_depth=8)
    ]
    return any(not hidden for hidden, _ in modes) and any(
        hidden and _object_text(item, textpage).strip() for hidden, item in modes
    )


def _object_text(item: pdfium.PdfObject, textpage: pdfium.PdfTextPage) -> str:
    """The characters one of pdfium's text objects sets."""
    size = pdfium_c.FPDFTextObj_GetText(item.raw, textpage.raw, None, 0)
    buffer = (ctypes.c_ushort * size)()
    pdfium_c.FPDFTextObj_GetText(item.raw, textpage.raw, buffer, size)
    return bytes(buffer).decode("utf-16-le", "replace").rstrip("\x00")


@contextmanager
def _as_printed(path: Path) -> Iterator[Path]:
    """The PDF as it prints: where it sets words in invisible text (`_hidden_words`), a copy drawn again by poppler's
    pdftocairo, which paints only what shows, so that pdftotext reads no hidden text; else the file itself. Only such
    a file is drawn again: a copy reads a little differently (spaces, ligatures) from the file it copies."""
    if not _hidden_words(path):
        yield path
        return
    if shutil.which("pdftocairo") is None:
        raise ReferenceUnavailable("pdftocairo (poppler-utils) is needed to judge a PDF with hidden text")
    with tempfile.TemporaryDirectory() as directory:
        copy = Path(directory) / "printed.pdf"
        result = subprocess.run(
            ["pdftocairo", "-pdf", str(path), str(copy)], capture_output=True, check=False, timeout=300
        )
        if result.returncode != 0:
            raise ReferenceUnavailable(
                f"pdftocairo could not draw {path.name}: {result.stderr.decode(errors='replace')}"
            )
        yield copy


def _pdf_reference(path: Path, not_text: tuple[str, ...]) -> Reference:
    """The pages in reading order, line-end hyphens joined as the document allows (for notes); the same without
    number-only lines, with where one may have been a note's number (for quotes); each page's text blocks without
    those lines and page furniture (for quotes too); and the pages in layout mode (for notes). The PDF is read as
    it prints (`_as_printed`)."""
    with _as_printed(path) as printed:
        return _printed_reference(printed, not_text)


def _printed_reference(path: Path, not_text: tuple[str, ...]) -> Reference:
    boxes = _pdftotext(path, "-bbox-layout")
    plain = _raised_markers(_foot_breaks(_pdftotext(path), boxes), boxes)
    words = printed_words(plain)
    layout = _pdftotext(path, "-layout")
    raw = _mark_letter_spacing(_mark_line_hyphens(plain, boxes))
    pages = join_line_hyphens(raw, words).split("\f")
    quotable = [_without_number_lines(page) for page in pages]
    furniture = furniture_lines(raw.split("\f"))
    unfurnished = [
        _without_lines(_NUMBER_LINE_RE.sub("", page), furniture) for page in _without_roman_numbers(raw.split("\f"))
    ]
    blocks = tuple(
        tuple(normalize(join_line_hyphens(block, words)) for block in _BLOCK_BREAK_RE.split(page) if block.strip())
        for page in unfurnished
    )
    stretched = _stretched_pages(boxes, furniture)
    return Reference(
        pages=tuple(normalize(page) for page in pages),
        not_text=not_text,
        named=_named_in_text(plain.split("\f"), not_text, furniture),
        quotable=tuple(text for text, _ in quotable),
        note_heads=tuple(heads for _, heads in quotable),
        printed=True,
        note_pages=_note_pages(path, layout),
        blocks=blocks,
        sides=_side_columns(boxes),
        rows=tuple(" ".join(page) for page in stretched if page)
        + _pleading_text(layout)
        + _unwoven_pages(boxes, words),
        stretched=stretched,
        numbered=_numbered_lines(boxes),
    )


_BOX_LINE_BOX_RE = re.compile(
    r'<line xMin="([\d.]+)" yMin="([\d.]+)" xMax="([\d.]+)" yMax="([\d.]+)">(.*?)</line>', re.DOTALL
)
_NUMBER_GAP = 5
"""The widest gap, in the number's line heights, between a number and the line it numbers on its baseline: a
chapter's number in the margin stands two or three apart from its title; farther is another column's line."""
_BASELINE_SLACK = 0.2
"""How far apart two lines' feet may stand, as a share of the number's line height, and be on one baseline."""


def _numbered_lines(boxes: str) -> tuple[str, ...]:
    """Each number pdftotext sets as a line of its own, with the nearest line the page prints to its right on its
    baseline, as one line (from its word boxes, `-bbox-layout`): a chapter's number in the margin beside its title
    ("2" then "System Overview" in reading order, a gap of two line heights between them on the page) or a section's
    number in a paper's column, which the page prints as one heading, "2 System Overview"."""
    numbered: list[str] = []
    for page in _BOX_PAGE_RE.findall(boxes):
        lines = [(*map(float, edges), _block_text(words)) for *edges, words in _BOX_LINE_BOX_RE.findall(page)]
        for _, top, right, bottom, number in (line for line in lines if _NUMBER_LINE_RE.fullmatch(line[4])):
            height = bottom - top
            beside = [
                (left, text)
                for left, _, _, foot, text in lines
                if abs(foot - bottom) <= _BASELINE_SLACK * height and 0 < left - right <= _NUMBER_GAP * height
            ]
            if beside:
                numbered.append(normalize(f"{number} {min(beside)[1]}"))
    return tuple(numbered)


def _foot_breaks(text: str, boxes: str) -> str:
    """pdftotext's `text` with a blank line between a run of text and the foot of smaller type that ends its flow (the
    page's foot notes), where pdftotext prints the two with no line between: its word boxes (`-bbox-layout`) part
    them as blocks, the notes' lines under `_SMALLER_TYPE` of the text's, so the page's last line of text ends a
    block (`Reference.blocks`) where a sentence may break off and go on on the next page. Each break is looked for
    in order, each after the one before; one not found is left as it is."""
    pages = text.split("\f")
    for number, page in enumerate(_BOX_PAGE_RE.findall(boxes)[: len(pages)]):
        position = 0
        for flow in _BOX_FLOW_RE.findall(page):
            blocks = [block[4] for block in _BOX_BLOCK_RE.findall(flow)]
            heights = [(_line_height(block), _line_height(block, -1)) for block in blocks]
            for index in range(1, len(blocks)):
                size = _SMALLER_TYPE * heights[index - 1][1]
                if not all(first < size and last < size for first, last in heights[index:]):
                    continue
                seam = f"{_box_line_text(blocks[index - 1], -1)}\n{_box_line_text(blocks[index], 0)}"
                found = pages[number].find(seam, position)
                if found >= 0:
                    position = found + len(_box_line_text(blocks[index - 1], -1))
                    pages[number] = f"{pages[number][:position]}\n{pages[number][position:]}"
                break
    return "\f".join(pages)


_MARKER_GAP = 0.25
"""The widest gap, as a share of its line's height, between a word's end and a raised number set against it as its
marker: a space is a quarter of the type's size or so, and a marker stands closer."""
_WordBox = tuple[float, float, float, float, str]


def _word_boxes(line: str) -> list[_WordBox]:
    """A word-box line's words with their edges (left, top, right, bottom), those of no width left out: a zero-width
    space pdftotext boxes as a word of its own, taller than the line's type."""
    words = [unescape(word) for word in _BOX_WORD_RE.findall(line)]
    edges = [[float(edge) for edge in box] for box in _BOX_WORD_EDGES_RE.findall(line)]
    return [
        (left, top, right, bottom, word)
        for (left, top, right, bottom), word in zip(edges, words, strict=True)
        if right > left
    ]


def _raised_on(marker: _WordBox, line: list[_WordBox]) -> int | None:
    """The index of the word of `line` a number set alone (`marker`) is the raised marker of: smaller type than the
    line's (`_SMALLER_TYPE`), its top above the line's and its foot inside the line's height, set against the word's
    end (`_MARKER_GAP`). None where it is not one of the line's."""
    left, top, _, bottom, _ = marker
    line_top, line_bottom = min(word[1] for word in line), max(word[3] for word in line)
    height = line_bottom - line_top
    if bottom - top >= _SMALLER_TYPE * height or not top < line_top < bottom < line_bottom:
        return None
    ends = [index for index, word in enumerate(line) if abs(left - word[2]) <= _MARKER_GAP * height]
    return ends[0] if ends else None


def _raised_markers(text: str, boxes: str) -> str:
    """pdftotext's `text` with each note marker set back after the word it is raised against, where pdftotext prints
    it as a number-only line of its own above or below its line: its baseline is higher than the line's, so the
    reading order sets it apart ("24" / "that Agrofert ... beneficial owners.", the page printing "owners.²⁴"), and
    quotes are not looked for across a number-only line (`_without_number_lines`). Found from the word boxes
    (`-bbox-layout`): a number alone on its line, in smaller type, raised against a word's end (`_raised_on`). A
    line's markers are set back only where they stand on the lines right above or below it in the text (blank lines
    between) and the line is found once on its page; else the page is left as pdftotext prints it."""
    pages = text.split("\f")
    for number, page in enumerate(_BOX_PAGE_RE.findall(boxes)[: len(pages)]):
        lines = [words for words in map(_word_boxes, _BOX_LINE_RE.findall(page)) if words]
        markers = [line[0] for line in lines if len(line) == 1 and _NUMBER_LINE_RE.fullmatch(line[0][4])]
        for line in lines:
            raised = sorted(
                (index, marker[4])
                for marker in markers
                if marker is not line[0] and (index := _raised_on(marker, line)) is not None
            )
            if raised:
                pages[number] = _set_back(pages[number], [word[4] for word in line], raised)
    return "\f".join(pages)


def _set_back(page: str, words: list[str], raised: list[tuple[int, str]]) -> str:
    """The `page` with the line of `words` printed with each `raised` number after its word, and the number-only lines
    that held them next to it dropped; the page as it was where the line is not found once or a number is not next
    to it."""
    rows = page.split("\n")
    printed = normalize(" ".join(words))
    found = [index for index, row in enumerate(rows) if normalize(row) == printed]
    if len(found) != 1:
        return page
    at = found[0]
    around: dict[str, int] = {}
    for step in (-1, 1):
        index = at + step
        while 0 <= index < len(rows) and (_NUMBER_LINE_RE.fullmatch(rows[index]) or not rows[index].strip()):
            if rows[index].strip():
                around.setdefault(rows[index].strip(), index)
            index += step
    if any(marker not in around for _, marker in raised):
        return page
    row = rows[at]
    for index, marker in reversed(raised):
        end = _prefix_end(row, normalize(" ".join(words[: index + 1])))
        if end is None:
            return page
        row = f"{row[:end]}{marker}{row[end:]}"
    rows[at] = row
    dropped = {around[marker] for _, marker in raised}
    return "\n".join(row for index, row in enumerate(rows) if index not in dropped)


def _prefix_end(row: str, prefix: str) -> int | None:
    """Where in `row` its words up to the normalized `prefix` end: the first place the row read up to there is the
    prefix and no word's character follows. None where the row does not open with them."""
    for end in range(len(row) + 1):
        if normalize(row[:end]) == prefix and (end == len(row) or not normalize(row[end])):
            return end
    return None


def _note_pages(path: Path, layout: str) -> tuple[str, ...]:
    """The pages read two more ways, where notes are looked for too: pdftotext's layout mode, then its content-stream
    order (`-raw`).

    A foot note's number is set raised, on a line of its own, so reading order may set it elsewhere on the page, and
    the layout may set a line of the column beside between the number and its text (acl-2020-s2orc-paper.pdf, p. 7:
    "15 papers concerned with graph representation learning. https://github.com/google-research/ bert"). The
    content stream is the order the producer wrote the page in: the number, then its note."""
    return tuple(
        normalize(page) for text in (layout, _pdftotext(path, "-raw")) for page in join_line_hyphens(text).split("\f")
    )


_PLEADING_LINE_RE = re.compile(r"^ *(\d{1,2})(?: {2,}(\S.*)|)$")
"""A line of pdftotext's layout mode opening with a number set apart from the words after it (or alone): on
pleading paper, the line's number in the margin."""
PLEADING_LINES = 5
"""A page numbers its lines when at least this many of its lines open with their numbers, 1, 2, 3... in order:
fewer may be a short list's items."""


def _pleading_text(layout: str) -> tuple[str, ...]:
    """The body of each run of pages typed on pleading paper, read without the margin's line numbers, one string per
    run of such pages (`Reference.rows`).

    Pleading paper numbers each line of the body in the left margin (1 to 21, say, down every page). pdftotext's
    reading order sets those numbers as blocks of their own between the lines, and a justified line whose words
    stand two spaces apart after a sentence may part into two blocks printed apart, so the body's sentences are found
    nowhere. Its layout mode (`-layout`) keeps each line whole behind its number. A page numbers its lines where the
    lines that open with a number set apart (`_PLEADING_LINE_RE`) number 1, 2, 3... in order down the page, at least
    `PLEADING_LINES` of them, and every line from the first of them to the last opens with its number: pleading
    paper numbers each line of the body. A numbered list's items are few, or skip, or wrap onto lines of no number
    (a page's foot notes numbered 1 to 5, each over lines of its own, are no pleading). Its body is its numbered
    lines, without the numbers: the running header above and the notes and footer below are not the body; a
    sentence goes on from one numbered page's last line to the next page's first line, as the text reads. Pages
    read this way are read as pdftotext's other modes read them too."""
    runs: list[list[str]] = [[]]
    for page in layout.split("\f"):
        lines = page.splitlines()
        numbered = [(index, _PLEADING_LINE_RE.match(line)) for index, line in enumerate(lines)]
        numbered = [(index, match) for index, match in numbered if match]
        numbers = [int(match.group(1)) for _, match in numbered]
        between = lines[numbered[0][0] : numbered[-1][0] + 1] if numbered else []
        if (
            len(numbers) < PLEADING_LINES
            or numbers != list(range(1, len(numbers) + 1))
            or len(numbers) != len([line for line in between if line.strip()])
        ):
            runs.append([])
            continue
        runs[-1] += [match.group(2) or "" for _, match in numbered]
    return tuple(normalize(join_line_hyphens("\n".join(run))) for run in runs if run)


_LETTERS_RE = re.compile(r"[^\W\d_]+")
_LETTER_SPACED_LENGTH = 2.6
"""The mean length of a line's runs of letters under which its spaces may be letter-spacing's: a line of words
averages twice that; "S ect i on", "Tr an s p ar enc y" average 2."""
_LETTER_SPACED_RUNS = 3
"""A letter-spaced line has at least this many runs of letters: fewer is a label ("Table A"), whose spaces stand."""
_INNER_SPACE_RE = re.compile(r"(?<=\S)[ \t]+(?=\S)")


def _mark_letter_spacing(text: str) -> str:
    """pdftotext's `text` with each space of a letter-spaced line as `LETTER_SPACE`. A line is letter-spaced where
    its runs of letters are short on average (`_LETTER_SPACED_LENGTH`, at least `_LETTER_SPACED_RUNS` of them) and one
    of them, in lower case and set apart, is no word the document uses elsewhere: the inside of a word ("ect", "nd";
    not a unit glued to a number, "2000cc", nor a contraction's end, "Soc'y"). A line of short words ("It is so
    ordered.") is all words of the document, and one of initials and abbreviations ("Cite as: 569 U. S.", "Tan CW,
    Chia WN") has no lower-case piece: the spaces of both stand as printed. (Capitals split apart, "T WIT TER", read
    whole by `_printed_character`'s own rule.)"""
    lines = text.split("\n")
    short = {
        index
        for index, line in enumerate(lines)
        if len(runs := _LETTERS_RE.findall(line)) >= _LETTER_SPACED_RUNS
        and sum(map(len, runs)) / len(runs) < _LETTER_SPACED_LENGTH
    }
    words = {run.lower() for index, line in enumerate(lines) if index not in short for run in _LETTERS_RE.findall(line)}
    for index in short:
        if any(token.isalpha() and token.islower() and token not in words for token in lines[index].split()):
            lines[index] = _INNER_SPACE_RE.sub(LETTER_SPACE, lines[index])
    return "\n".join(lines)


_BOX_PAGE_RE = re.compile(r"<page\b.*?</page>", re.DOTALL)
_BOX_LINE_RE = re.compile(r"<line\b.*?</line>", re.DOTALL)
_BOX_WORD_RE = re.compile(r"<word\b[^>]*>(.*?)</word>", re.DOTALL)


def _mark_line_hyphens(text: str, boxes: str) -> str:
    """pdftotext's `text` with `LINE_HYPHEN` where it joined a word broken at a hyphen across a line end, found from
    its word boxes (`-bbox-layout`: each page's lines in reading order, the words of each): a line's last word ends
    in a hyphen after other characters, and the text holds it, without the hyphen, run on into the next line's first
    word (less its own line-end hyphen, where it is all of its line). Each page's breaks are looked for in order,
    each after the one before; one not found (pdftotext kept the hyphen and the line break) is left as it is.

    A line whose last word is a hyphen alone, a dash set a space apart from the word before it ("our expenses -" /
    "up from 51%", `_spaced_dash`), pdftotext drops the same way, leaving the space before it ("our expenses up from
    51%"): there the text gets the dash back (`_SPACED_DASH`), as the page prints it; it joins no word, so it is no
    `LINE_HYPHEN`. A hyphen pdftotext takes for a word of its own though the page sets it against the letter before
    it (small capitals' "L A -" / "T E X") is left as it is."""
    pages = text.split("\f")
    for number, page in enumerate(_BOX_PAGE_RE.findall(boxes)[: len(pages)]):
        found_lines = _BOX_LINE_RE.findall(page)
        lines = [[unescape(word) for word in _BOX_WORD_RE.findall(line)] for line in found_lines]
        marked: list[tuple[int, str]] = []
        position = 0
        for (line, following), spaced in zip(pairwise(lines), map(_spaced_dash, found_lines), strict=False):
            if not (line and following and line[-1].endswith("-")):
                continue
            if line[-1] == "-":
                if not spaced:
                    continue
                before, head, tail, mark = line[:-2], f"{line[-2]} ", following[0], _SPACED_DASH
            else:
                before, head, tail, mark = line[:-1], line[-1][:-1], following[0], LINE_HYPHEN
            if len(following) == 1 and tail.endswith("-"):  # broken again at its own end: joined on to the next
                tail = tail[:-1]
            found = _joined_at(pages[number], before, head + tail, position)
            if found >= 0:
                position = found + len(head)
                marked.append((position, mark))
        starts = [0, *(at for at, _ in marked)]
        ends = [*(at for at, _ in marked), len(pages[number])]
        marks = ["", *(mark for _, mark in marked)]
        pages[number] = "".join(mark + pages[number][a:b] for mark, a, b in zip(marks, starts, ends, strict=True))
    return "\f".join(pages)


_SPACED_DASH = "- "
"""A hyphen set alone at a line's end, as the page prints it where pdftotext dropped it (`_mark_line_hyphens`)."""
_BOX_WORD_EDGES_RE = re.compile(r'<word xMin="(-?[\d.]+)" yMin="(-?[\d.]+)" xMax="(-?[\d.]+)" yMax="(-?[\d.]+)">')
"""A word box's edges, negative where the word is set partly off the page (pdftotext prints yMin="-3.761181" for a
frame drawn over a page's top edge)."""
_DASH_SPACE = 0.1
"""The narrowest gap, as a share of its height, between a line's last word, a hyphen alone, and the word before it
that is a space the page prints: a space is a quarter of the type's size or so; letters pdftotext parts where their
size changes (small capitals) stand a twentieth apart."""


def _spaced_dash(line: str) -> bool:
    """Whether a word-box line ends in a hyphen alone set a space apart from a word before it (`_DASH_SPACE`)."""
    words = _BOX_WORD_RE.findall(line)
    edges = _BOX_WORD_EDGES_RE.findall(line)
    if len(words) < 2 or unescape(words[-1]) != "-" or len(edges) != len(words):
        return False
    (_, _, before, _), (left, top, _, bottom) = ([float(edge) for edge in box] for box in edges[-2:])
    return left - before >= _DASH_SPACE * (float(bottom) - float(top))


def _joined_at(page: str, before: list[str], joined: str, position: int) -> int:
    """Where `page` holds the word pdftotext joined across a line end, from `position` on: after the words its line
    sets before it where the line has any (an earlier "Breastfeeding" printed whole on the page is another word than
    the "Breast-" / "feeding" broken at this line's end), else the word's first place; -1 where it is not found."""
    if before:
        lead = f"{before[-1]} "
        found = page.find(lead + joined, position)
        if found >= 0:
            return found + len(lead)
    return page.find(joined, position)


_BOX_FLOW_RE = re.compile(r"<flow>.*?</flow>", re.DOTALL)
_BOX_BLOCK_RE = re.compile(
    r'<block xMin="([\d.]+)" yMin="([\d.]+)" xMax="([\d.]+)" yMax="([\d.]+)">(.*?)</block>', re.DOTALL
)
_COLUMN_WIDTH_SLACK = 0.1
"""How much two columns of one page's text may differ in width, as a share of the left one's."""
_COLUMN_GAP = 5
"""The widest gap, in lines, between two blocks of one column: a heading's space over it, not a figure set between."""

_SMALLER_TYPE = 0.9
"""A block whose lines stand under this share of a column's line height is set in smaller type than its text."""

_Box = tuple[float, float, float, float]


def _side_columns(boxes: str) -> tuple[tuple[tuple[str, str], ...], ...]:
    """Each page's pairs of text runs side by side as columns, from pdftotext's word boxes (`-bbox-layout`, where a
    flow is a run it prints apart): a flow's last block and another flow's first block that stands wholly to its
    right, as wide, its top level with the top of the left one's column (`_column_top`). There the left column's
    text goes on in reading order, whichever of the two pdftotext prints first (it orders flows by their tops).
    A table's cells are no columns: a label and the narrower figures beside it are not as wide; nor are two lines
    set apart (a letter's "Sincerely," over to the right and an "Enclosure" under it at the margin): a column's
    block holds lines of running text. Nor is a column of a band above a figure the next column of one under it.
    Each pair is the left block's last line and the right block's first line, without the word at their inner end,
    which a hyphen's join may have changed."""
    pages = []
    for page in _BOX_PAGE_RE.findall(boxes):
        flows = [_BOX_BLOCK_RE.findall(flow) for flow in _BOX_FLOW_RE.findall(page)]
        placed = [(*_box(block), _line_height(block[4])) for blocks in flows for block in blocks]
        ends = [(blocks[0], blocks[-1]) for blocks in flows if blocks]
        pairs = []
        for _, left in ends:
            left_x0, _, left_x1, _ = _box(left)
            width, height = left_x1 - left_x0, _line_height(left[4])
            tops = _column_tops(_box(left), placed, height)
            for right, _ in ends:
                right_x0, right_y0, right_x1, _ = _box(right)
                if (
                    right_x0 >= left_x1
                    and any(abs(right_y0 - top) <= height for top in tops)
                    and abs(right_x1 - right_x0 - width) <= _COLUMN_WIDTH_SLACK * width
                    and min(len(_BOX_LINE_RE.findall(block[4])) for block in (left, right)) > 1
                ):
                    pairs.append((_box_line(left[4], -1), _box_line(right[4], 0)))
        pages.append(tuple(pairs))
    return tuple(pages)


_STRETCHED_WORDS = 3
"""A line set as this many one-line blocks or more, each standing on one baseline, is one stretched line."""
_STRETCHED_GAP = 2
"""The widest gap, in line heights, between two words of one stretched line: wider is a gutter between columns."""
_STRETCHED_SPAN = 0.9
"""A stretched line spans at least this share of the page's widest other block: a justified line runs from margin to
margin, where a table's cells on one row make no such line."""
_BASELINE_SLACK = 0.5
"""How far, in points, the feet of two words of one line may stand apart."""


def _stretched_pages(boxes: str, furniture: frozenset[str]) -> tuple[tuple[str, ...], ...]:
    """Each page's blocks, where pdftotext prints the words of a line apart, read again with each such line whole
    (`Reference.stretched`); no blocks for any other page.

    A fully justified line set in wide type (a court's double-spaced Courier) stretches its spaces so wide that
    pdftotext (`-bbox-layout`) takes each word for a block of its own, and orders the blocks by their tops: one
    line's words come out among the next line's, and a sentence over that line is found nowhere. Here the one-line
    blocks that stand on one baseline (`_BASELINE_SLACK`), `_STRETCHED_WORDS` or more of them, each within
    `_STRETCHED_GAP` line heights of the next, and running from margin to margin (`_STRETCHED_SPAN`), are one line
    again, read left to right; the page is then read top to bottom, block by block. Only a page of one column is
    read so (no block of several lines stands beside another block): on a page of columns, reading top to bottom
    would run each line into the line beside it. Pages with no stretched line are not read again. Page furniture
    (`furniture_lines`) and number-only blocks (page and note numbers) are left out, as they are of `blocks`."""
    pages: list[tuple[str, ...]] = []
    for page in _BOX_PAGE_RE.findall(boxes):
        blocks = [(_box(block), block[4]) for block in _BOX_BLOCK_RE.findall(page)]
        units = [(box, normalize(_block_text(text)), len(_BOX_LINE_RE.findall(text))) for box, text in blocks]
        runs = _stretched_lines([(box, text) for box, text, lines in units if lines == 1])
        members = {id(box) for line in runs for box, _ in line}
        width = max((box[2] - box[0] for box, _, _ in units if id(box) not in members), default=0.0)
        stretched = [line for line in runs if line[-1][0][2] - line[0][0][0] >= _STRETCHED_SPAN * width > 0]
        if not stretched or _beside(units):
            pages.append(())
            continue
        joined = {id(box) for line in stretched for box, _ in line}
        rows = [(box, text) for box, text, _ in units if id(box) not in joined]
        rows += [(line[0][0], " ".join(text for _, text in line)) for line in stretched]
        ordered = [text for _, text in sorted(rows, key=lambda row: (row[0][1], row[0][0]))]
        pages.append(
            tuple(
                text
                for text in ordered
                if text and _line_shape(text) not in furniture and not _NUMBER_LINE_RE.fullmatch(text)
            )
        )
    return tuple(pages)


def _stretched_lines(lines: list[tuple[_Box, str]]) -> list[list[tuple[_Box, str]]]:
    """The runs of one-line blocks that make one stretched line (`_stretched_pages`), each left to right."""
    found = []
    rows: dict[float, list[tuple[_Box, str]]] = {}
    for line in sorted(lines, key=lambda line: (line[0][3], line[0][0])):
        foot = next((key for key in rows if abs(key - line[0][3]) <= _BASELINE_SLACK), line[0][3])
        rows.setdefault(foot, []).append(line)
    for row in rows.values():
        run: list[tuple[_Box, str]] = []
        for line in sorted(row, key=lambda line: line[0][0]):
            height = line[0][3] - line[0][1]
            if run and line[0][0] - run[-1][0][2] > _STRETCHED_GAP * height:
                found += [run] if len(run) >= _STRETCHED_WORDS else []
                run = []
            run.append(line)
        found += [run] if len(run) >= _STRETCHED_WORDS else []
    return found


def _beside(units: list[tuple[_Box, str, int]]) -> bool:
    """Whether a block of several lines stands beside another block, level with it: the page is set in columns."""
    return any(
        lines > 1 and a[1] < b[3] and b[1] < a[3] and (a[2] <= b[0] or b[2] <= a[0])
        for a, _, lines in units
        for b, _, _ in units
    )


_BOX_LINE_EDGES_RE = re.compile(r'<line xMin="([\d.]+)" yMin="[\d.]+" xMax="([\d.]+)"[^>]*>(.*?)</line>', re.DOTALL)


def _unwoven_pages(boxes: str, words: frozenset[str]) -> tuple[str, ...]:
    """The pages where pdftotext weaves a column's lines with the lines of a box beside it, read again with each
    block's own lines first and the lines beside them after (`Reference.rows`).

    A box set beside a column (a sidebar's "Source:" line) may stand level with the column's lines, and pdftotext
    (`-bbox-layout`) then sets its lines in the column's block between the column's own, by their heights: a
    sentence over those lines is found nowhere. A line of a block that stands wholly to the right of the block's
    own lines above and below it (`_aside`) is the box's: the page prints it beside the column, not in it. Only
    pages where such a line stands between two of its block's own lines are read again."""
    pages = []
    for page in _BOX_PAGE_RE.findall(boxes):
        blocks, woven = [], False
        for block in _BOX_BLOCK_RE.findall(page):
            lines = [(float(x0), float(x1), _block_text(text)) for x0, x1, text in _BOX_LINE_EDGES_RE.findall(block[4])]
            beside = _aside(lines)
            woven = woven or any(beside)
            ordered = [text for (_, _, text), aside in zip(lines, beside, strict=True) if not aside]
            ordered += [text for (_, _, text), aside in zip(lines, beside, strict=True) if aside]
            blocks.append("\n".join(ordered))
        if woven:
            pages.append(normalize(join_line_hyphens("\n".join(blocks), words)))
    return tuple(pages)


def _aside(lines: list[tuple[float, float, str]]) -> list[bool]:
    """Which of a block's lines (each its left and right edge and its text) stand beside the block's own lines, level
    with them (`_unwoven_pages`): right of the block's last own line above, and right of the first line below that
    starts left of it, which is the block's own again, both lines of words. A line after the block's last own line is
    none: nothing follows it to be woven with. Nor is a list item's text beside its bullet, a line of no word: the
    list is the block's own, each item printed apart."""
    aside = [False] * len(lines)
    last = 0
    for index in range(1, len(lines)):
        left = lines[index][0]
        below = next((line for line in lines[index + 1 :] if line[0] < left), None)
        aside[index] = (
            below is not None
            and left >= lines[last][1]
            and left >= below[1]
            and all(_WORD_RE.search(line[2]) for line in (lines[last], below))
        )
        last = last if aside[index] else index
    return aside


def _block_text(block: str) -> str:
    """A word-box block's words, in order."""
    return " ".join(unescape(word) for word in _BOX_WORD_RE.findall(block))


def _box(block: tuple[str, ...]) -> _Box:
    return (float(block[0]), float(block[1]), float(block[2]), float(block[3]))


def _line_height(block: str, index: int = 0) -> float:
    """The height of a word-box block's line `index` (its first by default)."""
    lines = re.findall(r'<line xMin="[\d.]+" yMin="([\d.]+)" xMax="[\d.]+" yMax="([\d.]+)"', block)
    return float(lines[index][1]) - float(lines[index][0]) if lines else 0.0


def _box_line_text(block: str, index: int) -> str:
    """Line `index` of a word-box block as pdftotext prints it: its words, a space between two."""
    return _block_text(_BOX_LINE_RE.findall(block)[index])


def _column_tops(
    block: _Box, placed: list[tuple[float, float, float, float, float]], height: float
) -> tuple[float, ...]:
    """Where the column `block` stands in may start: the top of the blocks above it within its left and right edges
    (each with its first line's height), each at most `_COLUMN_GAP` lines over the next, up to the first wider gap (a
    figure or a band of other columns above) or the first block in smaller type (a running header, a figure's
    caption); and, where a block in larger type stands among them, the top under it too. A band's heading set over
    its left column alone (a report in bands, "VICTIMS" over the left column's text) opens that column's band, and
    the right column's text starts level with the text under it; a heading over a whole column starts it level
    with the heading."""
    x0, top, x1, _ = block
    tops = []
    above = sorted(
        (box for box in placed if box[0] >= x0 - height and box[2] <= x1 + height and box[3] <= top),
        key=lambda box: -box[3],
    )
    for _, box_top, _, box_bottom, box_height in above:
        if top - box_bottom > _COLUMN_GAP * height or box_height < height * _SMALLER_TYPE:
            break
        if box_height * _SMALLER_TYPE > height:
            tops.append(top)
        top = min(top, box_top)
    return (*tops, top)


def _box_line(block: str, index: int) -> str:
    """Line `index` of a word-box block, normalized, less its word at the block's edge (the first of the last line,
    the last of the first) where it has more than one."""
    words = [unescape(word) for word in _BOX_WORD_RE.findall(_BOX_LINE_RE.findall(block)[index])]
    if len(words) > 1:
        words = words[1:] if index < 0 else words[:-1]
    return normalize(" ".join(words))


_DECIMAL_STYLE_RE = re.compile(r"list-style(?:-type)?\s*:\s*decimal\b", re.IGNORECASE)


_NOTE_REFERENCE_CLASSES = frozenset({"footnote-ref", "footnote-reference", "noteref"})


def _is_note_reference(role: str | None, classes: list[str]) -> bool:
    """Whether a link is a note's reference by its markup: `role="doc-noteref"` (DPUB-ARIA, as pandoc and Quarto
    write it) or a note-reference class (pandoc's `footnote-ref`, docutils' `footnote-reference`). Its number is a
    marker set against the word before it, as a superscript is printed: a space the page's source sets before the
    link ("black box <a …><sup>1</sup></a> analysis") is no space between two words of the text."""
    return role == "doc-noteref" or not _NOTE_REFERENCE_CLASSES.isdisjoint(classes)


_LINE_BREAK_RE = re.compile(r"\r\n?|\n")
"""A line break in HTML source: a space in the text a browser shows, outside preformatted text."""


class _VisibleText(HTMLParser):
    """The text a browser shows: no scripts or styles, block elements apart, ordered-list items numbered (and a
    `<ul>` a style numbers, `list-style-type: decimal`, as PubMed Central sets its references), an image
    a gap in the line. An image takes room where it stands, so the words either side of it do not run together:
    pages set symbols and thin spaces as small images inside sentences (`losing<img>&gt;<img>1 Å`, which a reader
    sees as `losing > 1 Å`). Its alt text is not read: the image, not those words, is what the reader sees. An
    inline element the page's stylesheet takes out of the line (`out_of_flow_classes`: a book's page number placed in
    the margin, `position: absolute`) is not read either: the reader does not see it inside the sentence it breaks.
    A line break in the source is a space a browser shows as any other but inside preformatted text (`<pre>`), so
    the text's lines are the blocks a browser sets apart and the lines it breaks (`_named_in_text` reads them)."""

    _HIDDEN = frozenset({"script", "style", "noscript", "template", "head", "title"})
    _BLOCKS = frozenset(
        "p div section article main aside header footer nav li ul ol dl dd dt h1 h2 h3 h4 h5 h6 blockquote "
        "pre figure figcaption table tr td th address hr br form".split()
    )
    _VOID = frozenset("area base br col embed hr img input link meta source track wbr".split())

    def __init__(self, out_of_flow: set[str]) -> None:
        super().__init__(convert_charrefs=True)
        self.parts: list[str] = []
        self._hidden = 0
        self._lists: list[int | None] = []
        self._out_of_flow = out_of_flow
        self._outside: list[str] = []  # the open tags of an inline element set out of the line, from it in
        self._preformatted = 0

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag in self._VOID and self._outside:
            return
        style, classes = dict(attrs).get("style") or "", (dict(attrs).get("class") or "").split()
        placed = tag not in self._BLOCKS | self._VOID and is_out_of_flow(style, classes, self._out_of_flow)
        if self._outside or placed:
            self._outside.append(tag)
            return
        if tag == "a" and _is_note_reference(dict(attrs).get("role"), classes) and self.parts:
            self.parts[-1] = self.parts[-1].rstrip(" \t\n")
        if tag == "body":
            # A browser ends the head where the body starts, whatever end tags follow: a page serialised as XML
            # (Nokogiri writing GOV.UK's template) nests its body in the head's `<meta>` elements, all closed only
            # at the file's end (`</meta></head></html>`), and is shown all the same.
            self._hidden = 0
        if tag in self._HIDDEN:
            self._hidden += 1
        elif tag == "pre":
            self._preformatted += 1
        elif tag in ("ol", "ul"):
            start = dict(attrs).get("start") or "1"
            numbered = tag == "ol" or _DECIMAL_STYLE_RE.search(dict(attrs).get("style") or "") is not None
            self._lists.append((int(start) if start.isdigit() else 1) if numbered else None)
        if tag in self._BLOCKS:
            self.parts.append("\n")
        elif tag == "img":
            self.parts.append(" ")
        if tag == "li" and self._lists and self._lists[-1] is not None:
            self.parts.append(f"{self._lists[-1]}. ")
            self._lists[-1] += 1

    def handle_endtag(self, tag: str) -> None:
        if tag in self._outside:
            del self._outside[len(self._outside) - 1 - self._outside[::-1].index(tag) :]
            return
        if self._outside and tag not in self._BLOCKS:
            return
        self._outside.clear()
        if tag in self._HIDDEN:
            self._hidden = max(0, self._hidden - 1)
        elif tag == "pre":
            self._preformatted = max(0, self._preformatted - 1)
        elif tag in ("ol", "ul") and self._lists:
            self._lists.pop()
        if tag in self._BLOCKS:
            self.parts.append("\n")

    def handle_data(self, data: str) -> None:
        if not self._hidden and not self._outside:
            self.parts.append(data if self._preformatted else _LINE_BREAK_RE.sub(" ", data))


def _decode(data: bytes, declared: bytes | None = None) -> str:
    if data.startswith(b"\xef\xbb\xbf"):
        return data[3:].decode("utf-8", "replace")
    for encoding in (declared.decode("ascii", "ignore") if declared else None, "utf-8"):
        if not encoding:
            continue
        try:
            return data.decode(encoding)
        except (LookupError, UnicodeDecodeError):
            continue
    best = from_bytes(data).best()
    return str(best) if best is not None else data.decode("utf-8", "replace")


_STYLE_RE = re.compile(r"<style\b[^>]*>(.*?)</style>", re.IGNORECASE | re.DOTALL)


def _html_text(data: bytes) -> str:
    declared = _HTML_CHARSET_RE.search(data[:4096])
    text = _decode(data, declared.group(1) if declared else None)
    parser = _VisibleText(out_of_flow_classes("\n".join(_STYLE_RE.findall(text))))
    parser.feed(text)
    parser.close()
    return "".join(parser.parts)


_DOCX_NOTE_REF_RE = re.compile(
    r'(?P<open><a href="#(?P<kind>footnote|endnote)-(?P<id>[^"]+)" id="(?P=kind)-ref-(?P=id)">)\[\d+\](?P<close></a>)'
)
_DOCX_NOTE_RE = re.compile(r'<li id="(?P<kind>footnote|endnote)-(?P<id>[^"]+)">')


_DOCX_NOTE_FORMAT_RE, _DOCX_NOTE_START_RE = (
    re.compile(
        rf'<w:(?P<kind>footnote|endnote)Pr>(?:(?!</w:(?P=kind)Pr>).)*?<w:{name} w:val="(?P<value>[^"]+)"', re.DOTALL
    )
    for name in ("numFmt", "numStart")
)
_DOCX_CUSTOM_MARK_RE = re.compile(
    r'<w:(?P<kind>footnote|endnote)Reference(?=[^>]*w:customMarkFollows="(?:1|true|on)")[^>]*w:id="(?P<id>[^"]+)"'
)
_DOCX_DEFAULT_FORMATS = {"footnote": "decimal", "endnote": "lowerRoman"}
_DOCX_SECTION_RE = re.compile(r"<w:sectPr\b(?:[^>]*/>|.*?</w:sectPr>)", re.DOTALL)
_DOCX_REFERENCE_RE = re.compile(r'<w:(?P<kind>footnote|endnote)Reference\b[^>]*w:id="(?P<id>[^"]+)"')


def _docx_restarts(properties: str, kind: str) -> bool | None:
    """Whether section or settings properties restart a kind's numbers in each section (`w:numRestart` "eachSect");
    None where they do not say."""
    found = re.search(rf'<w:{kind}Pr>(?:(?!</w:{kind}Pr>).)*?<w:numRestart w:val="(\w+)"', properties, re.DOTALL)
    return found[1] == "eachSect" if found else None


def _docx_runs(settings: str, document: str, kinds: list[str]) -> dict[tuple[str, str], int]:
    """The run of numbers each note reference is in: Word numbers a section's notes from its start again where its
    `w:sectPr` (else the settings) says `w:numRestart` "eachSect"; a section ends with the paragraph holding its
    `w:sectPr`, the last with the body. As the parser does, a run starts only at a section that cites a note and
    where every kind the document cites starts again; elsewhere the notes count on."""
    sections = list(_DOCX_SECTION_RE.finditer(document))
    ends = [end if (end := document.find("</w:p>", section.end())) >= 0 else len(document) for section in sections]
    restarting = [
        all(
            _docx_restarts(section[0], kind)
            or (_docx_restarts(section[0], kind) is None and _docx_restarts(settings, kind))
            for kind in kinds
        )
        for section in sections
    ]
    runs: dict[tuple[str, str], int] = {}
    run, last = 0, 0
    for reference in _DOCX_REFERENCE_RE.finditer(document):
        at = next((i for i, end in enumerate(ends) if reference.start() < end), len(ends) - 1)
        if at > last and restarting[at]:
            run += 1
        last = max(last, at)
        runs.setdefault((reference["kind"], reference["id"]), run)
    return runs


def _docx_note_numbers(path: Path, cited: dict[str, dict[str, None]]) -> dict[tuple[str, str], int]:
    """The number a reader cites each note by, read from the file's XML as the page prints it: a kind Word prints in
    digits (its `w:numFmt`, in the document's last section or else its settings) keeps its numbers from its
    `w:numStart` (one where none is set); the other kind (chicago's *, roman numerals) follows it, as one document
    has one note space; of two kinds both printed in digits, footnotes keep 1..F and endnotes follow (F+1..F+E). A
    reference with a custom mark (`w:customMarkFollows`: the author typed its symbol) is counted in neither kind and
    numbered after them. Where sections number their notes afresh, each run of numbers (`_docx_runs`) starts again."""
    with zipfile.ZipFile(path) as package:
        parts = [
            package.read(name).decode("utf-8", "replace")
            for name in ("word/settings.xml", "word/document.xml")
            if name in package.namelist()
        ]
    formats, starts = dict(_DOCX_DEFAULT_FORMATS), dict[str, int]()
    for part in parts:
        formats |= {match["kind"]: match["value"] for match in _DOCX_NOTE_FORMAT_RE.finditer(part)}
        starts |= {
            match["kind"]: int(match["value"])
            for match in _DOCX_NOTE_START_RE.finditer(part)
            if match["value"].isdigit()
        }
    custom = {(match["kind"], match["id"]) for match in _DOCX_CUSTOM_MARK_RE.finditer(parts[-1] if parts else "")}
    kinds = sorted((kind for kind in cited if cited[kind]), key=lambda kind: not formats[kind].startswith("decimal"))
    order = [(kind, note_id) for kind in kinds for note_id in cited[kind] if (kind, note_id) not in custom]
    order += [(kind, note_id) for kind in cited for note_id in cited[kind] if (kind, note_id) in custom]
    runs = _docx_runs(parts[0] if len(parts) > 1 else "", parts[-1] if parts else "", kinds)
    start = starts.get(kinds[0], 1) if kinds else 1
    numbers: dict[tuple[str, str], int] = {}
    for run in sorted({runs.get(key, 0) for key in order}):
        in_run = [key for key in order if runs.get(key, 0) == run]
        numbers |= {key: number for number, key in enumerate(in_run, start=start)}
    return numbers


_DOCX_TEXT_PARTS = ("word/document.xml", "word/footnotes.xml", "word/endnotes.xml")
_DOCX_W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"


def _docx_displayed(path: Path) -> io.BytesIO:
    """The Word file with the letters Word shows in capitals written in capitals, for mammoth to render.

    A run set in all capitals or small capitals (`w:caps`, `w:smallCaps`, its own or its styles') keeps its letters
    as typed ("Statement of") and Word shows, and prints to PDF, capitals ("STATEMENT OF"): what a reader sees and
    quotes. mammoth renders the letters as typed, and reads only a run's own setting, not the one its paragraph's
    style gives ("Heading 1" in capitals), nor an explicit off; so the text of the body and the notes is written as
    shown (`Capitals`: which runs, by the property's order of precedence) before mammoth reads it.
    """
    out = io.BytesIO()
    with zipfile.ZipFile(path) as source, zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as target:
        names = source.namelist()
        capitals = Capitals(etree.fromstring(source.read("word/styles.xml")) if "word/styles.xml" in names else None)
        for info in source.infolist():
            data = source.read(info)
            if info.filename in _DOCX_TEXT_PARTS:
                root = etree.fromstring(data)
                for run in root.iter(f"{_DOCX_W}r"):
                    paragraph = next(run.iterancestors(f"{_DOCX_W}p"), None)
                    if capitals.shown(run, paragraph):
                        for text in run.iter(f"{_DOCX_W}t"):
                            text.text = (text.text or "").upper()
                data = etree.tostring(root, xml_declaration=True, encoding="UTF-8", standalone=True)
            target.writestr(info, data)
    out.seek(0)
    return out


def _docx_html(path: Path) -> str:
    """A Word file as mammoth renders it to HTML, its notes numbered as Word prints them.

    mammoth cites a note `<a href="#footnote-ID" id="footnote-ref-ID">[k]</a>` and lists it as
    `<li id="footnote-ID">`, numbering footnotes and endnotes together in the order they are cited. Word
    numbers them apart, each kind from one in its own style; one document has one note space, numbered as the
    page prints it where it can be (`_docx_note_numbers`). Each citation is given that number, and each listed
    note is headed by it (`[n] text`), where the list's position numbers both kinds as one.
    """
    try:
        import mammoth
    except ImportError as error:
        raise ReferenceUnavailable("mammoth is needed to judge .docx quotes; pip install -e '.[dev]'") from error
    html = mammoth.convert_to_html(_docx_displayed(path)).value
    cited: dict[str, dict[str, None]] = {"footnote": {}, "endnote": {}}
    for ref in _DOCX_NOTE_REF_RE.finditer(html):
        cited[ref["kind"]].setdefault(ref["id"])
    numbers = _docx_note_numbers(path, cited)
    html = _DOCX_NOTE_REF_RE.sub(lambda ref: f"{ref['open']}[{numbers[ref['kind'], ref['id']]}]{ref['close']}", html)

    def headed(note: re.Match[str]) -> str:
        number = numbers.get((note["kind"], note["id"]))
        return f"{note[0]}[{number}] " if number else note[0]

    return _DOCX_NOTE_RE.sub(headed, html)


_LIQUID_TAG_RE = re.compile(r"\{%-?\s*(?P<tag>\w+)(?P<argument>(?:(?!-?%\}).)*?)\s*-?%\}")
_LIQUID_NOTE_BLOCK_RE = re.compile(
    r"\{%-?\s*fnbody\s+(?P<number>\d+)\s*-?%\}(?P<note>.*?)\{%-?\s*endfnbody\s*-?%\}", re.DOTALL
)


def _liquid_shown(markdown: str) -> str:
    """A page's Liquid tags for notes and expandable blocks written as what the site prints, in Markdown: a note's
    tag (`{% fn 9 %}`) as the raised number Markdown's `[^9]` prints, a note's block (`{% fnbody 9 %} ... {%
    endfnbody %}`) as that note's definition, on one line; a `details` block's tag as its summary, the plugin's
    option word `expandable` left out, a paragraph of its own, its closing tag as nothing. Other tags (an include, a
    layout's variable) are left as written: the judge cannot know what they print."""
    markdown = _LIQUID_NOTE_BLOCK_RE.sub(
        lambda block: f"[^{block['number']}]: {' '.join(block['note'].split())}", markdown
    )

    def shown(tag: re.Match[str]) -> str:
        words = tag["argument"].split()
        if tag["tag"] == "fn" and len(words) == 1 and words[0].isdigit():
            return f"[^{words[0]}]"
        if tag["tag"] == "details":
            return " ".join(words[:-1] if words[-1:] == ["expandable"] else words) + "\n"
        return "" if tag["tag"] == "enddetails" else tag[0]

    return _LIQUID_TAG_RE.sub(shown, markdown)


_MD_EMPTY_LINK_RE = re.compile(r"(?<![!\]\\`])\[\]\(<?([^()<>\s]+)>?\)")
"""A link with no text (`[](https://example.org)`): kramdown prints its address, the only word written for it. Not
one opening a code span, which shows the link's syntax as written (MyST's docs: `` `[](genindex)` ``)."""
_MD_CITATION_RE = re.compile(r"\{\{([?!]?)([^\s{}]+)\}\}")
"""A kramdown-rfc citation: `{{?X}}` (informative), `{{!X}}` (normative), `{{X}}` (a reference or a section)."""
_MD_REFERENCE_KEYS = ("normative", "informative")
_MD_NOTE_RE = re.compile(r"\[\^([^\]\s]+)\](:?)")
_MD_KRAMDOWN_ATTRIBUTES_RE = re.compile(r"\{:(?!:)[^{}\n]*\}")
"""kramdown's attribute list, for a block on a line of its own (`{: #from}`, `{:toc}`) or right after a span
(`**Subject:**{: .from}`): a Jekyll site renders its pages with kramdown (`markdown: kramdown`, Jekyll's default),
which prints none of it; cmark-gfm, knowing no attribute lists, prints it as text. `{::name}` is an extension."""

_MD_BARE_ADDRESS_RE = re.compile(r"\bwww\.\S+")
"""A bare web address ("www.\\[agency\\].gov/data"): cmark-gfm links it as written, backslashes and all, where a
renderer that does not link bare addresses (kramdown, pandoc) applies the escapes and prints "www.[agency].gov/data"."""

_MD_ESCAPE_RE = re.compile(r"\\([!-/:-@\[-`{-~])")
"""A backslash escape of ASCII punctuation, which CommonMark prints as the character alone."""


def _unescaped_addresses(body: str) -> str:
    """The Markdown with each bare web address's backslash escapes applied, as the page prints the address."""
    return _MD_BARE_ADDRESS_RE.sub(lambda found: _MD_ESCAPE_RE.sub(r"\1", found[0]), body)


_MD_TEMPLATE_ADDRESS_RE = re.compile(r"\]\(\{\{[^{}]*\}\}\)")
"""A link whose address is a site template's expression (`[text]({{ "/page/" | url }})`): the site's template
engine fills it before the Markdown is rendered, so the reader sees a link; to the renderer it is no address."""


def _markdown_text(text: str) -> str:
    """The words a reader sees: the file as cmark-gfm renders it (links as their words, emphasis, escapes, reference
    links and raw HTML as a browser shows them), read as HTML is. A renderer other than the parser's, so that a
    parser's misreading of Markdown cannot agree with itself; the regular expressions this replaced missed reference
    links, addresses holding brackets and inline HTML, and failed quotes the parser had read right.

    Before rendering, what a renderer would print otherwise is written as the document shows it: a site's Liquid
    tags for notes and expandable blocks as what the site prints (`_liquid_shown`), a link with no
    text as its address, a template's expression standing for an address as an address, and a kramdown-rfc
    citation as the draft prints it (`_cited`); each escaped, so that the renderer prints it as written; kramdown's
    attribute lists, which kramdown never prints, go (`_MD_KRAMDOWN_ATTRIBUTES_RE`); a bare address's escapes are
    applied (`_unescaped_addresses`). Note labels
    are numbered after rendering (`_numbered_notes`), and pandoc's attributes after an image, link or code span
    dropped (`_MD_ATTRIBUTES_RE`).
    """
    block = _FRONT_MATTER_RE.match(text)
    front, body = (text[: block.end()], text[block.end() :]) if block else ("", text)
    body = _liquid_shown(body)
    labels = list(_MD_NOTE_RE.finditer(body))
    body = _MD_NOTE_RE.sub(_note_placeholder(labels), body)
    body = _cited(body, _reference_labels(text))
    body = _MD_EMPTY_LINK_RE.sub(r"\1", body)
    body = _MD_TEMPLATE_ADDRESS_RE.sub("](#)", body)
    body = _MD_KRAMDOWN_ATTRIBUTES_RE.sub("", body)
    body = _unescaped_addresses(body)
    html = _myst_rendered(_gfm_html(_titled_fences(_piped_grids(body))), _myst_values(text))
    html = _MD_ATTRIBUTES_RE.sub(r"\g<element>", html)
    return front + "\n" + _lead_text(text) + "\n" + _numbered_notes(_html_text(html.encode()), labels)


_MD_GRID_BORDER_RE = re.compile(r"(?P<lead> {0,3})\+(?:[-=:]+\+)+[ \t]*")
"""A line of a pandoc grid table's border: `+-----+----+` (`=` under the header, `:` for alignment)."""


def _piped_grids(markdown: str) -> str:
    """The Markdown with each pandoc grid table outside code written as a GitHub pipe table, for cmark-gfm, which
    knows no grid tables, to render as pandoc does: a table, a row of cells between each two borders, a cell's lines
    run on. The cells are cut where the top border's `+` stand; a table whose bars stand elsewhere (a cell spanning
    columns) stays as written. A header row is the one above a `=` border; a table without one gets an empty one."""
    lines = markdown.split("\n")
    out: list[str] = []
    inside, at = "", 0
    while at < len(lines):
        line, fence = lines[at], _MD_FENCE_RE.fullmatch(lines[at])
        if inside:
            inside = "" if fence and fence["mark"].startswith(inside) and not fence["info"].strip() else inside
        elif fence:
            inside = fence["mark"]
        elif (top := _MD_GRID_BORDER_RE.fullmatch(line)) and (not out or not out[-1].strip()):
            end = at + 1
            while end < len(lines) and lines[end].strip()[:1] in ("|", "+"):
                end += 1
            table = _grid_as_pipes(lines[at:end], top)
            if table is not None:
                out += table
                at = end
                continue
        elif (not out or not out[-1].strip()) and (dashed := _dashes_as_pipes(lines, at)) is not None:
            table, at = dashed
            out += table
            continue
        out.append(line)
        at += 1
    return "\n".join(out)


_MD_COLUMN_RULE_RE = re.compile(r" {0,3}(?:-{3,}[ \t]+)+-{3,}[ \t]*")
"""A pandoc simple or multiline table's rule under its header, a run of dashes over each column."""
_MD_TABLE_RULE_RE = re.compile(r" {0,3}-{3,}[ \t]*")
"""The rule of dashes alone that opens and closes a pandoc multiline table."""


def _dashed_rows(rule: str, rows: list[list[str]]) -> list[list[str]]:
    """Rows of a pandoc simple or multiline table, each given as its lines, as cells: a column is cut from where its
    run of dashes in `rule` starts to where the next one starts, and a cell's lines run on."""
    starts = [run.start() for run in re.finditer("-+", rule)]
    cuts = list(zip(starts, [*starts[1:], None], strict=True))
    return [[" ".join(w for w in (line[a:b].strip() for line in row) if w) for a, b in cuts] for row in rows]


def _dashes_as_pipes(lines: list[str], at: int) -> tuple[list[str], int] | None:
    """The pandoc simple or multiline table starting on line `at` (after a blank line) as a pipe table's lines, and
    the line after it; None where none starts there. pandoc prints it as a table, cmark-gfm as paragraphs and
    thematic breaks: a multiline table's cells line by line across the columns.

    A multiline table: a rule of dashes alone, its header's lines, a column rule (`_MD_COLUMN_RULE_RE`), rows
    between blank lines, a rule of dashes alone. A simple table: its header line over a column rule, or a column
    rule with no header, then a row a line down to a blank line, or to a column rule closing a table without a
    header."""
    following = lines[at + 1 : at + 2] or [""]
    if _MD_TABLE_RULE_RE.fullmatch(lines[at]):
        rule = next(
            (n for n in range(at + 1, len(lines)) if not lines[n].strip() or _MD_COLUMN_RULE_RE.fullmatch(lines[n])),
            None,
        )
        end = next((n for n in range(at + 1, len(lines)) if _MD_TABLE_RULE_RE.fullmatch(lines[n])), None)
        if rule is None or end is None or rule <= at + 1 or not lines[rule].strip() or end < rule:
            return None
        header = _dashed_rows(lines[rule], [lines[at + 1 : rule]])[0]
        body: list[list[str]] = [[]]
        for line in lines[rule + 1 : end]:
            if line.strip():
                body[-1].append(line)
            elif body[-1]:
                body.append([])
        rows, end = _dashed_rows(lines[rule], [row for row in body if row]), end + 1
    elif _MD_COLUMN_RULE_RE.fullmatch(following[0]) and lines[at].strip():
        rule, end = at + 1, at + 2
        while end < len(lines) and lines[end].strip():
            end += 1
        header, rows = (
            _dashed_rows(lines[rule], [[lines[at]]])[0],
            _dashed_rows(lines[rule], [[x] for x in lines[rule + 1 : end]]),
        )
    elif _MD_COLUMN_RULE_RE.fullmatch(lines[at]):
        end = next(
            (n for n in range(at + 1, len(lines)) if not lines[n].strip() or _MD_COLUMN_RULE_RE.fullmatch(lines[n])),
            len(lines),
        )
        if end == len(lines) or not lines[end].strip():
            return None
        header, rows, end = [], _dashed_rows(lines[at], [[x] for x in lines[at + 1 : end]]), end + 1
    else:
        return None
    if not rows:
        return None
    piped = [header or [""] * len(rows[0]), ["---"] * len(rows[0]), *rows]
    return ["| " + " | ".join(cell.replace("|", "\\|") for cell in row) + " |" for row in piped], end


def _grid_as_pipes(block: list[str], top: re.Match[str]) -> list[str] | None:
    """A grid table's lines (`_piped_grids`) as a pipe table's, None when they are no grid table cmark-gfm would
    read otherwise (no closing border, or bars where no column ends)."""
    lead = top["lead"]
    widths = [len(column) for column in top[0].strip().strip("+").split("+")]
    row_re = re.compile(re.escape(lead) + r"\|" + "".join(rf"(.{{{width}}})[|+]" for width in widths) + r"[ \t]*")
    if not _MD_GRID_BORDER_RE.fullmatch(block[-1]):
        return None
    rows: list[list[str]] = []
    header: list[str] | None = None
    pending: list[list[str]] = []
    for line in block[1:]:
        if border := _MD_GRID_BORDER_RE.fullmatch(line):
            if pending:
                columns = zip(*pending, strict=True)
                rows.append([" ".join(part.strip() for part in column if part.strip()) for column in columns])
            pending = []
            if "=" in border[0] and header is None and len(rows) == 1:
                header = rows.pop()
            continue
        cells = row_re.fullmatch(line)
        if cells is None:
            return None
        pending.append(list(cells.groups()))
    piped = [header or [""] * len(widths), ["---"] * len(widths), *rows]
    return [lead + "| " + " | ".join(cell.replace("|", "\\|") for cell in row) + " |" for row in piped]


def _gfm_html(markdown: str) -> str:
    return cmarkgfm.github_flavored_markdown_to_html(markdown, options=cmarkgfm.cmark.Options.CMARK_OPT_UNSAFE)


_MD_DIRECTIVE_RE = re.compile(
    r'<pre lang="\{(?P<name>[\w:.-]+)\}(?:\ue002(?P<title>[^"]*))?"><code>(?P<body>.*?)</code></pre>', re.DOTALL
)
"""A backtick-fenced MyST directive as cmark-gfm renders it, a code block whose language is `{name}`, its title
kept in the language as one word (`_MD_FENCE_TITLE_RE`)."""
_MD_FENCE_TITLE_RE = re.compile(r"^(?P<fence>[ \t]{0,3}`{3,}[ \t]*\{[\w:.-]+\})[ \t]+(?P<title>\S[^`\n]*?)[ \t]*$")
"""A backtick fence opening a MyST directive with a title (```` ```{margin} A note on nesting ````): cmark-gfm keeps
only the info string's first word as the language, so the title is joined to it (spaces as U+E003 after a U+E002)
before rendering, to be printed by `_myst_rendered` as MyST prints it."""
_MD_DIRECTIVE_OPTIONS_RE = re.compile(
    r"\A(?:(?::[\w-]+:(?:[ \t][^\n]*)?\n)+|---\n.*?^---[ \t]*\n)", re.DOTALL | re.MULTILINE
)
_MD_ROLE_RE = re.compile(r"\{[\w:.-]+\}<code>(?P<text>[^<]*)</code>")
_MD_ROLE_TITLE_RE = re.compile(r"(?P<title>.*?\S)\s*&lt;[^<>]*?&gt;", re.DOTALL)


_TITLE_SPACE = "\ue003"
_MD_FENCE_RE = re.compile(r"[ \t]{0,3}(?P<mark>`{3,}|~{3,})(?P<info>.*)")


def _titled_fence(fence: re.Match[str]) -> str:
    """A directive's fence with its title joined to the name as one word (`_MD_FENCE_TITLE_RE`)."""
    return fence["fence"] + "\ue002" + fence["title"].replace(" ", _TITLE_SPACE)


def _titled_fences(markdown: str) -> str:
    """The Markdown with each directive fence that opens a block titled (`_titled_fence`); a fence inside another
    fenced block is that block's text (a page showing a directive's syntax), left as written."""
    lines = markdown.split("\n")
    inside = ""
    for at, line in enumerate(lines):
        fence = _MD_FENCE_RE.fullmatch(line)
        if not inside:
            inside = fence["mark"] if fence else ""
            lines[at] = _MD_FENCE_TITLE_RE.sub(_titled_fence, line)
        elif fence and fence["mark"].startswith(inside) and not fence["info"].strip():
            inside = ""
    return "\n".join(lines)


def _myst_rendered(html: str, values: Mapping[str, str]) -> str:
    """cmark-gfm's HTML of a MyST page as MyST shows it. A role (``{term}`MyST Markdown` ``) shows its text, or the
    title before its `<target>`, not its name and a code span. A backtick-fenced directive whose body is prose
    (`PROSE_DIRECTIVES`: an admonition, a margin note) shows its body rendered as Markdown, the option lines opening it
    (`:class: tip`, a `---` block) left out; cmark-gfm, knowing no MyST, renders it as code. Its title (the fence's
    words after the name, joined to it by `_titled_fences`) is its first line, as MyST prints it. An example
    (`EXAMPLE_DIRECTIVES`) shows its body twice: as the code cmark-gfm sets, then rendered. Outside code, a
    substitution the page sets (`values`, `_myst_substituted`) shows its value."""

    def directive(found: re.Match[str]) -> str:
        if found["name"] in EXAMPLE_DIRECTIVES:
            return found[0] + _myst_rendered(_gfm_html(_titled_fences(unescape(found["body"]))), values)
        if found["name"] not in PROSE_DIRECTIVES:
            return found[0]
        title = "<p>" + found["title"].replace(_TITLE_SPACE, " ") + "</p>" if found["title"] else ""
        body = _MD_DIRECTIVE_OPTIONS_RE.sub("", unescape(found["body"]), count=1)
        return title + _myst_rendered(_gfm_html(_titled_fences(body)), values)

    def role(found: re.Match[str]) -> str:
        titled = _MD_ROLE_TITLE_RE.fullmatch(found["text"])
        return titled["title"] if titled else found["text"]

    return _myst_substituted(_MD_ROLE_RE.sub(role, _MD_DIRECTIVE_RE.sub(directive, html)), values)


_MD_SUBSTITUTED_RE = re.compile(
    r"(?P<code><pre\b.*?</pre>|<code>.*?</code>)|(?P<alone><p>)?\{\{\s*(?P<name>[\w-]+)\s*\}\}(?(alone)</p>)",
    re.DOTALL,
)
"""A MyST substitution in cmark-gfm's HTML, `{{ name }}`, alone in its paragraph or in a line of words; or code, where
the braces are written out."""
_MD_PARAGRAPH_RE = re.compile(r"\A<p>(?P<words>.*)</p>\Z", re.DOTALL)


def _myst_substituted(html: str, values: Mapping[str, str]) -> str:
    """The HTML with each substitution outside code that the page sets (`_myst_values`) as its value rendered, the
    value's own substitutions first (Jinja renders the value before MyST reads it). A paragraph of one substitution
    shows its value's blocks; one inside a line its words, if the value is one line (a value of several lines, a
    directive's box, stays as written there: no line holds it). Any other (an expression, a book-wide name) stays."""

    def value(found: re.Match[str]) -> str:
        name = found["name"]
        if found["code"] or name not in values:
            return found[0]
        rest = {key: text for key, text in values.items() if key != name}
        markdown = values[name].strip()
        if not found["alone"] and "\n" in markdown:
            return found[0]
        rendered = _myst_rendered(_gfm_html(_titled_fences(markdown)), rest).strip()
        words = _MD_PARAGRAPH_RE.fullmatch(rendered)
        return rendered if found["alone"] or words is None else words["words"]

    return _MD_SUBSTITUTED_RE.sub(value, html)


def _myst_values(text: str) -> dict[str, str]:
    """The values a MyST page's YAML front matter sets for its substitutions (`substitutions:`, at the top or under
    `myst:`), {name: Markdown}."""
    block = _FRONT_MATTER_RE.match(text)
    try:
        meta = yaml.safe_load(block["body"]) if block is not None and block["yaml"] else None
    except (yaml.YAMLError, ValueError):
        return {}
    if not isinstance(meta, dict):
        return {}
    values = meta["myst"].get("substitutions") if isinstance(meta.get("myst"), dict) else meta.get("substitutions")
    return {str(k): str(v) for k, v in values.items()} if isinstance(values, dict) else {}


_MD_ATTRIBUTE = r"""(?:[#.][\w:.-]+|[\w-]+=(?:&quot;[^&<>]*&quot;|'[^'<>]*'|[^\s{}&'<>]+))"""
_MD_ATTRIBUTES_RE = re.compile(
    rf"(?P<element><img [^>]*>|</a>|</code>)\{{\s*{_MD_ATTRIBUTE}(?:\s+{_MD_ATTRIBUTE})*\s*\}}"
)
"""pandoc's attributes right after a rendered image, link or code span (`![Nyan cat](cat.png){height="9pt"}`,
`{#fig:mandrill}`): the element's id, classes and size, which pandoc's page never shows and cmark-gfm, knowing no
attributes, prints as text. Matched in the rendered HTML, so the same characters inside a code span (the element
written out as an example) are text and stay."""
_MD_PLACEHOLDER_RE = re.compile(r"(\\?)\[\ue000(\d+)\ue001\\?\]")


def _note_placeholder(labels: list[re.Match[str]]) -> Callable[[re.Match[str]], str]:
    """Each note label written as an escaped placeholder holding its place among `labels`: the renderer prints it as
    `[placeholder]` in the text and, leaving backslashes in code as written, as `\\[placeholder\\]` in code."""
    places = {label.start(): index for index, label in enumerate(labels)}

    def placeholder(match: re.Match[str]) -> str:
        return f"\\[\ue000{places[match.start()]}\ue001\\]{match.group(2)}"

    return placeholder


def _defines(label: re.Match[str]) -> bool:
    """Whether a note label (`_MD_NOTE_RE`) defines its note: `[^x]:` opening a line does; written inside a line
    ("the `ownership_holds` attributes[^clang-ownership]: that interact"), it cites the note before a colon, as
    pandoc and cmark-gfm read it, and counts in the order notes are numbered by."""
    line_start = label.string.rfind("\n", 0, label.start()) + 1
    return bool(label.group(2)) and not label.string[line_start : label.start()].strip()


def _numbered_notes(text: str, labels: list[re.Match[str]]) -> str:
    """The rendered text with its note labels as the numbers a reader sees, and as written in code (a code span or
    block showing the syntax `license[^1]` is an example, not a note). A numeric label is its own number, any other
    is numbered by the order of its first reference outside code, as footnote renderers number them; in a file
    mixing both, every label is numbered that way, since a named note cited first and `[^1]` cannot both be note 1.
    """
    shown = [int(place[2]) for place in _MD_PLACEHOLDER_RE.finditer(text) if not place[1]]
    order: dict[str, int] = {}
    for index in shown:
        if not _defines(labels[index]) and labels[index].group(1) not in order:
            order[labels[index].group(1)] = len(order) + 1
    by_label = all(label.isdigit() for label in order)  # mixed labels (`[^markers]`, `[^1]`) cannot all keep theirs

    def number(place: re.Match[str]) -> str:
        label = labels[int(place[2])]
        if place[1]:
            return f"[^{label.group(1)}]"
        return f"[{label.group(1) if by_label and label.group(1).isdigit() else order.get(label.group(1), 0)}]"

    return _MD_PLACEHOLDER_RE.sub(number, text)


_FIELD_LINE_RE = re.compile(r"\s*[\w-]+\s*(?::|=)\s*\S")
"""A front-matter line that names a field (`title: …`, `date = …`); a folded value's continuation lines do not."""
_FRONT_MATTER_RE = re.compile(
    r"\A\ufeff?(?:(?P<yaml>---)|\+\+\+)[ \t]*\n(?P<body>.*?)\n(?(yaml)---(?: \w+)?|\+\+\+)[ \t]*(?:\n|\Z)", re.DOTALL
)
"""A fenced block on the first line; YAML's may also close with a kramdown-rfc section fence (`--- abstract`)."""


def front_matter_lines(text: str) -> tuple[str, ...]:
    """The lines of a Markdown file's YAML (`---`) or TOML (`+++`) front matter block, if it opens with one, less
    those the text under it prints too: a paper on writing metadata shows `name: Open Journals` again in an
    example, and that example is the paper's text."""
    block = _FRONT_MATTER_RE.match(text)
    if block is None:
        return ()
    below = normalize(text[block.end() :])
    lines = (normalize(line) for line in block["body"].splitlines() if _FIELD_LINE_RE.match(line))
    return tuple(line for line in lines if line not in below)


def _yaml_front(text: str) -> dict[object, object]:
    """The keys of a Markdown file's YAML front matter; none where it has none or it does not parse."""
    block = _FRONT_MATTER_RE.match(text)
    if block is None or not block["yaml"]:
        return {}
    try:
        meta = yaml.safe_load(block["body"])
    except (yaml.YAMLError, ValueError):  # a date YAML cannot make (`2020-13-45`) is a ValueError
        return {}
    return meta if isinstance(meta, dict) else {}


def _reference_labels(text: str) -> frozenset[str]:
    """The labels a kramdown-rfc draft's YAML front matter lists under `normative:` and `informative:`."""
    meta = _yaml_front(text)
    return frozenset(str(label) for key in _MD_REFERENCE_KEYS if isinstance(meta.get(key), dict) for label in meta[key])


_MD_LEAD_KEYS = ("lead", "deck")
"""Front matter keys a site's layout renders as Markdown under the page's title: ADA.gov's page layout prints
`{{page.lead | markdownify}}`, digital.gov's news layout `{{ .Params.deck | markdownify }}`."""


def _lead_text(text: str) -> str:
    """The words a layout prints from the front matter above the text (`_MD_LEAD_KEYS`), rendered as it renders them:
    in the front matter they are written with entities and inline HTML (`Court&rsquo;s`, `<em>Olmstead</em>`)."""
    meta = _yaml_front(text)
    values = (meta[key] for key in _MD_LEAD_KEYS if isinstance(meta.get(key), str))
    return "\n".join(_html_text(_gfm_html(value).encode()) for value in values)


def _cited(text: str, references: frozenset[str]) -> str:
    """kramdown-rfc's citations as the rendered draft prints them: `{{?X}}` and `{{!X}}` read "[X]", and so does
    `{{X}}` where X is a reference the front matter lists (escaped, for the renderer to print as written); any
    other `{{X}}` (a section's anchor, whose number only the renderer knows, or a template's tag) stays as
    written, so a quote can only match what was written."""

    def printed(match: re.Match[str]) -> str:
        return f"\\[{match.group(2)}\\]" if match.group(1) or match.group(2) in references else match.group(0)

    return _MD_CITATION_RE.sub(printed, text)


@lru_cache(maxsize=256)
def _reference(path: Path, mtime: float, not_text: tuple[str, ...]) -> Reference:
    suffix = path.suffix.lower()
    not_text = tuple(normalize(s) for s in not_text)
    if suffix == ".pdf":
        return _pdf_reference(path, not_text)
    if suffix == ".docx":
        return _unpaged_reference(_html_text(_docx_html(path).encode()), not_text)
    data = path.read_bytes()
    if suffix in (".html", ".htm"):
        return _unpaged_reference(_html_text(data), not_text)
    text = _decode(data)
    if suffix in (".md", ".markdown"):
        return _unpaged_reference(_markdown_text(text), not_text + front_matter_lines(text))
    if _RST_LINE_RE.search(text):
        return _unpaged_reference(_html_text(_rst_html(text)), not_text)
    joined = join_line_hyphens(text)
    return _unpaged_reference(joined, not_text, blocks=(_text_lines(joined),))


def _unpaged_reference(text: str, not_text: tuple[str, ...], blocks: tuple[tuple[str, ...], ...] = ()) -> Reference:
    """The text of a file not laid out in pages, read as one page, its lines as extracted (`_named_in_text`)."""
    return Reference((normalize(text),), not_text, blocks=blocks, named=_named_in_text([text], not_text, shown=True))


_RST_LINE_RE = re.compile(r"(?m)^[ \t]*\.\.[ \t]+(?:\[[\w#*.:+-]*\]|_[^:\n]+:|(?:\|[^|\n]+\|[ \t]+)?[\w.:+-]*\w::)")
"""A reStructuredText note, hyperlink target, directive or substitution definition line, which no other plain text
holds."""
_RST_SETTINGS = {
    "_disable_config": True,
    "report_level": 5,
    "halt_level": 5,
    "file_insertion_enabled": False,
    "raw_enabled": False,
    "embed_stylesheet": False,
    "stylesheet_path": "",
    "footnote_references": "brackets",
    "footnote_backlinks": False,
    "output_encoding": "utf-8",
}
"""docutils as it prints the file alone: no configuration file, no report of its errors in the text (markup it
cannot read prints as written), no other file included, a note's citation printed `[1]` in the text itself, and a
note cited twice without the links back to its citations ("[3] (1, 2) Default ...") between its number and text."""


_SPHINX_ROLES = (
    *"any doc download envvar keyword numref option ref term token".split(),
    *"command dfn file kbd mailheader makevar manpage mimetype newsgroup program regexp".split(),
    *(
        f"{domain}{role}"
        for domain in ("", "py:")
        for role in "func meth class attr exc data const obj mod type".split()
    ),
    *(f"c:{role}" for role in "func member macro data type struct union enum enumerator var expr texpr".split()),
    *(f"cpp:{role}" for role in "any class struct union func member var type concept enum enumerator expr".split()),
    *(f"js:{role}" for role in "func meth class data attr mod".split()),
)
"""Sphinx's roles that print words of their text (its standard, generic and domain cross-reference roles), which
docutils alone does not know and prints as written (`` :doc:`the tutorial <tutorial/index>` ``)."""
_SPHINX_TITLED_RE = re.compile(r"(?P<title>.*?)\s*<(?P<target>[^<>]*)>", re.DOTALL)
_SPHINX_PATH_RE = re.compile(r"\.|::")


def _sphinx_printed(role: str, text: str) -> str:
    """A Sphinx role's text as a Sphinx page prints it: its title where it has one (`text <target>`); else its
    target without a leading `!` (no link), or only the last part of a `~`-led path (`~pathlib.Path` prints "Path");
    a function's or method's name with `()` after it (Sphinx's `add_function_parentheses`, on by default). What
    Sphinx would look up (a section's title for `:ref:`, a page's for `:doc:`) is no text of the file: the target
    stands as written."""
    titled = _SPHINX_TITLED_RE.fullmatch(text)
    if titled and titled["title"]:
        return titled["title"]
    target = titled["target"] if titled else text
    if target.startswith("!"):
        target = target[1:]
    elif target.startswith("~"):
        target = _SPHINX_PATH_RE.split(target[1:])[-1]
    return f"{target.removesuffix('()')}()" if role.rsplit(":", 1)[-1] in ("func", "meth") else target


def _sphinx_role(
    role: str, rawtext: str, text: str, lineno: int, inliner: object, options: object = None, content: object = None
) -> tuple[list[nodes.Node], list[nodes.Node]]:
    """A docutils role function printing a Sphinx role's text as Sphinx does (`_sphinx_printed`)."""
    return [nodes.Text(_sphinx_printed(role.lower(), utils.unescape(text)))], []


@lru_cache(maxsize=1)
def _sphinx_roles() -> None:
    """Teach docutils Sphinx's roles (`_SPHINX_ROLES`), once."""
    for role in _SPHINX_ROLES:
        roles.register_local_role(role, _sphinx_role)


def _rst_html(text: str) -> bytes:
    """A reStructuredText file as docutils prints it, in HTML (its HTML 4 writer, which prints a citation's brackets
    as text where the HTML5 writer draws them with style): inline markup as the words it marks, a table cell by cell,
    notes under the numbers docutils gives them, comments and hyperlink targets not at all, and Sphinx's roles as
    Sphinx prints them (`_sphinx_roles`): a reStructuredText page of a project's documentation is published by
    Sphinx."""
    _sphinx_roles()
    return publish_string(text, writer="html4css1", settings_overrides=_RST_SETTINGS)


def _text_lines(text: str) -> tuple[str, ...]:
    """A plain-text file's lines as its blocks, all on one page: the file's only layout. Text extracted from printed
    pages sets a paragraph a page breaks on two lines with the page's notes and furniture between them, so a quote
    of the sentence across the break is found where one line breaks off mid-sentence and a later one goes on
    (`_across_blocks`)."""
    return tuple(line for line in (normalize(raw) for raw in text.splitlines()) if line)


def reference(path: Path, not_text: tuple[str, ...] = ()) -> Reference:
    """The independent extraction of one file, remembered while the file is unchanged."""
    return _reference(path, path.stat().st_mtime, not_text)


def _named_in_text(
    pages: list[str], not_text: tuple[str, ...], furniture: frozenset[str] = frozenset(), *, shown: bool = False
) -> tuple[str, ...]:
    """Where the text's `pages` name a `not_text` string after words of the line it starts on: that line's words up
    to the string's end, from the start of the sentence holding it where one starts on that line before it
    (`_namings`). Such a line is a heading or sentence of the text naming the organisation or publication a page
    also prints alone, as its masthead, logo, running header or a page's header ("ABOUT THE RANKING / DIGITAL RIGHTS
    CORPORATE", "This document was prepared by the Congressional Research Service (CRS)", "publication in the
    Official Journal of the European Union"). The chrome is the string standing alone or opening its line (a label, a
    footer's lead: "Keywords: ...", "Office of the Clerk · May 11, 2020 · Page 3"), where only numbers and signs may
    stand before it (a page's number, a footer's "© 2025"): they are no words of a sentence. Page furniture
    (`furniture_lines`) is left out first: a running line is chrome whatever stands before the string in it.

    A PDF's pages print their chrome in running lines and images, which its text may not hold. A file that is not
    laid out in pages (HTML, Markdown, Word, text) shows its chrome once, as the text, where a footer's sentence or a
    heading's anchor ("Created using Sphinx", "History [edit]") holds the string after other words as a sentence of
    the text would: there (`shown`) only a string that also stands alone or opens its line elsewhere is named by the
    lines holding it after words; one the file never shows on its own is chrome wherever it stands."""
    namings = list(_namings(pages, not_text, furniture))
    alone = {item for item, line in namings if line == item}
    return tuple(dict.fromkeys(line for item, line in namings if line != item and (not shown or item in alone)))


def _namings(pages: list[str], not_text: tuple[str, ...], furniture: frozenset[str]) -> Iterator[tuple[str, str]]:
    """Each place the `pages` hold a `not_text` string, page furniture left out (`furniture_lines`): the string, and
    its line's words up to the string's end (`_named_in_text`), the string alone where it opens its line (no word of
    letters before it). A line is one of the text's lines, which may run on into the next lines of its text block
    (`_BLOCK_BREAK_RE`): pdftotext's printed line, a plain-text file's, an HTML block's text (`_VisibleText`)."""
    for page in pages:
        for block in _BLOCK_BREAK_RE.split(_without_lines(page, furniture)):
            lines = [normalize(line) for line in block.splitlines()]
            starts = [sum(len(line) + 1 for line in lines[:index]) for index in range(len(lines))]
            text = " ".join(lines)
            for item in filter(None, not_text):
                for found in re.finditer(re.escape(item), text):
                    line_start = max(start for start in starts if start <= found.start())
                    before = text[line_start : found.start()]
                    sentence = _sentence_start(before)
                    yield item, text[line_start + sentence : found.end()] if _LETTERS_RE.search(before) else item


_SENTENCE_START_RE = re.compile(r"[.!?…][\"'”’)\]]*\s+(?=\S)")
"""Where a sentence starts after another one on the same line: after its end's stop, quote or bracket and a space."""


def _sentence_start(before: str) -> int:
    """Where in `before`, the words of a line before a string, the sentence holding the string starts: after the last
    sentence end that leaves words before the string, else at the line's start (a string opening a sentence inside
    a line is named with the whole line)."""
    ends = [found.end() for found in _SENTENCE_START_RE.finditer(before) if _LETTERS_RE.search(before[found.end() :])]
    return ends[-1] if ends else 0


def is_not_text(passage: str, ref: Reference) -> bool:
    """Whether a passage or quote holds a string the document shows but did not write as its text: the string
    anywhere but inside the words of a line where the text names it (`Reference.named`)."""
    plain = normalize(NOTE_MARKER_RE.sub("", passage))
    for line in ref.named:
        plain = plain.replace(line, " ")
    return any(item and item in plain for item in ref.not_text)


def _marker_pattern(number: int, printed: bool) -> str:
    """How a note marker may stand in the source: `[n]` or `[^n]`, or a bare `n` or superscript `ⁿ` glued to the
    word before it, as a superscript is written (a number standing apart, `Article 5`, is the text's own number).
    pdftotext may print a space before a superscript (`Reports 1 from`), so in a `printed` text it may stand apart.
    A bracketed number may be written with leading zeros (`[01]`, as a transcriber numbers notes to fifteen): the
    parser reads it as note 1 and quotes it as written. The Official Journal of the European Union prints a marker
    in parentheses set apart from the word before it (`Recommendation 2003/361/EC (3), and`): that form counts only
    after a space, as a number in parentheses glued to a word (`Article 5(3)`) is the text's own."""
    n = str(number)
    bare = rf"{n}(?!\d)|{n.translate(_SUPERSCRIPT_DIGITS)}(?![⁰¹²³⁴⁵⁶⁷⁸⁹])"  # all of the number: `12` is no `[1]`
    apart = rf"\s\({n}\)"
    return rf"(?:\s?(?:\[\^?0*{n}\]|{bare})|{apart})" if printed else rf"(?:\s?\[\^?0*{n}\]|{bare}|{apart})"


def _symbol_pattern(label: str) -> str:
    """How a symbol note's marker `[*]` may stand in the source: its symbols bare, as printed ("Beistline,*"), or in
    brackets, as the parser quotes them."""
    symbols = re.escape(label)
    return rf"\s?(?:\[{symbols}\]|{symbols})"


def _marker_run_pattern(numbers: list[int], printed: bool) -> str:
    """How a run of markers `[1][2][3]` may stand in the source: each as one marker, or as one list or range that cites
    exactly the run's numbers, as articles cite several references at once: in one bracket (`[1-3]`, `[1,2,3]`,
    `[3, 7–9]`), bare as a superscript prints it (`1–3`, glued to the word before), or as a range of two bracketed
    markers (`[1]–[3]`). A range stands for every number from its first to its last, so it matches only a run of
    consecutive numbers (`[30][31][32]` is `[30–32]`; `[30][32]` is not). A symbol note's marker (a negative key,
    `note_key`) stands only as its symbols (`_symbol_pattern`), in no list or range."""
    each = r"\s?".join(
        _marker_pattern(number, printed) if number >= 0 else _symbol_pattern(note_label(number)) for number in numbers
    )
    if len(numbers) < 2 or min(numbers) < 0:
        return each
    space = r"\s?" if printed else ""
    in_one = rf"\s?\[{_citation_list(numbers, str)}\]"
    bare = space + _citation_list(numbers, lambda number: rf"{number}(?!\d)")
    ranged = r"\s?" + _citation_list(numbers, lambda number: rf"\[{number}\]")
    return rf"(?:{each}|{in_one}|{bare}|{ranged})"


def _citation_list(numbers: list[int], written: Callable[[int], str]) -> str:
    """A pattern for `numbers` printed as a list of citations: each consecutive stretch of them listed one by one
    (`7, 8, 9`) or as a range from its first to its last (`7–9`), stretches separated by commas; each number as
    `written`."""
    stretches: list[list[int]] = []
    for number in numbers:
        if stretches and number == stretches[-1][-1] + 1:
            stretches[-1].append(number)
        else:
            stretches.append([number])
    items = []
    for stretch in stretches:
        listed = r"\s*,\s*".join(written(number) for number in stretch)
        ranged = rf"{written(stretch[0])}\s*[-–]\s*{written(stretch[-1])}"
        items.append(listed if len(stretch) < 2 else rf"(?:{listed}|{ranged})")
    return r"\s*,\s*".join(items)


def text_pattern(text: str, ref: Reference | None = None) -> re.Pattern[str]:
    """A pattern matching `text` as the source `ref` may print it: its words exactly, its markers in any form (a
    run of them also as one bracketed list or range, `_marker_run_pattern`), and where the source is printed
    (`Reference.printed`) with what pdftotext does to a printed line (`_literal`)."""
    return re.compile(_pattern_text(text, ref))


def _pattern_text(text: str, ref: Reference | None) -> str:
    """`text_pattern`'s source, for a pattern built around it (`_ending`)."""
    printed = ref is not None and ref.printed
    text = normalize(text)
    runs: list[list[re.Match[str]]] = []
    for marker in NOTE_MARKER_RE.finditer(text):
        if runs and runs[-1][-1].end() == marker.start():
            runs[-1].append(marker)
        else:
            runs.append([marker])
    parts: list[str] = []
    position = 0
    for run in runs:
        parts.append(_literal(text[position : run[0].start()].rstrip(), ref))
        parts.append(_marker_run_pattern([note_key(marker.group(1)) for marker in run], printed) + r"\s?")
        position = run[-1].end()
        if text[position : position + 1] == " ":
            position += 1
    parts.append(_literal(text[position:], ref))
    return "".join(parts)


_URL_RE = re.compile(r"(?:https?://|www\.)\S+")


def _literal(text: str, ref: Reference | None) -> str:
    """A pattern for marker-free text: its characters exactly, but for two things pdftotext does to printed text
    (`Reference.printed`).

    It drops the hyphen of a word it joins across a line end ("government-\\nordered" comes out
    "governmentordered"), where the reference holds `LINE_HYPHEN`: there the quote may read the word with its
    hyphen or without; any other hyphen must stand, and a quote that lost a hyphen still fails. And it keeps
    the line break inside a wrapped URL, so white space may stand between a URL's characters in the reference
    (never in the quote). An HTML, Markdown or text file has no line pdftotext laid out: there both must stand
    as quoted.
    """
    if ref is None or not ref.printed:
        return re.escape(text)

    def characters(start: int, end: int, between: str = "") -> str:
        return between.join(_printed_character(text, index) for index in range(start, end))

    parts: list[str] = []
    position = 0
    for url in _URL_RE.finditer(text):
        parts.append(characters(position, url.start()))
        parts.append(characters(url.start(), url.end(), r"\s?"))
        position = url.end()
    parts.append(characters(position, len(text)))
    return "".join(parts)


def _printed_character(text: str, index: int) -> str:
    """The quote's character at `index` as a printed reference may hold it: a hyphen inside a word may be the
    `LINE_HYPHEN` pdftotext dropped (one ending the quote or a word is no word's break: a quote ending `non-` where
    the page goes on `non-` / `participants` stops inside a word), and after any other character but a space the
    reference may hold one where the quote's word runs on. Between two capitals of a word the reference may hold
    a space: pdftotext splits a word where its letters change size, as in small capitals ("S CIENCE PARSE" for
    SCIENCEPARSE) and logos ("L AT E X"), which the reader sees as one word. A superscript digit (a power, `10⁶`)
    may stand as the digit pdftotext sets on the line, a space either side where it measured one ("10 6 /ml"): a
    quote that flattened the power ("106") must still read as the page does where pdftotext set it apart. In a
    letter-spaced line (`LETTER_SPACE`) a space may stand after any character and a quote's space may be one there."""
    char = text[index]
    if char in _SUPERSCRIPTS:
        return rf"(?:{char}|\s?{_SUPERSCRIPTS[char]}\s?)"
    if char == "-":
        return f"[-{LINE_HYPHEN}]" if text[index + 1 : index + 2].strip() else re.escape(char)
    if char == " ":
        return f"[ {LETTER_SPACE}]"
    if char.isupper() and text[index + 1 : index + 2].isupper():
        return f"{re.escape(char)}{LINE_HYPHEN}? ?{LETTER_SPACE}?"
    return f"{re.escape(char)}{LINE_HYPHEN}?{LETTER_SPACE}?"


def quote_in_reference(quote: str, ref: Reference) -> bool:
    """Whether the quote's words stand in the document, in order, on one page or across one column or page break.

    A marker-free quote's `text_pattern` matches its own words as written, and in an unprinted reference nothing
    else: there a plain substring search (`_found_as_written`) gives the pattern's verdict without building it, which
    is most of the judge's cost over a whole document."""
    plain = normalize(quote)
    readings = ref.readings
    figures = _FIGURES_RE.fullmatch(plain) is not None
    found = _found_as_written(plain, readings, ref, figures)
    if found is None:
        pattern = text_pattern(quote, ref)
        found = any(pattern.search(page) for page in readings) or (
            figures and any(pattern.search(page) for page in ref.pages)
        )
    return (
        found
        or _opens_a_note(plain, ref)
        or _across_blocks(plain, ref)
        or _opens_a_list_item(plain, ref)
        or _opens_a_numbered_line(plain, ref)
    )


def _found_as_written(plain: str, readings: tuple[str, ...], ref: Reference, figures: bool) -> bool | None:
    """Whether the normalised marker-free quote `plain` stands word for word in `readings` (or, a quote of `figures`,
    in the pages), where that settles `text_pattern`'s search: found, the pattern matches it there; not found, an
    unprinted reference's pattern (its characters escaped) matches nowhere. None where only the pattern can tell (a
    quote with markers, or a printed reference that may hold the quote's words in another form)."""
    if NOTE_MARKER_RE.search(plain):
        return None
    if any(plain in page for page in readings) or (figures and any(plain in page for page in ref.pages)):
        return True
    return None if ref.printed else False


_FIGURES_RE = re.compile(r"\S*\d\S*(?: \S*\d\S*)*")
"""A quote of nothing but figures (`65 62 58`, `2018 380.0`): a table's or chart's values, which pdftotext may set on
lines of their own; such a quote is found among the number-only lines, where no figure can be glued into a sentence."""
_LEADING_MARKER_RE = re.compile(rf"\[({NOTE_NUMBER})\] ?")


def _opens_a_note(quote: str, ref: Reference) -> bool:
    """Whether the quote is a note quoted under its marker (`[7] “Privacy Policy…”`, as the parser writes a note it
    finds in the text) where the document sets the note's number alone on the line right above the note's words
    (`Reference.note_heads`). Only there: a number-only line inside a quote is a page number or a table's cell."""
    lead = _LEADING_MARKER_RE.match(quote)
    if lead is None:
        return False
    number, words = int(lead.group(1)), text_pattern(quote[lead.end() :], ref)
    return any(
        words.match(page, offset)
        for page, heads in zip(ref.quotable, ref.note_heads, strict=True)
        for head, offset in heads
        if head == number
    )


_LIST_LABEL_RE = re.compile(r"(\d{1,3}[.)]|\(\d{1,3}\)|\(?[a-z]\)) ")
"""A numbered or lettered list item's label at a quote's start: "7. ", "3) ", "(12) ", "(b) ", "b) "."""
_LABEL_WORDS = 3
"""How many of the item's first words must stand beside its label in the page read as laid out."""


def _opens_a_list_item(quote: str, ref: Reference) -> bool:
    """Whether the quote is a list item under its label (`7. Suspension of license ...`) where the reading order sets
    the labels apart: pdftotext prints a list's labels as one run of their own ("4. 5. 6. 7.") before or after the
    items' words, though the page prints each label at its item's first line. The item's words must stand in the
    document (`quote_in_reference`), and its label right before its first words in the page's layout or content-
    stream reading (`Reference.note_pages`), which keep a line's label beside its words; a label the page prints
    elsewhere, or none, is not found."""
    lead = _LIST_LABEL_RE.match(quote)
    if lead is None or not quote_in_reference(quote[lead.end() :], ref):
        return False
    opening = " ".join(quote[lead.end() :].split()[:_LABEL_WORDS])
    beside = re.compile(re.escape(lead.group(1)) + " " + text_pattern(opening, ref).pattern)
    return any(beside.search(page) for page in ref.note_pages)


_NUMBER_LEAD_RE = re.compile(r"(\d{1,4}) ")


def _opens_a_numbered_line(quote: str, ref: Reference) -> bool:
    """Whether the quote opens with a number the page prints on one baseline with the quote's first words, a chapter's
    number in the margin beside its title ("2 System Overview"), where the reading order sets the number on a line of
    its own, which quotes are not looked for across (`_without_number_lines`). The words after the number must stand
    in the document (`quote_in_reference`), and the number before them on their baseline (`Reference.numbered`):
    as many of them as that line holds, up to `_LABEL_WORDS`. A number printed on a line of its own (a page number
    over the page's first line) is not found."""
    lead = _NUMBER_LEAD_RE.match(quote)
    if lead is None or not ref.numbered or not quote_in_reference(quote[lead.end() :], ref):
        return False
    number, words = lead.group(1), quote[lead.end() :].split()
    openings = {
        count: re.compile(text_pattern(" ".join([number, *words[:count]]), ref).pattern + r"(?!\S)")
        for count in range(1, min(_LABEL_WORDS, len(words)) + 1)
    }
    return any(
        openings[min(_LABEL_WORDS, len(words), len(line.split()) - 1)].match(line)
        for line in ref.numbered
        if line.startswith(f"{number} ")
    )


_SENTENCE_END_RE = re.compile(rf"[.!?…][\"'”’)\]]*(?:{NOTE_MARKER_RE.pattern})*$")
_HEAD_END_RE = re.compile(r" |(?<=\w-)(?=\w)")
"""Where a quote may break off at a block's end: between words, or after a hyphen inside one (`Soekarno-`)."""
_NOTE_BLOCK_RE = re.compile(rf"{NOTE_NUMBER} ")
"""A block that opens with a number and a space: a foot note, as pdftotext sets one at a page's foot."""


BLOCK_BREAKS = 2
"""How many block ends one quote may run across: a column's or page's end, and a line pdftotext set apart in a
block of its own (`_BLOCK_BREAK_RE` parts a block before each line that opens with a number and a word)."""


def _cuts(text: str) -> Iterator[tuple[str, str]]:
    """Each way to part `text` into a head that may end a block and a tail that may start one."""
    for cut in _HEAD_END_RE.finditer(text):
        head, tail = text[: cut.start()], text[cut.end() :]
        if head and tail:
            yield head, tail


def _across_blocks(quote: str, ref: Reference) -> bool:
    """Whether the quote's words end one text block and go on at the start of a later one, on its page or the next
    (`Reference.blocks`, of a printed page, or the page read again with its stretched lines whole,
    `Reference.stretched`).

    Inside a sentence the break may fall at any block's end and go on at any later block's start: a column's text
    goes on after other columns and page furniture. It may go on at an earlier block's start too where that block
    opens the column to the right of the one the break ends (`Reference.sides`): pdftotext orders a page's columns
    by the height of their tops, so a right column whose top stands a hair higher comes out first. Between two
    sentences it may fall only at a page's end: the page's last block before its foot notes, going on at the next
    page's first block. Elsewhere a block that ends with a sentence is a paragraph's end, and sentences of two
    paragraphs glued together are no quote.

    Where the break is a page's end, the quote's words on either side may run over several of that page's blocks in
    their order (`_joined`), as a quote found inside one page may (`quote_in_reference` reads a page's blocks joined):
    pdftotext sets a line apart as blocks of its own where its words stand wide (a justified line of a
    double-spaced opinion), so a page's last or first line of text may be no block of its own. Where the quote goes
    on on the same page, each side stands in one block of pdftotext's own reading: on a page of a table, whose cells
    pdftotext prints as blocks out of their order, a run of blocks from anywhere before to anywhere after is no
    reading of the page.
    """
    for head, tail in _cuts(quote):
        words = _last_words(head)
        inside, last, ends = (
            text_pattern(words, ref),
            cache(partial(_ending, words, ref)),
            cache(partial(_ending, head, ref)),
        )
        reach = _REACH * len(head) + _REACH_SLACK
        for page in range(len(ref.blocks)):
            for blocks in _readings(ref, page):
                joined, starts = _joined(blocks)
                if not inside.search(joined):
                    continue
                for index, block in enumerate(blocks):
                    end = starts[index] + len(block)
                    start = max(0, end - reach)
                    if last().search(block) and ends().search(block):
                        if _goes_on(head, tail, ref, page, blocks, index, BLOCK_BREAKS - 1):
                            return True
                    elif last().search(joined, start, end) and ends().search(joined, start, end):
                        if _goes_on(head, tail, ref, page, blocks, index, BLOCK_BREAKS - 1, page_end=True):
                            return True
    return False


def _ending(text: str, ref: Reference) -> re.Pattern[str]:
    """`text` as `ref` may print it ending a string (`text_pattern`), the page's hung note numbers after it
    (`_HUNG_NUMBERS`)."""
    return re.compile(rf"(?:{_pattern_text(text, ref)}){_HUNG_NUMBERS}\Z")


_CHECKED_WORDS = 3
"""How many of a text's words at its end (or start) `_across_blocks` looks for before its whole pattern.

`text_pattern` writes a text's pattern as its words' patterns one after another, so wherever a text's pattern
matches, its last words' pattern matches too, ending where it ends (and its first words', starting where it starts).
Compiling the whole pattern for each way to cut a long quote, and looking for it at every block's end, was most of
what `_across_blocks` cost: its last words' pattern is quick to build (the same few words recur over the cuts, which
`re` caches) and rules out most pages and blocks before the whole pattern is built (`cache`: once, where needed).
Three words are few enough to build quickly and enough that a page seldom holds them where it does not hold the
quote."""


def _last_words(text: str) -> str:
    """`text`'s last `_CHECKED_WORDS` words."""
    return " ".join(text.split(" ")[-_CHECKED_WORDS:])


def _first_words(text: str) -> str:
    """`text`'s first `_CHECKED_WORDS` words."""
    return " ".join(text.split(" ")[:_CHECKED_WORDS])


_HUNG_NUMBERS = r"(?: ?[⁰¹²³⁴⁵⁶⁷⁸⁹]+)*"
"""Superscript digit characters ending a block after a quote's head: the numbers of the page's foot notes, printed
as such characters and hung left of the notes' text (a Typst report's "²" and "³" over its notes' lines), which
pdftotext sets at the end of the block above them, after the page's last words of text ("and modern ² ³")."""
_REACH = 3
_REACH_SLACK = 40
"""A quote's head is looked for ending at a block's end in the page's last `_REACH` times its length plus
`_REACH_SLACK` characters before that end: the page may print it longer than the quote (a marker's range, a space
in a letter-spaced line, a hyphen), never three times as long."""


def _readings(ref: Reference, page: int) -> list[tuple[str, ...]]:
    """The page's blocks as pdftotext orders them, and read again with its stretched lines whole where it has any."""
    stretched = ref.stretched[page] if page < len(ref.stretched) else ()
    return [ref.blocks[page], *([stretched] if stretched else [])]


@lru_cache(maxsize=1024)
def _joined(blocks: tuple[str, ...]) -> tuple[str, tuple[int, ...]]:
    """A page's blocks as one string, a space between two, and where each block starts in it."""
    starts, position = [], 0
    for block in blocks:
        starts.append(position)
        position += len(block) + 1
    return " ".join(blocks), tuple(starts)


def _starts(pattern: re.Pattern[str], blocks: tuple[str, ...], index: int, run_on: bool) -> bool:
    """Whether `pattern` matches at the start of block `index`, within it, or where it may `run_on`, over the blocks
    after it too (`_joined`)."""
    if not run_on:
        return pattern.match(blocks[index]) is not None
    joined, starts = _joined(blocks)
    return pattern.match(joined, starts[index]) is not None


def _goes_on(
    head: str,
    tail: str,
    ref: Reference,
    page: int,
    blocks: tuple[str, ...],
    index: int,
    breaks: int,
    page_end: bool = False,
) -> bool:
    """Whether `tail` starts a block that may follow block `index` of `blocks` (a reading of `page`), ended by `head`
    (`_across_blocks`): on the next page it may run on over the blocks after that one; with `breaks` left, it may
    also fill such a block whole and go on at the start of one after that. Where `head` runs over several blocks
    (`page_end`), or `blocks` is the page read with its stretched lines whole (`Reference.stretched`, where each such
    line is a block, ending inside its sentence), the tail goes on on the next page only."""
    page_end = page_end or blocks is not ref.blocks[page]
    following = [(page + 1, reading) for reading in _readings(ref, page + 1)] if page + 1 < len(ref.blocks) else []
    if _SENTENCE_END_RE.search(head):
        last = all(_NOTE_BLOCK_RE.match(other) for other in blocks[index + 1 :])
        later = [(p, reading, 0) for p, reading in following if reading] if last else []
    else:
        beside = [
            (page, blocks, i)
            for i in range(index)
            if ref.sides
            and any(blocks[index].endswith(end) and blocks[i].startswith(top) for end, top in ref.sides[page])
        ]
        same = [] if page_end else beside + [(page, blocks, i) for i in range(index + 1, len(blocks))]
        later = same + [(p, reading, i) for p, reading in following for i in range(len(reading))]
    first, starts = text_pattern(_first_words(tail), ref), cache(partial(text_pattern, tail, ref))
    if any(
        _starts(first, reading, i, run_on=p > page) and _starts(starts(), reading, i, run_on=p > page)
        for p, reading, i in later
    ):
        return True
    if breaks <= 0:
        return False
    for middle, rest in _cuts(tail):
        last, whole = _ending(_last_words(middle), ref), cache(partial(text_pattern, middle, ref))
        for p, reading, i in later:
            if last.search(reading[i]) and whole().fullmatch(reading[i]):
                if _goes_on(middle, rest, ref, p, reading, i, breaks - 1):
                    return True
    return False


def _labelled(number: int, note: str, ref: Reference) -> re.Pattern[str]:
    """The note's number as the document may print it, then the note's words. Not as Markdown's source writes a
    note's label (`[^1]:`): a rendered Markdown page numbers its notes (`_numbered_notes`) and shows that syntax only
    in code, as an example of writing a note, which labels none of the document's (the JOSS paper on writing shows
    `[^1]: An open license that allows reuse.` in a code block, and that note is its second)."""
    body = text_pattern(note, ref).pattern
    label = rf"(?:\[0*{number}\]:?|\^?{number}[.):]?|{str(number).translate(_SUPERSCRIPT_DIGITS)})"
    if number < 0:  # a symbol note ("* Pursuant to ..."): its symbols, as printed (`note_key`)
        label = _symbol_pattern(note_label(number)).removeprefix(r"\s?")
    return re.compile(rf"(?<![\w\[]){label}\s?(?:\^\s?(?:[a-z]\s)*)?{body}")


def note_in_reference(number: int, note: str, ref: Reference) -> bool:
    """Whether the document prints note `number` with this text: the number, then the note's words.

    A foot note may run on at the foot of the next column or page, so its words may stand in two runs: the
    number and the head on one page, the rest later on that page or on the next one; or run on over the page's end
    whole (the pages read as one, as printed: a word broken at a line end may read either way, `LINE_HYPHEN`).
    """
    pages = ref.pages + ref.note_pages
    labelled = _labelled(number, note, ref)
    if any(labelled.search(page) for page in pages) or labelled.search(" ".join(ref.pages)):
        return True
    words = normalize(note).split(" ")
    if len(pages) == 1:
        return _glued(number, words, ref) or _across_lines(number, words, ref)
    for index, page in enumerate(pages):
        for cut in range(1, len(words)):
            head = _labelled(number, " ".join(words[:cut]), ref).search(page)
            if head is None:
                break
            tail = text_pattern(" ".join(words[cut:]), ref)
            following = pages[index + 1] if index + 1 < len(pages) else ""
            if tail.search(page, head.end()) or tail.search(following):
                return True
    return False


def _glued(number: int, words: list[str], ref: Reference) -> bool:
    """Whether a one-page reference prints note `number` whole under its number but for one space its extractor
    dropped between two of its words, where the note breaks its line: mammoth ignores Word's carriage return
    (`<w:cr/>`), so a Word note reads "discounts).See also" where Word shows a line break. The words run on in one
    piece from the label, so no other note's number passes."""
    page = ref.pages[0]
    for cut in range(1, len(words)):
        head = _labelled(number, " ".join(words[:cut]), ref)
        if head.search(page) is None:
            return False
        tail = text_pattern(" ".join(words[cut:]), ref)
        if any(tail.match(page, found.end()) for found in head.finditer(page)):
            return True
    return False


def _across_lines(number: int, words: list[str], ref: Reference) -> bool:
    """Whether a one-page reference (a text, Markdown or HTML file: the whole document is one page) prints note
    `number` in two runs: its number and head ending one line, the rest opening a later one.

    A page foot is what breaks a note in two, and a one-page document has none but where a text file set from
    printed pages keeps the page's furniture between a note's lines (`Reference.blocks`, its lines). Anywhere else
    the number printed beside the note's words is its label, and a number standing before any of its words is not:
    on one page a bare "6" in the text and the words of note 5 further on would make note 5 pass as note 6. A
    Markdown or HTML file has no lines of its own (`blocks` is empty), so its notes stand whole or not at all.
    A line may also end in a bracket closing the note's paragraph, where a transcriber brackets a note of several
    paragraphs and closes each (`[Footnote 24: … alluded to.]`, then its next paragraph); the parser reads the
    bracket as no word of the note, and the note's next paragraph opens the next line.
    """
    for lines in ref.blocks:
        joined = " ".join(lines)
        ends, starts, offset = set(), set(), 0
        for line in lines:
            starts.add(offset)
            offset += len(line)
            ends |= {offset, offset - 1} if line.endswith("]") else {offset}
            offset += 1
        for cut in range(1, len(words)):
            head = _labelled(number, " ".join(words[:cut]), ref)
            broken = [match.end() for match in head.finditer(joined) if match.end() in ends]
            if not broken and head.search(joined) is None:
                break
            tail = text_pattern(" ".join(words[cut:]), ref)
            if broken and any(match.start() in starts for match in tail.finditer(joined, min(broken))):
                return True
    return False

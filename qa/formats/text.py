"""Plain text -> articles, paragraphs and footnotes. The file's own text is what is quoted.

A saved page is not a clean document: one file can hold a listing of many articles, footnote
numbers restart in each article, and the page's chrome sits between the paragraphs. Attribution
comes only from the text itself, so every rule here errs toward "unknown" rather than borrowing a
title, author, date or footnote from a neighbour. Chrome is found by what it is - a line the page
repeats from entry to entry, or the words of navigation any site uses - never by one site's lines.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from collections import Counter
from collections.abc import Mapping
from dataclasses import dataclass, field, replace
from difflib import SequenceMatcher
from itertools import accumulate
from pathlib import Path

from qa.corpus import Article, Paragraph, ParagraphKind, parse_date, slugify
from qa.formats.document import (
    BYLINE_BY_RE,
    DEFINITION_RE,
    LEADER_RE,
    NOTES_HEADING_RE,
    PROSE_DIRECTIVES,
    Block,
    Extracted,
    Parsed,
    assemble,
    month_date,
    squash,
)
from qa.formats.email_header import email_header
from qa.formats.encoding import decode_text
from qa.formats.line_hyphens import broken_words, document_words, joined_lines, without_spans
from qa.formats.metadata import personal_names, signer_office
from qa.formats.rst_inline import printed_inline, substitutions
from qa.sentences import NOTE_NUMBER, find_markers

_MONTHS = "Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Sept|Oct|Nov|Dec"
_DATE_RE = re.compile(
    rf"(?:(?:{_MONTHS})[a-z]*\.? \d{{1,2}}, \d{{4}}|\d{{1,2}} (?:{_MONTHS})[a-z]* \d{{4}}|\d{{4}}-\d{{2}}-\d{{2}})"
)
_SEPARATOR_RE = re.compile(r"[—–\-_=]{3,}")
_BULLET_RE = re.compile(r"[•·▪◦*\-–]\s+")
_NUMBERED_NOTE_RE = re.compile(rf"({NOTE_NUMBER})\.?\s+(\S.*)", re.DOTALL)
"""A note numbered without brackets, `12. text` or `12 text`: a note only under a notes heading or separator."""
_EXPLICIT_NOTE_RE = re.compile(rf"\.\.[ \t]+\[({NOTE_NUMBER})\]\s*(\S.*)", re.DOTALL)
"""A numbered note as reStructuredText writes it, `.. [1] text` (its citations read `[1]_`): Python's PEPs and
Sphinx sources kept as plain text; without it the "References" under the text were paragraphs and no note."""
_LABELLED_NOTE_RE = re.compile(rf"\[(?:Foot)?note ({NOTE_NUMBER}):\s*(\S.*)", re.DOTALL | re.IGNORECASE)
"""A note that says it is one, `[Footnote 3: text]` (Project Gutenberg's convention): a note wherever it stands.

It runs to its closing bracket, which may be some paragraphs further on."""

NAVIGATION_RES = tuple(
    re.compile(pattern, re.IGNORECASE)
    for pattern in (
        r"(?:\d+\s+){1,}\d+",  # pagination: "1 2 3"
        r"(?:«\s*)?(?:Previous|Next)(?:\s*»)?|Page \d+ of \d+",
        r"Home\s*[>›»].*",  # breadcrumb
        r"(?:Subscribe|Sign up)\b.{0,60}",
        r"(?:Key ?words?|Tags)\s*:.*",
    )
)
"""Navigation any site prints - pagination, breadcrumbs, sign-up prompts, keyword lists - never an author's text."""
_PAGE_BREAK_RES = tuple(
    re.compile(pattern, re.IGNORECASE)
    for pattern in (
        r"\(?(?:continued|cont['’]?d\.?)\s+(?:on\s+(?:the\s+)?(?:next|following)\s+page|overleaf|on\s+page\s+\d+)\.?\)?",
        r"[?\ufffd]",
    )
)
"""What a page break leaves on lines of its own in the text a word processor saves: the notice that the text goes on
over the page ("(Continued on the next page)"), and the mark standing for the break's character where the export
could not write it (a line holding only "?"). Like a page's running head, the page's and not the author's."""
REPEATS_FOR_FURNITURE = 3
"""A line printed in this many entries of a listing, or a label printed this often, is the page's: see `_Chrome`."""
NEAR_REPEAT_RATIO = 0.9
"""A line this similar to a repeated one is the same furniture reworded (singular for plural, say)."""

_LABELLED_FIELD_RE = re.compile(r"(Title|Authors?|(?:[A-Z][a-z]+ )?Date)\s*:\s*(\S.{0,198})", re.IGNORECASE)
"""A metadata line, `Title: ...`, as e-texts and memos open (Project Gutenberg, RFC 822 style headers). A date's
label may name which date it is ("Release Date:"); the first dated line is the document's. An indented line under
it is the field's second line (a Gutenberg title's subtitle, "Title: Critical & Historical Essays" over
"       Lectures delivered at Columbia University"): the block is still labelled fields, and the field is its
labelled line."""
_HEADER_FIELD_RE = re.compile(r"([A-Z][A-Za-z]*(?:-[A-Za-z]+)*)[ \t]*:(?:[ \t]+(\S.*))?")
"""A line of an RFC 822-style header, `Field-Name: value` (the value may be empty, `Post-History:`)."""
_HEADER_FIELDS_MIN = 3
"""A header has at least this many fields: two `Label: value` lines may as well be a list in the text."""
_DATE_FIELDS = ("date", "created")
"""Fields that date the document: `Date:`, or `Created:` where a header also tracks its later changes (a PEP)."""
_DASHED_DATE_RE = re.compile(r"\d{1,2}-[A-Za-z]{3,9}-\d{4}")
"""A date written `12-Jan-2017`, as RFC 822-style headers often do: the day, month and year of `12 Jan 2017`."""
_MAILBOX_RE = re.compile(r"\s*<[^<>\s]+@[^<>\s]+>")
"""An author's address after the name in a header (`Jane Doe <jd@example.org>, Ana Ruiz <ar@example.org>`)."""
_ANNOTATION_RE = re.compile(r"\s*[\[(][^\])]*[\])]\s*$")
"""A bracketed note after a field's value ("February, 2003  [Etext #3742]"): about the file, not the value."""
TEXT_FENCE_RE = re.compile(r"\*{3}\s*(START|END) OF\b[^*]*\*{3}")
"""A distributor's fence line, `*** START OF THE PROJECT GUTENBERG EBOOK ... ***`: its words hold no asterisk, so it
may run over the file's line width into a second line (a long title) and still be one fence, not the work's text."""
_FENCE_WORDS_RE = re.compile(r"\*{3}\s*(\w+ \w+)")
"""A fence's opening words ("END OF"): a line right inside the fence that opens with them is the fence's too."""
_LABELLED_FIELDS_WITHIN = 30
"""How many opening units of a file may hold its labelled metadata lines."""

_HEADING_MAX_CHARS = 80
_HEADING_MAX_WORDS = 12
_BYLINE_MAX_CHARS = 120
_HEADER_MAX_LINES = 3
"""Title, byline and a second byline line: a longer block above a dateline is text, not a header."""
_LONG_LINE = 200
"""A file with lines this long keeps one paragraph per line (saved web text); others are wrapped."""


@dataclass(frozen=True)
class _Unit:
    """A stretch of non-blank source text: a line, or a block of wrapped lines."""

    start: int
    end: int
    text: str
    bullet: bool = False
    indent: int = 0
    """How far the unit's first line stands in from the margin, a bullet's own mark not counted."""


@dataclass(frozen=True)
class _Header:
    first: int
    """Index of the header's first unit."""
    last: int
    title: str | None
    author: str | None
    date: str | None


def _is_dateline(text: str) -> bool:
    return _DATE_RE.fullmatch(text) is not None


def _is_navigation(text: str) -> bool:
    return any(pattern.fullmatch(text) for pattern in NAVIGATION_RES)


_SECTION_NUMBER_RE = re.compile(r"\d{1,3}(?:\.\d{1,3})*\.?\s+")
"""A section's number before its heading ("17 References", "8.2. Informative References")."""


def _is_notes_heading(text: str) -> bool:
    return NOTES_HEADING_RE.fullmatch(_SECTION_NUMBER_RE.sub("", text, count=1).rstrip(":").rstrip()) is not None


def _is_numbered_heading(unit: _Unit) -> bool:
    """Whether a unit is a section's heading with its number ("18 Authors' Addresses")."""
    number = _SECTION_NUMBER_RE.match(unit.text)
    return number is not None and _is_heading(replace(unit, text=unit.text[number.end() :]))


def _section_number(unit: _Unit) -> tuple[int, ...] | None:
    """The number of a line that reads as a numbered section's heading ("17.1. Normative References", and
    "10.4.5 404 Not Found", whose words open with a number of their own), or None."""
    number = _SECTION_NUMBER_RE.match(unit.text)
    if number is None:
        return None
    words = unit.text[number.end() :]
    own = re.match(r"\d+\s+(?=[A-Z])", words)
    heading = _is_heading(replace(unit, text=words[own.end() :] if own else words))
    return tuple(int(part) for part in re.findall(r"\d+", number.group())) if heading else None


def _follows(number: tuple[int, ...], previous: tuple[int, ...]) -> bool:
    """Whether `number` is the one after `previous` at the same level (2. after 1., 12.3. after 12.2.)."""
    return len(number) == len(previous) and number[:-1] == previous[:-1] and number[-1] == previous[-1] + 1


def _is_section_heading(units: list[_Unit], position: int) -> bool:
    """Whether a numbered line heads a section ("1.  Introduction" in an RFC): a section's number and a heading's
    words, with no line of the same kind numbered next to it above or below. Numbered short lines one after
    another ("1. Apples", "2. Pears", nothing between) are a list's items, each the number after the one above."""
    number = _section_number(units[position])
    if number is None:
        return False
    above = _section_number(units[position - 1]) if position > 0 else None
    below = _section_number(units[position + 1]) if position + 1 < len(units) else None
    return not ((above is not None and _follows(number, above)) or (below is not None and _follows(below, number)))


def _note_number(text: str, previous: int | None) -> int | None:
    """The number of the note `text` opens, if it opens one after note `previous` (None: the first of a block).

    `[n] text` is a note whatever its number. An unbracketed `n. text` only continues the count,
    so a wrapped line that starts with a year ("2014 by the Institute") is not taken for note 2014.
    """
    if definition := _LABELLED_NOTE_RE.match(text) or DEFINITION_RE.match(text) or _EXPLICIT_NOTE_RE.match(text):
        return int(definition.group(1))
    numbered = _NUMBERED_NOTE_RE.match(text)
    if numbered and (previous is None or int(numbered.group(1)) == previous + 1):
        return int(numbered.group(1))
    return None


def _note_text(text: str) -> str:
    """A note's words as the file has them (a wrapped note keeps its line breaks): notes are quoted too."""
    if labelled := _LABELLED_NOTE_RE.match(text):
        return labelled.group(2).removesuffix("]").strip()
    match = DEFINITION_RE.match(text) or _EXPLICIT_NOTE_RE.match(text) or _NUMBERED_NOTE_RE.match(text)
    assert match is not None, "only called on a line that opens a note"
    return match.group(2).strip()


def _lines(text: str) -> list[_Unit]:
    """Every line, blank ones as empty units, with a leading bullet cut off (it is not the author's word)."""
    lines: list[_Unit] = []
    position = 0
    for raw in text.splitlines(keepends=True):
        body = raw.rstrip("\r\n")
        if body.strip():
            lead = indent = len(body) - len(body.lstrip())
            bullet = _BULLET_RE.match(body, lead)
            if bullet:
                lead = bullet.end()
            start = position + lead
            end = position + len(body.rstrip())
            lines.append(_Unit(start, end, text[start:end], bullet is not None, indent))
        else:
            lines.append(_Unit(position, position, ""))
        position += len(raw)
    return lines


def _units(text: str) -> list[_Unit]:
    lines = _lines(text)
    if any(len(unit.text) > _LONG_LINE for unit in lines):
        return [unit for unit in lines if unit.text]
    return _join_wrapped(text, lines)


def _join_wrapped(text: str, lines: list[_Unit]) -> list[_Unit]:
    """Join hard-wrapped lines into paragraphs, in one pass: each paragraph is sliced once, when it ends.

    Blank lines and bullets break paragraphs. Datelines, a notes heading, and a `By` line under the
    title (above anything but datelines) stand alone, and so does each line of a short block right
    above a dateline (title and byline). A note line ends the note above it (`[1] ...` then `[2] ...`).
    """
    blocks: list[_Unit] = []
    first: _Unit | None = None
    """The first line of the paragraph being joined."""
    last: _Unit | None = None
    header: list[_Unit] | None = None
    """The lines of the paragraph being joined while they are few enough to be a header."""
    alone = False
    """Whether the paragraph being joined is a line that stands alone."""
    note: int | None = None
    """The number of the note the paragraph being joined holds, if it is one."""
    top = True
    """Whether only datelines came before the paragraph being joined: where a title and its byline stand."""

    def close(split: bool = False) -> None:
        nonlocal first, top
        if first is not None and last is not None:
            joined = [_Unit(first.start, last.end, text[first.start : last.end], first.bullet, first.indent)]
            blocks.extend(header if split and header else joined)
            top = top and _is_dateline(blocks[-1].text)
        first = None

    for line in lines:
        if not line.text:
            close()
            continue
        if first is not None and first is last and _underlines(line.text, first.text):
            close()  # the title above stands alone, a heading; its underline is no word of it
            continue
        dateline = _is_dateline(line.text)
        line_alone = (
            dateline
            or (first is None and _is_notes_heading(line.text))
            or (top and last is not None and first is not None and _under_title(first, last, line))
        )
        opens = None if line.bullet else _note_number(line.text, note)
        item = last is not None and _opens_item(line, last)
        if first is not None and (
            alone or line_alone or line.bullet or item or (note is not None and opens is not None)
        ):
            close(split=dateline and header is not None and len(header) > 1 and _looks_like_title(header[0].text))
        if first is None:
            first, alone, note, header = line, line_alone, opens, [line]
        elif header is not None:
            header = header + [line] if len(header) < _HEADER_MAX_LINES else None
        last = line
    close()
    return blocks


_ENUMERATOR_RE = re.compile(r"\(?(?:\d{1,3}|[a-z]|[ivx]{1,5})[.)]\s+\S")
"""An item's label in an outline typed as text: `a)`, `b.`, `vii.`, `(c)`, `2)`."""


def _opens_item(line: _Unit, last: _Unit) -> bool:
    """Whether a line opens an item of an outline: it starts with an item's label (`_ENUMERATOR_RE`) and stands at
    another indentation than the line above it. An outline set with hanging indents (a policy's `b)` over its `a.`
    over its `i.` to `vii.`, each label at its level's column and its wrapped lines under the words) has no blank
    line between items, and its whole outline read as one paragraph; a wrapped line of prose that happens to start
    "a. " stands where the line above it does."""
    return line.indent != last.indent and _ENUMERATOR_RE.match(line.text) is not None


_UNDERLINE_RE = re.compile(r"([=\-~^*+#`])\1{2,}")


def _underlines(line: str, title: str) -> bool:
    """Whether `line` underlines the one line above it: a run of one of ``=-~^*+#` ``, at least as long as the
    title less a character, under a line short enough for a heading (the backtick is Docutils' own manuals' third
    level, "Review Criteria" over a row of them).

    reStructuredText and setext Markdown set a section's title so (`Abstract` over `========`); joined into one
    paragraph, the title read as text ending in a row of signs, and the section had no heading.
    """
    title = title.strip()
    return (
        _UNDERLINE_RE.fullmatch(line.strip()) is not None
        and len(title) <= _HEADING_MAX_CHARS
        and len(line.strip()) >= len(title) - 1
    )


def _under_title(first: _Unit, last: _Unit, line: _Unit) -> bool:
    """Whether `line` is a `By` line right under a title of one or two lines (which ends in no full stop)."""
    return _is_byline(line.text) and last.start - first.start <= 2 * _LONG_LINE and not last.text.endswith((".", ";"))


def _is_byline(text: str) -> bool:
    return len(text) <= _BYLINE_MAX_CHARS and BYLINE_BY_RE.fullmatch(text) is not None


def _author(byline: str) -> str:
    """The name in a byline: `By Jane Doe` is by Jane Doe."""
    by = BYLINE_BY_RE.fullmatch(byline)
    return squash(by.group(1) if by else byline)


def _find_headers(units: list[_Unit]) -> list[_Header]:
    """Datelines with the byline above them and the title above that.

    A lone line above a dateline at the top of the file is its title, not its author, unless it
    says `By`: a single article names itself before it names anyone.
    """
    headers: list[_Header] = []
    taken = -1
    for i, unit in enumerate(units):
        if not _is_dateline(unit.text) or i == 0:
            continue
        byline = units[i - 1]
        if i - 1 <= taken or not _is_header_line(byline.text, _BYLINE_MAX_CHARS):
            continue
        title_index = i - 2
        title = None
        author: str | None = _author(byline.text)
        if title_index > taken and _is_header_line(units[title_index].text, _LONG_LINE):
            title = squash(units[title_index].text)
        elif i == 1 and not _is_byline(byline.text):
            title, author = squash(byline.text), None
            title_index = i - 1
        else:
            title_index = i - 1
        headers.append(_Header(title_index, i, title, author, parse_date(unit.text)))
        taken = i
    return headers


def _is_header_line(text: str, limit: int) -> bool:
    return (
        len(text) <= limit and not _is_navigation(text) and not _is_dateline(text) and DEFINITION_RE.match(text) is None
    )


def _single_header(units: list[_Unit]) -> _Header | None:
    """A file with no header above a dateline is one article: a title, a `By` line and a dateline open it.

    Each is optional and read in that order (a dateline may also come first); none is guessed.
    """
    position = 0
    date = None
    if units and _is_dateline(units[0].text):
        date, position = parse_date(units[0].text), 1
    title = author = None
    if (
        position < len(units)
        and _looks_like_title(units[position].text)
        and not _FIRST_SECTION_RE.match(units[position].text)
    ):
        title, position = squash(units[position].text), position + 1
    if position < len(units) and _is_byline(units[position].text):
        author, position = _author(units[position].text), position + 1
    if date is None and position < len(units) and (printed := _opening_date(units[position].text)):
        date, position = printed, position + 1
    if position == 0:
        return None
    return _Header(0, position - 1, title, author, date)


_FIRST_SECTION_RE = re.compile(r"0?1\.(?:0?1\.?)?\s+\S")
"""A first section's numbered heading ("1. USE OF EXTERNAL OPEN SOURCE SOFTWARE", "1.1 Scope"): a file that opens with
it has no title above its sections; read as one, the section's paragraphs stood under no heading."""
_SAID_DATE_RE = re.compile(r"[A-Z][a-z]+:? (.+)")
"""A date under a title after the one word that says what happened on it ("Decided January 20, 2022", "Published:
March 3, 2021"), as a decision, a release or a notice prints its date."""


def _opening_date(text: str) -> str | None:
    """The date a dateline under a title prints, alone or after the word that says what it dates, or None."""
    said = _SAID_DATE_RE.fullmatch(text)
    dateline = text if _is_dateline(text) else said.group(1) if said and _is_dateline(said.group(1)) else None
    return parse_date(dateline) if dateline else None


_OPINION_AUTHOR_RE = re.compile(r"((?:[A-Z][A-Z'’.-]+ )*[A-Z][A-Z'’-]+, (?:[A-Z][a-z]+ ){0,4}[A-Z][a-z]+):")
"""The line a court's opinion opens with, naming its author as the court prints him: a surname in capitals and
his office, then a colon ("GORMAN, Appellate Immigration Judge:", "SMITH, Circuit Judge:")."""


def _opinion_author(units: list[_Unit]) -> str | None:
    """The author an opinion's opening line names (`_OPINION_AUTHOR_RE`) among the file's opening units, or None:
    an opinion prints its headnote, counsel and panel first, so its author's line comes some lines down."""
    return next(
        (
            found.group(1)
            for unit in units[:_LABELLED_FIELDS_WITHIN]
            if (found := _OPINION_AUTHOR_RE.fullmatch(unit.text))
        ),
        None,
    )


_COLUMNS_RE = re.compile(r"\s{2,}")
_COLUMN_GAP_RE = re.compile(r"\S {3,}\S")
"""Words set apart by three spaces or more on one line: two columns, as a memo's opening block sets them."""
_CENTRED_TOLERANCE = 3
"""How many columns a centred line's left and right margins may differ by: an odd length rounds one way, and a
title centred by typing spaces (as hand-set drafts are) may sit a column further off."""
_CENTRED_MIN_MARGIN = 6
"""How far in a centred title starts at least: an RFC's title of 57 characters, centred on its 72 columns, starts
7 in ("A File Format to Aid in Security Vulnerability Disclosure"); a line of prose starts at the margin."""
_INITIALS_NAME_RE = re.compile(
    r"(?:[A-Z][a-z]+ )?(?:[A-Z]\.[ -]?)+ ?(?:[a-z]{1,3} )*[A-Z][\w'’]+(?:[ -][A-Z][\w'’]+)?(?=(?:, Ed\.)?$)"
)
"""A name as a memo's opening block prints its authors, initials and surname ("R. Fielding", "T. Berners-Lee",
"L. Eggert, Ed."), perhaps after a given name and before a particle ("Michiel B. de Jong"); the affiliation printed
under each ("UC Irvine", "W3C/MIT") has no initials."""


def _source_lines(text: str, unit: _Unit) -> list[str]:
    """The lines a unit spans as the file has them, indentation included."""
    start = text.rfind("\n", 0, unit.start) + 1
    end = text.find("\n", unit.end)
    return text[start : len(text) if end < 0 else end].splitlines()


def _page_width(text: str) -> int:
    """The width the file is set to: its longest lines' length, an odd overlong line (a URL) aside."""
    lengths = sorted(len(line.rstrip()) for line in text.splitlines() if line.strip())
    return lengths[len(lengths) * 19 // 20] if lengths else 0


def _is_centred(text: str, unit: _Unit, width: int) -> bool:
    line = _source_lines(text, unit)[0]
    left = len(line) - len(line.lstrip())
    right = width - len(line.rstrip())
    return left >= _CENTRED_MIN_MARGIN and abs(left - right) <= _CENTRED_TOLERANCE


def _is_opening_block(text: str, unit: _Unit) -> bool:
    """Whether a unit is set as a memo's opening block, not as prose: every line in two columns or indented, or
    ending before the right column starts (`_left_column_only`)."""
    lines = _source_lines(text, unit)
    columned = [line for line in lines if _COLUMN_GAP_RE.search(line) or line.startswith("   ")]
    return len(columned) == len(lines) or _left_column_only(lines, columned)


_COLUMNED_LINES_MIN = 2


def _left_column_only(lines: list[str], columned: list[str]) -> bool:
    """Whether the lines not in two columns are each a left column whose right one is empty: an RFC's opening block
    has an author with no affiliation under the name, so the line beside the RFC number has nothing at the right
    ("Request for Comments: 9116" alone). Such a line ends before the right column starts on the lines that have one
    (at least `_COLUMNED_LINES_MIN` of them), where a line of prose runs on across it."""
    right = [gap.end() - 1 for line in lines if (gap := _last_gap(line))]
    if len(right) < _COLUMNED_LINES_MIN:
        return False
    return all(line in columned or len(line.rstrip()) < min(right) for line in lines)


def _last_gap(line: str) -> re.Match[str] | None:
    """The last run of three spaces or more between two words of a line: where its right column starts."""
    return next(reversed(list(_COLUMN_GAP_RE.finditer(line.rstrip()))), None)


def _centred_title(text: str, units: list[_Unit]) -> _Header | None:
    """A title centred on the page below an opening block set in columns, as an RFC or a memo prints it.

    The block above the title (series, number, authors and date side by side) is the document's front matter,
    not its text; the date it prints is the document's. Without such a block the opening lines are prose and no
    title is taken from them.
    """
    width = _page_width(text)
    for index, unit in enumerate(units[:_HEADER_MAX_LINES]):
        if "\n" not in unit.text and _looks_like_title(unit.text) and _is_centred(text, unit, width):
            if index == 0 or not all(_is_opening_block(text, above) for above in units[:index]):
                return None
            last_columns = [
                _COLUMNS_RE.split(line.strip())[-1] for above in units[:index] for line in above.text.splitlines()
            ]
            date = next((found for field in last_columns if (found := parse_date(field) or month_date(field))), None)
            authors = [name[0] for field in last_columns if (name := _INITIALS_NAME_RE.match(field))]
            return _Header(0, index, squash(unit.text), ", ".join(authors) or None, date)
    return None


def _single_article(text: str, units: list[_Unit]) -> tuple[_Header | None, list[_Unit]]:
    """The header and body of a file that is one article; labelled `Title:`/`Author:`/`Date:` lines near
    its top are its metadata, ahead of what the opening lines suggest, and not part of its text.
    """
    header = _overlined_title(units) or _single_header(units) or _centred_title(text, units)
    start = header.last + 1 if header else 0
    labelled: dict[str, str] = {}
    used: set[int] = set()
    for position in range(start, min(len(units), _LABELLED_FIELDS_WITHIN)):
        if (fields := _header_fields(_FIELD_LIST_RE.sub("", units[position].text))) is not None:
            dated = next((fields[key] for key in _DATE_FIELDS if fields.get(key)), "")
            dated = dated.replace("-", " ") if _DASHED_DATE_RE.fullmatch(dated) else dated
            author = _named_only(_MAILBOX_RE.sub("", fields.get("author", "")).strip(" ,"))
            named = {"title": fields.get("title"), "author": author, "date": dated}
            labelled.update({key: squash(value) for key, value in named.items() if value and key not in labelled})
            used.add(position)
            continue
        lines = units[position].text.splitlines()
        found = [_LABELLED_FIELD_RE.fullmatch(line.strip()) for line in lines]
        if not found[0] or not all(match or line[:1].isspace() for line, match in zip(lines, found, strict=True)):
            continue
        for labelled_line in filter(None, found):
            key = labelled_line.group(1).lower().split()[-1]
            value = squash(_ANNOTATION_RE.sub("", labelled_line.group(2)))
            if key != "date" or _labelled_date(value):
                labelled.setdefault(key, value)
        used.add(position)
    kept = (unit for position, unit in enumerate(units[start:], start) if position not in used)
    body = _fenced([unit for unit in kept if not _DIRECTIVE_RE.fullmatch(unit.text) and not _is_targets(unit.text)])
    if (header is None or header.author is None) and (opinion := _opinion_author(units[start:])):
        header = replace(header, author=opinion) if header else _Header(0, start - 1, None, opinion, None)
    if not labelled:
        return header, body
    title, author, date = (header.title, header.author, header.date) if header else (None, None, None)
    header = _Header(
        0,
        start - 1,
        labelled.get("title", title),
        labelled.get("author", labelled.get("authors", author)),
        _labelled_date(labelled["date"]) if "date" in labelled else date,
    )
    return header, body


def _labelled_date(value: str) -> str | None:
    """The ISO date, or month, a `Date:` line's value gives, or None when it reads as no date.

    A line whose value is no date does not date the document: a decision's "Decision Date: 09/30/25<tab>Archive
    Date: 09/30/25" holds two fields, and the "DATE: September 30, 2025" under it is the one that reads as a date.
    """
    return parse_date(value) or month_date(value)


_DIRECTIVE_RE = re.compile(r"\.\.[ \t]+[\w-]+::(?:[ \t]+\S+)?[ \t]*")
"""A reStructuredText directive on a line of its own with one word of argument at most (`.. include:: ../header.txt`,
`.. contents::`, `.. Note::`): markup that prints a table of contents, another file or an admonition's label, never
a sentence, so neither title nor text. An admonition written on its line (`.. note:: The policy is a stub.`) is."""
_ADORNMENT_RE = re.compile(r"([=\-`:'\"~^_*+#.])\1{2,}")
"""A line of one punctuation mark repeated, as reStructuredText draws a title's overline and underline."""
_REFERENCE_MARK_RE = re.compile(r"(?<=\w)_(?=\s|$)")
"""The underscore that makes the word before it a link (`Docutils_`): markup, not printed."""
_FIELD_LIST_RE = re.compile(r"^:(?=[A-Z][A-Za-z-]*:)", re.MULTILINE)
"""The colon that opens a reStructuredText field (`:Author: ...`): without it the list reads as a header's fields."""


_TARGET_RE = re.compile(r"(?:\.\.[ \t]+_[^:\n]+:|__[ \t]+\S)")
"""A reStructuredText hyperlink target, `.. _label: address` or the anonymous `__ address`."""


def _is_targets(text: str) -> bool:
    """Whether a unit is nothing but hyperlink targets (each line a target or its address indented under it).

    Docutils prints no target: each gives the address of a link the text above names (`Docutils_`), so read as a
    paragraph it was a list of addresses in the text, quoted as if the author had written it."""
    lines = text.splitlines()
    return all(_TARGET_RE.match(line) or (position and line[:1].isspace()) for position, line in enumerate(lines))


def _overlined_title(units: list[_Unit]) -> _Header | None:
    """The title of a reStructuredText document: the first unit after its opening directives, set between an
    overline and an underline of the same mark (`=====` / ` Docutils Project Policies ` / `=====`).

    Docutils prints that line as the document's title, and the directives above it (an include of the site's
    header) print nothing; read as a title, the first directive was."""
    position = 0
    while position < len(units) and _DIRECTIVE_RE.fullmatch(units[position].text):
        position += 1
    if position == len(units):
        return None
    lines = units[position].text.splitlines()
    if len(lines) != 3 or not _ADORNMENT_RE.fullmatch(lines[0]) or lines[0] != lines[2].strip():
        return None
    return _Header(0, position, _REFERENCE_MARK_RE.sub("", lines[1]).strip(), None, None)


def _named_only(authors: str) -> str:
    """An author field's names without a remark set after a semicolon in lower case, as a reStructuredText field
    list may qualify its author ("David Goodger; open to all Docutils developers"): a name opens in capitals, and
    the semicolon is docutils' own separator of authors."""
    parts = [part.strip() for part in authors.split(";")]
    return "; ".join(part for part in parts if not part[:1].islower())


def _header_fields(text: str) -> dict[str, str] | None:
    """The fields of a unit that is an RFC 822-style header, keyed in lower case, or None when it is not one.

    Every line is a `Field: value` line or a continuation of the one above (indented, as RFC 822 folds a long
    value), there are `_HEADER_FIELDS_MIN` fields or more, and one of them titles or dates the document. A PEP and
    a MultiMarkdown file open so ("PEP: 541", "Title: ...", "Author: ...", "Created: 12-Jan-2017"); read as text,
    it was a paragraph of labels that said what the document is but no sentence of it.
    """
    fields: dict[str, str] = {}
    label: str | None = None
    for line in text.splitlines():
        if label is not None and line[:1].isspace():
            fields[label] = f"{fields[label]} {line.strip()}".strip()
        elif field_line := _HEADER_FIELD_RE.fullmatch(line.strip()):
            label = field_line.group(1).lower()
            fields.setdefault(label, field_line.group(2) or "")
        else:
            return None
    if len(fields) < _HEADER_FIELDS_MIN or not fields.keys() & {"title", *_DATE_FIELDS}:
        return None
    return fields


def _fenced(units: list[_Unit]) -> list[_Unit]:
    """The units between a distributor's `*** START OF ... ***` and `*** END OF ... ***` lines, when it has them.

    Text archives (Project Gutenberg's is the best known) wrap the work in a header and a licence of
    their own and fence the work with such lines; what lies outside the fence is not the document. Nor is
    a unit at either edge inside the fence that the wrapper prints again outside it: the archive's credit
    to whoever transcribed the e-text stands just inside the start fence and again after the end fence.
    """
    starts = [
        i for i, unit in enumerate(units) if (fence := TEXT_FENCE_RE.fullmatch(unit.text)) and fence[1] == "START"
    ]
    if not starts:
        return units
    end = next(
        (
            i
            for i in range(starts[0] + 1, len(units))
            if (f := TEXT_FENCE_RE.fullmatch(units[i].text)) and f[1] == "END"
        ),
        None,
    )
    if end is None:
        return units
    if units[end - 1].text.lower().startswith(_FENCE_WORDS_RE.match(units[end].text)[1].lower()):
        end -= 1  # "End of the ... EBook of <title>" right above the fence announces it, in the fence's own words
    outside = {unit.text for unit in (*units[: starts[0]], *units[end:])}
    names = _archive_names(units[starts[0]].text, outside)
    start = starts[0] + 1
    while start < end and (units[start].text in outside or _names_archive(units[start].text, names)):
        start += 1  # the archive's word on its e-text ("Produced by ..."): printed again outside, or naming it
    while end > start and units[end - 1].text in outside:
        end -= 1
    return units[start:end]


_ARCHIVE_REPEATS = 10
"""A name the wrapper outside the fence prints this often is the archive's own: its licence names it throughout
(Project Gutenberg's licence, 85 times; the work's title, printed in the header and the closing line, 5 at most)."""
_NAME_WORD_MIN = 4
"""A word of a name, not a function word ("of the", "to the" recur in any licence)."""


def _archive_names(fence: str, outside: set[str]) -> set[str]:
    """The pairs of words of the start fence line that name the archive: those the wrapper outside the fence
    repeats throughout (`_ARCHIVE_REPEATS`). The fence names the archive and the work; only the archive's name
    runs through its licence."""
    words = [word.strip("*") for word in fence.casefold().split()]
    wrapper = " ".join(squash(text).casefold() for text in outside)
    pairs = {
        f"{first} {second}"
        for first, second in zip(words, words[1:], strict=False)
        if len(first) >= _NAME_WORD_MIN and len(second) >= _NAME_WORD_MIN
    }
    return {pair for pair in pairs if wrapper.count(pair) >= _ARCHIVE_REPEATS}


def _names_archive(text: str, names: set[str]) -> bool:
    """Whether a unit names the archive (`_archive_names`): opening the fenced text, such a unit is the archive's
    word on its e-text (who prepared it, where its other editions are), not the work's, which never names the
    archive that came to reprint it."""
    folded = squash(text).casefold()
    return any(name in folded for name in names)


def _is_contents(unit: _Unit) -> bool:
    """Whether a unit is table-of-contents entries: at least half its lines end with a dotted leader and a
    page number (an entry too long for one line wraps before its leader), and its last line with a number
    (whose leader a long entry may shorten to two dots)."""
    lines = [line.strip() for line in unit.text.splitlines()]
    leaders = sum(1 for line in lines if LEADER_RE.fullmatch(line))
    return leaders > 0 and 2 * leaders >= len(lines) and lines[-1][-1].isdigit()


def _without_contents(units: list[_Unit]) -> list[_Unit]:
    """The units less a table of contents and the heading right above it: the contents list the text's
    headings with page numbers, which are no sentences of the text and point to pages a plain file has not."""
    contents = {i for i, unit in enumerate(units) if _is_contents(unit)}
    titles = {i - 1 for i in contents if i > 0 and i - 1 not in contents and _is_heading(units[i - 1])}
    return [unit for i, unit in enumerate(units) if i not in contents | titles | _listed_contents(units)]


_CONTENTS_HEADING_RE = re.compile(r"(?:table of )?contents\W*", re.IGNORECASE)


def _entry_key(text: str) -> str:
    """An entry's words, in lower case, without punctuation: "EDITOR'S INTRODUCTION." is "Editor's Introduction"."""
    return " ".join(re.findall(r"[^\W_]+", text.lower()))


def _listed_contents(units: list[_Unit]) -> set[int]:
    """A contents list without page numbers (an e-book's, an unpaged RFC's) and its heading: a "Contents" heading,
    then short lines only, until one of them comes again: the text opening with its first heading, which the list
    named before. Each line is an entry, so a block of them (an RFC's section over its subsections, one block
    between blank lines) names each of its headings. A list whose entries never come again before a sentence is no
    contents list and stays."""
    found: set[int] = set()
    for start, unit in enumerate(units):
        if not _CONTENTS_HEADING_RE.fullmatch(unit.text.strip()):
            continue
        seen: set[str] = set()
        for end in range(start + 1, len(units)):
            lines = units[end].text.splitlines()
            if not all(
                len(line.strip()) <= _HEADING_MAX_CHARS and len(line.split()) <= _HEADING_MAX_WORDS for line in lines
            ):
                break
            if _entry_key(units[end].text) in seen:
                found.update(range(start, end))
                break
            seen.update(_entry_key(line) for line in lines)
    return found


_RECORD_LINE_RE = re.compile(r"[A-Z][\w.-]*(?: [\w.-]+){0,2}:[ \t]+\S*\d\S*")
"""A record's number under its label, a label of one to three words, a colon and one token with figures in it
("Citation Nr: A25084404", "Docket No.: 22-1234"), as a decision or a filing opens: a field, never a title."""


def _looks_like_title(text: str) -> bool:
    return (
        len(text) <= _LONG_LINE
        and not text.endswith((".", ",", ";"))
        and not _RECORD_LINE_RE.fullmatch(text)
        and not _is_navigation(text)
        and not _is_dateline(text)
        and not _is_byline(text)
    )


def _is_heading(unit: _Unit) -> bool:
    text = unit.text
    return (
        not unit.bullet
        and len(text) <= _HEADING_MAX_CHARS
        and len(text.split()) <= _HEADING_MAX_WORDS
        and text[0].isupper()
        and not text.endswith((".", "!", "?", ":", ";", ",", "”", '"', "’", ")", "]"))
        and not find_markers(text)
    )


@dataclass(frozen=True)
class _Chrome:
    """The lines a file repeats outside its headers; with navigation, what is the page's and not an author's."""

    repeated: frozenset[str]
    paged: frozenset[str] = frozenset()
    """Page footers and running heads: one line in two columns, printed again and again with another number."""

    @classmethod
    def of(cls, units: list[_Unit], headers: list[_Header]) -> _Chrome:
        """Lines that recur `REPEATS_FOR_FURNITURE` times: in as many entries of a listing, or, if short, anywhere.

        A listing prints its furniture once per entry, whatever its length (a disclaimer). In one
        article only a short line that is not a sentence counts ("Share this page"): a
        recommendation an author repeats is still the author's. Headers (a listing's repeated
        bylines), datelines and notes are never furniture.
        """
        in_headers = {i for h in headers for i in range(h.first, h.last + 1)}
        starts = [h.first for h in headers]
        entries: dict[str, set[int]] = {}
        counts: Counter[str] = Counter()
        entry = -1
        for i, unit in enumerate(units):
            while entry + 1 < len(starts) and starts[entry + 1] <= i:
                entry += 1
            if i in in_headers or _is_dateline(unit.text) or DEFINITION_RE.match(unit.text):
                continue
            counts[unit.text] += 1
            entries.setdefault(unit.text, set()).add(entry)
        listing = len(headers) > 1
        paged = Counter(_page_key(line) for line, count in counts.items() if _is_page_line(line) for _ in range(count))
        return cls(
            frozenset(
                line
                for line, count in counts.items()
                if (listing and len(entries[line]) >= REPEATS_FOR_FURNITURE)
                or (count >= REPEATS_FOR_FURNITURE and _is_label(line))
            ),
            frozenset(key for key, count in paged.items() if count >= REPEATS_FOR_FURNITURE),
        )

    def repeats(self, text: str) -> bool:
        """Whether `text` is one of the repeated lines, or one reworded."""
        return text in self.repeated or any(
            abs(len(text) - len(line)) <= len(line) * (1 - NEAR_REPEAT_RATIO)
            and _similarity(text, line) >= NEAR_REPEAT_RATIO
            for line in self.repeated
        )

    def __contains__(self, text: str) -> bool:
        return (
            _is_navigation(text)
            or any(pattern.fullmatch(text) for pattern in _PAGE_BREAK_RES)
            or self.repeats(text)
            or (_is_page_line(text) and _page_key(text) in self.paged)
        )


_DIGITS_RE = re.compile(r"\d+")


def _is_page_line(text: str) -> bool:
    """A line a printed page sets in its margin: short, in two columns ("Smith    [Page 4]"), with a number."""
    return "\n" not in text and _is_label(text) and bool(_COLUMN_GAP_RE.search(text)) and bool(_DIGITS_RE.search(text))


def _page_key(text: str) -> str:
    """The line with its numbers blanked: every page's footer is the same line but for its page number."""
    return _DIGITS_RE.sub("#", text)


def _is_label(text: str) -> bool:
    """A short line that is not a sentence: a link, a button, a label."""
    return len(text) <= _HEADING_MAX_CHARS and not text.endswith((".", "!", "?", ":", '"', "”"))


def _similarity(a: str, b: str) -> float:
    """difflib's ratio, after its cheap upper bounds rule most pairs out."""
    matcher = SequenceMatcher(None, a, b, autojunk=False)
    if matcher.real_quick_ratio() < NEAR_REPEAT_RATIO or matcher.quick_ratio() < NEAR_REPEAT_RATIO:
        return 0.0
    return matcher.ratio()


_PAGE_NUMBER_RE = re.compile(r"\d{1,4}")
"""A page's number alone on its line, as a page prints it at its foot or top and pdftotext extracts it."""
_PAGES_MIN = 3
"""Pages a file must show by its furniture before its lines are read as pages: two could be a coincidence."""
_NOTE_END_RE = re.compile(r"[.!?…][\"'”’)\]]*$|[\"'”’)\]]$")
"""How a finished note ends: a sentence's end, or a closing quote or bracket. A note ending otherwise ("(9th")
runs on at the foot of the next page."""

_CLOSING = r"[)\]”’\"']"
_MARK = rf"(?:[.,;:!?]|{_CLOSING})"


def _glued_marker(number: int) -> re.Pattern[str]:
    """A note's number glued to the word before it ("decision.1 The", "elements).3"), as plain text extracted
    from a page prints a superscript marker: right after a letter, or after a punctuation mark that follows a
    letter or a closing bracket, and before a space or the line's end. A digit before the mark ("3.5") makes a
    decimal, not a marker."""
    return re.compile(rf"(?:(?<=[^\W\d_])|(?<=[^\W\d_]{_MARK})|(?<={_CLOSING}{_MARK})){number}(?=\s|$)")


@dataclass(frozen=True)
class _Paged:
    """A file laid out in pages, read page by page: its text, each note read at a page's foot and each marker."""

    pages: list[list[_Unit]]
    """Each page's units, its running head, page number and notes taken out."""
    notes: dict[int, str]
    markers: dict[int, tuple[int, int]]
    """Where each note's marker stands: its unit's start and the marker's offset in that unit (a unit may hold
    several)."""


def _page_starts(text: str, units: list[_Unit]) -> list[int]:
    """The index of each unit that opens a page, the file's first unit included; one page if none is shown.

    pdftotext ends a page with a form feed. Text saved without them still shows its pages by their furniture:
    the page's number alone on a line, then a line the file prints at the top of page after page (the running
    head). That pair, seen `_PAGES_MIN` times, parts pages; a line repeated anywhere else, or a number alone
    followed by anything else (a list's item, a table's cell), parts nothing.
    """
    feeds = [i for i in range(1, len(units)) if "\f" in text[units[i - 1].end : units[i].start]]
    if len(feeds) + 1 >= _PAGES_MIN:
        return [0, *feeds]
    heads = Counter(
        _page_key(units[i].text) for i in range(1, len(units)) if _PAGE_NUMBER_RE.fullmatch(units[i - 1].text)
    )
    starts = [
        i
        for i in range(1, len(units))
        if _PAGE_NUMBER_RE.fullmatch(units[i - 1].text)
        and heads[_page_key(units[i].text)] + 1 >= _PAGES_MIN
        and _is_label(units[i].text)
    ]
    return [0, *starts] if len(starts) + 1 >= _PAGES_MIN else [0]


def _unfurnished_pages(text: str, units: list[_Unit]) -> list[list[_Unit]] | None:
    """The file's pages without their running heads and page numbers, or None for a file not shown in pages.

    A running head is a page's first line, printed (its numbers aside) at the top of `_PAGES_MIN` pages or more
    (in a file of `_PAGES_MIN` pages, of every page but the first: a first page may print its title instead); a page
    number is a number alone on a page's first or last line (under the head, if the number is printed there).
    Neither is the author's text, and a running head is never the title: it is printed on every page.
    """
    starts = _page_starts(text, units)
    if len(starts) < _PAGES_MIN:
        return None
    pages = [units[start:end] for start, end in zip(starts, [*starts[1:], len(units)], strict=True)]
    tops = Counter(_page_key(page[0].text) for page in pages if _is_label(page[0].text))
    unfurnished: list[list[_Unit]] = []
    for page in pages:
        if page and tops[_page_key(page[0].text)] >= min(_PAGES_MIN, len(pages) - 1):
            page = page[1:]
        if page and _PAGE_NUMBER_RE.fullmatch(page[-1].text):
            page = page[:-1]
        if page and _PAGE_NUMBER_RE.fullmatch(page[0].text):
            page = page[1:]
        unfurnished.append(page)
    return unfurnished


def _paged(text: str, units: list[_Unit]) -> _Paged | None:
    """A file shown in pages (`_unfurnished_pages`) with its notes read at each page's foot, or None.

    A page's notes stand after its body, each opening with its number and a space ("1 The Board heard ..."), in
    the order of the markers: the note numbered next after the last one read, only where its marker stands
    glued to a word in the page's body above it (`_glued_marker`). A line under a note that opens no next note
    is that note's own (a quoted statute, a second paragraph), even one starting with a number ("18 Pa. Stat.").
    A note ending mid-sentence runs on at the foot of the next page: there the last line before that page's own
    notes is its remainder. None too when no note is found: the file's lines stay as the plain-text reading has
    them, furniture aside.
    """
    pages = _unfurnished_pages(text, units)
    if pages is None:
        return None
    notes: dict[int, list[_Unit]] = {}
    markers: dict[int, tuple[int, int]] = {}
    bodies: list[list[_Unit]] = []
    for page in pages:
        last = notes.get(len(notes))
        carried = last if last and not _NOTE_END_RE.search(last[-1].text) else None
        foot: int | None = None
        after = (0, 0)  # the unit and offset after which the next marker is looked for: markers come in order
        for position in range(1, len(page)):
            number = len(notes) + 1
            opens = _NUMBERED_NOTE_RE.match(page[position].text)
            found = None
            if opens and int(opens.group(1)) == number:
                found = _marker_in(page[: position if foot is None else foot], number, after)
            if found is not None:
                foot = position if foot is None else foot
                after = found
                markers[number] = (page[found[0]].start, found[1])
                notes[number] = [page[position]]
            elif foot is not None:
                notes[len(notes)].append(page[position])
        end = len(page) if foot is None else foot
        if carried is not None and end > 1:
            end -= 1
            carried.append(page[end])
        bodies.append(page[:end])
    if not notes:
        return None
    return _Paged(
        bodies,
        {number: _foot_note_text(lines) for number, lines in notes.items()},
        markers,
    )


def _marker_in(units: list[_Unit], number: int, after: tuple[int, int]) -> tuple[int, int] | None:
    """The first glued marker of note `number` in `units` after the unit and offset `after`: its unit's index
    and its offset there, or None."""
    pattern = _glued_marker(number)
    for index in range(after[0], len(units)):
        found = pattern.search(units[index].text, after[1] if index == after[0] else 0)
        if found is not None:
            return index, found.start()
    return None


def _foot_note_text(lines: list[_Unit]) -> str:
    """A note's words, its number cut off, with the lines under it that are its own."""
    return "\n".join([_note_text(lines[0].text), *(line.text for line in lines[1:])])


@dataclass
class _Draft:
    header: _Header | None
    units: list[_Unit] = field(default_factory=list)
    footnotes: dict[int, str] = field(default_factory=dict)


def _split_body(units: list[_Unit], header: _Header | None, listing: bool, chrome: _Chrome) -> list[_Draft]:
    """An entry's body, its endnotes, and any untitled entries that trail it on a listing page.

    The body ends at the endnote block (a separator line, a notes heading, or a final run of `[n]`
    notes), or, on a listing page, at a repeated line after its text: the line that closes every
    entry (a disclaimer). On a listing page an entry with neither is a one-paragraph summary: the
    paragraphs after it lost their own headings when the page was saved, so each becomes an
    untitled entry instead of being credited to this one. What follows the notes (thanks, a
    copyright line) is neither body nor a note, unless the notes are a numbered section ("17
    References") and a numbered section follows them: then the text goes on there (an RFC's
    appendices after its references).
    """
    drafts = [_Draft(header)]
    closes = listing and _ends_with_notes_or_closing_line(units, chrome)
    in_notes = False
    numbered = False
    """Whether the notes block is a numbered section, which the next numbered heading ends."""
    closed = False
    note: int | None = None
    unclosed: int | None = None
    """A labelled note whose closing bracket is still to come: the paragraphs until it, or until the next labelled
    note, are the note's."""
    cited: set[int] = set()
    """The numbers the body read so far cites with a marker glued to its word: see `_cites_ahead`."""
    for position, unit in enumerate(units):
        text = unit.text
        if unclosed is not None and not _LABELLED_NOTE_RE.match(text):
            drafts[0].footnotes[unclosed] += "\n\n" + text.removesuffix("]").rstrip()
            unclosed = None if _closes_a_bracket(text) and not _closed_again(units, position) else unclosed
            continue
        unclosed = None  # the next labelled note ends one whose closing bracket the transcriber left out
        if closed:
            if text not in chrome:
                drafts.append(_Draft(None, [unit]))
            continue
        if in_notes and numbered and _is_numbered_heading(unit) and not _is_notes_heading(text):
            in_notes = numbered = False
        number = _note_number(text, note) if in_notes and text not in chrome else None
        if number is None and DEFINITION_RE.fullmatch(text) and _only_notes_follow(units[position:], chrome):
            number = _note_number(text, None)
        if _SEPARATOR_RE.fullmatch(text) or (_is_notes_heading(text) and _opens_notes(units, position + 1)):
            in_notes, note, numbered = True, None, _SECTION_NUMBER_RE.match(text) is not None
        elif number is not None:
            in_notes, note = True, number
            drafts[0].footnotes.setdefault(number, _note_text(text))
        elif (cited_note := _cites_ahead(text, cited, drafts[0].footnotes)) is not None:
            drafts[0].footnotes[cited_note] = _note_text(text)
        elif (explicit := _explicit_note(text, drafts[0].footnotes)) is not None:
            drafts[0].footnotes[explicit] = _note_text(text)
        elif labelled := _LABELLED_NOTE_RE.match(text):
            if int(labelled.group(1)) not in drafts[0].footnotes:
                drafts[0].footnotes[int(labelled.group(1))] = _note_text(text)
                closed_here = text.endswith("]") and not _closed_again(units, position)
                unclosed = None if closed_here else int(labelled.group(1))
        elif listing and chrome.repeats(text) and (drafts[0].units or drafts[0].footnotes):
            closed = True
        elif in_notes or text in chrome:
            continue
        elif listing and not closes and drafts[-1].units:
            drafts.append(_Draft(None, [unit]))
        else:
            drafts[-1].units.append(unit)
            cited |= _glued_markers(text)
    return drafts


def _glued_markers(text: str) -> set[int]:
    """The numbers of the markers set right after a word or its punctuation ("rhythm.[01]", "Pythagoras[05]"), as
    a note is cited; a bracketed number after a space ("shown as [01] through [15]") may be the number itself."""
    return {marker.number for marker in find_markers(text) if marker.start and not text[marker.start - 1].isspace()}


def _cites_ahead(text: str, cited: set[int], defined: Mapping[int, str]) -> int | None:
    """The number of the note a `[n] text` unit is, set in the middle of the text after the paragraphs citing it.

    An e-text may gather a chapter's notes at the chapter's end, under no heading or rule, and go on with the next
    chapter (Project Gutenberg's transcribers write them `[01] text`). Such a unit is a note when the text above
    cites its number with a glued marker and no note of that number came before; a bracketed list item whose
    number nothing cites, or a number already defined, stays text.
    """
    definition = DEFINITION_RE.fullmatch(text)
    if definition is None or (number := int(definition.group(1))) not in cited or number in defined:
        return None
    return number


def _explicit_note(text: str, defined: Mapping[int, str]) -> int | None:
    """The number of a reStructuredText note, `.. [n] text`, set among the paragraphs it is cited from.

    Docutils' manuals define each note right under the paragraph that cites it (or indented under a table), not
    under a notes heading; the `..` that opens it is markup, which no sentence of prose opens with, so it is a note
    wherever it stands. A number already defined stays text (docutils reports a duplicate)."""
    definition = _EXPLICIT_NOTE_RE.match(text)
    if definition is None or (number := int(definition.group(1))) in defined:
        return None
    return number


def _closes_a_bracket(text: str) -> bool:
    """Whether a unit ends with a closing bracket that nothing in it opened."""
    return text.endswith("]") and text.count("]") > text.count("[")


def _closed_again(units: list[_Unit], position: int) -> bool:
    """Whether the labelled note at `position`, closed on its own line, is closed once more further on.

    A transcriber who brackets a note of several paragraphs may close its first paragraph as well as its last
    (`[Footnote 24: ... alluded to.]`, two paragraphs, then `... of each other.]`): the later bracket opens
    nowhere, so the paragraphs up to it are the note's, not the text's. Looked for only until a heading, the
    next labelled note or a bracket opened, where the brackets of the text take over again.
    """
    for unit in units[position + 1 :]:
        text = unit.text
        if _LABELLED_NOTE_RE.match(text) or _is_heading(unit) or text.count("[") > text.count("]"):
            return False
        if _closes_a_bracket(text):
            return True
    return False


def _opens_notes(units: list[_Unit], position: int) -> bool:
    """Whether a note starts at `position`: what makes a "Notes" line a notes heading and not a section."""
    return position < len(units) and _note_number(units[position].text, None) is not None


def _ends_with_notes_or_closing_line(units: list[_Unit], chrome: _Chrome) -> bool:
    """Whether an entry's own text ends before its last unit: at a notes block, or at a repeated closing line."""
    text_seen = False
    for position, unit in enumerate(units):
        if _SEPARATOR_RE.fullmatch(unit.text) or (_is_notes_heading(unit.text) and _opens_notes(units, position + 1)):
            return True
        if chrome.repeats(unit.text) and text_seen:
            return True
        text_seen = text_seen or unit.text not in chrome
    return False


def _only_notes_follow(rest: list[_Unit], chrome: _Chrome) -> bool:
    """Whether `rest` is an endnote block with no separator line above it (chrome may follow)."""
    return all(DEFINITION_RE.fullmatch(u.text) or u.text in chrome for u in rest)


_FIELD_RE = re.compile(r"[A-Z][A-Z .,'’&-]*[A-Z]:\s+\S")
"""A line that gives a field under a label in capitals ("FOR RESPONDENT: Timothy R. Block, Esquire")."""


_VALUE_LINE_RE = re.compile(r"[A-Z][\w-]*:[ \t]+(?=\S*[\d/@.:])\S+")
"""A field's line whose value is one token of figures or punctuation: an address, a time, a key's id."""
_RULE_LINE_RE = re.compile(r"[A-Za-z][\w-]*[ \t]+=[ \t]+\S.*")
"""A grammar's rule on a line of its own: a name, then `=` set apart by spaces, then its definition (ABNF's
"CRLF = CR LF", "DIGIT = %x30-39")."""


def _body_indent(units: list[_Unit]) -> int | None:
    """How far the text stands in from the margin when its headings stand out at the margin, None otherwise.

    An RFC (and a memo set the same way) indents every paragraph, example and address block by the same few
    spaces and sets only its section headings ("2.5.3.  Contact", "Authors' Addresses") at the margin: the most
    common indentation is the text's, and some units stand less indented. Then a short line indented as the text is
    no heading, however it reads: an example line ("Preferred-Languages: en, es, fr"), an item of a numbered list
    ("5.  Change controller"), a grammar's rule, a name over an address. A file set flush left, or with every unit
    at one indentation, tells nothing so."""
    indents = Counter(unit.indent for unit in units if unit.text)
    if not indents:
        return None
    body = indents.most_common(1)[0][0]
    return body if body > 0 and any(indent < body for indent in indents) else None


def _is_outdented_section(unit: _Unit) -> bool:
    """Whether a unit at the margin of a text whose headings stand out there (`_body_indent`) is a numbered section's
    heading: one short line opening with a section's number. Its words need not read as a heading's: "3.2.2 http
    URL" names a scheme in lower case, "10.3.7 306 (Unused)" a status code and a remark."""
    return (
        _SECTION_NUMBER_RE.match(unit.text) is not None
        and "\n" not in unit.text
        and len(unit.text) <= _HEADING_MAX_CHARS
    )


def _kind(units: list[_Unit], position: int, body_indent: int | None) -> ParagraphKind:
    """What the unit at `position` is: a heading (with something under it), a list's item or text.

    A labelled line above another ("FOR RESPONDENT: ..." over "FOR THE DEPARTMENT OF HOMELAND SECURITY: ...") is one
    of a list of fields, as a decision lists its counsel, not a heading over the text below it. So is a line naming a
    field and giving it a value that is no word (`_VALUE_LINE_RE`: "Policy: https://example.com/policy.html",
    "Expires: 2021-12-31T18:37:07z"), as a specification shows an example line of the format it defines, and a
    grammar's rule (`_RULE_LINE_RE`): a heading titles what follows in words. Where the headings stand out at the
    margin (`_body_indent`), a unit indented as the text is text, and a numbered line at the margin a heading
    (`_is_outdented_section`)."""
    unit = units[position]
    if body_indent is not None and unit.indent >= body_indent:
        return "bullet" if unit.bullet else "text"
    if body_indent is not None and position + 1 < len(units) and _is_outdented_section(unit):
        return "heading"
    following = units[position + 1] if position + 1 < len(units) else None
    fields = following is not None and _FIELD_RE.match(unit.text) and _FIELD_RE.match(following.text)
    fields = fields or _VALUE_LINE_RE.fullmatch(unit.text) or _RULE_LINE_RE.fullmatch(unit.text)
    if following is not None and not fields and (_is_heading(unit) or _is_section_heading(units, position)):
        return "heading"
    return "bullet" if unit.bullet else "text"


_KEY_ENTRY_RE = re.compile(rf"^[ \t]*(\[){NOTE_NUMBER}\][ \t]*=", re.MULTILINE)
"""A key's entry: a bracketed number opening its line, then `=` and what it stands for (a transcriber's legend of
the symbols an e-text writes for music notes, `[1]  = Whole-note`, `[8]  = Eighth-note`)."""


def _key_entries(text: str) -> tuple[int, ...]:
    """Where each bracketed number a key defines (`_KEY_ENTRY_RE`) starts: words, not note markers
    (`Paragraph.literal`). A marker follows the words it annotates and cites a note; a key's entry opens its line and
    is the symbol the `=` explains, so it cites nothing, even where the document defines a note of that number."""
    return tuple(entry.start(1) for entry in _KEY_ENTRY_RE.finditer(text))


_PAGE_REFERENCE = r"\[?\d{1,4}\]?"
_INDEX_ENTRY_RE = re.compile(rf"[ \t]*[^\d\s].*?[ \t]({_PAGE_REFERENCE}(?:,[ \t]*{_PAGE_REFERENCE})*)\.?[ \t]*")
"""A book index's entry: words, then the pages they stand on, one or several set apart by commas ("Bagpipes, 5, 44",
"Bells (church) 55, 57"), a page perhaps in brackets ("Banjo, [20]")."""
_INDEX_LINES = 3
"""Lines, each an index entry, that make a block an index's: fewer may be a sentence that ends with a year."""
_BRACKETED_PAGE_RE = re.compile(r"\[\d{1,4}\]")


def _index_pages(text: str) -> tuple[int, ...]:
    """Where each bracketed page number of a book index's block starts: words, not note markers (`Paragraph.literal`).

    A transcriber brackets the page numbers an index lists where the original's are missing or doubtful ("Banjo,
    [20]"); read as markers they cited notes 20 and 26 the book's notes never define. An index's block is lines that
    are all entries (`_INDEX_ENTRY_RE`), at least `_INDEX_LINES` of them; a marker glued to the words it annotates
    ("Battle-bridge[13]") ends no entry.
    """
    lines = [(line.start(), line.group()) for line in re.finditer(r"[^\r\n]+", text)]
    entries = [(start, _INDEX_ENTRY_RE.fullmatch(line)) for start, line in lines]
    if len(entries) < _INDEX_LINES or not all(found for _, found in entries):
        return ()
    return tuple(
        start + found.start(1) + page.start()
        for start, found in entries
        if found is not None
        for page in _BRACKETED_PAGE_RE.finditer(found.group(1))
    )


@dataclass(frozen=True)
class _Signature:
    """The signature block under a text: its units' starts, and its signer as the block names them."""

    starts: frozenset[int]
    signer: str
    """The name and the office signed in, as one line ("M. HYLAND, Veterans Law Judge")."""


def _signature(units: list[_Unit]) -> _Signature | None:
    """The signature block closing a text, or None.

    A decision, a directive or a letter is signed under its last paragraph in short lines of their own: the signer's
    name (`personal_names`), then the office signed in (`signer_office`: "M. HYLAND" over "Veterans Law Judge"),
    then any short lines down to the next sentence (the body signed for, a clerk's line). No heading follows it, a
    closing notice in sentences may: a name over an office with sections after it is a list of staff. Its lines are
    the text's last words, not headings over what follows, and its name and office say who wrote it.
    """
    for position in range(len(units) - 2, 0, -1):
        name, office = units[position], units[position + 1]
        if (
            "\n" not in name.text
            and "\n" not in office.text
            and personal_names(name.text)
            and not signer_office(name.text)
            and signer_office(office.text)
            and not _is_heading(units[position - 1])
        ):
            end = position + 2
            while end < len(units) and "\n" not in units[end].text and _is_label(units[end].text):
                end += 1
            if any(_is_heading(unit) for unit in units[end:]):
                return None
            signer = f"{squash(name.text)}, {squash(office.text)}"
            return _Signature(frozenset(unit.start for unit in units[position:end]), signer)
    return None


def _paragraphs(units: list[_Unit], rows: frozenset[int]) -> tuple[Paragraph, ...]:
    """The units as paragraphs under their headings. A table's row (`rows`: where one starts) is text: a header row of
    a few capitalised words ("Release Level  Version Identifier") read as a heading, titling the rows under it."""
    paragraphs: list[Paragraph] = []
    section: str | None = None
    body_indent = _body_indent(units)
    for position, unit in enumerate(units):
        kind = "text" if unit.start in rows else _kind(units, position, body_indent)
        if kind == "heading":
            section = unit.text
        paragraphs.append(
            Paragraph(
                len(paragraphs) + 1,
                unit.text,
                unit.start,
                kind,
                None if kind == "heading" else section,
                literal=_key_entries(unit.text) + _index_pages(unit.text),
            )
        )
    return tuple(paragraphs)


def parse_text(text: str, source: str, rows: frozenset[int] = frozenset()) -> list[Article]:
    """Parse one file's text into its articles, in page order; `rows` are where a table's rows start (`_paragraphs`).

    An e-mail's header block is never text: a saved e-mail's (the file's first block) gives the first article's
    title, author and date; one quoted further on is dropped (`qa.formats.email_header`).
    """
    units = _units(text)
    mail = email_header(units[0].text.splitlines()) if units else None
    units = _without_contents([unit for unit in units if email_header(unit.text.splitlines()) is None])
    pages = _unfurnished_pages(text, units)
    units = [unit for page in pages for unit in page] if pages is not None else units
    headers = _find_headers(units)
    listing = len(headers) > 1
    if not headers:
        single, body = _single_article(text, units)
        headers = [single] if single else []
        segments = [(single, body)]
    else:
        bounds = [h.first for h in headers[1:]] + [len(units)]
        segments = [(h, units[h.last + 1 : end]) for h, end in zip(headers, bounds, strict=True)]
    chrome = _Chrome.of(units, headers)
    stem = slugify(Path(source).stem)
    articles: list[Article] = []
    for header, body in segments:
        for draft in _split_body(body, header, listing, chrome):
            if draft.header is None and not draft.units:
                continue
            head = draft.header
            signed = None if listing else _signature(draft.units)
            articles.append(
                Article(
                    id=f"{stem}-{len(articles) + 1}",
                    title=head.title if head else None,
                    author=(head.author if head else None) or (signed.signer if signed else None),
                    date=head.date if head else None,
                    source=source,
                    paragraphs=_paragraphs(draft.units, rows | signed.starts if signed else rows),
                    footnotes=draft.footnotes,
                )
            )
    if mail is not None and articles:
        first = articles[0]
        articles[0] = replace(
            first,
            title=mail.subject or first.title,
            author=mail.sender or first.author,
            date=mail.date or first.date,
        )
    return articles


def _parse_paged(text: str, source: str) -> Parsed | None:
    """A file shown in pages whose notes stand at the page feet (`_paged`), as one article, or None.

    Its markers are glued to the words before them ("decision.1"), which reads as a number of the text: the
    article is laid out anew (`assemble`), each marker written `[n]` and the notes below the text, so that a
    marker resolves to its note and a quote holds no page furniture. A paragraph a page breaks is laid out whole
    (`_across_pages`): the page's notes and furniture stand between its halves in the file, not in its sentence.
    """
    units = _without_contents(_units(text))
    paged = _paged(text, units)
    if paged is None:
        return None
    header, body = _single_article(text, [unit for page in paged.pages for unit in page])
    (draft,) = _split_body(body, header, False, _Chrome.of(body, []))
    page_of = {unit.start: number for number, page in enumerate(paged.pages, 1) for unit in page}
    marked: dict[int, list[tuple[int, int]]] = {}
    for number, (start, offset) in paged.markers.items():
        marked.setdefault(start, []).append((offset, number))
    blocks = []
    body_indent = _body_indent(draft.units)
    signed = _signature(draft.units)
    for position, unit in enumerate(draft.units):
        words = unit.text
        for offset, number in sorted(marked.get(unit.start, []), reverse=True):
            words = f"{words[:offset]}[{number}]{words[offset + len(str(number)) :]}"
        kind = "text" if signed and unit.start in signed.starts else _kind(draft.units, position, body_indent)
        blocks.append(Block(words, kind, page_of[unit.start]))
    return assemble(
        Extracted(
            _across_pages(blocks),
            draft.footnotes | paged.notes,
            header.title if header else None,
            (header.author if header else None) or (signed.signer if signed else None),
            header.date if header else None,
        ),
        source,
    )


_PARAGRAPH_END_RE = re.compile(rf"[.!?:…][\"'”’)\]]*(?:\[{NOTE_NUMBER}\])*$")
"""How a paragraph's last line ends when the paragraph ends there: a sentence's end (or a colon before a quoted
block or a list), with its closing quotes, brackets and note markers."""


def _across_pages(blocks: list[Block]) -> list[Block]:
    """The blocks with each paragraph a page breaks made whole again, on the page where it starts.

    A file saved one line per paragraph from printed pages ends a page's last paragraph where the page ends and
    goes on at the next page's top, below the page's notes and furniture. The two text blocks either side of a
    page break are one paragraph when the first does not end a sentence or the second goes on in lower case
    ("... the jury must find" / "beyond a reasonable doubt ..."), as the PDF parser reads a page break; a heading
    on either side is a break of its own.
    """
    joined: list[Block] = []
    last_page: int | None = None
    """The page the last joined block ends on: a paragraph may fill a page and go on at the top of a third."""
    for block in blocks:
        previous = joined[-1] if joined else None
        if (
            previous is not None
            and last_page is not None
            and block.page == last_page + 1
            and previous.kind == block.kind == "text"
            and (_PARAGRAPH_END_RE.search(previous.text) is None or block.text[:1].islower())
        ):
            joined[-1] = replace(previous, text=f"{previous.text} {block.text}")
        else:
            joined.append(block)
        last_page = block.page
    return joined


_AUTONUMBERED_NOTE_RE = re.compile(r"^([ \t]*\.\.[ \t]+)\[#([\w.:+-]*)\]", re.MULTILINE)
"""A reStructuredText note docutils numbers itself, `.. [#] text` or `.. [#label] text` (Docutils' own manuals)."""
_AUTONUMBERED_CITATION_RE = re.compile(r"\[#([\w.:+-]*)\]_")
"""A citation of such a note, `[#]_` (the next anonymous note) or `[#label]_` (the note of that label)."""
_NUMBERED_DEFINITION_RE = re.compile(rf"^[ \t]*\.\.[ \t]+\[({NOTE_NUMBER})\]", re.MULTILINE)


def _autonumbered_notes(text: str) -> str:
    """The text with its reStructuredText auto-numbered notes numbered as docutils prints them, `[#bcs]_` -> `[1]_`.

    A label is no number: left as written, no marker would cite its note and no note would be read. Docutils gives
    the numbers in the order the notes are defined, skipping those hand-numbered notes (`.. [3]`) hold; an anonymous
    citation `[#]_` cites the anonymous notes in turn, a labelled one its label's note. A citation with no such note
    stays as written (docutils reports it as an error and prints it so)."""
    definitions = list(_AUTONUMBERED_NOTE_RE.finditer(text))
    if not definitions:
        return text
    taken = {int(number) for number in _NUMBERED_DEFINITION_RE.findall(text)}
    free = (number for number in range(1, len(text)) if number not in taken)
    numbers = [next(free) for _ in definitions]
    labelled = {d.group(2): n for d, n in zip(definitions, numbers, strict=True) if d.group(2)}
    anonymous = iter([n for d, n in zip(definitions, numbers, strict=True) if not d.group(2)])

    def cited(match: re.Match[str]) -> str:
        number = labelled.get(match.group(1)) if match.group(1) else next(anonymous, None)
        return match.group(0) if number is None else f"[{number}]_"

    defined = iter(numbers)
    text = _AUTONUMBERED_CITATION_RE.sub(cited, text)
    return _AUTONUMBERED_NOTE_RE.sub(lambda match: f"{match.group(1)}[{next(defined)}]", text)


_EXPLICIT_MARKUP_RE = re.compile(r"[ \t]*\.\.(?:[ \t\f\v]+|\r?$)")
"""A line opening a reStructuredText explicit markup block: two full stops and white space or the line's end (an
ellipsis `...` or an adornment `.....` is none)."""
_PRINTED_MARKUP_RE = re.compile(r"[ \t]*\.\.[ \t\f\v]+(?:[\[_]|[\w.:+-]*\w[ \t]*::(?:\s|$))")
"""An explicit markup block that is no comment and none of a substitution's definitions (`.. |name| image::`): a note
or citation (`.. [1]`, `.. [#label]`, `.. [*]`), a hyperlink target (`.. _label:`) or a directive (`.. note::`)."""
_NOTE_DEFINITION_RE = re.compile(r"^[ \t]*\.\.[ \t]+\[[\w#*.:+-]*\](?:[ \t]|$)", re.MULTILINE)
"""A reStructuredText note or citation, `.. [1] text`, `.. [#label] text`, `.. [CIT2002] text`."""
_RST_MARKUP_RE = re.compile(
    rf"{_NOTE_DEFINITION_RE.pattern}|^[ \t]*\.\.[ \t]+(?:_[^:\n]+:|(?:\|[^|\n]+\|[ \t]+)?[\w.:+-]*\w::)", re.MULTILINE
)
"""A line no plain text opens so and every reStructuredText file has one of: a note, a hyperlink target, a directive
or a substitution's definition (`.. |logo| image::`)."""
_CITATION_MARK_RE = re.compile(r"(?<=\])_(?!\w)")
"""The underscore that makes a bracketed label a citation of its note (`[1]_`, `[#label]_`): markup, not printed.
Dropped in a file defining notes (`_NOTE_DEFINITION_RE`), as the judge reads it (`eval.reference`)."""
_LITERAL_MARK = "::"
"""How a reStructuredText paragraph ends when an indented literal block follows it."""
_LITERAL_OPENER_RE = re.compile(r"(?:(?<=\S)(?P<word>)|[ \t]*)::(?=[ \t\r]*\Z)")
"""A paragraph's closing `::`, which docutils prints as ":" after a word and not at all after white space."""


def _indent(line: str) -> int:
    return len(line) - len(line.lstrip())


_PROSE_DIRECTIVE_RE = re.compile(r"[ \t]*\.\.[ \t]+(?P<name>[\w-]+)::(?:[ \t]+|(?=[ \t\r]*$))")
"""A directive's opening, `.. note::`, whose name may be an admonition's or a box's (`PROSE_DIRECTIVES`)."""


_CLASSED_DIRECTIVES = frozenset({"container", "div"})
"""Boxes whose directive's argument names their classes (`.. container:: framed`), which docutils does not print."""


def _prose_directive(line: str) -> re.Match[str] | None:
    """The opening of an admonition or a box around text (`.. note::`, `.. topic:: Title`), whose words docutils
    prints as the document's, or None: any other directive's block is a listing, a path or settings."""
    found = _PROSE_DIRECTIVE_RE.match(line)
    return found if found is not None and found["name"].lower() in PROSE_DIRECTIVES else None


def _literal_blocks(lines: list[str]) -> frozenset[int]:
    """The lines of every literal block: the indented lines (blank ones among them) under a line ending `::`, but
    for an admonition's own (`.. Note::`, `_prose_directive`), whose indented lines are its text.

    Docutils prints a literal block as written, so what reads as markup in it (`.. comment`, a table's `=====`) is
    an example the text shows, to be read as it stands."""
    inside: set[int] = set()
    literal: int | None = None
    """The indent of the line a literal block stands under: lines indented deeper, and blank ones, are its own."""
    for position, line in enumerate(lines):
        if literal is not None and (not line.strip() or _indent(line) > literal):
            inside.add(position)
            continue
        opens = line.rstrip().endswith(_LITERAL_MARK) and _prose_directive(line) is None
        literal = _indent(line) if opens else None
    return frozenset(inside)


def _without_comments(lines: list[str], literal: frozenset[int]) -> list[str]:
    """The lines with each reStructuredText comment and substitution definition left blank: a `..` line whose text
    is no note, target or directive (`_PRINTED_MARKUP_RE`), and the block indented under it, blank lines within
    included. A substitution's definition (`.. |logo| image:: logo.png`) prints where the text uses its name
    (`qa.formats.rst_inline.substitutions`), not where it stands.

    Docutils prints no comment: it holds the author's asides ("TODO: ..."), a section taken out of the text and an
    editor's settings (Emacs' `Local Variables:` block at a manual's end), which were read as paragraphs and quoted.
    A `..` alone on its line with a blank line under it is an empty comment and holds nothing below it. A `..` in a
    literal block (`literal`, `_literal_blocks`) is an example. Each comment line is kept as a blank one (its line
    end kept), so the paragraphs either side stay apart."""
    kept: list[str] = []
    comment: int | None = None
    """The indent of the comment being left out: lines indented deeper, and blank ones, are its own."""
    for position, line in enumerate(lines):
        indent = _indent(line)
        previous = lines[position - 1] if position else ""
        if comment is not None and (not line.strip() or indent > comment):
            kept.append(line[len(line.rstrip("\r")) :])
            continue
        comment = None
        opens_block = not previous.strip() or _EXPLICIT_MARKUP_RE.match(previous) or _indent(previous) > indent
        markup = _EXPLICIT_MARKUP_RE.match(line) and not _PRINTED_MARKUP_RE.match(line)
        if position not in literal and opens_block and markup:
            following = lines[position + 1] if position + 1 < len(lines) else ""
            comment = None if line.strip() == ".." and not following.strip() else indent
            kept.append(line[len(line.rstrip("\r")) :])
        else:
            kept.append(line)
    return kept


_SIMPLE_TABLE_RULE_RE = re.compile(r"[ \t]*=+(?:[ \t]+=+)+[ \t]*\r?")
"""A simple table's border, a run of `=` over each column (two at least: one alone is a title's adornment)."""
_SPAN_RULE_RE = re.compile(r"[ \t]*-+(?:[ \t]+-+)*[ \t]*\r?")
"""A simple table's underline of a header cell spanning columns: no words."""
_GRID_TABLE_RULE_RE = re.compile(r"[ \t]*\+(?:[-=]+\+)+[ \t]*\r?")
"""A grid table's border or row separator, `+----+----+` (`+====+` under the header)."""
_CELL_EDGE = "|"


def _simple_table(lines: list[str], start: int) -> tuple[int, list[list[str]]] | None:
    """Where the simple table whose top border is line `start` ends, and its rows' cells, or None if it is none.

    The columns stand where the border's runs of `=` start; a line whose first column is blank goes on the row above
    (its cells' words joined to that row's), and a border followed by a blank line or the file's end closes the table,
    as docutils reads it. A line with words left of the first column is no row: then it is no table."""
    columns = [run.start() for run in re.finditer("=+", lines[start])]
    rows: list[list[str]] = []
    for position in range(start + 1, len(lines)):
        line = lines[position].rstrip("\r")
        if _SIMPLE_TABLE_RULE_RE.fullmatch(line):
            if position + 1 == len(lines) or not lines[position + 1].strip():
                return position + 1, rows
            continue
        if not line.strip() or _SPAN_RULE_RE.fullmatch(line):
            continue
        if line[: columns[0]].strip():
            return None
        cells = [line[left:right].strip() for left, right in zip(columns, [*columns[1:], None], strict=True)]
        if cells[0] or not rows:
            rows.append(cells)
        else:
            rows[-1] = [f"{above} {below}".strip() for above, below in zip(rows[-1], cells, strict=True)]
    return None


def _grid_table(lines: list[str], start: int) -> tuple[int, list[list[str]]] | None:
    """Where the grid table whose top border is line `start` ends, and its rows' cells, or None if it is none or
    joins cells across columns or rows (a span, which it draws with a separator or edge left out: left as written).

    Each row is the lines between two separators, each cell the words between two edges (`|`) where the border sets
    a `+`, its lines joined."""
    border = lines[start].rstrip("\r").rstrip()
    edges = [index for index, char in enumerate(border) if char == "+"]
    rows: list[list[str]] = []
    cells: list[str] | None = None
    for position in range(start + 1, len(lines)):
        line = lines[position].rstrip("\r").rstrip()
        if _GRID_TABLE_RULE_RE.fullmatch(line):
            if [index for index, char in enumerate(line) if char == "+"] != edges or cells is None:
                return None
            rows.append(cells)
            cells = None
            if position + 1 == len(lines) or not lines[position + 1].strip():
                return position + 1, rows
            continue
        if len(line) != len(border) or any(line[edge] != _CELL_EDGE for edge in edges):
            return None
        words = [line[left + 1 : right].strip() for left, right in zip(edges, edges[1:], strict=False)]
        cells = (
            words if cells is None else [f"{above} {below}".strip() for above, below in zip(cells, words, strict=True)]
        )
    return None


def _tables_as_rows(lines: list[str], literal: frozenset[int]) -> tuple[list[str], list[int]]:
    """The lines with each simple or grid table (`_simple_table`, `_grid_table`) as one line per row, its cells'
    words side by side, as the Markdown parser reads a pipe table's row (`qa.formats.markdown._row_text`).

    Docutils prints a table as a table: a reader reads a row across, never the borders, and a cell's words
    wrapped onto the next line go on in that cell. Read as a paragraph, the rows ran into one another between the
    `=====` rules and a cell's second line followed the other cells' first. Each row stands apart, under the table's
    indent, between blank lines, its cells' white space single spaces, as printed; the rows' line numbers come too.
    A table drawn in a literal block (`literal`) is an example of the markup, printed as written."""
    printed: list[str] = []
    rows_at: list[int] = []
    position = 0
    while position < len(lines):
        line = lines[position].rstrip("\r")
        simple = _SIMPLE_TABLE_RULE_RE.fullmatch(line) is not None
        table = (
            None
            if position in literal
            else _simple_table(lines, position)
            if simple
            else _grid_table(lines, position)
            if _GRID_TABLE_RULE_RE.fullmatch(line)
            else None
        )
        if table is None:
            printed.append(lines[position])
            position += 1
            continue
        end, rows = table
        indent = line[: _indent(line)]
        for cells in rows:
            rows_at.append(len(printed))
            printed += [f"{indent}{squash(' '.join(cells))}", ""]
        position = end
    return printed, rows_at


_UNINLINED_RE = re.compile(r"[ \t]*(?:\.\.[ \t]+_|__(?:[ \t]|$))")
"""A hyperlink target (`.. _name: address`, `` .. _`name`: ``, `__ address`): names written as they are defined, no
inline markup."""


def _inline_printed(lines: list[str], replaced: dict[str, str]) -> tuple[list[str], list[int]]:
    """The lines with each paragraph's inline markup as docutils prints it (`qa.formats.rst_inline`), and a
    paragraph's closing `::` as it prints that: "styles::" reads "styles:", a `::` after white space or alone on its
    line nothing (a directive's, `.. contents::`, is no paragraph's). Where each line went comes too: a target left
    out with its line break joins two lines.

    An admonition's words on its directive's line read without the directive (`.. note:: The policy is a stub.`
    reads "The policy is a stub.", as the Markdown parser reads MyST's `{note}`: `PROSE_DIRECTIVES`).
    A paragraph is a run of lines between blank lines; a literal block (`_literal_blocks`), a title's adornment line
    and a hyperlink target hold no inline markup and are left as written."""
    literal = _literal_blocks(lines)
    printed: list[str] = []
    moved: list[int] = []
    paragraph: list[str] = []

    def close() -> None:
        if paragraph and (directive := _prose_directive(paragraph[0])):
            kept = directive["name"].lower() not in _CLASSED_DIRECTIVES
            paragraph[0] = paragraph[0][directive.end() :] if kept else ""
        if paragraph and literal & {len(moved) + len(paragraph)} and not _EXPLICIT_MARKUP_RE.match(paragraph[-1]):
            paragraph[-1] = _LITERAL_OPENER_RE.sub(lambda mark: ":" if mark["word"] is not None else "", paragraph[-1])
        if paragraph:
            moved.extend([len(printed)] * len(paragraph))
            printed.extend(printed_inline("\n".join(paragraph), replaced).split("\n"))
        paragraph.clear()

    for position, line in enumerate(lines):
        if (
            position in literal
            or not line.strip()
            or _ADORNMENT_RE.fullmatch(line.strip())
            or _UNINLINED_RE.match(line)
        ):
            close()
            moved.append(len(printed))
            printed.append(line)
        else:
            paragraph.append(line)
    close()
    return printed, moved


def _rst_printed(text: str) -> tuple[str, frozenset[int]]:
    """A reStructuredText file as docutils prints its text: comments left out (`_without_comments`), a table's rows
    read across (`_tables_as_rows`), auto-numbered notes numbered (`_autonumbered_notes`), a citation's mark
    dropped (`[1]_` reads `[1]`) and inline markup printed (`_inline_printed`: ``` ``code`` ``` reads "code"). The
    tables are read before the notes are numbered and the markup printed: a citation's label (`[#dev]_`) and a
    cell's markup are as wide as the file's columns allow, the printed words are not. Only a file with a note,
    target or directive line (`_RST_MARKUP_RE`) is reStructuredText: in any other text a `..` line, `]_` or `*` is
    the author's. Where each table row's words start comes too: numbering and marks change no line, and the line a
    row went to in printing its markup is followed.
    """
    if not _RST_MARKUP_RE.search(text):
        return text, frozenset()
    lines = text.split("\n")  # not `splitlines`: a form feed is white space in a line, as docutils reads it
    literal = _literal_blocks(lines)
    rows, rows_at = _tables_as_rows(_without_comments(lines, literal), literal)
    printed = _autonumbered_notes("\n".join(rows))
    printed = _CITATION_MARK_RE.sub("", printed) if _NOTE_DEFINITION_RE.search(printed) else printed
    printed_lines, moved = _inline_printed(printed.split("\n"), substitutions(text))
    starts = list(accumulate((len(line) + 1 for line in printed_lines), initial=0))
    return "\n".join(printed_lines), frozenset(starts[moved[at]] + _indent(rows[at]) for at in rows_at)


def _broken_words_joined(text: str, articles: list[Article]) -> Parsed:
    """The file's text and articles with each word a paragraph's line end breaks at a hyphen read as one
    (`qa.formats.line_hyphens`): made whole where the hyphen only breaks it, its hyphen kept where it is the author's.

    A plain-text file wraps its lines at a fixed width (an RFC's 72 columns), so a compound falling at a line end is
    typed "case-" over "insensitive"; read with the line break as a space, it was quoted "case- insensitive". Only a
    paragraph's own line breaks are read so: a line-end hyphen between paragraphs, or before a list's dash or a rule
    of dashes on the next line, stays as typed. The text keeps every other character, and each offset moves back by
    what was taken out before it; the notes are read the same way."""
    words = document_words(text.splitlines())
    spans = sorted(
        (paragraph.offset + start, paragraph.offset + end)
        for article in articles
        for paragraph in article.paragraphs
        for start, end in broken_words(paragraph.text, words)
    )
    ends = [end for _, end in spans]
    removed = [0, *accumulate(end - start for start, end in spans)]
    joined = without_spans(text, spans)

    def moved(position: int) -> int:
        return position - removed[bisect_right(ends, position)]

    def paragraph(old: Paragraph) -> Paragraph:
        start = moved(old.offset)
        return replace(
            old,
            text=joined[start : moved(old.offset + len(old.text))],
            offset=start,
            literal=tuple(moved(old.offset + at) - start for at in old.literal),
            noteless=tuple(moved(old.offset + at) - start for at in old.noteless),
            keys=tuple((moved(old.offset + at) - start, key) for at, key in old.keys),
        )

    return Parsed(
        joined,
        [
            replace(
                article,
                paragraphs=tuple(paragraph(old) for old in article.paragraphs),
                footnotes={number: joined_lines(note, words) for number, note in article.footnotes.items()},
            )
            for article in articles
        ],
    )


def parse(data: bytes, source: str) -> Parsed:
    """A plain-text or reStructuredText file's articles. A word broken at a line end's hyphen is read as one in plain
    text (`_broken_words_joined`), not in reStructuredText, which docutils prints with the line break a space."""
    decoded = decode_text(data)
    text, rows = _rst_printed(decoded)
    if paged := _parse_paged(text, source):
        return paged
    articles = parse_text(text, source, rows)
    return Parsed(text, articles) if _RST_MARKUP_RE.search(decoded) else _broken_words_joined(text, articles)

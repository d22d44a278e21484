"""Plain text -> articles, paragraphs and footnotes. The file's own text is what is quoted.

A saved page is not a clean document: one file can hold a listing of many articles, footnote
numbers restart in each article, and the page's chrome sits between the paragraphs. Attribution
comes only from the text itself, so every rule here errs toward "unknown" rather than borrowing a
title, author, date or footnote from a neighbour.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from pathlib import Path

from qa.corpus import Article, Paragraph, ParagraphKind, parse_date, slugify
from qa.formats.document import BYLINE_BY_RE, DEFINITION_RE, Parsed
from qa.formats.encoding import decode_text
from qa.sentences import find_markers

_MONTHS = "Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Sept|Oct|Nov|Dec"
_DATE_RE = re.compile(
    rf"(?:(?:{_MONTHS})[a-z]*\.? \d{{1,2}}, \d{{4}}|\d{{1,2}} (?:{_MONTHS})[a-z]* \d{{4}}|\d{{4}}-\d{{2}}-\d{{2}})"
)
_SEPARATOR_RE = re.compile(r"[—–\-_=]{3,}")
_BULLET_RE = re.compile(r"[•·▪◦*\-–]\s+")

DISCLAIMER_RE = re.compile(r"The views expressed in (?:this article|these articles) .*")
_CHROME_RES = tuple(
    re.compile(pattern, re.IGNORECASE)
    for pattern in (
        r"Read Summary\s+Download PDF",
        r"(?:\d+\s+){1,}\d+",  # pagination: "1 2 3"
        r"(?:«\s*)?(?:Previous|Next)(?:\s*»)?|Page \d+ of \d+",
        r"Home\s*[>›»].*",  # breadcrumb
        r"Stay informed about.*|I'm interested in.*|news, publications, & uploads:",
        r"(?:Subscribe|Sign up)\b.{0,60}",
        r"Key ?Words?:.*",
        r"38 North: News and Analysis on North Korea",
    )
)

_HEADING_MAX_CHARS = 80
_HEADING_MAX_WORDS = 12
_LONG_LINE = 200
"""A file with lines this long keeps one paragraph per line (saved web text); others are wrapped."""


@dataclass(frozen=True)
class _Unit:
    """A stretch of non-blank source text: a line, or a block of wrapped lines."""

    start: int
    end: int
    text: str
    bullet: bool = False


@dataclass(frozen=True)
class _Header:
    first: int
    """Index of the header's first unit."""
    last: int
    title: str | None
    author: str | None
    date: str | None


def is_chrome(text: str) -> bool:
    """Whether a line is page furniture rather than something the author wrote."""
    return DISCLAIMER_RE.fullmatch(text) is not None or any(pattern.fullmatch(text) for pattern in _CHROME_RES)


def _units(text: str) -> list[_Unit]:
    lines: list[_Unit] = []
    position = 0
    for raw in text.splitlines(keepends=True):
        body = raw.rstrip("\r\n")
        stripped = body.strip()
        if stripped:
            lead = len(body) - len(body.lstrip())
            bullet = _BULLET_RE.match(body, lead)
            if bullet:
                lead = bullet.end()
            start = position + lead
            end = position + len(body.rstrip())
            lines.append(_Unit(start, end, text[start:end], bullet is not None))
        else:
            lines.append(_Unit(position, position, ""))
        position += len(raw)
    if any(len(unit.text) > _LONG_LINE for unit in lines):
        return [unit for unit in lines if unit.text]
    return _join_wrapped(text, lines)


def _join_wrapped(text: str, lines: list[_Unit]) -> list[_Unit]:
    """Join hard-wrapped lines into paragraphs; blank lines, bullets and datelines break them."""
    blocks: list[_Unit] = []
    current: _Unit | None = None
    for line in lines:
        breaks = not line.text or line.bullet or _DATE_RE.fullmatch(line.text) is not None
        if current is not None and (breaks or _DATE_RE.fullmatch(current.text)):
            blocks.append(current)
            current = None
        if not line.text:
            continue
        if current is None:
            current = line
        else:
            current = _Unit(current.start, line.end, text[current.start : line.end], current.bullet)
    if current is not None:
        blocks.append(current)
    return blocks


def _find_headers(units: list[_Unit]) -> list[_Header]:
    """Datelines with the byline above them and the title above that."""
    headers: list[_Header] = []
    taken = -1
    for i, unit in enumerate(units):
        if _DATE_RE.fullmatch(unit.text) is None or i == 0:
            continue
        byline = units[i - 1]
        if i - 1 <= taken or not _is_header_line(byline.text, 120):
            continue
        title_index = i - 2
        title = None
        if title_index > taken and _is_header_line(units[title_index].text, _LONG_LINE):
            title = units[title_index].text
        else:
            title_index = i - 1
        headers.append(_Header(title_index, i, title, byline.text, parse_date(unit.text)))
        taken = i
    return headers


def _is_header_line(text: str, limit: int) -> bool:
    return (
        len(text) <= limit
        and not is_chrome(text)
        and _DATE_RE.fullmatch(text) is None
        and DEFINITION_RE.match(text) is None
    )


def _single_header(units: list[_Unit]) -> _Header | None:
    """A file with no datelines is one article; its first line is the title if it reads as one."""
    if not units or not _looks_like_title(units[0].text):
        return None
    author = None
    last = 0
    if len(units) > 1 and (by := BYLINE_BY_RE.fullmatch(units[1].text)):
        author, last = by.group(1).strip(), 1
    return _Header(0, last, units[0].text, author, None)


def _looks_like_title(text: str) -> bool:
    return len(text) <= _LONG_LINE and not text.endswith((".", ",", ";")) and not is_chrome(text)


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


@dataclass
class _Draft:
    header: _Header | None
    units: list[_Unit] = field(default_factory=list)
    footnotes: dict[int, str] = field(default_factory=dict)


def _split_body(units: list[_Unit], header: _Header | None, listing: bool) -> list[_Draft]:
    """An entry's body, its endnotes, and any untitled entries that trail it on a listing page.

    The body ends at the endnote block or the closing disclaimer. On a listing page an entry with
    neither is a one-paragraph summary: the paragraphs after it lost their own headings when the
    page was saved, so each becomes an untitled entry instead of being credited to this one.
    """
    drafts = [_Draft(header)]
    closes = any(DISCLAIMER_RE.fullmatch(u.text) or _SEPARATOR_RE.fullmatch(u.text) for u in units)
    in_notes = False
    closed = False
    for position, unit in enumerate(units):
        text = unit.text
        definition = DEFINITION_RE.fullmatch(text)
        if _SEPARATOR_RE.fullmatch(text) and not closed:
            in_notes = True
        elif definition and not closed and (in_notes or _only_notes_follow(units[position:])):
            in_notes = True
            drafts[0].footnotes.setdefault(int(definition.group(1)), definition.group(2).strip())
        elif DISCLAIMER_RE.fullmatch(text):
            closed = True
        elif in_notes or is_chrome(text):
            continue
        elif closed or (listing and not closes and drafts[-1].units):
            drafts.append(_Draft(None, [unit]))
        else:
            drafts[-1].units.append(unit)
    return drafts


def _only_notes_follow(rest: list[_Unit]) -> bool:
    """Whether `rest` is an endnote block with no separator line above it (chrome may follow)."""
    return all(DEFINITION_RE.fullmatch(u.text) or is_chrome(u.text) for u in rest)


def _paragraphs(units: list[_Unit]) -> tuple[Paragraph, ...]:
    paragraphs: list[Paragraph] = []
    section: str | None = None
    for position, unit in enumerate(units):
        followed = position + 1 < len(units)
        if followed and _is_heading(unit):
            section = unit.text
            kind: ParagraphKind = "heading"
        else:
            kind = "bullet" if unit.bullet else "text"
        paragraphs.append(
            Paragraph(len(paragraphs) + 1, unit.text, unit.start, kind, None if kind == "heading" else section)
        )
    return tuple(paragraphs)


def parse_text(text: str, source: str) -> list[Article]:
    """Parse one file's text into its articles, in page order."""
    units = _units(text)
    headers = _find_headers(units)
    listing = len(headers) > 1
    if not headers:
        single = _single_header(units)
        headers = [single] if single else []
        segments = [(single, units[single.last + 1 :] if single else units)]
    else:
        bounds = [h.first for h in headers[1:]] + [len(units)]
        segments = [(h, units[h.last + 1 : end]) for h, end in zip(headers, bounds, strict=True)]
    stem = slugify(Path(source).stem)
    articles: list[Article] = []
    for header, body in segments:
        for draft in _split_body(body, header, listing):
            if draft.header is None and not draft.units:
                continue
            head = draft.header
            articles.append(
                Article(
                    id=f"{stem}-{len(articles) + 1}",
                    title=head.title if head else None,
                    author=head.author if head else None,
                    date=head.date if head else None,
                    source=source,
                    paragraphs=_paragraphs(draft.units),
                    footnotes=draft.footnotes,
                )
            )
    return articles


def parse(data: bytes, source: str) -> Parsed:
    text = decode_text(data)
    return Parsed(text, parse_text(text, source))

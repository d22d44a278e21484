"""PDF reports -> one article with page numbers: lines rebuilt from characters, then paragraphs.

pdfplumber (on pdfminer.six, pure Python) is used because it gives every character's font size
and position: a superscript note marker is only recognisable as a smaller, raised digit, and
running headers, page numbers and page-foot notes only by where they stand on the page. Text-only
extractors (pypdf's `extract_text`) flatten superscripts into the words, turning "camps.³" into
"camps.3". PyMuPDF would do as well but is AGPL-licensed.
"""

from __future__ import annotations

import io
import re
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass, field
from statistics import median

import pdfplumber

from qa.corpus import ParagraphKind
from qa.formats.document import NOTES_HEADING_RE, Block, Extracted, Parsed, assemble, squash
from qa.formats.errors import UnreadableDocument
from qa.sentences import NOTE_NUMBER

_SUPERSCRIPT_SIZE = 0.8
"""A digit this much smaller than its line, and raised, is a note marker."""
_HEADING_SIZE = 1.15
_NOTE_SIZE = 0.92
"""Lines at a page's foot in a font this much smaller than the body are that page's footnotes."""
_PARAGRAPH_GAP = 0.5
"""Blank space between lines, as a share of the font size, that separates paragraphs."""
_SHORT_LINE = 0.85
"""A line ending before this share of the text width ends its paragraph when it ends a sentence."""
_OVERLAP = 0.4
_PAGE_NUMBER_RE = re.compile(r"(?:page\s+)?[-–—]?\s*\d{1,4}\s*[-–—]?(?:\s+of\s+\d{1,4})?", re.IGNORECASE)
_PLAIN_NOTE_RE = re.compile(rf"\[?({NOTE_NUMBER})(?:\]|\.|\))?\s+(\S.*)")
_SENTENCE_END_RE = re.compile(rf"[.!?:][\"”’')\]]*(?:\[{NOTE_NUMBER}\])*$")
_HYPHENATED_RE = re.compile(r"[A-Za-z]-$")


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
    note: int | None = None
    """The number a page-foot note line opens with (superscript), if any."""


def _lines(page_number: int, chars: Sequence[dict]) -> list[_Line]:
    """Characters grouped into lines by vertical overlap, so raised markers stay on their line."""
    lines: list[_Line] = []
    for char in sorted(chars, key=lambda c: (c["top"], c["x0"])):
        height = max(char["bottom"] - char["top"], 0.1)
        for line in reversed(lines[-3:]):
            overlap = min(line.bottom, char["bottom"]) - max(line.top, char["top"])
            if overlap >= _OVERLAP * height:
                line.chars.append(char)
                line.top, line.bottom = min(line.top, char["top"]), max(line.bottom, char["bottom"])
                break
        else:
            lines.append(_Line(page_number, char["top"], char["bottom"], [char]))
    for line in lines:
        _render(line)
    return [line for line in lines if line.text]


def _render(line: _Line) -> None:
    """The line's text with raised small digits written as `[n]` markers."""
    chars = sorted(line.chars, key=lambda c: c["x0"])
    line.size = median(c["size"] for c in chars)
    baseline = median(c["bottom"] for c in chars if c["size"] >= line.size * _SUPERSCRIPT_SIZE)
    parts: list[str] = []
    marker = ""
    previous: dict | None = None
    for char in chars:
        raised = char["size"] < line.size * _SUPERSCRIPT_SIZE and char["bottom"] < baseline - 0.15 * line.size
        if raised and char["text"].isdigit():
            marker += char["text"]
            previous = char
            continue
        if marker:
            parts.append(f"[{marker}]")
            marker = ""
        if raised and char["text"] in ",;":
            continue  # "1,2" in superscript: two markers
        if previous is not None and char["x0"] - previous["x1"] > 0.2 * min(char["size"], previous["size"]):
            parts.append(" ")
        parts.append(char["text"])
        previous = char
    if marker:
        parts.append(f"[{marker}]")
    text = squash("".join(parts))
    if text.startswith("[") and (opening := re.match(rf"\[({NOTE_NUMBER})\]\s*", text)) and chars[0]["text"].isdigit():
        line.note = int(opening.group(1))
        text = text[opening.end() :]
    line.text = text
    line.x0, line.x1 = chars[0]["x0"], chars[-1]["x1"]
    line.bold = all("bold" in str(c.get("fontname", "")).lower() for c in chars if not c["text"].isspace())


def _running(pages: list[list[_Line]]) -> set[int]:
    """ids of running headers, footers and page numbers: the first and last lines that repeat or count."""

    def key(line: _Line) -> str:
        return re.sub(r"\d+", "#", line.text.lower())

    edges = [line for lines in pages for line in lines[:2] + lines[-2:]]
    repeated = Counter(key(line) for lines in pages for line in {id(x): x for x in lines[:2] + lines[-2:]}.values())
    return {
        id(line)
        for line in edges
        if _PAGE_NUMBER_RE.fullmatch(line.text) or (len(pages) > 1 and repeated[key(line)] >= 2)
    }


def _page_notes(lines: list[_Line], body_size: float) -> tuple[list[_Line], dict[int, str]]:
    """Split a page into its body lines and the footnotes set small at its foot."""
    start = len(lines)
    while start > 0 and lines[start - 1].size < body_size * _NOTE_SIZE:
        start -= 1
    while start < len(lines) and _note_start(lines[start]) is None:
        start += 1
    return lines[:start], _collect_notes(lines[start:])


def _note_start(line: _Line) -> tuple[int, str] | None:
    if line.note is not None:
        return line.note, line.text
    plain = _PLAIN_NOTE_RE.fullmatch(line.text)
    return (int(plain.group(1)), plain.group(2)) if plain else None


def _collect_notes(lines: Sequence[_Line]) -> dict[int, str]:
    notes: dict[int, str] = {}
    number: int | None = None
    for line in lines:
        opening = _note_start(line)
        if opening is not None and opening[0] not in notes:
            number = opening[0]
            notes[number] = opening[1]
        elif number is not None:
            notes[number] = _join(notes[number], line.text)
    return notes


def _join(text: str, more: str) -> str:
    """Two lines as one text; a word hyphenated at the line end is made whole again."""
    if _HYPHENATED_RE.search(text) and more[:1].islower():
        return text[:-1] + more
    return f"{text} {more}"


def _ends_paragraph(previous: _Line, line: _Line, width: float, margin: float) -> bool:
    terminal = _SENTENCE_END_RE.search(previous.text) is not None
    short = previous.x1 < margin + (width - margin) * _SHORT_LINE
    if previous.page != line.page:
        return terminal and (short or not line.text[:1].islower())
    gap = line.top - previous.bottom
    return gap > _PARAGRAPH_GAP * previous.size or (terminal and short)


def _blocks(lines: list[_Line], body_size: float) -> list[Block]:
    body = [line for line in lines if line.size >= body_size * _NOTE_SIZE]
    width = max((line.x1 for line in body), default=0.0)
    margin = min((line.x0 for line in body), default=0.0)
    blocks: list[Block] = []
    current: _Line | None = None
    text = ""
    for line in lines:
        heading = line.size >= body_size * _HEADING_SIZE or (line.bold and not _SENTENCE_END_RE.search(line.text))
        kind: ParagraphKind = "heading" if heading else "text"
        if (
            current is not None
            and blocks
            and blocks[-1].kind == kind
            and not _breaks(current, line, kind, width, margin)
        ):
            text = _join(text, line.text)
            blocks[-1] = Block(text, kind, blocks[-1].page)
        else:
            text = line.text
            blocks.append(Block(text, kind, line.page))
        current = line
    return blocks


def _breaks(previous: _Line, line: _Line, kind: ParagraphKind, width: float, margin: float) -> bool:
    if kind == "heading":
        return previous.page != line.page or line.top - previous.bottom > _PARAGRAPH_GAP * previous.size
    return _ends_paragraph(previous, line, width, margin)


def _read(data: bytes) -> tuple[dict, list[list[_Line]]]:
    try:
        with pdfplumber.open(io.BytesIO(data)) as pdf:
            metadata = dict(pdf.metadata or {})
            pages = [_lines(number, page.chars) for number, page in enumerate(pdf.pages, start=1)]
    except Exception as error:  # noqa: BLE001 - pdfminer raises many kinds on a damaged file; all mean "unreadable"
        raise UnreadableDocument(f"not a readable PDF ({type(error).__name__}: {error})") from error
    return metadata, pages


def _text_value(value: object) -> str | None:
    if isinstance(value, bytes):
        value = value.decode("utf-8", "replace")
    return squash(value) or None if isinstance(value, str) else None


def parse(data: bytes, source: str) -> Parsed:
    metadata, pages = _read(data)
    if not any(pages):
        raise UnreadableDocument("the PDF has no text layer (a scan needs OCR first)")
    sizes = Counter(round(c["size"], 1) for lines in pages for line in lines for c in line.chars)
    body_size = sizes.most_common(1)[0][0]
    running = _running(pages)
    body: list[_Line] = []
    notes: dict[int, str] = {}
    for lines in pages:
        kept, page_notes = _page_notes([line for line in lines if id(line) not in running], body_size)
        body += kept
        for number, text in page_notes.items():
            notes.setdefault(number, text)
    heading = next((i for i, line in enumerate(body) if NOTES_HEADING_RE.fullmatch(line.text)), None)
    if heading is not None:
        for number, text in _collect_notes(body[heading + 1 :]).items():
            notes.setdefault(number, text)
        body = body[:heading]
    blocks = _blocks(body, body_size)
    title = _text_value(metadata.get("Title"))
    if blocks and blocks[0].kind == "heading" and (title is None or squash(blocks[0].text) == title):
        title, blocks = squash(blocks[0].text), blocks[1:]
    return assemble(Extracted(blocks, notes, title, _text_value(metadata.get("Author")), None), source)

"""Source text -> pieces the templates render: answer spans, footnote markers, links, quoted runs.

Nothing here builds HTML. Each function cuts a text into pieces whose texts join back to exactly
the input, so highlighting can never change a quotation; the templates then write every piece
through Jinja2's autoescaping, so a document's own `<script>` stays text.
"""

from __future__ import annotations

import re
from collections.abc import Collection, Iterable, Mapping, Sequence
from dataclasses import dataclass, replace
from typing import Literal

from qa.answer_type import marks
from qa.schema import QuoteOut, SourceOut
from qa.sentences import NOTE_MARKER_RE, Span, note_key

PieceKind = Literal["text", "answer", "marker", "link"]

_URL_RE = re.compile(r"https?://[^\s<>\"'\]]+")
_URL_TRAILING = ".,;:!?)”’"
"""Punctuation that ends the sentence a URL stands in, not the URL."""
_HIGHLIGHT_RE = re.compile(r"(\d{1,4}):(\d{1,7})-(\d{1,7})")
MAX_HIGHLIGHTS = 20


@dataclass(frozen=True)
class Piece:
    """A stretch of text and how to show it: plain, the answer, a note marker, or a URL."""

    text: str
    kind: PieceKind = "text"
    number: int | None = None
    """The footnote number, for a marker; None for a marker that cites no note (`Paragraph.noteless`)."""
    first: bool = False
    """For a marker: the first of its number in the document, the place its note links back to."""


@dataclass(frozen=True)
class Run:
    """Consecutive pieces that are all inside, or all outside, the quoted sentences."""

    quoted: bool
    pieces: tuple[Piece, ...]


def pieces(
    text: str,
    marked: Sequence[Span] = (),
    literal: Collection[int] = (),
    noteless: Collection[int] = (),
    keys: Collection[tuple[int, int]] = (),
) -> tuple[Piece, ...]:
    """`text` as markers and text, with the `marked` spans (sorted, non-overlapping) as answer pieces; a bracketed
    number starting at an offset in `literal` is the source's words, no marker (`Paragraph.literal`), a marker
    starting at one in `noteless` cites no note: a marker piece without a number (`Paragraph.noteless`), and one
    starting at an offset `keys` pairs with a key cites that note, not its label's first (`Paragraph.keys`)."""
    keyed = dict(keys)
    out: list[Piece] = []
    position = 0
    for marker in NOTE_MARKER_RE.finditer(text):
        if marker.start() in literal:
            continue
        out.extend(_cut(text, position, marker.start(), marked))
        number = None if marker.start() in noteless else keyed.get(marker.start(), note_key(marker.group(1)))
        out.append(Piece(marker.group(0), "marker", number))
        position = marker.end()
    out.extend(_cut(text, position, len(text), marked))
    return _merge_text(out)


def _cut(text: str, start: int, end: int, marked: Sequence[Span]) -> list[Piece]:
    """`text[start:end]` with the parts inside `marked` as answer pieces."""
    out: list[Piece] = []
    for span in marked:
        inside_start, inside_end = max(span.start, start), min(span.end, end)
        if inside_start >= inside_end:
            continue
        out.append(Piece(text[start:inside_start]))
        out.append(Piece(text[inside_start:inside_end], "answer"))
        start = inside_end
    out.append(Piece(text[start:end]))
    return out


def answer_marks(text: str, question: str) -> tuple[Span, ...]:
    """What to mark in a quote as its answer: the number or date asked for, else the whole quote.

    The quote is the sentence that answers; a "how many" or "when" question is answered by a
    few words inside it, which are marked when the quote holds them.
    """
    return marks(text, question) or (Span(0, len(text)),)


def _merge_text(items: Iterable[Piece]) -> tuple[Piece, ...]:
    """Join neighbouring plain pieces and drop empty ones, so the markup stays small."""
    out: list[Piece] = []
    for item in items:
        if not item.text:
            continue
        if out and item.kind == "text" and out[-1].kind == "text":
            out[-1] = Piece(out[-1].text + item.text)
        else:
            out.append(item)
    return tuple(out)


def within(offsets: Collection[int], start: int, end: int) -> set[int]:
    """The `offsets` of a paragraph (`Paragraph.literal`, `Paragraph.noteless`) that fall in `text[start:end]`,
    counted from `start`: where they stand in a quote or a run of it."""
    return {offset - start for offset in offsets if start <= offset < end}


def keys_within(keys: Collection[tuple[int, int]], start: int, end: int) -> set[tuple[int, int]]:
    """The `keys` of a paragraph (`Paragraph.keys`) whose markers start in `text[start:end]`, offsets counted from
    `start`, as `within` counts them."""
    return {(offset - start, key) for offset, key in keys if start <= offset < end}


def quote_pieces(source: SourceOut, quote: QuoteOut, marked: Sequence[Span] = ()) -> tuple[Piece, ...]:
    """A quote (or a context sentence) of an answer's source as `pieces`, its bracketed numbers read by where they
    stand in the source's passage (`SourceOut.literal`, `SourceOut.noteless`, `SourceOut.keys`)."""
    return pieces(
        quote.text,
        marked,
        within(source.literal, quote.start, quote.end),
        within(source.noteless, quote.start, quote.end),
        keys_within(source.keys, quote.start, quote.end),
    )


def quoted_runs(
    text: str,
    spans: Sequence[Span],
    literal: Collection[int] = (),
    noteless: Collection[int] = (),
    keys: Collection[tuple[int, int]] = (),
) -> tuple[Run, ...]:
    """A paragraph cut at the quoted spans (sorted, non-overlapping), each run cut into pieces; `literal`,
    `noteless` and `keys` as for `pieces`, in offsets of the paragraph."""

    def cut(start: int, end: int) -> tuple[Piece, ...]:
        return pieces(
            text[start:end],
            literal=within(literal, start, end),
            noteless=within(noteless, start, end),
            keys=keys_within(keys, start, end),
        )

    runs: list[Run] = []
    position = 0
    for span in spans:
        if span.start > position:
            runs.append(Run(False, cut(position, span.start)))
        runs.append(Run(True, cut(span.start, span.end)))
        position = span.end
    if position < len(text) or not runs:
        runs.append(Run(False, cut(position, len(text))))
    return tuple(runs)


def first_markers(paragraphs: Sequence[tuple[Run, ...]]) -> tuple[list[tuple[Run, ...]], frozenset[int]]:
    """Flag each note number's first marker in a document; also return the numbers flagged."""
    seen: set[int] = set()

    def flag(piece: Piece) -> Piece:
        if piece.kind != "marker" or piece.number is None or piece.number in seen:
            return piece
        seen.add(piece.number)
        return replace(piece, first=True)

    flagged = [
        tuple(Run(run.quoted, tuple(flag(piece) for piece in run.pieces)) for run in paragraph)
        for paragraph in paragraphs
    ]
    return flagged, frozenset(seen)


def linkify(text: str) -> tuple[Piece, ...]:
    """A note's text with its http(s) URLs as link pieces; sentence punctuation after a URL stays text."""
    out: list[Piece] = []
    position = 0
    for match in _URL_RE.finditer(text):
        url = match.group(0).rstrip(_URL_TRAILING)
        if url.count("(") > url.count(")") and match.group(0)[len(url) :].startswith(")"):
            url += ")"  # a URL that itself holds parentheses, as Wikipedia's do
        out.append(Piece(text[position : match.start()]))
        out.append(Piece(url, "link"))
        position = match.start() + len(url)
    out.append(Piece(text[position:]))
    return _merge_text(out)


def parse_highlights(value: str, lengths: Mapping[int, int]) -> dict[int, tuple[Span, ...]]:
    """`"6:615-928,6:950-1100"` -> the spans to highlight in each paragraph, checked against it.

    `lengths` maps each paragraph index to its length; a span outside its paragraph is an error
    naming it, so a mangled link says what is wrong instead of highlighting the wrong words.
    """
    found: dict[int, list[Span]] = {}
    items = [item for item in value.split(",") if item.strip()]
    if len(items) > MAX_HIGHLIGHTS:
        raise ValueError(f"hl has {len(items)} spans; at most {MAX_HIGHLIGHTS} are shown")
    for item in items:
        match = _HIGHLIGHT_RE.fullmatch(item.strip())
        if match is None:
            raise ValueError(f"hl span {item.strip()!r} is not PARAGRAPH:START-END, as in 6:615-928")
        paragraph, start, end = (int(group) for group in match.groups())
        if paragraph not in lengths:
            raise ValueError(f"hl span {item.strip()!r}: the document has no paragraph {paragraph}")
        if not start < end <= lengths[paragraph]:
            raise ValueError(
                f"hl span {item.strip()!r} is outside paragraph {paragraph}, "
                f"which is {lengths[paragraph]} characters long"
            )
        found.setdefault(paragraph, []).append(Span(start, end))
    return {paragraph: _union(spans) for paragraph, spans in found.items()}


def _union(spans: list[Span]) -> tuple[Span, ...]:
    merged: list[Span] = []
    for span in sorted(spans, key=lambda s: s.start):
        if merged and span.start <= merged[-1].end:
            merged[-1] = Span(merged[-1].start, max(merged[-1].end, span.end))
        else:
            merged.append(span)
    return tuple(merged)


def highlight_param(paragraph: int, spans: Iterable[tuple[int, int]]) -> str:
    """The `hl` value that makes the document view highlight these spans of one paragraph."""
    return ",".join(f"{paragraph}:{start}-{end}" for start, end in spans)

"""Sentence spans and footnote markers inside a paragraph.

Everything here returns character offsets into the paragraph rather than copies of the text, so a
quote can always be proven to be a verbatim slice of its source.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

NOTE_NUMBER = r"\d{1,4}"
"""How a note is numbered, everywhere: notes run into the thousands in long reports, never further."""
MARKER_RE = re.compile(rf"\[({NOTE_NUMBER})\]")
"""A footnote marker: a bracketed number. `[emphasis added]` or `[세계초대석]` never match."""

# A sentence ends at . ! or ? followed by closing quotes/brackets, then any footnote markers
# (`.”[1]`, `.[1],[2]`), then either white space or - for a marker glued to the next sentence,
# as in `reasons.[14]These` - directly the next sentence's capital letter.
_END_RE = re.compile(
    r"[.!?]+[\"”’')\]]*"
    rf"(?P<markers>(?:\[{NOTE_NUMBER}\](?:,\s*)?)*)"
    r"(?=(?P<space>\s+)|(?P<glued>[A-Z“\"‘(]))"
)

_ABBREVIATIONS = frozenset(
    """mr mrs ms dr prof st jr sr no nos para paras p pp vol ed eds e.g i.e etc vs cf al amb gen
    sen rep gov lt col sgt capt res con sec secs art arts inc co corp ltd dept fig figs ch approx
    est jan feb mar apr jun jul aug sep sept oct nov dec u.s u.n u.k d.p.r.k n.k""".split()
)
_TOKEN_BEFORE_RE = re.compile(r"([A-Za-z][A-Za-z.]*)$")
_PRONOUN_START_RE = re.compile(
    r"(It|Its|This|These|That|Those|They|Their|Them|Such|He|His|She|Her|Both|Thereafter|"
    r"Similarly|However|But|And|Also)\b"
)


@dataclass(frozen=True)
class Marker:
    """A footnote marker `[n]` at `text[start:end]` of its paragraph."""

    number: int
    start: int
    end: int


@dataclass(frozen=True)
class Span:
    """A half-open character range `[start, end)` of a paragraph."""

    start: int
    end: int


def find_markers(text: str) -> tuple[Marker, ...]:
    """Every footnote marker in `text`, in order."""
    return tuple(Marker(int(m.group(1)), m.start(), m.end()) for m in MARKER_RE.finditer(text))


def _is_abbreviation(text: str, dot: int) -> bool:
    """Whether the full stop at `dot` closes an abbreviation or an initial, not a sentence."""
    match = _TOKEN_BEFORE_RE.search(text, 0, dot)
    if match is None:
        return False
    token = match.group(1)
    if len(token) == 1 and token.isupper():  # an initial: "Joel S. Wit"
        return True
    return token.lower().rstrip(".") in _ABBREVIATIONS


def split_sentences(text: str) -> tuple[Span, ...]:
    """Split a paragraph into sentence spans that cover all of its non-space text.

    Footnote markers stay with the sentence they close, so citing a sentence cites its notes.
    """
    spans: list[Span] = []
    start = _skip_space(text, 0)
    for match in _END_RE.finditer(text):
        if match.start() < start:
            continue
        if text[match.start()] == "." and _is_abbreviation(text, match.start()):
            continue
        if match.group("glued") and not match.group("markers"):
            continue  # "U.S.A" or "p.10" - a full stop inside a token is not a boundary
        end = match.end()
        spans.append(Span(start, end))
        start = _skip_space(text, end)
    if start < len(text.rstrip()):
        spans.append(Span(start, len(text.rstrip())))
    return tuple(spans)


def _skip_space(text: str, position: int) -> int:
    while position < len(text) and text[position].isspace():
        position += 1
    return position


def leans_on_previous(sentence: str) -> bool:
    """Whether a sentence opens with a word that needs the sentence before it to make sense."""
    return _PRONOUN_START_RE.match(sentence) is not None

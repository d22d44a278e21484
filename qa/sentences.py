"""Sentence spans and footnote markers inside a paragraph.

Everything here returns character offsets into the paragraph rather than copies of the text, so a
quote can always be proven to be a verbatim slice of its source.

Sentence boundaries come from pysbd (a rule-based port of the Golden Rules sentence segmenter, with
its own English abbreviation lists). Three rules of this project sit on top of it:

- footnote markers are this project's notation, not prose: pysbd reads the paragraph with them taken
  out, and a marker stays with the sentence it closes (`.”[1]`, `.[1],[2]`, `reasons.[14]These`);
- a paragraph is already a paragraph: a line break inside it is layout, not a sentence boundary;
- a full stop after an abbreviation ends no sentence where the words after it continue what the abbreviation
  began (`_continues` below): a number or an identifier after a reference abbreviation (`para. 93`, `Docket No.
  FAA-2020-0686`), a number after a one-letter abbreviation (`S. 2702`), a name after a title (`Rt Hon. Rishi
  Sunak`), a company's legal form or model after its name (`Co. Ltd.`), and a word in lower case after any full
  stop (`Louis XVI. he felt`): English starts no sentence so;
- a full stop after one capital letter ends a sentence where a word in lower case stands before the letter and a
  word that opens sentences, not names, follows it (`vitamin D. Then`, `_MISSED_END_RE`): pysbd reads every
  capital letter and full stop as an initial, which never ends a sentence.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

import pysbd

NOTE_NUMBER = r"\d{1,4}"
"""How a note is numbered, everywhere: notes run into the thousands in long reports, never further."""
MARKER_RE = re.compile(rf"\[({NOTE_NUMBER})\]")
"""A numbered note's marker: a bracketed number. `[emphasis added]` or `[세계초대석]` never match."""
NOTE_SYMBOLS = "*∗†‡§‖¶"
"""The symbols a document marks notes with instead of numbers, in the order of the traditional sequence (the
Chicago Manual of Style, 14.25: *, †, ‡, §, ‖, ¶), with the asterisk both as typed and as typeset (`∗`, U+2217, the
one TeX prints). Doubled for further notes ("**", "††"): a label is a run of at most three."""
NOTE_LABEL = rf"{NOTE_NUMBER}|[{NOTE_SYMBOLS}]{{1,3}}"
"""How a note is labelled as printed: a number, or a run of symbols (a title's or a judge's "*")."""
NOTE_MARKER_RE = re.compile(rf"\[({NOTE_LABEL})\]")
"""A footnote marker of either kind: `[12]`, or `[*]` for a note the page marks with a symbol (`note_key`)."""
SEGMENTER_LANGUAGE = "en"

_MARKER_RUN_RE = re.compile(rf"\[(?:{NOTE_LABEL})\](?:\s*,?\s*\[(?:{NOTE_LABEL})\])*")
"""Markers cited together, `[2],[3]` or `[1] [2]`: taken out of the text pysbd reads as one piece."""
_GLUED_TO = re.compile(r"[^\W_]|[“‘\"'(]")
"""What a marker run may be glued to that needs a space in its place (`reasons.[14]These`)."""

REFERENCE_ABBREVIATIONS = tuple(
    "art arts ch chap col fig figs n nn no nos p pp para paras pt sec secs vol vols".split()
)
"""Abbreviations that stand before a number in references (`para. 93`, `vol. 3`, `nn. 4-6`), from the
Chicago Manual of Style's list of scholarly abbreviations (chapter 10, "Scholarly abbreviations").
pysbd knows only some of them (art, no, nos, p, pp); before a number or an identifier with a number in it
(`No. FAA-2020-0686`, `No. A/HRC/25/63`) none of them ends a sentence."""
TITLE_ABBREVIATIONS = ("hon",)
"""Titles that stand before a name (`Rt Hon. Rishi Sunak`) which pysbd does not count among the titles it never
ends a sentence after (`Mr.`, `Dr.`, `Gen.` …: its "prepositive" abbreviations)."""
COMPANY_FORMS = tuple("co corp inc ltd plc llc pty bros".split())
"""A company's legal form after its name (`Samsung Electronics Co. Ltd.`, `Pilatus Aircraft Ltd.`). pysbd ends a
sentence at one whenever a capitalised word follows, and mostly rightly (`Acme Ltd. Prices rose.`). Here a full stop
after one ends no sentence before another legal form, nor before a run of at most `COMPANY_NAME_WORDS` words that is
no sentence of its own: one without a sentence's end (a heading's or a table cell's words, `Ltd. Airplanes`), or one
naming a product by a code (`Ltd. Model PC-12/47E airplanes.`, `_CODE_RE`), which a sentence that short never holds."""
COMPANY_NAME_WORDS = 3


def _abbreviation_end(words: tuple[str, ...]) -> re.Pattern[str]:
    """Text that ends in one of `words` and its full stop (markers after it are already taken out)."""
    return re.compile(rf"(?:^|[\s(\[,/])(?:{'|'.join(re.escape(w) for w in words)})\.\s*$", re.IGNORECASE)


_REFERENCE_END_RE = _abbreviation_end(REFERENCE_ABBREVIATIONS)
_TITLE_END_RE = _abbreviation_end(TITLE_ABBREVIATIONS)
_COMPANY_END_RE = _abbreviation_end(COMPANY_FORMS)
_COMPANY_FORM_RE = re.compile(rf"(?:{'|'.join(COMPANY_FORMS)})\.?(?!\w)", re.IGNORECASE)
_CODE_RE = re.compile(r"[^\W\d_][\w./]*[-‐‑–—/]\s?\d")
"""An identifier that joins letters to a number with a hyphen, dash or slash (`FAA–2020–0686`, `PC–12/47E`)."""
_IDENTIFIER_RE = re.compile(rf"\d|{_CODE_RE.pattern}")
"""A number or an identifier (`_CODE_RE`)."""
_INITIAL_END_RE = re.compile(r"(?:^|[\s(\[,/])[A-Z]\.\s*$")
"""Text that ends in one capital letter and its full stop: an initial or a one-letter abbreviation (`H.R. 5008/S.`).
Before a number it ends no sentence (`S. 2702`): English style opens no sentence with a numeral."""
_SENTENCE_END_RE = re.compile(r"[.!?…][\"'”’)\]]*$")
_LOWER_WORD_RE = re.compile(r"[^\W\d_]*[a-z][^\W\d_]*(?![.\w])")
"""A word in lower case (not `iPhone`), and not a list label (`a.`, `iv.`): no English sentence starts with one."""
SENTENCE_OPENERS = tuple(
    "A After All Also Although And Another Any As At Because Before Both But By Each Every Finally For From "
    "Furthermore Her His However If In Instead It Its Many Moreover Most Our She Since Some Such That The Their "
    "Then There These They This Those Though Thus Therefore We When While With Yet".split()
)
"""Capitalised English function words (articles, pronouns, conjunctions, prepositions, sentence adverbs) that open a
sentence and are no one's name, so none of them is the surname after an initial (`J. Smith`). Words that are also
surnames (`He`, `An`, `So`, `No`, `Young`) are left out: after `Y.` they are more likely a name than an opener."""
_MISSED_END_RE = re.compile(
    rf"(?<![\w.])[a-z][^\W\d_]*\s+[A-Z]\.[\"'”’)\]]*\s+(?P<opener>(?:{'|'.join(SENTENCE_OPENERS)})\b)(?![.\w'’-])"
)
"""One capital letter and its full stop after a word in lower case (`vitamin D.`, `plan B.`; not `U.S.`, nor `John
F.`), before a word of `SENTENCE_OPENERS` that is no initial itself (`A.`): a sentence's end pysbd reads as an
initial. A name's initial stands after a capitalised word (`John F. Kennedy`) or before a name (`by J. Smith`)."""
_PRONOUN_START_RE = re.compile(
    r"(It|Its|This|These|That|Those|They|Their|Them|Such|He|His|She|Her|Both|Thereafter|"
    r"Similarly|However|But|And|Also)\b"
)


_SYMBOL_LABELS = sum(len(NOTE_SYMBOLS) ** length for length in (1, 2, 3))
"""How many labels symbols make (runs of one to three, `NOTE_LABEL`): the span of keys one use of them takes."""


def note_key(label: str, reuse: int = 0) -> int:
    """The key a note is stored and cited by: a numbered note's number, and for a symbol's run a negative number.

    One article's notes share one space of int keys (`Article.footnotes`). A symbol note's key is its run read as a
    numeral in bijective base `len(NOTE_SYMBOLS)`, negated: below every number a document prints, so it never
    collides with a numbered note, and one label always gives one key (`note_label` gives the label back). A page
    may mark a note with symbols an earlier page of the article marked another note with (a report's "*" on page 10,
    and again on page 27): that note is its label's `reuse`-th (from 0), keyed one span of labels
    (`_SYMBOL_LABELS`) further down for each, so that each of the two has a key of its own and both print "*".
    """
    if label.isdigit():
        return int(label)
    base = len(NOTE_SYMBOLS)
    key = 0
    for symbol in label:
        key = key * base + NOTE_SYMBOLS.index(symbol) + 1
    return -key - reuse * _SYMBOL_LABELS


def printed_key(key: int) -> int:
    """The key of the note's label as printed (`note_label`): a reused symbol's first key (`note_key`), so a marker
    quoted as "[*]" and a gold note given by its label "*" find it whichever of the article's "*" notes it is."""
    return note_key(note_label(key))


def note_label(key: int) -> str:
    """The note's label as the document prints it: the number, or the symbols of a negative key (`note_key`),
    whichever use of them it is."""
    if key >= 0:
        return str(key)
    base = len(NOTE_SYMBOLS)
    symbols: list[str] = []
    key = (-key - 1) % _SYMBOL_LABELS + 1
    while key:
        key, digit = divmod(key - 1, base)
        symbols.append(NOTE_SYMBOLS[digit])
    return "".join(reversed(symbols))


@dataclass(frozen=True)
class Marker:
    """A footnote marker `[n]` (or `[*]`) at `text[start:end]` of its paragraph; `number` is its note's key
    (`note_key`)."""

    number: int
    start: int
    end: int

    @property
    def label(self) -> str:
        """The marker as printed: the number, or the symbols."""
        return note_label(self.number)


@dataclass(frozen=True)
class Span:
    """A half-open character range `[start, end)` of a paragraph."""

    start: int
    end: int


def find_markers(text: str) -> tuple[Marker, ...]:
    """Every footnote marker in `text`, in order."""
    return tuple(Marker(note_key(m.group(1)), m.start(), m.end()) for m in NOTE_MARKER_RE.finditer(text))


def split_sentences(text: str) -> tuple[Span, ...]:
    """Split a paragraph into sentence spans that cover all of its non-space text.

    Footnote markers stay with the sentence they close, so citing a sentence cites its notes.
    Costs about 1.7 ms a paragraph (pysbd runs hundreds of regular expressions; `bench/sentences.py`),
    so it runs when indexing, and quoting reuses the index's split (`qa.compose.sentences_of`).
    """
    prose, origin = _prose(text)
    cuts = [origin[cut] for cut in _boundaries(prose)]
    spans: list[Span] = []
    for start, end in zip([0, *cuts], [*cuts, len(text)], strict=True):
        span = _trim(text, start, end)
        if span is not None:
            spans.append(span)
    return tuple(spans)


def _prose(text: str) -> tuple[str, list[int]]:
    """The paragraph as pysbd should read it, and for each of its positions the paragraph's position.

    Marker runs are taken out (a space stands in for one glued to the next word); every other
    white-space character becomes a plain space, so a line break is not read as a boundary.
    """
    pieces: list[str] = []
    origin: list[int] = []
    position = 0
    for run in _MARKER_RUN_RE.finditer(text):
        pieces.append(text[position : run.start()])
        origin.extend(range(position, run.start()))
        if _GLUED_TO.match(text, run.end()) and run.start() > 0 and not text[run.start() - 1].isspace():
            pieces.append(" ")
            origin.append(run.end())
        position = run.end()
    pieces.append(text[position:])
    origin.extend(range(position, len(text) + 1))
    return re.sub(r"\s", " ", "".join(pieces)), origin


WINDOW = 4_000
"""Characters of a paragraph pysbd reads at once. Its abbreviation pass scans the whole text again for every
abbreviation it meets, which is quadratic: one 100,000-character paragraph of prose took 26 s, 200,000 took 90 s
(a text file without blank lines is one such paragraph). Read in windows, each starting at the last sentence
boundary the window before settled, a paragraph costs time in proportion to its length; one shorter than a
window is read whole, as before."""
WINDOW_MARGIN = 500
"""A boundary this close to a window's end is left to the next window, which sees the text after it."""


def _boundaries(prose: str) -> list[int]:
    """Positions in `prose` where pysbd starts a new sentence, read a window at a time (`WINDOW`)."""
    cuts: list[int] = []
    start = 0
    while len(prose) - start > WINDOW:
        end = start + WINDOW
        settled = [start + cut for cut in _pysbd_boundaries(prose[start:end]) if start + cut <= end - WINDOW_MARGIN]
        cuts.extend(settled)
        start = settled[-1] if settled else end  # one sentence longer than the window: no boundary is guessed
    return cuts + [start + cut for cut in _pysbd_boundaries(prose[start:])]


def _pysbd_boundaries(prose: str) -> list[int]:
    """Positions in `prose` where pysbd starts a new sentence, kept only where white space precedes them, and where it
    missed one after a capital letter (`_MISSED_END_RE`).

    pysbd's own offsets (`char_span=True`) search the whole text again for each sentence, which is
    quadratic (6 s for a 15,000-character run of 5,000 short sentences), so its sentences are found
    here in order from where the last one ended. A sentence pysbd altered is not found there; the
    boundaries around it are dropped, never guessed, and a boundary never falls inside a word.
    """
    segmenter = pysbd.Segmenter(language=SEGMENTER_LANGUAGE, clean=False)  # one per call: it keeps state
    cuts: list[int] = []
    cursor = 0
    for sentence in segmenter.processor(prose).process():
        body = sentence.strip()
        found = prose.find(body, cursor) if body else -1
        if found < 0:
            continue
        gap = prose[cursor:found]
        if gap and gap.isspace() and cursor > 0 and not _continues(prose[max(0, found - 40) : found], body):
            cuts.append(found)
        cursor = found + len(body)
    return sorted({*cuts, *(end.start("opener") for end in _MISSED_END_RE.finditer(prose))})


def _continues(before: str, sentence: str) -> bool:
    """Whether pysbd's `sentence` continues the text ending in `before`, so no sentence ends between them."""
    if sentence[:1].islower() and _LOWER_WORD_RE.match(sentence):
        return True
    if _IDENTIFIER_RE.match(sentence):
        number_after_initial = sentence[:1].isdigit() and _INITIAL_END_RE.search(before) is not None
        return number_after_initial or _REFERENCE_END_RE.search(before) is not None
    if _TITLE_END_RE.search(before):
        return True
    if _COMPANY_END_RE.search(before):
        return _COMPANY_FORM_RE.match(sentence) is not None or _names_a_product(sentence)
    return False


def _names_a_product(sentence: str) -> bool:
    """Whether pysbd's `sentence` after a company's legal form goes on with the company's name (`COMPANY_FORMS`)."""
    if len(sentence.split()) > COMPANY_NAME_WORDS:
        return False
    return _SENTENCE_END_RE.search(sentence) is None or _CODE_RE.search(sentence) is not None


def _trim(text: str, start: int, end: int) -> Span | None:
    """`text[start:end]` without the white space around it; None when nothing else is left."""
    piece = text[start:end]
    stripped = piece.strip()
    if not stripped:
        return None
    first = start + len(piece) - len(piece.lstrip())
    return Span(first, first + len(stripped))


def leans_on_previous(sentence: str) -> bool:
    """Whether a sentence opens with a word that needs the sentence before it to make sense."""
    return _PRONOUN_START_RE.match(sentence) is not None

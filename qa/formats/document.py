"""A structured document -> the plain text its paragraphs are sliced from, and its `Article`.

Markdown, HTML and PDF are not quoted from their raw bytes, which hold markup, not the words a
reader sees. Each format's parser extracts `Block`s of reader-visible text instead, and
`assemble` lays them out as one plain text: blocks separated by blank lines, then the notes as
`[n] text` lines below a separator (a document whose note numbers restart is laid out section
after section, each with its own notes block: `assemble_sections`). Every paragraph is a verbatim
slice of that text, and a footnote lives only in a notes block, so it can never also be a passage.
"""

from __future__ import annotations

import calendar
import re
import textwrap
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field, replace
from datetime import datetime
from pathlib import PurePath

from qa.corpus import Article, Paragraph, ParagraphKind, parse_date, slugify
from qa.sentences import NOTE_LABEL, NOTE_NUMBER, NOTE_SYMBOLS, find_markers, note_key

NOTES_SEPARATOR = "———"
NOTES_HEADING_RE = re.compile(r"(?:End|Foot)?notes|References|Sources", re.IGNORECASE)
"""A last heading that only introduces the notes; it goes with them, not into the text."""
DEFINITION_RE = re.compile(rf"\[({NOTE_NUMBER})\]\s*(\S.*)", re.DOTALL)
"""A note as the notes block writes it, `[n] text`: what every format's own endnote lines are read as too."""
BYLINE_BY_RE = re.compile(r"By\s+(\S.{0,118})")
"""A byline under a title, `By Jane Doe`; the name is group 1."""
LEADER_RE = re.compile(r"\S.*?(?:\s?[.·…_]){4,}\s*(?:\d{1,4}|[ivxlc]{1,6})", re.IGNORECASE)
"""A table of contents' entry: words, a dotted leader and the page number ("2. Conventions ......3")."""
_SPACE_RE = re.compile(r"\s+")
WORD_JOINER = "\u2060"
_LITERAL_MARKER_RE = re.compile(rf"\[(?=(?:{NOTE_LABEL})\])")
_GUARD_RE = re.compile(
    rf"(?P<literal>\[){WORD_JOINER}(?=(?:{NOTE_LABEL})\])|(?<=\[)(?P<noteless>{NOTE_LABEL}){WORD_JOINER}\]"
    rf"|(?<=\[)(?P<reused>[{NOTE_SYMBOLS}]{{1,3}}){WORD_JOINER}(?P<reuse>\d+)\]"
)


def symbol_marker_re(label: str) -> re.Pattern[str]:
    """Where the text marks the note `label` opens: the symbols glued to the word or punctuation before them
    ("Beistline,*", "Curiam:*This", "Philanthropy∗", "restored.* This"), no other symbol of the set on either side.
    Not after a digit: a table's significance stars ("0.23**") point to its own legend, not to a note."""
    return re.compile(rf"(?<=[^\W\d_]|[.,;:!?)\]\"”’'])(?<![{NOTE_SYMBOLS}]){re.escape(label)}(?![{NOTE_SYMBOLS}])")


CITED_RANGE = 50
"""A range cites at most this many numbers past its first ("7–10"); a wider one ("1–1000") cites no reference list."""


PROSE_DIRECTIVES = frozenset(
    "admonition attention caution danger error hint important note seealso tip warning "
    "margin sidebar topic epigraph pull-quote highlights dropdown card tab-item div container".split()
)
"""MyST's and docutils' directives whose body a reader reads as prose (Markdown in MyST, reStructuredText in a
`.. note::`): the admonitions and the boxes around text. Written with a backtick fence (```` ```{warning} ````), a
CommonMark renderer that knows no MyST shows such a block as code, but MyST renders its body: its paragraphs,
emphasis and links are the page's text. Any other directive keeps its body as written: a listing (`code-cell`,
`math`, `eval-rst`), or an example's source, which the page prints before the example rendered
(`qa.formats.markdown.EXAMPLE_DIRECTIVES`)."""


def cited_numbers(citation: str) -> list[int] | None:
    """The numbers a list or range of citations in one bracket cites ("3, 7–9": each listed, and every one a range
    runs through), or None where a range runs down or wider than `CITED_RANGE` ("2020–21", a span of years, cites
    nothing). Shared by every format that reads typed citations, so "[1-5]" cites the same notes in each."""
    numbers: list[int] = []
    for part in citation.split(","):
        ends = [int(end) for end in re.split(r"[–-]", part)]
        if not ends[0] <= ends[-1] <= ends[0] + CITED_RANGE:
            return None
        numbers += range(ends[0], ends[-1] + 1)
    return numbers


def literal_brackets(text: str) -> str:
    """`text` with each bracketed number ("[6]") or symbol ("[*]") guarded as words, not a note marker, while a parser
    works on it.

    Every format writes a note marker as `[n]`, so a bracketed number the source prints as words ("merge:[6]" in a
    shell transcript, a list's "[3]") would read as one. The guard is a word joiner after its `[`, which no marker
    has; `assemble` takes it out again and records where it stood (`Paragraph.literal`), so that the text a reader
    quotes and copies is the source's own characters, not the guard's.
    """
    return _LITERAL_MARKER_RE.sub("[" + WORD_JOINER, text)


def noteless_marker(number: str) -> str:
    """A note marker that cites no note, as a parser writes it: `[n]` with the guard before its `]`.

    A marker stays a marker even where its number's note is out of its reach (a page-foot note numbered up long
    before it): a reader sees and quotes it as the marker it is, and its note is null, as for a number the document
    defines no note for. The guard keeps it from reading as a marker while the parser works on the text, the same
    word joiner `literal_brackets` puts after a `[`; `assemble` takes it out and records where the marker stands
    (`Paragraph.noteless`).
    """
    return f"[{number}{WORD_JOINER}]"


def reused_marker(label: str, reuse: int) -> str:
    """The marker of a note marked with symbols an earlier note of its article was marked with, as a parser writes it:
    `[*]` with the guard, a word joiner and the use (`note_key`'s `reuse`), before its `]`. The reader sees and
    quotes the symbols as printed; `assemble` takes the guard out and records the note's own key where the marker
    stands (`Paragraph.keys`)."""
    return f"[{label}{WORD_JOINER}{reuse}]"


def _unguarded(text: str) -> tuple[str, tuple[int, ...], tuple[int, ...], tuple[tuple[int, int], ...]]:
    """`text` without the guards `literal_brackets`, `noteless_marker` and `reused_marker` put in, and the offset in
    it of each guarded marker's `[`: the literal ones', the noteless markers', and the reused symbols' with their
    notes' keys."""
    parts: list[str] = []
    literal: list[int] = []
    noteless: list[int] = []
    keys: list[tuple[int, int]] = []
    position = removed = 0
    for guard in _GUARD_RE.finditer(text):
        if guard["literal"]:
            literal.append(guard.start() - removed)
            kept = "["
        elif guard["noteless"]:
            noteless.append(guard.start() - 1 - removed)
            kept = guard["noteless"] + "]"
        else:
            keys.append((guard.start() - 1 - removed, note_key(guard["reused"], int(guard["reuse"]))))
            kept = guard["reused"] + "]"
        parts += [text[position : guard.start()], kept]
        removed += len(guard[0]) - len(kept)
        position = guard.end()
    parts.append(text[position:])
    return "".join(parts), tuple(literal), tuple(noteless), tuple(keys)


@dataclass(frozen=True)
class Block:
    """One paragraph, heading or list item as a reader sees it; markers already written `[n]`."""

    text: str
    kind: ParagraphKind = "text"
    page: int | None = None
    preformatted: bool = False
    """Set as the source wrote it, line by line (a code listing, a shell transcript): its line breaks are words."""
    tabled: bool = False
    """Read from a table (its cells, its head, its caption): a heading so read heads the table's rows only, and the
    text after the table goes on under the last heading read outside it (`_lay_out`)."""


@dataclass(frozen=True)
class Extracted:
    """What a format parser found: the document's own metadata, its blocks and its notes."""

    blocks: Sequence[Block]
    footnotes: Mapping[int, str] = field(default_factory=dict)
    title: str | None = None
    author: str | None = None
    date: str | None = None
    url: str | None = None
    """The address the document gives for itself (canonical link, front matter), None where it gives none."""
    page_footnotes: Mapping[int, Mapping[int, str]] = field(default_factory=dict)
    """The notes of a document that numbers them afresh on each page, by the page a paragraph starts on
    (`Article.page_footnotes`); its `footnotes` are then empty."""


@dataclass(frozen=True)
class Parsed:
    """A file's extracted text and the articles whose paragraphs are slices of it."""

    text: str
    articles: list[Article]


def squash(text: str) -> str:
    """White space runs as single spaces, trimmed: how a browser or a PDF reader shows them."""
    return _SPACE_RE.sub(" ", text).strip()


_LETTER_RE = re.compile(r"[^\W\d_]")
LINE_BREAK = "\u2029"
"""Where a hard line break (Markdown's, a `<br>`) broke a block's line: the paragraph separator, which no document's
text holds, so a block can carry its lines until they are parted (`line_blocks`)."""


def lines_apart(lines: Sequence[str]) -> bool:
    """Whether lines a hard break ends are each a line of their own, a list a reader reads one by one (the
    signatories of a statement, an address, a poem's lines), rather than prose whose author broke a line: no line
    after the first goes on in lower case (its first letter, after any bracket or dash: "(—inform you)" goes on)."""
    return not any((letter := _LETTER_RE.search(line)) and letter.group().islower() for line in lines[1:])


def line_blocks(blocks: list[Block]) -> list[Block]:
    """Each block whose lines are marked apart (`LINE_BREAK`) as one block per line."""
    return [replace(block, text=line) for block in blocks for line in block.text.split(LINE_BREAK)]


def _preformatted_lines(text: str) -> str:
    """A preformatted block's text as laid out: its lines and their indentation under the block's own, each line
    without trailing white space, no blank line (a blank line is what separates blocks in the laid-out text)."""
    lines = [line.rstrip() for line in textwrap.dedent(text).splitlines() if line.strip()]
    return "\n".join(lines)


def assemble(extracted: Extracted, source: str) -> Parsed:
    """Lay the blocks out as text and build the one article they make."""
    return assemble_sections([extracted], source)


def assemble_sections(sections: Sequence[Extracted], source: str) -> Parsed:
    """Lay out a document's sections one after another, each its blocks then its notes, and an article of each.

    A document whose note numbers start again (by chapter, or page after page of profiles) is given
    as one section per run of numbers, so that a marker finds only the notes of its own run; with
    its notes right under it, every `[n] text` line of the text still belongs to the text above it.
    Ids count the sections that hold paragraphs, in order: `<stem>-1`, `<stem>-2`, ...
    """
    stem = slugify(PurePath(source).stem)
    parts: list[str] = []
    articles: list[Article] = []
    position = 0
    for extracted in sections:
        text, paragraphs, notes, page_notes = _lay_out(extracted, position)
        if not text:
            continue
        parts.append(text)
        position += len(text) + 2
        if paragraphs:
            articles.append(
                Article(
                    id=f"{stem}-{len(articles) + 1}",
                    title=squash(extracted.title or "") or None,
                    author=squash(extracted.author or "") or None,
                    date=extracted.date,
                    source=source,
                    paragraphs=tuple(paragraphs),
                    footnotes=notes,
                    url=extracted.url,
                    page_footnotes=page_notes,
                )
            )
    text = "\n\n".join(parts)
    return Parsed(text + "\n" if text else text, articles)


def _lay_out(
    extracted: Extracted, position: int
) -> tuple[str, list[Paragraph], dict[int, str], dict[int, dict[int, str]]]:
    """One section's text, its paragraphs (at offsets counted from `position`) and the notes written below them: by
    number, or page after page where each page numbers its own (`Extracted.page_footnotes`)."""
    parts: list[str] = []
    paragraphs: list[Paragraph] = []
    section: str | None = None
    outside: str | None = None
    """The last heading read outside a table: the section of the text after one. A heading read from a table counts
    as inside it only when the block after it is the table's too: a heading a table's reading flags (a short line
    read as a cell) but text follows heads that text."""
    laid_out = (
        Block(_preformatted_lines(b.text), "preformatted", b.page, tabled=b.tabled)
        if b.preformatted
        else Block(squash(b.text), b.kind, b.page, tabled=b.tabled)
        for b in extracted.blocks
    )
    blocks = [b for b in laid_out if b.text]
    if blocks and blocks[-1].kind == "heading" and NOTES_HEADING_RE.fullmatch(blocks[-1].text):
        blocks.pop()
    for number, block in enumerate(blocks):
        kind = block.kind
        if kind == "heading" and number + 1 < len(blocks):
            section = block.text
            inside = block.tabled and blocks[number + 1].tabled
            outside = outside if inside else section
        elif kind == "heading":
            kind = "text"  # a heading with nothing under it is just a line of text
        elif not block.tabled:
            section = outside
        text, literal, noteless, keys = _unguarded(block.text)
        literal = _opening_label(text, literal, noteless)
        paragraphs.append(
            Paragraph(
                len(paragraphs) + 1,
                text,
                position,
                kind,
                None if kind == "heading" else section,
                block.page,
                literal,
                noteless,
                keys,
            )
        )
        parts.append(text)
        position += len(text) + 2
    notes = _written(extracted.footnotes)
    page_notes = {
        page: written for page, held in sorted(extracted.page_footnotes.items()) if (written := _written(held))
    }
    text = "\n\n".join(parts)
    listed = [item for held in (notes, *page_notes.values()) for item in held.items()]
    if listed:
        lines = "\n".join(note_line(n, t) for n, t in listed)
        text = f"{text}\n\n{NOTES_SEPARATOR}\n\n{lines}" if text else f"{NOTES_SEPARATOR}\n\n{lines}"
    return text, paragraphs, notes, page_notes


def note_line(key: int, text: str) -> str:
    """A note's line in the notes block written under its section's paragraphs: its key in brackets, then its text."""
    return f"[{key}] {text}"


def note_offsets(article: Article) -> list[int]:
    """Where the text of each of the article's notes (`Article.footnote_list`, in its order) starts in the text its
    parse laid out: the notes block `_lay_out` writes right after the article's last paragraph of text (not one of
    the index's notes, `qa.passages.with_uncited_notes`), one line a note."""
    last = next(paragraph for paragraph in reversed(article.paragraphs) if paragraph.note is None)
    position = last.offset + len(f"{last.text}\n\n{NOTES_SEPARATOR}\n\n")
    offsets = []
    for key, text in article.footnote_list():
        line = note_line(key, text)
        offsets.append(position + len(line) - len(text))
        position += len(line) + 1
    return offsets


def _opening_label(text: str, literal: tuple[int, ...], noteless: tuple[int, ...]) -> tuple[int, ...]:
    """`literal` with the paragraph's first characters added when they are a bracketed number: a label, no marker.

    A note marker follows the words it annotates, so a paragraph cannot open with one. A paragraph that does is
    numbered by its source: a court reporter's headnote numbers ("[1] The conclusion that ..."), a numbered
    clause, a notes line no notes list took in. Read as a marker, it would cite the document's note of that number,
    which says nothing about the paragraph: an answer quoting it would attribute the wrong note.
    """
    opening = next(iter(find_markers(text)), None)
    if opening is None or opening.start != 0 or 0 in literal or 0 in noteless:
        return literal
    return (0, *literal)


def _written(notes: Mapping[int, str]) -> dict[int, str]:
    """Notes by number as the notes block writes them: each as a reader sees it, an empty one left out."""
    return {n: _unguarded(squash(t))[0] for n, t in sorted(notes.items()) if squash(t)}


_ISO_RE = re.compile(r"(\d{4}-\d{2}-\d{2})(?:$|[T ])")
_MONTH_FORMATS = ("%B %Y", "%b %Y")


_WEEKDAY_RE = re.compile(rf"^(?:{'|'.join(calendar.day_name)}|{'|'.join(calendar.day_abbr)})\.?,?\s+", re.IGNORECASE)
"""A day's name before a date ("Thursday, August 6, 2020"): part of how the date is printed, not a label."""

_ORDINAL_DAY_RE = re.compile(r"\b(\d{1,2})(?:st|nd|rd|th)\b", re.IGNORECASE)
"""A day written as an English ordinal ("May 31st, 2011", "1st June 2020"): the suffix is how the day is read
aloud, not part of its number, so the date is the same one as "May 31, 2011"."""


def iso_date(text: str | None) -> str | None:
    """ISO `YYYY-MM-DD` of a metadata date (`2014-10-16T09:00:00Z`, `Oct 16, 2014`, `Tuesday 15 October 2019`),
    or None."""
    if not text:
        return None
    text = _ORDINAL_DAY_RE.sub(r"\1", _WEEKDAY_RE.sub("", text.strip(), count=1))
    if match := _ISO_RE.match(text):
        return parse_date(match.group(1))
    return parse_date(text)


def month_date(text: str) -> str | None:
    """`YYYY-MM` of a month and year printed alone ("March 2017", "February, 2003"), or None: a document
    dated to the month is given the month, never a day made up."""
    cleaned = text.strip(" .").replace(",", " ")
    for pattern in _MONTH_FORMATS:
        try:
            return datetime.strptime(" ".join(cleaned.split()), pattern).strftime("%Y-%m")
        except ValueError:
            continue
    return None

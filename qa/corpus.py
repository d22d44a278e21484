"""The document model every parser produces: articles, their verbatim paragraphs and their own notes.

Parsers live in `qa.formats`, one per file format; this module holds only what they all build and
what the index stores (`articles_to_json`), plus the small helpers they share (`parse_date`, `slugify`).
Attribution comes only from a document's own text, so a parser errs toward "unknown" (None) rather
than borrowing a title, author, date or footnote from a neighbour.
"""

from __future__ import annotations

import json
import unicodedata
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field, fields
from datetime import date, datetime
from functools import cached_property
from typing import Any, Literal

from qa.sentences import Marker, find_markers, note_label

PARSER_VERSION = "59"
"""Bump when any parser changes the articles it makes, so indexes holding the old ones are rebuilt."""

ParagraphKind = Literal["text", "heading", "bullet", "preformatted", "note"]
"""What a paragraph is to a reader. A "preformatted" one (program code, a transcript, a verse) was set line by line:
its line breaks and indentation are part of its words, so every view shows them as written, not run together. A
"note" is one of the article's notes that no paragraph cites, which the index gives a paragraph of its own
(`qa.passages.with_uncited_notes`); no parser makes one."""

_DATE_FORMATS = ("%b %d, %Y", "%B %d, %Y", "%d %B %Y", "%d %b %Y", "%Y-%m-%d")
PLACEHOLDER_DATES = frozenset({date(1969, 12, 31), date(1970, 1, 1)})
"""Epoch zero as CMS pages print it when an article has no date: unknown, not a date."""


@dataclass(frozen=True)
class Paragraph:
    """One paragraph, verbatim: `text == source_text[offset:offset + len(text)]`."""

    index: int
    """1-based position in its article; what an answer cites as "paragraph N"."""
    text: str
    offset: int
    kind: ParagraphKind = "text"
    section: str | None = None
    """The heading this paragraph stands under, which gives it context."""
    page: int | None = None
    """1-based page the paragraph starts on, for paged sources (PDF); None for the others."""
    literal: tuple[int, ...] = ()
    """Where a bracketed number the source prints as words ("[6]" in a transcript) starts: no note marker, though
    written as one (`qa.formats.document.literal_brackets`)."""
    noteless: tuple[int, ...] = ()
    """Where a marker that cites no note starts: a marker all the same, shown and quoted as one, whose note is null
    because its number's note is out of its reach (`qa.formats.document.noteless_marker`)."""
    keys: tuple[tuple[int, int], ...] = ()
    """Where a marker of symbols cites a later note its article marks with the same symbols ("*" again, on a later
    page) starts, and that note's key (`qa.sentences.note_key`): printed as the first, it cites its own note
    (`qa.formats.document.reused_marker`). Every other marker's key is its label's."""
    note: int | None = None
    """The key (`qa.sentences.note_key`) of the note a paragraph of kind "note" is; None for every other paragraph."""

    @cached_property
    def markers(self) -> tuple[Marker, ...]:
        """Found on first use and kept: every quote from the paragraph cites from them."""
        keys = dict(self.keys)
        return tuple(
            Marker(keys.get(marker.start, marker.number), marker.start, marker.end)
            for marker in find_markers(self.text)
            if marker.start not in self.literal
        )

    @property
    def note_label(self) -> str | None:
        """The label of the note a paragraph of kind "note" is, as printed (`qa.sentences.note_label`); None for
        every other paragraph."""
        return None if self.note is None else note_label(self.note)

    def cites(self, marker: Marker) -> bool:
        """Whether one of the paragraph's `markers` cites its number's note; a noteless one cites none."""
        return marker.start not in self.noteless


@dataclass(frozen=True)
class Article:
    """One article (or one listing entry) of a source file."""

    id: str
    title: str | None
    author: str | None
    date: str | None
    """ISO `YYYY-MM-DD`, or None where the source gives no real date."""
    source: str
    paragraphs: tuple[Paragraph, ...]
    footnotes: Mapping[int, str] = field(default_factory=dict)
    """Notes defined in this article's own endnote block; numbers restart in each article."""
    url: str | None = None
    """The address the document gives for itself; None where it gives none (never a guess)."""
    page_footnotes: Mapping[int, Mapping[int, str]] = field(default_factory=dict)
    """Notes of a document that numbers them afresh on each page (an Official Journal's "(1)" on every page), by the
    page a paragraph starts on, then by number: one number names a different note on each page, so a marker's
    number alone does not find its note. Empty where the notes are numbered through the text (`footnotes`)."""

    def footnote(self, number: int, page: int | None = None) -> str | None:
        """The note a marker of `number` cites in a paragraph that starts on `page`."""
        if self.page_footnotes:
            return self.page_footnotes.get(page, {}).get(number) if page is not None else None
        return self.footnotes.get(number)

    def footnote_list(self) -> list[tuple[int, str]]:
        """Every note as (number, text), in order: by number, or page after page where each page numbers its own."""
        if self.page_footnotes:
            return [
                (n, self.page_footnotes[page][n])
                for page in sorted(self.page_footnotes)
                for n in sorted(self.page_footnotes[page])
            ]
        return sorted(self.footnotes.items())


def parse_date(text: str) -> str | None:
    """ISO date of a dateline, or None for placeholders and anything unparseable."""
    cleaned = text.strip().replace(".", "")
    for fmt in _DATE_FORMATS:
        try:
            parsed = datetime.strptime(cleaned, fmt).date()
        except ValueError:
            continue
        return None if parsed in PLACEHOLDER_DATES else parsed.isoformat()
    return None


def slugify(text: str) -> str:
    """Words joined by hyphens, lowercased: how a file name becomes the stem of its documents' ids.

    Words are letters and digits of any script (with their combining marks), after NFKC and case
    folding, so `보고서.txt` and `성명.txt` get ids of their own; ASCII names give what they always gave.
    """
    folded = unicodedata.normalize("NFKC", text).casefold()
    words = "".join(c if c.isalnum() or unicodedata.category(c)[0] == "M" else " " for c in folded).split()
    return "-".join(words) or "document"


_ARTICLE_FIELDS = tuple(f.name for f in fields(Article))
_PARAGRAPH_FIELDS = tuple(f.name for f in fields(Paragraph))
_OPTIONAL_FIELDS = frozenset({"page", "literal", "noteless", "keys", "note"})


def article_row(article: Article) -> dict[str, Any]:
    """An article as the JSON object the index stores: the one form `article_from_row` reads back."""
    # Field by field rather than `asdict`, which deep-copies every string: ten times slower over a large corpus.
    row: dict[str, Any] = {name: getattr(article, name) for name in _ARTICLE_FIELDS}
    # A paragraph without a page, literal brackets, noteless markers, reused symbols' keys or a note is stored as before
    # they existed: most serialize unchanged.
    row["paragraphs"] = [
        {name: value for name in _PARAGRAPH_FIELDS if (value := getattr(p, name)) or name not in _OPTIONAL_FIELDS}
        for p in article.paragraphs
    ]
    row["footnotes"] = {str(n): text for n, text in article.footnotes.items()}
    # Stored only where a document numbers its notes page by page, so that every other row serializes unchanged.
    row.pop("page_footnotes")
    if article.page_footnotes:
        row["page_footnotes"] = {
            str(page): {str(n): text for n, text in notes.items()} for page, notes in article.page_footnotes.items()
        }
    return row


def article_from_row(row: dict[str, Any]) -> Article:
    """The article an `article_row` object stores; a malformed one is a TypeError or KeyError."""
    paragraphs = tuple(
        Paragraph(
            **{
                **p,
                "literal": tuple(p.get("literal", ())),
                "noteless": tuple(p.get("noteless", ())),
                "keys": tuple((start, key) for start, key in p.get("keys", ())),
            }
        )
        for p in row.pop("paragraphs")
    )
    footnotes = {int(n): text for n, text in row.pop("footnotes").items()}
    page_footnotes = {
        int(page): {int(n): text for n, text in notes.items()} for page, notes in row.pop("page_footnotes", {}).items()
    }
    return Article(**row, paragraphs=paragraphs, footnotes=footnotes, page_footnotes=page_footnotes)


def articles_to_json(articles: Iterable[Article]) -> bytes:
    """Serialize parsed articles, so serving an index never needs the parser's heuristics again."""
    return json.dumps([article_row(article) for article in articles], ensure_ascii=False).encode("utf-8")


def articles_from_json(data: bytes) -> list[Article]:
    return [article_from_row(row) for row in json.loads(data)]

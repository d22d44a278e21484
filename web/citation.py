"""The references the "copy citation" button puts on the clipboard: plain, Chicago, APA and BibTeX.

Each is built only from what the document says about itself. An unknown author or date is written
as the style writes an unknown ("n.d." in Chicago and APA; left out of BibTeX, whose styles print
their own), never filled in. The page (PDFs) and the document's own address are added when known.
Names are copied as the document prints them: turning "Roberta Cohen" into "Cohen, R." would need
a guess at which words are the surname, so no style inverts them.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from datetime import date

from qa.schema import SourceOut

NO_NOTE = "the source gives no note for this marker"
NOT_CITED = "a note of the context, not cited: only the quotation's notes are"
UNTITLED = "Untitled document"
NO_DATE = "n.d."
_BIBTEX_SPECIAL_RE = re.compile(r"([&%$#_{}])")
_CLOSING_MARKS = ("?", "!")


def citation(source: SourceOut) -> str:
    """Who said it, when, where in the document, its address, and the evidence the quoted sentences cite.

    Unknowns are written out ("author unknown") rather than left blank, so a pasted citation
    never looks complete when the source did not say.
    """
    document = source.document
    title = f"“{document.title}”" if document.title else "Untitled entry"
    head = f"{title}, {document.author or 'author unknown'}, {document.date or 'date unknown'}, {_place(source)}."
    if document.url:
        head = f"{head} {document.url}"
    notes = [f"[{note.label}] {note.text if note.text is not None else NO_NOTE}" for note in source.footnotes]
    return "\n".join([head, *notes])


def chicago(source: SourceOut) -> str:
    """A Chicago note: `Author, “Title,” Month D, YYYY, page, URL.` (the title first when no author is known)."""
    document = source.document
    title = f"“{_with_mark(document.title, ',')}”" if document.title else UNTITLED + ","
    after = [_spelled(document.date, "{month} {day}, {year}", "{month} {year}")]
    after += [str(source.page) if source.page is not None else None, document.url]
    text = " ".join([*([f"{document.author},"] if document.author else []), title, ", ".join(p for p in after if p)])
    return text if text.endswith(".") else text + "."


def apa(source: SourceOut) -> str:
    """An APA reference: `Author. (YYYY, Month D). Title (p. N). URL` (the title first when no author is known)."""
    document = source.document
    title = document.title or f"[{UNTITLED}]"
    located = f"{title} (p. {source.page})" if source.page is not None else title
    dated = f"({_spelled(document.date, '{year}, {month} {day}', '{year}, {month}')})."
    parts = (
        [_with_mark(document.author, "."), dated, _with_mark(located, ".")]
        if document.author
        else [_with_mark(located, "."), dated]
    )
    return " ".join([*parts, *([document.url] if document.url else [])])


def bibtex(source: SourceOut) -> str:
    """A `@misc` BibTeX entry; unknown fields are left out, the author in braces so BibTeX keeps it as written."""
    document = source.document
    fields = {
        "title": f"{{{_bibtex_text(document.title)}}}" if document.title else None,
        "author": f"{{{_bibtex_text(document.author)}}}" if document.author else None,
        "year": document.date[:4] if document.date else None,
        "date": document.date,
        "pages": str(source.page) if source.page is not None else None,
        "url": document.url,
        "note": _part(source),
    }
    lines = [f"  {name} = {{{value}}}," for name, value in fields.items() if value is not None]
    return "\n".join([f"@misc{{{_key(source)},", *lines, "}"])


STYLES: dict[str, tuple[str, Callable[[SourceOut], str]]] = {
    "plain": ("Plain", citation),
    "chicago": ("Chicago", chicago),
    "apa": ("APA", apa),
    "bibtex": ("BibTeX", bibtex),
}
"""Each style the copy button offers: its label and its formatter, in the order the picker lists them."""


def citations(source: SourceOut) -> dict[str, str]:
    """The source cited in every style, by style key."""
    return {key: format_(source) for key, (_, format_) in STYLES.items()}


def _place(source: SourceOut) -> str:
    page = f"page {source.page}, " if source.page is not None else ""
    return f"{page}{_part(source)}"


def _part(source: SourceOut) -> str:
    """The part of its document a source is: its paragraph, or the note it is by its label (a note no paragraph
    cites, `qa.passages.with_uncited_notes`), whose paragraph number the document does not print."""
    return f"note {source.note}" if source.note is not None else f"paragraph {source.paragraph}"


def _with_mark(text: str, mark: str) -> str:
    """The text followed by `mark`, unless it already ends with its own question or exclamation mark."""
    return text if text.endswith(_CLOSING_MARKS) or text.endswith(mark) else text + mark


def _spelled(iso: str | None, full: str, month_only: str) -> str:
    """An ISO date (`YYYY-MM-DD`, `YYYY-MM` or `YYYY`) spelled out with the parts it has; "n.d." without one."""
    if not iso:
        return NO_DATE
    pieces = [int(p) for p in iso.split("-")]
    if len(pieces) == 1:
        return str(pieces[0])
    month = date(pieces[0], pieces[1], 1).strftime("%B")
    pattern = full if len(pieces) == 3 else month_only
    return pattern.format(year=pieces[0], month=month, day=pieces[-1])


def _bibtex_text(text: str) -> str:
    return _BIBTEX_SPECIAL_RE.sub(r"\\\1", text)


def _key(source: SourceOut) -> str:
    """A citation key from the document id and paragraph: letters, digits and hyphens only."""
    return re.sub(r"[^A-Za-z0-9-]+", "-", f"{source.document.id}-p{source.paragraph}").strip("-")

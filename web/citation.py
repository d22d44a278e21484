"""The reference the "copy citation" button puts on the clipboard, ready to paste into a briefing."""

from __future__ import annotations

from qa.schema import SourceOut

NO_NOTE = "the source gives no note for this marker"
NOT_CITED = "a note of the context, not cited: only the quotation's notes are"


def citation(source: SourceOut) -> str:
    """Who said it, when, where in the document, and the evidence the quoted sentences cite.

    Unknowns are written out ("author unknown") rather than left blank, so a pasted citation
    never looks complete when the source did not say.
    """
    document = source.document
    title = f"“{document.title}”" if document.title else "Untitled entry"
    head = (
        f"{title}, {document.author or 'author unknown'}, {document.date or 'date unknown'}, "
        f"paragraph {source.paragraph}."
    )
    notes = [f"[{note.number}] {note.text if note.text is not None else NO_NOTE}" for note in source.footnotes]
    return "\n".join([head, *notes])

"""A text file's bytes -> its text, in whatever encoding it was saved.

Saved pages and notes are UTF-8 more often than not, but older ones are Windows-1252 or
Latin-1, and some editors write UTF-16. Rejecting them loses documents a reader can open, so the
encoding is read from a byte order mark, else UTF-8 is tried, else charset-normalizer chooses one.
"""

from __future__ import annotations

import codecs
import re

from charset_normalizer import from_bytes

from qa.formats.errors import UnreadableDocument

_BOMS = (
    (codecs.BOM_UTF8, "utf-8"),
    (codecs.BOM_UTF32_LE, "utf-32-le"),  # before UTF-16 LE, whose mark begins it
    (codecs.BOM_UTF32_BE, "utf-32-be"),
    (codecs.BOM_UTF16_LE, "utf-16-le"),
    (codecs.BOM_UTF16_BE, "utf-16-be"),
)
_CONTROL_RE = re.compile(r"[\x00-\x08\x0b\x0e-\x1f\x7f]")
"""Characters no text file holds; a guessed encoding that yields them was a guess at binary data."""


def decode_text(data: bytes) -> str:
    """The file's text, without its byte order mark; `UnreadableDocument` says why if it is not text."""
    for bom, encoding in _BOMS:
        if data.startswith(bom):
            try:
                return data[len(bom) :].decode(encoding)
            except UnicodeDecodeError as error:
                raise UnreadableDocument(
                    f"not {encoding.upper()} text though it starts with that byte order mark "
                    f"({error.reason} at byte {error.start + len(bom)})"
                ) from error
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError:
        pass
    best = from_bytes(data).best()
    text = str(best) if best is not None else None
    if text is None or _CONTROL_RE.search(text):
        raise UnreadableDocument("not text: neither UTF-8 nor any encoding charset-normalizer recognises")
    return text

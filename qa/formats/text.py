"""Plain text: the file's own text is what is quoted, parsed by `qa.corpus.parse_text` as always."""

from __future__ import annotations

from qa.corpus import parse_text
from qa.formats.document import Parsed
from qa.formats.errors import decode_utf8


def parse(data: bytes, source: str) -> Parsed:
    text = decode_utf8(data)
    return Parsed(text, parse_text(text, source))

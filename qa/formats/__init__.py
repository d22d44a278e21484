"""One parser per file format, each a pure function from a file's bytes to its `Parsed` text and articles."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from qa.errors import CorpusError
from qa.formats import docx, html, markdown, pdf, text
from qa.formats.document import Parsed
from qa.formats.errors import UnreadableDocument

Parser = Callable[[bytes, str], Parsed]

PARSERS: dict[str, Parser] = {
    ".txt": text.parse,
    ".md": markdown.parse,
    ".markdown": markdown.parse,
    ".html": html.parse,
    ".htm": html.parse,
    ".pdf": pdf.parse,
    ".docx": docx.parse,
}
"""The parser of each supported suffix: the keys are what a corpus folder indexes, in the order messages list them."""


def parse_bytes(data: bytes, source: str) -> Parsed:
    """Parse a file's bytes by the suffix of its name `source`; CorpusError names the file and the reason."""
    name = Path(source).name
    parser = PARSERS.get(Path(source).suffix.lower())
    if parser is None:
        raise CorpusError(f"{name}: unsupported format; supported: {', '.join(PARSERS)}")
    if not data.strip():
        raise CorpusError(f"{name}: the file is empty")
    try:
        return parser(data, source)
    except UnreadableDocument as error:
        raise CorpusError(f"{name}: {error}") from error


def parse_file(path: Path, source: str) -> Parsed:
    """Read and parse one corpus file; `source` is its name relative to the corpus folder."""
    try:
        data = path.read_bytes()
    except OSError as error:
        raise CorpusError(f"{path.name}: cannot be read ({error.strerror})") from error
    return parse_bytes(data, source)


__all__ = ["PARSERS", "Parsed", "parse_bytes", "parse_file"]

"""One parser per file format, each a pure function from a file's bytes to its `Parsed` text and articles."""

from __future__ import annotations

from collections.abc import Callable
from importlib import import_module
from pathlib import Path

from qa.errors import CorpusError
from qa.formats.document import Parsed
from qa.formats.errors import UnreadableDocument

Parser = Callable[[bytes, str], Parsed]


def _on_first_use(module: str) -> Parser:
    """The `parse` of `qa.formats.<module>`, imported when a file is first parsed: asking a question lists
    a folder's files to see whether it changed, and must not pay a third of a second to import parsers."""

    def parse(data: bytes, source: str) -> Parsed:
        return import_module(f"qa.formats.{module}").parse(data, source)

    return parse


PARSERS: dict[str, Parser] = {
    ".txt": _on_first_use("text"),
    ".md": _on_first_use("markdown"),
    ".markdown": _on_first_use("markdown"),
    ".html": _on_first_use("html"),
    ".htm": _on_first_use("html"),
    ".pdf": _on_first_use("pdf"),
    ".docx": _on_first_use("docx"),
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

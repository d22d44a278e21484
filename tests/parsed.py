"""Documents parsed once per test run: the real published PDFs cost seconds to parse (the RDR index's 106 pages: 23 s
of CPU, measured), and several test files read the same ones, so they share one parse through `articles` and
`parsed_text`, across `make test`'s two workers too (`tests/once.py`)."""

from __future__ import annotations

from functools import cache
from pathlib import Path

from qa.corpus import Article
from qa.formats import parse_bytes
from qa.formats.document import Parsed
from qa.settings import PROJECT_ROOT
from tests.once import key_of, once

REAL = PROJECT_ROOT / "eval" / "real" / "docs"


@cache
def _parsed(path: Path) -> Parsed:
    data = path.read_bytes()
    return once(key_of(b"parse", path.name.encode(), data), lambda: parse_bytes(data, path.name))


@cache
def articles(path: Path) -> tuple[Article, ...]:
    """The documents the parser table makes of the file at `path` (frozen: no test changes what another reads)."""
    return tuple(_parsed(path).articles)


def parsed_text(path: Path) -> str:
    """The text the parser extracted from the file at `path`, of which its articles' paragraphs are slices."""
    return _parsed(path).text


WILD = PROJECT_ROOT / "tests" / "data" / "wild"


def article(path: Path) -> Article:
    """The one document the file at `path` makes: a test file about single texts reads each through this."""
    (only,) = articles(path)
    return only

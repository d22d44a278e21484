"""The answer's Jinja template, compiled once a process and read from Jinja's bytecode cache after the first.

Parsing and compiling the template (its lexer's patterns included) costs 20-35 ms of every `qa ask` start on
the project's machine; loading its bytecode from the cache costs under 1 ms. The cache is Jinja's own: a folder
of the user's temporary folder that only the user can open, keyed by the template's name and checked against
its source, so an edited template is compiled again. A cache that cannot be written is no error: the template
is compiled as before.
"""

from __future__ import annotations

import contextlib
import re
from functools import cache
from pathlib import Path

import jinja2
from jinja2.bccache import Bucket

TEMPLATES = Path(__file__).parent / "templates"

_LINE_BREAK_RE = re.compile(r"[ \t]*(?:\r\n?|\n)\s*")


def unwrapped(text: str) -> str:
    """`text` with each line break (and the spaces around it) as one space.

    A plain-text or Markdown source wraps its paragraphs at a fixed width, in most e-texts with CRLF line ends;
    a quote keeps the source's exact characters (its offsets must index the paragraph), but pasted into a report
    those breaks, and a carriage return most of all, would split the quotation mid-sentence. The words and their
    order stay the source's own, as the judge reads them.
    """
    return _LINE_BREAK_RE.sub(" ", text)


class QuietBytecodeCache(jinja2.FileSystemBytecodeCache):
    """Jinja's file cache, except that a failed write (a full or read-only disk) only leaves the bytecode unsaved."""

    def dump_bytecode(self, bucket: Bucket) -> None:
        with contextlib.suppress(OSError):
            super().dump_bytecode(bucket)


def bytecode_cache() -> jinja2.BytecodeCache | None:
    """The user's private cache folder in the temporary folder, or None when there is no safe one to use."""
    try:
        return QuietBytecodeCache()
    except (OSError, RuntimeError):  # no temporary folder, or one another user owns
        return None


def template_environment(cache: jinja2.BytecodeCache | None) -> jinja2.Environment:
    """The templates' environment: undefined names fail loudly; no escaping (the HTML pages escape)."""
    environment = jinja2.Environment(
        loader=jinja2.FileSystemLoader(TEMPLATES),
        undefined=jinja2.StrictUndefined,
        autoescape=False,
        keep_trailing_newline=True,
        bytecode_cache=cache,
    )
    environment.filters["unwrapped"] = unwrapped
    return environment


@cache
def answer_template() -> jinja2.Template:
    """The plain-text answer template, compiled once a process (through the user's bytecode cache)."""
    return template_environment(bytecode_cache()).get_template("answer.txt.j2")

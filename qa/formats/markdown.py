"""Markdown notes -> one article: `[^n]` footnotes or a final `[n]` endnote block, headings as sections.

markdown-it-py (CommonMark, with the mdit-py-plugins footnote and front-matter rules) does the
parsing, so emphasis, links and code spans come out as the words a reader sees, not as markup.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from markdown_it import MarkdownIt
from markdown_it.token import Token
from mdit_py_plugins.footnote import footnote_plugin
from mdit_py_plugins.front_matter import front_matter_plugin

from qa.corpus import ParagraphKind
from qa.formats.document import BYLINE_BY_RE, DEFINITION_RE, Block, Extracted, Parsed, assemble, iso_date, squash
from qa.formats.encoding import decode_text

_FRONT_MATTER_RE = re.compile(r"^(title|author|authors|date)\s*:\s*(.+?)\s*$", re.IGNORECASE | re.MULTILINE)

_PARSER = MarkdownIt("commonmark").enable("table").use(front_matter_plugin).use(footnote_plugin)


@dataclass
class _Walk:
    blocks: list[Block] = field(default_factory=list)
    raw: list[str] = field(default_factory=list)
    """Each block's text before white space is squashed, one line per source line."""
    footnotes: dict[int, str] = field(default_factory=dict)
    meta: dict[str, str] = field(default_factory=dict)


def _inline(token: Token) -> str:
    """The words a reader sees in an inline token; footnote references become `[n]` markers."""
    parts: list[str] = []
    for child in token.children or ():
        if child.type in ("text", "code_inline"):
            parts.append(child.content)
        elif child.type in ("softbreak", "hardbreak"):
            parts.append("\n")
        elif child.type == "footnote_ref":
            parts.append(f"[{_note_number(child)}]")
    return "".join(parts)


def _note_number(token: Token) -> int:
    """A numeric label keeps its number (`[^3]` is note 3); others are numbered in reference order."""
    label = str(token.meta.get("label", ""))
    return int(label) if label.isdigit() and len(label) <= 4 else int(token.meta.get("id", 0)) + 1


def _walk(tokens: list[Token]) -> _Walk:
    walk = _Walk()
    lists = 0
    skip_until: str | None = None
    note: int | None = None
    heading = False
    for token in tokens:
        if skip_until is not None:
            skip_until = None if token.type == skip_until else skip_until
            continue
        kind = token.type
        if kind == "front_matter":
            walk.meta = {k.lower().rstrip("s"): v.strip("'\"") for k, v in _FRONT_MATTER_RE.findall(token.content)}
        elif kind == "table_open":
            skip_until = "table_close"
        elif kind in ("bullet_list_open", "ordered_list_open"):
            lists += 1
        elif kind in ("bullet_list_close", "ordered_list_close"):
            lists -= 1
        elif kind == "footnote_open":
            note = _note_number(token)
        elif kind == "footnote_close":
            note = None
        elif kind == "heading_open":
            heading = True
        elif kind == "heading_close":
            heading = False
        elif kind == "inline" and note is not None:
            previous = walk.footnotes.get(note, "")
            walk.footnotes[note] = f"{previous} {_inline(token)}".strip()
        elif kind == "inline":
            block_kind: ParagraphKind = "heading" if heading else "bullet" if lists else "text"
            text = _inline(token)
            walk.blocks.append(Block(text, block_kind))
            walk.raw.append(text)
    return walk


def _endnotes(walk: _Walk) -> int:
    """Move a final run of `[n] text` paragraphs into the notes; returns where the body ends."""
    end = len(walk.blocks)
    while end > 0 and walk.blocks[end - 1].kind == "text" and DEFINITION_RE.match(walk.raw[end - 1].lstrip()):
        end -= 1
    notes: dict[int, str] = {}
    for raw in walk.raw[end:]:
        number = None
        for line in raw.splitlines():
            if definition := DEFINITION_RE.fullmatch(line.strip()):
                number = int(definition.group(1))
                notes[number] = definition.group(2)
            elif number is not None:
                notes[number] += " " + line
    for number, text in notes.items():
        walk.footnotes.setdefault(number, text)
    return end


def parse(data: bytes, source: str) -> Parsed:
    text = decode_text(data)
    walk = _walk(_PARSER.parse(text))
    blocks = walk.blocks[: _endnotes(walk)]
    title = walk.meta.get("title")
    if blocks and blocks[0].kind == "heading" and (title is None or squash(blocks[0].text) == title):
        title, blocks = squash(blocks[0].text), blocks[1:]
    author = walk.meta.get("author")
    if author is None and blocks and (by := BYLINE_BY_RE.fullmatch(blocks[0].text.strip())):
        author, blocks = by.group(1), blocks[1:]
    extracted = Extracted(blocks, walk.footnotes, title, author, iso_date(walk.meta.get("date")))
    return assemble(extracted, source)

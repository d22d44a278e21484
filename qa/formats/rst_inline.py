"""reStructuredText inline markup as docutils prints it: the words a reader sees, without the marks around them.

`` ``literal`` `` reads "literal", `*emphasis*` "emphasis", `**strong**` "strong", a reference (`` `link text
<address>`_ ``, `` `name`_ ``, `name_`, anonymous `__`) its text, interpreted text (`` :role:`text` ``,
`` `title` ``) its text (`:PEP:` and `:RFC:` their "PEP 8", "RFC 2822"), an inline target (`` _`name` ``) its name
and a substitution (`|name|`) the text its `replace::` definition gives. Markup is found as docutils finds it (the
reStructuredText specification's inline markup recognition rules): a start-string after white space, an opening
bracket or quote, or a few delimiters, and before a character that is no white space; an end-string after one that
is no white space and before white space, a closing bracket or quote, a punctuation mark or the text's end. So a
`*` between numbers (`2*3`), a bullet's `*` and the underscores of `snake_case` are words, as docutils prints them.
"""

from __future__ import annotations

import re

_BEFORE = r"(?<![^\s\-:/'\"<(\[{‘“«’”])"
"""What may stand before a start-string: white space, an opening bracket or quote, a delimiter, or the text's start."""
_AFTER = r"(?=[\s\-.,:;!?\\/'\")\]}>’”»‘“«]|\Z)"
"""What may stand after an end-string: white space, a closing bracket or quote, punctuation, or the text's end."""
_BODY = r"\S(?:.*?\S)??"
"""Inline text: opens and ends with a character that is no white space; may run over lines within a paragraph."""
_NAME = r"[^\W_]+(?:[-._+:][^\W_]+)*"
"""A simple reference name: letters and digits with single hyphens, underscores, full stops, colons or plus signs
inside (docutils' `simplename`)."""

_INLINE_RE = re.compile(
    rf"{_BEFORE}(?:"
    rf"``(?P<literal>{_BODY})``"
    rf"|\*\*(?P<strong>{_BODY})\*\*"
    rf"|\*(?P<emphasis>{_BODY})\*"
    rf"|(?::(?P<role>[\w.+-]+):)?`(?P<interpreted>[^\s`](?:[^`]*?[^\s`])?)`(?::(?P<suffix>[\w.+-]+):|__?)?"
    rf"|_`(?P<target>[^\s`](?:[^`]*?[^\s`])?)`"
    rf"|\|(?P<substitution>[^\s|](?:[^|]*?[^\s|])?)\|(?:__?)?"
    rf"|(?P<reference>{_NAME})__?"
    rf"){_AFTER}",
    re.DOTALL,
)
_EMBEDDED_RE = re.compile(r"(?P<title>.*?)\s*<(?P<target>[^<>]+)>", re.DOTALL)
"""A reference's or role's text with its target written in: `` `link text <address>`_ `` reads "link text"."""
_NUMBERED_ROLES = {"pep": "PEP", "rfc": "RFC"}
"""Roles docutils prints as the name of what they cite: `` :PEP:`8` `` reads "PEP 8"."""
_REPLACE_RE = re.compile(r"^[ \t]*\.\.[ \t]+\|(?P<name>[^|\n]+)\|[ \t]+replace::[ \t]*(?P<text>\S.*)$", re.MULTILINE)
"""A substitution's definition by text, `.. |name| replace:: the text`."""


_CLOSERS = {"[": "]", "(": ")", "{": "}", "<": ">", "'": "'", '"': '"', "‘": "’", "“": "”", "«": "»"}
"""A bracket or quote a start-string may follow, and the one that closes it: a start-string between the two (the
`*` of `[*]`, a symbol note's label) is no markup."""


def _interpreted(role: str | None, text: str) -> str:
    """Interpreted text as printed: the title of a text with its target written in (its target if it has no title),
    and a PEP or RFC role's number named as docutils names it."""
    if embedded := _EMBEDDED_RE.fullmatch(text):
        text = embedded["title"] or embedded["target"]
    prefix = _NUMBERED_ROLES.get((role or "").lower())
    return f"{prefix} {text}" if prefix else text


def substitutions(text: str) -> dict[str, str]:
    """The text each `replace::` substitution of a file stands for, by name."""
    return {match["name"]: match["text"].strip() for match in _REPLACE_RE.finditer(text)}


def printed_inline(text: str, replaced: dict[str, str]) -> str:
    """One paragraph's text with its inline markup as docutils prints it. A target set on a line of its own
    (`` `title\n<address>`_ ``) is left out with its line break, so the line after it goes on the title's line.

    A substitution with no `replace::` definition (an image's, a date's) is left as written: what it prints is no
    text the file holds."""

    def printed(match: re.Match[str]) -> str:
        opener = text[match.start() - 1] if match.start() else ""
        start = len(match[0]) - len(match[0].lstrip(":`*_|")) if opener in _CLOSERS else 0
        if start and match[0][start : start + 1] == _CLOSERS[opener]:
            return match[0][0] + printed_inline(match[0][1:], replaced)
        if (substitution := match["substitution"]) is not None:
            return replaced.get(substitution, match[0])
        if (interpreted := match["interpreted"]) is not None:
            return _interpreted(match["role"] or match["suffix"], interpreted)
        words = (match["literal"], match["strong"], match["emphasis"], match["target"], match["reference"])
        return next(group for group in words if group is not None)

    return _INLINE_RE.sub(printed, text)

"""reStructuredText inline markup as docutils prints it: the words a reader sees, without the marks around them.

`` ``literal`` `` reads "literal", `*emphasis*` "emphasis", `**strong**` "strong", a reference (`` `link text
<address>`_ ``, `` `name`_ ``, `name_`, anonymous `__`) its text, interpreted text (`` :role:`text` ``,
`` `title` ``) its text (`:PEP:` and `:RFC:` their "PEP 8", "RFC 2822", Sphinx's cross-references as Sphinx prints
them: `_interpreted`), an inline target (`` _`name` ``) its name, a substitution (`|name|`) the text its definition
gives (`substitutions`) and a backslash escape the character escaped (`\\*` reads "*"). Markup is found as docutils
finds it (the reStructuredText specification's inline markup recognition rules): a start-string after white space,
an opening bracket or quote, or a few delimiters, and before a character that is no white space; an end-string after
one that is no white space or escaping backslash and before white space, a closing bracket or quote, a punctuation
mark or the text's end. So a `*` between numbers (`2*3`), a bullet's `*`, an escaped `\\*` and the underscores of
`snake_case` are words, as docutils prints them.
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
    rf"|\*\*(?P<strong>{_BODY})(?<!\\)\*\*"
    rf"|\*(?P<emphasis>{_BODY})(?<!\\)\*"
    rf"|(?::(?P<role>[\w.:+-]+):)?`(?P<interpreted>[^\s`](?:[^`]*?[^\s`\\])?)`(?::(?P<suffix>[\w.:+-]+):|__?)?"
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
_CALLED_ROLES = frozenset({"func", "meth"})
"""Sphinx's roles naming a function or method (in any domain: `:py:func:`, `:c:func:`): without a title of its own,
Sphinx prints the name with `()` after it (`add_function_parentheses`, on by default): `` :func:`os.getcwd` `` reads
"os.getcwd()"."""
_PATH_SEPARATOR_RE = re.compile(r"\.|::")
"""What parts a cross-referenced object's dotted (or C++ `::`) path: a `~` before the path prints its last part only,
`` :class:`~pathlib.Path` `` reads "Path", as Sphinx prints it."""
_SUBSTITUTION_RE = re.compile(
    r"^[ \t]*\.\.[ \t]+\|(?P<name>[^|\n]+)\|[ \t]+(?P<kind>replace|image|unicode)::[ \t]*(?P<text>\S.*)$", re.MULTILINE
)
"""A substitution's definition whose text the file gives: `.. |name| replace:: the text`, `.. |logo| image:: logo.png`
(a picture: no text), `.. |copy| unicode:: 0xA9 .. copyright sign` (characters by their codes)."""
_CHARACTER_CODE_RE = re.compile(
    r"(?:0x|x|\\x|U\+|u|\\u)(?P<hex>[0-9a-fA-F]+)|&#x(?P<entity>[0-9a-fA-F]+);|(?P<decimal>\d+)"
)
"""A character code in a `unicode::` substitution, as docutils reads one (`0xA9`, `U+2122`, `&#x2122;`, `169`)."""
_ESCAPE_RE = re.compile(r"\\(?:(?P<space>\s)|(?P<char>.))", re.DOTALL)
"""A backslash escape outside literal text: `\\*` prints "*", `\\\\` "\\", and an escaped white space nothing."""


_CLOSERS = {"[": "]", "(": ")", "{": "}", "<": ">", "'": "'", '"': '"', "‘": "’", "“": "”", "«": "»"}
"""A bracket or quote a start-string may follow, and the one that closes it: a start-string between the two (the
`*` of `[*]`, a symbol note's label) is no markup."""


def _interpreted(role: str | None, text: str) -> str:
    """Interpreted text as printed: the title of a text with its target written in (its target if it has no title),
    a PEP or RFC role's number named as docutils names it, and a Sphinx cross-reference as Sphinx prints it without a
    title: a `!` before the target (no link) left out, a `~` printing the path's last part (`_PATH_SEPARATOR_RE`), a
    function's name followed by `()` (`_CALLED_ROLES`). Any other role (`:doc:`, `:ref:`, `:term:`) prints its target
    as written: the title Sphinx would look up (a section's, another page's) is no text this file holds."""
    if embedded := _EMBEDDED_RE.fullmatch(text):
        return _unescaped(embedded["title"] or embedded["target"])
    text = _unescaped(text)
    name = (role or "").lower()
    if prefix := _NUMBERED_ROLES.get(name):
        return f"{prefix} {text}"
    if not role:
        return text
    if text.startswith("!"):
        text = text[1:]
    elif text.startswith("~"):
        text = _PATH_SEPARATOR_RE.split(text[1:])[-1]
    return f"{text.removesuffix('()')}()" if name.rsplit(":", 1)[-1] in _CALLED_ROLES else text


def _unescaped(text: str) -> str:
    """Text outside a literal with its backslash escapes as docutils prints them (`_ESCAPE_RE`)."""
    return _ESCAPE_RE.sub(lambda escape: escape["char"] or "", text)


def _characters(codes: str) -> str:
    """A `unicode::` substitution's characters: each code as its character, any other word as written, no space
    between them, and a comment after `..` left out (docutils' `unicode` directive)."""
    words = codes.split(" .. ", 1)[0].split()
    return "".join(
        chr(int(code["hex"] or code["entity"], 16) if code["decimal"] is None else int(code["decimal"]))
        if (code := _CHARACTER_CODE_RE.fullmatch(word))
        else word
        for word in words
    )


def substitutions(text: str) -> dict[str, str]:
    """The text each substitution of a file stands for, by name: a `replace::` definition's text, an `image::`
    definition's nothing (docutils prints a picture there), a `unicode::` definition's characters (`_characters`)."""
    printed = {"replace": str.strip, "image": lambda _: "", "unicode": _characters}
    return {match["name"]: printed[match["kind"]](match["text"]) for match in _SUBSTITUTION_RE.finditer(text)}


def printed_inline(text: str, replaced: dict[str, str]) -> str:
    """One paragraph's text with its inline markup as docutils prints it, and its backslash escapes outside literal
    text (`_unescaped`). A target set on a line of its own (`` `title\n<address>`_ ``) is left out with its line
    break, so the line after it goes on the title's line.

    A substitution no definition in the file gives text (a date's) is left as written: what it prints is no text the
    file holds."""

    def printed(match: re.Match[str]) -> str:
        opener = text[match.start() - 1] if match.start() else ""
        start = len(match[0]) - len(match[0].lstrip(":`*_|")) if opener in _CLOSERS else 0
        if start and match[0][start : start + 1] == _CLOSERS[opener]:
            return match[0][0] + printed_inline(match[0][1:], replaced)
        if (substitution := match["substitution"]) is not None:
            return replaced.get(substitution, match[0])
        if (interpreted := match["interpreted"]) is not None:
            return _interpreted(match["role"] or match["suffix"], interpreted)
        if match["literal"] is not None:
            return match["literal"]
        words = (match["strong"], match["emphasis"], match["target"], match["reference"])
        return _unescaped(next(group for group in words if group is not None))

    pieces: list[str] = []
    position = 0
    for match in _INLINE_RE.finditer(text):
        pieces += [_unescaped(text[position : match.start()]), printed(match)]
        position = match.end()
    return "".join([*pieces, _unescaped(text[position:])])

"""File names as the program shows them and accepts them: never raw control or formatting characters.

A name is chosen by whoever made the file. `report\\x1b[2J.txt` clears a terminal it is printed to, and
`\\u202egnp.txt` (a right-to-left override) shows as "txt.png"; a newline forges a line of output.
"""

from __future__ import annotations

import re
import unicodedata

HIDDEN_CATEGORIES = {
    "Cc": "a control character",
    "Cf": "a formatting character",  # bidi overrides, zero-width characters
    "Cs": "a lone surrogate",
    "Co": "a private-use character",
    "Zl": "a line separator",
    "Zp": "a paragraph separator",
}
"""Unicode categories of characters a screen does not show as themselves, and what to call them."""


def shown(text: str) -> str:
    """`text` with every character that is not printable written as Python's `repr` writes it (`\\n`, `\\u202e`)."""
    if text.isprintable():
        return text
    return "".join(c if c.isprintable() else repr(c)[1:-1] for c in text)


def shown_lines(text: str) -> str:
    """A message of several lines for the terminal: its own line breaks kept, anything else unprintable escaped."""
    return "\n".join(shown(line) for line in text.split("\n"))


TERMINAL_UNSAFE = re.compile("[\x00-\x08\x0b-\x1f\x7f-\x9f\u202a-\u202e\u2066-\u2069]")
"""Control characters (but tab and line feed) and bidirectional embeddings, overrides and isolates: printed raw,
they can clear a terminal, move its cursor or reverse the rest of a line."""


def for_terminal(text: str) -> str:
    """`text` as a command prints it: the characters of `TERMINAL_UNSAFE` escaped, every other one as it is (a
    quote's no-break spaces, soft hyphens and joiners are the source's own and stay)."""
    return TERMINAL_UNSAFE.sub(lambda match: repr(match.group())[1:-1], text)


def hidden_character(name: str) -> str | None:
    """The first character of `name` that a screen would not show as itself, described, or None."""
    for c in name:
        if kind := HIDDEN_CATEGORIES.get(unicodedata.category(c)):
            label = unicodedata.name(c, "")
            return f"U+{ord(c):04X}{f' {label}' if label else ''}, {kind}"
    return None

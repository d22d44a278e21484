"""A hyphen ending a line of text set in lines (a PDF's, a plain-text file's): a word broken there, or the author's.

One rule for every format that wraps its text at a fixed width: the word is made whole where the hyphen only
breaks it (`hyphen_break`), and otherwise the hyphen stays and the line break goes ("case-" / "insensitive" reads
"case-insensitive", never "case- insensitive": the line break is the typesetter's, the hyphen the author's).
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from itertools import pairwise
from typing import Literal

from qa.formats.word_list import whole_words, word_endings

HYPHENS = "-\u2010\u2011"
"""The hyphens a page prints: ASCII's hyphen-minus and Unicode's hyphen and non-breaking hyphen, which some
typesetters set for every hyphen of a text (a word processor's "cost\u2010effective"). At a line end each is read the
same way: the word may go on, or the hyphen is the author's. A minus sign (U+2212) is no hyphen: at a line end it
signs the number on the next line."""
SOFT_HYPHEN = "\u00ad"
"""The hyphen a typesetter shows only where it breaks a word at a line end ("technolo\u00ad" / "gically"): the
break is never the author's hyphen, so the word is always made whole."""
BROKEN_RE = re.compile(rf"\w[{HYPHENS}{SOFT_HYPHEN}]$")
"""A line ending in a hyphen straight after a letter or digit: the word or number goes on on the next line."""
_HYPHENATED_RE = re.compile(rf"([^\W\d_]+)[{HYPHENS}]$")
_WORD_RE = re.compile(r"[^\W\d_]+")
_COMPOUND_RE = re.compile(rf"[^\W\d_]+(?:[{HYPHENS}][^\W\d_]+)+")
_HYPHEN_RE = re.compile(f"[{HYPHENS}]")

Break = Literal["whole", "compound"]
"""How a line ending in a hyphen goes on: one word made whole (the hyphen dropped), or a compound (the hyphen kept)."""


def document_words(lines: Iterable[str]) -> set[str]:
    """Every word the document prints whole, and every pair of words it joins with a hyphen within a line
    ("co-operation"), lower case: to tell a hyphenated word from a hyphenated compound (`hyphen_break`). The letters
    around a line-end hyphen are no word the document prints: they may be a broken word's parts ("exempt" and "ing"
    of "exempt-" / "ing"), which count as words only where the document prints them elsewhere."""
    texts = [line.lower() for line in lines]
    heads = {index for index, text in enumerate(texts) if BROKEN_RE.search(text)}
    tails = {index + 1 for index in heads}
    return {
        found[0]
        for index, text in enumerate(texts)
        for found in _WORD_RE.finditer(text)
        if not (index in tails and found.start() == 0) and not (index in heads and found.end() == len(text) - 1)
    } | {
        f"{first}-{second}"
        for text in texts
        for compound in _COMPOUND_RE.findall(text)
        for first, second in pairwise(_HYPHEN_RE.split(compound))
    }


def hyphen_break(line: str, more: str, words: set[str]) -> Break | None:
    """How `line`, ending in a hyphen after a letter or digit, goes on into the next line `more`; None where it does
    not end so, or `more` does not open with a letter or digit (a list's dash, a rule of dashes).

    A word hyphenated at the line end is made whole only where the hyphen is a soft break (`_soft_break`);
    otherwise the hyphen is the author's ("EU-/based" -> "EU-based", "bytes=0-/499" -> "bytes=0-499"). A break may
    be soft where the word goes on in lower case, or in capitals after a part all in capitals: a word set in capitals
    or small capitals throughout (a name's "SCI-/ENCEPARSE", a logo's "LA-/TEX"), which a reader reads whole. After
    a part with lower case ("Franco-/German") a capital opens a word of its own. Any of the hyphens (`HYPHENS`) is
    read so, and stays as printed where it stands; a soft hyphen (`SOFT_HYPHEN`) only ever breaks a word.
    """
    if line.endswith(SOFT_HYPHEN):
        return "whole"
    if not (BROKEN_RE.search(line) and more[:1].isalnum()):
        return None
    hyphenated = _HYPHENATED_RE.search(line)
    rest = _WORD_RE.match(more)
    capitals = hyphenated is not None and rest is not None and hyphenated[1].isupper() and rest[0].isupper()
    goes_on = more[:1].islower() or capitals
    if hyphenated and rest and goes_on and _soft_break(hyphenated.group(1), rest.group(0), words):
        return "whole"
    return "compound"


def _soft_break(head: str, tail: str, words: set[str]) -> bool:
    """Whether a hyphen between `head` at a line end and `tail` on the next line only breaks one word.

    Never where the document prints the hyphenated form within a line (`words`): that is the author's spelling,
    however the word's parts may also be printed run together ("max-age" beside "s-maxage"). Otherwise it does when
    the document prints the whole word elsewhere ("compre-/hensive"), when the part after the hyphen can only end a
    word (`_word_end`: "exempt-/ing"), or when the whole word is a word of the
    vocabulary (`whole_words`) while its pieces are not both words ("neces-/sary", "limi-/tations"; not
    "co-/operation", "e-/mail").
    """
    whole, vocabulary = (head + tail).lower(), whole_words()
    if f"{head}-{tail}".lower() in words:
        return False
    if whole in words or _word_end(head.lower(), tail, words):
        return True
    pieces = head.lower() in vocabulary and tail.lower() in vocabulary
    return whole in vocabulary and not pieces


def _word_end(head: str, tail: str, words: set[str]) -> bool:
    """Whether `tail`, opening the line after a line-end hyphen in lower case, can only end a word, `head` being the
    part before the hyphen.

    A hyphen joins words, so where neither part is a word the line end breaks one ("exempt-" / "ing", "relation-" /
    "ship", "immi-" / "nently"), though the whole word be printed nowhere else and the vocabulary list no inflected
    form of it ("exempting"). The tail is no word where the document prints it nowhere else (`document_words`) and
    the vocabulary knows it only as a word's ending (`##fulness`), or, after a head the document prints nowhere else
    either, as a word's ending at all ("ing", "ship") or not at all ("nently"). A head the vocabulary knows makes an
    unknown tail a word it lacks ("self-" / "sufficiency", "non-" / "exhaustiveness"); a head the document prints,
    a tail that is also a word ("in-" / "flight"); a head the document joins to other words with a hyphen within a
    line ("non-compliance") opens a compound."""
    if not tail.islower() or tail in words or any(word.startswith(f"{head}-") for word in words):
        return False
    ending, word = tail in word_endings(), tail in whole_words()
    if head in words:
        return ending and not word
    return ending or not (word or head in whole_words())


_LINE_BREAK_RE = re.compile(r"[ \t]*\r?\n[ \t]*")
"""A line break inside a paragraph of text wrapped at a fixed width, with the white space either side of it."""


def broken_words(text: str, words: set[str]) -> list[tuple[int, int]]:
    """Where `text`'s line breaks fall inside a word broken at a hyphen (`hyphen_break`): for each, the span that goes
    when the lines are read as one, the line break and the white space either side of it, and the hyphen before it
    where the word is made whole."""
    breaks = list(_LINE_BREAK_RE.finditer(text))
    starts = [0, *(found.end() for found in breaks)]
    ends = [*(found.start() for found in breaks), len(text)]
    spans: list[tuple[int, int]] = []
    for index, found in enumerate(breaks):
        broken = hyphen_break(text[starts[index] : ends[index]], text[starts[index + 1] : ends[index + 1]], words)
        if broken is not None:
            spans.append((found.start() - (broken == "whole"), found.end()))
    return spans


def without_spans(text: str, spans: list[tuple[int, int]]) -> str:
    """`text` with the (ordered, apart) `spans` taken out."""
    starts = [0, *(end for _, end in spans)]
    ends = [*(start for start, _ in spans), len(text)]
    return "".join(text[start:end] for start, end in zip(starts, ends, strict=True))


def joined_lines(text: str, words: set[str]) -> str:
    """`text` with each word its line ends break at a hyphen read as one (`broken_words`)."""
    return without_spans(text, broken_words(text, words))

"""What kind of words answer a question, and where a sentence holds them.

A "how many" question is answered by a number and a "when" question by a date: the words the
question is about (its topic) are not the answer. Quoting prefers a sentence that holds the kind
of words asked for, and the page marks those words rather than the question's.
"""

from __future__ import annotations

import re
from typing import Literal

from qa.abstain import asks_for_quantity
from qa.sentences import MARKER_RE, Span

Kind = Literal["quantity", "date"]

_ASKS_MEASURE = re.compile(r"\bhow (long|old|far|often|large|big|high|low)\b", re.IGNORECASE)
_ASKS_DATE = re.compile(
    r"\b(when|since when|(what|which) (date|year|month|day|decade))\b|\bin what year\b", re.IGNORECASE
)
_NUMBER_WORD = (
    r"one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|thirteen|fourteen|fifteen|sixteen|"
    r"seventeen|eighteen|nineteen|twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety|hundreds?|thousands?|"
    r"millions?|billions?|dozens?|half|several"
)
_SCALE = r"hundred|thousand|million|billion|trillion|percent|per cent|%"
_UNIT = r"years?|months?|weeks?|days?|hours?|decades?|centuries|century"
_QUANTITY_RE = re.compile(
    rf"(?:[$€£¥]\s?)?\b(?:\d[\d,.]*\d|\d|(?:{_NUMBER_WORD})(?:[- ](?:{_NUMBER_WORD}))*)\b"
    rf"(?:\s?(?:{_SCALE}))?(?:\s(?:{_UNIT})\b)?",
    re.IGNORECASE,
)
_MONTH = (
    r"(?:January|February|March|April|May|June|July|August|September|October|November|December|"
    r"Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sep|Sept|Oct|Nov|Dec)\.?"
)
_DATE_RE = re.compile(
    rf"\b(?:\d{{1,2}}\s{_MONTH}(?:,?\s\d{{4}})?|{_MONTH}\s\d{{1,2}}(?:st|nd|rd|th)?(?:,?\s\d{{4}})?"
    rf"|{_MONTH}\s\d{{4}}|\d{{4}}-\d{{2}}-\d{{2}}|(?:1[5-9]|20)\d\d(?:s)?)\b"
)


def wanted(question: str) -> Kind | None:
    """The kind of words that answer `question`: a quantity, a date, or None for any sentence."""
    if asks_for_quantity(question) or _ASKS_MEASURE.search(question):
        return "quantity"
    if _ASKS_DATE.search(question):
        return "date"
    return None


def marks(text: str, question: str) -> tuple[Span, ...]:
    """Where `text` holds the kind of words `question` asks for; empty if it asks for none or `text` has none.

    Footnote markers are never a quantity, nor is a date or a year (they date, they do not count),
    and a number the question itself names ("Camp 22") is not its answer.
    """
    kind = wanted(question)
    if kind is None:
        return ()
    excluded = [Span(m.start(), m.end()) for m in MARKER_RE.finditer(text)]
    pattern = _DATE_RE if kind == "date" else _QUANTITY_RE
    named = {m.group(0).lower() for m in pattern.finditer(question)}
    if kind == "quantity":  # the day of a date is not a quantity either
        excluded += [Span(m.start(), m.end()) for m in _DATE_RE.finditer(text)]
    found = []
    for match in pattern.finditer(text):
        words = match.group(0)
        if any(e.start <= match.start() < e.end for e in excluded) or words.lower() in named:
            continue
        found.append(Span(match.start(), match.end()))
    return tuple(found)

"""What kind of answer a question asks for, and whether a quote gives one: rules, not a model.

No named-entity model is packaged for offline use, and the question words of English are few, so
regular expressions do this. A question's type is set by its FIRST interrogative: "Why did the
report say how many were held?" asks why, not how many. A quote agrees with the type when it holds
something of that kind that the question does not already hold: "How many prisoners were held in
Camp 22?" is not answered by a passage whose only number is the 22.
"""

from __future__ import annotations

import re
from typing import Literal

from qa.sentences import MARKER_RE

AnswerType = Literal["quantity", "date", "agent", "place", "other"]

_TYPES: tuple[tuple[AnswerType, re.Pattern[str]], ...] = tuple(
    (kind, re.compile(pattern, re.IGNORECASE))
    for kind, pattern in (
        (
            "quantity",
            r"\b(?:how (?:many|much|large|big|long|often|far|old)|by how|what (?:percentage|proportion|share|number|"
            r"amount|sum|fraction|rate|portion)|(?:vote|head) count)\b",
        ),
        ("date", r"\b(?:when|what (?:year|date|month|day)|which (?:year|date|month|day)|since when)\b"),
        ("agent", r"\b(?:who|whom|whose|which (?:person|people|official|organi[sz]ation|agency|company|group))\b"),
        ("place", r"\b(?:where|which (?:country|countries|city|cities|region|state|province)|in what country)\b"),
        ("other", r"\b(?:why|what|which|how|whether|does|do|did|is|are|was|were|can|could|should|would)\b"),
    )
)

_NUMBER_RE = re.compile(
    r"\b(?:\d+(?:[,.]\d+)*%?|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|fifteen|twenty|thirty|forty"
    r"|fifty|sixty|seventy|eighty|ninety|hundreds?|thousands?|millions?|billions?|dozens?|half|several|a few"
    r"|percent|per cent)\b",
    re.IGNORECASE,
)
_YEAR_RE = re.compile(r"\b(?:1[5-9]|20)\d\d(?:s|’s|'s)?\b")
_MONTHS = (
    r"(?:Jan(?:uary)?|Feb(?:ruary)?|Mar(?:ch)?|Apr(?:il)?|May|June?|July?|Aug(?:ust)?|Sept?(?:ember)?|Oct(?:ober)?"
    r"|Nov(?:ember)?|Dec(?:ember)?)"
)
_DATE_RE = re.compile(
    rf"\b{_MONTHS}\.?\s+\d{{1,2}}\b|\b\d{{1,2}}\s+{_MONTHS}\b|\b\d{{4}}-\d\d-\d\d\b|{_YEAR_RE.pattern}"
)
_NAME_RE = re.compile(
    r"\b(?:[A-Z][\w’'.-]*[a-z][\w’'-]*|[A-Z]{2,}\w*)(?:\s+(?:of\s+|the\s+|for\s+|de\s+)?[A-Z][\w’'.-]+)*"
)
"""A run of capitalised words, or an acronym: a name of a person, organisation or place."""


def answer_type(question: str) -> AnswerType:
    """The kind of answer the question's first interrogative asks for; "other" when it names none."""
    found = [
        (match.start(), order, kind)
        for order, (kind, pattern) in enumerate(_TYPES)
        if (match := pattern.search(question))
    ]
    return min(found)[2] if found else "other"


def _new(matches: list[str], question: str) -> bool:
    asked = question.lower()
    return any(found.lower() not in asked for found in matches)


def gives_answer_type(text: str, question: str) -> bool:
    """Whether `text` holds something of the kind `question` asks for that the question does not already hold.

    Note markers are not numbers, and a year is a date, not a quantity.
    """
    kind = answer_type(question)
    text = MARKER_RE.sub(" ", text)
    if kind == "quantity":
        numbers = [m.group(0) for m in _NUMBER_RE.finditer(text) if not _YEAR_RE.fullmatch(m.group(0))]
        return _new(numbers, question)
    if kind == "date":
        return _new([m.group(0) for m in _DATE_RE.finditer(text)], question)
    if kind in ("agent", "place"):
        sentence_starts = {m.end() for m in re.finditer(r"(?:^|[.!?]\s+)", text)}
        names = [m.group(0) for m in _NAME_RE.finditer(text) if m.start() not in sentence_starts or " " in m.group(0)]
        return _new(names, question)
    return True

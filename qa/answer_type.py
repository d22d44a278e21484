"""What kind of answer a question asks for, and where a text gives one: rules, not a model.

No named-entity model is packaged for offline use, and the question words of English are few, so
regular expressions do this. A question's kind is set by its FIRST interrogative: "Why did the
report say how many were held?" asks why, not how many. A "how many" question is answered by a
number, a "when" question by a date, a "who" or "where" question by a name; the words the question
is about (its topic) are not the answer, so a number or name the question itself holds ("Camp 22")
never counts. The decision uses this to tell an answer from an on-topic passage, quoting prefers a
sentence that holds it, and the page marks it.
"""

from __future__ import annotations

import re
from functools import lru_cache
from typing import Literal

from qa.sentences import MARKER_RE, NOTE_NUMBER, Span

AnswerType = Literal["quantity", "date", "agent", "place", "other"]

_TYPES: tuple[tuple[AnswerType, re.Pattern[str]], ...] = tuple(
    (kind, re.compile(pattern, re.IGNORECASE))
    for kind, pattern in (
        (
            "quantity",
            r"\b(?:how (?:many|much|large|big|long|often|far|old|high|low)|by how|what (?:percentage|proportion|"
            r"share|number|amount|sum|fraction|rate|portion)|(?:vote|head) count)\b",
        ),
        ("date", r"\b(?:when|since when|(?:what|which) (?:year|date|month|day|decade)|in what year)\b"),
        ("agent", r"\b(?:who|whom|whose|which (?:person|people|official|organi[sz]ation|agency|company|group))\b"),
        ("place", r"\b(?:where|which (?:country|countries|city|cities|region|state|province)|in what country)\b"),
        ("other", r"\b(?:why|what|which|how|whether|does|do|did|is|are|was|were|can|could|should|would)\b"),
    )
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
_NAME_RE = re.compile(
    r"\b(?:[A-Z][\w’'.-]*[a-z][\w’'-]*|[A-Z]{2,}\w*)(?:\s+(?:of\s+|the\s+|for\s+|de\s+)?[A-Z][\w’'.-]+)*"
)
"""A run of capitalised words, or an acronym: a name of a person, organisation or place."""
_SENTENCE_START_RE = re.compile(rf"(?:^|[.!?][\"”’')\]]*(?:\[{NOTE_NUMBER}\])*\s+)")
"""Where a sentence starts: after its end mark, closing quotes or brackets and the note markers glued to it."""
_LABEL_BEFORE_RE = re.compile(r"\b[A-Z][\w.]*[ \u00a0-]$")
_PATTERNS: dict[AnswerType, re.Pattern[str]] = {
    "quantity": _QUANTITY_RE,
    "date": _DATE_RE,
    "agent": _NAME_RE,
    "place": _NAME_RE,
}


_MAIN_CLAUSE_RE = re.compile(r",\s*(?=(?:what|which|who|whom|whose|when|where|why|how)\b)", re.IGNORECASE)


@lru_cache(maxsize=1024)
def answer_type(question: str) -> AnswerType:
    """The kind of answer the question's first interrogative asks for; "other" when it names none.

    Remembered for recent questions: quoting one answer asks it about six times.

    A clause set before a comma is subordinate when an interrogative opens what follows the comma
    ("When talks stalled before, what did the government want?" asks what): the question is after it.
    """
    if clauses := _MAIN_CLAUSE_RE.split(question):
        question = clauses[-1]
    found = [
        (match.start(), order, kind)
        for order, (kind, pattern) in enumerate(_TYPES)
        if (match := pattern.search(question))
    ]
    return min(found)[2] if found else "other"


def marks(text: str, question: str) -> tuple[Span, ...]:
    """Where `text` holds the kind of words `question` asks for; empty if it asks for none or `text` has none.

    Footnote markers are never an answer; a date is not a quantity (its day does not count); a
    capitalised word that only starts a sentence is not a name; and what the question itself names
    is its topic, not its answer.
    """
    kind = answer_type(question)
    if kind == "other":
        return ()
    pattern = _PATTERNS[kind]
    excluded = [Span(m.start(), m.end()) for m in MARKER_RE.finditer(text)]
    if kind == "quantity":
        excluded += [Span(m.start(), m.end()) for m in _DATE_RE.finditer(text)]
    asked = question.lower()
    names = pattern is _NAME_RE
    starts = {m.end() for m in _SENTENCE_START_RE.finditer(text)} if names or kind == "quantity" else set()
    found = []
    for match in pattern.finditer(text):
        words = match.group(0)
        if any(e.start <= match.start() < e.end for e in excluded) or words.lower() in asked:
            continue
        if names and match.start() in starts and " " not in words:
            continue
        if kind == "quantity" and _is_label(text, match.start(), starts):
            continue
        found.append(Span(match.start(), match.end()))
    return tuple(found)


def _is_label(text: str, start: int, sentence_starts: set[int]) -> bool:
    """Whether the number at `start` follows a capitalised word inside its sentence ("Table 2", "COVID-19",
    "Article 5"): it is part of a name then, it identifies something and does not count it. A capitalised
    word that only opens a sentence ("About 40 people") is an ordinary word."""
    before = _LABEL_BEFORE_RE.search(text, max(0, start - 40), start)
    return before is not None and before.start() not in sentence_starts


def gives_answer_type(text: str, question: str) -> bool:
    """Whether `text` gives the kind of answer `question` asks for (any text does, for a question of no kind)."""
    return answer_type(question) == "other" or bool(marks(text, question))

"""When the retrieved passages are not an answer, even though they are on the question's topic.

The dense score tells on-topic from off-topic, but a question about a figure the documents never
give ("how many dollars...") lands on a passage about exactly that topic and scores high. Such a
question states what kind of answer it wants: a quantity. A quote without one does not answer it.
"""

from __future__ import annotations

import re

from qa.sentences import NOTE_NUMBER

_ASKS_QUANTITY = re.compile(
    r"\b(how (many|much)|by how|what (percentage|proportion|share|number|amount|sum)|vote count)\b", re.IGNORECASE
)
_NUMBER = re.compile(
    r"\b(\d[\d,.]*|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|fifteen|twenty|thirty|forty"
    r"|fifty|sixty|hundreds?|thousands?|millions?|billions?|dozens?|half|several|a few)\b",
    re.IGNORECASE,
)
_MARKER = re.compile(rf"\[{NOTE_NUMBER}\]")
_YEAR = re.compile(r"(1[89]|20)\d\d")


def asks_for_quantity(question: str) -> bool:
    """Whether the question wants a number for an answer ("how many", "by how much", ...)."""
    return _ASKS_QUANTITY.search(question) is not None


def states_quantity(text: str, question: str) -> bool:
    """Whether `text` gives a number that could answer `question`.

    Footnote markers, years and numbers the question itself contains ("Camp 22") do not count:
    they are names and dates, not the quantity asked for.
    """
    given = {match.group(0).lower() for match in _NUMBER.finditer(question)}
    for match in _NUMBER.finditer(_MARKER.sub(" ", text)):
        number = match.group(0).lower()
        if number not in given and not _YEAR.fullmatch(number):
            return True
    return False

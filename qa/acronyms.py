"""Acronyms a document defines ("Government Accountability Office (GAO)"), so that either form names the same thing.

A document introduces an organisation, law or person once by its full name with the short form in brackets,
then uses the short form; a question may use either. Only the document's own definitions are read, and only
where the short form's letters are the initials of the capitalised words before it: no list of acronyms is
kept, so none is guessed.
"""

from __future__ import annotations

import re

_DEFINITION_RE = re.compile(
    r"((?:[A-Z][\w’'.-]*[ \u00a0]+(?:(?:of|the|for|and|on|in|de|du|des)[ \u00a0]+)*){1,10})\(([A-Z][A-Za-z]*[A-Z])s?\)"
)
_CAPITALISED_RE = re.compile(r"[A-Z][\w’'.-]*")


def definitions(text: str) -> dict[str, str]:
    """Each acronym `text` defines and its full name, and each full name and its acronym.

    The full name is the shortest run of capitalised words before the brackets whose initials spell the acronym
    ("the Committee for Human Rights in North Korea (HRNK)" defines "Human Rights in North Korea"); a bracket
    whose letters are not those initials ("(ASA)" after an unrelated title) defines nothing.
    """
    found: dict[str, str] = {}
    for match in _DEFINITION_RE.finditer(text):
        acronym = match.group(2)
        letters = [c for c in acronym if c.isupper()]
        words = list(_CAPITALISED_RE.finditer(match.group(1)))
        if len(words) < len(letters):
            continue
        tail = words[-len(letters) :]
        if [w.group(0)[0] for w in tail] != letters:
            continue
        full = match.group(1)[tail[0].start() :].rstrip()
        found.setdefault(acronym, full)
        found.setdefault(full, acronym)
    return found

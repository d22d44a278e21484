"""Which documents a question may be answered from: one document, an author, a date range.

A filter narrows the candidates before ranking (`Retriever.search(documents=...)`), so the best
passages of the chosen documents are found even when others would outrank them. Filters match only
what a document says about itself: a document without a date is outside every date range, since
nobody can tell that it falls inside, and a partial date ("March 2017") is inside a range only when
its whole month or year is.
"""

from __future__ import annotations

import calendar
from collections.abc import Collection
from dataclasses import dataclass
from datetime import date

from qa.corpus import Article
from qa.documents import Header
from qa.errors import InvalidQuestion

MAX_AUTHOR_CHARS = 200


@dataclass(frozen=True)
class Filters:
    """A request's restriction to some documents; all None is no restriction. Hashable: answers are cached by it."""

    document: str | None = None
    """A document id: only that document."""
    author: str | None = None
    """Documents whose author, as the document gives it, contains these words (case and spacing ignored)."""
    date_from: date | None = None
    date_to: date | None = None
    """Documents dated within these days, both included."""

    def __bool__(self) -> bool:
        return any(value is not None for value in (self.document, self.author, self.date_from, self.date_to))

    def check(self, known: Collection[str]) -> Filters:
        """The filters unchanged, or InvalidQuestion naming the field that cannot be met as asked."""
        if self.document is not None and self.document not in known:
            raise InvalidQuestion(f"filters.document: no document with id {self.document[:60]!r}")
        if self.author is not None and not (0 < len(self.author.strip()) <= MAX_AUTHOR_CHARS):
            raise InvalidQuestion(f"filters.author: must be 1 to {MAX_AUTHOR_CHARS} characters")
        if self.date_from is not None and self.date_to is not None and self.date_from > self.date_to:
            raise InvalidQuestion(
                f"filters.date_to: {self.date_to.isoformat()} is before date_from {self.date_from.isoformat()}"
            )
        return self

    def matches(self, article: Article | Header) -> bool:
        if self.document is not None and article.id != self.document:
            return False
        if self.author is not None and _folded(self.author) not in _folded(article.author or ""):
            return False
        if self.date_from is None and self.date_to is None:
            return True
        period = _period(article.date)
        if period is None:
            return False
        first, last = period
        return (self.date_from is None or self.date_from <= first) and (self.date_to is None or last <= self.date_to)


def _folded(text: str) -> str:
    return " ".join(text.casefold().split())


def _period(iso: str | None) -> tuple[date, date] | None:
    """The days an ISO date (`YYYY-MM-DD`, `YYYY-MM` or `YYYY`) covers: one day, a month or a year."""
    if not iso:
        return None
    try:
        parts = [int(p) for p in iso.split("-")]
        if len(parts) == 3:
            day = date(*parts)
            return day, day
        if len(parts) == 2:
            return date(parts[0], parts[1], 1), date(parts[0], parts[1], calendar.monthrange(*parts)[1])
        if len(parts) == 1:
            return date(parts[0], 1, 1), date(parts[0], 12, 31)
    except ValueError:
        return None
    return None

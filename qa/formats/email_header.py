"""An e-mail's header block ("From: ... / To: ... / Date: ... / Subject: ..."): the message's metadata, not its text.

A saved e-mail opens with one, and a post that quotes an e-mail often prints one above it. Indexed as a
paragraph, it is a list of names and a subject line that matches the words of many questions and answers none
of them. The fields are RFC 5322's (originator, destination, date and subject fields), plus "Sent", the name mail
programs print for the date of a forwarded message; a block is a header only when every line is one of them.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass
from email.utils import parsedate_to_datetime

from qa.formats.document import iso_date, squash

HEADER_FIELDS = frozenset({"from", "sender", "reply-to", "to", "cc", "bcc", "date", "sent", "subject"})
_FIELD_RE = re.compile(r"\s*([A-Za-z-]+)[ \t]*:[ \t]*(.*?)\s*")
_ADDRESS_RE = re.compile(r"<[^>]*>|\S+@\S+")
"""A mailbox's address, in angle brackets or bare: not part of the sender's name."""
MIN_FIELDS = 2
"""A lone "Date: ..." or "To: ..." line is a label in running text; a header has at least two fields."""


@dataclass(frozen=True)
class EmailHeader:
    sender: str | None
    """The sender's name without the address; None when the header gives only an address."""
    date: str | None
    subject: str | None


def email_header(lines: Sequence[str]) -> EmailHeader | None:
    """The header that `lines` (one block) are, or None: every non-blank line a header field, at least two
    fields, and one of them From or Subject (what tells a message's header from any labelled list)."""
    fields: dict[str, str] = {}
    for line in lines:
        if not line.strip():
            continue
        match = _FIELD_RE.fullmatch(line)
        if match is None or match.group(1).lower() not in HEADER_FIELDS:
            return None
        fields.setdefault(match.group(1).lower(), match.group(2))
    if len(fields) < MIN_FIELDS or not fields.keys() & {"from", "subject"}:
        return None
    sent = fields.get("date") or fields.get("sent")
    return EmailHeader(_name(fields.get("from")), _date(sent), fields.get("subject") or None)


def _name(mailbox: str | None) -> str | None:
    """`Mara Bos <mara@example.org>` -> `Mara Bos`; an address alone names no one."""
    if not mailbox:
        return None
    return squash(_ADDRESS_RE.sub(" ", mailbox).replace('"', " ")).strip(" ,;") or None


def _date(value: str | None) -> str | None:
    """An RFC 5322 date (`Fri, 10 Dec 2021 18:12:06 UTC`) through the standard library, else as any printed date."""
    if not value:
        return None
    try:
        return parsedate_to_datetime(value).date().isoformat()
    except (TypeError, ValueError):
        return iso_date(value)

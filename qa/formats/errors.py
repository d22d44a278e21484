"""Why a file cannot be parsed, said the same way for every format."""

from __future__ import annotations

from qa.errors import CorpusError


class UnreadableDocument(CorpusError):
    """The file's bytes are not a document of its format; the message says why, without the file name (the
    caller adds it: `qa.formats.parse_bytes`)."""


class OverLimit(UnreadableDocument):
    """A file refused for what parsing it would cost under the limits this process runs with, not for its bytes:
    with other limits it may parse, so it is not remembered as unreadable (`qa.isolation.ParseStopped`)."""


def decode_utf8(data: bytes) -> str:
    """The text of a UTF-8 file, or why it is not UTF-8."""
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError as error:
        raise UnreadableDocument(f"not UTF-8 text ({error.reason} at byte {error.start})") from error

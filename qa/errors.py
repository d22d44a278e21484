"""Domain errors. The web layer maps each to one HTTP status in one place (`web/app.py`)."""

import errno


class QAError(Exception):
    """Base of every error a user can act on; the message says what is wrong and what to do."""


class CorpusError(QAError):
    """A corpus folder or file cannot be read or parsed."""


class IndexUnavailable(QAError):
    """The index on disk is missing, damaged or built by another model; rebuild with `qa index`."""


class InvalidQuestion(QAError):
    """A question or its options are outside what the assistant accepts."""


class DocumentNotFound(QAError):
    """No document has the requested id."""


class DocumentConflict(QAError):
    """A document to add has the name or the ids of one already in the corpus."""


class IndexBusy(QAError):
    """Another process is building the same index and did not finish within the lock timeout."""


class InvalidDocumentId(QAError):
    """A document id that is not a plain id (lowercase letters, digits, hyphens); never looked up."""


class DiskFull(QAError):
    """The disk of the index or corpus folder is full: writes are refused, and reads go on being served."""


def disk_full(error: OSError, place: str) -> DiskFull | None:
    """The error a user can act on when `error` is a full disk (or quota), in the manner of Elasticsearch's
    "flood-stage disk watermark exceeded"; None for any other OSError."""
    if error.errno not in (errno.ENOSPC, errno.EDQUOT):
        return None
    return DiskFull(
        f"no space left on the disk of {place} (disk full): the change or build was abandoned and the previous "
        "index goes on serving; free some space and try again"
    )


class InvalidSetting(QAError):
    """A setting or command-line option outside what it allows; the message names it as the user wrote it."""

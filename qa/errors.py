"""Domain errors, all under `QAError`. The web layer maps each to one HTTP status in one place (`web/errors.py`).

`QAError` itself is defined in `embeddings/errors.py`, the bottom of the house, so that `embeddings` raises under
it without importing `qa`; the errors of `embeddings`, `eval` and `web` subclass it where they are raised.
"""

import errno

from embeddings.errors import QAError


class CorpusError(QAError):
    """A corpus folder or file cannot be read or parsed."""


class ServerUnreachable(QAError):
    """A command that works through a running server (`--server URL`) cannot reach it."""


class AdminTokenMissing(QAError):
    """An admin change needs the server's admin token, and none was given."""


class NotInstalled(QAError):
    """A part the command needs is an optional extra that is not installed; the message says how to install it."""


class IndexUnavailable(QAError):
    """The index on disk is missing, damaged or built by another model; rebuild with `qa index`."""


class InvalidQuestion(QAError):
    """A question or its options are outside what the assistant accepts."""


class DocumentNotFound(QAError):
    """No document has the requested id."""


class DocumentConflict(QAError):
    """A document to add has the name or the ids of one already in the corpus."""


class InvalidCollectionName(QAError):
    """A collection to make has a name that is not a plain name (lowercase letters, digits, hyphens)."""


class CollectionExists(QAError):
    """A collection to make has the name of one already served or made."""


class CollectionNotFound(QAError):
    """No collection made over HTTP has the requested name."""


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

"""Where files derived from the model are kept: a folder that is writable, whatever the index folder is.

The ONNX query encoder is exported from the model once and reused. It used to live in the index
folder, so a server could not start on a read-only index (a shared volume, a container image);
serving an index must need no write to it.
"""

from __future__ import annotations

import logging
import os
import tempfile
from pathlib import Path

log = logging.getLogger(__name__)


def default_cache_dir(cache_home: Path | None) -> Path:
    """`footnote-qa` in `cache_home` (`XDG_CACHE_HOME`, read by the settings), else in `~/.cache`, as the XDG base
    directory spec has it."""
    return (cache_home or Path.home() / ".cache") / "footnote-qa"


def writable_cache_dir(folder: Path) -> Path:
    """`folder` (QA_CACHE_DIR or its default), if it can be made and written; else a private temporary folder.

    The temporary folder costs one export per start, and the server starts; a warning says why.
    """
    try:
        folder.mkdir(parents=True, exist_ok=True)
        if os.access(folder, os.W_OK):
            return folder
        reason = "it is not writable"
    except OSError as error:
        reason = error.strerror or str(error)
    fallback = Path(tempfile.mkdtemp(prefix="footnote-qa-cache-"))
    log.warning(
        "cache folder %s cannot be used (%s); using %s for this run (set QA_CACHE_DIR)", folder, reason, fallback
    )
    return fallback

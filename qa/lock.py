"""One index build at a time per index folder, across processes.

Two builds at once would both embed the whole corpus and race to switch `CURRENT`; the second
adds nothing but load. The lock is an OS file lock (`flock`), so a builder killed with SIGKILL
releases it with its process and never leaves a stale lock behind.
"""

from __future__ import annotations

import logging
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from filelock import FileLock, Timeout

from qa.errors import IndexBusy

log = logging.getLogger(__name__)

LOCK_FILE = "build.lock"


@contextmanager
def index_build_lock(index_dir: Path, timeout: float) -> Iterator[None]:
    """Hold the build lock of `index_dir`; wait up to `timeout` seconds for another builder, saying so."""
    index_dir.mkdir(parents=True, exist_ok=True)
    lock = FileLock(index_dir / LOCK_FILE)
    try:
        lock.acquire(timeout=0)
    except Timeout:
        log.warning("another `qa index` is building the index in %s; waiting up to %.0f s for it", index_dir, timeout)
        try:
            lock.acquire(timeout=timeout)
        except Timeout:
            raise IndexBusy(
                f"another `qa index` is still building the index in {index_dir} after {timeout:.0f} s of waiting; "
                "run again when it has finished, or raise QA_INDEX_LOCK_TIMEOUT"
            ) from None
    try:
        yield
    finally:
        lock.release()

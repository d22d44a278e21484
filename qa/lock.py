"""One index build at a time per index folder, across processes.

Two builds at once would both embed the whole corpus and race to switch `CURRENT`; the second
adds nothing but load. The lock is an OS file lock (`flock`), so a builder that fails releases it as
its `with` block ends, and one killed with SIGKILL releases it with its process: a lock file left
behind never blocks the next run. A first build that fails leaves nothing behind at all: the index
folder it made, holding only the lock file, is removed.
"""

from __future__ import annotations

import logging
import time
from collections.abc import Iterator
from contextlib import contextmanager, suppress
from pathlib import Path

from filelock import FileLock, Timeout

from qa.errors import IndexBusy

log = logging.getLogger(__name__)

LOCK_FILE = "build.lock"


@contextmanager
def index_build_lock(index_dir: Path, timeout: float) -> Iterator[None]:
    """Hold the build lock of `index_dir`; wait up to `timeout` seconds for another builder, saying so."""
    made = not index_dir.exists()
    lock = _acquired(index_dir, timeout)
    try:
        yield
    finally:
        if made and {path.name for path in index_dir.iterdir()} == {LOCK_FILE}:
            # Unlinked while still held: a waiter that then gets the old file's lock sees it unlinked
            # (filelock checks) and locks the path afresh, in the folder `_acquired` makes again.
            (index_dir / LOCK_FILE).unlink()
        lock.release()
        if made:
            with suppress(OSError):  # not empty: something was built, or a waiter has made its lock file
                index_dir.rmdir()


def _acquired(index_dir: Path, timeout: float) -> FileLock:
    """The build lock of `index_dir`, held; the folder is made (again, if a failed first build removed it)."""
    deadline: float | None = None
    while True:
        index_dir.mkdir(parents=True, exist_ok=True)
        lock = FileLock(index_dir / LOCK_FILE)
        try:
            lock.acquire(timeout=0 if deadline is None else max(0.0, deadline - time.monotonic()))
            return lock
        except FileNotFoundError:
            continue  # the folder went with a failed first build while this one waited
        except Timeout:
            if deadline is not None:
                raise IndexBusy(
                    f"another `qa index` is still building the index in {index_dir} after {timeout:.0f} s of "
                    "waiting; run again when it has finished, or raise QA_INDEX_LOCK_TIMEOUT"
                ) from None
            log.warning(
                "another `qa index` is building the index in %s; waiting up to %.0f s for it", index_dir, timeout
            )
            deadline = time.monotonic() + timeout

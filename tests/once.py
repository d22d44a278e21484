"""Work done once per test run, not once per process: `make test` runs the test files on two pytest-xdist workers,
and both parse the same published documents and build the same session fixtures' indexes.

The first process to want a result makes it and stores it in the folder the run's controller names in `RUN_ENV`
(tests/conftest.py sets it before the workers start, so they inherit it), holding a lock on that result meanwhile;
another process wanting it waits for that result rather than making it again. The run's code does not change
under it, so a stored result is what making it again would give. Outside such a run nothing is stored."""

from __future__ import annotations

import fcntl
import hashlib
import os
import pickle
from collections.abc import Callable
from pathlib import Path
from typing import TypeVar

T = TypeVar("T")
RUN_ENV = "QA_TEST_RUN_FOLDER"
"""The environment variable naming the folder where one test run's processes share their results."""


def key_of(*parts: bytes) -> str:
    """A file name for the result made from `parts`; the parts are kept apart, so no two lists share one."""
    digest = hashlib.sha256()
    for part in parts:
        digest.update(len(part).to_bytes(8, "big") + part)
    return digest.hexdigest()


def once(key: str, make: Callable[[], T]) -> T:
    """`make()`, or the result another process of the run stored under `key` when it made it."""
    folder = os.environ.get(RUN_ENV)
    if folder is None:
        return make()
    stored = Path(folder) / f"{key}.pickle"
    with open(Path(folder) / f"{key}.lock", "w") as lock:
        fcntl.flock(lock, fcntl.LOCK_EX)
        if stored.exists():
            return pickle.loads(stored.read_bytes())
        made = make()
        partial = stored.with_suffix(".partial")
        partial.write_bytes(pickle.dumps(made))
        partial.replace(stored)
        return made

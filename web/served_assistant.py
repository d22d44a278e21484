"""The assistants an app answers with: following their index folders' `CURRENT`, and out of the collector's way.

Every process serving an index folder (each worker of `qa serve --workers N`, each server on a shared
folder; the main collection's folder and each one served beside it) checks the folder's `CURRENT` pointer
every `QA_RELOAD_INTERVAL` seconds (1 by default). When it
names another build, the process loads that build aside, in a thread, and switches to it with one
assignment: requests in flight finish on the assistant they began with, and none fails. So a build
published by an admin change in another worker, another server or `qa index` is served by all of them
within the interval plus the time to load it.

A loaded corpus and index are hundreds of thousands of Python objects (468k for the bundled corpus)
that live as long as the assistant. Every full collection of the cyclic garbage collector walked them
all: 0.37 s, a pause for every request in flight, measured on the bundled corpus. `gc.freeze()` moves
what exists after loading out of the collector's sight.

An admin change in this process loads the build it publishes itself (`changing`); the follower leaves
that build to it. Loading it twice at once doubled the Python work that competes with the event loop
for the interpreter: two threads were seen building the same assistant after every add.
"""

from __future__ import annotations

import asyncio
import gc
import logging
import signal
import threading
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from fastapi.concurrency import run_in_threadpool
from starlette.datastructures import State

from embeddings import IndexLoadError
from embeddings.index import pointed_build
from qa.assistant import Assistant
from qa.errors import QAError
from web.collections import follow_created, serve_in_place_of, served

log = logging.getLogger(__name__)

_FROZEN = False
"""Whether this process froze its loaded objects. Not `gc.get_freeze_count()`: that walks every frozen
object, 0.08-0.18 s on the loop at each switch, measured with the bundled corpus loaded."""


def settle(state: State, assistant: Assistant) -> None:
    """Serve `assistant` from the next request on, and freeze what it is made of.

    Only the new objects are frozen; the ones of the assistant it replaces are freed by their
    reference counts as the last request using them ends. No full collection runs: with everything
    unfrozen it walks both assistants, and being one C call it holds the interpreter (and so the
    event loop, whichever thread calls it) for its whole length. Nothing is frozen unless the process
    already froze its first assistant (`qa serve` does): apps made for tests leave the collector as
    they found it.
    """
    state.assistant = assistant
    keep_frozen()


def serve_fresh(state: State, serving: Assistant, fresh: Assistant, *, main: bool) -> bool:
    """Serve `fresh` from the next request on in place of `serving`: as the main collection when `main`, else
    where `serving` is served beside it; False when it is no longer served there (nothing changes then)."""
    if main:
        settle(state, fresh)
    elif serve_in_place_of(state, serving, fresh):
        keep_frozen()
    else:
        return False
    return True


def keep_frozen() -> None:
    """Freeze what was loaded since, if this process froze its first assistant."""
    if _FROZEN:
        gc.freeze()


def freeze_loaded() -> None:
    """Freeze everything loaded so far; for a server process, once its assistant is open.

    No collection first: it would add its 0.37 s to every start, to free what loading left behind
    once, a bounded amount.
    """
    global _FROZEN
    gc.freeze()
    _FROZEN = True


@contextmanager
def stopped_at_once_on_signals() -> Iterator[None]:
    """While a worker of `qa serve --workers N` loads its model and index, SIGTERM or SIGINT end it at once.

    uvicorn's own handler only asks the server to stop, which it does once its startup is complete: a
    worker told to stop while loading went on loading, and kept `qa serve` up 39 s after SIGTERM on a
    busy machine. Nothing is lost by ending it: it has accepted no request yet. The signals' default
    action ends it in the kernel; a Python handler would wait for the loading thread to let go of the
    interpreter, which a library's import holds for seconds on a busy machine (3.6-8.4 s measured).
    A signal that came before, while uvicorn imported the app, is one uvicorn's server noted
    (`should_exit`, on the server its handler belongs to): it ends the worker here.
    Outside the main thread (where handlers cannot be set) this does nothing.
    """
    if threading.current_thread() is not threading.main_thread():
        yield
        return
    numbers = (signal.SIGTERM, signal.SIGINT)
    previous = {number: signal.signal(number, signal.SIG_DFL) for number in numbers}
    if getattr(getattr(previous[signal.SIGTERM], "__self__", None), "should_exit", False) is True:
        signal.raise_signal(signal.SIGTERM)
    try:
        yield
    finally:
        for number, handler in previous.items():
            signal.signal(number, handler)


@contextmanager
def changing(state: State) -> Iterator[None]:
    """Around an admin change of this process that publishes a build and then serves it: meanwhile the
    follower loads nothing. Used on the event loop only, so a plain count is safe."""
    state.changes = getattr(state, "changes", 0) + 1
    try:
        yield
    finally:
        state.changes -= 1


def serving_build(assistant: Assistant) -> str | None:
    """The name of the build `assistant` was loaded from; None for one built in memory."""
    build = assistant.index.build
    return build.name if build is not None else None


async def follow_builds(state: State, interval: float) -> None:
    """Switch every served collection (web/collections.py) to each build its index folder's `CURRENT` comes
    to name, checking every `interval` seconds, for the app's life; and serve the collections made in (or stop
    those deleted from) the settings' `collections_dir` by any process, from the start on."""
    failed: dict[Path, str | None] = {}
    while True:
        await follow_created(state)  # first at start: the collections made before a restart are served again
        await asyncio.sleep(interval)
        for serving in served(state):
            folder = serving.settings.index_dir
            failed[folder] = await switch_to_current(state, serving, failed.get(folder))


async def switch_to_current(state: State, serving: Assistant, failed: str | None = None) -> str | None:
    """Load and serve, in place of `serving`, the build its index folder's `CURRENT` names if it is not the
    one served; the name of a build that could not be loaded (logged once, retried only when `CURRENT` moves
    again), else None.

    The pointer is read in a thread, as is the load: a slow shared disk must not stall the event loop.
    Nothing is loaded while a change of this process is in progress (`changing`): it serves its own build.
    """
    if getattr(state, "changes", 0):
        return failed
    index_dir = serving.settings.index_dir
    try:
        current = (await run_in_threadpool(pointed_build, index_dir)).name
    except (IndexLoadError, OSError):
        return failed
    if current in (serving_build(serving), failed):
        return failed
    try:
        fresh = await run_in_threadpool(Assistant.load, serving.settings, serving.encoder)
    except QAError as error:
        log.warning(
            "the index's new build %s cannot be served; serving %s on: %s", current, serving_build(serving), error
        )
        return current
    if not serve_fresh(state, serving, fresh, main=state.assistant is serving):
        return None
    log.info("serving build %s of %s (%d documents)", serving_build(fresh), index_dir, len(fresh.articles))
    return None

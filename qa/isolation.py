"""Untrusted files parsed in a child process with memory, time, page and size caps.

A document is untrusted input: a 4 KB PDF of nested form objects can take gigabytes and minutes, a
deeply nested HTML file can exhaust the interpreter's stack. Parsed in the server's own process, one
such file costs the server; parsed here, it costs a rejected file. The child's address space is
capped with RLIMIT_AS (the cap counts from what the child holds when it starts, so the parsers'
libraries are not charged against it), the parent kills it when its time is up, and its memory goes
back to the system when it exits. Children come from a `forkserver` that has imported the parsers
once, so a worker starts in milliseconds; a build reuses one worker for all its files. As with any
multiprocessing child, each re-imports the program's main module (guarded by `if __name__ ==
"__main__"`): `qa`'s is light, and a script that imports heavy libraries at its top pays for them
in every child.
"""

from __future__ import annotations

import multiprocessing
import os
import resource
import signal
import threading
import time
import weakref
from collections.abc import Callable
from dataclasses import dataclass
from multiprocessing import forkserver
from multiprocessing.connection import Connection
from multiprocessing.process import BaseProcess
from pathlib import Path
from types import FrameType
from typing import Any

from qa.errors import CorpusError
from qa.formats import parse_bytes, pdf
from qa.formats.document import Parsed
from qa.formats.errors import OverLimit, UnreadableDocument
from qa.settings import Settings


class ParseStopped(OverLimit):
    """A parse stopped short: by a limit (time, memory, pages, characters) or by the process shutting down.

    Unlike a malformed file, the outcome depends on the limits, which are settings, and on the machine's
    load at the time, not on the file's bytes alone; so a build never reuses it, and the next build (or
    `qa index --force` after raising a limit) parses the file again.
    """


PAGE_COUNTERS: dict[str, Callable[[bytes], int]] = {".pdf": pdf.page_count}
"""How a paged format counts its pages before it is parsed, so the page cap refuses a file before its cost."""

_CONTEXT = multiprocessing.get_context("forkserver")
_CONTEXT.set_forkserver_preload([__name__])


@dataclass(frozen=True)
class ParseLimits:
    """What one file's parse may cost; each limit is a setting, and a file over one is rejected naming it."""

    memory_bytes: int
    timeout_s: float
    page_seconds: float
    max_pages: int
    max_chars: int

    @classmethod
    def of(cls, settings: Settings) -> ParseLimits:
        return cls(
            memory_bytes=settings.parse_memory_bytes,
            timeout_s=settings.parse_timeout,
            page_seconds=settings.parse_page_seconds,
            max_pages=settings.parse_max_pages,
            max_chars=settings.parse_max_chars,
        )

    def seconds(self, pages: int) -> float:
        """The time a file of `pages` pages may take: a long report is given more than a short note."""
        return self.timeout_s + pages * self.page_seconds

    def memory_message(self) -> str:
        return f"parsing it needs more than {self.memory_bytes} bytes of memory, the limit (QA_PARSE_MEMORY_BYTES)"


class Worker:
    """One child process that parses files one after another; a file over a limit costs the child, not the caller.

    Use it as a context manager. After a child is killed (time) or dies (memory), the next file gets a new one.
    """

    def __init__(self, limits: ParseLimits) -> None:
        self.limits = limits
        self._process: BaseProcess | None = None
        self._connection: Connection | None = None

    def __enter__(self) -> Worker:
        return self

    def __exit__(self, *_: object) -> None:
        self.close()

    @property
    def pid(self) -> int | None:
        """The current child's process id (for measuring it), or None before the first file."""
        return self._process.pid if self._process is not None else None

    def parse(self, data: bytes, source: str) -> Parsed:
        """Parse like `qa.formats.parse_bytes`: a file that cannot be parsed, or breaks a limit, is a CorpusError."""
        name = Path(source).name
        try:
            return self._parse(data, source)
        except ParseStopped as error:
            raise ParseStopped(f"{name}: {error}") from error
        except UnreadableDocument as error:
            raise CorpusError(f"{name}: {error}") from error

    def _parse(self, data: bytes, source: str) -> Parsed:
        connection = self._start()
        process = self._process
        connection.send((data, source))
        started, allowed = time.monotonic(), self.limits.seconds(0)
        while True:
            try:
                message = connection.recv() if connection.poll(max(0.0, started + allowed - time.monotonic())) else None
            except (EOFError, OSError):
                if self._process is not process:  # closed by `stop_all`
                    raise ParseStopped("parsing was stopped: the process is shutting down") from None
                process.join(timeout=5)
                code = process.exitcode
                self.close()
                raise ParseStopped(_death_reason(code, self.limits)) from None
            if message is None:
                self.close()
                raise ParseStopped(
                    f"parsing it took longer than {allowed:.0f} s, the limit "
                    "(QA_PARSE_TIMEOUT, plus QA_PARSE_PAGE_SECONDS per page)"
                )
            kind, value = message
            if kind == "pages":
                allowed = self.limits.seconds(value)
            elif kind == "parsed":
                return value
            elif kind == "fatal":
                self.close()
                raise ParseStopped(value)
            elif kind == "limit":
                raise ParseStopped(value)
            else:
                raise UnreadableDocument(value)

    def _start(self) -> Connection:
        if self._connection is None or not self._process.is_alive():
            self.close()
            ours, theirs = _CONTEXT.Pipe()
            process = _CONTEXT.Process(target=_serve, args=(theirs, self.limits), daemon=True)
            process.start()
            theirs.close()
            self._process, self._connection = process, ours
            _LIVE.add(self)
        return self._connection

    def close(self) -> None:
        """End the child now (SIGKILL: a parse in progress has nothing worth waiting for); its memory is freed."""
        process, connection = self._process, self._connection
        self._process = self._connection = None
        _LIVE.discard(self)
        if connection is not None:
            connection.close()
        if process is not None:
            process.kill()
            process.join()
            process.close()


def parse_isolated(data: bytes, source: str, limits: ParseLimits) -> Parsed:
    """Parse one file in a child of its own, as an upload or `qa add` is: CorpusError names the file and the reason."""
    with Worker(limits) as worker:
        return worker.parse(data, source)


_LIVE: weakref.WeakSet[Worker] = weakref.WeakSet()
DEFAULT_LIMITS = ParseLimits.of(Settings.model_construct())
"""The settings' defaults, for callers that have no settings of their own (benchmarks, tests)."""


def start_forkserver() -> None:
    """Start the process workers are forked from now, so its imports overlap other start-up work."""
    forkserver.ensure_running()


def stop_all() -> None:
    """Kill every parse in progress, so a process asked to stop does not wait for a parser to finish."""
    for worker in list(_LIVE):
        worker.close()


def stop_parsers_on_signals() -> None:
    """On SIGTERM or SIGINT, kill running parsers first, then do what the signal did before (e.g. uvicorn's shutdown).

    A server shutting down waits for requests in flight; one waiting on a bomb would keep it up until
    the parse's time limit. Call this once the server has installed its handlers; off the main thread
    (where handlers cannot be set) it does nothing.
    """
    if threading.current_thread() is not threading.main_thread():
        return
    for number in (signal.SIGTERM, signal.SIGINT):
        previous = signal.getsignal(number)

        def handler(signum: int, frame: FrameType | None, previous: Any = previous) -> None:
            threading.Thread(target=stop_all, daemon=True).start()
            if callable(previous):
                previous(signum, frame)
            elif previous == signal.SIG_DFL:
                signal.signal(signum, signal.SIG_DFL)
                signal.raise_signal(signum)

        signal.signal(number, handler)


def _death_reason(exit_code: int | None, limits: ParseLimits) -> str:
    if exit_code is not None and exit_code < 0:
        return f"the parser was stopped by signal {-exit_code}; {limits.memory_message()}, or it crashed"
    return f"the parser ended unexpectedly (exit code {exit_code}); {limits.memory_message()}, or it crashed"


# In the child -----------------------------------------------------------------------------------------------------


def _serve(connection: Connection, limits: ParseLimits) -> None:
    """Parse the files the parent sends until it closes the pipe; after running out of memory, exit to free it."""
    _die_with_parent()
    _cap_memory(limits.memory_bytes)
    while True:
        try:
            data, source = connection.recv()
        except (EOFError, OSError):
            return
        _cap_cpu(limits)
        try:
            connection.send(("parsed", _parse(data, source, limits, connection)))
        except Exception as error:  # noqa: BLE001 - any parser failure rejects this one file, with its reason
            if _out_of_memory(error):
                connection.send(("fatal", limits.memory_message()))
                return
            over = isinstance(error, OverLimit) or isinstance(error.__cause__, OverLimit)  # parse_bytes names the file
            connection.send(("limit" if over else "rejected", _reason(error, source)))


def _out_of_memory(error: BaseException | None) -> bool:
    """Whether the memory cap caused `error`, though a parser may have wrapped it (pdfminer does) in its own."""
    while error is not None:
        if isinstance(error, MemoryError):
            return True
        error = error.__cause__ or error.__context__
    return False


def _reason(error: Exception, source: str) -> str:
    if isinstance(error, UnreadableDocument):
        return str(error)
    if isinstance(error, CorpusError):
        return str(error).removeprefix(f"{Path(source).name}: ")
    if isinstance(error, RecursionError):
        return "its structure is nested too deeply to parse"
    return f"the parser failed ({type(error).__name__}: {error})"


def _parse(data: bytes, source: str, limits: ParseLimits, connection: Connection) -> Parsed:
    counter = PAGE_COUNTERS.get(Path(source).suffix.lower())
    if counter is not None:
        pages = counter(data)
        if pages > limits.max_pages:
            raise ParseStopped(f"it has {pages} pages, more than the limit of {limits.max_pages} (QA_PARSE_MAX_PAGES)")
        connection.send(("pages", pages))
    parsed = parse_bytes(data, source)
    if len(parsed.text) > limits.max_chars:
        raise ParseStopped(
            f"its text has {len(parsed.text)} characters, "
            f"more than the limit of {limits.max_chars} (QA_PARSE_MAX_CHARS)"
        )
    return parsed


def _cap_memory(limit: int) -> None:
    """Let the address space grow by `limit` bytes beyond what the child already maps (the parsers' libraries)."""
    with open("/proc/self/statm", encoding="ascii") as statm:
        mapped = int(statm.read().split()[0]) * resource.getpagesize()
    resource.setrlimit(resource.RLIMIT_AS, (mapped + limit, mapped + limit))


def _cap_cpu(limits: ParseLimits) -> None:
    """A CPU-time backstop for a child whose parent is gone; the parent's own deadline is the limit that counts."""
    used = resource.getrusage(resource.RUSAGE_SELF)
    budget = int(used.ru_utime + used.ru_stime + limits.seconds(limits.max_pages)) + 1
    _, hard = resource.getrlimit(resource.RLIMIT_CPU)
    resource.setrlimit(resource.RLIMIT_CPU, (budget, hard))


def _die_with_parent() -> None:
    """Exit as soon as the parent process is gone (killed, even by SIGKILL): nobody waits for this parse any more."""
    parent = multiprocessing.parent_process()
    if parent is not None:

        def watch() -> None:
            parent.join()
            os._exit(1)

        threading.Thread(target=watch, name="parent-watch", daemon=True).start()

"""The assistant an app answers with, set so that the garbage collector leaves it be.

A loaded corpus and index are hundreds of thousands of Python objects (468k for the bundled
corpus) that live as long as the assistant. Every full collection of the cyclic garbage collector
walked them all: 0.37 s, a pause for every request in flight, measured on the bundled corpus.
Objects that outlive young collections (the answer cache's, among others) set such collections off.
`gc.freeze()` moves what exists after loading out of the collector's sight.
"""

from __future__ import annotations

import gc

from starlette.datastructures import State

from qa.assistant import Assistant


def settle(state: State, assistant: Assistant) -> None:
    """Serve `assistant` from the next request on, and freeze what it is made of.

    The assistant it replaces is unfrozen and collected first, so a reload leaks none of its
    reference cycles. Nothing is frozen unless the process already froze its first assistant
    (`qa serve` does): apps made for tests leave the collector as they found it.
    """
    state.assistant = assistant
    if gc.get_freeze_count():
        gc.unfreeze()
        gc.collect()
        gc.freeze()


def freeze_loaded() -> None:
    """Freeze everything loaded so far; for a server process, once its assistant is open.

    No collection first: it would add its 0.37 s to every start, to free what loading left behind
    once, a bounded amount.
    """
    gc.freeze()

"""Switching the assistant an app serves, and keeping a server's loaded objects from the collector."""

from __future__ import annotations

import gc
from collections.abc import Iterator

import pytest
from starlette.datastructures import State

from qa import Assistant
from web.state import freeze_loaded, settle


@pytest.fixture
def unfrozen_after() -> Iterator[None]:
    yield
    gc.unfreeze()


def test_settle_serves_the_new_assistant_and_leaves_an_unfrozen_process_alone(assistant: Assistant) -> None:
    state = State()
    settle(state, assistant)
    assert state.assistant is assistant
    assert gc.get_freeze_count() == 0


def test_a_loaded_server_is_out_of_the_collectors_sight(assistant: Assistant, unfrozen_after: None) -> None:
    assert any(obj is assistant for obj in gc.get_objects())
    freeze_loaded()
    assert not any(obj is assistant for obj in gc.get_objects())


def test_settle_collects_the_replaced_assistants_cycles(assistant: Assistant, unfrozen_after: None) -> None:
    class Cycle:
        def __init__(self) -> None:
            self.me = self

    state = State()
    state.assistant = Cycle()
    freeze_loaded()
    state_cycle = state.assistant
    del state_cycle
    settle(state, assistant)
    assert not any(isinstance(obj, Cycle) for obj in gc.get_objects())
    assert gc.get_freeze_count() > 0

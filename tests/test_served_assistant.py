"""Switching the assistant an app serves, and keeping a server's loaded objects from the collector."""

from __future__ import annotations

import gc
import weakref
from collections.abc import Iterator

import pytest
from starlette.datastructures import State

import web.served_assistant
from qa import Assistant
from web.served_assistant import freeze_loaded, settle


@pytest.fixture
def unfrozen_after(monkeypatch: pytest.MonkeyPatch) -> Iterator[None]:
    monkeypatch.setattr(web.served_assistant, "_FROZEN", False)  # put back as the test found it, with the collector
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


def test_settle_runs_no_full_collection_on_a_frozen_server(assistant: Assistant, unfrozen_after: None) -> None:
    full: list[dict[str, int]] = []

    def record(phase: str, info: dict[str, int]) -> None:
        if phase == "start" and info["generation"] == 2:
            full.append(info)

    state = State()
    state.assistant = Assistant.load(assistant.settings, assistant.encoder)
    freeze_loaded()
    gc.callbacks.append(record)
    try:
        settle(state, Assistant.load(assistant.settings, assistant.encoder))
    finally:
        gc.callbacks.remove(record)
    assert full == []


def test_the_replaced_assistant_is_freed_without_a_collection(assistant: Assistant, unfrozen_after: None) -> None:
    state = State()
    state.assistant = Assistant.load(assistant.settings, assistant.encoder)
    replaced = weakref.ref(state.assistant)
    freeze_loaded()
    gc.disable()
    try:
        settle(state, Assistant.load(assistant.settings, assistant.encoder))
        assert replaced() is None
    finally:
        gc.enable()
    assert gc.get_freeze_count() > 0

"""Switching the assistant an app serves, and keeping a server's loaded objects from the collector."""

from __future__ import annotations

import gc
import weakref
from collections.abc import Iterator
from pathlib import Path

import pytest
from starlette.datastructures import State

import web.served_assistant
from embeddings import Encoder
from qa import Assistant
from qa.indexing import build_index
from qa.settings import Settings
from tests.conftest import build_small, run_apart
from web.served_assistant import changing, freeze_loaded, serving_build, settle, switch_to_current


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


@pytest.fixture
def moved_on(tmp_path: Path, north38_opening: str, encoder: Encoder) -> tuple[State, Path]:
    """An app's state serving a build, and the index folder whose CURRENT has since moved to a newer one."""
    root = build_small(tmp_path, north38_opening, encoder)
    state = State()
    state.assistant = Assistant.open(Settings(corpus_dir=root / "corpus", index_dir=root / "index"), encoder=encoder)
    (root / "corpus" / "visit.txt").write_text("Monitoring visit\n\nThe monitors met the lawyers.\n", encoding="utf-8")
    build_index(root / "corpus", root / "index", encoder, progress=False)
    return state, root / "index"


def test_the_follower_loads_nothing_while_a_change_of_its_own_process_runs(moved_on: tuple[State, Path]) -> None:
    state, _ = moved_on
    serving = state.assistant
    with changing(state):
        assert run_apart(switch_to_current(state, serving)) is None
    assert state.assistant is serving


def test_the_follower_serves_the_new_build_once_no_change_runs(moved_on: tuple[State, Path]) -> None:
    state, _ = moved_on
    serving = state.assistant
    with changing(state):
        pass
    run_apart(switch_to_current(state, serving))
    assert serving_build(state.assistant) != serving_build(serving)
    assert len(state.assistant.articles) == len(serving.articles) + 1

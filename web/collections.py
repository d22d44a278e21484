"""The collections one server answers from: the main one, which reloads and uploads replace
(`app.state.assistant`), and any others served beside it, picked by name in the page and the API: those
named at start (`qa serve --index A --index B`, `QA_COLLECTIONS`) and those made over HTTP, kept in the
settings' `collections_dir` (`qa.collection_folders`)."""

from __future__ import annotations

import logging
from collections.abc import Sequence
from pathlib import Path

from fastapi.concurrency import run_in_threadpool
from starlette.datastructures import State

from qa.assistant import Assistant
from qa.collection import collection_name
from qa.collection_folders import DOCUMENTS, created_collections
from qa.errors import InvalidQuestion, QAError
from qa.settings import Settings

log = logging.getLogger(__name__)


def serve_beside(state: State, others: Sequence[Assistant]) -> None:
    """Serve `others` beside the main assistant, under their index folders' names."""
    state.other_collections = {collection_name(a.settings.index_dir): a for a in others}


def names(state: State) -> list[str]:
    """Every collection's name, the main one first (the default when a request names none)."""
    return [collection_name(state.assistant.settings.index_dir), *getattr(state, "other_collections", {})]


def assistant_for(state: State, name: str | None) -> Assistant:
    """The assistant of collection `name`; the main one when `name` is None or empty."""
    if not name or name == names(state)[0]:
        return state.assistant
    others: dict[str, Assistant] = getattr(state, "other_collections", {})
    if name not in others:
        raise InvalidQuestion(f"collection must be one of {', '.join(names(state))}, got {name!r}")
    return others[name]


def served(state: State) -> list[Assistant]:
    """The assistant of every collection, the main one first."""
    return [state.assistant, *getattr(state, "other_collections", {}).values()]


def serve_in_place_of(state: State, serving: Assistant, fresh: Assistant) -> bool:
    """Serve `fresh` from the next request on where `serving` is served beside the main collection; False
    when `serving` is no longer served there (nothing changes then)."""
    others: dict[str, Assistant] = getattr(state, "other_collections", {})
    name = next((name for name, assistant in others.items() if assistant is serving), None)
    if name is None:
        return False
    others[name] = fresh
    return True


def created_settings(settings: Settings, folder: Path) -> Settings:
    """The settings of the collection made in `folder`: its index there, its documents in it."""
    return settings.model_copy(update={"index_dir": folder, "corpus_dir": folder / DOCUMENTS})


def serve_created(state: State, assistant: Assistant) -> None:
    """Serve `assistant`, of a collection just made, beside the others from the next request on."""
    state.other_collections = {**getattr(state, "other_collections", {}), assistant.settings.index_dir.name: assistant}


def stop_serving(state: State, name: str) -> None:
    """Serve collection `name` no more; requests in flight finish on it."""
    state.other_collections = {n: a for n, a in getattr(state, "other_collections", {}).items() if n != name}


def is_created(state: State, name: str) -> bool:
    """Whether collection `name` is one served from the settings' `collections_dir` (made over HTTP)."""
    others: dict[str, Assistant] = getattr(state, "other_collections", {})
    return name in others and others[name].settings.index_dir.parent == state.settings.collections_dir


async def follow_created(state: State) -> None:
    """Serve the collections another worker or server made in the shared `collections_dir`, and stop serving
    those it deleted there; for the builds follower. A folder that cannot be loaded is logged once."""
    if getattr(state, "changes", 0):  # a change of this process serves its own collection
        return
    home: Path = state.settings.collections_dir
    try:
        folders = await run_in_threadpool(created_collections, home)
    except OSError as error:  # the follower must outlive a folder it cannot read, and follow the builds on
        log.warning("the collections in %s cannot be listed: %s", home, error)
        return
    for name in [n for n in getattr(state, "other_collections", {}) if is_created(state, n)]:
        if home / name not in folders:
            stop_serving(state, name)
            log.info("collection %s was deleted from %s; no longer served", name, home)
    failed: set[Path] = getattr(state, "unloadable", set()) & set(folders)  # one made again is tried again
    for folder in folders:
        if folder.name in names(state) or folder in failed:
            continue
        try:
            fresh = await run_in_threadpool(
                Assistant.load, created_settings(state.settings, folder), state.assistant.encoder
            )
        except QAError as error:
            log.warning("collection %s in %s cannot be served: %s", folder.name, home, error)
            failed.add(folder)
            continue
        serve_created(state, fresh)
        log.info("serving collection %s from %s (%d documents)", folder.name, home, len(fresh.articles))
    state.unloadable = failed

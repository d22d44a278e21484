"""The collections one server answers from: the main one, which reloads and uploads replace
(`app.state.assistant`), and any others served beside it, picked by name in the page and the API."""

from __future__ import annotations

from collections.abc import Sequence

from starlette.datastructures import State

from qa.assistant import Assistant
from qa.collection import collection_name
from qa.errors import InvalidQuestion


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

"""What the `qa` commands share: their settings (options over the environment), the files they read, and the
admin requests they send to a running server (`--server URL`)."""

from __future__ import annotations

import argparse
import sys
from collections.abc import Sequence
from pathlib import Path
from typing import Any

from pydantic import ValidationError

from qa.errors import AdminTokenMissing, CorpusError, ServerUnreachable
from qa.inputs import settings_error
from qa.names import shown
from qa.settings import Settings

OPTION_SETTINGS = {"corpus": "corpus_dir", "index": "index_dir", "host": "host", "port": "port"}
"""Options that set a setting: they are checked, and named in errors, as the user wrote them."""


def settings_of(args: argparse.Namespace) -> Settings:
    """The settings, with the command line's options over the environment's; every problem said in one voice."""
    overrides: dict[str, object] = {}
    for option, field in OPTION_SETTINGS.items():
        value = getattr(args, option, None)
        if isinstance(value, list):  # `qa serve --index A --index B`: the first is the main collection
            value = value[0] if value else None
        if value is not None:
            overrides[field] = whole(value) if field == "port" else value
    try:
        return Settings(**overrides)
    except ValidationError as error:
        names = {field: f"--{option}" for option, field in OPTION_SETTINGS.items() if field in overrides}
        raise settings_error(error, Settings.model_fields, names) from None


def whole(text: str | None) -> int | str | None:
    """An option's text as a whole number when it is one, else as typed, for the check to name it."""
    try:
        return None if text is None else int(text)
    except ValueError:
        return text


def read_files(paths: Sequence[Path]) -> list[tuple[str, bytes]]:
    """Each file's name and bytes, read before any model loads: a file that cannot be read is named at once."""
    files = []
    for path in paths:
        try:
            files.append((path.name, path.read_bytes()))
        except OSError as error:
            raise CorpusError(
                f"{path}: cannot be read ({error.strerror}); check the path and its permissions"
            ) from error
    return files


def server_request(
    settings: Settings, server: str, method: str, path: str, collection: str | None = None, **request: Any
) -> Any:
    """Send an admin request to the running server `server` (about its collection `collection`, if given) with
    the token from QA_ADMIN_TOKEN; the JSON it answers, or None when it refused, which is printed."""
    import httpx

    if collection is not None:
        request["params"] = {"collection": collection}
    if settings.admin_token is None:
        raise AdminTokenMissing("--server needs the server's admin token in QA_ADMIN_TOKEN")
    headers = {"authorization": f"Bearer {settings.admin_token.get_secret_value()}"}
    try:
        response = httpx.request(method, server.rstrip("/") + path, headers=headers, timeout=None, **request)
    except httpx.HTTPError as error:
        raise ServerUnreachable(
            f"cannot reach {server}: {error}; is `qa serve` running there? check the URL given to --server"
        ) from error
    try:
        body = response.json()
    except ValueError:
        body = {"detail": response.text}
    if response.is_error:
        print(f"error: {server} answered {response.status_code}: {shown(str(body.get('detail')))}", file=sys.stderr)
        return None
    return body

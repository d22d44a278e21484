"""Admin routes check the caller's token before their request body is read, not after.

FastAPI reads and parses a route's body (a multipart upload of any number of parts) before it runs
the route's dependencies, so `require_admin` alone let an anonymous caller make the server parse a
1,000-part upload only to be told 401. `AuthenticateFirst` asks for the token at the moment the
route first asks for the body; refused, the body is never read.
"""

from __future__ import annotations

import re
from collections.abc import Iterable

from starlette.requests import Request
from starlette.routing import BaseRoute, Match, get_route_path
from starlette.types import ASGIApp, Message, Receive, Scope, Send

from qa.settings import Settings
from web.admin import require_admin


class AuthenticateFirst:
    """Pure ASGI middleware: on a request to one of `routes`, check the admin token before the first `receive`.

    The check raises from inside `receive`, that is from inside the route, so the app's error handler
    turns it into the usual 401 or 403 response. Routes without a body are checked by their dependency.
    """

    def __init__(self, app: ASGIApp, routes: Iterable[BaseRoute]) -> None:
        self.app = app
        self.routes = tuple(routes)
        self.paths = re.compile("|".join(f"(?:{route.path_regex.pattern})" for route in self.routes))  # type: ignore[attr-defined]
        """Any of the routes' paths, in one pattern: every other request (an answer) is told apart by one match, not
        by matching each of the routes in turn."""

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if (
            scope["type"] != "http"
            or not self.paths.match(get_route_path(scope))
            or not any(route.matches(scope)[0] is Match.FULL for route in self.routes)
        ):
            await self.app(scope, receive, send)
            return
        checked = False

        async def receive_once_authenticated() -> Message:
            nonlocal checked
            if not checked:
                require_admin(Request(scope))
                checked = True
            return await receive()

        await self.app(scope, receive_once_authenticated, send)


def admin_status(settings: Settings) -> str:
    """The line `qa serve` logs at start, so an operator sees whether anyone can change the index."""
    if settings.admin_token is None:
        return "admin operations are off: QA_ADMIN_TOKEN is not set (or blank)"
    return "admin operations are on: they need the QA_ADMIN_TOKEN bearer token"

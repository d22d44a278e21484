"""Security headers on every response: pages run only the app's own script files, never inline code."""

from __future__ import annotations

from collections.abc import Awaitable, Callable

from fastapi import FastAPI, Request, Response

PAGE_POLICY = (
    "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self'; object-src 'none'; "
    "base-uri 'none'; form-action 'self'; frame-ancestors 'none'"
)
"""No inline script or style, no plugins, no framing: text from a document can never run."""

API_DOCS_POLICY = (
    "default-src 'self'; script-src 'self' 'unsafe-inline' https://cdn.jsdelivr.net; "
    "style-src 'self' https://cdn.jsdelivr.net; img-src 'self' data: https://fastapi.tiangolo.com; "
    "object-src 'none'; base-uri 'none'; frame-ancestors 'none'"
)
"""FastAPI's Swagger UI loads from its CDN and starts with an inline script; it shows no document text."""

API_DOCS_PATHS = frozenset({"/docs", "/docs/oauth2-redirect", "/redoc"})

COMMON = {
    "X-Content-Type-Options": "nosniff",
    "Referrer-Policy": "no-referrer",
}
"""no-referrer: a followed note link must not tell another site the question asked (it is in the URL)."""


def security_headers(path: str) -> dict[str, str]:
    policy = API_DOCS_POLICY if path in API_DOCS_PATHS else PAGE_POLICY
    return {"Content-Security-Policy": policy, **COMMON}


def add_security_headers(app: FastAPI) -> None:
    @app.middleware("http")
    async def secure(request: Request, call_next: Callable[[Request], Awaitable[Response]]) -> Response:
        response = await call_next(request)
        response.headers.update(security_headers(request.url.path))
        return response

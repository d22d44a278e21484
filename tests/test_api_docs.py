"""The API documentation pages work without a network: every file they load comes from this server."""

from __future__ import annotations

import re

import pytest
from fastapi.testclient import TestClient

URL_RE = re.compile(r"""(?:src|href|url)\s*[=:]\s*['"]([^'"]+)['"]""")
HOST_RE = re.compile(r"(?:https?:)?//[\w.-]+")


@pytest.mark.parametrize("page", ["/docs", "/redoc"])
def test_api_docs_reference_no_external_host(client: TestClient, page: str) -> None:
    response = client.get(page)
    assert response.status_code == 200
    urls = URL_RE.findall(response.text)
    assert urls, "the page loads its script from somewhere"
    assert [url for url in urls if HOST_RE.match(url)] == []
    assert HOST_RE.search(response.headers["content-security-policy"]) is None


@pytest.mark.parametrize("page", ["/docs", "/redoc"])
def test_api_docs_files_are_served_locally(client: TestClient, page: str) -> None:
    urls = [url for url in URL_RE.findall(client.get(page).text) if url.endswith((".js", ".css"))]
    assert urls
    for url in urls:
        response = client.get(url)
        assert response.status_code == 200, url
        assert len(response.content) > 10_000, url

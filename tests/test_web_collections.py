"""One server, several collections: the page's picker and the API's `collection` choose which one answers."""

from __future__ import annotations

import json
from collections.abc import Iterator

import pytest
from fastapi import FastAPI
from fastapi.testclient import TestClient

from qa import Settings
from tests.conftest import COLD_WAR, COLD_WAR_QUOTE, G8, NORTH38_ID, REPORTS

ROUTED = {"content-type": "application/vnd.example+json"}
"""A JSON body the short path passes on, so that FastAPI's route answers it."""


@pytest.fixture(scope="module")
def both(two_collections: FastAPI) -> Iterator[TestClient]:
    with TestClient(two_collections) as client:
        yield client


@pytest.fixture(scope="module")
def main_name(web_settings: Settings) -> str:
    return web_settings.index_dir.name


def quoted(body: dict) -> str:
    return " ".join(q["text"] for s in body["sources"] for q in s["quotes"])


@pytest.mark.parametrize("headers", [{}, ROUTED], ids=["short path", "route"])
def test_the_api_answers_from_the_collection_it_names(both: TestClient, headers: dict[str, str]) -> None:
    body = json.dumps({"question": COLD_WAR, "k": 1, "collection": REPORTS})
    response = both.post("/api/answer", content=body, headers={"content-type": "application/json", **headers})
    assert response.status_code == 200
    assert COLD_WAR_QUOTE in quoted(response.json())


def test_the_api_answers_from_the_first_collection_by_default(both: TestClient) -> None:
    response = both.post("/api/answer", json={"question": G8, "k": 1})
    title = response.json()["sources"][0]["document"]["title"]
    assert title == "A Human Rights Dialogue with North Korea: Real or Illusory?"


@pytest.mark.parametrize("headers", [{}, ROUTED], ids=["short path", "route"])
def test_an_unknown_collection_is_a_422_listing_the_served_ones(
    both: TestClient, main_name: str, headers: dict[str, str]
) -> None:
    body = json.dumps({"question": G8, "collection": "nope"})
    response = both.post("/api/answer", content=body, headers={"content-type": "application/json", **headers})
    assert (response.status_code, response.json()) == (
        422,
        {"detail": f"collection must be one of {main_name}, {REPORTS}, got 'nope'"},
    )


def test_the_page_offers_a_picker_only_when_there_is_a_choice(both: TestClient, web_client: TestClient) -> None:
    assert '<select id="collection" name="collection">' in both.get("/").text
    assert 'name="collection"' not in web_client.get("/").text


def test_the_page_answers_from_the_picked_collection_and_links_into_it(both: TestClient) -> None:
    page = both.get("/ask", params={"q": COLD_WAR, "collection": REPORTS}).text
    assert COLD_WAR_QUOTE in page
    assert f'<option value="{REPORTS}" selected>' in page
    assert f"&amp;collection={REPORTS}#p" in page


def test_the_library_of_another_collection_links_into_it(both: TestClient) -> None:
    page = both.get("/documents", params={"collection": REPORTS}).text
    assert f'href="/documents/{NORTH38_ID}?collection={REPORTS}"' in page


def test_a_document_of_another_collection_opens_from_its_link(both: TestClient) -> None:
    assert both.get(f"/documents/{NORTH38_ID}").status_code == 404
    page = both.get(f"/documents/{NORTH38_ID}", params={"collection": REPORTS})
    assert page.status_code == 200
    assert COLD_WAR_QUOTE in page.text


def test_the_api_and_the_cli_say_the_same_about_k(web_client: TestClient, capsys: pytest.CaptureFixture[str]) -> None:
    from cli.main import main

    response = web_client.post("/api/answer", json={"question": G8, "k": 99})
    assert main(["ask", G8, "-k", "99"]) == 2
    assert capsys.readouterr().err == f"error: {response.json()['detail']}\n"

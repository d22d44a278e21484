"""Adding and removing documents in any collection a server serves, not only the main one: through the API
(`?collection=NAME`) and the library page of that collection."""

from __future__ import annotations

import shutil
from collections.abc import Iterator
from pathlib import Path

import pytest
from fastapi.testclient import TestClient

from bench.servers import running_server
from cli.main import main
from embeddings import Encoder
from qa import Settings
from qa.indexing import build_index
from qa.settings import PROJECT_ROOT
from tests.conftest import open_built
from web.app import create_app

FIXTURES = PROJECT_ROOT / "eval" / "formats"
TOKEN = "collections-admin-token"
AUTH = {"authorization": f"Bearer {TOKEN}"}
BORDER = "How much do brokers charge for the crossing?"


@pytest.fixture(scope="module")
def two(tmp_path_factory: pytest.TempPathFactory, encoder: Encoder) -> Iterator[TestClient]:
    """A server of two collections, `main.idx` and `second.idx`, each of one document, with adding on."""
    root = tmp_path_factory.mktemp("two")
    opened = []
    for name in ("main", "second"):
        (root / name).mkdir()
        shutil.copy(FIXTURES / "prison-food-rations.md", root / name)
        settings = Settings(corpus_dir=root / name, index_dir=root / f"{name}.idx", admin_token=TOKEN)
        opened.append(open_built(settings, encoder))
    with TestClient(create_app(opened[0].settings, opened[0], others=opened[1:])) as client:
        yield client


def documents(client: TestClient, collection: str) -> list[str]:
    """The ids a collection's library page links to."""
    page = client.get("/documents", params={"collection": collection}).text
    return sorted({part.split('"')[0].split("?")[0] for part in page.split('href="/documents/')[1:]})


def test_an_upload_goes_into_the_collection_it_names(two: TestClient) -> None:
    files = [("files", ("border-closures.html", (FIXTURES / "border-closures.html").read_bytes()))]
    added = two.post("/api/documents", params={"collection": "second.idx"}, files=files, headers=AUTH)
    assert (added.status_code, [d["id"] for d in added.json()["documents"]]) == (201, ["border-closures-1"])
    assert documents(two, "second.idx") == ["border-closures-1", "prison-food-rations-1"]
    assert documents(two, "main.idx") == ["prison-food-rations-1"]
    answer = two.post("/api/answer", json={"question": BORDER, "k": 1, "collection": "second.idx"}).json()
    assert answer["sources"][0]["document"]["id"] == "border-closures-1"

    removed = two.delete("/api/documents/border-closures-1", params={"collection": "second.idx"}, headers=AUTH)
    assert removed.status_code == 200
    assert documents(two, "second.idx") == ["prison-food-rations-1"]


def test_an_upload_into_a_collection_not_served_names_the_ones_that_are(two: TestClient) -> None:
    files = [("files", ("note.txt", b"Some text about water in the camps."))]
    refused = two.post("/api/documents", params={"collection": "third.idx"}, files=files, headers=AUTH)
    assert (refused.status_code, refused.json()) == (
        422,
        {"detail": "collection must be one of main.idx, second.idx, got 'third.idx'"},
    )


def test_the_library_page_of_a_collection_uploads_into_it(two: TestClient) -> None:
    page = two.get("/documents", params={"collection": "second.idx"}).text
    assert 'class="upload-form"' in page
    assert '<input type="hidden" name="collection" value="second.idx">' in page
    form = {"token": TOKEN, "collection": "second.idx"}
    files = [("files", ("border-closures.html", (FIXTURES / "border-closures.html").read_bytes()))]
    added = two.post("/documents", data=form, files=files)
    assert added.status_code == 200
    assert documents(two, "second.idx") == ["border-closures-1", "prison-food-rations-1"]
    assert documents(two, "main.idx") == ["prison-food-rations-1"]
    two.delete("/api/documents/border-closures-1", params={"collection": "second.idx"}, headers=AUTH)


def test_qa_add_and_remove_through_a_server_change_the_collection_they_name(
    tmp_path: Path, encoder: Encoder, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    for name in ("main", "second"):
        (tmp_path / name).mkdir()
        shutil.copy(FIXTURES / "prison-food-rations.md", tmp_path / name)
        build_index(tmp_path / name, tmp_path / f"{name}.idx", encoder, progress=False)
    monkeypatch.setenv("QA_ADMIN_TOKEN", TOKEN)
    env = {"QA_INDEX_DIR": str(tmp_path / "main.idx"), "QA_COLLECTIONS": str(tmp_path / "second.idx")}
    with running_server(env) as server:
        added = main(
            ["add", str(FIXTURES / "border-closures.html"), "--server", server.url, "--collection", "second.idx"]
        )
        assert (added, capsys.readouterr().out.splitlines()[0]) == (0, "changed border-closures-1")
        assert sorted(p.name for p in (tmp_path / "second").iterdir()) == [
            "border-closures.html",
            "prison-food-rations.md",
        ]
        assert sorted(p.name for p in (tmp_path / "main").iterdir()) == ["prison-food-rations.md"]
        removed = main(["remove", "border-closures-1", "--server", server.url, "--collection", "second.idx"])
        assert (removed, capsys.readouterr().out.splitlines()[0]) == (0, "changed border-closures-1")
    assert sorted(p.name for p in (tmp_path / "second").iterdir()) == ["prison-food-rations.md"]


def test_qa_add_with_a_collection_but_no_server_says_to_give_the_index(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["add", str(FIXTURES / "border-closures.html"), "--collection", "second.idx"]) == 2
    assert capsys.readouterr().err == (
        "error: --collection names a collection of a running server (--server URL); here, give --index\n"
    )

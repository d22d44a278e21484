"""Making and deleting a collection over HTTP (`POST`/`DELETE /api/collections`): served at once without a
restart, kept in the settings' `collections_dir`, names checked, and nothing half-made left by a failure."""

from __future__ import annotations

import os
import shutil
import time
from collections.abc import Iterator
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

import httpx
import pytest
from fastapi.testclient import TestClient

from bench.servers import running_server
from embeddings import Encoder
from qa import Settings
from qa.collection_folders import ABANDONED_AFTER_S, CREATING, DELETING, create_collection, created_collections
from qa.errors import CollectionExists
from qa.indexing import build_index
from qa.settings import PROJECT_ROOT
from tests.conftest import open_built
from web.app import create_app
from web.collections import names

FIXTURES = PROJECT_ROOT / "eval" / "formats"
TOKEN = "made-collections-admin-token"
AUTH = {"authorization": f"Bearer {TOKEN}"}
BORDER = "How much do brokers charge for the crossing?"
BORDER_FILE = ("files", ("border-closures.html", (FIXTURES / "border-closures.html").read_bytes()))


@pytest.fixture
def home(tmp_path: Path) -> Path:
    return tmp_path / "collections"


@pytest.fixture
def api(tmp_path: Path, home: Path, encoder: Encoder) -> Iterator[TestClient]:
    """A server of one collection (`main.idx`) with admin on and its made collections kept in `home`."""
    (tmp_path / "main").mkdir()
    shutil.copy(FIXTURES / "prison-food-rations.md", tmp_path / "main")
    settings = Settings(
        corpus_dir=tmp_path / "main", index_dir=tmp_path / "main.idx", admin_token=TOKEN, collections_dir=home
    )
    with TestClient(create_app(settings, open_built(settings, encoder))) as client:
        yield client


def folders(home: Path) -> list[str]:
    """Every folder in `home`, hidden ones too."""
    return sorted(p.name for p in home.iterdir() if p.is_dir())


def make(api: TestClient, name: str, files: list[tuple[str, tuple[str, bytes]]] | None = None) -> object:
    return api.post("/api/collections", data={"name": name}, files=files or [BORDER_FILE], headers=AUTH)


def test_a_made_collection_answers_at_once_and_is_kept_in_the_settings_folder(api: TestClient, home: Path) -> None:
    made = make(api, "border-reports")
    assert (made.status_code, made.json()["name"]) == (201, "border-reports")
    assert [d["id"] for d in made.json()["documents"]] == ["border-closures-1"]
    answer = api.post("/api/answer", json={"question": BORDER, "k": 1, "collection": "border-reports"}).json()
    assert answer["sources"][0]["document"]["id"] == "border-closures-1"
    assert created_collections(home) == [home / "border-reports"]
    assert (home / "border-reports" / "documents" / "border-closures.html").is_file()


def test_documents_can_be_added_to_a_made_collection(api: TestClient) -> None:
    make(api, "border-reports")
    files = [("files", ("rations.md", (FIXTURES / "prison-food-rations.md").read_bytes()))]
    added = api.post("/api/documents", params={"collection": "border-reports"}, files=files, headers=AUTH)
    assert (added.status_code, [d["id"] for d in added.json()["documents"]]) == (201, ["rations-1"])


def test_a_deleted_collection_is_no_longer_served_and_its_folder_is_gone(api: TestClient, home: Path) -> None:
    make(api, "border-reports")
    deleted = api.delete("/api/collections/border-reports", headers=AUTH)
    assert (deleted.status_code, deleted.json()) == (200, {"name": "border-reports"})
    asked = api.post("/api/answer", json={"question": BORDER, "collection": "border-reports"})
    assert asked.status_code == 422
    assert folders(home) == []


def test_a_collection_made_in_the_folder_by_another_server_is_served_within_the_reload_interval(
    api: TestClient, home: Path, encoder: Encoder
) -> None:
    create_collection(home, "elsewhere", encoder, [("border-closures.html", BORDER_FILE[1][1])])
    api.portal.call(follow, api)
    answer = api.post("/api/answer", json={"question": BORDER, "k": 1, "collection": "elsewhere"})
    assert answer.status_code == 200


async def follow(api: TestClient) -> None:
    """One turn of the builds follower, as every `QA_RELOAD_INTERVAL` seconds."""
    from web.collections import follow_created

    await follow_created(api.app.state)


@pytest.mark.parametrize(
    "name",
    ["", "../x", "x/y", "..", "A-Reports", "reports-", "-reports", "r" * 65, "rеports", "re\u200bports", " reports"],
    ids=[
        "empty",
        "parent",
        "slash",
        "dots",
        "upper",
        "trailing-hyphen",
        "leading-hyphen",
        "huge",
        "cyrillic-e",
        "zero-width",
        "space",
    ],
)
def test_a_name_that_is_not_a_plain_name_is_a_422_saying_what_a_name_may_be(
    api: TestClient, home: Path, name: str
) -> None:
    refused = make(api, name)
    assert refused.status_code == 422
    assert refused.json()["detail"].startswith("a collection name is 1 to 64 lowercase letters (a-z) and digits")
    assert not home.exists() or created_collections(home) == []


def test_the_name_of_a_collection_already_served_is_a_409(api: TestClient) -> None:
    make(api, "border-reports")
    again = make(api, "border-reports")
    assert (again.status_code, again.json()) == (
        409,
        {"detail": "a collection named 'border-reports' is already served; choose another name"},
    )


def test_a_collection_without_text_is_refused_and_leaves_nothing(api: TestClient, home: Path) -> None:
    refused = make(api, "empty-one", [("files", ("blank.txt", b"   \n"))])
    assert refused.status_code == 400
    assert folders(home) == []


def test_making_a_collection_needs_the_admin_token(api: TestClient, home: Path) -> None:
    refused = api.post("/api/collections", data={"name": "x"}, files=[BORDER_FILE])
    assert refused.status_code == 401
    assert not home.exists()


def test_a_collection_named_at_start_is_not_deleted_over_http(api: TestClient) -> None:
    refused = api.delete("/api/collections/main.idx", headers=AUTH)
    assert refused.status_code == 422  # not even a name a collection can be made with


def test_deleting_a_collection_never_made_is_a_404(api: TestClient) -> None:
    refused = api.delete("/api/collections/nothing-here", headers=AUTH)
    assert (refused.status_code, refused.json()) == (
        404,
        {"detail": "no collection named 'nothing-here' was made here, so none is deleted"},
    )


def test_a_made_collection_is_served_again_after_a_restart(
    tmp_path: Path, home: Path, encoder: Encoder, api: TestClient
) -> None:
    make(api, "border-reports")
    settings = api.app.state.settings
    with TestClient(create_app(settings, open_built(settings, encoder))) as restarted:
        deadline = time.monotonic() + 60  # the follower loads it at start, beside the first requests
        while "border-reports" not in names(restarted.app.state) and time.monotonic() < deadline:
            time.sleep(0.1)
        answer = restarted.post("/api/answer", json={"question": BORDER, "k": 1, "collection": "border-reports"})
    assert answer.json()["sources"][0]["document"]["id"] == "border-closures-1"


def test_what_a_stopped_change_left_is_never_a_collection_and_the_next_creation_removes_it(
    home: Path, encoder: Encoder
) -> None:
    stopped_creating, stopped_deleting = home / f".stopped.0a1b{CREATING}", home / f".gone.2c3d{DELETING}"
    for folder in (stopped_creating, stopped_deleting):
        (folder / "documents").mkdir(parents=True)
    hours_ago = time.time() - 2 * ABANDONED_AFTER_S
    os.utime(stopped_creating, (hours_ago, hours_ago))
    assert created_collections(home) == []
    create_collection(home, "next", encoder, [("border-closures.html", BORDER_FILE[1][1])])
    assert folders(home) == ["next"]


def test_of_two_collections_of_one_name_made_at_once_one_is_refused(home: Path, encoder: Encoder) -> None:
    def attempt() -> str:
        try:
            create_collection(home, "twice", encoder, [("border-closures.html", BORDER_FILE[1][1])])
        except CollectionExists as error:
            return str(error)
        return "made"

    with ThreadPoolExecutor(2) as pool:
        outcomes = sorted(pool.map(lambda _: attempt(), range(2)))
    assert outcomes[1] == "made"
    assert "twice" in outcomes[0] and outcomes[0] != "made"
    assert created_collections(home) == [home / "twice"]


def test_the_library_page_makes_a_collection_and_shows_it(api: TestClient) -> None:
    page = api.get("/documents").text
    assert 'class="collection-form"' in page
    made = api.post("/collections", data={"name": "border-reports", "token": TOKEN}, files=[BORDER_FILE])
    assert made.status_code == 200  # followed the 303 to the new collection's library page
    assert str(made.url).endswith("/documents?collection=border-reports")
    assert 'href="/documents/border-closures-1?collection=border-reports"' in made.text


def test_the_library_page_says_why_a_collection_was_not_made(api: TestClient) -> None:
    refused = api.post("/collections", data={"name": "../x", "token": TOKEN}, files=[BORDER_FILE])
    assert refused.status_code == 422
    assert "a collection name is 1 to 64 lowercase letters (a-z) and digits" in refused.text


def test_the_library_page_of_a_made_collection_deletes_it(api: TestClient, home: Path) -> None:
    make(api, "border-reports")
    page = api.get("/documents", params={"collection": "border-reports"}).text
    assert 'action="/collections/border-reports/delete"' in page
    assert 'action="/collections/main.idx/delete"' not in api.get("/documents").text
    deleted = api.post("/collections/border-reports/delete", data={"token": TOKEN})
    assert (deleted.status_code, str(deleted.url).endswith("/documents")) == (200, True)
    assert folders(home) == []


def test_every_worker_of_a_server_answers_from_a_collection_one_of_them_made(tmp_path: Path, encoder: Encoder) -> None:
    (tmp_path / "main").mkdir()
    shutil.copy(FIXTURES / "prison-food-rations.md", tmp_path / "main")
    build_index(tmp_path / "main", tmp_path / "main.idx", encoder, progress=False)
    env = {
        "QA_INDEX_DIR": str(tmp_path / "main.idx"),
        "QA_COLLECTIONS_DIR": str(tmp_path / "collections"),
        "QA_ADMIN_TOKEN": TOKEN,
    }
    with running_server(env, workers=2) as server, httpx.Client(base_url=server.url, timeout=60) as client:
        made = client.post("/api/collections", data={"name": "border-reports"}, files=[BORDER_FILE], headers=AUTH)
        assert made.status_code == 201
        time.sleep(3)  # the other worker's follower looks every QA_RELOAD_INTERVAL (1 s), then loads it
        statuses = set()
        for _ in range(20):  # fresh connections, so both workers are asked
            asked = httpx.post(f"{server.url}/api/answer", json={"question": BORDER, "collection": "border-reports"})
            statuses.add(asked.status_code)
        assert statuses == {200}


def test_a_folder_in_the_collections_folder_that_holds_no_index_is_logged_once_and_not_served(
    api: TestClient, home: Path, caplog: pytest.LogCaptureFixture
) -> None:
    (home / "half-copied").mkdir(parents=True)
    time.sleep(3.5)  # three turns of the builds follower, one every QA_RELOAD_INTERVAL (1 s)
    warnings = [r.getMessage() for r in caplog.records if "half-copied" in r.getMessage()]
    assert len(warnings) == 1
    assert warnings[0].startswith(f"collection half-copied in {home} cannot be served: ")
    assert api.post("/api/answer", json={"question": BORDER, "collection": "half-copied"}).status_code == 422

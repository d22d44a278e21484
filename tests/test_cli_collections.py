"""`qa collections list|make|delete`: in the local collections folder (`QA_COLLECTIONS_DIR`) through the functions
the API calls, and with `--server URL` through a running server's API; `qa serve` serves what the command made.

One tiny collection (a title and three paragraphs of text) is made once by the command and shared; the errors are said
before any model loads (`QA_MODEL_DIR` names an empty folder in those tests)."""

from __future__ import annotations

import contextlib
import io
import time
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from pathlib import Path

import httpx
import pytest

from bench.servers import Server, free_port, running_server
from cli.main import main
from embeddings import Encoder
from embeddings.index import read_manifest
from qa.collection_folders import create_collection, created_collections
from qa.indexing import build_index
from qa.settings import PROJECT_ROOT

TOKEN = "cli-collections-admin-token"
AUTH = {"authorization": f"Bearer {TOKEN}"}
NAME = "negotiations"
COLD_WAR = "What did the United States insist upon in its talks with the USSR?"
BORDER_FILE = PROJECT_ROOT / "eval" / "formats" / "border-closures.html"
BORDER = "How much do brokers charge for the crossing?"


@dataclass(frozen=True)
class Made:
    """What `qa collections make` answered when it made the shared collection."""

    status: int
    out: str
    folder: Path


@pytest.fixture(scope="module")
def home(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The collections folder every test here, and the server, is given as QA_COLLECTIONS_DIR."""
    return tmp_path_factory.mktemp("cli-collections") / "collections"


@pytest.fixture(scope="module")
def document(tmp_path_factory: pytest.TempPathFactory, north38_opening: str) -> Path:
    path = tmp_path_factory.mktemp("files") / "negotiation.txt"
    path.write_text(north38_opening, encoding="utf-8")
    return path


@pytest.fixture(autouse=True)
def environment(home: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("QA_COLLECTIONS_DIR", str(home))
    monkeypatch.setenv("QA_ADMIN_TOKEN", TOKEN)


@pytest.fixture(scope="module")
def made(home: Path, document: Path) -> Made:
    """`qa collections make negotiations negotiation.txt`, run once for the module."""
    out = io.StringIO()
    with pytest.MonkeyPatch.context() as patch, contextlib.redirect_stdout(out):
        patch.setenv("QA_COLLECTIONS_DIR", str(home))
        status = main(["collections", "make", NAME, str(document)])
    return Made(status, out.getvalue(), home / NAME)


@pytest.fixture
def no_model(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """QA_MODEL_DIR naming an empty folder: a command that loads the model fails saying so."""
    (tmp_path / "no-model").mkdir()
    monkeypatch.setenv("QA_MODEL_DIR", str(tmp_path / "no-model"))


def row(folder: Path, note: str = "") -> list[str]:
    """The columns `qa collections list` prints for the one-document collection in `folder`, as its build
    records it."""
    manifest = read_manifest(folder)
    return [folder.name, "1", str(manifest.passages), manifest.built_at, *note.split()]


def listed(out: str) -> list[list[str]]:
    return [line.split() for line in out.splitlines()]


def test_make_builds_the_collection_in_the_collections_folder_and_says_how_to_ask_it(made: Made) -> None:
    assert made.status == 0
    first, summary, ask = made.out.splitlines()
    assert first == f"made collection {NAME} of negotiation-1 in {made.folder}"
    assert summary.startswith("indexed 1 documents from 1 files: 3 paragraphs")
    assert ask.startswith(f'ask it with `qa ask --index "{made.folder}" "question"`')
    assert created_collections(made.folder.parent) == [made.folder]
    assert (made.folder / "documents" / "negotiation.txt").is_file()


def test_list_shows_each_collection_with_its_documents_passages_and_build_time(
    made: Made, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(["collections", "list"]) == 0
    lines = listed(capsys.readouterr().out)
    assert lines[0] == ["NAME", "DOCUMENTS", "PASSAGES", "BUILT", "(UTC)"]
    assert row(made.folder) in lines


def test_list_of_an_empty_folder_says_how_to_make_one(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    monkeypatch.setenv("QA_COLLECTIONS_DIR", str(tmp_path / "none-yet"))
    assert main(["collections", "list"]) == 0
    assert capsys.readouterr().out == (
        f"no collections in {tmp_path / 'none-yet'} (QA_COLLECTIONS_DIR); "
        "make one with `qa collections make NAME FILE...`\n"
    )


def test_a_made_collection_is_asked_with_its_folder_as_the_index(
    made: Made, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(["ask", "--index", str(made.folder), COLD_WAR, "-k", "1"]) == 0
    answer = capsys.readouterr().out
    assert answer.startswith("1. “During the Cold War, the United States did not limit its discussions with the USSR")
    assert "Paragraph 2 (negotiation.txt)." in answer


def test_delete_removes_the_collection_and_its_folder(
    home: Path, document: Path, encoder: Encoder, capsys: pytest.CaptureFixture[str]
) -> None:
    create_collection(home, "old-reports", encoder, [(document.name, document.read_bytes())])
    assert main(["collections", "delete", "old-reports"]) == 0
    assert capsys.readouterr().out == f"deleted collection old-reports from {home}\n"
    assert not (home / "old-reports").exists()


def test_a_bad_name_is_said_with_what_a_name_may_be(
    document: Path, no_model: None, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(["collections", "make", "Annual_Reports", str(document)]) == 2
    assert capsys.readouterr().err == (
        "error: a collection name is 1 to 64 lowercase letters (a-z) and digits, joined by single hyphens, "
        "like 'annual-reports'; got 'Annual_Reports'\n"
    )


def test_a_name_already_made_is_refused_before_the_model_loads(
    made: Made, document: Path, no_model: None, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(["collections", "make", NAME, str(document)]) == 2
    assert capsys.readouterr().err == (
        f"error: a collection named '{NAME}' already exists; delete it first or choose another name\n"
    )


def test_deleting_an_unknown_name_names_the_collections_there(
    made: Made, home: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(["collections", "delete", "nothing-here"]) == 2
    assert capsys.readouterr().err.endswith(f"so none is deleted; the collections in {home} are: {NAME}\n")


def test_make_without_files_is_a_usage_error_naming_them(capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit) as exit_info:
        main(["collections", "make", "empty-one"])
    assert exit_info.value.code == 2
    assert capsys.readouterr().err.endswith("error: the following arguments are required: FILE\n")


def test_a_file_that_cannot_be_read_is_named_before_the_model_loads(
    tmp_path: Path, home: Path, no_model: None, capsys: pytest.CaptureFixture[str]
) -> None:
    missing = tmp_path / "missing.txt"
    assert main(["collections", "make", "lost", str(missing)]) == 2
    assert capsys.readouterr().err.startswith(f"error: {missing}: cannot be read (No such file or directory); ")
    assert not (home / "lost").exists()


def test_a_file_without_text_is_refused_and_leaves_no_collection(
    tmp_path: Path, home: Path, no_model: None, capsys: pytest.CaptureFixture[str]
) -> None:
    (tmp_path / "blank.txt").write_text("   \n", encoding="utf-8")
    assert main(["collections", "make", "blank", str(tmp_path / "blank.txt")]) == 2
    assert capsys.readouterr().err == "error: blank.txt: the file is empty\n"
    assert not (home / "blank").exists()


def test_a_server_that_is_down_is_named_with_what_to_check(capsys: pytest.CaptureFixture[str]) -> None:
    server = f"http://127.0.0.1:{free_port()}"  # nothing listens there
    assert main(["collections", "list", "--server", server]) == 2
    error = capsys.readouterr().err
    assert error.startswith(f"error: cannot reach {server}: ")
    assert error.endswith("; is `qa serve` running there? check the URL given to --server\n")


@pytest.fixture(scope="module")
def server(made: Made, home: Path, document: Path, encoder: Encoder) -> Iterator[Server]:
    """`qa serve` of a one-document main collection (`main.idx`), given the collections folder the command
    made `negotiations` in; ready once it serves that collection too."""
    root = home.parent
    (root / "main").mkdir()
    (root / "main" / document.name).write_bytes(document.read_bytes())
    build_index(root / "main", root / "main.idx", encoder, progress=False)
    env = {"QA_INDEX_DIR": str(root / "main.idx"), "QA_COLLECTIONS_DIR": str(home), "QA_ADMIN_TOKEN": TOKEN}
    with running_server(env, ready=lambda client: serves(client, NAME)) as running:
        yield running


@pytest.fixture(scope="module")
def client(server: Server) -> Iterator[httpx.Client]:
    """A client of the server, patient with a busy machine: making a collection embeds its passages."""
    with httpx.Client(base_url=server.url, timeout=120) as patient:
        yield patient


def serves(client: httpx.Client, name: str) -> bool:
    """Whether the server answers from collection `name` (its follower loads those in the folder at start)."""
    asked = client.post("/api/answer", json={"question": COLD_WAR, "k": 1, "collection": name})
    return asked.status_code == 200


def test_qa_serve_serves_the_collection_the_command_made(client: httpx.Client) -> None:
    answer = client.post("/api/answer", json={"question": COLD_WAR, "k": 1, "collection": NAME}).json()
    assert answer["sources"][0]["document"]["id"] == "negotiation-1"


def test_list_through_a_server_shows_every_collection_it_serves(
    server: Server, made: Made, home: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(["collections", "list", "--server", server.url]) == 0
    lines = listed(capsys.readouterr().out)
    assert row(home.parent / "main.idx", "named at start") in lines
    assert row(made.folder, "made") in lines


def test_make_through_a_server_serves_the_collection_at_once(
    server: Server, client: httpx.Client, home: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(["collections", "make", "border-reports", str(BORDER_FILE), "--server", server.url]) == 0
    first, summary = capsys.readouterr().out.splitlines()
    assert first == f"made collection border-reports of border-closures-1 on {server.url}"
    assert summary.startswith("indexed 1 documents from 1 files")
    asked = {"question": BORDER, "k": 1, "collection": "border-reports"}
    answer = client.post("/api/answer", json=asked).json()
    assert answer["sources"][0]["document"]["id"] == "border-closures-1"
    assert (home / "border-reports" / "documents" / BORDER_FILE.name).is_file()


def test_delete_through_a_server_stops_serving_it_and_removes_its_folder(
    server: Server, client: httpx.Client, home: Path, document: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    files = [("files", (document.name, document.read_bytes()))]
    made = client.post("/api/collections", data={"name": "short-lived"}, files=files, headers=AUTH)
    assert made.status_code == 201
    assert main(["collections", "delete", "short-lived", "--server", server.url]) == 0
    assert capsys.readouterr().out == f"deleted collection short-lived on {server.url}\n"
    assert not serves(client, "short-lived")
    assert not (home / "short-lived").exists()


def test_a_refusal_by_the_server_is_said_with_its_status(
    server: Server, document: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(["collections", "make", NAME, str(document), "--server", server.url]) == 2
    assert capsys.readouterr().err == (
        f"error: {server.url} answered 409: a collection named '{NAME}' is already served; choose another name\n"
    )


def test_a_running_server_stops_serving_a_collection_the_command_deletes(
    client: httpx.Client, home: Path, document: Path, encoder: Encoder
) -> None:
    create_collection(home, "made-here", encoder, [(document.name, document.read_bytes())])
    wait_until(lambda: serves(client, "made-here"))
    assert main(["collections", "delete", "made-here"]) == 0
    wait_until(lambda: not serves(client, "made-here"))


def wait_until(condition: Callable[[], bool]) -> None:
    """Wait for `condition` within a few turns of the server's follower (one every QA_RELOAD_INTERVAL, 1 s)."""
    deadline = time.monotonic() + 60
    while not condition():
        assert time.monotonic() < deadline, "the server did not follow the collections folder"
        time.sleep(0.2)


def test_a_wrong_admin_token_is_said_as_the_server_refuses_it(
    server: Server, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    monkeypatch.setenv("QA_ADMIN_TOKEN", "not-the-servers-token")
    assert main(["collections", "list", "--server", server.url]) == 2
    assert capsys.readouterr().err.startswith(f"error: {server.url} answered 401: ")

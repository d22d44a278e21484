"""A collection is a thing: an index knows its folder, and every command meets a missing, foreign or stale one
the same way. Run as a user runs them: `qa ARGS` through its entry point, from the folder that holds the collection,
with no QA_* setting of the test run's; in this process, the session's model standing in for the one each command
would load (a process of its own costs seconds of importing PyTorch and loading it, for a test of what a command
says and writes). What only a process shows, that asking never imports PyTorch, is asked of one."""

from __future__ import annotations

import contextlib
import io
import json
import logging
import os
import shutil
import subprocess
import sys
import threading
import time
from collections.abc import Callable
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass
from pathlib import Path

import httpx
import pytest

import qa.assistant as qa_assistant
from bench.servers import free_port, running_server
from cli.main import main
from embeddings import Encoder
from embeddings.index import current_build, read_manifest
from qa import Settings
from qa.assistant import open_served
from qa.collection import recorded_corpus
from qa.indexing import build_index
from qa.settings import PROJECT_ROOT
from tests.conftest import COLD_WAR, COLD_WAR_QUOTE, NORTH38

HEAVY = ("torch", "sentence_transformers", "transformers")


@dataclass(frozen=True)
class Ran:
    """What a `qa` command returned and printed."""

    returncode: int
    stdout: str
    stderr: str


Qa = Callable[..., Ran]


def shared_model(patch: pytest.MonkeyPatch, encoder: Encoder) -> None:
    """Every encoder the commands open is the session's model: `qa.assistant.open_encoder` is where one is made."""
    patch.setattr(qa_assistant, "open_encoder", lambda settings, *, queries=True: encoder)


@pytest.fixture(scope="module")
def qa(encoder: Encoder) -> Qa:
    """`qa(*ARGS, cwd=FOLDER)`: `qa ARGS` in `FOLDER`, with no QA_* setting from the test run's environment."""

    def run(*args: str, cwd: Path) -> Ran:
        out, err = io.StringIO(), io.StringIO()
        root = logging.getLogger()
        handlers, level = root.handlers[:], root.level  # `main` puts its own handler on the root logger
        with pytest.MonkeyPatch.context() as patch, contextlib.redirect_stdout(out), contextlib.redirect_stderr(err):
            patch.chdir(cwd)
            for name in [name for name in os.environ if name.startswith("QA_")]:
                patch.delenv(name)
            shared_model(patch, encoder)
            try:
                code = main(list(args))
            finally:
                root.handlers[:], root.level = handlers, level
        return Ran(code, out.getvalue(), err.getvalue())

    return run


@pytest.fixture(scope="module")
def built(tmp_path_factory: pytest.TempPathFactory, north38_opening: str, qa: Qa) -> Path:
    """A folder holding `reports/` and `reports.idx/`, made by `qa index --corpus reports --index reports.idx`."""
    root = tmp_path_factory.mktemp("collection")
    (root / "reports").mkdir()
    (root / "reports" / NORTH38).write_text(north38_opening, encoding="utf-8")
    (root / "other").mkdir()
    (root / "other" / "note.md").write_text("# Rice\n\nRice imports rose in 2019.\n", encoding="utf-8")
    assert qa("index", "--corpus", "reports", "--index", "reports.idx", cwd=root).returncode == 0
    return root


@pytest.fixture
def here(built: Path, tmp_path: Path) -> Path:
    """A private copy of the built folder, for a test that changes it."""
    return Path(shutil.copytree(built, tmp_path / "copy"))


def test_an_index_records_the_folder_it_was_built_from(built: Path) -> None:
    assert recorded_corpus(read_manifest(built / "reports.idx"), built / "reports.idx") == built / "reports"


def test_ask_with_only_the_index_reads_the_folder_it_was_built_from(built: Path, qa: Qa) -> None:
    asked = qa("ask", COLD_WAR, "--index", "reports.idx", "-k", "1", cwd=built)
    assert asked.returncode == 0, asked.stderr
    assert COLD_WAR_QUOTE in asked.stdout


def test_ask_says_nothing_but_the_answer_unless_verbose(built: Path, qa: Qa) -> None:
    quiet = qa("ask", COLD_WAR, "--index", "reports.idx", cwd=built)
    verbose = qa("ask", COLD_WAR, "--index", "reports.idx", "-v", cwd=built)
    assert (quiet.returncode, quiet.stderr) == (0, "")
    assert f"loaded 1 documents, 27 passages from {built / 'reports.idx'}" in verbose.stderr


def test_asking_never_imports_torch(built: Path) -> None:
    script = (
        "import sys; from cli.main import main; "
        f"code = main(['ask', {COLD_WAR!r}, '--index', 'reports.idx', '--k', '1']); "
        f"print(code, [name for name in {HEAVY!r} if name in sys.modules])"
    )
    run = subprocess.run(
        [sys.executable, "-c", script], cwd=built, env=os.environ | {"PYTHONPATH": str(PROJECT_ROOT)}, text=True,
        capture_output=True, timeout=300,
    )  # fmt: skip
    assert run.stdout.splitlines()[-1] == "0 []", run.stderr


def test_a_missing_index_names_the_command_with_its_folders_and_leaves_nothing_behind(built: Path, qa: Qa) -> None:
    asked = qa("ask", COLD_WAR, "--corpus", "reports", "--index", "missing.idx", cwd=built)
    assert (asked.returncode, asked.stderr) == (
        2,
        f"error: no index in {built / 'missing.idx'}; build it with `qa index --corpus reports --index missing.idx`\n",
    )
    assert not (built / "missing.idx").exists()


def test_an_index_of_another_folder_is_refused_with_both_ways_out(built: Path, qa: Qa) -> None:
    asked = qa("ask", COLD_WAR, "--corpus", "other", "--index", "reports.idx", cwd=built)
    assert asked.returncode == 2
    assert asked.stderr.startswith("error: the index in reports.idx was built from reports, not other.")
    assert "`qa index --corpus other --index other.idx`" in asked.stderr
    assert "`qa index --corpus other --index reports.idx --force`" in asked.stderr


def test_qa_index_replaces_a_collections_folder_only_when_forced(here: Path, qa: Qa) -> None:
    refused = qa("index", "--corpus", "other", "--index", "reports.idx", cwd=here)
    assert refused.returncode == 2
    assert recorded_corpus(read_manifest(here / "reports.idx"), here / "reports.idx") == here / "reports"
    assert qa("index", "--corpus", "other", "--index", "reports.idx", "--force", cwd=here).returncode == 0
    assert recorded_corpus(read_manifest(here / "reports.idx"), here / "reports.idx") == here / "other"


def test_qa_index_with_only_the_index_updates_it_from_its_own_folder(here: Path, qa: Qa) -> None:
    (here / "reports" / "more.md").write_text("# More\n\nA second document about talks.\n", encoding="utf-8")
    indexed = qa("index", "--index", "reports.idx", cwd=here)
    assert indexed.returncode == 0, indexed.stderr
    assert "indexed 2 documents from 2 files" in indexed.stdout


def test_qa_add_with_only_the_index_adds_to_its_own_folder(here: Path, qa: Qa) -> None:
    (here / "more.md").write_text("# More\n\nA second document about talks.\n", encoding="utf-8")
    added = qa("add", "more.md", "--index", "reports.idx", cwd=here)
    assert added.returncode == 0, added.stderr
    assert (here / "reports" / "more.md").is_file()


def test_a_stale_index_is_answered_as_built_with_a_warning_naming_the_update(here: Path, qa: Qa) -> None:
    before = read_manifest(here / "reports.idx")
    path = here / "reports" / NORTH38
    path.write_text(path.read_text(encoding="utf-8").replace("did not limit", "never limited"), encoding="utf-8")
    asked = qa("ask", COLD_WAR, "--index", "reports.idx", "-k", "1", cwd=here)
    assert asked.returncode == 0
    assert COLD_WAR_QUOTE in asked.stdout
    assert asked.stderr == (
        f"warning: the documents in {here / 'reports'} changed since the build; answering from the build of "
        f"{before.built_at} as it is. Update it with `qa index --corpus reports --index reports.idx`\n"
    )
    assert read_manifest(here / "reports.idx") == before


def test_a_server_serves_a_stale_index_as_built_and_says_so(
    here: Path, encoder: Encoder, monkeypatch: pytest.MonkeyPatch, caplog: pytest.LogCaptureFixture
) -> None:
    shared_model(monkeypatch, encoder)
    build = current_build(here / "reports.idx")
    (here / "reports" / "more.md").write_text("# More\n\nA second document.\n", encoding="utf-8")
    with caplog.at_level(logging.WARNING):
        (assistant,) = open_served(Settings(index_dir=here / "reports.idx"))
    assert len(assistant.articles) == 1
    assert current_build(here / "reports.idx") == build
    assert caplog.messages[-1].endswith("; the server does not rebuild it")


def test_eval_reads_the_folder_the_index_was_built_from(built: Path, tmp_path: Path, qa: Qa) -> None:
    questions = tmp_path / "questions.jsonl"
    row = {"id": "q1", "question": COLD_WAR, "answerable": True, "evidence": [COLD_WAR_QUOTE], "footnotes": []}
    questions.write_text(json.dumps(row), encoding="utf-8")
    evaluated = qa("eval", "--index", "reports.idx", "--set", str(questions), cwd=built)
    assert evaluated.returncode == 0, evaluated.stderr  # the evidence was found verbatim in reports/
    assert evaluated.stdout.startswith("retriever=dense, k=3")


def test_serve_refuses_two_collections_of_one_name(
    built: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    monkeypatch.chdir(built)
    same_name = ["--index", "reports.idx", "--index", str(built / "reports.idx")]
    assert main(["serve", "--port", str(free_port()), *same_name]) == 2
    assert capsys.readouterr().err == (
        "error: the index folders served must have different names, got reports.idx, reports.idx\n"
    )


FOLLOW_BOUND_S = 5.0
"""The bound a served collection meets in following a new build (as the main one, tests/test_replicas.py):
`QA_RELOAD_INTERVAL` (1 s) plus loading the build, with margin for a loaded machine."""
WELLS_QUESTION = "When did the wells of the northern villages run dry?"


def top_document(answer: dict) -> str:
    """The document of the best passage an answer quotes, or of the nearest one when it abstains."""
    return (answer["sources"] or answer["nearest"])[0]["document"]["id"]


def ask_until(url: str, collection: str, stop: threading.Event) -> list[tuple[float, int, str | None]]:
    """Ask collection `collection` over and over until `stop` is set: (when, status, top document) each time."""
    asked: list[tuple[float, int, str | None]] = []
    with httpx.Client(timeout=60) as http:
        while not stop.is_set():
            started = time.monotonic()
            response = http.post(f"{url}/api/answer", json={"question": WELLS_QUESTION, "collection": collection})
            asked.append(
                (started, response.status_code, top_document(response.json()) if response.is_success else None)
            )
    return asked


def test_a_collection_served_beside_follows_a_new_build_within_the_bound_with_no_failed_request(
    tmp_path: Path, encoder: Encoder
) -> None:
    """`qa serve` with QA_COLLECTIONS; a rebuild of that collection is published while a client asks it."""
    (tmp_path / "main").mkdir()
    shutil.copy(PROJECT_ROOT / "eval" / "formats" / "prison-food-rations.md", tmp_path / "main")
    build_index(tmp_path / "main", tmp_path / "main.idx", encoder, progress=False)
    corpus = tmp_path / "beside"
    corpus.mkdir()
    (corpus / "water.md").write_text("# Water\n\nDetainees had no clean water for three weeks.\n", encoding="utf-8")
    build_index(corpus, tmp_path / "beside.idx", encoder, progress=False)
    env = {
        "QA_CORPUS_DIR": str(tmp_path / "main"),
        "QA_INDEX_DIR": str(tmp_path / "main.idx"),
        "QA_COLLECTIONS": str(tmp_path / "beside.idx"),
    }
    with running_server(env) as server, ThreadPoolExecutor(1) as pool:
        stop = threading.Event()
        asking = pool.submit(ask_until, server.url, "beside.idx", stop)
        try:
            time.sleep(1)
            (corpus / "water.md").unlink()
            (corpus / "wells.md").write_text(
                "# Wells\n\nThe wells of the northern villages ran dry in the spring of 2019.\n", encoding="utf-8"
            )
            build_index(corpus, tmp_path / "beside.idx", encoder, progress=False)
            published = time.monotonic()
            time.sleep(FOLLOW_BOUND_S + 2)
        finally:
            stop.set()
        asked = asking.result()
    assert {status for _, status, _ in asked} == {200}
    assert {top for started, _, top in asked if started < published - 1} == {"water-1"}
    assert {top for started, _, top in asked if started > published + FOLLOW_BOUND_S} == {"wells-1"}

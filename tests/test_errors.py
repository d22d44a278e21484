"""Every error, one shape (datasette's `test_error_shape.py`): each error class is raised through the real app
and through the real `qa` command, and each says its message the same way.

The classes are found by walking `QAError`'s subclasses after importing every module of the house, so a class
added anywhere is covered without a line here.
"""

from __future__ import annotations

import importlib
import os
import pkgutil
import subprocess
import sys
from pathlib import Path

import pytest
from fastapi.testclient import TestClient

import cli.main as cli
import embeddings
import eval as evaluation
import qa
import web
from bench.servers import free_port
from qa.errors import IndexBusy, QAError
from qa.settings import PROJECT_ROOT, Settings
from web.app import create_app
from web.errors import ERROR_STATUS, error_headers, error_status


def every_error_class() -> list[type[QAError]]:
    """`QAError` and all its subclasses, in every module of `embeddings`, `qa`, `web` and `eval`."""
    for package in (embeddings, qa, web, evaluation):
        for module in pkgutil.walk_packages(package.__path__, f"{package.__name__}."):
            importlib.import_module(module.name)
    found: list[type[QAError]] = []
    unseen: list[type[QAError]] = [QAError]
    while unseen:
        kind = unseen.pop()
        if kind not in found:
            found.append(kind)
            unseen.extend(kind.__subclasses__())
    return sorted(found, key=lambda kind: f"{kind.__module__}.{kind.__qualname__}")


ERRORS = every_error_class()


def named(kind: type[QAError]) -> str:
    return f"{kind.__module__}.{kind.__qualname__}"


def message_of(kind: type[QAError]) -> str:
    return f"{kind.__name__}: what is wrong, and what to do about it"


@pytest.fixture(scope="module")
def api(tmp_path_factory: pytest.TempPathFactory) -> TestClient:
    """The real app, with one route more that raises the error class its path numbers.

    The client is not entered, so the app's lifespan, which loads the model and the index, does not run:
    nothing the errors' handling needs.
    """
    app = create_app(Settings(index_dir=tmp_path_factory.mktemp("index")))

    @app.get("/api/raise/{number}")
    def raise_error(number: int) -> None:
        raise ERRORS[number](message_of(ERRORS[number]))

    return TestClient(app, raise_server_exceptions=False)


def test_the_walk_finds_the_errors_of_every_layer() -> None:
    found = {named(kind) for kind in ERRORS}
    assert {
        "embeddings.errors.QAError",
        "embeddings.index.IndexLoadError",
        "qa.formats.errors.UnreadableDocument",
        "eval.dataset.EvalSetError",
        "eval.peer.PeerUnavailable",
        "web.errors.RequestTooLarge",
        "web.errors.HeadRefused",
    } <= found


@pytest.mark.parametrize("kind", ERRORS, ids=named)
def test_every_error_has_an_http_error_status(kind: type[QAError]) -> None:
    assert 400 <= error_status(kind("")) <= 599


@pytest.mark.parametrize("number", range(len(ERRORS)), ids=[named(kind) for kind in ERRORS])
def test_the_api_answers_every_error_with_its_status_and_one_json_shape(api: TestClient, number: int) -> None:
    kind = ERRORS[number]
    response = api.get(f"/api/raise/{number}")
    assert response.status_code == error_status(kind(""))
    assert response.headers["content-type"] == "application/json"
    assert response.json() == {"detail": message_of(kind)}
    for name, value in (error_headers(kind("")) or {}).items():
        assert response.headers[name] == value


@pytest.mark.parametrize("kind", ERRORS, ids=named)
def test_the_cli_says_every_error_in_one_line_without_a_traceback(
    kind: type[QAError], monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    def command(args: object) -> int:
        raise kind(message_of(kind))

    monkeypatch.setattr(cli, "cmd_ask", command)
    assert cli.main(["ask", "anything"]) == 2
    assert capsys.readouterr() == ("", f"error: {message_of(kind)}\n")


def test_an_index_busy_is_a_503_that_says_when_to_try_again(api: TestClient) -> None:
    response = api.get(f"/api/raise/{ERRORS.index(IndexBusy)}")
    assert (response.status_code, response.headers["retry-after"]) == (503, "5")


def test_a_subclass_takes_the_status_of_its_nearest_mapped_class() -> None:
    class StillBusy(IndexBusy):
        pass

    assert error_status(StillBusy("")) == ERROR_STATUS[IndexBusy] == 503


def test_the_cli_names_a_server_it_cannot_reach(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    monkeypatch.setenv("QA_INDEX_DIR", str(tmp_path))
    monkeypatch.setenv("QA_ADMIN_TOKEN", "a-token-of-sixteen-or-more")
    server = f"http://127.0.0.1:{free_port()}"  # nothing listens there
    assert cli.main(["remove", "report-1", "--server", server]) == 2
    assert capsys.readouterr().err.startswith(f"error: cannot reach {server}: ")


def test_the_cli_asks_for_the_admin_token_before_calling_a_server(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    monkeypatch.setenv("QA_INDEX_DIR", str(tmp_path))
    monkeypatch.delenv("QA_ADMIN_TOKEN", raising=False)
    assert cli.main(["remove", "report-1", "--server", "http://127.0.0.1:1"]) == 2
    assert capsys.readouterr().err == "error: --server needs the server's admin token in QA_ADMIN_TOKEN\n"


def run_qa(*args: str, model_dir: Path, index_dir: Path) -> subprocess.CompletedProcess[str]:
    """`qa` in a process of its own, as a user runs it, with `QA_MODEL_DIR` naming `model_dir`."""
    env = {**os.environ, "QA_MODEL_DIR": str(model_dir), "QA_INDEX_DIR": str(index_dir)}
    command = [sys.executable, "-m", "cli.main", *args]
    return subprocess.run(command, cwd=PROJECT_ROOT, env=env, capture_output=True, text=True, timeout=300)


def test_an_empty_model_folder_is_one_line_naming_qa_model_dir(tmp_path: Path) -> None:
    (tmp_path / "model").mkdir()
    done = run_qa("ask", "What did the G8 urge?", model_dir=tmp_path / "model", index_dir=tmp_path / "index")
    assert (done.returncode, done.stdout) == (2, "")
    assert done.stderr == (
        f"error: no sentence-transformers model in {tmp_path / 'model'} (it has no modules.json); "
        "QA_MODEL_DIR must name a sentence-transformers model folder (unset, the bundled model)\n"
    )


def test_a_model_folder_of_garbage_is_one_line_naming_qa_model_dir(tmp_path: Path) -> None:
    model = tmp_path / "model"
    model.mkdir()
    (model / "modules.json").write_text("{not json")
    done = run_qa("index", model_dir=model, index_dir=tmp_path / "index")
    assert done.returncode == 2
    assert "Traceback" not in done.stderr
    last = done.stderr.splitlines()[-1]
    assert last.startswith(f"error: the model in {model} cannot be loaded (JSONDecodeError: ")
    assert last.endswith("; QA_MODEL_DIR must name a sentence-transformers model folder (unset, the bundled model)")


def test_a_model_folder_of_garbage_is_refused_before_pytorch_is_imported(tmp_path: Path) -> None:
    """Its list of modules is read before the model's libraries load: a bad folder costs no seconds of importing."""
    (tmp_path / "model").mkdir()
    (tmp_path / "model" / "modules.json").write_text("{not json")
    script = (
        "import sys; from cli.main import main; code = main(['index']); "
        "print(code, [name for name in ('torch', 'sentence_transformers') if name in sys.modules])"
    )
    env = {**os.environ, "QA_MODEL_DIR": str(tmp_path / "model"), "QA_INDEX_DIR": str(tmp_path / "index")}
    done = subprocess.run([sys.executable, "-c", script], cwd=PROJECT_ROOT, env=env, capture_output=True, text=True)
    assert done.stdout == "2 []\n", done.stderr

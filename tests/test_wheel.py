"""An installed wheel works without the checkout: `qa index` and `qa ask` from another folder answer from the
bundled corpus it ships, and the index goes to the user's data folder.

The wheel is built from a copy of the project (a build leaves `build/` behind, whose stale modules a later
wheel would pick up) and installed, without its dependencies, into a fresh virtual environment. That
environment sees the running one's packages through a `.pth` line, so nothing is downloaded: a venv made
with `--system-site-packages` from inside a venv sees the base interpreter's packages, not the venv's.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
import sysconfig
import venv
from pathlib import Path

import httpx
import pytest

from bench.servers import Program, running_server
from qa.settings import PROJECT_ROOT
from tests.conftest import G8

pytestmark = pytest.mark.slow  # a wheel build, an install, and an index of the bundled corpus

NOT_SOURCE = shutil.ignore_patterns(
    ".git", ".venv", ".qa-index*", "build", "dist", "*.egg-info", "__pycache__", ".pytest_cache", ".ruff_cache"
)


def run(
    command: list[str | Path], cwd: Path | None = None, env: dict[str, str] | None = None, status: int = 0
) -> subprocess.CompletedProcess[str]:
    """Run `command`, failing the test with its output if it does not exit with `status`."""
    done = subprocess.run(command, cwd=cwd, env=env, capture_output=True, text=True, timeout=600)
    assert done.returncode == status, f"{command} exited with {done.returncode}:\n{done.stdout}\n{done.stderr}"
    return done


def outside(home: Path) -> dict[str, str]:
    """An environment as a user's shell has it: no `PYTHONPATH` into the checkout, no `QA_*` settings."""
    return {"PATH": os.environ["PATH"], "HOME": str(home), "LANG": "C.UTF-8"}


@pytest.fixture(scope="module")
def installed(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The `bin` folder of a fresh environment where the project is installed from its wheel."""
    root = tmp_path_factory.mktemp("wheel")
    source = root / "source"
    shutil.copytree(PROJECT_ROOT, source, symlinks=True, ignore=NOT_SOURCE)
    pip = [sys.executable, "-m", "pip"]
    run([*pip, "wheel", "--no-deps", "--no-build-isolation", "--no-index", "-q", source, "-w", root / "dist"])
    (wheel,) = (root / "dist").glob("footnote_qa-*.whl")
    environment = root / "env"
    venv.create(environment, with_pip=False)
    (python,) = (environment / "bin").glob("python3")
    purelib = run([python, "-c", "import sysconfig; print(sysconfig.get_paths()['purelib'])"]).stdout.strip()
    (Path(purelib) / "running-environment.pth").write_text(sysconfig.get_paths()["purelib"] + "\n")
    run([*pip, "--python", python, "install", "--no-deps", "--no-index", "-q", wheel])
    return environment / "bin"


@pytest.fixture(scope="module")
def indexed(installed: Path, tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, Path]:
    """A user's home and the other folder they ran the installed `qa index` from, once for the module: the
    command loads the model in a process of its own, which the asking and the serving tests share."""
    root = tmp_path_factory.mktemp("user")
    home, elsewhere = root / "home", root / "elsewhere"
    home.mkdir()
    elsewhere.mkdir()
    run([installed / "qa", "index"], cwd=elsewhere, env=outside(home))
    return home, elsewhere


def test_an_installed_wheel_indexes_and_answers_from_its_bundled_corpus(
    installed: Path, indexed: tuple[Path, Path]
) -> None:
    home, elsewhere = indexed
    answer = run([installed / "qa", "ask", G8, "-k", "1"], cwd=elsewhere, env=outside(home)).stdout
    assert "urged North Korea to address international concerns about its human rights violations" in answer
    assert "Roberta Cohen, HRNK Co-Chair, 2014-10-16" in answer
    assert "[11] G8 Final Communique, Lough Erne, 2013, para. 93." in answer
    assert (home / ".local" / "share" / "footnote-qa" / "index" / "CURRENT").exists()
    assert list(elsewhere.iterdir()) == []


def test_the_installed_code_is_the_wheel_not_the_checkout(installed: Path, tmp_path: Path) -> None:
    code = "import qa, cli; print(qa.__file__); print(cli.__file__)"
    where = run([installed / "python", "-c", code], cwd=tmp_path, env=outside(tmp_path))
    assert all(Path(line).is_relative_to(installed.parent) for line in where.stdout.splitlines())


def test_an_installed_wheel_serves_its_bundled_corpus(
    installed: Path, indexed: tuple[Path, Path], tmp_path: Path
) -> None:
    home, _ = indexed
    program = Program((str(installed / "qa"),), cwd=tmp_path, inherit_environment=False)
    with running_server(outside(home), program=program) as server:
        response = httpx.post(f"{server.url}/api/answer", json={"question": G8, "k": 1}, timeout=60)
    (source,) = response.json()["sources"]
    quoted = " ".join(quote["text"] for quote in source["quotes"])
    assert "urged North Korea to address international concerns about its human rights violations" in quoted
    assert (source["document"]["author"], source["document"]["date"]) == ("Roberta Cohen, HRNK Co-Chair", "2014-10-16")


def test_an_installed_wheel_says_the_sweep_needs_a_checkout(installed: Path, tmp_path: Path) -> None:
    done = run([installed / "qa", "eval", "--sweep"], cwd=tmp_path, env=outside(tmp_path), status=2)
    assert done.stdout == ""
    assert done.stderr.startswith("error: the documents or questions of a project collection are missing (formats: ")
    assert done.stderr.endswith(
        ": they ship only with a checkout of the project (git clone), not with the installed package\n"
    )

"""A broken, foreign or half-built index is reported with the way out, never a traceback; builds never collide."""

from __future__ import annotations

import json
import logging
import os
import select
import shutil
import signal
import subprocess
import sys
import threading
import time
from collections.abc import Callable
from pathlib import Path

import pytest

from bench.servers import free_port
from cli.main import main
from embeddings import Encoder
from embeddings.index import current_build
from qa import Assistant, Settings
from qa.collection import index_command
from qa.errors import IndexBusy
from qa.indexing import build_index
from qa.lock import index_build_lock
from qa.settings import PROJECT_ROOT
from tests.conftest import NORTH38, build_small

QUESTION = "What did the United States discuss with the USSR during the Cold War?"


@pytest.fixture(scope="module")
def small_build(tmp_path_factory: pytest.TempPathFactory, north38_opening: str, encoder: Encoder) -> Path:
    """A folder holding `corpus/` (the 38 North article's opening) and its `index/`, built once for the module."""
    return build_small(tmp_path_factory.mktemp("small"), north38_opening, encoder)


@pytest.fixture
def copy(small_build: Path, tmp_path: Path) -> Path:
    """A private copy of the small build, for a test to break."""
    shutil.copytree(small_build, tmp_path / "copy")
    return tmp_path / "copy"


def folders(root: Path) -> list[str]:
    return ["--corpus", str(root / "corpus"), "--index", str(root / "index")]


def edit_manifest(index: Path, **changes: object) -> None:
    path = current_build(index) / "manifest.json"
    path.write_text(json.dumps({**json.loads(path.read_text()), **changes}))


def truncate(name: str) -> Callable[[Path], None]:
    def damage(index: Path) -> None:
        path = current_build(index) / name
        path.write_bytes(path.read_bytes()[:100])

    return damage


FAULTS: dict[str, tuple[Callable[[Path], None], str]] = {
    "deleted": (shutil.rmtree, "no index in "),
    "truncated vectors": (truncate("index.faiss"), "is damaged"),
    "truncated documents": (truncate("document-rows.npy"), "are damaged"),
    "truncated document headers": (truncate("documents.json"), "are damaged"),
    "another model": (lambda index: edit_manifest(index, model="another-model@0"), "built with model another-model@0"),
    "truncated entry table": (truncate("entries.npy"), "entries.npy is cut short"),
    "another format": (lambda index: edit_manifest(index, format=99), "is in format 99; this version reads format 3"),
}


@pytest.mark.parametrize("fault", FAULTS)
def test_ask_on_a_faulty_index_says_what_is_wrong_and_how_to_rebuild(
    fault: str, copy: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    damage, reason = FAULTS[fault]
    damage(copy / "index")
    assert main(["ask", QUESTION, *folders(copy)]) == 2
    error = capsys.readouterr().err.splitlines()[-1]
    assert error.startswith("error: ")
    assert reason in error
    assert error.endswith(f"it with {index_command(copy / 'corpus', copy / 'index')}")


def test_serve_on_a_deleted_index_refuses_to_start_with_the_way_out(
    copy: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    shutil.rmtree(copy / "index")
    assert main(["serve", "--port", str(free_port()), *folders(copy)]) == 2
    assert capsys.readouterr().err.splitlines()[-1] == (
        f"error: no index in {copy / 'index'}; build it with {index_command(copy / 'corpus', copy / 'index')}"
    )


def test_a_failed_ask_leaves_no_encoder_folder_behind(copy: Path, capsys: pytest.CaptureFixture[str]) -> None:
    shutil.rmtree(copy / "index")
    assert main(["ask", QUESTION, *folders(copy)]) == 2
    assert not (copy / "index").exists()


def test_qa_index_force_rebuilds_a_damaged_index(copy: Path, capsys: pytest.CaptureFixture[str]) -> None:
    truncate("index.faiss")(copy / "index")
    assert main(["index", "--force", *folders(copy)]) == 0
    assert main(["ask", QUESTION, "-k", "1", *folders(copy)]) == 0
    assert "During the Cold War, the United States did not limit its discussions" in capsys.readouterr().out


def test_a_second_build_gives_up_clearly_while_another_holds_the_lock(copy: Path, encoder: Encoder) -> None:
    with index_build_lock(copy / "index", timeout=0), pytest.raises(IndexBusy) as refused:
        build_index(copy / "corpus", copy / "index", encoder, progress=False, lock_timeout=0.2)
    assert str(refused.value) == (
        f"another `qa index` is still building the index in {copy / 'index'} after 0 s of waiting; "
        "run again when it has finished, or raise QA_INDEX_LOCK_TIMEOUT"
    )


def test_a_second_builder_waits_for_the_first_and_says_so(tmp_path: Path, caplog: pytest.LogCaptureFixture) -> None:
    first_holds = threading.Event()

    def first_builder() -> None:
        with index_build_lock(tmp_path, timeout=0):
            first_holds.set()
            time.sleep(0.5)

    thread = threading.Thread(target=first_builder)
    thread.start()
    first_holds.wait()
    started = time.monotonic()
    with caplog.at_level(logging.INFO, logger="qa.lock"), index_build_lock(tmp_path, timeout=30):
        waited = time.monotonic() - started
    thread.join()
    assert waited >= 0.3
    assert caplog.messages == [f"another `qa index` is building the index in {tmp_path}; waiting up to 30 s for it"]


def test_qa_index_killed_mid_build_leaves_the_previous_index_serving(
    copy: Path, encoder: Encoder, corpus_texts: dict[str, str]
) -> None:
    before = current_build(copy / "index")
    (copy / "corpus" / NORTH38).write_text(corpus_texts[NORTH38], encoding="utf-8")  # the whole article: a longer build
    builder = subprocess.Popen(
        [sys.executable, "-m", "cli.main", "index", "--force", "-v", *folders(copy)],
        cwd=PROJECT_ROOT,
        env={**os.environ, "QA_BATCH_SIZE": "8"},  # small batches: encoding lasts long enough to be caught in it
        stderr=subprocess.PIPE,
    )
    try:
        wait_for_output(builder, b"embedding ", timeout=180)  # said at -v: the model is encoding
        builder.send_signal(signal.SIGKILL)
        assert builder.wait(timeout=30) == -signal.SIGKILL
    finally:
        builder.kill()
        builder.wait()
    settings = Settings(corpus_dir=copy / "corpus", index_dir=copy / "index")
    assert current_build(copy / "index") == before
    old = Assistant.load(settings, encoder)
    assert len(old.articles[0].paragraphs) == 3  # the opening
    assert old.ask(QUESTION, 1).sources[0].paragraph.index == 2
    build_index(copy / "corpus", copy / "index", encoder, progress=False, lock_timeout=0)  # no stale lock left
    assert current_build(copy / "index") != before
    assert len(Assistant.load(settings, encoder).articles[0].paragraphs) > 3


def wait_for_output(process: subprocess.Popen[bytes], marker: bytes, timeout: float) -> None:
    """Read the process's stderr until `marker` shows (tqdm redraws with \\r, so not line by line)."""
    assert process.stderr is not None
    seen = b""
    deadline = time.monotonic() + timeout
    while marker not in seen:
        if time.monotonic() > deadline or process.poll() is not None:
            raise AssertionError(f"no {marker!r} from the builder; it printed:\n{seen.decode(errors='replace')}")
        if select.select([process.stderr], [], [], 0.1)[0]:
            seen += os.read(process.stderr.fileno(), 65536)

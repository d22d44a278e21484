"""The build lock: released when a build fails, never held by a dead builder, and a failed first build leaves
no index folder behind."""

from __future__ import annotations

import subprocess
import sys
import threading
import time
from pathlib import Path

import pytest

from cli.main import main
from qa.lock import LOCK_FILE, index_build_lock
from qa.settings import PROJECT_ROOT


class BuildFailed(Exception):
    """What a build raises in these tests: any failure inside the lock."""


def fail_under_lock(index_dir: Path) -> None:
    with pytest.raises(BuildFailed), index_build_lock(index_dir, timeout=0):
        raise BuildFailed


def test_a_failed_first_build_leaves_no_index_folder_behind(tmp_path: Path) -> None:
    fail_under_lock(tmp_path / "index")
    assert not (tmp_path / "index").exists()


def test_a_failed_first_qa_index_leaves_no_index_folder_behind(tmp_path: Path) -> None:
    (tmp_path / "empty").mkdir()
    assert main(["index", "--corpus", str(tmp_path / "empty"), "--index", str(tmp_path / "index")]) == 2
    assert not (tmp_path / "index").exists()


def test_a_failed_build_of_an_existing_index_folder_releases_the_lock_and_keeps_the_folder(tmp_path: Path) -> None:
    (tmp_path / "index").mkdir()
    fail_under_lock(tmp_path / "index")
    with index_build_lock(tmp_path / "index", timeout=0):
        assert (tmp_path / "index" / LOCK_FILE).exists()


def test_a_lock_left_by_a_killed_builder_does_not_block_the_next(tmp_path: Path) -> None:
    holder = (
        "import sys, time\nfrom pathlib import Path\nfrom qa.lock import index_build_lock\n"
        "with index_build_lock(Path(sys.argv[1]), 0):\n"
    )
    builder = subprocess.Popen(
        [sys.executable, "-c", holder + "    print('held', flush=True); time.sleep(60)", str(tmp_path)],
        cwd=PROJECT_ROOT,
        stdout=subprocess.PIPE,
        text=True,
    )
    assert builder.stdout is not None and builder.stdout.readline() == "held\n"
    builder.kill()
    builder.wait(timeout=10)
    assert (tmp_path / LOCK_FILE).exists()
    with index_build_lock(tmp_path, timeout=0):
        pass


def test_a_builder_waiting_on_a_failing_first_build_gets_the_lock_in_a_folder_made_again(tmp_path: Path) -> None:
    index_dir = tmp_path / "index"
    first_holds, second_waits = threading.Event(), threading.Event()

    def failing_first_builder() -> None:
        with pytest.raises(BuildFailed), index_build_lock(index_dir, timeout=0):
            first_holds.set()
            second_waits.wait(timeout=10)
            time.sleep(0.3)  # the second is inside its wait on the lock file
            raise BuildFailed

    thread = threading.Thread(target=failing_first_builder)
    thread.start()
    first_holds.wait(timeout=10)
    second_waits.set()
    with index_build_lock(index_dir, timeout=30):
        assert (index_dir / LOCK_FILE).exists()
    thread.join()

"""`tests/once.py`: a result made by one process of a test run is given to the others instead of made again."""

from __future__ import annotations

import subprocess
import sys
from itertools import count
from pathlib import Path

import pytest

from qa.settings import PROJECT_ROOT
from tests.once import RUN_ENV, key_of, once

MADE_IN_A_CHILD = "from tests.once import once; print(once('answer', lambda: 'from the child'))"


def test_a_result_another_process_stored_is_given_without_making_it_again(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv(RUN_ENV, str(tmp_path))
    child = subprocess.run(
        [sys.executable, "-c", MADE_IN_A_CHILD], cwd=PROJECT_ROOT, capture_output=True, text=True, check=True
    )
    assert child.stdout == "from the child\n"
    assert once("answer", lambda: "made again") == "from the child"


def test_without_a_run_folder_each_call_makes_its_result(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv(RUN_ENV, raising=False)
    calls = count(1)
    assert once("answer", lambda: next(calls)) == 1
    assert once("answer", lambda: next(calls)) == 2


def test_a_result_that_raises_is_not_stored(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv(RUN_ENV, str(tmp_path))
    with pytest.raises(ZeroDivisionError):
        once("answer", lambda: 1 // 0)
    assert once("answer", lambda: "made after the failure") == "made after the failure"


def test_keys_of_parts_split_differently_differ() -> None:
    assert key_of(b"ab", b"c") != key_of(b"a", b"bc")

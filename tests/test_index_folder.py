"""An index folder `qa index` cannot use is refused in one line naming it and the way out, never a traceback."""

from __future__ import annotations

import errno
from pathlib import Path

import pytest

from cli.main import main
from qa.errors import CorpusError, InvalidSetting
from qa.indexing import build_failure, check_index_folder


def test_an_index_folder_that_is_a_file_is_refused_before_the_model_loads(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    (tmp_path / "corpus").mkdir()
    (tmp_path / "corpus" / "a.txt").write_text("A\n\nThe ministry declined to comment.\n", encoding="utf-8")
    (tmp_path / "index").write_text("not a folder", encoding="utf-8")
    assert main(["index", "--corpus", str(tmp_path / "corpus"), "--index", str(tmp_path / "index")]) == 2
    assert capsys.readouterr().err == (
        f"error: the index folder {tmp_path / 'index'} cannot be made: {tmp_path / 'index'} is a file; "
        "name a folder you can write with --index or QA_INDEX_DIR\n"
    )


def test_an_index_folder_under_a_file_is_refused_naming_the_file(tmp_path: Path) -> None:
    (tmp_path / "notes").write_text("not a folder", encoding="utf-8")
    with pytest.raises(InvalidSetting, match=f"cannot be made: {tmp_path / 'notes'} is a file"):
        check_index_folder(tmp_path / "notes" / "index")


def test_a_read_only_index_folder_is_a_setting_to_change_and_the_previous_build_serves(tmp_path: Path) -> None:
    error = OSError(errno.EROFS, "Read-only file system", str(tmp_path / "index" / "build.lock"))
    failure = build_failure(error, tmp_path / "index")
    assert isinstance(failure, InvalidSetting)
    assert str(failure) == (
        f"the index folder {tmp_path / 'index'} cannot be written (Read-only file system); the previous index, "
        "if any, goes on serving; name a folder you can write with --index or QA_INDEX_DIR"
    )


def test_a_document_that_cannot_be_read_during_a_build_is_named(tmp_path: Path) -> None:
    error = PermissionError(errno.EACCES, "Permission denied", str(tmp_path / "corpus" / "a.txt"))
    failure = build_failure(error, tmp_path / "index")
    assert isinstance(failure, CorpusError)
    assert str(failure) == f"{tmp_path / 'corpus' / 'a.txt'} cannot be read (Permission denied)"


def test_a_full_disk_during_a_build_says_the_previous_index_serves(tmp_path: Path) -> None:
    failure = build_failure(OSError(errno.ENOSPC, "No space left on device"), tmp_path / "index")
    assert "free some space and try again" in str(failure)


def test_a_file_system_error_of_unknown_place_blames_no_folder(tmp_path: Path) -> None:
    failure = build_failure(OSError(errno.EIO, "Input/output error"), tmp_path / "index")
    assert str(failure) == (
        "the build stopped on a file system error ([Errno 5] Input/output error); the previous index, if any, serves"
    )

"""The CLI explains itself and rejects bad input before loading any model."""

from __future__ import annotations

import pytest

from qa.cli import build_parser, main


@pytest.mark.parametrize("command", ["index", "ask", "serve", "eval"])
def test_every_command_has_help(command: str, capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit) as exit_info:
        build_parser().parse_args([command, "--help"])
    assert exit_info.value.code == 0
    assert "--corpus" in capsys.readouterr().out


def test_empty_question_is_an_error_message_not_a_traceback(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["ask", "   "]) == 2
    assert capsys.readouterr().err == "error: question is empty; ask something in words\n"


def test_k_out_of_range_is_named(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["ask", "camps", "-k", "99"]) == 2
    assert "k must be a whole number from 1 to 10, got 99" in capsys.readouterr().err


def test_zero_workers_is_refused_before_anything_loads(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["serve", "--workers", "0"]) == 2
    assert capsys.readouterr().err == "error: --workers must be at least 1, got 0\n"

"""The CLI explains itself and rejects bad input before loading any model."""

from __future__ import annotations

import argparse
import os
import subprocess
import sys
from pathlib import Path

import pytest

from cli.main import build_parser, main
from qa.formats import PARSERS
from qa.settings import PROJECT_ROOT, Settings


def subcommands() -> dict[str, argparse.ArgumentParser]:
    """Every `qa` command's parser, by name, read from the parser itself: a new command is covered at once."""
    (commands,) = (action for action in build_parser()._actions if isinstance(action, argparse._SubParsersAction))
    return dict(commands.choices)


COMMANDS = subcommands()


@pytest.mark.parametrize("command", sorted(COMMANDS))
def test_every_command_has_help(command: str, capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit) as exit_info:
        build_parser().parse_args([command, "--help"])
    assert exit_info.value.code == 0
    assert capsys.readouterr().out.startswith(f"usage: qa {command} ")


@pytest.mark.parametrize("command", sorted(COMMANDS))
def test_every_option_with_a_default_names_it_in_its_help(command: str) -> None:
    unnamed = [
        action.dest
        for action in COMMANDS[command]._actions
        if action.default not in (None, False, argparse.SUPPRESS) and f"default {action.default}" not in action.help
    ]
    assert unnamed == []


def test_add_names_every_suffix_a_corpus_folder_indexes() -> None:
    (paths,) = (action for action in COMMANDS["add"]._actions if action.dest == "paths")
    assert paths.help == f"files to add ({' '.join(PARSERS)})"
    assert {".docx", ".markdown"} <= set(PARSERS)


def test_empty_question_is_an_error_message_not_a_traceback(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["ask", "   "]) == 2
    assert capsys.readouterr().err == "error: question is empty; ask something in words\n"


def test_k_out_of_range_is_named(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["ask", "camps", "-k", "99"]) == 2
    assert "k must be a whole number from 1 to 10, got 99" in capsys.readouterr().err


def test_zero_workers_is_refused_before_anything_loads(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["serve", "--workers", "0"]) == 2
    assert capsys.readouterr().err == "error: --workers must be a whole number of 1 or more, got 0\n"


@pytest.mark.parametrize("option", ["-k", "--k"])
def test_k_is_given_as_dash_k_or_dash_dash_k(option: str) -> None:
    assert build_parser().parse_args(["ask", "camps", option, "2"]).k == "2"
    assert build_parser().parse_args(["eval", option, "2"]).k == 2


def test_k_that_is_not_a_number_is_named_with_what_is_allowed(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["ask", "camps", "--k", "three"]) == 2
    assert capsys.readouterr().err == "error: k must be a whole number from 1 to 10, got 'three'\n"


@pytest.mark.parametrize(("port", "shown"), [("abc", "'abc'"), ("70000", "70000"), ("0", "0")])
def test_a_bad_port_is_named_as_the_option(port: str, shown: str, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["serve", "--port", port]) == 2
    assert capsys.readouterr().err == f"error: --port must be a whole number from 1 to 65535, got {shown}\n"


def test_a_host_from_the_environment_that_is_no_address_is_named_as_qa_host(
    monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    monkeypatch.setenv("QA_HOST", "999.1.1.1")
    assert main(["serve"]) == 2
    assert capsys.readouterr().err.startswith("error: QA_HOST '999.1.1.1' is not an address of this machine (")


def test_an_address_of_another_machine_is_not_called_a_busy_port(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["serve", "--host", "192.0.2.1", "--port", "8000"]) == 2  # TEST-NET-1: never this machine's
    assert capsys.readouterr().err == (
        "error: cannot listen on 192.0.2.1:8000 (Cannot assign requested address); check --host and --port\n"
    )


def test_a_busy_port_is_refused_before_the_model_loads_with_a_hint_about_port() -> None:
    """In its own process, so that nothing another test loaded hides what serving loads."""
    script = (
        "import socket, sys; from cli.main import main; busy = socket.socket(); busy.bind(('127.0.0.1', 0)); "
        "busy.listen(); port = busy.getsockname()[1]; code = main(['serve', '--port', str(port)]); "
        "print(code, port, [m for m in ('torch', 'sentence_transformers') if m in sys.modules])"
    )
    env = os.environ | {"PYTHONPATH": str(PROJECT_ROOT)}
    run = subprocess.run([sys.executable, "-c", script], env=env, capture_output=True, text=True, timeout=120)
    code, port, loaded = run.stdout.split(" ", 2)
    assert (code, loaded.strip()) == ("2", "[]")
    assert run.stderr.startswith(f"error: 127.0.0.1:{port} is already in use (is another `qa serve` running there?); ")
    assert "--port" in run.stderr


def test_eval_on_a_missing_question_file_names_it_before_loading_a_model(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(["eval", "--set", str(tmp_path / "mine.jsonl")]) == 2
    assert capsys.readouterr().err == (
        f"error: --set {tmp_path / 'mine.jsonl'}: no such question file; see docs/evaluate-your-documents.md\n"
    )


def test_eval_with_a_bad_k_says_so_before_looking_for_an_index(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(["eval", "-k", "0", "--index", str(tmp_path / "none")]) == 2
    assert capsys.readouterr().err == "error: k must be a whole number from 1 to 10, got 0\n"


def test_a_question_with_a_byte_that_is_not_utf8_names_the_byte_and_the_fix() -> None:
    env = os.environ | {"PYTHONPATH": str(PROJECT_ROOT)}
    command = [sys.executable.encode(), b"-m", b"cli.main", b"ask", b"caf\xe9 rations"]
    run = subprocess.run(command, env=env, capture_output=True, timeout=120)
    assert (run.returncode, run.stderr.decode()) == (
        2,
        "error: the question holds the byte 0xe9, which is not UTF-8; set the terminal's encoding to UTF-8 "
        "and ask again\n",
    )


def test_a_cors_origin_a_browser_never_sends_is_refused_naming_it(
    monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    monkeypatch.setenv("QA_CORS_ORIGINS", "https://reports.example.org/")
    assert main(["serve"]) == 2
    assert capsys.readouterr().err == (
        "error: QA_CORS_ORIGINS: 'https://reports.example.org/' is not an origin; write each as a browser sends it, "
        "scheme and host (and port), e.g. https://reports.example.org, with no path or trailing /\n"
    )


def test_cors_origins_are_read_as_a_browser_sends_them(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("QA_CORS_ORIGINS", "https://reports.example.org, http://localhost:3000,*")
    assert Settings().cors_origins == ["https://reports.example.org", "http://localhost:3000", "*"]

"""The answer template is compiled once a process and, after the first process, read from Jinja's bytecode cache."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import jinja2

from qa.answer_template import TEMPLATES, QuietBytecodeCache, answer_template
from qa.settings import PROJECT_ROOT


def test_every_composer_in_a_process_shares_one_compiled_template() -> None:
    assert answer_template() is answer_template()


def test_the_first_process_leaves_the_compiled_template_in_the_users_private_cache_folder(tmp_path: Path) -> None:
    environment = {**os.environ, "TMPDIR": str(tmp_path), "PYTHONPATH": str(PROJECT_ROOT)}
    command = [sys.executable, "-c", "from qa.answer_template import answer_template; answer_template()"]
    subprocess.run(command, env=environment, check=True, timeout=60)
    folder = tmp_path / f"_jinja2-cache-{os.getuid()}"
    assert len(list(folder.glob("__jinja2_*.cache"))) == 1
    assert folder.stat().st_mode & 0o777 == 0o700


def test_a_cache_that_cannot_be_written_still_gives_the_compiled_template(tmp_path: Path) -> None:
    environment = jinja2.Environment(
        loader=jinja2.FileSystemLoader(TEMPLATES), bytecode_cache=QuietBytecodeCache(str(tmp_path / "missing"))
    )
    template = environment.get_template("answer.txt.j2")
    assert template.render(question="Who?", abstained=True, sources=(), nearest=()) == (
        "The documents do not answer this question."
    )

"""The answer template is compiled once a process and, after the first process, read from Jinja's bytecode cache."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

from qa.answer_template import QuietBytecodeCache, answer_template, template_environment, unwrapped
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
    template = template_environment(QuietBytecodeCache(str(tmp_path / "missing"))).get_template("answer.txt.j2")
    assert template.render(question="Who?", abstained=True, sources=(), nearest=()) == (
        "The documents do not answer this question.\n"
    )


FEWKES = PROJECT_ROOT / "tests" / "data" / "wild" / "gutenberg-fewkes-passamaquoddy-folk-lore.txt"


def test_a_quote_from_a_hard_wrapped_text_file_reads_on_one_line_with_the_sources_words() -> None:
    """Gutenberg's e-texts wrap at 70 columns with CRLF line ends; the answer reflows the quote, word for word."""
    wrapped = FEWKES.read_bytes().decode("latin-1")
    start = wrapped.index("I believe that the memory of Indians")
    sentence = wrapped[
        start : wrapped.index("rituals, stories, and legends.", start) + len("rituals, stories, and legends.")
    ]
    assert "\r\n" in sentence
    assert unwrapped(sentence) == (
        "I believe that the memory of Indians for the details of a story is often better than that of white men. "
        "There may be a reason for this, in their custom of memorizing their rituals, stories, and legends."
    )

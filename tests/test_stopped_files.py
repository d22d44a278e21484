"""A file a parse limit stopped is not reused, so `qa index` must neither call the build up to date in silence
nor leave the file out for good: it names the file and how to retry, and retries once the limits change."""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path

import pytest

from cli.main import main
from embeddings import Encoder
from embeddings.index import current_build
from qa.indexing import build_index, indexed_articles, retry_reason, stopped_files, stopped_note
from qa.isolation import DEFAULT_LIMITS

SHORT = b"Short\n\nThe ministry declined to comment on the new detention rules.\n"
LONG = (
    b"Long\n\nThe ministry declined to comment on the new detention rules, which came into force on Monday "
    b"after a long debate in parliament about the powers given to officers.\n"
)
LOW = replace(DEFAULT_LIMITS, max_chars=150)
"""A character limit the short file is under and the long one over."""
REASON = "its text has 169 characters, more than the limit of 150 (QA_PARSE_MAX_CHARS)"


def _built_under_low_limits(root: Path, encoder: Encoder) -> tuple[Path, Path]:
    corpus, index = root / "corpus", root / "index"
    corpus.mkdir()
    (corpus / "short.txt").write_bytes(SHORT)
    (corpus / "long.txt").write_bytes(LONG)
    build_index(corpus, index, encoder, progress=False, limits=LOW)
    return corpus, index


def test_a_build_records_each_file_a_limit_stopped_with_its_reason_and_the_limits(
    tmp_path: Path, encoder: Encoder
) -> None:
    _, index = _built_under_low_limits(tmp_path, encoder)
    assert stopped_files(index) == {"long.txt": (REASON, LOW)}


def test_a_build_under_the_same_limits_has_no_reason_to_parse_a_stopped_file_again(
    tmp_path: Path, encoder: Encoder
) -> None:
    _, index = _built_under_low_limits(tmp_path, encoder)
    assert retry_reason(index, LOW) is None


def test_a_build_under_other_limits_parses_a_stopped_file_again(tmp_path: Path, encoder: Encoder) -> None:
    _, index = _built_under_low_limits(tmp_path, encoder)
    assert (
        retry_reason(index, DEFAULT_LIMITS) == "the parse limits changed since a limit stopped long.txt; parsing again"
    )


def test_the_up_to_date_note_names_a_stopped_file_its_reason_and_how_to_retry(tmp_path: Path, encoder: Encoder) -> None:
    _, index = _built_under_low_limits(tmp_path, encoder)
    assert stopped_note(index) == (
        f"\nnot indexed long.txt: {REASON}; raise the limit and run `qa index` again, "
        "or `qa index --force` to try it again as it is"
    )


@pytest.mark.slow
def test_qa_index_after_raising_the_limit_indexes_the_file_it_stopped(
    tmp_path: Path, encoder: Encoder, capsys: pytest.CaptureFixture[str]
) -> None:
    corpus, index = _built_under_low_limits(tmp_path, encoder)
    before = current_build(index)
    assert main(["index", "--corpus", str(corpus), "--index", str(index)]) == 0  # the default limits, higher
    said = capsys.readouterr().out
    assert "building the index: the parse limits changed since a limit stopped long.txt" in said
    assert current_build(index) != before
    assert sorted(a.source for a in indexed_articles(index)) == ["long.txt", "short.txt"]
    assert stopped_files(index) == {}

"""Progress bars show only for long work: none for a few files parsed or a few texts embedded in a moment."""

from __future__ import annotations

import time
from collections.abc import Iterator
from pathlib import Path

import pytest

from embeddings import Encoder
from embeddings.progress import BAR_AFTER_S, EMBED_BAR_FROM, progress_bar
from qa.indexing import parse_corpus


def test_parsing_three_small_files_shows_no_bar(tmp_path: Path, capfd: pytest.CaptureFixture[str]) -> None:
    for n in range(3):
        (tmp_path / f"note-{n}.txt").write_text(f"Note {n}\n\nThe committee met on day {n}.\n", encoding="utf-8")
    parse_corpus(tmp_path)  # starts the parsers' forkserver, which `qa index` starts while the model loads
    capfd.readouterr()
    assert len(parse_corpus(tmp_path, progress=True).articles) == 3
    assert capfd.readouterr().err == ""


def test_embedding_a_few_texts_shows_no_bar(encoder: Encoder, capfd: pytest.CaptureFixture[str]) -> None:
    encoder.encode(["The committee met.", "It found no water."], progress=True)
    assert capfd.readouterr().err == ""


def test_work_running_past_the_delay_shows_its_bar(capfd: pytest.CaptureFixture[str]) -> None:
    def slow() -> Iterator[int]:
        yield 1
        time.sleep(BAR_AFTER_S + 0.5)
        yield 2

    assert list(progress_bar(slow(), desc="files", unit="file", show=True)) == [1, 2]
    assert "files: 2file" in capfd.readouterr().err


def test_embedding_many_texts_shows_its_bar(encoder: Encoder, capfd: pytest.CaptureFixture[str]) -> None:
    encoder.encode([f"Sentence {n}." for n in range(EMBED_BAR_FROM)], progress=True)
    assert "Batches" in capfd.readouterr().err

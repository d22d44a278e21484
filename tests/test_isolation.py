"""Untrusted files are parsed in a child process: a bomb costs a rejected file, never the caller."""

from __future__ import annotations

import os
import resource
import threading
import time
from dataclasses import replace
from pathlib import Path

import pytest

from bench import bomb_files
from cli.main import main
from qa.errors import CorpusError
from qa.folder import fingerprint
from qa.formats.errors import UnreadableDocument
from qa.indexing import load_corpus, parse_corpus
from qa.isolation import DEFAULT_LIMITS, ParseLimits, Worker, parse_isolated, stop_all

SMALL = replace(DEFAULT_LIMITS, memory_bytes=256 * 2**20, timeout_s=4.0)
"""Caps low enough that each bomb meets its limit within seconds."""
REPORT = b"A Report on Detention\n\nFormer prisoners describe sixteen-hour shifts in the mines, with no pay.\n"


def _rss_bytes() -> int:
    with open("/proc/self/statm", encoding="ascii") as statm:
        return int(statm.read().split()[1]) * resource.getpagesize()


@pytest.mark.slow
@pytest.mark.parametrize(
    ("bomb", "setting"),
    [
        (bomb_files.nested_forms, "QA_PARSE_TIMEOUT"),
        (bomb_files.flate_bomb, "QA_PARSE_MEMORY_BYTES"),
        (bomb_files.many_pages, "QA_PARSE_MAX_PAGES"),
    ],
)
def test_a_bomb_is_rejected_naming_its_limit_and_the_caller_keeps_its_memory(bomb, setting: str) -> None:
    data = bomb()
    before = _rss_bytes()
    with pytest.raises(CorpusError, match=f"^bomb.pdf: .*{setting}") as rejected:
        parse_isolated(data, "bomb.pdf", SMALL)
    assert isinstance(rejected.value.__cause__, UnreadableDocument)
    assert _rss_bytes() - before < 50 * 2**20


def test_the_default_limits_refuse_a_thousand_page_pdf_before_reading_a_page() -> None:
    started = time.monotonic()
    with pytest.raises(CorpusError, match=r"it has 1000 pages, more than the limit of 500 \(QA_PARSE_MAX_PAGES\)"):
        parse_isolated(bomb_files.many_pages(1000), "long.pdf", DEFAULT_LIMITS)
    assert time.monotonic() - started < 10


def test_the_default_memory_cap_stops_an_inflating_stream() -> None:
    with pytest.raises(CorpusError, match=r"more than 1000000000 bytes of memory, the limit \(QA_PARSE_MEMORY_BYTES\)"):
        parse_isolated(bomb_files.flate_bomb(), "inflating.pdf", DEFAULT_LIMITS)


def test_text_longer_than_the_character_cap_is_rejected_naming_it() -> None:
    limits = replace(DEFAULT_LIMITS, max_chars=len(REPORT) - 1)
    with pytest.raises(CorpusError, match=r"more than the limit of \d+ \(QA_PARSE_MAX_CHARS\)"):
        parse_isolated(REPORT, "report.txt", limits)


def test_a_parse_under_the_limits_gives_what_the_parser_gives() -> None:
    (article,) = parse_isolated(REPORT, "report.txt", DEFAULT_LIMITS).articles
    assert (article.title, article.paragraphs[0].text) == (
        "A Report on Detention",
        "Former prisoners describe sixteen-hour shifts in the mines, with no pay.",
    )


@pytest.mark.slow
def test_a_worker_parses_the_next_file_after_its_child_was_killed() -> None:
    with Worker(replace(SMALL, timeout_s=1.0)) as worker:
        with pytest.raises(CorpusError, match="QA_PARSE_TIMEOUT"):
            worker.parse(bomb_files.nested_forms(), "bomb.pdf")
        assert worker.parse(REPORT, "report.txt").articles[0].title == "A Report on Detention"


def test_stopping_the_parsers_ends_a_parse_in_progress_at_once() -> None:
    """What a server asked to stop does first, so it never waits for a bomb's time limit."""
    outcome: list[str] = []
    with Worker(replace(DEFAULT_LIMITS, timeout_s=120.0)) as worker:
        worker.parse(REPORT, "report.txt")  # the child is up

        def parse() -> None:
            try:
                worker.parse(bomb_files.nested_forms(), "bomb.pdf")
            except CorpusError as error:
                outcome.append(str(error))

        thread = threading.Thread(target=parse)
        thread.start()
        time.sleep(1.0)
        stopped = time.monotonic()
        stop_all()
        thread.join(timeout=10)
    assert time.monotonic() - stopped < 2
    assert outcome == ["bomb.pdf: parsing was stopped: the process is shutting down"]


def test_one_bomb_in_the_corpus_folder_is_skipped_with_its_reason_and_the_rest_indexed(tmp_path: Path) -> None:
    (tmp_path / "bomb.pdf").write_bytes(bomb_files.flate_bomb())
    (tmp_path / "report.txt").write_bytes(REPORT)
    articles, skipped = load_corpus(tmp_path, limits=SMALL)
    assert [a.source for a in articles] == ["report.txt"]
    assert skipped == [
        ("bomb.pdf", "parsing it needs more than 268435456 bytes of memory, the limit (QA_PARSE_MEMORY_BYTES)")
    ]


def test_a_file_stopped_by_a_limit_is_parsed_again_by_the_next_build_with_a_higher_limit(tmp_path: Path) -> None:
    (tmp_path / "report.txt").write_bytes(REPORT)
    first = parse_corpus(tmp_path, limits=replace(DEFAULT_LIMITS, max_chars=20))
    assert [name for name, _ in first.skipped] == ["report.txt"]
    second = parse_corpus(tmp_path, previous=first.files)
    assert [a.source for a in second.articles] == ["report.txt"]
    assert second.skipped == []


def test_a_malformed_file_is_not_parsed_again_while_its_bytes_are_unchanged(tmp_path: Path) -> None:
    (tmp_path / "latin1.txt").write_bytes(b"caf\xe9 au lait\n")
    first = parse_corpus(tmp_path)
    second = parse_corpus(tmp_path, previous=first.files)
    assert second.files["latin1.txt"] is first.files["latin1.txt"]
    assert second.skipped == first.skipped


def test_a_deeply_nested_html_file_is_skipped_with_its_reason_and_the_rest_indexed(tmp_path: Path) -> None:
    (tmp_path / "deep.html").write_bytes(bomb_files.nested_html())
    (tmp_path / "report.txt").write_bytes(REPORT)
    articles, skipped = load_corpus(tmp_path)
    assert [a.source for a in articles] == ["report.txt"]
    assert skipped == [("deep.html", "its markup is nested more than 2048 levels deep, too deep to read")]


@pytest.mark.slow
def test_qa_index_skips_a_deeply_nested_html_file_and_indexes_the_rest(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    corpus = tmp_path / "corpus"
    corpus.mkdir()
    (corpus / "deep.html").write_bytes(bomb_files.nested_html())
    (corpus / "report.txt").write_bytes(REPORT)
    assert main(["index", "--corpus", str(corpus), "--index", str(tmp_path / "index")]) == 0
    output = capsys.readouterr()
    assert "indexed 1 documents from 2 files" in output.out
    assert "skipped deep.html: its markup is nested more than 2048 levels deep, too deep to read" in output.out


def test_a_file_name_that_is_not_utf8_is_skipped_with_its_reason(tmp_path: Path) -> None:
    (tmp_path / os.fsdecode(b"caf\xe9.txt")).write_bytes(REPORT)
    (tmp_path / "report.txt").write_bytes(REPORT)
    articles, skipped = load_corpus(tmp_path)
    assert [a.source for a in articles] == ["report.txt"]
    assert skipped == [("caf\\xe9.txt", "its name is not valid UTF-8; rename it")]


def test_the_corpus_fingerprint_takes_a_name_that_is_not_utf8(tmp_path: Path) -> None:
    path = tmp_path / os.fsdecode(b"caf\xe9.txt")
    path.write_bytes(REPORT)
    before = fingerprint([path], tmp_path)
    path.rename(tmp_path / os.fsdecode(b"caf\xe8.txt"))
    assert fingerprint([tmp_path / os.fsdecode(b"caf\xe8.txt")], tmp_path) != before


def test_limits_come_from_the_settings() -> None:
    from qa.settings import Settings

    limits = ParseLimits.of(Settings(parse_memory_bytes=300_000_000, parse_timeout=5, parse_max_pages=7))
    assert (limits.memory_bytes, limits.timeout_s, limits.max_pages, limits.seconds(10)) == (
        300_000_000,
        5.0,
        7,
        5.0 + 10 * DEFAULT_LIMITS.page_seconds,
    )


def test_a_corpus_file_that_cannot_be_read_is_skipped_with_its_reason_and_the_rest_fingerprinted(
    tmp_path: Path,
) -> None:
    """/proc/self/mem is a file whose every read fails (EIO), even for root: an unreadable document anywhere."""
    (tmp_path / "report.txt").write_bytes(REPORT)
    (tmp_path / "mem.txt").symlink_to("/proc/self/mem")
    articles, skipped = load_corpus(tmp_path)
    assert [a.source for a in articles] == ["report.txt"]
    assert skipped == [("mem.txt", "cannot be read (Input/output error)")]
    assert fingerprint([tmp_path / "mem.txt", tmp_path / "report.txt"], tmp_path)  # no OSError

"""The library lists a file once: a report parsed into parts (its appendix numbers its notes from 1 again) is one
row, linking each part by the pages it covers."""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path

from tests.parsed import articles
from web.pages import library_rows, part_label

WILD = Path(__file__).parent / "data" / "wild"
REPORT = WILD / "gao-05-927-managing-for-results.pdf"
BLOG = WILD / "v8-blog-standalone-wasm.html"


def test_a_report_in_two_parts_is_one_row_with_both_parts() -> None:
    parts = articles(REPORT)
    rows = library_rows(parts)
    assert len(parts) == 2
    assert len(rows) == 1
    assert rows[0].parts == parts


def test_a_rows_counts_add_up_its_parts() -> None:
    row = library_rows(articles(REPORT))[0]
    assert row.footnotes == 39 + 2
    assert row.paragraphs == sum(len(part.paragraphs) for part in articles(REPORT))


def test_a_part_is_named_by_the_pages_it_covers() -> None:
    labels = [part_label(part, number) for number, part in enumerate(articles(REPORT), 1)]
    assert labels == ["pages 1–38", "pages 39–49"]


def test_a_part_without_pages_is_named_by_its_place() -> None:
    assert part_label(articles(BLOG)[0], 1) == "part 1"


def test_files_with_other_titles_stay_rows_of_their_own() -> None:
    rows = library_rows(articles(REPORT) + articles(BLOG))
    assert [len(row.parts) for row in rows] == [2, 1]


def test_untitled_entries_of_one_file_stay_rows_of_their_own() -> None:
    untitled = [replace(part, title=None) for part in articles(REPORT)]
    assert len(library_rows(untitled)) == 2

"""Adding documents from the library page, in chromium against a real server: with and without JavaScript."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from playwright.sync_api import Browser, Page, expect

from embeddings import Encoder
from qa import Settings
from tests.conftest import open_built
from tests.test_browser import browser, server_url, serving  # noqa: F401  (the shared chromium and server)
from web.app import create_app

TOKEN = "upload-test-token"
WINTER = {
    "name": "winter-roads.md",
    "mimeType": "text/markdown",
    "buffer": b"# Winter Roads Report\n\nSnow closed the mountain roads near the border for most of the winter.\n",
}
EMPTY = {"name": "empty.txt", "mimeType": "text/plain", "buffer": b""}
INDEXED_WITHIN_MS = 120_000
"""Each file added is indexed before its outcome shows: seconds on a busy 2-core machine."""


@pytest.fixture
def upload_url(tmp_path: Path, small_corpus: Path, encoder: Encoder) -> Iterator[str]:
    """A server with an admin token over a private corpus, so what a test adds stays in that test."""
    settings = Settings(corpus_dir=small_corpus, index_dir=tmp_path / "index", admin_token=TOKEN)
    with serving(create_app(settings, open_built(settings, encoder))) as url:
        yield url


def choose_and_send(page: Page, files: list[dict[str, object]]) -> None:
    page.goto("/documents")
    page.get_by_label("Files").set_input_files(files)
    page.get_by_label("Admin token").fill(TOKEN)
    page.get_by_role("button", name="Add and index").click()


def test_uploading_shows_each_files_outcome_and_the_new_document_in_the_library(
    browser: Browser,  # noqa: F811
    upload_url: str,
) -> None:
    page = browser.new_page(base_url=upload_url)
    choose_and_send(page, [WINTER, EMPTY])
    expect(page.locator(".upload-results li.ok")).to_have_text(
        "winter-roads.md: added winter-roads-1", timeout=INDEXED_WITHIN_MS
    )
    expect(page.locator(".upload-results li.error")).to_contain_text("empty.txt:", timeout=INDEXED_WITHIN_MS)
    expect(page.locator("progress")).to_have_attribute("value", "2")
    expect(page.locator("table.library")).to_contain_text("Winter Roads Report", timeout=INDEXED_WITHIN_MS)
    page.goto("/documents")
    expect(page.locator("table.library")).to_contain_text("Winter Roads Report")


def test_without_javascript_the_form_posts_and_the_page_says_what_was_added(
    browser: Browser,  # noqa: F811
    upload_url: str,
) -> None:
    context = browser.new_context(base_url=upload_url, java_script_enabled=False)
    page = context.new_page()
    choose_and_send(page, [WINTER])
    expect(page.locator(".upload-results li.ok")).to_have_text(
        "winter-roads.md: added winter-roads-1", timeout=INDEXED_WITHIN_MS
    )
    expect(page.locator("table.library")).to_contain_text("Winter Roads Report")
    context.close()


def test_a_wrong_token_adds_nothing_and_says_so(browser: Browser, upload_url: str) -> None:  # noqa: F811
    context = browser.new_context(base_url=upload_url, java_script_enabled=False)
    page = context.new_page()
    page.goto("/documents")
    page.get_by_label("Files").set_input_files([WINTER])
    page.get_by_label("Admin token").fill("not-the-token")
    page.get_by_role("button", name="Add and index").click()
    expect(page.locator(".upload-results li.error")).to_have_text("That is not the server's admin token.")
    expect(page.locator("table.library")).not_to_contain_text("Winter Roads Report")
    context.close()


def test_files_dropped_on_the_form_are_the_ones_chosen(browser: Browser, upload_url: str) -> None:  # noqa: F811
    page = browser.new_page(base_url=upload_url)
    page.goto("/documents")
    page.locator(".drop-zone").evaluate(
        """zone => {
            const files = new DataTransfer();
            files.items.add(new File(["# Dropped\\n\\nText."], "dropped.md"));
            zone.dispatchEvent(new DragEvent("drop", {dataTransfer: files, bubbles: true, cancelable: true}));
        }"""
    )
    assert page.get_by_label("Files").evaluate("input => Array.from(input.files, f => f.name)") == ["dropped.md"]


def test_without_an_admin_token_the_library_has_no_upload_form(browser: Browser, server_url: str) -> None:  # noqa: F811
    page = browser.new_page(base_url=server_url)
    page.goto("/documents")
    expect(page.locator("table.library")).to_be_visible()
    expect(page.locator("form.upload-form")).to_have_count(0)
